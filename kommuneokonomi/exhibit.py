"""An exhibit: one chart or table together with the exact data it shows and its provenance.

Pages render exhibits, embeds show them alone, and exports write their data and metadata,
so what a reader sees, downloads and embeds is always the same set of numbers.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Concatenate, ParamSpec, TypeVar

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from kommuneokonomi.charts.margins import prime_left_margin
from kommuneokonomi.charts.overlay import ScreenFigure, screen_figure
from kommuneokonomi.describe import describe
from kommuneokonomi.i18n import current, language
from kommuneokonomi.sources import SourceRef


@dataclass(frozen=True)
class Exhibit:
    """A chart (or table) with the tidy data behind it, its title, sources and notes.

    `notes` is the one line shown under it; `details` are the longer explanations that travel
    with the exported files (series breaks, groupings, estimates)."""

    id: str
    title: str
    data: pd.DataFrame
    columns: dict[str, str]
    sources: tuple[SourceRef, ...]
    source_text: str
    period: str
    lang: str = field(default_factory=current)  # the language it was built in
    figure: go.Figure | None = None
    notes: tuple[str, ...] = ()
    details: tuple[str, ...] = ()
    kommune_code: str | None = None
    slug: str = ""
    params: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """An exhibit shows at most one note under it (what is computed, preliminary or
        missing; views.notes), the rest goes to `details`. Its figure is final: size its left
        margin for its labels, so the browser draws it in one pass (charts.margins)."""
        if len(self.notes) > 1:
            raise ValueError(f"{self.id}: one note under a chart at most, got {self.notes}")
        if self.figure is not None:
            prime_left_margin(self.figure)

    @cached_property
    def figure_json(self) -> str:
        """The figure as plotly JSON, serialised once: exhibits are memoised and never mutated,
        so a rerun that shows a view seen before sends the same text without rebuilding it."""
        return pio.to_json(self.figure, validate=False) if self.figure is not None else "null"

    @cached_property
    def screen(self) -> ScreenFigure:
        """The figure as the dashboard page draws it: the chosen municipality's highlight
        apart, so a map of every municipality is not redrawn for it (charts.overlay)."""
        return screen_figure(self.figure_json)

    @cached_property
    def description(self) -> str:
        """What a screen reader hears after the title: the kind of chart and what its data
        show, in the exhibit's language (kommuneokonomi.describe); '' without a chart."""
        return describe(self)

    @property
    def filename_stem(self) -> str:
        """'4601-netto-driftsresultat-2015-2025': municipality, indicator and period."""
        parts = [self.kommune_code or "norge", self.slug or self.id, self.period]
        return "-".join(p.replace(" ", "").replace("–", "-") for p in parts if p)


P = ParamSpec("P")
R = TypeVar("R")


def in_its_language(
    func: Callable[Concatenate[Exhibit, P], R],
) -> Callable[Concatenate[Exhibit, P], R]:
    """Run a function of an exhibit (an export, an embed file) in the exhibit's language, so
    its texts match the exhibit's whatever language the caller runs in."""

    @functools.wraps(func)
    def wrapper(exhibit: Exhibit, *args: P.args, **kwargs: P.kwargs) -> R:
        with language(exhibit.lang):
            return func(exhibit, *args, **kwargs)

    return wrapper
