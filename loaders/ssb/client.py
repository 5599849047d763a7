"""The one HTTP client for SSB: PxWebApi v2 (statistikkbanken) and KLASS (classifications).

Every call goes through one `requests.Session` with a timeout, a shared sliding-window rate
limit, and retries with exponential backoff and full jitter on 429, 5xx, timeouts and dropped
connections (honouring Retry-After). Data queries are checked against the table's metadata,
split to stay under `maxDataCells`, and sent by POST. Anything that is not the JSON the
contract promises raises a typed error from `loaders.ssb.errors`; it is never parsed as data.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import numpy as np
import pandas as pd
import requests

from kommuneokonomi.settings import Settings, load_settings
from loaders.ssb import jsonstat
from loaders.ssb.errors import (
    BadResponse,
    InvalidValue,
    MissingSelection,
    RateLimited,
    ServerUnavailable,
    SsbError,
    TableDiscontinued,
    TableNotFound,
    TooManyCells,
    UnexpectedDimensions,
)
from loaders.ssb.metadata import TableMetadata, parse_metadata
from loaders.ssb.ratelimit import SlidingWindowLimiter
from loaders.ssb.retry import RETRY_STATUSES, RetryPolicy, retry_after_seconds
from loaders.ssb.selection import Resolved, SelectionInput, request_body, resolve, split

log = logging.getLogger(__name__)

try:
    _VERSION = version("kommuneokonomi")
except PackageNotFoundError:  # running from a source tree that was never installed
    _VERSION = "dev"

USER_AGENT = f"kommuneokonomi/{_VERSION} (open-source dashboard on Norwegian municipal economy)"

_TRANSPORT_ERRORS = (
    requests.exceptions.Timeout,
    requests.exceptions.ConnectionError,
    requests.exceptions.ChunkedEncodingError,
)


class SsbClient:
    """Talks to SSB for one process or job: cached `/config` and metadata, one rate limit.

    The limiter is shared by PxWebApi and KLASS: both live on data.ssb.no, SSB's limit is per
    IP and its scope is not documented, and KLASS calls are few, so sharing costs nothing and
    can never be the reason for a 429. Pass `klass_limiter` to separate them.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        session: requests.Session | None = None,
        limiter: SlidingWindowLimiter | None = None,
        klass_limiter: SlidingWindowLimiter | None = None,
        retry: RetryPolicy | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings or load_settings()
        self.api_url = self.settings.ssb_api_url.rstrip("/")
        self.klass_url = self.settings.ssb_klass_url.rstrip("/")
        self.timeout_s = self.settings.http_timeout_s
        self.session = session or requests.Session()
        self.session.headers.update({"User-Agent": USER_AGENT, "Accept": "application/json"})
        self.limiter = limiter or SlidingWindowLimiter(
            self.settings.rate_limit_calls,
            self.settings.rate_limit_window_s,
            clock=clock,
            sleep=sleep,
        )
        self.klass_limiter = klass_limiter or self.limiter
        self.retry = retry or RetryPolicy()
        self._sleep = sleep
        self._config: dict[str, Any] | None = None
        self._metadata: dict[tuple[str, str], TableMetadata] = {}

    def __enter__(self) -> SsbClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP session and its pooled connections."""
        self.session.close()

    # -----------------------------------------------------------------------------------------
    # PxWebApi v2
    # -----------------------------------------------------------------------------------------

    def config(self) -> dict[str, Any]:
        """SSB's `/config` (limits, languages, formats), fetched once per client."""
        if self._config is None:
            doc = self._get(f"{self.api_url}/config", {}, what="the API configuration")
            cells = doc.get("maxDataCells") if isinstance(doc, dict) else None
            if not isinstance(cells, int) or cells < 1:
                raise BadResponse(f"SSB's /config has no usable maxDataCells (got {cells!r})")
            # NOTE: SSB reports maxCallsPerTimeWindow = 0 and timeWindow = 0; the real limit is
            # only announced in x-ratelimit-* headers, so the rate limit comes from settings.
            self._config = doc
        return self._config

    def max_cells(self) -> int:
        """The most cells SSB returns in one data request (`maxDataCells`, 800 000 at SSB)."""
        return int(self.config()["maxDataCells"])

    def find_tables(
        self,
        query: str,
        past_days: int | None = None,
        *,
        include_discontinued: bool = False,
        lang: str = "no",
        page_size: int = 100,
    ) -> list[dict[str, Any]]:
        """Every table matching `query` (all pages), as SSB lists them: id, label, updated, ..."""
        tables: list[dict[str, Any]] = []
        page = 1
        while True:
            params = {
                "lang": lang,
                "query": query,
                "pastDays": past_days,
                "includeDiscontinued": "true" if include_discontinued else None,
                "pageNumber": page,
                "pageSize": page_size,
            }
            doc = self._get(f"{self.api_url}/tables", params, what=f"the table search {query!r}")
            try:
                found = list(doc["tables"])
                total_pages = int(doc["page"]["totalPages"])
            except (KeyError, TypeError, ValueError) as exc:
                raise BadResponse(f"SSB's table search answer has no tables/page: {exc!r}") from exc
            tables.extend(found)
            # NOTE: PxWebApi answers a pageNumber past the last page with 404 "Non-existent page".
            if page >= total_pages or not found:
                return tables
            page += 1

    def table(self, table_id: str, lang: str = "no") -> dict[str, Any]:
        """One table's listing (label, updated, firstPeriod, lastPeriod, discontinued, ...)."""
        doc = self._get(
            f"{self.api_url}/tables/{table_id}",
            {"lang": lang},
            what=f"table {table_id}",
            table_id=table_id,
        )
        if not isinstance(doc, dict) or "id" not in doc:
            raise BadResponse(f"SSB's listing of table {table_id} has no id")
        return doc

    def metadata(self, table_id: str, lang: str = "no") -> TableMetadata:
        """The table's variables and codes (cached per client: a refresh job is short)."""
        key = (table_id, lang)
        if key not in self._metadata:
            doc = self._get(
                f"{self.api_url}/tables/{table_id}/metadata",
                {"lang": lang},
                what=f"metadata for table {table_id}",
                table_id=table_id,
            )
            self._metadata[key] = parse_metadata(table_id, doc)
        return self._metadata[key]

    def data(
        self,
        table_id: str,
        selection: SelectionInput,
        lang: str = "no",
        *,
        allow_discontinued: bool = False,
    ) -> list[dict[str, Any]]:
        """The raw JSON-stat 2.0 answers for `selection`, one per request it was split into.

        The selection is checked against the metadata first (so a bad code is named), expanded
        to explicit codes, split under `maxDataCells` and sent by POST. Every answer is checked
        to hold exactly the dimensions and codes asked for.
        """
        metadata = self.metadata(table_id, lang)
        if metadata.discontinued and not allow_discontinued:
            raise TableDiscontinued(
                f"table {table_id} ({metadata.label}) is discontinued: SSB no longer updates "
                "it; look for its successor with find_tables()"
            )
        resolved = resolve(metadata, selection)
        chunks = split(resolved, self.max_cells())
        if len(chunks) > 1:
            log.info("table %s: splitting the query into %d requests", table_id, len(chunks))
        docs = []
        for chunk in chunks:
            doc = self._request(
                "POST",
                f"{self.api_url}/tables/{table_id}/data",
                params={"lang": lang, "outputFormat": "json-stat2"},
                body=request_body(chunk),
                limiter=self.limiter,
                what=f"data from table {table_id}",
                table_id=table_id,
            )
            _check_answer(table_id, chunk, doc)
            docs.append(doc)
        return docs

    def data_frame(
        self,
        table_id: str,
        selection: SelectionInput,
        lang: str = "no",
        *,
        allow_discontinued: bool = False,
    ) -> pd.DataFrame:
        """`data()` as one tidy frame (see `frame_of`), identical however it was split."""
        docs = self.data(table_id, selection, lang, allow_discontinued=allow_discontinued)
        return frame_of(table_id, docs)

    # -----------------------------------------------------------------------------------------
    # KLASS v1
    # -----------------------------------------------------------------------------------------

    def codes_at(self, classification: str | int, date: str) -> list[dict[str, Any]]:
        """Codes of a classification valid on `date` (YYYY-MM-DD), e.g. 131 municipalities."""
        doc = self._get(
            f"{self.klass_url}/classifications/{classification}/codesAt",
            {"date": date},
            what=f"KLASS {classification} codes at {date}",
            limiter=self.klass_limiter,
        )
        return _klass_list(doc, "codes", f"KLASS {classification} codesAt")

    def changes(
        self, classification: str | int, from_date: str, to_date: str
    ) -> list[dict[str, Any]]:
        """Code changes (oldCode → newCode, changeOccurred) between two dates (YYYY-MM-DD)."""
        doc = self._get(
            f"{self.klass_url}/classifications/{classification}/changes",
            {"from": from_date, "to": to_date},
            what=f"KLASS {classification} changes {from_date}–{to_date}",
            limiter=self.klass_limiter,
        )
        return _klass_list(doc, "codeChanges", f"KLASS {classification} changes")

    def corresponds_at(
        self, source: str | int, target: str | int, date: str
    ) -> list[dict[str, Any]]:
        """Correspondence items source → target valid on `date` (e.g. 112 KOSTRA group → 131)."""
        doc = self._get(
            f"{self.klass_url}/classifications/{source}/correspondsAt",
            {"targetClassificationId": target, "date": date},
            what=f"KLASS {source} → {target} correspondence at {date}",
            limiter=self.klass_limiter,
        )
        return _klass_list(doc, "correspondenceItems", f"KLASS {source} correspondsAt")

    # -----------------------------------------------------------------------------------------
    # Transport: rate limit, retries, error mapping
    # -----------------------------------------------------------------------------------------

    def _get(
        self,
        url: str,
        params: dict[str, Any],
        *,
        what: str,
        table_id: str | None = None,
        limiter: SlidingWindowLimiter | None = None,
    ) -> Any:
        """GET `url` and return its decoded JSON (see `_request`)."""
        return self._request(
            "GET", url, params=params, limiter=limiter or self.limiter, what=what, table_id=table_id
        )

    def _request(
        self,
        method: str,
        url: str,
        *,
        params: dict[str, Any],
        limiter: SlidingWindowLimiter,
        what: str,
        table_id: str | None,
        body: dict[str, Any] | None = None,
    ) -> Any:
        """Send one request with retries; the decoded JSON, or a typed error."""
        params = {k: v for k, v in params.items() if v is not None}
        policy = self.retry
        waited = 0.0
        for attempt in range(1, policy.max_attempts + 1):
            limiter.acquire()
            try:
                response = self.session.request(
                    method, url, params=params, json=body, timeout=self.timeout_s
                )
            except _TRANSPORT_ERRORS as exc:
                reason, retry_after, status = _transport_reason(exc), None, None
            else:
                if response.status_code not in RETRY_STATUSES:
                    return _decode(response, method, what, table_id)
                status = response.status_code
                reason = f"HTTP {status}"
                retry_after = retry_after_seconds(response.headers.get("Retry-After"))
            wait = retry_after if retry_after is not None else policy.backoff(attempt)
            if attempt == policy.max_attempts or waited + wait > policy.max_total_wait_s:
                raise _give_up(what, attempt, waited, reason, status)
            log.warning(
                "SSB %s failed (%s); retry %d of %d in %.1f s",
                what,
                reason,
                attempt,
                policy.max_attempts - 1,
                wait,
            )
            if status == 429:
                limiter.hold(wait)
            self._sleep(wait)
            waited += wait
        raise AssertionError("unreachable: the loop returns or raises")


