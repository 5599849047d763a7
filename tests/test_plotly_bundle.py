"""The trimmed plotly.js (plotlyjs/): it draws every trace the app makes, matches the plotly.js
version the Python package writes figures for, and rebuilds byte for byte from its recipe."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import plotly
import pytest

from kommuneokonomi import assets
from kommuneokonomi.state import ViewState
from kommuneokonomi.views import catalog

RECIPE = assets.PLOTLY_BUNDLE.parent


def bundled_traces() -> set[str]:
    """Trace types in the bundle: plotly's core (scatter) and those entry.js registers."""
    entry = (RECIPE / "entry.js").read_text(encoding="utf-8")
    return {"scatter"} | set(re.findall(r"plotly\.js/lib/(\w+)'", entry)) - {"core"}


def test_every_exhibit_draws_only_traces_the_bundle_has():
    drawn = set()
    for exhibit_id in catalog.EXHIBITS:
        for code in ("0301", "4601"):
            exhibit = catalog.build(exhibit_id, ViewState(kommune=code, lang="nb"))
            if exhibit.figure is not None:
                drawn |= {trace.type for trace in exhibit.figure.data}
    assert drawn, "some exhibits are charts"
    assert drawn <= bundled_traces(), f"add {drawn - bundled_traces()} to plotlyjs/entry.js"


def test_bundle_is_the_plotly_js_version_the_python_package_writes_for():
    shipped = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    version = re.search(rb"plotly\.js v(\d+\.\d+\.\d+)", shipped.read_bytes()[:300]).group(1)
    assert assets.plotly_version() == version.decode()
    pinned = json.loads((RECIPE / "package.json").read_text())["devDependencies"]["plotly.js"]
    assert pinned == assets.plotly_version(), "package.json pins the bundle's version"


@pytest.mark.slow
def test_bundle_rebuilds_byte_for_byte_from_its_recipe(tmp_path: Path):
    """npm ci + node build.mjs in a clean copy of the recipe (Node and the npm registry)."""
    if shutil.which("npm") is None or shutil.which("node") is None:
        pytest.skip("Node/npm are not installed; `make plotly-check` needs them")
    work = tmp_path / "plotlyjs"
    shutil.copytree(RECIPE, work, ignore=shutil.ignore_patterns("node_modules", "*.min.js"))
    installed = subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund"], cwd=work, capture_output=True, text=True
    )
    if installed.returncode != 0:
        pytest.skip(f"npm ci could not install the recipe: {installed.stderr[-500:]}")
    subprocess.run(["node", "build.mjs"], cwd=work, check=True, timeout=300)
    rebuilt = (work / assets.PLOTLY_BUNDLE.name).read_bytes()
    assert rebuilt == assets.PLOTLY_BUNDLE.read_bytes(), "the committed bundle is its recipe's"
