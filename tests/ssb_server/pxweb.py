"""PxWebApi v2 answers of the test server: config, table listings, metadata, data and errors.

Bodies follow SSB's recorded responses (fixtures/ssb-api) and PxWebApi's source
(PxTools/PxWebApi: Helper/Api2/ProblemUtility.cs, Controllers/Api2/TableApiController.cs).
Selections are parsed here independently of the client, so client tests test something.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fnmatch import fnmatchcase

import numpy as np
import pandas as pd

from loaders.ssb.jsonstat import Dimension, to_jsonstat
from tests.ssb_server.tables import SYNTHETIC_NOTE, Cube, ServedTable, synthetic_values

SOURCE = "Statistisk sentralbyrå"


@dataclass
class Problem(Exception):
    """An SSB problem answer: HTTP status and the JSON body PxWebApi sends."""

    http_status: int
    title: str
    body_status: int | None = None
    detail: str | None = None

    def body(self) -> dict:
        """The body as SSB writes it (`type`, `title`, `status`, and `detail` when set)."""
        out: dict = {"type": "Parameter error", "title": self.title}
        if self.detail is not None:
            out["detail"] = self.detail
        out["status"] = self.body_status or self.http_status
        return out


class DuplicateCode(Exception):
    """A value code was sent twice: SSB answers 500 with an empty body (observed 2026-09)."""


def config(max_cells: int) -> dict:
    """`/config` as SSB answers it (apiVersion 2.3.2, rate limit fields zeroed)."""
    return {
        "apiVersion": "2.3.2",
        "appVersion": "test-server",
        "languages": [{"id": "no", "label": "Norsk"}, {"id": "en", "label": "English"}],
        "defaultLanguage": "no",
        "maxDataCells": max_cells,
        "maxCallsPerTimeWindow": 0,
        "timeWindow": 0,
        "license": "https://www.ssb.no/en/diverse/lisens",
        "sourceReferences": [
            {"language": "en", "text": "Source: Statistics Norway"},
            {"language": "no", "text": "Kilde: Statistisk sentralbyrå"},
        ],
        "defaultDataFormat": "json-stat2",
        "dataFormats": ["json-stat2", "csv", "px", "xlsx", "html", "json-px", "parquet"],
        "features": [{"id": "CORS", "params": [{"key": "enabled", "value": "True"}]}],
    }


def listing(table: ServedTable, api_url: str, lang: str, discontinued: bool) -> dict:
    """One entry of `/tables` (and the body of `/tables/{id}` plus `language`)."""
    link = f"{api_url}/tables/{table.table_id}"
    return {
        "type": "Table",
        "id": table.table_id,
        "label": table.label,
        "description": "",
        "updated": table.updated,
        "firstPeriod": table.first_period,
        "lastPeriod": table.last_period,
        "category": "public",
        "variableNames": list(table.variable_names),
        "discontinued": discontinued,
        "source": SOURCE,
        "subjectCode": table.subject_code,
        "timeUnit": "Annual",
        "paths": [],
        "links": [
            {"rel": "self", "hreflang": lang, "href": f"{link}?lang={lang}"},
            {"rel": "metadata", "hreflang": lang, "href": f"{link}/metadata?lang={lang}"},
            {
                "rel": "data",
                "hreflang": lang,
                "href": f"{link}/data?lang={lang}&outputFormat=json-stat2",
            },
        ],
    }


def search(
    tables: list[ServedTable],
    discontinued: set[str],
    api_url: str,
    *,
    query: str,
    lang: str,
    include_discontinued: bool,
    page_number: int,
    page_size: int,
) -> dict:
    """`/tables?query=` with paging; every query word must occur in the label (newest first).

    NOTE: SSB's search is relevance-ranked and also matches value labels; this is simpler.
    """
    words = query.lower().split()
    hits = [
        t
        for t in tables
        if all(w in t.label.lower() for w in words)
        and (include_discontinued or t.table_id not in discontinued)
    ]
    hits.sort(key=lambda t: t.updated, reverse=True)
    total_pages = max(1, math.ceil(len(hits) / page_size))
    if page_number > total_pages:
        raise Problem(404, "Non-existent page", detail="Non-existent page")
    page = hits[(page_number - 1) * page_size : page_number * page_size]
    entries = [listing(t, api_url, lang, t.table_id in discontinued) for t in page]
    base = f"{api_url}/tables?lang={lang}&query={query}&pageSize={page_size}"
    links = [{"rel": "self", "hreflang": lang, "href": f"{base}&pageNumber={page_number}"}]
    if page_number < total_pages:
        links.append(
            {"rel": "next", "hreflang": lang, "href": f"{base}&pageNumber={page_number + 1}"}
        )
    if page_number > 1:
        links.append(
            {"rel": "previous", "hreflang": lang, "href": f"{base}&pageNumber={page_number - 1}"}
        )
    return {
        "language": lang,
        "tables": entries,
        "page": {
            "pageNumber": page_number,
            "pageSize": page_size,
            "totalElements": len(hits),
            "totalPages": total_pages,
        },
        "links": links,
    }


def metadata(table: ServedTable, names: dict[str, str], discontinued: bool) -> dict:
    """`/tables/{id}/metadata`: a JSON-stat 2.0 dataset with every code and an empty `value`."""
    dims = [_renamed(d, names) for d in table.cube.dimensions]
    doc = to_jsonstat(
        pd.DataFrame({**{d.id: [] for d in dims}, "value": []}),
        dims,
        label=table.label,
        updated=table.updated,
        source=SOURCE,
        role=_role(table.cube.dimensions, names),
        note=table.notes or None,
        extension=_root_extension(table, discontinued),
        sparse=True,
    )
    # NOTE: PxWebApi v2 metadata is a dataset with "value": [] (recorded SCB/PxWebApi answer).
    doc["value"] = []
    return doc


def data(
    table: ServedTable,
    selection: dict[str, list[str]],
    names: dict[str, str],
    *,
    accepted: dict[str, str],
    synthetic: bool,
    discontinued: bool,
    max_cells: int,
) -> dict:
    """A JSON-stat 2.0 data answer for `selection` (variable code → codes or expressions).

    Eliminated variables (left out and allowed to be) are summed over. Cells without a real
    figure are SYNTHETIC when `synthetic` is on (and the answer says so), else null. The
    selection uses the `accepted` variable names (as in metadata); the answer uses `names`.
    """
    if discontinued:
        # NOTE: a test-server choice, so a client that ignores `discontinued` fails loudly.
        raise Problem(400, "Non-existent table", body_status=404)
    cube = table.cube
    picks, eliminated = pick(cube, selection, accepted)
    cells = math.prod(len(p) for i, p in enumerate(picks) if i not in eliminated)
    if cells > max_cells:
        raise Problem(400, "Too many cells selected", detail="Too many cells selected")
    values, fake, statuses = _cells(table.table_id, cube, picks, eliminated, synthetic)
    kept = [i for i in range(len(picks)) if i not in eliminated]
    dims = [_subset(_renamed(cube.dimensions[i], names), picks[i]) for i in kept]
    shape = tuple(len(picks[i]) for i in kept)
    flat_values = values.reshape(-1)
    present = ~np.isnan(flat_values)
    present[list(statuses)] = True
    filled = np.flatnonzero(present)
    positions = np.unravel_index(filled, shape) if shape else ()
    frame = pd.DataFrame(
        {d.id: np.asarray(d.codes, dtype=object)[p] for d, p in zip(dims, positions, strict=True)}
    )
    frame["value"] = flat_values[filled]
    if statuses:
        frame["status"] = [statuses.get(int(c)) for c in filled]
    note = list(table.notes)
    extension = _root_extension(table, discontinued)
    n_fake = int(fake.sum())
    if n_fake:
        note.append(SYNTHETIC_NOTE)
        extension["synthetic"] = {
            "cells": n_fake,
            "of": int(fake.size),
            "rule": "repdigit 1111..9999 from a hash of the cell; not SSB data",
        }
    return to_jsonstat(
        frame,
        dims,
        label=table.label,
        updated=table.updated,
        source=SOURCE,
        role=_role([cube.dimensions[i] for i in kept], names),
        note=note or None,
        extension=extension,
    )


def pick(
    cube: Cube, selection: dict[str, list[str]], names: dict[str, str]
) -> tuple[list[np.ndarray], set[int]]:
    """Category positions per dimension for a selection, and the eliminated dimensions.

    NOTE: SSB matches variable and value codes case-insensitively ("region", "personer1").
    """
    served = [names.get(d.id, d.id) for d in cube.dimensions]
    by_lower = {name.lower(): i for i, name in enumerate(served)}
    chosen: dict[int, list[str]] = {}
    for variable, codes in selection.items():
        if variable.lower() not in by_lower:
            raise Problem(400, "Non-existent variable")
        chosen[by_lower[variable.lower()]] = codes
    picks: list[np.ndarray] = []
    eliminated: set[int] = set()
    for i, dim in enumerate(cube.dimensions):
        if i in chosen:
            picks.append(_expand(dim, chosen[i]))
        elif dim.extension and dim.extension.get("elimination"):
            picks.append(np.arange(len(dim.codes)))
            eliminated.add(i)
        else:
            raise Problem(400, "Missing selection for mandantory variable")
    return picks, eliminated


def _expand(dim: Dimension, expressions: list[str]) -> np.ndarray:
    """Positions picked by codes and expressions, in the dimension's order."""
    literal = [e for e in expressions if not _is_expression(e)]
    if len({c.lower() for c in literal}) != len(literal):
        raise DuplicateCode(dim.id)
    lower = [c.lower() for c in dim.codes]
    picked: set[int] = set()
    for expression in expressions:
        found = _expression_positions(lower, expression.strip())
        if not found:
            raise Problem(400, "Non-existent value")
        picked.update(found)
    return np.array(sorted(picked), dtype=np.int64)


