"""Run a live refresh: for each declared spec, fetch through the shared client, keep the raw
answers, tidy, validate and publish into the live cache, committing the manifest per spec.

A spec whose table SSB has not updated since the last success is skipped (unless `force`).
Any failure of a spec (SSB error, bad answer, a frame that fails validation) leaves that
spec's previous files in place and records the error next to the last success.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, TextIO

import pandas as pd

from kommuneokonomi.data import DataStore
from kommuneokonomi.datasets import LICENCE_SSB
from kommuneokonomi.errors import DataError
from kommuneokonomi.settings import Settings
from loaders.refresh.befolkning import BEFOLKNING
from loaders.refresh.cache import LiveCache, now_iso
from loaders.refresh.framskriving import FRAMSKRIVING
from loaders.refresh.klass import KOMMUNER, MEDLEMSKAP
from loaders.refresh.kostra import KOSTRA
from loaders.refresh.progress import Progress
from loaders.refresh.spec import Context, Fetched, Spec, TableQuery
from loaders.ssb import jsonstat
from loaders.ssb.client import SsbClient, frame_of
from loaders.ssb.errors import SsbError, TableNotFound, UnexpectedDimensions
from loaders.ssb.ratelimit import SlidingWindowLimiter
from loaders.ssb.selection import request_body, resolve, split
from loaders.store import Source, ValidationError

log = logging.getLogger(__name__)

# In dependency order: the KLASS 131 step gives the codes the others carry figures to.
SPECS: tuple[Spec, ...] = (KOMMUNER, MEDLEMSKAP, BEFOLKNING, FRAMSKRIVING, KOSTRA)

# Requests a spec needs when nothing has to be split or retried (for the progress total).
_PLANNED = {"klass131": 3, "klass112": 12, "07459": 3, "framskriving": 3, "12134": 7}

_FAILURES = (SsbError, ValidationError, jsonstat.JsonStatError, ValueError, KeyError, DataError)


@dataclass
class Outcome:
    """What happened to one spec: 'updated', 'unchanged' or 'failed', and why."""

    spec: str
    status: str
    message: str = ""
    datasets: tuple[str, ...] = ()
    rows: dict[str, int] = field(default_factory=dict)


@dataclass
class RefreshReport:
    """Every spec's outcome, the requests sent and the wall time."""

    outcomes: list[Outcome]
    requests: int
    seconds: float

    @property
    def ok(self) -> bool:
        """True when no spec failed."""
        return all(o.status != "failed" for o in self.outcomes)


class CountingLimiter(SlidingWindowLimiter):
    """The client's rate limit, also telling the progress display about every request."""

    def __init__(self, calls: int, window_s: float, on_request: Callable[[], None]) -> None:
        super().__init__(calls, window_s)
        self._on_request = on_request

    def acquire(self) -> float:
        """Wait for a slot as usual, then count the request."""
        waited = super().acquire()
        self._on_request()
        return waited


def specs_for(names: Sequence[str]) -> list[Spec]:
    """The specs producing the named datasets (all when none are named), in run order."""
    if not names:
        return list(SPECS)
    known = {d: s for s in SPECS for d in s.produces}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ValueError(f"cannot refresh {', '.join(unknown)}; refreshable: {', '.join(known)}")
    wanted = {known[n].name for n in names}
    return [s for s in SPECS if s.name in wanted]


def refresh(
    settings: Settings,
    names: Sequence[str] = (),
    *,
    force: bool = False,
    stream: TextIO | None = None,
    bar: bool | None = None,
    today: date | None = None,
) -> RefreshReport:
    """Refresh the named datasets (default: all) from SSB into `settings.live_dir`."""
    started = datetime.now(UTC)
    specs = specs_for(names)
    cache = LiveCache(settings)
    progress = Progress(sum(_PLANNED.get(s.name, 3) for s in specs) + 1, stream=stream, bar=bar)
    limiter = CountingLimiter(
        settings.rate_limit_calls, settings.rate_limit_window_s, progress.request
    )
    outcomes = []
    with cache.locked(), SsbClient(settings, limiter=limiter) as client:
        for spec in specs:
            progress.step(spec.title)
            outcome = _run_guarded(spec, client, cache, settings, force, today, progress)
            outcomes.append(outcome)
            progress.note(_describe(outcome))
            cache.commit()
    progress.close()
    seconds = (datetime.now(UTC) - started).total_seconds()
    return RefreshReport(outcomes, progress.done, seconds)


def _describe(outcome: Outcome) -> str:
    if outcome.status == "failed":
        return f"{outcome.spec}: FAILED, previous data kept: {outcome.message}"
    rows = ", ".join(f"{name} {n} rows" for name, n in outcome.rows.items())
    return f"{outcome.spec}: {outcome.status}" + (f" ({rows})" if rows else "")


