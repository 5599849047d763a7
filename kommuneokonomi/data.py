"""The data layer: the one way the app reads datasets.

For each dataset it prefers the live cache (written by `python -m loaders refresh`) when that
holds a valid copy, else the embedded snapshot. A dataset is read once per process, verified
against its manifest (sha256, schema), and handed out as a read-only frame; a missing or corrupt
file raises a typed error and never yields half a dataset. When a refresh job in another
process commits a new manifest, the next read after `recheck_s` seconds picks it up.
"""

from __future__ import annotations

import hashlib
import io
import json
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from kommuneokonomi.datasets import DATASETS, Dataset, get
from kommuneokonomi.errors import DataError, DatasetCorrupt, DatasetMissing
from kommuneokonomi.manifest import manifest_path, read_manifest
from kommuneokonomi.settings import Settings, load_settings

ORIGINS = ("live", "snapshot")

REBUILD_HINT = "Bygg snapshot på nytt med `python -m loaders snapshot` (eller `make run`)."


@dataclass(frozen=True)
class Provenance:
    """Where a served dataset came from: origin, directory and its manifest entry."""

    dataset: str
    origin: str
    directory: Path
    entry: dict[str, Any]

    @property
    def sources(self) -> list[dict[str, Any]]:
        """Source records (title, SSB table id, file or URL, dates) of the dataset."""
        return self.entry.get("sources", [])

    @property
    def table_ids(self) -> list[str]:
        """SSB table ids (and KLASS classifications) behind the dataset, in source order."""
        ids = [s["table_id"] for s in self.sources if s.get("table_id")]
        return list(dict.fromkeys(ids))

    @property
    def as_of(self) -> str | None:
        """Date the data was published or fetched (live: fetched_at), as ISO text."""
        return self.entry.get("fetched_at") or self.entry.get("as_of")

    @property
    def as_of_kind(self) -> str | None:
        """What `as_of` is: 'fetched', 'published' or 'reference' (the figures' own date)."""
        return "fetched" if self.entry.get("fetched_at") else self.entry.get("as_of_kind")

    @property
    def licence(self) -> list[str]:
        """Licence lines to show with the data."""
        return list(self.entry.get("licence", []))


@dataclass
class _Loaded:
    frame: pd.DataFrame | None
    geojson: dict[str, Any] | None
    provenance: Provenance


