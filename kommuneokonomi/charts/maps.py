"""Choropleth maps of municipalities, drawn from bundled boundaries (no tile server needed).

Each municipality's outline is sent to the browser once: the figure splits the boundaries
between its traces (with a value, without a value, the chosen one) instead of repeating the
whole GeoJSON per trace.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from kommuneokonomi.charts import theme
from kommuneokonomi.charts.overlay import HIGHLIGHT

# A white halo keeps the chosen municipality's label readable on any fill colour.
HALO = "1px 1px 2px white, -1px -1px 2px white, 1px -1px 2px white, -1px 1px 2px white"


@dataclass(frozen=True)
class Area:
    """One municipality on the map: code, hover text, and its value (None when missing)."""

    code: str
    hover: str
    value: float | None = None


@dataclass(frozen=True)
class Scale:
    """A colour scale centred on `mid`, symmetric: mid ± `half_range`; `format` turns a tick
    value into its label and `mid_label` names the centre (e.g. the norm). Diverging unless
    `colorscale` gives other colours (e.g. light to dark for a similarity); ticks every
    `step`, or every 2 or 5 by the range.
    """

    mid: float
    half_range: float
    title: str
    mid_label: str
    format: Callable[[float], str]
    colorscale: list | None = None
    step: float | None = None


class _SharedFeature(dict):
    """A GeoJSON feature that deep-copies as itself. Plotly deep-copies trace data when a
    trace is added and again in to_dict (every st.plotly_chart); for the outlines that was
    ~100 000 tuple copies per map. The boundaries are cached and never changed, so sharing
    them is safe.
    """

    def __deepcopy__(self, memo: dict) -> _SharedFeature:
        return self


def _subset(geojson: dict, codes: Sequence[str]) -> dict:
    wanted = set(codes)
    return {
        "type": "FeatureCollection",
        "features": [_SharedFeature(f) for f in geojson["features"] if f["id"] in wanted],
    }


def _flat_trace(
    geojson: dict, areas: Sequence[Area], name: str, fill: str, line: dict
) -> go.Choropleth:
    """Areas in one flat colour (e.g. 'no figure'), shown in the legend under `name`."""
    return go.Choropleth(
        geojson=_subset(geojson, [a.code for a in areas]),
        featureidkey="id",
        locations=[a.code for a in areas],
        z=[0] * len(areas),
        colorscale=[[0, fill], [1, fill]],
        showscale=False,
        marker={"line": line},
        text=[a.hover for a in areas],
        hovertemplate="%{text}<extra></extra>",
        name=name,
        showlegend=True,
    )


def scale_ticks(scale: Scale, step: float) -> list[float]:
    """Whole-number ticks every `step` across the scale, plus the centre (the norm) itself;
    ticks closer than half a step to the centre are dropped so the labels do not collide.
    """
    low, high = scale.mid - scale.half_range, scale.mid + scale.half_range
    first = math.ceil(low / step) * step
    ticks = [first + i * step for i in range(int((high - first) // step) + 1)]
    return sorted([t for t in ticks if abs(t - scale.mid) >= step / 2] + [scale.mid])


def _colorbar(scale: Scale) -> dict:
    """A vertical colour bar right of the map, its centre tick labelled as the norm."""
    step = scale.step or (2.0 if scale.half_range <= 6 else 5.0)
    ticks = scale_ticks(scale, step)
    labels = [scale.mid_label if t == scale.mid else scale.format(t) for t in ticks]
    return {
        "title": {"text": scale.title, "side": "top"},
        "tickvals": ticks,
        "ticktext": labels,
        "thickness": 12,
        "len": 0.75,
        "x": 1.0,
        "xanchor": "left",
        "y": 0.5,
        "outlinewidth": 0,
    }


def _value_trace(geojson: dict, areas: Sequence[Area], scale: Scale) -> go.Choropleth:
    """Areas coloured on the scale, with a colour bar beside the map."""
    return go.Choropleth(
        geojson=_subset(geojson, [a.code for a in areas]),
        featureidkey="id",
        locations=[a.code for a in areas],
        z=[a.value for a in areas],
        zmid=scale.mid,
        zmin=scale.mid - scale.half_range,
        zmax=scale.mid + scale.half_range,
        colorscale=scale.colorscale or theme.DIVERGING,
        marker={"line": {"color": "#777", "width": 0.4}},
        text=[a.hover for a in areas],
        hovertemplate="%{text}<extra></extra>",
        showlegend=False,
        colorbar=_colorbar(scale),
    )


def _outline_trace(geojson: dict, chosen: Area, name: str) -> go.Choropleth:
    """A thick outline (transparent fill) around the chosen municipality."""
    clear = "rgba(0,0,0,0)"
    return go.Choropleth(
        geojson=_subset(geojson, [chosen.code]),
        featureidkey="id",
        locations=[chosen.code],
        z=[0],
        colorscale=[[0, clear], [1, clear]],
        showscale=False,
        marker={"line": {"color": theme.KOMMUNE, "width": 3}},
        text=[chosen.hover],
        hovertemplate="%{text}<extra></extra>",
        name=name,
        showlegend=False,
        meta=HIGHLIGHT,
    )


def _label(
    chosen: Area | None, name: str, point: tuple[float, float] | None, side: str = "right"
) -> go.Scattergeo:
    """A labelled marker on the chosen municipality, its name to the `side` ('right' or
    'left') of it (an empty trace when there is none)."""
    if chosen is None or point is None:
        return go.Scattergeo(lon=[], lat=[], mode="markers", hoverinfo="skip", showlegend=False)
    return go.Scattergeo(
        lon=[point[0]],
        lat=[point[1]],
        mode="markers+text",
        marker={"size": 11, "color": theme.KOMMUNE, "line": {"color": "white", "width": 1.5}},
        text=[name],
        textposition=f"middle {side}",
        textfont={"color": theme.KOMMUNE, "size": 14, "weight": "bold", "shadow": HALO},
        hovertext=[chosen.hover],
        hovertemplate="%{hovertext}<extra></extra>",
        name=name,
        showlegend=True,
        meta=HIGHLIGHT,
    )


def mercator_aspect(extent: tuple[float, float, float, float]) -> float:
    """Height / width of a Mercator map showing `extent` (min lon, min lat, max lon, max lat)."""

    return (_mercator_y(extent[3]) - _mercator_y(extent[1])) / math.radians(extent[2] - extent[0])


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _mercator_lat(y: float) -> float:
    return math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)


def spread_markers(
    points: Sequence[tuple[float, float]],
    extent: tuple[float, float, float, float],
    size: tuple[float, float],
    gap: float,
    fixed: int = 0,
    clear_beside: float = 0.0,
    rounds: int = 60,
) -> list[tuple[float, float]]:
    """Marker positions (lon, lat) moved apart until no two are closer than `gap` px on a
    Mercator map of `extent` drawn in `size` (width, height px), so numbered markers of
    neighbouring municipalities do not cover each other; each moves as little as it can,
    the first `fixed` points not at all, and `clear_beside` px beside those (their label:
    to the right if positive, to the left if negative) are kept clear too. Callers draw a
    leader line from the original point to a moved marker."""
    y_range = _mercator_y(extent[3]) - _mercator_y(extent[1])
    px = min(size[0] / math.radians(extent[2] - extent[0]), size[1] / y_range)
    xy = [[math.radians(lon) * px, _mercator_y(lat) * px] for lon, lat in points]
    step = math.copysign(gap / 2, clear_beside)
    label = [
        [x + step * k, y]
        for x, y in xy[:fixed]
        for k in range(1, math.ceil(abs(clear_beside) / abs(step)))
    ]
    xy = [*label, *xy]
    anchored = len(label) + fixed
    for _ in range(rounds):
        moved = False
        for i in range(len(xy)):
            for j in range(max(i + 1, anchored), len(xy)):
                dx, dy = xy[j][0] - xy[i][0], xy[j][1] - xy[i][1]
                apart = math.hypot(dx, dy)
                if apart >= gap:
                    continue
                if apart == 0:  # the same point: one above the other
                    dx, dy, apart = 0.0, 1.0, 1.0
                movable = i >= anchored
                push = (gap - apart + 0.01) / (2 if movable else 1)
                ux, uy = dx / apart * push, dy / apart * push
                if movable:
                    xy[i][0] -= ux
                    xy[i][1] -= uy
                xy[j][0] += ux
                xy[j][1] += uy
                moved = True
        if not moved:
            break
    return [(math.degrees(x / px), _mercator_lat(y / px)) for x, y in xy[len(label) :]]


def choropleth(
    geojson: dict,
    areas: Sequence[Area],
    scale: Scale,
    *,
    missing_name: str,
    chosen: Area | None = None,
    chosen_name: str = "",
    label_point: tuple[float, float] | None = None,
    label_side: str = "right",
    extent: tuple[float, float, float, float] | None = None,
) -> go.Figure:
    """Municipalities coloured by value on the scale (diverging unless it says otherwise);
    missing ones in light grey.

    The chosen municipality gets a thick outline and a labelled marker at `label_point`
    (lon, lat), so it can be found even when it is small. `extent` (min lon, min lat,
    max lon, max lat) sets the view; without it the map fits all municipalities.
    """
    with_value = [a for a in areas if a.value is not None]
    without = [a for a in areas if a.value is None]
    thin = {"color": "white", "width": 0.4}
    # NOTE: plotly.js downloads a world topojson from cdn.plot.ly when the *first* trace of a
    # geo subplot has a `locationmode` (every choropleth does), and the map stays blank when
    # that fails (no internet). A scattergeo with lon/lat first avoids the download.
    fig = go.Figure(_label(chosen, chosen_name, label_point, label_side))
    if without:
        fig.add_trace(_flat_trace(geojson, without, missing_name, theme.OTHER, thin))
    if with_value:
        fig.add_trace(_value_trace(geojson, with_value, scale))
    if chosen is not None:
        fig.add_trace(_outline_trace(geojson, chosen, chosen_name))
    fig.update_geos(visible=False, projection={"type": "mercator"})
    if extent is None:
        fig.update_geos(fitbounds="locations")
    else:
        fig.update_geos(
            fitbounds=False,
            lonaxis={"range": [extent[0], extent[2]]},
            lataxis={"range": [extent[1], extent[3]]},
        )
    fig.update_layout(dragmode=False)
    return fig