def _table_source(fetched: Fetched, day: str) -> dict[str, Any]:
    """One fetched table as a source: its title, id, SSB's update day and the years it spans."""
    metadata = fetched.metadata
    time = metadata.variable("Tid")
    years = list(time.values) if time else []
    return Source(
        title=metadata.label,
        publisher="Statistisk sentralbyrå",
        licence=LICENCE_SSB,
        table_id=fetched.table_id,
        url=f"https://www.ssb.no/statbank/table/{fetched.table_id}",
        origin="SSB PxWebApi v2",
        published=(fetched.updated or "")[:10] or None,
        fetched=day,
        period=f"{years[0]}–{years[-1]}" if years else None,
    ).as_dict()


def _run_guarded(
    spec: Spec,
    client: SsbClient,
    cache: LiveCache,
    settings: Settings,
    force: bool,
    today: date | None,
    progress: Progress,
) -> Outcome:
    """Run one spec; on failure restore its entries and record the error instead."""
    before = {name: cache.manifest["datasets"].get(name) for name in spec.produces}
    raw: list[str] = []
    try:
        ctx = _context(spec, settings, today or date.today())
        return _run(spec, client, cache, ctx, force, progress, raw)
    except _FAILURES as exc:
        for name, entry in before.items():
            if entry is None:
                cache.manifest["datasets"].pop(name, None)
            else:
                cache.manifest["datasets"][name] = entry
            cache.record_error(name, f"{type(exc).__name__}: {exc}", raw)
        log.warning("refresh of %s failed: %s", spec.name, exc)
        return Outcome(spec.name, "failed", f"{type(exc).__name__}: {exc}", spec.produces)


def _context(spec: Spec, settings: Settings, today: date) -> Context:
    """Today's codes and code history, read as the app would (live cache first, else snapshot)."""
    empty = pd.DataFrame()
    if not spec.needs_codes:
        return Context(today, empty, empty, settings.ssb_api_url, settings.ssb_klass_url)
    store = DataStore(settings)
    return Context(
        today,
        store.frame("kommuner"),
        store.frame("kodeendringer"),
        settings.ssb_api_url,
        settings.ssb_klass_url,
    )


def _run(
    spec: Spec,
    client: SsbClient,
    cache: LiveCache,
    ctx: Context,
    force: bool,
    progress: Progress,
    raw: list[str],
) -> Outcome:
    fetched_at = now_iso()
    stamp = fetched_at.replace(":", "").replace("+0000", "Z")
    if spec.table is not None:
        fetched = _resolve_table(spec.table, client, ctx)
        fetched.also = [_resolve_table(query, client, ctx) for query in spec.also]
        parts = [(spec.table, fetched), *zip(spec.also, fetched.also, strict=True)]
        if not force and _unchanged(spec, cache, [part for _, part in parts]):
            for name in spec.produces:
                cache.mark_checked(name, {})
            return Outcome(spec.name, "unchanged", "SSB has not updated the table", spec.produces)
        part_facts = []
        for query, part in parts:
            docs = _fetch_table(spec.name, query, client, ctx, part, progress)
            raw.extend(cache.save_raw(part.table_id, stamp, docs))
            part_facts.append(_table_facts(part, client, docs, fetched_at))
        facts = part_facts[0]
        if len(part_facts) > 1:
            facts["also"] = [
                {k: v for k, v in f.items() if k != "fetched_at"} for f in part_facts[1:]
            ]
            synthetic = sum(f.get("synthetic_cells", 0) for f in part_facts)
            if synthetic:
                facts["synthetic_cells"] = synthetic
    else:
        fetched = _fetch_klass(spec, client, ctx)
        answers = [{"call": key, "answer": items} for key, items in fetched.klass.items()]
        raw.extend(cache.save_raw(f"klass-{spec.name}", stamp, answers))
        facts = {"fetched_at": fetched_at}
    frames = spec.tidy(fetched, ctx)
    rows, changed = {}, False
    for name in spec.produces:
        previous = cache.entry(name).get("sha256")
        extra = {"notes": spec.notes[name]} if name in spec.notes else {}
        entry = cache.publish(
            name, frames[name], {**facts, **extra, **_sources(spec, name, fetched, ctx, fetched_at)}
        )
        entry["raw"] = list(raw)
        rows[name] = entry["rows"]
        changed |= entry["sha256"] != previous
    return Outcome(spec.name, "updated" if changed else "unchanged", "", spec.produces, rows)


