"""A table's variables and value codes, read from PxWebApi v2's `/tables/{id}/metadata`.

NOTE: v2 answers metadata as a JSON-stat 2.0 dataset (not v0's `variables` list): value codes
are `dimension.<id>.category.index`, "may be left out" is `dimension.<id>.extension.elimination`,
and "no longer updated" is the root `extension.discontinued` (true, false or null).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from loaders.ssb.errors import BadResponse


@dataclass(frozen=True)
class Variable:
    """One variable of a table: its code, label, value codes in SSB's order, and flags."""

    code: str
    label: str
    values: tuple[str, ...]
    value_labels: tuple[str, ...]
    elimination: bool
    time: bool


@dataclass(frozen=True)
class TableMetadata:
    """What a table holds: variables in SSB's order, when it was updated, and whether it ended."""

    table_id: str
    label: str
    updated: str | None
    variables: tuple[Variable, ...]
    discontinued: bool
    raw: dict[str, Any]

    @property
    def variable_codes(self) -> tuple[str, ...]:
        """Variable codes in SSB's order (the order of `id` in a data answer)."""
        return tuple(v.code for v in self.variables)

    def variable(self, code: str) -> Variable | None:
        """The variable called `code`, or None when the table has no such variable."""
        return next((v for v in self.variables if v.code == code), None)


def parse_metadata(table_id: str, doc: object) -> TableMetadata:
    """The metadata of `table_id` from SSB's JSON-stat 2.0 answer; BadResponse if it is not one."""
    if not isinstance(doc, dict) or doc.get("class") != "dataset":
        keys = sorted(doc)[:6] if isinstance(doc, dict) else type(doc).__name__
        raise BadResponse(f"metadata for table {table_id} is not a JSON-stat 2.0 dataset ({keys})")
    try:
        ids = list(doc["id"])
        dimensions = doc["dimension"]
        time_ids = set((doc.get("role") or {}).get("time") or [])
        variables = tuple(_variable(code, dimensions[code], code in time_ids) for code in ids)
    except (KeyError, TypeError, ValueError) as exc:
        raise BadResponse(f"metadata for table {table_id} is malformed: {exc!r}") from exc
    extension = doc.get("extension") or {}
    return TableMetadata(
        table_id=table_id,
        label=str(doc.get("label", "")),
        updated=doc.get("updated"),
        variables=variables,
        discontinued=extension.get("discontinued") is True,
        raw=doc,
    )


def _variable(code: str, dimension: dict[str, Any], is_time: bool) -> Variable:
    """One variable from its JSON-stat dimension entry (codes ordered by category index)."""
    category = dimension["category"]
    index = category["index"]
    codes = list(index) if isinstance(index, list) else sorted(index, key=index.__getitem__)
    labels = category.get("label") or {}
    extension = dimension.get("extension") or {}
    return Variable(
        code=code,
        label=str(dimension.get("label", code)),
        values=tuple(str(c) for c in codes),
        value_labels=tuple(str(labels.get(c, c)) for c in codes),
        # NOTE: PxWeb treats a variable without an elimination flag as mandatory.
        elimination=extension.get("elimination") is True,
        time=is_time,
    )
