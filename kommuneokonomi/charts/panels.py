"""Small multiples: one line chart per panel, each with its own y scale and a shared x axis."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from kommuneokonomi.charts import theme
from kommuneokonomi.charts.grid import subplot_grid
from kommuneokonomi.charts.lines import Band, Line, line_traces


@dataclass(frozen=True)
class Panel:
    """One small chart: its heading, lines and shaded bands."""

    title: str
    series: Sequence[Line]
    bands: Sequence[Band] = ()


def panel_grid(count: int, columns: int) -> tuple[int, int]:
    """(rows, columns) for `count` panels: one column on phones, else up to `columns`."""
    cols = 1 if theme.COMPACT.get() else min(columns, count)
    return -(-count // cols), cols


def _grid(rows: int, cols: int) -> tuple[str, tuple[str, ...], dict]:
    """The cached grid for panels: x axes shared, each panel its own y scale."""
    return subplot_grid(
        rows,
        cols,
        shared_xaxes="all",
        horizontal_spacing=0.09 if cols > 1 else 0.0,
        vertical_spacing=0.32 / rows,
    )


def panels(
    items: Sequence[Panel], *, columns: int = 2, tickformat: str = ",d", x_dtick: int = 10
) -> go.Figure:
    """Panels side by side (stacked on phones); each legend entry is shown once.

    Bands get a legend entry too, so a reader can tell what the shading means. The figure
    is built once from plain dicts: plotly's per-trace add_trace and update_* calls cost
    ~40 ms a figure.
    """
    rows, cols = panel_grid(len(items), columns)
    spec, suffixes, grid = _grid(rows, cols)
    layout = json.loads(spec)  # a fresh copy of the cached grid
    headings = {int(a["text"]): a for a in layout.get("annotations", [])}  # by placeholder
    seen: set[str] = set()
    traces = []
    for index, item in enumerate(items):
        heading, suffix = headings[index], suffixes[index]
        for trace in line_traces(item.series, item.bands):
            wanted = trace.get("fill") == "toself" or trace["showlegend"] is not False
            trace["showlegend"] = wanted and trace["name"] not in seen
            if wanted:
                seen.add(trace["name"])
            traces.append({**trace, "xaxis": f"x{suffix}", "yaxis": f"y{suffix}"})
        heading.update(
            text=item.title,
            x=layout[f"xaxis{suffix}"]["domain"][0],
            xanchor="left",
            font={**heading.get("font", {}), "size": 13},
        )
    for name, axis in layout.items():
        if name.startswith("yaxis"):
            axis.update(tickformat=tickformat, rangemode="tozero")
        elif name.startswith("xaxis"):
            axis["dtick"] = x_dtick
    layout["annotations"] = [headings[index] for index in range(len(items))]
    layout["hovermode"] = "closest"
    return go.Figure({"data": traces, "layout": layout, **grid})


def outer_titles(fig: go.Figure, count: int, columns: int) -> None:
    """Keep one y title (left column, middle row) and x titles on the bottom row only.

    Call after `theme.style`, which puts the titles on every axis. One y title for the whole
    grid: stacked panels on a phone are shorter than the title, so one per row overlapped.
    The layout is edited as a dict and set once (cheaper than plotly's per-axis updates).
    """
    rows, cols = panel_grid(count, columns)
    suffixes = _grid(rows, cols)[1]
    layout = fig.layout.to_plotly_json()
    layout.pop("template", None)  # the figure keeps its template when the layout is set
    for index in range(count):
        row, col = index // cols + 1, index % cols + 1
        if col > 1 or row != (rows + 1) // 2:
            layout[f"yaxis{suffixes[index]}"].get("title", {}).pop("text", None)
        if index + cols < count:
            layout[f"xaxis{suffixes[index]}"].get("title", {}).pop("text", None)
    fig.layout = layout
