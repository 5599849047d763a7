"""Does the trimmed plotly.js draw as fast as the full one? Times Plotly.newPlot and
Plotly.react in headless Chromium for the app's own figures, both bundles side by side.

For each exhibit (two municipalities, so react has something to change) and each bundle
(plotlyjs/plotly-kommune.min.js and the plotly package's plotly.min.js), a fresh page loads
the bundle, draws the first figure and then alternates the two with Plotly.react; the page's
own clock (performance.now) times each call. Bundles alternate round by round, so a busy
machine weighs on both alike. Prints the median per exhibit and bundle, and their ratio.

Usage: .venv/bin/python bench/plotly_draw.py [--rounds 4] [--reacts 20]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

import plotly
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.benchlib import print_machine
from kommuneokonomi.assets import PLOTLY_BUNDLE
from kommuneokonomi.state import ViewState
from kommuneokonomi.views import catalog

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
BUNDLES = {
    "trimmed": PLOTLY_BUNDLE,
    "full": Path(plotly.__file__).parent / "package_data" / "plotly.min.js",
}
EXHIBITS = ["ndr-trend", "ndr-kart", "ndr-fordeling", "sammenlign-smaa", "sammenlign-indeks"]
EXHIBITS += ["befolkning-stotte", "profil-posisjon"]
TIME = """
async ([figures, reacts]) => {
  const gd = document.getElementById("chart");
  const clock = async (fn) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  const first = await clock(() => Plotly.newPlot(gd, figures[0].data, figures[0].layout));
  const times = [];
  for (let i = 1; i <= reacts; i++) {
    const f = figures[i % figures.length];
    times.push(await clock(() => Plotly.react(gd, f.data, f.layout)));
  }
  return [first, times];
}
"""


def figures(exhibit_id: str) -> list[dict]:
    """The exhibit's figure for Bergen and for Oslo, as plotly JSON."""
    built = [catalog.build(exhibit_id, ViewState(kommune=k, lang="nb")) for k in ("4601", "0301")]
    return [json.loads(e.figure_json) for e in built if e.figure is not None]


def main() -> int:
    """Time both bundles on every exhibit, alternating, and print medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--reacts", type=int, default=20)
    args = parser.parse_args()
    print_machine()
    figs = {e: figures(e) for e in EXHIBITS}
    first = {(e, b): [] for e in EXHIBITS for b in BUNDLES}
    react = {(e, b): [] for e in EXHIBITS for b in BUNDLES}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        for _ in range(args.rounds):
            for bundle, path in BUNDLES.items():
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.set_content('<div id="chart" style="width:1200px"></div>')
                page.add_script_tag(path=str(path))
                for exhibit_id, pair in figs.items():
                    made, times = page.evaluate(TIME, [pair, args.reacts])
                    first[exhibit_id, bundle].append(made)
                    react[exhibit_id, bundle] += times
                page.close()
        browser.close()
    print(f"{'exhibit':20s} {'newPlot trimmed/full ms':>24s} {'react trimmed/full ms':>22s}  ratio")
    for e in EXHIBITS:
        n = [statistics.median(first[e, b]) for b in BUNDLES]
        r = [statistics.median(react[e, b]) for b in BUNDLES]
        print(f"{e:20s} {n[0]:11.1f} / {n[1]:8.1f} {r[0]:11.1f} / {r[1]:8.1f}  {r[0] / r[1]:5.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
