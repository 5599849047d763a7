"""Plotly charts that are updated in place: a small Streamlit component around Plotly.react.

Why not `st.plotly_chart`: its element id hashes the figure, so every chart whose numbers
change (all of them when the reader picks another municipality) is unmounted and drawn from
scratch, and on two cores without a GPU that drawing was most of a rerun (bench/RESULTS.md).
This component keeps one `<div>` per chart key and hands the new figure to `Plotly.react`.

The component's code (plotly_react.js with chart_access.js and chart_overlay.js) and plotly.js
(the app's trimmed bundle in plotlyjs/, only the traces it draws) are static files under
content-hashed names with precompressed twins (kommuneokonomi/assets.py; `static/vendor/`,
served at `/app/static/vendor/`), so each browser loads them once and keeps them. The
component's inline script is only chart_loader.js, which imports that module: Streamlit sends
an inline script with every chart on every rerun. `make run` and deploy/run_cluster.sh write
the files at set-up (`python -m kommuneokonomi.assets`), so app processes need not write to
static/.
"""

from __future__ import annotations

import json
import logging
from functools import cache
from pathlib import Path

import streamlit as st

from kommuneokonomi.assets import (
    VENDOR_DIR,
    chart_script_name,
    vendor_chart_js,
    vendor_plotly_js,
)
from kommuneokonomi.charts.overlay import ScreenFigure

LOG = logging.getLogger(__name__)


def vendor_url(name: str) -> str:
    """Where the browser fetches a file of static/vendor/, under any base path."""
    prefix = (st.get_option("server.baseUrlPath") or "").strip("/")
    return f"{'/' + prefix if prefix else ''}/app/static/vendor/{name}"


@cache
def _component():
    """Register the component once per process, with the charts' module and plotly.js
    written first. Where static/ cannot be written (and `python -m kommuneokonomi.assets` did
    not write them at set-up), charts say in words that they could not be drawn; the error
    is logged once."""
    try:
        vendor_plotly_js(twins=False)  # the twins are written at set-up
        vendor_chart_js(twins=False)
    except OSError as exc:
        LOG.error("The chart scripts could not be written to %s: %s", VENDOR_DIR, exc)
    loader = Path(__file__).with_name("chart_loader.js").read_text(encoding="utf-8")
    return st.components.v2.component(
        "kommuneokonomi.plotly_react",
        js=loader.replace("__CHART_MODULE__", vendor_url(chart_script_name())),
        isolate_styles=False,
    )


def payload(screen: ScreenFigure, config: dict, texts: dict[str, str]) -> bytes:
    """The bytes the browser receives: the figure's JSON, its highlight and frame
    (charts.overlay), the plotly config and the texts (`label` and `description` for screen
    readers, `toolbar` naming the chart's mode bar, `failed` shown if plotly.js cannot be
    loaded)."""
    head = {"config": config, **texts, "frame": screen.frame}
    if screen.overlay:
        head["overlay"] = screen.overlay
    text = json.dumps(head, ensure_ascii=False)
    return f'{text[:-1]}, "figure": {screen.figure_json}}}'.encode()


def plotly_react(screen: ScreenFigure, *, key: str, config: dict, texts: dict[str, str]) -> None:
    """Draw a figure in a chart that stays mounted under `key` and is updated in place
    when the figure changes; `texts` as in `payload`."""
    _component()(key=key, data=payload(screen, config, texts), width="stretch")
