"""What a live loader declares: which SSB table or KLASS calls it needs and how to tidy them.

Loaders never talk HTTP. Each module in `loaders.refresh` declares a `Spec`; the runner
(`loaders.refresh.run`) resolves the table, asks the shared `SsbClient` for the data, keeps
the raw answers, and hands a `Fetched` to the spec's `tidy`, which returns dataset frames.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from loaders.codes import CodeHistory
from loaders.ssb.metadata import TableMetadata

Selection = dict[str, list[str]]


@dataclass(frozen=True)
class TableQuery:
    """One PxWebApi table: a fixed id, or a `/tables?query=` search plus a test for candidates."""

    select: Callable[[TableMetadata, Context], Selection]
    table_id: str | None = None
    search: str | None = None
    accept: Callable[[TableMetadata, Context], bool] | None = None


@dataclass(frozen=True)
class KlassCall:
    """One KLASS request: `codes_at`, `changes` or `corresponds_at`, with arguments per run."""

    key: str
    method: str
    args: Callable[[Context], tuple[Any, ...]]
    optional: bool = False


@dataclass(frozen=True)
class Spec:
    """A loader: the datasets it produces, what it fetches, and how it tidies the answers.

    `also` names further tables whose answers `tidy` combines with the first table's (they
    arrive in `Fetched.also`, in the same order); the spec fails or succeeds as a whole.
    """

    name: str
    produces: tuple[str, ...]
    tidy: Callable[[Fetched, Context], dict[str, pd.DataFrame]]
    title: str
    table: TableQuery | None = None
    also: tuple[TableQuery, ...] = ()
    klass: Callable[[Context], list[KlassCall]] | None = None
    needs_codes: bool = True
    klass_sources: dict[str, tuple[tuple[str, str, str], ...]] = field(default_factory=dict)
    notes: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass
class Context:
    """What loaders may know besides their own answers: today, current codes, code history."""

    today: date
    kommuner: pd.DataFrame
    kodeendringer: pd.DataFrame
    api_url: str = ""
    klass_url: str = ""

    @property
    def kommune_codes(self) -> list[str]:
        """The current municipality codes, sorted."""
        return sorted(self.kommuner["kommune_code"].tolist())

    @property
    def county_codes(self) -> list[str]:
        """The current county codes, sorted."""
        return sorted(set(self.kommuner["county_code"]))

    @property
    def history(self) -> CodeHistory:
        """The code history (KLASS 131 changes) for carrying figures to current codes."""
        return CodeHistory(self.kodeendringer)


@dataclass
class Fetched:
    """The answers a spec asked for: the table's metadata and tidy data, and KLASS lists."""

    table_id: str | None = None
    metadata: TableMetadata | None = None
    listing: dict[str, Any] | None = None
    frame: pd.DataFrame | None = None
    selection: Selection | None = None
    klass: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    klass_missing: dict[str, str] = field(default_factory=dict)
    also: list[Fetched] = field(default_factory=list)

    @property
    def updated(self) -> str | None:
        """SSB's `updated` time of the table (ISO text), if a table was fetched."""
        if self.listing and self.listing.get("updated"):
            return str(self.listing["updated"])
        return self.metadata.updated if self.metadata else None

    def labels(self, variable: str) -> dict[str, str]:
        """Value code → label of a metadata variable."""
        var = self.metadata.variable(variable) if self.metadata else None
        return dict(zip(var.values, var.value_labels, strict=True)) if var else {}

    def units(self, variable: str = "ContentsCode") -> dict[str, str]:
        """Value code → unit base of a metadata variable (JSON-stat `unit`), where SSB gives one."""
        if self.metadata is None:
            return {}
        dimension = self.metadata.raw.get("dimension", {}).get(variable, {})
        units = dimension.get("category", {}).get("unit") or {}
        return {code: str(u.get("base", "")) for code, u in units.items()}
