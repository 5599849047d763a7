"""The live cache a refresh writes: raw SSB answers, tidy parquet files and one manifest.

Layout of `settings.live_dir`:
    manifest.json                   the commit point (see loaders.store)
    <dataset>-<sha12>.parquet       content-addressed tidy files named by the manifest
    raw/<source>/<stamp>/NN.json.gz the answers SSB gave, exactly as received (gzip)
    .refresh.lock                   held while a refresh runs, so two never interleave

A dataset changes for readers only when a manifest naming its new, validated file is
atomically replaced. A failure leaves the previous file and records the error next to the
last success in the dataset's entry.
"""

from __future__ import annotations

import contextlib
import fcntl
import gzip
import json
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pandas as pd

from kommuneokonomi.datasets import DATASETS
from kommuneokonomi.files import write_atomic
from kommuneokonomi.manifest import MANIFEST_VERSION, read_manifest, write_manifest
from kommuneokonomi.settings import Settings
from loaders.store import conform, coverage, parquet_bytes, remove_unreferenced, write_payload


class RefreshBusy(RuntimeError):
    """Another refresh holds the live cache's lock."""


def now_iso() -> str:
    """The current UTC time as ISO text with seconds, as manifests record it."""
    return datetime.now(UTC).isoformat(timespec="seconds")


class LiveCache:
    """The live cache directory of one refresh run; the manifest is rewritten after each step."""

    def __init__(self, settings: Settings) -> None:
        self.directory = settings.live_dir
        self.directory.mkdir(parents=True, exist_ok=True)
        self.manifest = read_manifest(self.directory)
        self.manifest.setdefault("manifest_version", MANIFEST_VERSION)
        self.manifest["origin"] = "live"

    @contextlib.contextmanager
    def locked(self) -> Iterator[LiveCache]:
        """Hold the refresh lock for the block; RefreshBusy if another refresh holds it."""
        path = self.directory / ".refresh.lock"
        with path.open("a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise RefreshBusy(f"another refresh is running on {self.directory}") from None
            try:
                yield self
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def entry(self, dataset: str) -> dict[str, Any]:
        """The dataset's current manifest entry (empty when it was never refreshed)."""
        return dict(self.manifest["datasets"].get(dataset, {}))

    def kommune_codes(self) -> set[str]:
        """Current municipality codes from the live `kommuner` file, for coverage summaries."""
        entry = self.manifest["datasets"].get("kommuner")
        if not entry or not entry.get("file"):
            return set()
        return set(pd.read_parquet(self.directory / entry["file"])["kommune_code"])

    def save_raw(self, source: str, stamp: str, docs: list[Any]) -> list[str]:
        """Keep SSB's answers under raw/<source>/<stamp>/; return their paths (cache-relative)."""
        folder = self.directory / "raw" / _safe(source) / _safe(stamp)
        paths = []
        for number, doc in enumerate(docs):
            path = folder / f"{number:02d}.json.gz"
            data = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
            write_atomic(path, gzip.compress(data, compresslevel=6, mtime=0))
            paths.append(str(path.relative_to(self.directory)))
        return paths

    def prune_raw(self, source: str, keep: set[str]) -> None:
        """Delete raw answer folders of `source` that no manifest entry refers to."""
        folder = self.directory / "raw" / _safe(source)
        if not folder.is_dir():
            return
        for child in folder.iterdir():
            relative = str(child.relative_to(self.directory))
            if child.is_dir() and not any(k.startswith(relative + "/") for k in keep):
                shutil.rmtree(child, ignore_errors=True)

    def publish(self, name: str, frame: pd.DataFrame, facts: dict[str, Any]) -> dict[str, Any]:
        """Validate `frame`, write its file, and stage a new entry (committed by `commit`).

        Raises loaders.store.ValidationError before anything is written if the frame does
        not fit the registry schema or its keys.
        """
        dataset = DATASETS[name]
        table = conform(frame, dataset)
        codes = (
            set(table.column("kommune_code").to_pylist())
            if name == "kommuner"
            else self.kommune_codes()
        )
        entry = write_payload(self.directory, dataset, parquet_bytes(table))
        facts = dict(facts)
        at = facts.get("fetched_at") or now_iso()
        entry.update(
            rows=table.num_rows,
            coverage=coverage(table, dataset, codes),
            origin="live",
            title_nb=dataset.title_nb,
            title_en=dataset.title_en,
            notes=list(facts.pop("notes", dataset.notes)),
            last_success=at,
            last_error=None,
            checked_at=at,
            **facts,
        )
        entry["licence"] = sorted({s["licence"] for s in entry.get("sources", [])})
        self.manifest["datasets"][name] = entry
        return entry

    def mark_checked(self, name: str, facts: dict[str, Any]) -> None:
        """Record that SSB had nothing newer: the entry stays, `checked_at` moves."""
        entry = self.manifest["datasets"].get(name)
        if entry is not None:
            entry.update(facts, checked_at=now_iso(), last_error=None)

    def record_error(self, name: str, message: str, raw: list[str] | None = None) -> None:
        """Record a failed refresh of `name`; its last good file (if any) stays in place.

        `raw` names answers kept from the failed attempt, so the failure can be examined.
        """
        entry = self.manifest["datasets"].setdefault(name, {"origin": "live"})
        entry["last_error"] = {"at": now_iso(), "message": message, "raw": raw or []}
        entry.setdefault("last_success", None)

    def commit(self) -> None:
        """Atomically replace the manifest, then delete files no entry names any more."""
        write_manifest(self.directory, self.manifest)
        remove_unreferenced(self.directory, self.manifest)
        keep = set()
        for entry in self.manifest["datasets"].values():
            keep.update(entry.get("raw", []))
            keep.update((entry.get("last_error") or {}).get("raw", []))
        raw_root = self.directory / "raw"
        if raw_root.is_dir():
            for source in raw_root.iterdir():
                self.prune_raw(source.name, keep)


def _safe(text: str) -> str:
    """A path component from arbitrary text (table ids, ISO times)."""
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in text) or "_"
