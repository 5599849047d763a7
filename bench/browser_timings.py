"""Time the app as a reader feels it, from a real headless Chromium (a script, not a test).

Prints three figures with the machine they were measured on:
- server start to first chart: from launching `streamlit run` until the first plotly chart of
  a deep link is drawn (server start-up, first data load and the first script run);
- rerun after changing the municipality with the picker (type its number, click it) until the
  page has re-run and every chart title names the new municipality;
- page switch by clicking the navigation until the new page's charts are drawn.
Median and p95 over --runs repetitions each. The picker cycles through six municipalities,
so most reruns repeat a view (built figures are cached); first visits are reported apart.
Aims (issue 4): rerun p95 < 300 ms and page switch p95 < 500 ms on 2 cores.

Usage: .venv/bin/python bench/browser_timings.py [--port 8614] [--runs 20]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.benchlib import percentile, print_machine, start_streamlit, stop_process
from kommuneokonomi.queries.kommuner import index

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
]
KOMMUNER = ["4601", "0301", "4632", "5001", "1867", "1508"]
# Pages whose charts name the chosen municipality (Om dataene's chart covers all of them).
RERUN_PAGES = ["", "driftsresultat", "befolkning", "sammenlign"]
NAV_TITLES = ["Kommuneprofil", "Netto driftsresultat", "Befolkning og framskriving"]
NAV_TITLES += ["Sammenlign", "Om dataene"]

# True once the script has finished and every chart is drawn, with nothing stale left over.
SETTLED = """
() => !document.querySelector("[data-testid='stStatusWidget']")
  && !document.querySelector("[data-stale='true']")
  && document.querySelectorAll(".js-plotly-plot").length > 0
  && document.querySelectorAll(".js-plotly-plot").length
     === document.querySelectorAll(".js-plotly-plot:has(.main-svg)").length
"""
TITLES_NAME = f"""
(name) => ({SETTLED})()
  && Array.from(document.querySelectorAll(".js-plotly-plot .gtitle"))
       .some(t => t.textContent.includes(name))
"""
HEADING_IS = f"""
(title) => ({SETTLED})()
  && document.querySelector("h1") && document.querySelector("h1").textContent === title
"""


def region_name(code: str) -> str:
    """The municipality's name as chart titles print it ('Bergen', 'Oslo - Oslove')."""
    return index().label(code).rsplit(" (", 1)[0]


def first_chart(port: int, page: Page, started: float) -> float:
    """Seconds from `started` (the server's launch) until a deep link's first chart is drawn."""
    while True:
        try:
            page.goto(f"http://127.0.0.1:{port}/driftsresultat?kommune=4601", timeout=2000)
            break
        except PlaywrightError:  # the server is not listening yet
            if time.perf_counter() - started > 120:
                raise
            time.sleep(0.05)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=120_000)
    return time.perf_counter() - started


def change_kommune(page: Page, code: str) -> float:
    """Pick a municipality: type its number, click it in the list; seconds until re-drawn."""
    box = page.locator("[data-testid='stSelectbox'] input").first
    box.click()
    box.fill(code)
    option = page.locator(f"[role='option']:has-text('({code})')").first
    option.wait_for(timeout=10_000)
    started = time.perf_counter()
    option.click()
    page.wait_for_function(TITLES_NAME, arg=region_name(code), polling=10, timeout=30_000)
    return time.perf_counter() - started


def switch_page(page: Page, position: int) -> float:
    """Click the navigation link at `position`; seconds until that page's charts are drawn."""
    link = page.locator("[data-testid='stTopNavLink']").nth(position)
    started = time.perf_counter()
    link.click()
    page.wait_for_function(HEADING_IS, arg=NAV_TITLES[position], polling=10, timeout=30_000)
    return time.perf_counter() - started


def report(label: str, values: list[float]) -> None:
    """One line: label, n, median and p95 in ms."""
    print(
        f"{label:<40} n={len(values):>3}  median={percentile(values, 50) * 1000:6.0f} ms  "
        f"p95={percentile(values, 95) * 1000:6.0f} ms  max={max(values) * 1000:6.0f} ms"
    )


def main() -> int:
    """Start a server, measure the three figures, print them, stop the server."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8614)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    print_machine()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        started = time.perf_counter()
        proc = start_streamlit(args.port)
        try:
            cold = first_chart(args.port, page, started)
            print(f"{'server start to first chart (deep link)':<40} {cold * 1000:.0f} ms")
            page.wait_for_function(SETTLED, polling=10, timeout=60_000)
            base = f"http://127.0.0.1:{args.port}"
            for path in RERUN_PAGES:
                page.goto(f"{base}/{path}?kommune=4601")
                page.wait_for_function(SETTLED, polling=10, timeout=60_000)
                codes = [KOMMUNER[(i + 1) % len(KOMMUNER)] for i in range(args.runs)]
                times = [change_kommune(page, code) for code in codes]
                report(f"rerun, change municipality: /{path}", times)
                seen = {codes.index(code) for code in set(codes)}
                report("  of which first visits", [t for i, t in enumerate(times) if i in seen])
            page.goto(f"{base}/?kommune=4601")
            page.wait_for_function(SETTLED, polling=10, timeout=60_000)
            order = [i % len(NAV_TITLES) for i in range(1, args.runs * 2 + 1)]
            report("page switch via the navigation", [switch_page(page, i) for i in order])
        finally:
            browser.close()
            stop_process(proc)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