def _is_expression(text: str) -> bool:
    """True for `*`, wildcards and top/bottom/from/to/range (as opposed to a plain code)."""
    return "*" in text or "?" in text or "(" in text


def _expression_positions(lower_codes: list[str], expression: str) -> list[int]:
    """Positions one code or expression picks (empty when it picks nothing)."""
    text = expression.lower()
    n = len(lower_codes)
    if "(" in text and text.endswith(")"):
        name, _, rest = text.partition("(")
        args = [a.strip() for a in rest[:-1].split(",")]
        try:
            if name == "top":
                count, offset = int(args[0]), int(args[1]) if len(args) > 1 else 0
                return list(range(max(0, n - offset - count), n - offset))
            if name == "bottom":
                count, offset = int(args[0]), int(args[1]) if len(args) > 1 else 0
                return list(range(offset, min(n, offset + count)))
            if name == "from":
                return [i for i, c in enumerate(lower_codes) if c >= args[0]]
            if name == "to":
                return [i for i, c in enumerate(lower_codes) if c <= args[0]]
            if name == "range":
                return [i for i, c in enumerate(lower_codes) if args[0] <= c <= args[1]]
        except (IndexError, ValueError):
            raise Problem(400, "Illegal selection expression") from None
        raise Problem(400, "Illegal selection expression")
    if "*" in text or "?" in text:
        return [i for i, c in enumerate(lower_codes) if fnmatchcase(c, text)]
    return [i for i, c in enumerate(lower_codes) if c == text]


