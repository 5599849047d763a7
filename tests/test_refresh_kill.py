"""`kill -9` in the middle of a refresh (a real subprocess) leaves a readable live cache."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from kommuneokonomi.manifest import read_manifest
from kommuneokonomi.settings import PROJECT_ROOT
from loaders.refresh import refresh
from tests.test_refresh import assert_cache_readable, live_settings


def test_kill_9_mid_refresh_leaves_a_readable_cache(ssb_server, snapshot_settings, tmp_path):
    settings = live_settings(snapshot_settings, ssb_server, tmp_path / "cache")
    assert refresh(settings, ["kommuner", "kostra"], bar=False).ok
    before = read_manifest(settings.live_dir)
    # Hold the population query on the server, so the process is killed mid-refresh.
    ssb_server.faults.add("slow", 1, seconds=5.0, path="/07459/data")
    env = {
        **os.environ,
        "KOMMUNE_CACHE_DIR": str(settings.cache_dir),
        "SSB_API_URL": ssb_server.api_url,
        "SSB_KLASS_URL": ssb_server.klass_url,
        "SSB_HTTP_TIMEOUT": "30",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "loaders", "refresh", "--force"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not any("/07459/data" in r.path for r in ssb_server.data_requests()):
            assert process.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        time.sleep(0.2)
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    after = read_manifest(settings.live_dir)
    assert after["datasets"]["kostra"]["file"] == before["datasets"]["kostra"]["file"]
    assert_cache_readable(settings)
