"""Faults the test server injects on demand, so client tests can meet SSB's bad days.

One-shot faults hit the next `n` API requests whose path contains `path` (any request when
`path` is empty): an HTTP status (503, 429 with Retry-After, ...), a slow answer, a hang past
the client's timeout, truncated JSON, an HTML page, or a dropped connection. Table faults
last until cleared: a renamed dimension, a discontinued table.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

KINDS = ("status", "slow", "hang", "truncate", "html", "drop")


@dataclass
class Fault:
    """One armed fault: what to do, for how many more requests, and to which paths."""

    kind: str
    remaining: int
    path: str = ""
    status: int = 503
    retry_after: str | None = None
    seconds: float = 0.0

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown fault {self.kind!r}; known: {', '.join(KINDS)}")


@dataclass
class FaultPlan:
    """Armed faults and table faults, safe to change while the server answers requests."""

    faults: list[Fault] = field(default_factory=list)
    renamed: dict[str, dict[str, str]] = field(default_factory=dict)
    renamed_in_metadata: dict[str, bool] = field(default_factory=dict)
    discontinued: set[str] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, n: int = 1, **options: object) -> Fault:
        """Arm a one-shot fault for the next `n` matching requests."""
        fault = Fault(kind, n, **options)  # type: ignore[arg-type]
        with self._lock:
            self.faults.append(fault)
        return fault

    def fail_next(
        self, n: int = 1, status: int = 503, retry_after: str | None = None, path: str = ""
    ) -> None:
        """The next `n` requests get `status` (e.g. 503, or 429 with a Retry-After header)."""
        self.add("status", n, status=status, retry_after=retry_after, path=path)

    def take(self, path: str) -> Fault | None:
        """The fault for a request to `path`, used up by one; None when nothing is armed."""
        with self._lock:
            for fault in self.faults:
                if fault.remaining > 0 and fault.path in path:
                    fault.remaining -= 1
                    return fault
        return None

    def rename_dimension(self, table_id: str, old: str, new: str, *, in_metadata: bool) -> None:
        """Serve `old` as `new` in data answers of the table (and in metadata if asked)."""
        with self._lock:
            self.renamed.setdefault(table_id, {})[old] = new
            self.renamed_in_metadata[table_id] = in_metadata

    def names(self, table_id: str, *, for_metadata: bool) -> dict[str, str]:
        """Renames in force for a table's data or metadata answers."""
        with self._lock:
            if for_metadata and not self.renamed_in_metadata.get(table_id, False):
                return {}
            return dict(self.renamed.get(table_id, {}))

    def discontinue(self, table_id: str) -> None:
        """Mark a table discontinued: listed so, and its data refused."""
        with self._lock:
            self.discontinued.add(table_id)

    def clear(self) -> None:
        """Disarm every fault."""
        with self._lock:
            self.faults.clear()
            self.renamed.clear()
            self.renamed_in_metadata.clear()
            self.discontinued.clear()
