"""Left margins wide enough for the y axis labels, set before the browser draws the figure.

Axes keep `automargin`, so a label never gets cut off, but plotly.js draws a figure twice
when automargin has to widen a margin, and it does so on every redraw: on a municipality
change that second pass was about a fifth of the browser's time on the five-chart pages
(bench/RESULTS.md). A margin that is already wide enough needs no second pass. The estimate
here errs on the wide side; where it is short, automargin still widens it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from numbers import Real

import plotly.graph_objects as go

from kommuneokonomi.charts.theme import SOURCE_NOTE

# Fitted to the margins plotly.js itself chose for the dashboard's charts (1280 and 390 px).
CHAR_PX = 7.0  # a digit at the house font size (13 px); '%' counts as two
LETTER_PX = 7.9  # an average letter of a category label ('KOSTRA-gruppe 12')
TICK_PX = 11  # tick mark and gap to the label
TITLE_PX = 24  # rotated axis title and its gap


def _numbers(values: Iterable) -> list[float]:
    out = []
    for value in values:
        if isinstance(value, Real) and not isinstance(value, bool) and math.isfinite(value):
            out.append(float(value))
    return out


def _number_chars(values: list[float], tickformat: str, suffix: str) -> int:
    """Characters of the widest tick label plotly would print for these values."""
    top = max(abs(v) for v in values)
    # With a thousands separator, or below 10 000, every digit is printed; else '300k'.
    digits = len(f"{round(top):,}") if "," in tickformat or top < 10_000 else 4
    span = max(values) - min(values)
    decimals = 2 if span < 3 or (top < 10 and span < 6) else 0  # '2,5', '12,5 %'
    sign = 1 if min(values) < 0 else 0
    return digits + decimals + sign + len(suffix) + suffix.count("%")


def _label_px(fig: go.Figure, name: str, axis: dict) -> float:
    """Width in px of the widest label on the y axis `name` ('yaxis', 'yaxis2', …); 0 when
    no trace draws on it."""
    if axis.get("ticktext") is not None:
        return LETTER_PX * max((len(str(t)) for t in axis["ticktext"]), default=0)
    ref = "y" + name.removeprefix("yaxis")
    labels: list[str] = []
    numbers: list[float] = []
    for trace in fig.data:
        if (getattr(trace, "yaxis", None) or "y") != ref:
            continue
        values = getattr(trace, "y", None)
        if values is None:
            continue
        values = list(values)
        numbers += _numbers(values)
        labels += [v for v in values if isinstance(v, str)]
    if axis.get("range"):
        numbers += _numbers(axis["range"])
    width = LETTER_PX * max((len(label) for label in labels), default=0)
    if numbers:
        suffix = str(axis.get("ticksuffix") or "")
        chars = _number_chars(numbers, str(axis.get("tickformat") or ""), suffix)
        width = max(width, CHAR_PX * chars)
    return width


def prime_left_margin(fig: go.Figure) -> None:
    """Widen the figure's left margin to fit its y axis labels and title, so plotly.js
    draws it in one pass. Figures without a y axis (maps) are left as they are.

    The source line stays where it was, at the figure's left edge under the title: it is
    placed relative to the plot area, so it moves left by as much as the margin grows
    (on a phone, a wide margin would otherwise cut it off at the right).
    """
    layout = fig.layout.to_plotly_json()
    widest = 0.0
    for name in sorted({"yaxis", *layout}):
        axis = layout.get(name, {})
        if not name.startswith("yaxis") or not isinstance(axis, dict):
            continue
        if axis.get("visible") is False or axis.get("showticklabels") is False:
            continue
        labels = _label_px(fig, name, axis)
        if not labels:
            continue
        title = axis.get("title") or {}
        widest = max(widest, labels + TICK_PX + (TITLE_PX if title.get("text") else 0))
    current = (layout.get("margin") or {}).get("l", 0)
    if widest > current:
        fig.layout.margin.l = math.ceil(widest)
        for note in fig.layout.annotations:
            if note.name == SOURCE_NOTE and note.xref == "paper":
                note.xshift = current - fig.layout.margin.l
