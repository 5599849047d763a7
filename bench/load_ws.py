"""Load test that speaks Streamlit's own websocket protocol: many sessions with think time.

Each simulated reader does what a browser does, without drawing anything:
  1. GET the page (index.html; through nginx this also sets the stickiness cookie),
  2. open ws://…/_stcore/stream and send a BackMsg `rerun_script` with the page's URL path and
     query string (a shared link such as /driftsresultat?kommune=4601), then read ForwardMsgs
     until `script_finished`: that is the first-load time,
  3. think (uniform 0.5–1.5 × --think seconds), then either pick another municipality in the
     page's `kommune` selectbox (widget id and options taken from the delta the server
     sent, value sent as the browser does: the option's label) or switch to another page of
     app.py (page_script_hash from the `navigation` message), and time BackMsg → the run's
     `script_finished`; repeat until --duration is over. Only the changed widget's state is
     sent (a browser sends all of them); the other widgets keep their URL values or stay at
     their defaults here, so the server computes the same page either way.
Errors: failed HTTP or websocket connections, closed sockets, runs that time out, compile
errors, and any `exception` element the app renders. Server memory (VmRSS) and CPU are sampled
from /proc for every process listening on --server-ports (default: the URL's port).

    python bench/load_ws.py --start                       # own server on 127.0.0.1:8531
    python bench/load_ws.py --url http://127.0.0.1:8540 --server-ports 8541,8542,8540
    python bench/load_ws.py --start --sessions 5 --duration 30 --think 2   # quick check

With --baseline, one session first makes --baseline-actions actions with 1 s think time on
the idle server; the report then shows loaded/unloaded latency side by side.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import sys
import time
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from benchlib import (
    app_pages,
    cpu_seconds,
    percentile,
    pids_on_port,
    print_machine,
    rss_bytes,
    start_streamlit,
    stop_process,
    summary,
    wait_healthy,
)
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

START_KOMMUNER = ("0301", "4601", "5001", "1508", "1824", "4633", "4003", "3301")
RUN_TIMEOUT_S = 60.0
DONE = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR)


class RunFailed(Exception):
    """A script run ended badly: compile error, rendered exception, timeout or closed socket."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind


@dataclass
class Stats:
    """Latencies (seconds) per action kind, and error counts by kind, for all sessions."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: Counter = field(default_factory=Counter)
    error_samples: list[str] = field(default_factory=list)
    sessions_done: int = 0

    def add(self, kind: str, seconds: float) -> None:
        """Record one successful action's latency."""
        self.latencies.setdefault(kind, []).append(seconds)

    def fail(self, kind: str, detail: str) -> None:
        """Record one error (a few samples are kept for the report)."""
        self.errors[kind] += 1
        if len(self.error_samples) < 5:
            self.error_samples.append(f"{kind}: {detail[:200]}")