def _transport_reason(exc: Exception) -> str:
    """A short reason for a failed exchange: timeout or dropped connection."""
    if isinstance(exc, requests.exceptions.Timeout):
        return f"timed out ({type(exc).__name__})"
    return f"connection dropped ({type(exc).__name__})"


def _give_up(what: str, attempts: int, waited: float, reason: str, status: int | None) -> SsbError:
    """The error after the last attempt: RateLimited for 429, else ServerUnavailable."""
    message = f"SSB {what}: gave up after {attempts} attempts and {waited:.1f} s waiting ({reason})"
    return RateLimited(message) if status == 429 else ServerUnavailable(message)


def _decode(response: requests.Response, method: str, what: str, table_id: str | None) -> Any:
    """The JSON body of a non-retryable answer, or the typed error it stands for."""
    content = response.content
    content_type = response.headers.get("Content-Type", "")
    if "html" in content_type.lower() or content[:64].lstrip().startswith(b"<"):
        raise BadResponse(_html_message(response, method, what))
    if response.status_code >= 400:
        raise _problem_error(response, what, table_id)
    try:
        return json.loads(content)
    except ValueError:
        tail = content[-40:].decode("utf-8", errors="replace").replace("\n", " ")
        raise BadResponse(
            f"SSB's answer to {what} is not complete JSON ({len(content)} bytes, "
            f"ending {tail!r}); the answer was probably cut off"
        ) from None


