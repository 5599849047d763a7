"""Shared pytest fixtures, one section per concern; add new sections below the existing ones."""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import Iterator
from dataclasses import replace

import pytest

from kommuneokonomi.data import DataStore
from kommuneokonomi.settings import Settings, load_settings
from loaders.snapshot import build_snapshot
from tests.ssb_server import SsbServer

# ---------------------------------------------------------------------------------------------
# Network guard: tests never reach the internet. Connections to anything but loopback fail at
# the socket layer with NetworkBlocked, so a forgotten mock fails loudly instead of calling SSB.
# ---------------------------------------------------------------------------------------------


class NetworkBlocked(RuntimeError):
    """A test tried to open a connection to a non-loopback address."""


def _is_loopback(host: object) -> bool:
    if host in (None, "", "localhost"):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True, scope="session")
def block_network() -> Iterator[None]:
    """Refuse DNS lookups and connections to anything but 127.0.0.1 / ::1 / Unix sockets."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def check(sock: socket.socket, address: object) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address[0]):  # type: ignore[index]
            raise NetworkBlocked(f"tests may not connect to {address!r}; use the local SSB server")

    def connect(sock: socket.socket, address: object) -> None:
        check(sock, address)
        return real_connect(sock, address)

    def connect_ex(sock: socket.socket, address: object) -> int:
        check(sock, address)
        return real_connect_ex(sock, address)

    def getaddrinfo(host: object, *args: object, **kwargs: object) -> list:
        if not _is_loopback(host):
            raise NetworkBlocked(f"tests may not resolve {host!r}; use the local SSB server")
        return real_getaddrinfo(host, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", connect)
        patch.setattr(socket.socket, "connect_ex", connect_ex)
        patch.setattr(socket, "getaddrinfo", getaddrinfo)
        yield


# ---------------------------------------------------------------------------------------------
# Offline snapshot built from the real seed files into a temporary cache (never the repo's).
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def snapshot_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings whose cache directory holds a freshly built snapshot and no live cache."""
    settings = replace(load_settings(), cache_dir=tmp_path_factory.mktemp("cache"))
    build_snapshot(settings, log=lambda _: None)
    return settings


# ---------------------------------------------------------------------------------------------
# Local SSB server (tests/ssb_server) on 127.0.0.1, and settings pointing at it.
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def _ssb_server_once(snapshot_settings: Settings) -> Iterator[SsbServer]:
    with SsbServer(DataStore(snapshot_settings), rate_calls=1_000) as server:
        yield server


@pytest.fixture
def ssb_server(_ssb_server_once: SsbServer) -> Iterator[SsbServer]:
    """The local SSB server, reset for this test: no faults, 800 000 cells, 1 000 calls/60 s.

    Call `ssb_server.configure(...)` for SSB's own 30/60 s limit or a small cell limit.
    """
    _ssb_server_once.reset()
    yield _ssb_server_once
    _ssb_server_once.reset()


@pytest.fixture
def ssb_settings(ssb_server: SsbServer, snapshot_settings: Settings) -> Settings:
    """Settings aimed at the local server, with a short timeout and a roomy rate limit."""
    return replace(
        snapshot_settings,
        ssb_api_url=ssb_server.api_url,
        ssb_klass_url=ssb_server.klass_url,
        http_timeout_s=2.0,
        rate_limit_calls=1_000,
        rate_limit_window_s=60.0,
    )


# ---------------------------------------------------------------------------------------------
# Headless Chromium for browser tests: Debian's package, installed on first use when missing
# (Playwright's own browser download does not work here). Tests marked `browser` use it.
# ---------------------------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def _install_chromium() -> None:
    import subprocess

    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env, timeout=600)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "chromium"], check=True, env=env, timeout=900
    )


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Path of Debian's chromium, installing the package first if it is not there."""
    import shutil

    if not shutil.which("chromium") and not os.path.exists(CHROMIUM):
        _install_chromium()
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[object]:
    """A headless Chromium driven by Playwright (no network beyond loopback)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=chromium_path, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()
