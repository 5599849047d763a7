"""Plotly charts that are updated in place: a small Streamlit component around Plotly.react.

Why not `st.plotly_chart`: its element id hashes the figure, so every chart whose numbers
change (all of them when the reader picks another municipality) is unmounted and drawn from
scratch, and on two cores without a GPU that drawing was most of a rerun (bench/RESULTS.md).
This component keeps one `<div>` per chart key and hands the new figure to `Plotly.react`.

plotly.js is the app's trimmed bundle (plotlyjs/, only the traces it draws), copied once into
the app's static files under a content-hashed name with precompressed twins
(kommuneokonomi/assets.py; `static/vendor/`, served at `/app/static/vendor/`), so each browser
loads it once and keeps it. `make run` and deploy/run_cluster.sh copy it at set-up
(`python -m kommuneokonomi.assets`), so app processes need not write to static/.
"""

from __future__ import annotations

import json
import logging
from functools import cache
from pathlib import Path

import streamlit as st

from kommuneokonomi.assets import VENDOR_DIR, plotly_script_name, vendor_plotly_js
from kommuneokonomi.charts.overlay import ScreenFigure

LOG = logging.getLogger(__name__)


def script_url() -> str:
    """Where the browser fetches plotly.js: the static route under any base path."""
    prefix = (st.get_option("server.baseUrlPath") or "").strip("/")
    return f"{'/' + prefix if prefix else ''}/app/static/vendor/{plotly_script_name()}"


@cache
def _component():
    """Register the component once per process, with plotly.js copied first. Where static/
    cannot be written (and `python -m kommuneokonomi.assets` did not copy it at
    set-up), charts say in words that they could not be drawn; the error is logged once."""
    try:
        vendor_plotly_js(twins=False)  # the twins are written at set-up
    except OSError as exc:
        LOG.error("plotly.js could not be copied to %s: %s", VENDOR_DIR, exc)
    here = Path(__file__).parent
    js = "".join(
        (here / name).read_text(encoding="utf-8")
        for name in ("chart_access.js", "chart_overlay.js", "plotly_react.js")
    )
    return st.components.v2.component(
        "kommuneokonomi.plotly_react",
        js=js.replace("__PLOTLY_SRC__", script_url()),
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
