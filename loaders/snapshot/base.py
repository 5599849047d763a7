"""What a snapshot step returns, and how it opens seed files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from loaders.store import Source


class SeedMissing(FileNotFoundError):
    """A seed file the snapshot needs is not in the seed directory."""


@dataclass
class Built:
    """One dataset produced by a snapshot step: a frame (or GeoJSON bytes) plus provenance."""

    name: str
    sources: list[Source]
    frame: pd.DataFrame | None = None
    payload: bytes | None = None
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Seed:
    """The seed directory (`../shared/data` by default) with checked access to its files."""

    root: Path

    def path(self, relative: str) -> Path:
        """Absolute path of a seed file; SeedMissing names the file and the directory if absent."""
        path = self.root / relative
        if not path.is_file():
            raise SeedMissing(f"seed file {relative} not found in {self.root}")
        return path
