"""Line charts over time: registered series, projections (dashed) and uncertainty bands."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from kommuneokonomi.charts.theme import KOMMUNE, ink, symbol, tint


@dataclass(frozen=True)
class Line:
    """One series: its name, points, colour role and how its values are formatted on hover."""

    name: str
    x: Sequence
    y: Sequence
    color: str
    dash: str = "solid"
    width: float = 2.5
    hover: str = "%{y}"
    estimated: Sequence[bool] | None = None
    markers: bool = True
    legendgroup: str | None = None
    showlegend: bool = True


@dataclass(frozen=True)
class Band:
    """A shaded range between two series, e.g. SSB's low and high projection alternatives."""

    name: str
    x: Sequence
    low: Sequence
    high: Sequence
    color: str
    legendgroup: str | None = None


def line_traces(series: Sequence[Line], bands: Sequence[Band] = ()) -> list[dict]:
    """Scatter traces as plain dicts: bands underneath, then lines; estimated points hollow.

    Dicts, not graph objects, so a figure is validated once when it is built, not per trace.
    """
    traces = [
        {
            "type": "scatter",
            "x": [*band.x, *list(band.x)[::-1]],
            "y": [*band.high, *list(band.low)[::-1]],
            "fill": "toself",
            "fillcolor": tint(band.color, 0.15),
            "line": {"width": 0},
            "name": band.name,
            "hoverinfo": "skip",
            "legendgroup": band.legendgroup,
            "showlegend": False,
        }
        for band in bands
    ]
    for line in series:
        # Shape by colour role (theme.symbol), so the legend does not rest on colour alone.
        shape = symbol(line.color)
        symbols = (
            [f"{shape}-open" if e else shape for e in line.estimated]
            if line.estimated is not None
            else shape
        )
        traces.append(
            {
                "type": "scatter",
                "x": list(line.x),
                "y": list(line.y),
                "name": line.name,
                "mode": "lines+markers" if line.markers else "lines",
                "line": {"color": line.color, "dash": line.dash, "width": line.width},
                "marker": {
                    "size": 8 if line.color == KOMMUNE else 6,
                    "symbol": symbols,
                    "color": line.color,
                },
                "hovertemplate": f"{line.name}<br>%{{x}}: {line.hover}<extra></extra>",
                "legendgroup": line.legendgroup,
                "connectgaps": False,
                "showlegend": line.showlegend,
            }
        )
    return traces


def lines(
    series: Sequence[Line], bands: Sequence[Band] = (), hline: tuple[float, str, str] | None = None
) -> go.Figure:
    """A figure with bands underneath, then lines; estimated points get hollow markers.

    `hline` is (value, label, colour) for a reference level such as the TBU norm.
    """
    fig = go.Figure(data=line_traces(series, bands), layout={"hovermode": "closest"})
    if hline is not None:
        value, label, color = hline
        fig.add_hline(
            y=value,
            line={"color": color, "dash": "dash", "width": 1.5},
            annotation_text=label,
            annotation_position="top left",
            annotation_font={"color": ink(color), "size": 11},
        )
    return fig
