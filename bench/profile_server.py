"""Where a running server's CPU goes: sample it with py-spy while a load runs, print the top.

bench/profile_rerun.py profiles one page's script in AppTest; this samples the real server,
every thread (script runs, the event loop, websocket sends, and what Streamlit does around a
run). It found the full garbage collection Streamlit ran after every script run (40 % of
the server's CPU under load; turned off in .streamlit/config.toml).

    .venv/bin/pip install -e ".[bench]"          # py-spy (a binary wheel; reads /proc)
    .venv/bin/python bench/load_ws.py --start --sessions 25 --think 5 &   # any load
    .venv/bin/python bench/profile_server.py --port 8531 --seconds 40 --top 40

Prints each function's share of the samples, counting a function once per sample
("inclusive"), and the functions the samples were in ("self").
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from benchlib import pids_on_port, print_machine


def record(pid: int, seconds: int, rate: int) -> Path:
    """Run py-spy on `pid` for `seconds`; the path of its raw (collapsed stacks) output."""
    spy = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))
    out = Path(tempfile.mkdtemp()) / "stacks.txt"
    command = [spy, "record", "-p", str(pid), "-d", str(seconds), "-r", str(rate)]
    subprocess.run([*command, "-f", "raw", "-o", str(out), "--nonblocking"], check=True)
    return out


def shares(stacks: Path) -> tuple[int, Counter, Counter]:
    """Samples in all, and per function 'name (file)': inclusive and self sample counts."""
    inclusive: Counter = Counter()
    own: Counter = Counter()
    total = 0
    for line in stacks.read_text(encoding="utf-8").splitlines():
        stack, _, count = line.rpartition(" ")
        samples = int(count)
        total += samples
        frames = [frame.split(":")[0] for frame in stack.split(";")]
        for frame in set(frames):
            inclusive[frame] += samples
        own[frames[-1]] += samples
    return total, inclusive, own


def main() -> int:
    """Find the server on --port, sample it, print the shares."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True, help="the server's port")
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--rate", type=int, default=100, help="samples per second")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    pids = pids_on_port(args.port)
    if not pids:
        print(f"no process listens on port {args.port}", file=sys.stderr)
        return 1
    print_machine()
    total, inclusive, own = shares(record(pids[0], args.seconds, args.rate))
    print(f"pid {pids[0]}: {total} samples over {args.seconds} s")
    for title, counts in (("inclusive", inclusive), ("self", own)):
        print(f"--- {title}")
        for frame, samples in counts.most_common(args.top):
            print(f"{samples / total * 100:5.1f} %  {frame[:150]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
