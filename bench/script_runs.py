"""How long the server's script takes on a change of municipality (a script, not a test).

A page's first visit for a municipality builds its exhibits; a repeat visit finds them
memoised. This times both, wall clock without a profiler, in Streamlit's AppTest (the same
script runner the server uses, the scripts compiled once as the server does): seven first
visits and three repeat visits per page, medians printed. bench/profile_rerun.py says on
what the time goes.

Usage: .venv/bin/python bench/script_runs.py kommuneprofil driftsresultat befolkning sammenlign
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.benchlib import print_machine  # noqa: E402
from bench.profile_rerun import share_script_cache  # noqa: E402
from tests.pagetest import APP, PAGES  # noqa: E402

FIRST = ("0301", "4632", "5001", "1867", "1508", "3301", "1101")
REPEAT = ("0301", "4632", "5001")


def timed_changes(at: AppTest, codes: tuple[str, ...]) -> list[float]:
    """Seconds of each script run after picking each municipality in turn."""
    times = []
    for code in codes:
        started = time.perf_counter()
        at.selectbox(key="kommune").set_value(code).run()
        times.append(time.perf_counter() - started)
    return times


def main() -> int:
    """Print first-visit and repeat-visit medians for each page named on the command line."""
    print_machine()
    share_script_cache()
    for page in sys.argv[1:] or sorted(PAGES):
        at = AppTest.from_file(APP, default_timeout=120)
        at.query_params["kommune"] = "4601"
        at.switch_page(PAGES[page])
        at.run()
        timed_changes(at, ("5501",))  # datasets loaded, shared caches warm
        first, repeat = timed_changes(at, FIRST), timed_changes(at, REPEAT)
        print(
            f"{page:16s} first visits median {statistics.median(first) * 1000:5.0f} ms  "
            f"repeat visits median {statistics.median(repeat) * 1000:5.0f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