GET_URL_LIMIT = 2_100  # characters; SSB answers longer GET URLs with an HTML 404 page


def _html_message(response: requests.Response, method: str, what: str) -> str:
    """Explain an HTML page where JSON was expected; for a long GET URL, point at its length.

    NOTE: SSB answers a GET URL longer than about 2 100 characters with an HTML 404 page, not
    a JSON error. That is why data queries always go by POST.
    """
    message = (
        f"SSB answered {method} for {what} with an HTML page (HTTP {response.status_code}) "
        "instead of JSON"
    )
    if method != "GET":
        return message
    if len(response.url) > GET_URL_LIMIT * 0.9:
        return message + (
            f"; SSB gives this page when a GET URL is too long (this one has "
            f"{len(response.url)} characters, the limit is about {GET_URL_LIMIT:,}), "
            "so send the query as POST"
        )
    return message + (
        f"; SSB gives this page for GET URLs over about {GET_URL_LIMIT:,} characters (those "
        f"must go as POST), but this one has {len(response.url)}: look for maintenance or a "
        "proxy between us and SSB"
    )


def _problem_error(response: requests.Response, what: str, table_id: str | None) -> SsbError:
    """The typed error for SSB's problem body (`{"type", "title", "status"}`).

    NOTE: SSB's status codes are inconsistent: a data query for a missing table is HTTP 400
    with `"status": 404` in the body; metadata for it is HTTP 404. We go by `title`.
    """
    try:
        body = response.json()
    except ValueError:
        body = None
    title = body.get("title") if isinstance(body, dict) else None
    where = f"table {table_id}" if table_id else what
    if title == "Non-existent table":
        return TableNotFound(f"table {table_id} does not exist")
    if title == "Non-existent value":
        # NOTE: SSB does not say which value; we check selections against metadata first, so
        # reaching this means the table changed between our metadata read and the query.
        return InvalidValue(f"SSB says a selected value does not exist in {where}")
    if title == "Non-existent variable":
        return UnexpectedDimensions(f"SSB says a selected variable does not exist in {where}")
    if title and title.startswith("Missing selection"):
        # NOTE: SSB spells it "mandantory", and does not say which variable.
        return MissingSelection(f"SSB says a mandatory variable has no selection in {where}")
    if title == "Too many cells selected":
        return TooManyCells(f"SSB says the query for {where} selects too many cells")
    detail = title or response.text[:200]
    return SsbError(f"SSB refused {what}: HTTP {response.status_code} {detail}")