def _resolve_table(query: TableQuery, client: SsbClient, ctx: Context) -> Fetched:
    """The table's listing and metadata: the fixed id, or the newest search hit that fits."""
    if query.table_id is not None:
        listing = client.table(query.table_id)
        return Fetched(query.table_id, client.metadata(query.table_id), listing)
    hits = client.find_tables(query.search)
    hits.sort(key=lambda t: (str(t.get("updated") or ""), str(t.get("id"))), reverse=True)
    for hit in hits:
        if hit.get("discontinued"):
            continue
        metadata = client.metadata(str(hit["id"]))
        if query.accept is None or query.accept(metadata, ctx):
            return Fetched(str(hit["id"]), metadata, hit)
    raise TableNotFound(f"no current table found by searching SSB for {query.search!r}")


def _unchanged(spec: Spec, cache: LiveCache, parts: list[Fetched]) -> bool:
    """True when every dataset of the spec holds each of its tables at SSB's current `updated`
    time (the first table's facts at the top of the entry, the others' under `also`)."""
    now = [(p.table_id, p.updated) for p in parts]
    for name in spec.produces:
        entry = cache.entry(name)
        if not entry.get("file") or not (cache.directory / entry["file"]).is_file():
            return False
        held = [entry, *entry.get("also", [])]
        if [(e.get("table_id"), e.get("ssb_updated")) for e in held] != now:
            return False
    return True


def _fetch_table(
    loader: str,
    query: TableQuery,
    client: SsbClient,
    ctx: Context,
    fetched: Fetched,
    progress: Progress,
) -> list[dict[str, Any]]:
    """Fetch the spec's selection (split under the cell limit) and parse it into one frame.

    Returns the raw answers (kept in the live cache); the frame is parsed by the client's
    `frame_of`, so it is the one `SsbClient.data_frame` would give.
    """
    metadata = fetched.metadata
    selection = query.select(metadata, ctx)
    if not selection:
        raise UnexpectedDimensions(
            f"table {fetched.table_id} lacks a variable the {loader} loader needs (it has "
            f"{', '.join(metadata.variable_codes)}); SSB may have renamed it"
        )
    resolved = resolve(metadata, selection)
    progress.plan(len(split(resolved, client.max_cells())) - 1)
    docs = client.data(fetched.table_id, resolved)
    fetched.frame = frame_of(fetched.table_id, docs)
    fetched.selection = resolved
    return docs


def _fetch_klass(spec: Spec, client: SsbClient, ctx: Context) -> Fetched:
    """Make the spec's KLASS calls; optional calls may fail (recorded), required ones may not."""
    fetched = Fetched()
    calls = spec.klass(ctx)
    for call in calls:
        try:
            fetched.klass[call.key] = getattr(client, call.method)(*call.args(ctx))
        except SsbError as exc:
            if not call.optional:
                raise
            fetched.klass_missing[call.key] = str(exc)
    if not fetched.klass:
        raise SsbError(f"every KLASS call of {spec.name} failed: {fetched.klass_missing}")
    return fetched


def _table_facts(
    fetched: Fetched, client: SsbClient, docs: list[dict[str, Any]], fetched_at: str
) -> dict[str, Any]:
    """Manifest facts of a table fetch: id, query, URL, SSB's updated time, synthetic cells."""
    facts: dict[str, Any] = {
        "fetched_at": fetched_at,
        "table_id": fetched.table_id,
        "url": f"{client.api_url}/tables/{fetched.table_id}/data?outputFormat=json-stat2",
        "query": request_body(fetched.selection),
        "requests": len(docs),
        "ssb_updated": fetched.updated,
    }
    synthetic = sum(
        int((d.get("extension") or {}).get("synthetic", {}).get("cells", 0)) for d in docs
    )
    if synthetic:
        # Only the local test server sends this: never publish such a cache.
        facts["synthetic_cells"] = synthetic
    return facts


def _sources(
    spec: Spec, name: str, fetched: Fetched, ctx: Context, fetched_at: str
) -> dict[str, Any]:
    """The `sources` list of a dataset's entry, as the app shows it next to every number."""
    day = fetched_at[:10]
    if spec.table is not None:
        return {"sources": [_table_source(part, day) for part in [fetched, *fetched.also]]}
    sources = []
    missing = sorted(fetched.klass_missing)
    for title, table_id, path in spec.klass_sources.get(name, ()):
        sources.append(
            Source(
                title=title,
                publisher="Statistisk sentralbyrå",
                licence=LICENCE_SSB,
                table_id=table_id,
                url=f"{ctx.klass_url}/classifications/{path}",
                origin="SSB KLASS v1",
                fetched=day,
                caveat=f"Ingen svar for: {', '.join(missing)}" if missing else None,
            ).as_dict()
        )
    return {"sources": sources}
