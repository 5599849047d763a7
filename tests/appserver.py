"""A real `streamlit run app.py` for browser tests: a fresh server on a free loopback port."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from bench.benchlib import wait_healthy

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """A loopback port nobody listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_app(timeout_s: float = 60) -> Iterator[str]:
    """Start the app's own server (fresh: no page opened yet) and yield its base URL once
    its health check answers; stop it afterwards.

    If the health check never answers within `timeout_s`, raise TimeoutError with the tail of
    the server's log, so a test fails on the real cause instead of on a dead URL.
    """
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py")]
    command += ["--server.port", str(port), "--server.address", "127.0.0.1"]
    command += ["--server.headless", "true", "--browser.gatherUsageStats", "false"]
    with tempfile.TemporaryFile() as server_log:
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=server_log, stderr=subprocess.STDOUT, env=os.environ
        )
        url = f"http://127.0.0.1:{port}"
        try:
            try:
                wait_healthy(url, timeout_s)
            except TimeoutError as exc:
                server_log.seek(0)
                tail = server_log.read().decode(errors="replace")[-4000:]
                exited = process.poll()
                state = "still running" if exited is None else f"exited with code {exited}"
                raise TimeoutError(
                    f"the app server did not start: {exc} (server {state}); its log ends:\n{tail}"
                ) from exc
            yield url
        finally:
            process.terminate()
            process.wait(timeout=20)
