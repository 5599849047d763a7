"""Where a rerun's time goes in the browser (a script, not a test).

bench/browser_timings.py says how long a change of municipality takes; this says on what. It
changes the municipality on one page the way that script does and prints, per change: the
time from the reader's press until the script runs ("to run"), until it has finished in the
page ("script", which ends late when the browser is busy drawing, since the server's messages
wait for the page's main thread), the sum and count of Plotly.react calls with each chart's
share, and the whole ("total", press to the finished frame). Medians are over repeat visits
(the municipalities cycle, as in browser_timings).

Usage: .venv/bin/python bench/rerun_breakdown.py befolkning [--port 8711] [--runs 14]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.benchlib import print_machine, start_streamlit, stop_process
from bench.browser_timings import KOMMUNER, SETTLED, change_kommune, first_chart, open_browser

# Before any page script: time every Plotly.react (with the chart's title) and every change
# of Streamlit's script state, and keep the reader's press.
WATCH = """
window.__ko = {reacts: [], states: []};
let plotly;
Object.defineProperty(window, "Plotly", {configurable: true, get() { return plotly; },
  set(value) {
    plotly = value;
    const react = value.react.bind(value);
    value.react = async (gd, data, layout, config) => {
      const started = performance.now();
      const done = await react(gd, data, layout, config);
      const title = ((layout.title && (layout.title.text || layout.title)) || "").slice(0, 40);
      window.__ko.reacts.push({started, ended: performance.now(), title});
      return done;
    };
  }});
new MutationObserver(() => {
  const state = document.querySelector("[data-testid='stApp']")?.dataset.testScriptState;
  const states = window.__ko.states;
  if (!states.length || states[states.length - 1].state !== state) {
    states.push({state, at: performance.now()});
  }
}).observe(document, {subtree: true, attributes: true,
  attributeFilter: ["data-test-script-state"]});
document.addEventListener("pointerdown", (e) => { window.__ko.pressed = e.timeStamp; },
  {capture: true});
"""


def one_change(page, code: str) -> dict:
    """Change the municipality; the figures of that change in ms."""
    page.evaluate("window.__ko.reacts = []; window.__ko.states = [];")
    in_page, _ = change_kommune(page, code)
    ko = page.evaluate("window.__ko")
    pressed = ko["pressed"]
    running = next((s["at"] for s in ko["states"] if s["state"] == "running"), None)
    finished = next((s["at"] for s in ko["states"] if s["state"] == "notRunning"), None)
    reacts = ko["reacts"]
    return {
        "total": in_page * 1000,
        "to run": running - pressed if running else None,
        "script": finished - running if running and finished else None,
        "react sum": sum(r["ended"] - r["started"] for r in reacts),
        "reacts": len(reacts),
        "charts": {r["title"]: round(r["ended"] - r["started"]) for r in reacts},
    }


def main() -> int:
    """Start a server, change the municipality --runs times on the page, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page", help="the page's path: '' (profile), driftsresultat, ...")
    parser.add_argument("--port", type=int, default=8711)
    parser.add_argument("--runs", type=int, default=14)
    args = parser.parse_args()
    print_machine()
    with sync_playwright() as pw:
        browser, page = open_browser(pw)
        page.add_init_script(WATCH)
        proc = start_streamlit(args.port)
        try:
            first_chart(args.port, page, time.perf_counter())  # waits for the server
            page.goto(f"http://127.0.0.1:{args.port}/{args.page}?kommune=4601")
            page.wait_for_function(SETTLED, polling=10, timeout=120_000)
            changes = []
            for i in range(args.runs):
                code = KOMMUNER[(i + 1) % len(KOMMUNER)]
                changes.append(one_change(page, code))
                shown = changes[-1].items()
                print(code, {k: round(v) if isinstance(v, float) else v for k, v in shown})
        finally:
            browser.close()
            stop_process(proc)
    repeats = changes[len(KOMMUNER) :] or changes
    for name in ("total", "to run", "script", "react sum"):
        values = [c[name] for c in repeats if c[name] is not None]
        print(f"{name:10s} median {statistics.median(values):6.0f} ms (repeat visits)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
