"""A real HTTP server on 127.0.0.1 that speaks SSB's PxWebApi v2 and KLASS v1 contract.

It serves real snapshot data (SYNTHETIC cells only where a test needs a full table, and
marked), enforces a per-client rate limit (429 + Retry-After) and the cell limit, answers too
long GET URLs with SSB's recorded HTML 404 page, and injects faults on demand: in-process via
`server.faults`, or over HTTP with `POST /_faults` (see `_control`). `GET /_stats` counts
requests and 429s. Nothing is ever written to disk.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import socket
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from kommuneokonomi.data import DataStore
from kommuneokonomi.settings import load_settings
from tests.ssb_server import pxweb
from tests.ssb_server.faults import FaultPlan
from tests.ssb_server.klass import Klass, KlassError
from tests.ssb_server.tables import build_catalog

log = logging.getLogger(__name__)

FIXTURES = load_settings().seed_dir / "fixtures" / "ssb-api"
API_PREFIX = "/api/pxwebapi/v2"
KLASS_PREFIX = "/api/klass/v1"
# NOTE: SSB answers GET URLs longer than about 2 100 characters with an HTML 404 page
# (measured: 2 092 characters worked, 2 142 did not).
MAX_GET_URL = 2_100


@dataclass(frozen=True)
class RecordedRequest:
    """One API request as the server received it, for tests that check the exact shape."""

    method: str
    path: str
    query: dict[str, list[str]]
    body: Any
    headers: dict[str, str]


class RateWindow:
    """SSB-like per-client limit: at most `calls` accepted requests in any `window_s` seconds."""

    def __init__(self, calls: int, window_s: float) -> None:
        self.calls = calls
        self.window_s = window_s
        self._seen: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def admit(self, client: str) -> tuple[bool, int, int]:
        """(accepted, seconds until a slot frees, requests left in the window)."""
        now = time.monotonic()
        with self._lock:
            stamps = self._seen.setdefault(client, deque())
            while stamps and now - stamps[0] >= self.window_s:
                stamps.popleft()
            if len(stamps) >= self.calls:
                return False, max(1, math.ceil(stamps[0] + self.window_s - now)), 0
            stamps.append(now)
            return True, 0, self.calls - len(stamps)


class SsbServer:
    """The test server; use as a context manager or call `start()` / `stop()`."""

    def __init__(
        self,
        store: DataStore | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        max_cells: int = 800_000,
        rate_calls: int = 30,
        rate_window_s: float = 60.0,
        synthetic: bool = True,
    ) -> None:
        self.store = store or DataStore(load_settings())
        self._defaults = {
            "max_cells": max_cells,
            "rate_calls": rate_calls,
            "rate_window_s": rate_window_s,
            "synthetic": synthetic,
        }
        self.max_cells = max_cells
        self.synthetic = synthetic
        self.window = RateWindow(rate_calls, rate_window_s)
        self.faults = FaultPlan()
        self.tables = build_catalog(self.store, FIXTURES)
        self.klass = Klass(self.store, FIXTURES)
        self.html_404 = (FIXTURES / "v2_long_get_url_404.html").read_bytes()
        self.requests: list[RecordedRequest] = []
        self.statuses: Counter[int] = Counter()
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer((host, port), _Handler)
        self._httpd.daemon_threads = True
        self._httpd.app = self  # type: ignore[attr-defined]
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        """`http://127.0.0.1:<port>`."""
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        """PxWebApi v2 base URL (use as SSB_API_URL)."""
        return self.base_url + API_PREFIX

    @property
    def klass_url(self) -> str:
        """KLASS v1 base URL (use as SSB_KLASS_URL)."""
        return self.base_url + KLASS_PREFIX

    def start(self) -> SsbServer:
        """Serve in a background thread."""
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name="ssb-test-server", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and release the port."""
        self._httpd.shutdown()
        self._httpd.server_close()

    def serve_forever(self) -> None:
        """Serve in the calling thread until interrupted (standalone use)."""
        self._httpd.serve_forever()

    def __enter__(self) -> SsbServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stats(self) -> dict[str, Any]:
        """Requests seen, answers by HTTP status, and how many were 429 Too Many Requests."""
        with self._lock:
            return {
                "requests": len(self.requests),
                "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
                "throttled": self.statuses.get(429, 0),
            }

    def data_requests(self) -> list[RecordedRequest]:
        """The requests that asked for table data."""
        with self._lock:
            return [r for r in self.requests if r.path.endswith("/data")]

    def configure(
        self,
        *,
        max_cells: int | None = None,
        rate_calls: int | None = None,
        rate_window_s: float | None = None,
        synthetic: bool | None = None,
    ) -> SsbServer:
        """Change limits for a test (`reset()` restores the constructor's values)."""
        if max_cells is not None:
            self.max_cells = max_cells
        if synthetic is not None:
            self.synthetic = synthetic
        if rate_calls is not None or rate_window_s is not None:
            self.window = RateWindow(
                rate_calls or self.window.calls, rate_window_s or self.window.window_s
            )
        return self

    def reset(self) -> None:
        """Forget requests, counters, faults and the rate window; restore the limits."""
        with self._lock:
            self.requests.clear()
            self.statuses.clear()
        self.faults.clear()
        defaults = self._defaults
        self.max_cells = defaults["max_cells"]
        self.synthetic = defaults["synthetic"]
        self.window = RateWindow(defaults["rate_calls"], defaults["rate_window_s"])

    def record(self, request: RecordedRequest) -> None:
        """Keep a request for later inspection."""
        with self._lock:
            self.requests.append(request)

    def count(self, status: int) -> None:
        """Count an answer by status."""
        with self._lock:
            self.statuses[status] += 1

    # -----------------------------------------------------------------------------------------
    # Routing
    # -----------------------------------------------------------------------------------------

    def answer(
        self, method: str, path: str, query: dict[str, list[str]], body: Any
    ) -> tuple[int, Any]:
        """(HTTP status, JSON body) for an API request; raises Problem/KlassError/DuplicateCode."""
        if path.startswith(KLASS_PREFIX):
            return 200, self._klass(path[len(KLASS_PREFIX) :], query)
        if not path.startswith(API_PREFIX):
            raise pxweb.Problem(404, "Not Found")
        parts = [p for p in path[len(API_PREFIX) :].split("/") if p]
        lang = _one(query, "lang") or "no"
        if parts == ["config"]:
            return 200, pxweb.config(self.max_cells)
        if parts == ["tables"]:
            return 200, self._search(query, lang)
        if len(parts) < 2 or parts[0] != "tables":
            raise pxweb.Problem(404, "Not Found")
        table_id, rest = parts[1], parts[2:]
        table = self.tables.get(table_id)
        discontinued = table_id in self.faults.discontinued
        if rest == ["data"]:
            if table is None:
                # NOTE: recorded SSB answer: HTTP 400 whose body says status 404.
                raise pxweb.Problem(400, "Non-existent table", body_status=404)
            return 200, self._data(table, method, query, body, discontinued)
        if table is None:
            raise pxweb.Problem(404, "Non-existent table")
        if not rest:
            return 200, {"language": lang, **pxweb.listing(table, self.api_url, lang, discontinued)}
        if rest == ["metadata"]:
            names = self.faults.names(table_id, for_metadata=True)
            return 200, pxweb.metadata(table, names, discontinued)
        raise pxweb.Problem(404, "Not Found")

    def _search(self, query: dict[str, list[str]], lang: str) -> dict:
        """`/tables` with query, pastDays, includeDiscontinued and paging."""
        tables = list(self.tables.values())
        past_days = _one(query, "pastDays")
        if past_days:
            since = datetime.now(UTC) - timedelta(days=int(past_days))
            tables = [t for t in tables if datetime.fromisoformat(t.updated) >= since]
        return pxweb.search(
            tables,
            set(self.faults.discontinued),
            self.api_url,
            query=_one(query, "query") or "",
            lang=lang,
            include_discontinued=(_one(query, "includeDiscontinued") or "").lower() == "true",
            page_number=int(_one(query, "pageNumber") or 1),
            page_size=int(_one(query, "pageSize") or 20),
        )

    def _data(self, table: Any, method: str, query: dict, body: Any, discontinued: bool) -> dict:
        """Data for GET `valueCodes[VAR]=a,b` or POST `{"selection": [...]}`."""
        output = _one(query, "outputFormat")
        if output not in (None, "json-stat2"):
            raise pxweb.Problem(
                400, "Unsupported output format", detail="Unsupported output format"
            )
        if any(key.lower().startswith("codelist") for key in query):
            raise pxweb.Problem(400, "Non-existent codelist")
        if method == "POST":
            try:
                selection = {
                    str(s["variableCode"]): [str(c) for c in s["valueCodes"]]
                    for s in body["selection"]
                }
            except (KeyError, TypeError):
                raise pxweb.Problem(400, "Missing selection for mandantory variable") from None
        else:
            selection = _get_selection(query)
        return pxweb.data(
            table,
            selection,
            self.faults.names(table.table_id, for_metadata=False),
            accepted=self.faults.names(table.table_id, for_metadata=True),
            synthetic=self.synthetic,
            discontinued=discontinued,
            max_cells=self.max_cells,
        )

    def _klass(self, path: str, query: dict[str, list[str]]) -> dict:
        """KLASS v1 routes: codesAt, changes and correspondsAt of a classification."""
        parts = [p.removesuffix(".json") for p in path.split("/") if p]
        if len(parts) != 3 or parts[0] != "classifications":
            raise KlassError(404, f"No endpoint {path}")
        classification, endpoint = parts[1], parts[2]
        if endpoint == "codesAt":
            return self.klass.codes_at(classification, _required(query, "date"))
        if endpoint == "changes":
            return self.klass.changes(classification, _required(query, "from"), _one(query, "to"))
        if endpoint == "correspondsAt":
            return self.klass.corresponds_at(
                classification,
                _required(query, "targetClassificationId"),
                _required(query, "date"),
            )
        raise KlassError(404, f"No endpoint {path}")

    def control(self, method: str, path: str, body: Any) -> dict:
        """`GET /_stats`, `POST /_reset`, and `POST /_faults` with one of:
        `{"kind": "status"|"slow"|"hang"|"truncate"|"html"|"drop", "n": 1, "status": 503,
        "retry_after": "2", "seconds": 1.5, "path": "/data"}`,
        `{"rename": {"table": "12134", "old": "...", "new": "...", "in_metadata": false}}`,
        `{"discontinue": "12134"}` or `{"clear": true}`.
        """
        if path == "/_stats":
            return self.stats()
        if path == "/_reset" and method == "POST":
            self.reset()
            return {"ok": True}
        if path == "/_faults" and method == "POST" and isinstance(body, dict):
            if body.get("clear"):
                self.faults.clear()
            elif "rename" in body:
                r = body["rename"]
                self.faults.rename_dimension(
                    r["table"], r["old"], r["new"], in_metadata=bool(r.get("in_metadata"))
                )
            elif "discontinue" in body:
                self.faults.discontinue(str(body["discontinue"]))
            else:
                options = {k: v for k, v in body.items() if k not in ("kind", "n")}
                self.faults.add(body["kind"], int(body.get("n", 1)), **options)
            return {"ok": True}
        raise pxweb.Problem(404, "Not Found")


