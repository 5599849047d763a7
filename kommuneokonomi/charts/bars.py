"""One value per year as vertical bars, each labelled with its formatted value."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go


def year_bars(
    years: Sequence[int],
    values: Sequence[float],
    colors: Sequence[str],
    texts: Sequence[str],
    hovers: Sequence[str],
) -> go.Figure:
    """Bars for each year from a zero line; a bar's colour carries its sign's meaning and its
    label says it in numbers, so colour is never the only cue."""
    fig = go.Figure(
        go.Bar(
            x=list(years),
            y=list(values),
            marker={"color": list(colors), "line": {"color": "#333", "width": 0.5}},
            text=list(texts),
            textposition="outside",
            cliponaxis=False,
            hovertext=list(hovers),
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    low, high = min([0.0, *values]), max([0.0, *values])
    pad = 0.18 * (high - low or 1)  # room for the labels above and below the bars
    fig.update_yaxes(
        zeroline=True,
        zerolinecolor="#666",
        range=[low - (pad if low < 0 else 0), high + (pad if high > 0 else 0)],
    )
    fig.update_xaxes(dtick=1, showgrid=False)
    fig.update_layout(bargap=0.3, showlegend=False)
    return fig
