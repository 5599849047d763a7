"""Selections for PxWebApi v2 data queries: check them against metadata, expand, and split.

A selection maps variable codes to value codes or SSB's expressions (`*`, `03*`, `?`,
`top(n)`, `bottom(n)`, `from(x)`, `to(x)`, `range(a,b)`). We expand every expression against
the table's metadata before sending, so we can count cells, split big queries and name a bad
value ourselves: SSB's own answer only says "Non-existent value".
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from fnmatch import fnmatchcase

from loaders.ssb.errors import InvalidValue, MissingSelection, TooManyCells, UnexpectedDimensions
from loaders.ssb.metadata import TableMetadata, Variable

SelectionInput = Mapping[str, Sequence[str] | str] | Sequence[Mapping[str, object]]
Resolved = dict[str, list[str]]

# NOTE: a JSON body this size is nothing for SSB, but keep single variables well below what a
# proxy might refuse; 12134's region variable (~840 codes) and 07459's (~1 000) fit in one.
MAX_CODES_PER_VARIABLE = 2_000

_FUNCTION = re.compile(r"^\s*(top|bottom|from|to|range)\s*\((.*)\)\s*$", re.IGNORECASE)


def normalize(selection: SelectionInput) -> dict[str, list[str]]:
    """`{"Tid": ["2024"]}` or SSB's `[{"variableCode": .., "valueCodes": [..]}]` as one dict."""
    if isinstance(selection, Mapping):
        items = list(selection.items())
    else:
        items = [(s["variableCode"], s["valueCodes"]) for s in selection]
    out: dict[str, list[str]] = {}
    for variable, codes in items:
        if variable in out:
            raise ValueError(f"variable {variable!r} is selected twice")
        out[str(variable)] = [codes] if isinstance(codes, str) else [str(c) for c in codes]
    return out


def resolve(metadata: TableMetadata, selection: SelectionInput) -> Resolved:
    """Explicit value codes per selected variable, in SSB's variable and value order.

    Raises UnexpectedDimensions for a variable the table lacks, MissingSelection for a
    mandatory variable left out, and InvalidValue naming the first code the table lacks.
    """
    wanted = normalize(selection)
    table = metadata.table_id
    unknown = [v for v in wanted if metadata.variable(v) is None]
    if unknown:
        raise UnexpectedDimensions(
            f"table {table} has no variable {', '.join(unknown)} (it has "
            f"{', '.join(metadata.variable_codes)}); SSB may have renamed it"
        )
    resolved: Resolved = {}
    for variable in metadata.variables:
        if variable.code not in wanted:
            if not variable.elimination:
                raise MissingSelection(
                    f"table {table} needs a selection for {variable.code} ({variable.label}): "
                    "SSB does not allow leaving it out"
                )
            continue
        resolved[variable.code] = expand(table, variable, wanted[variable.code])
    return resolved


def expand(table_id: str, variable: Variable, expressions: Sequence[str]) -> list[str]:
    """The value codes `expressions` pick from `variable`, deduplicated, in SSB's order.

    NOTE: SSB answers 500 with an empty body when a code is repeated; we never send repeats.
    """
    picked: set[str] = set()
    for expression in expressions:
        picked.update(_expand_one(table_id, variable, expression))
    if not picked:
        raise InvalidValue(f"the selection for {variable.code} in table {table_id} is empty")
    return [code for code in variable.values if code in picked]


def _expand_one(table_id: str, variable: Variable, expression: str) -> list[str]:
    """The codes one code or expression picks; InvalidValue if it picks nothing."""
    values = variable.values
    match = _FUNCTION.match(expression)
    if match:
        return _function(table_id, variable, match.group(1).lower(), match.group(2))
    if "*" in expression or "?" in expression:
        found = [code for code in values if fnmatchcase(code, expression)]
        if not found:
            raise InvalidValue(
                f"pattern {expression} matches no code of {variable.code} in table {table_id}"
            )
        return found
    if expression not in values:
        raise InvalidValue(
            f"value {expression} is not a code of {variable.code} in table {table_id}"
        )
    return [expression]


def _function(table_id: str, variable: Variable, name: str, arguments: str) -> list[str]:
    """The codes picked by top/bottom/from/to/range over the variable's ordered codes.

    NOTE: from/to/range compare codes as text, which orders SSB's time codes (2024, 2024M01,
    2024K1) correctly.
    """
    values = list(variable.values)
    args = [a.strip() for a in arguments.split(",")] if arguments.strip() else []
    where = f"{name}({arguments}) for {variable.code} in table {table_id}"
    try:
        if name in ("top", "bottom"):
            count = int(args[0])
            offset = int(args[1]) if len(args) > 1 else 0
            ordered = values[::-1] if name == "top" else values
            return ordered[offset : offset + count]
        if name == "from":
            return [c for c in values if c >= args[0]]
        if name == "to":
            return [c for c in values if c <= args[0]]
        return [c for c in values if args[0] <= c <= args[1]]
    except (IndexError, ValueError):
        raise InvalidValue(f"malformed expression {where}") from None


def cell_count(resolved: Resolved) -> int:
    """Cells a query returns: the product of the number of codes per variable."""
    return math.prod(len(codes) for codes in resolved.values())


def split(
    resolved: Resolved, max_cells: int, max_codes: int = MAX_CODES_PER_VARIABLE
) -> list[Resolved]:
    """Sub-selections that together cover `resolved`, each within both limits.

    Cuts along the variable that needs the fewest chunks; when no single variable can bring
    the count under `max_cells`, splits the longest variable code by code and recurses.
    """
    if max_cells < 1:
        raise TooManyCells(f"SSB allows {max_cells} cells per request; nothing can be fetched")
    long_variable = next((v for v, codes in resolved.items() if len(codes) > max_codes), None)
    if long_variable is not None:
        codes = resolved[long_variable]
        return [
            part
            for start in range(0, len(codes), max_codes)
            for part in split(
                {**resolved, long_variable: codes[start : start + max_codes]}, max_cells, max_codes
            )
        ]
    total = cell_count(resolved)
    if total <= max_cells:
        return [resolved]
    best: tuple[int, str, int] | None = None
    for variable, codes in resolved.items():
        rest = total // len(codes)
        if len(codes) > 1 and rest <= max_cells:
            per_chunk = max_cells // rest
            chunks = math.ceil(len(codes) / per_chunk)
            if best is None or chunks < best[0]:
                best = (chunks, variable, per_chunk)
    if best is not None:
        _, variable, per_chunk = best
        codes = resolved[variable]
        return [
            {**resolved, variable: codes[start : start + per_chunk]}
            for start in range(0, len(codes), per_chunk)
        ]
    variable = max(resolved, key=lambda v: len(resolved[v]))
    return [
        part
        for code in resolved[variable]
        for part in split({**resolved, variable: [code]}, max_cells, max_codes)
    ]


def request_body(resolved: Resolved) -> dict[str, list[dict[str, object]]]:
    """The POST body SSB expects: `{"selection": [{"variableCode": .., "valueCodes": [..]}]}`."""
    return {
        "selection": [
            {"variableCode": variable, "valueCodes": list(codes)}
            for variable, codes in resolved.items()
        ]
    }