def _one(query: dict[str, list[str]], key: str) -> str | None:
    """The first value of a query parameter (case-insensitive name), or None."""
    for name, values in query.items():
        if name.lower() == key.lower() and values:
            return values[0]
    return None


def _required(query: dict[str, list[str]], key: str) -> str:
    """A query parameter KLASS requires, or a 400 naming it."""
    value = _one(query, key)
    if value is None:
        raise KlassError(400, f"Required parameter '{key}' is not present")
    return value


def _get_selection(query: dict[str, list[str]]) -> dict[str, list[str]]:
    """`valueCodes[VAR]=a,b,[range(x,y)]` parameters as variable → codes.

    NOTE: in GET, a comma inside an expression must be protected by brackets:
    `valueCodes[Tid]=[range(2020,2022)]`; SSB otherwise splits it in two.
    """
    selection: dict[str, list[str]] = {}
    for name, values in query.items():
        if name.lower().startswith("valuecodes[") and name.endswith("]"):
            variable = name[len("valueCodes[") : -1]
            codes: list[str] = []
            for value in values:
                codes.extend(_split_codes(value))
            selection[variable] = codes
    return selection


def _split_codes(text: str) -> list[str]:
    """Split on commas outside brackets, dropping the brackets that protect expressions."""
    out, depth, current = [], 0, ""
    for char in text:
        if char == "[":
            depth += 1
            continue
        if char == "]":
            depth -= 1
            continue
        if char == "," and depth == 0:
            out.append(current)
            current = ""
            continue
        current += char
    out.append(current)
    return [c.strip() for c in out if c.strip()]