def _check_answer(table_id: str, asked: Resolved, doc: Any) -> None:
    """Raise unless `doc` is a JSON-stat dataset with exactly the dimensions and codes asked."""
    try:
        got = jsonstat.dimension_codes(doc)
    except jsonstat.JsonStatError as exc:
        raise BadResponse(f"data from table {table_id}: {exc}") from exc
    missing = [v for v in asked if v not in got]
    if missing:
        extra = [v for v in got if v not in asked]
        raise UnexpectedDimensions(
            f"SSB's answer for table {table_id} lacks dimension {', '.join(missing)}"
            + (f" and has {', '.join(extra)} instead" if extra else "")
            + "; SSB may have renamed it"
        )
    for variable, codes in asked.items():
        if set(got[variable]) != set(codes):
            raise BadResponse(
                f"SSB's answer for table {table_id} has {len(got[variable])} codes for "
                f"{variable}, but {len(codes)} were asked for"
            )
    value = doc["value"]
    cells = int(np.prod([len(c) for c in got.values()], dtype=np.int64))
    if isinstance(value, list) and len(value) != cells:
        raise BadResponse(f"SSB's answer for table {table_id} has {len(value)} of {cells} values")


def frame_of(table_id: str, docs: list[dict[str, Any]]) -> pd.DataFrame:
    """The JSON-stat answers `docs` of one split query (from `SsbClient.data`) as one tidy frame.

    Shared by `SsbClient.data_frame` and the live refresh (which also keeps the raw answers),
    so both get the same categories and row order however the query was split, and an answer
    that is not valid JSON-stat raises `BadResponse` naming the table.
    """
    frames = []
    for doc in docs:
        try:
            frames.append(jsonstat.parse(doc))
        except jsonstat.JsonStatError as exc:
            raise BadResponse(f"data from table {table_id}: {exc}") from exc
    if len(frames) == 1:
        return frames[0]
    return _combine(frames, docs)