@dataclass
class DataStore:
    """Reads datasets from a cache directory pair (live, snapshot), once per process."""

    settings: Settings
    recheck_s: float = 30.0
    _loaded: dict[str, _Loaded] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _manifest_stamp: tuple[int, ...] = ()
    _checked_at: float = 0.0
    problems: dict[str, str] = field(default_factory=dict)
    generation: int = 0

    def directory(self, origin: str) -> Path:
        """Cache directory of an origin ('live' or 'snapshot')."""
        return self.settings.live_dir if origin == "live" else self.settings.snapshot_dir

    def frame(self, name: str) -> pd.DataFrame:
        """The dataset as a read-only DataFrame."""
        loaded = self._get(name)
        if loaded.frame is None:
            raise DataError(f"{name} is GeoJSON; use geojson()")
        return loaded.frame

    def geojson(self, name: str) -> dict[str, Any]:
        """A boundary dataset as a parsed GeoJSON FeatureCollection (do not modify)."""
        loaded = self._get(name)
        if loaded.geojson is None:
            raise DataError(f"{name} is a table; use frame()")
        return loaded.geojson

    def provenance(self, name: str) -> Provenance:
        """Where the served copy of `name` came from, with its manifest entry."""
        return self._get(name).provenance

    def status(self) -> list[dict[str, Any]]:
        """Per dataset: origin, rows, years, municipalities, sources, as-of date, or the error."""
        rows = []
        for name in DATASETS:
            try:
                prov = self.provenance(name)
            except DataError as exc:
                rows.append({"dataset": name, "origin": None, "error": str(exc)})
                continue
            cov = prov.entry.get("coverage", {})
            rows.append(
                {
                    "dataset": name,
                    "origin": prov.origin,
                    "rows": prov.entry.get("rows"),
                    "years": cov.get("years"),
                    "kommuner": cov.get("kommuner"),
                    "source": ", ".join(prov.table_ids) or prov.sources[0].get("publisher"),
                    "as_of": prov.as_of,
                    "file": str(prov.directory / prov.entry["file"]),
                    "live_problem": self.problems.get(name),
                    "last_error": prov.entry.get("last_error"),
                }
            )
        return rows

    def _get(self, name: str) -> _Loaded:
        get(name)
        self._maybe_recheck()
        loaded = self._loaded.get(name)
        if loaded is not None:
            return loaded
        with self._lock:
            if name not in self._loaded:
                self._loaded[name] = self._load(DATASETS[name])
            return self._loaded[name]

    def _stamp(self) -> tuple[int, ...]:
        stamps = []
        for origin in ORIGINS:
            try:
                stamps.append(manifest_path(self.directory(origin)).stat().st_mtime_ns)
            except OSError:
                # Absent, or a live directory that cannot be read: the snapshot still serves.
                stamps.append(0)
        return tuple(stamps)

    def _maybe_recheck(self) -> None:
        """Forget loaded datasets when a manifest changed since they were read."""
        now = time.monotonic()
        if now - self._checked_at < self.recheck_s:
            return
        self._checked_at = now
        stamp = self._stamp()
        if stamp != self._manifest_stamp:
            with self._lock:
                if self._manifest_stamp:
                    self._loaded.clear()
                    self.problems.clear()
                    self.generation += 1
                self._manifest_stamp = stamp

    def _load(self, dataset: Dataset) -> _Loaded:
        if not self._manifest_stamp:
            self._manifest_stamp = self._stamp()
            self._checked_at = time.monotonic()
        for origin in ORIGINS:
            for attempt in range(2):
                try:
                    return self._load_from(dataset, origin)
                except FileNotFoundError:
                    # A refresh may have replaced the file after we read the manifest.
                    if attempt:
                        break
                except _Absent:
                    break
                except DatasetCorrupt as exc:
                    if origin == "snapshot":
                        raise
                    self.problems[dataset.name] = str(exc)
                    break
        raise DatasetMissing(
            f"Datasettet «{dataset.name}» finnes verken i live-cachen ({self.settings.live_dir}) "
            f"eller i snapshot ({self.settings.snapshot_dir}). {REBUILD_HINT}"
        )

    def _load_from(self, dataset: Dataset, origin: str) -> _Loaded:
        directory = self.directory(origin)
        entry = read_manifest(directory)["datasets"].get(dataset.name)
        if not entry or not entry.get("file"):
            raise _Absent
        path = directory / entry["file"]
        where = f"«{dataset.name}» i {path}"
        if entry.get("schema_version") != dataset.schema_version:
            raise DatasetCorrupt(
                f"{where} har skjemaversjon {entry.get('schema_version')}, appen forventer "
                f"{dataset.schema_version}. {REBUILD_HINT}"
            )
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != entry.get("sha256"):
            raise DatasetCorrupt(
                f"{where} er skadet eller avkortet (sha256 stemmer ikke med manifestet). "
                f"{REBUILD_HINT}"
            )
        provenance = Provenance(dataset.name, origin, directory, entry)
        if dataset.fmt == "geojson":
            try:
                return _Loaded(None, json.loads(data), provenance)
            except ValueError as exc:
                raise DatasetCorrupt(f"{where} er ikke gyldig GeoJSON: {exc}") from exc
        return _Loaded(_read_parquet(data, dataset, where), None, provenance)


class _Absent(Exception):
    """The origin has no entry for the dataset (not an error: try the next origin)."""


def _read_parquet(data: bytes, dataset: Dataset, where: str) -> pd.DataFrame:
    try:
        table = pq.read_table(io.BytesIO(data))
    except (pa.ArrowException, OSError) as exc:
        raise DatasetCorrupt(f"{where} kan ikke leses som parquet: {exc}. {REBUILD_HINT}") from exc
    if not table.schema.equals(dataset.schema):
        raise DatasetCorrupt(f"{where} har andre kolonner enn registeret. {REBUILD_HINT}")
    return freeze(table.to_pandas())


def freeze(frame: pd.DataFrame) -> pd.DataFrame:
    """Make the frame's numpy-backed columns read-only, so shared data cannot be mutated."""
    for block in frame._mgr.blocks:
        values = block.values
        if isinstance(values, np.ndarray):
            values.flags.writeable = False
    return frame


_default: DataStore | None = None
_default_lock = threading.Lock()


def store() -> DataStore:
    """The process-wide store for the current settings."""
    global _default
    with _default_lock:
        if _default is None:
            _default = DataStore(load_settings())
        return _default


def generation() -> int:
    """Changes whenever served data changed; part of every query cache key."""
    current = store()
    current._maybe_recheck()
    return current.generation


def frame(name: str) -> pd.DataFrame:
    """Shortcut: `store().frame(name)`."""
    return store().frame(name)


def geojson(name: str) -> dict[str, Any]:
    """Shortcut: `store().geojson(name)`."""
    return store().geojson(name)


def provenance(name: str) -> Provenance:
    """Shortcut: `store().provenance(name)`."""
    return store().provenance(name)
