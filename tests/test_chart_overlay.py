"""The chosen municipality's highlight sent apart from the figure (charts.overlay), so a map
or beeswarm of every municipality looks the same to the page whoever is chosen."""

from __future__ import annotations

import json

import plotly.graph_objects as go

from kommuneokonomi.charts.overlay import DOTS, HIGHLIGHT, screen_figure
from kommuneokonomi.state import ViewState
from kommuneokonomi.views import catalog
from tests.pagetest import chart_payloads, open_page, whole_figure


def _map(chosen: str, title: str) -> go.Figure:
    figure = go.Figure(go.Scattergeo(lon=[5.3], lat=[60.4], text=[chosen], meta=HIGHLIGHT))
    figure.add_trace(go.Choropleth(locations=["4601", "1867"], z=[1.0, -14.1]))
    figure.add_trace(go.Choropleth(locations=[chosen], z=[0], meta=HIGHLIGHT))
    figure.add_annotation(x=1, y=0, text=chosen, name=HIGHLIGHT)
    figure.add_annotation(x=0, y=0, text="Kilde: SSB", name="source")
    figure.update_layout(title={"text": title})
    return figure


def test_the_highlight_is_sent_apart_and_the_rest_is_unchanged():
    screen = screen_figure(_map("4601", "Bergen").to_json())
    sent = json.loads(screen.figure_json)
    kinds = [(t["type"], t.get("locations"), t.get("lon")) for t in sent["data"]]
    # The first trace stays an empty scattergeo (no world map download, charts.maps).
    assert kinds == [("scattergeo", None, []), ("choropleth", ["4601", "1867"], None)]
    assert [a["text"] for a in sent["layout"]["annotations"]] == ["Kilde: SSB"]
    assert [t["locations"] for t in screen.overlay["traces"] if "locations" in t] == [["4601"]]
    assert [t["text"] for t in screen.overlay["traces"] if "text" in t] == [["4601"]]
    assert [a["text"] for a in screen.overlay["annotations"]] == ["4601"]


def test_frames_are_equal_when_only_the_highlight_and_title_differ():
    bergen = screen_figure(_map("4601", "Bergen").to_json())
    bo = screen_figure(_map("1867", "Bø").to_json())
    assert bergen.frame == bo.frame
    assert bergen.figure_json != bo.figure_json, "the titles differ"
    other = _map("1867", "Bø")
    other.data[1].z = (1.0, -14.0)
    assert screen_figure(other.to_json()).frame != bo.frame


def test_a_figure_without_a_highlight_is_sent_as_it_is():
    figure = go.Figure(go.Scatter(x=[2024, 2025], y=[1.0, 2.0]))
    screen = screen_figure(figure.to_json())
    assert screen.figure_json == figure.to_json() and screen.overlay == {}


def test_the_maps_and_beeswarm_have_one_frame_for_every_municipality():
    """What makes the page skip the redraw: the same frame for Bergen and Bø."""
    for exhibit_id in ("ndr-kart", "ndr-fordeling", "framskriving-vekst-kart"):
        screens = [
            catalog.build(exhibit_id, ViewState(kommune=k, lang="nb")).screen
            for k in ("4601", "1867")
        ]
        assert screens[0].frame == screens[1].frame, exhibit_id
        assert all(s.overlay["traces"] for s in screens), exhibit_id


def test_the_page_sends_the_whole_figure_in_two_parts():
    """Put back together, what the page receives is the exhibit's figure."""
    at = open_page("driftsresultat", kommune="1867")
    sent = [json.loads(p) for p in chart_payloads(at)]
    with_overlay = [s for s in sent if s.get("overlay")]
    assert len(with_overlay) == 2
    for part in with_overlay:
        whole = whole_figure(part)
        names = {t.get("name") for t in whole["data"]}
        assert "Bø" in names
        notes = [a["text"] for a in whole["layout"].get("annotations", [])]
        assert part["figure"]["layout"]["title"]["text"] not in notes


def test_the_beeswarm_sends_its_dots_for_the_page_to_draw():
    """Every municipality's dot is in the figure as plotly would draw it (markers, one per
    municipality), marked DOTS: the page draws them as one path (ui/chart_overlay.js), and
    anything that draws the figure with plotly alone still draws every dot."""
    exhibit = catalog.build("ndr-fordeling", ViewState(kommune="1867", lang="nb"))
    sent = json.loads(exhibit.screen.figure_json)
    dots = [t for t in sent["data"] if t.get("meta") == DOTS]
    assert len(dots) == 1 and dots[0]["mode"] == "markers"
    municipalities = exhibit.data[exhibit.data["kind"] == "kommune"]
    assert len(dots[0]["x"]) == len(municipalities) == len(dots[0]["text"])
    assert exhibit.figure.data[0].meta == DOTS, "exports and embeds keep the marked trace"
