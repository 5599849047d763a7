"""What a reader on a phone pays for the dashboard: bytes over the wire and seconds to the
first chart, for `make run` (one process) and the nginx layout (deploy/run_cluster.sh).

Wraps ../shared/tools/reader.py (its `visit`: a fresh headless Chromium context, 390x844,
the network throttled through DevTools; wire bytes as sent, compressed, 0 for a response
served from the browser cache). For each layout it starts the server exactly as a developer
would (`make run`, or `deploy/run_cluster.sh start`), warms it (every URL opened once), writes
two static embeds of Oslo (`python -m kommuneokonomi.embed`), then measures:

- the start page (Kommuneprofil), Netto driftsresultat, the live embed
  (/embed?vis=ndr-trend&kommune=0301) and a static embed (ndr-trend);
- per network profile (slow4g = 1.6 Mbit/s down, 150 ms; 4g = 9 Mbit/s, 60 ms; none):
  the first visit (empty cache) and the returning visit (the same URL again, cache warm);
- for the static embed also a second embed from the same site (befolkning-stotte, opened after
  the first in the same browser): what an article's second chart costs.

Websocket payload (Streamlit's elements and figures, decoded) is printed apart: reader.py
does not count it as wire bytes. Targets (issue 13), first visit unless said: pages and the
live embed ≤ 1.5 MB, first chart ≤ 6 s on slow4g and ≤ 2.5 s on 4g; returning ≤ 100 KB and
≤ 1 s unthrottled; static embed ≤ 400 KB and ≤ 3 s on slow4g, a second one ≤ 50 KB.

Usage: .venv/bin/python bench/weight.py [--layout run nginx] [--profile slow4g 4g none]
                                        [--page start page …] [--runs 1] [--port 8711]
                                        [--nginx-port 8720]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import signal
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.benchlib import ROOT, VENV_BIN, print_machine, wait_healthy

READER = ROOT.parent / "shared" / "tools" / "reader.py"
EMBED_VIS = ("ndr-trend", "befolkning-stotte")  # the first and the second static embed
PAGES = {
    "start page": "/",
    "netto driftsresultat": "/driftsresultat",
    "live embed": "/embed?vis=ndr-trend&kommune=0301",
}


def load_reader():
    """reader.py as a module (it lives in ../shared/tools, outside any package)."""
    spec = importlib.util.spec_from_file_location("reader", READER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@contextmanager
def make_run(port: int):
    """`make run` on `port` (the README's command, set-up steps included), stopped after."""
    proc = subprocess.Popen(
        ["make", "-s", "run", f"PORT={port}"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
        env={**os.environ, "STREAMLIT_SERVER_HEADLESS": "true"},
    )
    try:
        wait_healthy(f"http://127.0.0.1:{port}", 180)
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


@contextmanager
def cluster(nginx_port: int):
    """deploy/run_cluster.sh start with nginx on `nginx_port` and two app ports after it."""
    env = {
        **os.environ,
        "KOMMUNE_NGINX_PORT": str(nginx_port),
        "KOMMUNE_APP_PORTS": f"{nginx_port + 1} {nginx_port + 2}",
    }
    script = str(ROOT / "deploy" / "run_cluster.sh")
    subprocess.run([script, "start"], cwd=ROOT, env=env, check=True)
    try:
        yield f"http://127.0.0.1:{nginx_port}"
    finally:
        subprocess.run([script, "stop"], cwd=ROOT, env=env, check=False)


def static_embeds() -> list[str]:
    """Write the static embeds (or find them written) and return their URL paths."""
    command = [str(VENV_BIN / "python"), "-m", "kommuneokonomi.embed", "--kommune", "0301"]
    out = subprocess.run(
        [*command, "--lang", "nb", "--vis", *EMBED_VIS],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    static = ROOT / "static"
    return ["/app/static/" + str(Path(p).resolve().relative_to(static)) for p in out]


def throttled_page(context, profile: str):
    """A new page in `context` whose network follows `profile` (reader.py's PROFILES)."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    conditions = READER_MODULE.PROFILES[profile]
    if conditions:
        down, up, rtt = conditions
        cdp.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": rtt,
                "downloadThroughput": down * 1e6 / 8,
                "uploadThroughput": up * 1e6 / 8,
            },
        )
    return page, cdp


def measure(browser, url: str, profile: str, second: str | None) -> dict[str, tuple]:
    """One run: first visit, returning visit and (for static embeds) a second embed."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    visits = {}
    try:
        order = [("first visit", url), ("returning", url)]
        if second:
            order.append(("second embed", second))
        for label, target in order:
            page, cdp = throttled_page(context, profile)
            visits[label] = READER_MODULE.visit(page, cdp, target, SELECTOR, 180)
            page.close()
    finally:
        context.close()
    return visits


def warm(browser, base: str, urls: list[str]) -> None:
    """Open every URL once, unthrottled, so the server has built its views (a warm server)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    for url in urls:
        page = context.new_page()
        page.goto(base + url, timeout=180_000)
        page.wait_for_selector(SELECTOR, timeout=180_000)
        page.close()
    context.close()


def run_layout(layout: str, base: str, args, browser) -> list[tuple]:
    """Measure every page and profile against a running layout; rows for the summary."""
    embeds = static_embeds()
    pages = {**PAGES, "static embed": embeds[0]}
    pages = {name: path for name, path in pages.items() if name in args.page}
    warm(browser, base, [*pages.values(), embeds[1]])
    rows = []
    for name, path in pages.items():
        second = base + embeds[1] if name == "static embed" else None
        for profile in args.profile:
            runs = [measure(browser, base + path, profile, second) for _ in range(args.runs)]
            for label in runs[0]:
                results = [r[label] for r in runs]
                for i, r in enumerate(results):
                    print(
                        f"{layout:5s} {name:20s} [{profile:6s}] run {i + 1} {label:12s} "
                        f"chart {r[0]:6.2f} s  wire {r[1] / 1e3:8.1f} KB  "
                        f"decoded {r[2] / 1e3:8.1f} KB  requests {r[3]:3d}  "
                        f"websocket in {r[5] / 1e3:7.1f} KB",
                        flush=True,
                    )
                rows.append(
                    (
                        layout,
                        name,
                        profile,
                        label,
                        statistics.median(r[0] for r in results),
                        statistics.median(r[1] for r in results),
                        statistics.median(r[5] for r in results),
                    )
                )
            if profile == args.profile[0]:
                print("  largest responses on the first visit (wire bytes):")
                for size, u in runs[0]["first visit"][4]:
                    print(f"    {size / 1e3:8.1f} KB  {u.replace(base, '')[:110]}")
    return rows


def main() -> int:
    """Start each layout, measure it, stop it; print per-run lines and a summary table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--layout", nargs="+", default=["run", "nginx"], choices=["run", "nginx"])
    parser.add_argument("--profile", nargs="+", default=["slow4g", "4g", "none"])
    parser.add_argument("--page", nargs="+", default=[*PAGES, "static embed"])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--port", type=int, default=8711, help="make run's port")
    parser.add_argument("--nginx-port", type=int, default=8720, help="apps on the next two")
    args = parser.parse_args()
    print_machine()
    rows = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=READER_MODULE.FLAGS)
        try:
            for layout in args.layout:
                started = time.perf_counter()
                server = make_run(args.port) if layout == "run" else cluster(args.nginx_port)
                with server as base:
                    rows += run_layout(layout, base, args, browser)
                print(f"# {layout}: {time.perf_counter() - started:.0f} s", flush=True)
        finally:
            browser.close()
    print("\n| layout | page | profile | visit | first chart | wire | websocket in |")
    print("|---|---|---|---|---|---|---|")
    for layout, name, profile, label, secs, wire, ws in rows:
        print(
            f"| {layout} | {name} | {profile} | {label} | {secs:.2f} s | "
            f"{wire / 1e3:,.0f} KB | {ws / 1e3:,.0f} KB |"
        )
    return 0


READER_MODULE = load_reader()
SELECTOR = ".js-plotly-plot .main-svg"

if __name__ == "__main__":
    raise SystemExit(main())
