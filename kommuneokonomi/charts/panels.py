"""Small multiples: one line chart per panel, each with its own y scale and a shared x axis."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from kommuneokonomi.charts import theme
from kommuneokonomi.charts.lines import Band, Line, lines


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


def panels(
    items: Sequence[Panel], *, columns: int = 2, tickformat: str = ",d", x_dtick: int = 10
) -> go.Figure:
    """Panels side by side (stacked on phones); each legend entry is shown once.

    Bands get a legend entry too, so a reader can tell what the shading means.
    """
    rows, cols = panel_grid(len(items), columns)
    fig = make_subplots(
        rows=rows,
        cols=cols,
        subplot_titles=[p.title for p in items],
        shared_xaxes="all",
        horizontal_spacing=0.09 if cols > 1 else 0.0,
        vertical_spacing=0.32 / rows,
    )
    seen: set[str] = set()
    for index, item in enumerate(items):
        row, col = index // cols + 1, index % cols + 1
        for trace in lines(item.series, item.bands).data:
            wanted = trace.fill == "toself" or trace.showlegend is not False
            trace.showlegend = wanted and trace.name not in seen
            if wanted:
                seen.add(trace.name)
            fig.add_trace(trace, row=row, col=col)
        heading = fig.layout.annotations[index]
        heading.update(
            x=fig.get_subplot(row, col).xaxis.domain[0], xanchor="left", font={"size": 13}
        )
    fig.update_yaxes(tickformat=tickformat, rangemode="tozero")
    fig.update_xaxes(dtick=x_dtick)
    fig.update_layout(hovermode="closest")
    return fig


def outer_titles(fig: go.Figure, count: int, columns: int) -> None:
    """Keep one y title (left column, middle row) and x titles on the bottom row only.

    Call after `theme.style`, which puts the titles on every axis. One y title for the whole
    grid: stacked panels on a phone are shorter than the title, so one per row overlapped.
    """
    rows, cols = panel_grid(count, columns)
    for index in range(count):
        row, col = index // cols + 1, index % cols + 1
        subplot = fig.get_subplot(row, col)
        if col > 1 or row != (rows + 1) // 2:
            subplot.yaxis.title.text = None
        if index + cols < count:
            subplot.xaxis.title.text = None
