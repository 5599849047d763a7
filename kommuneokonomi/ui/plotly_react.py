"""Plotly charts that are updated in place: a small Streamlit component around Plotly.react.

Why not `st.plotly_chart`: its element id hashes the figure, so every chart whose numbers
change (all of them when the reader picks another municipality) is unmounted and drawn from
scratch, and on two cores without a GPU that drawing was most of a rerun (bench/RESULTS.md).
This component keeps one `<div>` per chart key and hands the new figure to `Plotly.react`.

plotly.js itself comes from the installed plotly package: it is copied once into the app's
static files (`static/vendor/`, served at `/app/static/vendor/`, never committed) with a
gzip twin for nginx, and each browser loads it once per page. `make run` and
deploy/run_cluster.sh copy it at set-up (`python -m kommuneokonomi.ui.plotly_react`), so app
processes need not write to static/.
"""

from __future__ import annotations

import gzip
import json
import logging
from functools import cache
from pathlib import Path

import plotly
import streamlit as st

from kommuneokonomi.files import write_atomic
from kommuneokonomi.settings import PROJECT_ROOT

LOG = logging.getLogger(__name__)
VENDOR_DIR = PROJECT_ROOT / "static" / "vendor"
SOURCE = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def vendored_name() -> str:
    """The file name of this plotly version's JavaScript under static/vendor/."""
    return f"plotly-{plotly.__version__}.min.js"


def vendor_plotly_js(directory: Path = VENDOR_DIR) -> Path:
    """Copy plotly.min.js (and a .gz twin for nginx's gzip_static) into `directory` unless
    this version is already there; return the path of the JavaScript file."""
    target = directory / vendored_name()
    if target.exists() and target.with_suffix(".js.gz").exists():
        return target
    script = SOURCE.read_bytes()
    write_atomic(target, script)
    write_atomic(target.with_suffix(".js.gz"), gzip.compress(script, mtime=0))
    return target


def script_url() -> str:
    """Where the browser fetches plotly.js: the static route under any base path."""
    prefix = (st.get_option("server.baseUrlPath") or "").strip("/")
    return f"{'/' + prefix if prefix else ''}/app/static/vendor/{vendored_name()}"


@cache
def _component():
    """Register the component once per process, with plotly.js copied first. Where static/
    cannot be written (and `python -m kommuneokonomi.ui.plotly_react` did not copy it at
    set-up), charts say in words that they could not be drawn; the error is logged once."""
    try:
        vendor_plotly_js()
    except OSError as exc:
        LOG.error("plotly.js could not be copied to %s: %s", VENDOR_DIR, exc)
    js = (Path(__file__).with_name("plotly_react.js")).read_text(encoding="utf-8")
    return st.components.v2.component(
        "kommuneokonomi.plotly_react",
        js=js.replace("__PLOTLY_SRC__", script_url()),
        isolate_styles=False,
    )


def payload(figure_json: str, config: dict, label: str, failed: str) -> bytes:
    """The bytes the browser receives: the figure's JSON, the plotly config, the chart's
    accessible label and the message shown if plotly.js cannot be loaded."""
    head = json.dumps({"config": config, "label": label, "failed": failed}, ensure_ascii=False)
    return f'{head[:-1]}, "figure": {figure_json}}}'.encode()


def plotly_react(figure_json: str, *, key: str, config: dict, label: str, failed: str) -> None:
    """Draw a figure (plotly JSON) in a chart that stays mounted under `key` and is updated
    in place when the figure changes."""
    _component()(key=key, data=payload(figure_json, config, label, failed), width="stretch")


if __name__ == "__main__":  # set-up: `python -m kommuneokonomi.ui.plotly_react`
    print(vendor_plotly_js())
