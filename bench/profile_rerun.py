"""Where a rerun's CPU goes: profile one page's script runs after municipality changes.

The load test (bench/load_ws.py) says how much CPU a rerun costs; this says on what. It runs
the page in Streamlit's AppTest (the same script runner the server uses, without the
websocket), changes the municipality three times and profiles only those runs.

    .venv/bin/python bench/profile_rerun.py sammenlign [--top 30] [--warm]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

from streamlit.runtime.scriptrunner import script_runner
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import AppTest, app_test, local_script_runner

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.pagetest import APP, PAGES  # noqa: E402 - needs the repository on sys.path

CHANGES = ("0301", "1508", "4632")  # Oslo, Ålesund, Austrheim: with and without KOSTRA


def share_script_cache() -> None:
    """Compile the scripts once, as the server does: AppTest compiles app and page anew on
    every run (~30 ms of a rerun the server does not spend).
    """
    shared = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared


def profiled_runs(page: str, warm: bool = False) -> tuple[cProfile.Profile, float]:
    """Profile of the script runs after each municipality change, and their CPU seconds.

    `warm`: visit each municipality once before profiling, so the profiled runs are repeat
    visits whose views are memoised (most reruns of bench/browser_timings.py are).
    """
    share_script_cache()
    profile = cProfile.Profile()
    original = script_runner.ScriptRunner._run_script
    active = False

    def run_script(self, *args, **kwargs):  # the script runs in its own thread
        if not active:
            return original(self, *args, **kwargs)
        profile.enable()
        try:
            return original(self, *args, **kwargs)
        finally:
            profile.disable()

    script_runner.ScriptRunner._run_script = run_script
    try:
        at = AppTest.from_file(APP, default_timeout=120)
        at.query_params["kommune"] = "4601"
        at.switch_page(PAGES[page])
        at.run()
        at.selectbox(key="kommune").set_value("5001")
        at.run()  # warm: datasets loaded, first figures built
        for code in CHANGES if warm else ():
            at.selectbox(key="kommune").set_value(code)
            at.run()
        active = True
        started = time.process_time()
        for code in CHANGES:
            at.selectbox(key="kommune").set_value(code)
            at.run()
        return profile, time.process_time() - started
    finally:
        script_runner.ScriptRunner._run_script = original


def main() -> None:
    """Print CPU per rerun and the functions with the most cumulative time."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("page", choices=sorted(PAGES))
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--warm", action="store_true", help="profile repeat visits")
    args = parser.parse_args()
    profile, cpu = profiled_runs(args.page, warm=args.warm)
    print(f"{args.page}: {cpu / len(CHANGES) * 1000:.0f} ms CPU per rerun (process, all threads)")
    pstats.Stats(profile).sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
