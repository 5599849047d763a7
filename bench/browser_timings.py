"""Time the app as a reader feels it, from a real headless Chromium (a script, not a test).

Prints three figures with the machine they were measured on:
- server start to first chart: from launching `streamlit run` until the first plotly chart of
  a deep link is drawn (server start-up, first data load and the first script run);
- rerun after changing the municipality with the picker (type its number, click it) until the
  page has re-run and every chart title names the new municipality;
- page switch by clicking the navigation until the new page's charts are drawn (all pages in
  turn, then each page apart: one slow page shows).
Reruns and page switches are timed two ways: in the page, from the reader's press
(pointerdown) to the animation frame that shows the finished view, which is what a reader
waits for; and on Playwright's wall clock around its click, which adds Playwright's own
actionability checks (two stable animation frames) and round-trips. Figures in
bench/RESULTS.md before its section "Charts updated in place" are the wall clock only.
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

from playwright.sync_api import Browser, Locator, Page, Playwright, sync_playwright
from playwright.sync_api import Error as PlaywrightError

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

# True once the script has finished (Streamlit's own run state on the app root, as its
# end-to-end tests read it) and every chart is drawn, with nothing stale left over (a chart's
# <div> gets .js-plotly-plot only when plotly draws into it, hence .ko-chart).
SETTLED = """
() => document.querySelector("[data-testid='stApp']")?.dataset.testScriptState === "notRunning"
  && !document.querySelector("[data-testid='stStatusWidget']")
  && !document.querySelector("[data-stale='true']")
  && document.querySelectorAll(".js-plotly-plot").length > 0
  && !document.querySelector(".ko-chart:not(:has(.main-svg))")
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
# In the page: from the reader's press (the pointerdown event's time stamp) to the first
# animation frame in which `done(arg)` holds, i.e. the frame that shows the finished view.
# Without Playwright's own overhead (its click waits for two stable animation frames and
# round-trips; its polling adds up to a round-trip more).
WATCH = """
([done, arg]) => {
  const check = eval(done);
  window.__koWatch = new Promise((resolve) => {
    let pressed = null;
    document.addEventListener("pointerdown", (e) => { pressed = e.timeStamp; },
                              { capture: true, once: true });
    const frame = () => {
      if (pressed !== null && check(arg)) resolve((performance.now() - pressed) / 1000);
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}
"""


def region_name(code: str) -> str:
    """The municipality's name as chart titles print it ('Bergen', 'Oslo - Oslove')."""
    return index().label(code).rsplit(" (", 1)[0]


def open_browser(pw: Playwright) -> tuple[Browser, Page]:
    """Debian's Chromium, headless with FLAGS, and a 1280 x 1000 page: what every timing here
    is measured in."""
    browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
    return browser, browser.new_page(viewport={"width": 1280, "height": 1000})


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


def timed_click(page: Page, target: Locator, done: str, arg: str) -> tuple[float, float]:
    """Click `target` and wait until `done(arg)` holds in the page. Seconds two ways: in the
    page (press to the frame showing the result, WATCH) and on Playwright's wall clock."""
    page.evaluate(WATCH, [done, arg])
    started = time.perf_counter()
    target.click()
    page.wait_for_function(done, arg=arg, polling=10, timeout=30_000)
    wall = time.perf_counter() - started
    return page.evaluate("window.__koWatch"), wall


def change_kommune(page: Page, code: str) -> tuple[float, float]:
    """Pick a municipality: type its number, click it in the list; seconds until re-drawn."""
    box = page.locator("[data-testid='stSelectbox'] input").first
    box.click()
    box.fill(code)
    option = page.locator(f"[role='option']:has-text('({code})')").first
    option.wait_for(timeout=10_000)
    return timed_click(page, option, TITLES_NAME, region_name(code))


def switch_page(page: Page, position: int) -> tuple[float, float]:
    """Click the navigation link at `position`; seconds until that page's charts are drawn."""
    link = page.locator("[data-testid='stTopNavLink']").nth(position)
    return timed_click(page, link, HEADING_IS, NAV_TITLES[position])


def report(label: str, timings: list[tuple[float, float]]) -> None:
    """Two lines: in the page, then Playwright's wall clock; n, median, p95 and max in ms."""
    for how, values in zip(("in page", "wall"), zip(*timings, strict=True), strict=True):
        print(
            f"{label + ' [' + how + ']':<52} n={len(values):>3}  "
            f"median={percentile(values, 50) * 1000:6.0f} ms  "
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
        browser, page = open_browser(pw)
        started = time.perf_counter()
        proc = start_streamlit(args.port)
        try:
            cold = first_chart(args.port, page, started)
            print(f"{'server start to first chart (deep link)':<52} {cold * 1000:.0f} ms")
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
            switches = [switch_page(page, i) for i in order]
            report("page switch via the navigation", switches)
            for position, title in enumerate(NAV_TITLES):
                to_page = [t for i, t in zip(order, switches, strict=True) if i == position]
                report(f"  of which to {title}", to_page)
        finally:
            browser.close()
            stop_process(proc)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