class _Handler(BaseHTTPRequestHandler):
    """Turns HTTP requests into `SsbServer.answer` calls, applying limits and faults."""

    protocol_version = "HTTP/1.1"
    server_version = "ssb-test-server"

    def do_GET(self) -> None:
        self._handle("GET")

    def do_POST(self) -> None:
        self._handle("POST")

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s " + format, self.client_address[0], *args)

    def _handle(self, method: str) -> None:
        app: SsbServer = self.server.app  # type: ignore[attr-defined]
        url = urlsplit(self.path)
        query = parse_qs(url.query, keep_blank_values=True)
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", errors="replace")
        if url.path.startswith("/_"):
            try:
                status, payload = 200, app.control(method, url.path, body)
            except (pxweb.Problem, KeyError, TypeError, ValueError) as exc:
                status, payload = 400, {"error": repr(exc)}
            self._send(status, json.dumps(payload).encode(), "application/json", counted=False)
            return
        app.record(RecordedRequest(method, url.path, query, body, dict(self.headers.items())))
        if (
            method == "GET"
            and len(f"http://{self.headers.get('Host', '')}{self.path}") > MAX_GET_URL
        ):
            self._send(404, app.html_404, "text/html")
            return
        admitted, retry_after, remaining = app.window.admit(self.client_address[0])
        limits = {
            "x-ratelimit-limit": str(app.window.calls),
            "x-ratelimit-remaining": str(remaining),
            "x-ratelimit-policy": f"{app.window.calls};w={app.window.window_s:g}s",
        }
        if not admitted:
            problem = {
                "title": "Too many requests",
                "status": 429,
                "detail": f"You have reached the threshold for request limiting: "
                f"{app.window.calls} requests per {app.window.window_s:g} seconds.",
            }
            self._send_json(429, problem, {**limits, "Retry-After": str(retry_after)})
            return
        fault = app.faults.take(url.path)
        if fault is not None:
            if fault.kind == "drop":
                self._drop()
                return
            if fault.kind == "hang":
                time.sleep(fault.seconds)
                self._drop()
                return
            if fault.kind == "html":
                self._send(404, app.html_404, "text/html")
                return
            if fault.kind == "status":
                headers = {"Retry-After": fault.retry_after} if fault.retry_after else {}
                title = "Too many requests" if fault.status == 429 else "Service Unavailable"
                self._send_json(fault.status, {"title": title, "status": fault.status}, headers)
                return
            if fault.kind == "slow":
                time.sleep(fault.seconds)
        try:
            status, payload = app.answer(method, url.path, query, body)
        except pxweb.Problem as problem:
            self._send_json(problem.http_status, problem.body(), limits)
            return
        except KlassError as error:
            self._send_json(error.status, error.body(url.path), limits)
            return
        except pxweb.DuplicateCode:
            self._send(500, b"", "text/plain")
            return
        data = json.dumps(payload, ensure_ascii=False).encode()
        if fault is not None and fault.kind == "truncate":
            data = data[: len(data) // 2]
        self._send(status, data, "application/json; charset=utf-8", limits)

    def _send_json(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        content_type = "application/problem+json" if status >= 400 else "application/json"
        self._send(status, json.dumps(payload).encode(), content_type, headers)

    def _send(
        self,
        status: int,
        data: bytes,
        content_type: str,
        headers: dict[str, str] | None = None,
        *,
        counted: bool = True,
    ) -> None:
        if counted:
            self.server.app.count(status)  # type: ignore[attr-defined]
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _drop(self) -> None:
        """Close the connection without an answer (the client sees a dropped connection)."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)