def _combine(frames: list[pd.DataFrame], docs: list[dict[str, Any]]) -> pd.DataFrame:
    """Chunk frames as one, with the categories and row order one unsplit answer would have."""
    dims = list(docs[0]["id"])
    labels: dict[str, dict[str, str]] = {d: {} for d in dims}
    for doc in docs:
        for dim in dims:
            category = doc["dimension"][dim]["category"]
            index = category["index"]
            codes = list(index) if isinstance(index, list) else sorted(index, key=index.get)
            names = category.get("label") or {}
            labels[dim].update({code: str(names.get(code, code)) for code in codes})
    frame = pd.concat(frames, ignore_index=True)
    columns: dict[str, Any] = {}
    for dim in dims:
        codes_in_order = _ordered_codes(docs, dim)
        codes = pd.Categorical(frame[dim].astype(object), categories=codes_in_order)
        label_of_code, unique_labels = pd.factorize(
            np.asarray([labels[dim][c] for c in codes_in_order], dtype=object)
        )
        columns[dim] = codes
        columns[f"{dim}_label"] = pd.Categorical.from_codes(
            label_of_code[codes.codes], categories=unique_labels, validate=False
        )
    columns["value"] = frame["value"].to_numpy()
    columns["status"] = pd.Series(frame["status"].to_numpy(dtype=object), dtype=object)
    combined = pd.DataFrame(columns)
    return combined.sort_values(dims, kind="stable").reset_index(drop=True)


def _ordered_codes(docs: list[dict[str, Any]], dim: str) -> list[str]:
    """A dimension's codes across chunks, in the order the chunks list them."""
    seen: dict[str, None] = {}
    for doc in docs:
        index = doc["dimension"][dim]["category"]["index"]
        codes = list(index) if isinstance(index, list) else sorted(index, key=index.get)
        seen.update(dict.fromkeys(codes))
    return list(seen)


def _klass_list(doc: Any, key: str, what: str) -> list[dict[str, Any]]:
    """The list under `key` in a KLASS answer, or BadResponse naming what came instead."""
    if not isinstance(doc, dict) or not isinstance(doc.get(key), list):
        keys = sorted(doc)[:6] if isinstance(doc, dict) else type(doc).__name__
        raise BadResponse(f"SSB's answer to {what} has no {key!r} list (got {keys})")
    return doc[key]
