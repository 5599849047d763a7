"""Where one value stands: horizontal bars for a few regions against a reference line."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from kommuneokonomi.charts import theme


def position_bars(
    labels: Sequence[str],
    values: Sequence[float],
    colors: Sequence[str],
    texts: Sequence[str],
    reference: tuple[float, str, str] | None = None,
) -> go.Figure:
    """Bars top-down in the given order, each labelled with its formatted value.

    `reference` is (value, label, colour), e.g. the TBU norm, drawn as a dashed line.
    """
    fig = go.Figure(
        go.Bar(
            y=list(labels),
            x=list(values),
            orientation="h",
            marker={"color": list(colors)},
            text=list(texts),
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    if reference is not None:
        value, label, color = reference
        fig.add_vline(
            x=value,
            line={"color": color, "dash": "dash", "width": 1.5},
            annotation_text=label,
            annotation_position="top",
            annotation_font={"color": theme.ink(color), "size": 11},
        )
    fig.update_yaxes(autorange="reversed", showgrid=False)
    low = min([0.0, *values, reference[0] if reference else 0.0])
    high = max([0.0, *values, reference[0] if reference else 0.0])
    pad = 0.4 * (high - low or 1)  # room for the value labels outside the bars (phones too)
    fig.update_xaxes(
        zeroline=True, zerolinecolor="#999", range=[low - (pad if low < 0 else 0), high + pad]
    )
    fig.update_layout(bargap=0.35)
    return fig