class Session:
    """One simulated reader: an HTTP GET, one websocket, and BackMsg/ForwardMsg exchanges."""

    def __init__(self, base: str, page: str, query: str) -> None:
        self.base = base.rstrip("/")
        self.page = page
        self.query = query
        self.cookies: dict[str, str] = {}
        self.ws: websockets.ClientConnection | None = None
        self.pages: dict[str, str] = {}  # url_pathname -> page_script_hash
        self.page_hash = ""
        self.kommune_id: str | None = None
        self.kommune_options: list[str] = []
        self.cached: set[str] = set()
        self.exceptions: list[str] = []

    async def open(self) -> None:
        """GET the page like a browser (collecting cookies), then open the websocket."""
        url = f"{self.base}/{self.page}" + (f"?{self.query}" if self.query else "")
        self.cookies.update(await asyncio.to_thread(_get_cookies, url))
        ws_url = self.base.replace("http", "ws", 1) + "/_stcore/stream"
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        self.ws = await websockets.connect(
            ws_url,
            subprotocols=["streamlit"],
            additional_headers=headers if self.cookies else None,
            max_size=None,
            open_timeout=30,
            ping_interval=None,
        )

    async def close(self) -> None:
        """Close the websocket (the server then ends the session)."""
        if self.ws is not None:
            await self.ws.close()

    async def first_load(self) -> float:
        """Run the page named by the URL, as a browser does on load; returns seconds."""
        msg = BackMsg()
        msg.rerun_script.query_string = self.query
        msg.rerun_script.page_name = self.page
        return await self._run(msg)

    async def change_kommune(self, rng: random.Random) -> float:
        """Pick another municipality in the `kommune` selectbox; seconds to script_finished."""
        choice = rng.choice(self.kommune_options)
        msg = BackMsg()
        state = msg.rerun_script
        params = urllib.parse.parse_qsl(self.query, keep_blank_values=True)
        params = [(k, v) for k, v in params if k != "kommune"] + [("kommune", choice)]
        state.query_string = urllib.parse.urlencode(params)
        state.page_script_hash = self.page_hash
        widget = state.widget_states.widgets.add()
        widget.id = self.kommune_id or ""
        widget.string_value = choice
        return await self._run(msg)

    async def switch_page(self, rng: random.Random) -> float:
        """Go to another page of the menu, keeping the query string, as the nav links do."""
        others = [p for p in self.pages if p != self.page]
        self.page = rng.choice(others)
        msg = BackMsg()
        msg.rerun_script.query_string = self.query
        msg.rerun_script.page_script_hash = self.pages[self.page]
        return await self._run(msg)

    async def _run(self, msg: BackMsg) -> float:
        assert self.ws is not None
        msg.rerun_script.cached_message_hashes.extend(sorted(self.cached))
        context = msg.rerun_script.context_info
        context.timezone, context.locale = "Europe/Oslo", "nb-NO"
        context.url = f"{self.base}/{self.page}"
        self.kommune_id, self.exceptions = None, []
        started = time.perf_counter()
        try:
            await self.ws.send(msg.SerializeToString())
            async with asyncio.timeout(RUN_TIMEOUT_S):
                status = await self._read_until_finished()
        except TimeoutError as exc:
            raise RunFailed("timeout", f"no script_finished in {RUN_TIMEOUT_S:.0f} s") from exc
        except websockets.ConnectionClosed as exc:
            raise RunFailed("closed", str(exc)) from exc
        seconds = time.perf_counter() - started
        if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
            raise RunFailed("compile_error", self.page)
        if self.exceptions:
            raise RunFailed("app_exception", f"{self.page}: {self.exceptions[0]}")
        return seconds

    async def _read_until_finished(self) -> int:
        assert self.ws is not None
        while True:
            frame = await self.ws.recv()
            fwd = ForwardMsg()
            fwd.ParseFromString(frame)
            if fwd.metadata.cacheable and fwd.hash:
                self.cached.add(fwd.hash)
            kind = fwd.WhichOneof("type")
            if kind == "script_finished" and fwd.script_finished in DONE:
                return fwd.script_finished
            if kind == "new_session":
                self.page_hash = fwd.new_session.page_script_hash
                self.exceptions = []
            elif kind == "navigation":
                # The page that ran (new_session names app.py's hash with st.navigation).
                self.page_hash = fwd.navigation.page_script_hash
                # The default page's url_pathname is empty; it is the menu's default page.
                named = {
                    (p.url_pathname or (DEFAULT_PAGE[0] if p.is_default else "")): p
                    for p in fwd.navigation.app_pages
                }
                self.pages = {u: p.page_script_hash for u, p in named.items() if u in MENU}
            elif kind == "page_info_changed":
                self.query = fwd.page_info_changed.query_string
            elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                self._element(fwd.delta.new_element)

    def _element(self, element) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            self.exceptions.append(f"{element.exception.type}: {element.exception.message}")
        elif kind == "selectbox" and element.selectbox.id.endswith("-kommune"):
            self.kommune_id = element.selectbox.id
            self.kommune_options = list(element.selectbox.options)


def _get_cookies(url: str) -> dict[str, str]:
    with urllib.request.urlopen(url, timeout=30) as resp:
        resp.read()
        if resp.status != 200:
            raise RunFailed("http", f"{url} -> {resp.status}")
        cookies = {}
        for header in resp.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            cookies[name.strip()] = rest.split(";", 1)[0]
        return cookies


MENU: set[str] = set()
DEFAULT_PAGE: list[str] = [""]  # url path of app.py's default page, set in main()


async def reader(
    base: str,
    seed: int,
    start_delay: float,
    deadline: float,
    think: float,
    stats: Stats,
    switch_share: float,
    max_actions: int | None = None,
) -> None:
    """One reader's life: open a shared link, then act after think time until the deadline."""
    rng = random.Random(seed)
    await asyncio.sleep(start_delay)
    page = rng.choice(sorted(MENU))
    session = Session(base, page, f"kommune={rng.choice(START_KOMMUNER)}")
    try:
        await session.open()
        stats.add("first_load", await session.first_load())
    except (OSError, websockets.WebSocketException, RunFailed) as exc:
        stats.fail(getattr(exc, "kind", "connect"), repr(exc))
        await session.close()
        return
    actions = 0
    while time.monotonic() < deadline and (max_actions is None or actions < max_actions):
        await asyncio.sleep(think * rng.uniform(0.5, 1.5))
        if time.monotonic() >= deadline:
            break
        switch = rng.random() < switch_share or not session.kommune_options
        kind = "page_switch" if switch and len(session.pages) > 1 else "kommune_change"
        try:
            if kind == "page_switch":
                seconds = await session.switch_page(rng)
            else:
                seconds = await session.change_kommune(rng)
            stats.add(kind, seconds)
            stats.add(f"on {session.page}", seconds)
        except RunFailed as exc:
            stats.fail(exc.kind, str(exc))
            if exc.kind in ("closed", "timeout"):
                break
        actions += 1
    await session.close()
    stats.sessions_done += 1


