"""Benchmark: a full live refresh against the local SSB server with a scaled-down rate window.

Prints the wall time, the requests sent, and the share of the permitted request rate used
(requests per window / permitted calls per window, averaged over the run). The server runs
SSB's 30 requests per window; the client its default 25. Run: `python -m bench.refresh`.
"""

from __future__ import annotations

import argparse
import tempfile
from dataclasses import replace
from pathlib import Path

from kommuneokonomi.data import DataStore
from kommuneokonomi.settings import load_settings
from loaders.refresh import refresh
from tests.ssb_server import SsbServer


def main() -> None:
    """Run one full refresh into a temporary cache and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--window", type=float, default=3.0, help="rate window in seconds")
    parser.add_argument("--calls", type=int, default=25, help="client calls per window")
    args = parser.parse_args()
    base = load_settings()
    with (
        tempfile.TemporaryDirectory() as tmp,
        SsbServer(DataStore(base), rate_calls=30, rate_window_s=args.window) as server,
    ):
        cache = Path(tmp)
        (cache / "snapshot").symlink_to(base.snapshot_dir)
        settings = replace(
            base,
            cache_dir=cache,
            ssb_api_url=server.api_url,
            ssb_klass_url=server.klass_url,
            rate_limit_calls=args.calls,
            rate_limit_window_s=args.window,
        )
        report = refresh(settings, bar=False)
        stats = server.stats()
    permitted = args.calls / args.window
    used = report.requests / report.seconds
    print(f"full refresh: {report.seconds:.1f} s, {report.requests} requests, ok={report.ok}")
    print(f"server saw {stats['requests']} requests, {stats['throttled']} answered 429")
    print(
        f"request rate: {used:.2f}/s of {permitted:.2f}/s permitted "
        f"({args.calls} per {args.window:g} s) = {100 * used / permitted:.0f} % used"
    )


if __name__ == "__main__":
    main()