def _cells(
    table_id: str,
    cube: Cube,
    picks: list[np.ndarray],
    eliminated: set[int],
    synthetic: bool,
) -> tuple[np.ndarray, np.ndarray, dict[int, str]]:
    """Values of the picked sub-cube (eliminated axes summed), the synthetic mask, statuses."""
    grid = np.ix_(*picks)
    values = cube.values[grid]
    real = cube.real[grid]
    fake = ~real if synthetic else np.zeros_like(real)
    if synthetic and fake.any():
        strides = np.cumprod([1, *[len(d.codes) for d in reversed(cube.dimensions)]])[:-1][::-1]
        flat = sum(g * int(s) for g, s in zip(grid, strides, strict=True))
        values = np.where(
            real, values, synthetic_values(table_id, np.broadcast_to(flat, real.shape))
        )
    statuses: dict[int, str] = {}
    if eliminated:
        axes = tuple(sorted(eliminated))
        values = values.sum(axis=axes)
        fake = fake.any(axis=axes)
    elif cube.statuses:
        lookup = [{int(p): j for j, p in enumerate(pk)} for pk in picks]
        shape = values.shape
        for flat_index, symbol in cube.statuses.items():
            where = np.unravel_index(flat_index, cube.values.shape)
            sub = [lookup[k].get(int(p)) for k, p in enumerate(where)]
            if None not in sub:
                statuses[int(np.ravel_multi_index(sub, shape))] = symbol
    return values, fake, statuses


def _renamed(dim: Dimension, names: dict[str, str]) -> Dimension:
    """The dimension under a fault-injected new id (link keys follow the id)."""
    new = names.get(dim.id)
    if new is None:
        return dim
    return Dimension(new, dim.label, dim.codes, dim.labels, dim.extension, dim.unit, None)


def _subset(dim: Dimension, positions: np.ndarray) -> Dimension:
    """The dimension restricted to the picked categories (units follow the codes)."""
    codes = tuple(dim.codes[int(p)] for p in positions)
    labels = tuple(dim.labels[int(p)] for p in positions)
    unit = {c: dim.unit[c] for c in codes if c in dim.unit} if dim.unit else None
    return Dimension(dim.id, dim.label, codes, labels, dim.extension, unit, dim.link)


def _role(dims: list[Dimension], names: dict[str, str]) -> dict[str, list[str]]:
    """SSB's roles: `Tid` time, the region variable geo, `ContentsCode` metric."""
    role: dict[str, list[str]] = {}
    for dim in dims:
        served = names.get(dim.id, dim.id)
        if dim.id == "Tid":
            role.setdefault("time", []).append(served)
        elif "region" in dim.id.lower():
            role.setdefault("geo", []).append(served)
        elif dim.id == "ContentsCode":
            role.setdefault("metric", []).append(served)
    return role


def _root_extension(table: ServedTable, discontinued: bool) -> dict:
    """The root `extension` SSB sends: px keywords and `discontinued`."""
    return {
        "px": {
            "infofile": "None",
            "tableid": table.table_id,
            "decimals": 0,
            "official-statistics": True,
            "aggregallowed": False,
            "copyright": False,
            "language": "no",
            "contents": table.label.split(",")[0],
            "matrix": table.table_id,
            "subject-code": table.subject_code,
        },
        "discontinued": True if discontinued else None,
    }