async def warm_up(bases: list[str]) -> dict[str, float]:
    """Open every menu page once on every server, so every dataset is loaded in every process
    before memory is measured; returns the slowest first visit per page."""
    seconds: dict[str, float] = {}
    for base in bases:
        for page in sorted(MENU):
            session = Session(base, page, "")
            try:
                await session.open()
                took = await session.first_load()
            except (OSError, websockets.WebSocketException, RunFailed) as exc:
                took = float("nan")
                print(f"  warm-up {base}/{page}: {exc!r}")
            finally:
                await session.close()
            seconds[page] = max(seconds.get(page, 0.0), took)
    return seconds


async def sample_servers(pids: list[int], every_s: float, out: dict[str, list]) -> None:
    """Append (t, total RSS, per-process RSS) samples until cancelled."""
    started = time.monotonic()
    while True:
        per = [rss_bytes(p) for p in pids]
        out["rss"].append((time.monotonic() - started, sum(per), per))
        await asyncio.sleep(every_s)


async def load(args: argparse.Namespace, pids: list[int]) -> dict:
    """Run the baseline (optional) and the load phase; returns all raw figures."""
    result: dict = {"pids": pids, "rss_fresh": sum(rss_bytes(p) for p in pids)}
    result["warmup"] = await warm_up(args.warm_urls)
    if args.baseline:
        base_stats = Stats()
        deadline = time.monotonic() + 3600
        await reader(
            args.url,
            10_000,
            0,
            deadline,
            1.0,
            base_stats,
            args.switch_share,
            max_actions=args.baseline_actions,
        )
        result["baseline"] = base_stats
    samples: dict[str, list] = {"rss": []}
    rss_before = sum(rss_bytes(p) for p in pids)
    cpu_before = sum(cpu_seconds(p) for p in pids)
    client_before = resource.getrusage(resource.RUSAGE_SELF)
    sampler = asyncio.create_task(sample_servers(pids, 1.0, samples))
    stats = Stats()
    started = time.monotonic()
    deadline = started + args.ramp + args.duration
    await asyncio.gather(
        *(
            reader(
                args.url,
                args.seed + i,
                args.ramp * i / args.sessions,
                deadline,
                args.think,
                stats,
                args.switch_share,
            )
            for i in range(args.sessions)
        )
    )
    wall = time.monotonic() - started
    sampler.cancel()
    client_after = resource.getrusage(resource.RUSAGE_SELF)
    result.update(
        stats=stats,
        wall_s=wall,
        rss_before=rss_before,
        rss_samples=samples["rss"],
        rss_after=sum(rss_bytes(p) for p in pids),
        server_cpu_s=sum(cpu_seconds(p) for p in pids) - cpu_before,
        client_cpu_s=(client_after.ru_utime + client_after.ru_stime)
        - (client_before.ru_utime + client_before.ru_stime),
    )
    return result


