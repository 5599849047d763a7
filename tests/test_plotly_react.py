"""The in-place chart component: what it sends, and the plotly.js copy it serves."""

from __future__ import annotations

import gzip
import json

import brotli
import plotly.graph_objects as go
import pytest
import streamlit as st

from kommuneokonomi import assets
from kommuneokonomi.charts.overlay import screen_figure
from kommuneokonomi.ui import plotly_react
from tests.pagetest import CHART_COMPONENT, chart_payloads, open_page, specs


def test_vendored_plotly_js_is_the_trimmed_bundle_with_compressed_twins(tmp_path):
    path = assets.vendor_plotly_js(tmp_path)
    assert path.name == assets.plotly_script_name()
    assert path.read_bytes() == assets.PLOTLY_BUNDLE.read_bytes()
    assert gzip.decompress(path.with_suffix(".js.gz").read_bytes()) == path.read_bytes()
    assert brotli.decompress(path.with_suffix(".js.br").read_bytes()) == path.read_bytes()
    stamp = path.stat().st_mtime_ns
    assert assets.vendor_plotly_js(tmp_path) == path
    assert path.stat().st_mtime_ns == stamp, "an existing copy is not written again"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == [], "no temp files"


def test_a_missing_twin_is_written_again(tmp_path):
    path = assets.vendor_plotly_js(tmp_path)
    path.with_suffix(".js.gz").unlink()
    assets.vendor_plotly_js(tmp_path)
    assert path.with_suffix(".js.gz").exists()


def test_the_charts_module_names_plotly_beside_it_and_goes_out_compressed(tmp_path):
    path = assets.vendor_chart_js(tmp_path)
    assert path.name == assets.chart_script_name()
    module = path.read_text(encoding="utf-8")
    assert f'new URL("{assets.plotly_script_name()}", import.meta.url)' in module
    assert "__PLOTLY_SCRIPT__" not in module
    for source in assets.CHART_SOURCES:
        assert source.read_text(encoding="utf-8").split("\n", 1)[0] in module
    assert module.count("export default") == 1, "one module, one entry point"
    assert brotli.decompress(path.with_suffix(".js.br").read_bytes()) == path.read_bytes()
    assert gzip.decompress(path.with_suffix(".js.gz").read_bytes()) == path.read_bytes()


def test_each_chart_carries_the_small_loader_not_the_charts_code():
    """Streamlit sends a component's inline script with every chart of every rerun."""
    at = open_page("kommuneprofil", kommune="4601")
    charts = [e for e in at.get("bidi_component") if e.proto.component_name == CHART_COMPONENT]
    assert len(charts) >= 4
    for chart in charts:
        inline = chart.proto.js_content
        assert len(inline) < 2_000
        assert plotly_react.vendor_url(assets.chart_script_name()) in inline
        assert "Plotly.react" not in inline


@pytest.mark.parametrize(("base", "prefix"), [("", ""), ("/kommune/", "/kommune")])
def test_vendor_urls_follow_the_base_path(base, prefix):
    old = st.get_option("server.baseUrlPath")
    st.config.set_option("server.baseUrlPath", base)
    try:
        name = assets.chart_script_name()
        assert plotly_react.vendor_url(name) == f"{prefix}/app/static/vendor/{name}"
    finally:
        st.config.set_option("server.baseUrlPath", old)


def test_payload_is_json_with_figure_config_and_texts():
    figure = go.Figure(go.Bar(x=["Bø"], y=[1.5]), layout={"title": {"text": 'a "quoted" title'}})
    texts = {
        "label": 'Bø: "netto" <b>driftsresultat</b>',
        "description": "Søylediagram. 2025: 1,5.",
        "toolbar": "Verktøy for figuren",
        "failed": "feilet",
    }
    body = plotly_react.payload(screen_figure(figure.to_json()), {"displaylogo": False}, texts)
    sent = json.loads(body)
    assert sent["figure"] == json.loads(figure.to_json())
    assert sent["config"] == {"displaylogo": False}
    assert {key: sent[key] for key in texts} == texts
    assert "overlay" not in sent, "a figure without a highlight has no overlay"


def test_pages_send_each_chart_once_with_its_exhibits_title_as_label():
    at = open_page("driftsresultat", kommune="4601")
    assert not at.exception
    payloads = [json.loads(p) for p in chart_payloads(at)]
    assert payloads and len(payloads) == len(specs(at))
    for sent in payloads:
        title = sent["figure"]["layout"]["title"]["text"]
        assert sent["label"].split()[0] in title
        assert sent["config"]["toImageButtonOptions"]["filename"].startswith("4601-")
        assert sent["failed"].startswith("Grafen kunne ikke tegnes")
