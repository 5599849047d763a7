"""Screenshot app pages in headless Chromium as a reader sees them (for visual review).

Usage: python bench/screenshots.py --out DIR [--width 1280] [--height 2000] URL [URL ...]
Unlike a plain full-page screenshot this uses a tall viewport, because Streamlit scrolls
inside its own container. A width under 600 px also sends a phone User-Agent. Prints, per
URL, seconds until every chart is drawn and how many exceptions the page shows.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148"


def wait_until_drawn(page: Page, timeout_s: float = 40) -> float:
    """Seconds until the script has finished and every plotly chart has rendered."""
    started = time.perf_counter()
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout_s * 1000)
    while time.perf_counter() - started < timeout_s:
        running = page.locator("[data-testid='stStatusWidget']").count()
        skeleton = page.locator("[data-testid='stSkeleton']").count()
        charts = page.locator(".js-plotly-plot").count()
        drawn = page.locator(".js-plotly-plot .main-svg").count()
        elements = page.locator("[data-testid='stElementContainer']").count()
        if not running and not skeleton and elements > 2 and drawn >= charts:
            time.sleep(0.6)
            if not page.locator("[data-testid='stStatusWidget']").count():
                return time.perf_counter() - started
        time.sleep(0.1)
    return float("nan")


def main() -> int:
    """Screenshot each URL; exit 1 if any page shows an exception or never settles."""
    parser = argparse.ArgumentParser()
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=2000)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    bad = 0
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        for i, url in enumerate(args.urls):
            agent = PHONE_UA if args.width < 600 else None
            page = browser.new_page(
                viewport={"width": args.width, "height": args.height}, user_agent=agent
            )
            page.goto(url)
            seconds = wait_until_drawn(page)
            errors = page.locator("[data-testid='stException']").count()
            path = args.out / f"{args.width}-{i:02d}.png"
            page.screenshot(path=str(path), full_page=True)
            print(f"{url}  ready={seconds:.2f}s exceptions={errors} -> {path}")
            bad += errors > 0 or seconds != seconds
            page.close()
        browser.close()
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
