"""Small multiples: one small line chart per panel on a shared y axis, in a grid."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from kommuneokonomi.charts import theme
from kommuneokonomi.charts.grid import subplot_grid
from kommuneokonomi.charts.lines import Line, line_traces

PANEL_PX = {False: 150, True: 130}  # panel height on wide screens and on phones
GAP_PX = 52  # room between rows for the panel title and the x tick labels


@dataclass(frozen=True)
class Panel:
    """One panel: its title, its lines, and the text to show when it has none."""

    title: str
    lines: Sequence[Line]
    empty_text: str = ""


def columns_for(count: int) -> int:
    """Panels per row: two on phones (readable at 390 px), up to four elsewhere."""
    return min(count, 2 if theme.COMPACT.get() else 4) or 1


def plot_height(count: int) -> int:
    """Pixel height of the panel grid (without title and source line)."""
    rows = math.ceil(count / columns_for(count))
    return rows * PANEL_PX[theme.COMPACT.get()] + (rows - 1) * GAP_PX


def _grid(rows: int, cols: int, count: int) -> tuple[str, tuple[str, ...], dict]:
    """The cached grid for `count` panels: one y axis shared by all, gaps for the titles."""
    return subplot_grid(
        rows,
        cols,
        shared_yaxes="all",
        vertical_spacing=GAP_PX / plot_height(count) if rows > 1 else 0.0,
        horizontal_spacing=0.04 if cols > 2 else 0.06,
    )


def small_multiples(panels: Sequence[Panel], x_range: tuple[float, float]) -> go.Figure:
    """A grid of panels sharing one y axis (so levels compare) and one x range.

    Traces come from `line_traces()`, so estimated points get the same hollow markers
    everywhere. The figure is built once from plain dicts: plotly's per-trace add_trace and
    update_* calls cost ~40 ms a figure.
    """
    cols = columns_for(len(panels))
    rows = math.ceil(len(panels) / cols)
    spec, suffixes, grid = _grid(rows, cols, len(panels))
    layout = json.loads(spec)  # a fresh copy of the cached grid
    annotations = [  # the panel titles, by placeholder; none over empty cells
        {**a, "text": panels[int(a["text"])].title}
        for a in layout.get("annotations", [])
        if int(a["text"]) < len(panels)
    ]
    traces = []
    for panel, number in zip(panels, suffixes, strict=False):
        x, y = f"x{number}", f"y{number}"
        traces += [{**trace, "xaxis": x, "yaxis": y} for trace in line_traces(panel.lines)]
        if not any(len(line.x) for line in panel.lines):
            annotations.append(
                {
                    "text": panel.empty_text,
                    "xref": f"{x} domain",
                    "yref": f"{y} domain",
                    "x": 0.5,
                    "y": 0.5,
                    "showarrow": False,
                    "font": {"size": 11, "color": "#555"},
                }
            )
    for annotation in annotations:
        annotation.setdefault("font", {})["size"] = 12
    for name in layout:
        if name.startswith("xaxis"):
            layout[name].update(range=list(x_range), nticks=4, tickformat="d")
    layout["annotations"] = annotations
    layout["hovermode"] = "closest"
    return go.Figure({"data": traces, "layout": layout, **grid})


def bottom_axes(count: int) -> set[str]:
    """Layout names ('xaxis3') of the lowest panel in each column: they carry the x title."""
    cols = columns_for(count)
    rows = math.ceil(count / cols)
    suffixes = _grid(rows, cols, count)[1]
    lowest = {i % cols: i for i in range(count)}
    return {f"xaxis{suffixes[i]}" for i in lowest.values()}
