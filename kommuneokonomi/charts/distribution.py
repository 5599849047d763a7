"""Distributions: one dot per municipality along a value axis (a beeswarm), with markers.

Dots keep their exact value on the x axis; only their vertical position is shifted so that
dots with nearly the same value do not hide each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from kommuneokonomi.charts import theme
from kommuneokonomi.charts.overlay import DOTS, HIGHLIGHT

BINS = 48  # horizontal resolution of the stacking: about one dot width at 600 px
MIN_HALF_HEIGHT = 3  # keep a few dots from filling the whole plot height


@dataclass(frozen=True)
class Dot:
    """One municipality: its value, hover text and whether the figure is preliminary."""

    value: float
    hover: str
    hollow: bool = False


@dataclass(frozen=True)
class Reference:
    """A vertical reference line such as Landet or the TBU norm."""

    value: float
    label: str
    color: str
    dash: str = "solid"


def stack_offsets(values: Sequence[float], bins: int = BINS) -> list[int]:
    """Vertical slot per value (0, 1, −1, 2, −2 …) so that dots in the same bin do not overlap."""
    if not values:
        return []
    low, high = min(values), max(values)
    width = (high - low) / bins or 1.0
    filled: dict[int, int] = {}
    offsets = []
    for value in values:
        slot = int((value - low) / width)
        n = filled.get(slot, 0)
        filled[slot] = n + 1
        offsets.append((n + 1) // 2 * (1 if n % 2 else -1))
    return offsets


def _symbols(dots: Sequence[Dot]) -> np.ndarray:
    # Text arrays go to plotly as numpy arrays: it checks a list item by item (15 ms for 357).
    return np.array(["circle-open" if d.hollow else "circle" for d in dots], dtype=object)


def beeswarm(
    dots: Sequence[Dot],
    references: Sequence[Reference],
    *,
    name: str,
    chosen: int | None = None,
    chosen_name: str = "",
    chosen_label: str = "",
    value_suffix: str = "",
) -> go.Figure:
    """Dots for all municipalities, the chosen one (index into `dots`) large and labelled,
    and labelled vertical reference lines (the lower one labelled left, the higher right).
    """
    offsets = stack_offsets([d.value for d in dots])
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=[d.value for d in dots],
            y=offsets,
            mode="markers",
            name=name,
            marker={
                "size": 9,
                "color": theme.OTHER,
                "symbol": _symbols(dots),
                "line": {"color": "#8a8a8a", "width": 1},
            },
            text=np.array([d.hover for d in dots], dtype=object),
            hovertemplate="%{text}<extra></extra>",
            meta=DOTS,
        )
    )
    if chosen is not None:
        dot = dots[chosen]
        fig.add_trace(
            go.Scatter(
                x=[dot.value],
                y=[offsets[chosen]],
                mode="markers",
                name=chosen_name,
                marker={
                    "size": 15,
                    "color": theme.KOMMUNE,
                    "symbol": _symbols([dot]),
                    "line": {"color": theme.KOMMUNE, "width": 2.5},
                },
                text=[dot.hover],
                hovertemplate="%{text}<extra></extra>",
                meta=HIGHLIGHT,
            )
        )
        fig.add_annotation(
            x=dot.value,
            y=offsets[chosen],
            text=f"<b>{chosen_label}</b>",
            showarrow=True,
            arrowhead=0,
            arrowcolor=theme.KOMMUNE,
            ax=0,
            ay=-34,
            font={"color": theme.KOMMUNE, "size": 13},
            bgcolor="rgba(255,255,255,0.85)",
            name=HIGHLIGHT,
        )
    ordered = sorted(references, key=lambda r: r.value)
    for i, ref in enumerate(ordered):
        side = "left" if i == 0 and len(ordered) > 1 else "right"
        fig.add_vline(
            x=ref.value,
            line={"color": ref.color, "dash": ref.dash, "width": 2},
            annotation_text=ref.label,
            annotation_position=f"top {side}",
            annotation_font={"color": theme.ink(ref.color), "size": 12},
            annotation_bgcolor="rgba(255,255,255,0.85)",
        )
    half = max([MIN_HALF_HEIGHT, *(abs(o) for o in offsets)]) + 1.5
    fig.update_yaxes(visible=False, range=[-half, half + 1.5], fixedrange=True)
    fig.update_xaxes(ticksuffix=value_suffix, zeroline=True, zerolinecolor="#bbb")
    fig.update_layout(hovermode="closest", dragmode=False)
    return fig
