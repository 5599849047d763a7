"""Build the embedded offline snapshot from the real files in the seed directory.

`python -m loaders snapshot` runs every step below, validates each frame against the
registry, writes content-addressed files and commits them with one manifest. Building twice
from the same inputs gives byte-identical files.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kommuneokonomi.datasets import DATASETS
from kommuneokonomi.manifest import MANIFEST_VERSION, read_manifest, write_manifest
from kommuneokonomi.settings import PROJECT_ROOT, Settings
from loaders.snapshot import (
    befolkning,
    framskriving,
    geo,
    kommuner,
    kostra,
    kostragrupper,
    tillegg,
)
from loaders.snapshot.base import Built, Seed, SeedMissing
from loaders.store import conform, coverage, parquet_bytes, remove_unreferenced, write_payload

CODE_FILES = [
    *sorted((PROJECT_ROOT / "loaders" / "snapshot").glob("*.py")),
    PROJECT_ROOT / "loaders" / "store.py",
    PROJECT_ROOT / "loaders" / "codes.py",
    PROJECT_ROOT / "kommuneokonomi" / "datasets.py",
    PROJECT_ROOT / "kommuneokonomi" / "indicators.py",
    # Dataset titles and indicator labels are written in bokmål from the catalogue.
    PROJECT_ROOT / "kommuneokonomi" / "locale" / "nb" / "LC_MESSAGES" / "messages.po",
]

NO_SEED_HELP = (
    "The offline snapshot is built from SSB and Kartverket files in {seed} (override with "
    "KOMMUNE_SEED_DIR), and that directory does not exist. Either place the shared data "
    "there, or fetch live data from SSB with `python -m loaders refresh` (needs network)."
)


@dataclass(frozen=True)
class SnapshotReport:
    """What a snapshot run did: whether it built, how long it took, and per-dataset figures."""

    built: bool
    seconds: float
    datasets: dict[str, dict[str, Any]]


def inputs_digest(seed_root: Path) -> str:
    """sha256 over every seed file and the snapshot code: changes when either changes."""
    digest = hashlib.sha256()
    files = sorted(p for p in seed_root.rglob("*") if p.is_file())
    for path in [*files, *CODE_FILES]:
        digest.update(str(path.name).encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _build_all(seed: Seed) -> Iterator[Built]:
    """Every snapshot dataset, in dependency order (later steps use earlier frames)."""
    kommune_list = kommuner.build_kommuner(seed)
    yield kommune_list
    kodeendringer = kommuner.build_kodeendringer(seed)
    yield kodeendringer
    yield kostragrupper.build_medlemskap(seed)
    yield kostragrupper.build_kjennetegn(seed)
    yield kostragrupper.build_beskrivelse(seed)
    population = befolkning.build_befolkning(seed)
    yield population
    yield befolkning.build_grupper(population.frame, kommune_list.frame)
    yield framskriving.build_framskriving(seed, kommune_list.frame)
    yield kostra.build_kostra(seed, kommune_list.frame, kodeendringer.frame)
    yield tillegg.build_tbu(seed)
    yield tillegg.build_utgiftsbehov(seed)
    yield geo.build_naboer(seed)
    yield geo.build_kommunegrenser(seed, kommune_list.frame)
    yield geo.build_fylkesgrenser(seed)


def as_of(sources: list[dict[str, Any]]) -> tuple[str | None, str | None]:
    """The newest date known for the sources, and what kind of date it is.

    Publication or fetch dates where the seed states them; otherwise the reference date of
    the figures (e.g. population per 1 January 2026), so a reader always gets a date.
    """
    for kind in ("published", "fetched", "reference_date"):
        dates = [s[kind] for s in sources if s.get(kind)]
        if dates:
            return max(dates), kind.removesuffix("_date")
    return None, None


def build_snapshot(
    settings: Settings, *, if_stale: bool = False, log: Callable[[str], None] = print
) -> SnapshotReport:
    """Build the snapshot into `settings.snapshot_dir`, or skip it when `if_stale` and current."""
    started = time.perf_counter()
    seed = Seed(settings.seed_dir)
    if not seed.root.is_dir():
        raise SeedMissing(NO_SEED_HELP.format(seed=seed.root))
    target = settings.snapshot_dir
    digest = inputs_digest(seed.root)
    existing = read_manifest(target)
    if if_stale and _is_current(target, existing, digest):
        return SnapshotReport(False, time.perf_counter() - started, existing["datasets"])
    target.mkdir(parents=True, exist_ok=True)
    kommune_codes: set[str] = set()
    entries: dict[str, dict[str, Any]] = {}
    t0 = time.perf_counter()
    for built in _build_all(seed):
        dataset = DATASETS[built.name]
        if built.frame is not None:
            table = conform(built.frame, dataset)
            if built.name == "kommuner":
                kommune_codes = set(table.column("kommune_code").to_pylist())
            entry = write_payload(target, dataset, parquet_bytes(table))
            entry["rows"] = table.num_rows
            entry["coverage"] = coverage(table, dataset, kommune_codes)
        else:
            entry = write_payload(target, dataset, built.payload)
            entry["coverage"] = {"features": built.payload.count(b'"type":"Feature"')}
        sources = [s.as_dict() for s in built.sources]
        entry["as_of"], entry["as_of_kind"] = as_of(sources)
        entry.update(
            origin="snapshot",
            title_nb=dataset.title_nb,
            title_en=dataset.title_en,
            sources=sources,
            licence=sorted({s["licence"] for s in sources}),
            notes=[*dataset.notes, *built.notes],
        )
        entries[built.name] = entry
        log(
            f"{built.name:<24} {entry.get('rows', '-'):>9} rows {entry['bytes']:>10} bytes "
            f"{time.perf_counter() - t0:6.2f} s"
        )
        t0 = time.perf_counter()
    manifest = {
        "manifest_version": MANIFEST_VERSION,
        "origin": "snapshot",
        "build": {"inputs_sha256": digest},
        "datasets": entries,
    }
    write_manifest(target, manifest)
    remove_unreferenced(target, manifest)
    return SnapshotReport(True, time.perf_counter() - started, entries)


def _is_current(target: Path, manifest: dict[str, Any], digest: str) -> bool:
    if manifest.get("build", {}).get("inputs_sha256") != digest:
        return False
    entries = manifest.get("datasets", {})
    return set(entries) == set(DATASETS) and all(
        (target / e["file"]).is_file() for e in entries.values()
    )
