"""The chosen municipality's highlight, drawn by the page on top of an unchanged chart.

A map or a beeswarm of every municipality changes only in its highlight (outline, labelled
dot, large marker and label) when the reader picks another municipality, yet plotly.js
redraws all 357 areas or dots for it: 80-170 ms of the browser's time per change on two
cores (bench/RESULTS.md). So the figure sent to the page leaves the highlight out and stays
the same across municipalities; the chart script (ui/plotly_react.js) draws the highlight
in SVG on top and only retitles the chart. Embeds, image files, descriptions and exports
keep the whole figure.

Builders mark highlight traces with `meta=HIGHLIGHT` and highlight annotations with
`name=HIGHLIGHT`.

The page also draws the dots of a trace marked `meta=DOTS` (a beeswarm's municipalities),
as one SVG path: plotly.js draws and styles each dot apart, 80 ms for 357 of them whenever
a page shows the chart. plotly keeps the trace for hover, legend and axis range; the figure
itself is unchanged, so whatever draws it with plotly alone draws the same dots.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import orjson

HIGHLIGHT = "highlight"
DOTS = "dots"  # a scatter trace of markers only, each a circle (filled or "-open")


@dataclass(frozen=True)
class ScreenFigure:
    """A figure as the dashboard sends it: `figure_json` without the highlight, `overlay`
    ({"traces": [...], "annotations": [...]}, empty without a highlight) and `frame`, a
    fingerprint of a highlighted figure without its title text (of the whole figure
    otherwise): charts with equal frames differ at most in their title, which the page sets
    without a redraw."""

    figure_json: str
    overlay: dict
    frame: str


def screen_figure(figure_json: str) -> ScreenFigure:
    """Split plotly JSON into the figure the page draws with plotly.js and the highlight it
    draws itself. A figure without a highlight is sent as it is (not parsed: this runs for
    every chart a page builds)."""
    if HIGHLIGHT not in figure_json:
        return ScreenFigure(figure_json, {}, _fingerprint(figure_json))
    figure = orjson.loads(figure_json)
    traces = figure.get("data", [])
    layout = figure.get("layout", {})
    marked = [trace for trace in traces if trace.get("meta") == HIGHLIGHT]
    notes = [note for note in layout.get("annotations", []) if note.get("name") == HIGHLIGHT]
    if not marked and not notes:
        return ScreenFigure(figure_json, {}, _fingerprint(figure_json))
    figure["data"] = [_placeholder(t) if i == 0 else t for i, t in enumerate(traces)]
    figure["data"] = [t for t in figure["data"] if t.get("meta") != HIGHLIGHT]
    layout["annotations"] = [n for n in layout.get("annotations", []) if n not in notes]
    screen_json = orjson.dumps(figure).decode()
    title = (layout.get("title") or {}).get("text")
    frame = screen_json
    if isinstance(title, str):  # the frame is all but the title text
        frame = frame.replace(orjson.dumps(title).decode(), "null", 1)
    return ScreenFigure(screen_json, {"traces": marked, "annotations": notes}, _fingerprint(frame))


def _fingerprint(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


def _placeholder(trace: dict) -> dict:
    """A first trace that is a highlight becomes an empty trace of its kind: on a map the
    first trace must stay a scattergeo without locations, or plotly.js downloads a world
    map from the internet (charts.maps)."""
    if trace.get("meta") != HIGHLIGHT or trace.get("type") != "scattergeo":
        return trace
    return {"type": "scattergeo", "lon": [], "lat": [], "hoverinfo": "skip", "showlegend": False}
