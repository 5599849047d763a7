"""Shared helpers for the benchmark scripts: app pages, app servers, processes, statistics.

The scripts in bench/ print figures; they are not tests. This module holds what they share:
the page list read from app.py (so benchmarks follow whatever pages exist), starting and
stopping `streamlit run` on a loopback port, finding a server's processes by port and
sampling their memory, percentiles, and a description of the machine for RESULTS.md.
"""

from __future__ import annotations

import ast
import os
import platform
import shlex
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
VENV_BIN = ROOT / ".venv" / "bin"


@dataclass(frozen=True)
class AppPage:
    """One st.Page of app.py: its URL path, script file and whether it shows in the menu."""

    url_path: str
    script: str
    hidden: bool
    default: bool


def app_pages(app: Path = APP) -> list[AppPage]:
    """The pages app.py routes to, read from its st.Page(...) calls (no import, no Streamlit)."""
    pages = []
    for node in ast.walk(ast.parse(app.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "Page"):
            continue
        kw = {k.arg: k.value for k in node.keywords}
        script = node.args[0].value if node.args and isinstance(node.args[0], ast.Constant) else ""
        url = kw.get("url_path")
        url_path = url.value if isinstance(url, ast.Constant) else Path(script).stem
        hidden = (
            isinstance(kw.get("visibility"), ast.Constant) and kw["visibility"].value == "hidden"
        )
        default = isinstance(kw.get("default"), ast.Constant) and bool(kw["default"].value)
        pages.append(AppPage(url_path, script, hidden, default))
    return pages


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0–100) by linear interpolation; NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def summary(values: list[float], scale: float = 1000.0, unit: str = "ms") -> str:
    """'n=120 p50=85 ms p95=240 ms max=410 ms' for seconds given (scaled to ms by default)."""
    if not values:
        return "n=0"
    return (
        f"n={len(values)} p50={percentile(values, 50) * scale:.0f} {unit} "
        f"p95={percentile(values, 95) * scale:.0f} {unit} max={max(values) * scale:.0f} {unit}"
    )


def machine() -> dict[str, str]:
    """The machine and software the figures were measured on, for RESULTS.md."""
    model = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    mem_kb = next(
        int(line.split()[1])
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    try:
        from importlib.metadata import version

        streamlit_version = version("streamlit")
    except Exception:
        streamlit_version = "?"
    return {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "nproc": str(len(os.sched_getaffinity(0))),
        "ram": f"{mem_kb / 1024 / 1024:.1f} GiB",
        "cpu": model,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "streamlit": streamlit_version,
    }


def print_machine() -> None:
    """Print the machine description and the command line that produced the figures."""
    info = machine()
    print("# " + "  ".join(f"{k}={v}" for k, v in info.items()))
    print("# command: " + shlex.join([Path(sys.executable).name, *sys.argv]))


# ---------------------------------------------------------------------------------------------
# App servers
# ---------------------------------------------------------------------------------------------


def start_streamlit(
    port: int,
    *,
    log: Path | None = None,
    env: dict[str, str] | None = None,
    extra: list[str] | None = None,
) -> subprocess.Popen:
    """Start `streamlit run app.py` on 127.0.0.1:port in its own process group."""
    cmd = [
        str(VENV_BIN / "streamlit"),
        "run",
        str(APP),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        *(extra or []),
    ]
    out = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115 - owned by the child
    return subprocess.Popen(
        cmd,
        cwd=ROOT,
        stdout=out,
        stderr=subprocess.STDOUT,
        env={**os.environ, **(env or {})},
        start_new_session=True,
    )


def wait_healthy(base_url: str, timeout_s: float = 60.0) -> float:
    """Poll /_stcore/health until it answers 200; returns the seconds waited."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout_s:
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return time.perf_counter() - started
        except OSError:
            pass
        time.sleep(0.02)
    raise TimeoutError(f"{base_url} did not become healthy in {timeout_s:.0f} s")


def stop_process(proc: subprocess.Popen, timeout_s: float = 10.0) -> None:
    """Stop a process started by start_streamlit (SIGTERM to its group, then SIGKILL)."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=timeout_s)
    except ProcessLookupError:
        pass


# ---------------------------------------------------------------------------------------------
# Processes and memory, from /proc
# ---------------------------------------------------------------------------------------------


def _listening_inodes(port: int) -> set[str]:
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == "0A" and int(local.rsplit(":", 1)[1], 16) == port:
                inodes.add(inode)
    return inodes


def pids_on_port(port: int) -> list[int]:
    """Processes holding a listening socket on `port` (all of nginx's, one per app server)."""
    wanted = {f"socket:[{inode}]" for inode in _listening_inodes(port)}
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if any(os.readlink(fd) in wanted for fd in (proc / "fd").iterdir()):
                pids.append(int(proc.name))
        except OSError:
            continue
    return sorted(pids)


def rss_bytes(pid: int) -> int:
    """Resident memory of a process (VmRSS), 0 if it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a process has used so far (0 if it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
