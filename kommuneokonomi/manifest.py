"""Provenance manifests: one JSON file per cache directory, one entry per dataset.

An entry records where a dataset came from (SSB table ids, files, dates), what it holds
(rows, coverage) and how to verify it (sha256, schema version).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kommuneokonomi.errors import DatasetCorrupt
from kommuneokonomi.files import write_atomic

MANIFEST_NAME = "manifest.json"
MANIFEST_VERSION = 1


def manifest_path(directory: Path) -> Path:
    """Path of the manifest in a cache directory."""
    return directory / MANIFEST_NAME


def read_manifest(directory: Path) -> dict[str, Any]:
    """Return the manifest of `directory`; an empty one if absent, DatasetCorrupt if unreadable."""
    path = manifest_path(directory)
    if not path.exists():
        return {"manifest_version": MANIFEST_VERSION, "datasets": {}}
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DatasetCorrupt(f"manifest {path} cannot be read: {exc}") from exc
    if not isinstance(manifest, dict) or not isinstance(manifest.get("datasets"), dict):
        raise DatasetCorrupt(f"manifest {path} has no 'datasets' object")
    return manifest


def dumps(manifest: dict[str, Any]) -> bytes:
    """Serialise a manifest deterministically (sorted keys), so rebuilds are byte-identical."""
    text = json.dumps(manifest, sort_keys=True, indent=2, ensure_ascii=False)
    return (text + "\n").encode("utf-8")


def write_manifest(directory: Path, manifest: dict[str, Any]) -> None:
    """Atomically replace the manifest of `directory`."""
    write_atomic(manifest_path(directory), dumps(manifest))
