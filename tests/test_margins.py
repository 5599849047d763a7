"""Left margins sized for the y labels before the browser draws (charts.margins).

The figures here are SYNTHETIC (made-up values); the fit against the margins plotly.js
itself chooses for the dashboard's charts is in bench/RESULTS.md.
"""

from __future__ import annotations

import plotly.graph_objects as go

from kommuneokonomi.charts.margins import prime_left_margin


def _line(values, **yaxis) -> go.Figure:
    fig = go.Figure(go.Scatter(x=list(range(len(values))), y=values))
    fig.update_layout(margin={"l": 10}, yaxis=yaxis)
    return fig


def test_wider_numbers_and_an_axis_title_get_a_wider_margin():
    small, large = _line([100, 217]), _line([100_000, 294_860], tickformat=",d")
    titled = _line([100_000, 294_860], tickformat=",d", title={"text": "personer"})
    for fig in (small, large, titled):
        prime_left_margin(fig)
    assert 10 < small.layout.margin.l < large.layout.margin.l < titled.layout.margin.l


def test_percent_suffix_and_negative_values_count():
    plain, percent = _line([1.0, 4.3]), _line([-2.4, 4.3], ticksuffix=" %")
    prime_left_margin(plain)
    prime_left_margin(percent)
    assert percent.layout.margin.l > plain.layout.margin.l


def test_category_labels_set_the_width():
    fig = go.Figure(go.Bar(y=["Landet", "KOSTRA-gruppe 12"], x=[1.0, 2.0], orientation="h"))
    fig.update_layout(margin={"l": 10})
    prime_left_margin(fig)
    assert fig.layout.margin.l >= 7 * len("KOSTRA-gruppe 12")


def test_a_map_and_a_wide_margin_are_left_alone():
    geo = go.Figure(go.Scattergeo(lon=[5.3], lat=[60.4]))
    geo.update_layout(margin={"l": 10}, yaxis={"title": {"text": "unused"}})
    prime_left_margin(geo)
    assert geo.layout.margin.l == 10
    wide = _line([1, 2])
    wide.layout.margin.l = 300
    prime_left_margin(wide)
    assert wide.layout.margin.l == 300


def test_the_source_line_keeps_its_place_when_the_margin_grows():
    fig = _line([100_000, 294_860], tickformat=",d")
    fig.add_annotation(name="source", text="Kilde: SSB", xref="paper", x=0, showarrow=False)
    prime_left_margin(fig)
    assert fig.layout.annotations[0].xshift == 10 - fig.layout.margin.l
