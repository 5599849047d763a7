"""Write datasets into a cache directory: validated, deterministic, atomically committed.

Files are content-addressed (`kostra-<sha12>.parquet`) and the manifest is the commit
point: a dataset changes for readers only when the manifest that names its new file is
atomically replaced. A crash at any moment leaves the previous manifest and its files intact.
Both the snapshot builder and the live refresh publish through here.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from kommuneokonomi.datasets import DATASETS, Dataset
from kommuneokonomi.files import write_atomic


class ValidationError(ValueError):
    """A built or fetched frame does not satisfy its dataset's schema or keys."""


@dataclass(frozen=True)
class Source:
    """Where a dataset's values come from, as shown to users and written to the manifest."""

    title: str
    publisher: str
    licence: str
    table_id: str | None = None
    file: str | None = None
    url: str | None = None
    origin: str | None = None
    published: str | None = None
    fetched: str | None = None
    period: str | None = None
    reference_date: str | None = None
    caveat: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The manifest form: only the fields that are set."""
        return {k: v for k, v in asdict(self).items() if v is not None}


def conform(frame: pd.DataFrame, dataset: Dataset) -> pa.Table:
    """Return `frame` as an arrow table with exactly the registry schema, sorted by key.

    Raises ValidationError on missing or extra columns, nulls in required columns,
    values that do not cast, or duplicate keys: a bad frame never reaches the cache.
    """
    schema = dataset.schema
    if schema is None:
        raise ValidationError(f"{dataset.name} is not a table")
    names = list(schema.names)
    missing = set(names) - set(frame.columns)
    extra = set(frame.columns) - set(names)
    if missing or extra:
        raise ValidationError(
            f"{dataset.name}: columns differ from schema (missing {sorted(missing)}, "
            f"unexpected {sorted(extra)})"
        )
    if frame.empty:
        raise ValidationError(f"{dataset.name}: no rows")
    frame = frame[names]
    for field in schema:
        if not field.nullable and frame[field.name].isna().any():
            raise ValidationError(f"{dataset.name}: column {field.name} has empty values")
    if dataset.keys:
        dupes = frame.duplicated(list(dataset.keys), keep=False)
        if dupes.any():
            sample = frame.loc[dupes, list(dataset.keys)].head(3).to_dict("records")
            raise ValidationError(f"{dataset.name}: duplicate keys, e.g. {sample}")
        frame = frame.sort_values(list(dataset.keys), kind="stable")
    try:
        table = pa.Table.from_pandas(frame, schema=schema, preserve_index=False, safe=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError, ValueError, TypeError) as exc:
        raise ValidationError(f"{dataset.name}: values do not fit the schema: {exc}") from exc
    return table.replace_schema_metadata(None)


def parquet_bytes(table: pa.Table) -> bytes:
    """Serialise a table to parquet with fixed options, so equal tables give equal bytes."""
    sink = pa.BufferOutputStream()
    pq.write_table(
        table,
        sink,
        compression="zstd",
        compression_level=9,
        use_dictionary=True,
        write_statistics=True,
        row_group_size=1 << 20,
    )
    return sink.getvalue().to_pybytes()


def sha256(data: bytes) -> str:
    """Hex sha256 of `data`."""
    return hashlib.sha256(data).hexdigest()


def coverage(table: pa.Table, dataset: Dataset, kommune_codes: set[str]) -> dict[str, Any]:
    """Summarise what a table covers: rows, years, and how many current municipalities."""
    summary: dict[str, Any] = {"rows": table.num_rows}
    if dataset.year_column and dataset.year_column in table.column_names:
        years = sorted(set(table.column(dataset.year_column).to_pylist()))
        summary["years"] = [years[0], years[-1]] if years else []
        summary["year_count"] = len(years)
    if dataset.kommune_column and dataset.kommune_column in table.column_names:
        codes = set(table.column(dataset.kommune_column).to_pylist())
        summary["kommuner"] = len(codes & kommune_codes)
        summary["regions"] = len(codes)
    return summary


def file_name(dataset: Dataset, digest: str) -> str:
    """Content-addressed file name: a new version never overwrites a file a reader may hold."""
    ext = "geojson" if dataset.fmt == "geojson" else "parquet"
    return f"{dataset.name}-{digest[:12]}.{ext}"


def write_payload(directory: Path, dataset: Dataset, payload: bytes) -> dict[str, Any]:
    """Atomically write a dataset file into `directory`; return its file entry for the manifest.

    The file is not visible to readers until a manifest naming it is committed.
    """
    digest = sha256(payload)
    name = file_name(dataset, digest)
    if not (directory / name).exists():
        write_atomic(directory / name, payload)
    return {
        "file": name,
        "format": dataset.fmt,
        "bytes": len(payload),
        "sha256": digest,
        "schema_version": dataset.schema_version,
    }


_DATASET_FILE = re.compile(r"^(?P<name>[a-z_]+)-[0-9a-f]{12}\.(parquet|geojson)$")


def remove_unreferenced(directory: Path, manifest: dict[str, Any]) -> list[str]:
    """Delete dataset files that the committed manifest no longer names; return their names.

    A reader that opened the previous manifest just before may find its file gone; the data
    layer then re-reads the manifest (see kommuneokonomi.data).
    """
    referenced = {entry.get("file") for entry in manifest.get("datasets", {}).values()}
    removed = []
    for path in directory.iterdir():
        match = _DATASET_FILE.match(path.name)
        if match and match["name"] in DATASETS and path.name not in referenced:
            path.unlink(missing_ok=True)
            removed.append(path.name)
    for stale_tmp in directory.glob(".*.tmp"):
        stale_tmp.unlink(missing_ok=True)
    return removed