def report(args: argparse.Namespace, result: dict) -> dict:
    """Print the figures; return them as plain JSON-able data."""
    stats: Stats = result["stats"]
    mb = 1024 * 1024
    print(
        f"sessions={args.sessions} think={args.think:g}s (uniform ×0.5–1.5) ramp={args.ramp:g}s "
        f"duration={args.duration:g}s switch_share={args.switch_share:g} url={args.url} "
        f"pages={','.join(sorted(MENU))}"
    )
    warm = ", ".join(f"{k} {v * 1000:.0f}" for k, v in result["warmup"].items())
    print(f"  warm-up (first visit per page, slowest over servers, ms): {warm}")
    reruns = stats.latencies.get("kommune_change", []) + stats.latencies.get("page_switch", [])
    per_page = {k: v for k, v in stats.latencies.items() if k.startswith("on ")}
    for kind, values in sorted(per_page.items()):
        print(f"  rerun {kind:<20} {summary(values)}")
    rows = [*((k, v) for k, v in stats.latencies.items() if k not in per_page)]
    rows.append(("all_reruns", reruns))
    base: Stats | None = result.get("baseline")
    for kind, values in rows:
        line = f"  {kind:<15} {summary(values)}"
        if base is not None:
            bvals = base.latencies.get(kind, [])
            if kind == "all_reruns":
                bvals = base.latencies.get("kommune_change", []) + base.latencies.get(
                    "page_switch", []
                )
            if bvals:
                ratio = percentile(values, 95) / percentile(bvals, 95)
                line += f"   | unloaded {summary(bvals)}  p95 ratio {ratio:.1f}×"
        print(line)
    total_actions = len(reruns) + len(stats.latencies.get("first_load", []))
    errors = sum(stats.errors.values())
    print(f"  errors={errors} {dict(stats.errors)} of {total_actions + errors} runs")
    for sample in stats.error_samples:
        print(f"    e.g. {sample}")
    rss = [s[1] for s in result["rss_samples"]] or [0]
    peak_per = [max(s[2][i] for s in result["rss_samples"]) for i in range(len(result["pids"]))]
    print(
        f"  server RSS: idle {result['rss_fresh'] / mb:.0f} MB, "
        f"after warm-up {result['rss_before'] / mb:.0f} MB, peak {max(rss) / mb:.0f} MB, "
        f"after {result['rss_after'] / mb:.0f} MB over {len(result['pids'])} processes "
        f"(peak per process: {', '.join(f'{p / mb:.0f}' for p in peak_per)} MB)"
    )
    growth = (max(rss) - result["rss_before"]) / max(args.sessions, 1) / mb
    print(f"  RSS growth per concurrent session: {growth:.1f} MB")
    p95 = percentile(reruns, 95)
    verdict = "met" if p95 < 1.0 and errors == 0 and max(rss) < 1.5 * 1024 * mb else "NOT met"
    print(
        f"  sessions completed {stats.sessions_done}/{args.sessions}; target (rerun p95 < 1 s, "
        f"no errors, server RSS < 1.5 GB): {verdict}"
    )
    wall = result["wall_s"]
    print(
        f"  server CPU {result['server_cpu_s']:.0f} s over {wall:.0f} s wall "
        f"({100 * result['server_cpu_s'] / wall:.0f} % of one core); "
        f"load client CPU {result['client_cpu_s']:.0f} s "
        f"({100 * result['client_cpu_s'] / wall:.0f} %); "
        f"throughput {total_actions / wall:.1f} runs/s"
    )
    return {
        "args": vars(args),
        "latencies_s": stats.latencies,
        "baseline_latencies_s": base.latencies if base else None,
        "errors": dict(stats.errors),
        "error_samples": stats.error_samples,
        "rss_idle": result["rss_fresh"],
        "rss_before": result["rss_before"],
        "rss_after": result["rss_after"],
        "rss_peak": max(rss),
        "rss_peak_per_process": peak_per,
        "server_cpu_s": result["server_cpu_s"],
        "client_cpu_s": result["client_cpu_s"],
        "wall_s": wall,
    }


def main() -> int:
    """Parse arguments, optionally start a server, run the load and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--url", default=None, help="app base URL (default with --start)")
    parser.add_argument("--start", action="store_true", help="start one app server for the run")
    parser.add_argument("--port", type=int, default=8531, help="port for --start")
    parser.add_argument(
        "--server-ports",
        default=None,
        help="app ports: their processes are sampled and warmed up directly (default: URL's)",
    )
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--think", type=float, default=10.0, help="mean think time, seconds")
    parser.add_argument("--ramp", type=float, default=20.0, help="seconds to start all sessions")
    parser.add_argument("--duration", type=float, default=120.0, help="seconds after the ramp")
    parser.add_argument("--switch-share", type=float, default=0.3, help="share of page switches")
    parser.add_argument("--pages", default=None, help="comma list of url paths (default: menu)")
    parser.add_argument("--baseline", action="store_true", help="measure one idle session first")
    parser.add_argument("--baseline-actions", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, default=None, help="write raw figures here")
    args = parser.parse_args()

    pages = app_pages()
    menu = [p.url_path for p in pages if not p.hidden]
    MENU.update(args.pages.split(",") if args.pages else menu)
    DEFAULT_PAGE[0] = next((p.url_path for p in pages if p.default), "")
    server = None
    if args.start:
        args.url = args.url or f"http://127.0.0.1:{args.port}"
        server = start_streamlit(args.port, log=Path(f"/tmp/load_ws-{args.port}.log"))
    args.url = args.url or "http://127.0.0.1:8501"
    try:
        wait_healthy(args.url)
        port = urllib.parse.urlparse(args.url).port or 80
        ports = [int(p) for p in args.server_ports.split(",")] if args.server_ports else [port]
        pids = sorted({pid for p in ports for pid in pids_on_port(p)})
        host = urllib.parse.urlparse(args.url).hostname
        args.warm_urls = [f"http://{host}:{p}" for p in ports] if args.server_ports else [args.url]
        print_machine()
        result = asyncio.run(load(args, pids))
        figures = report(args, result)
    finally:
        if server is not None:
            stop_process(server)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
