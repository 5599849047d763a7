"""JSON-stat 2.0 datasets as SSB's PxWebApi v2 writes them: encode a tidy frame, parse one back.

The encoder feeds the local fake SSB server used in tests; the parser turns every real SSB
answer into a tidy frame (codes, labels, value, status) without losing a status symbol.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

JSONSTAT_VERSION = "2.0"

# NOTE: above 2**53 a float no longer holds every integer; such values stay floats in JSON.
_MAX_EXACT_INT = 2.0**53


class JsonStatError(ValueError):
    """The input is not a valid JSON-stat 2.0 dataset; the message says what was wrong."""


@dataclass(frozen=True)
class Dimension:
    """One JSON-stat dimension: its id, label and categories in index order."""

    id: str
    label: str
    codes: tuple[str, ...]
    labels: tuple[str, ...]
    extension: dict | None = None
    unit: dict | None = None
    link: dict | None = None

    def __post_init__(self) -> None:
        if len(self.codes) != len(self.labels):
            raise ValueError(
                f"dimension {self.id}: {len(self.codes)} codes but {len(self.labels)} labels"
            )
        if len(set(self.codes)) != len(self.codes):
            raise ValueError(f"dimension {self.id}: category codes are not unique")


# ---------------------------------------------------------------------------------------------
# Encoder
# ---------------------------------------------------------------------------------------------


def to_jsonstat(
    frame: pd.DataFrame,
    dimensions: list[Dimension] | tuple[Dimension, ...],
    *,
    label: str,
    updated: str,
    source: str = "Statistisk sentralbyrå",
    role: dict | None = None,
    note: list[str] | None = None,
    extension: dict | None = None,
    sparse: bool = False,
) -> dict:
    """A JSON-stat 2.0 dataset shaped like SSB's PxWebApi v2 answer for `frame`.

    `frame` holds one code column per dimension id, `value` and optionally `status`; cells
    absent from `frame` are null. `sparse=True` writes `value` and `status` keyed by flat index.
    `role=None` derives SSB's roles from the ids (`Tid`, `*region*`, `ContentsCode`).
    """
    dims = tuple(dimensions)
    size = [len(d.codes) for d in dims]
    flat = _flat_index(frame, dims, size)
    values = _frame_values(frame)
    statuses = _frame_statuses(frame)

    doc: dict = {
        "version": JSONSTAT_VERSION,
        "class": "dataset",
        "label": label,
        "source": source,
        "updated": updated,
    }
    if note:
        doc["note"] = list(note)
    doc["role"] = role if role is not None else _default_role(dims)
    doc["id"] = [d.id for d in dims]
    doc["size"] = size
    doc["dimension"] = {d.id: _dimension_json(d) for d in dims}
    if extension is not None:
        doc["extension"] = extension
    if sparse:
        doc["value"] = _sparse_values(flat, values)
    else:
        doc["value"] = _dense_values(flat, values, int(np.prod(size, dtype=np.int64)))
    if statuses is not None:
        doc["status"] = _sparse_statuses(flat, statuses)
    return doc


def _flat_index(frame: pd.DataFrame, dims: tuple[Dimension, ...], size: list[int]) -> np.ndarray:
    """Row-major flat cell index of every frame row; rejects unknown codes and duplicate cells."""
    missing = [c for c in [*(d.id for d in dims), "value"] if c not in frame.columns]
    if missing:
        raise ValueError(f"frame lacks column(s) {missing}")
    flat = np.zeros(len(frame), dtype=np.int64)
    stride = 1
    for dim, n in zip(reversed(dims), reversed(size), strict=True):
        column = frame[dim.id]
        pos = pd.Index(dim.codes).get_indexer(column)
        if (pos < 0).any():
            unknown = pd.unique(column[pos < 0].astype(object))[:5].tolist()
            raise ValueError(f"frame column {dim.id} has codes not in the dimension: {unknown}")
        flat += pos.astype(np.int64) * stride
        stride *= n
    seen = np.zeros(stride, dtype=bool)
    seen[flat] = True
    if int(seen.sum()) != len(flat):
        raise ValueError("frame has more than one row for the same cell")
    return flat


def _frame_values(frame: pd.DataFrame) -> np.ndarray:
    """The `value` column as float64 with NaN for missing; infinities cannot be written."""
    values = pd.to_numeric(frame["value"]).to_numpy(dtype=np.float64, na_value=np.nan)
    if np.isinf(values).any():
        raise ValueError("value column holds infinite numbers, which JSON cannot represent")
    return values


def _frame_statuses(frame: pd.DataFrame) -> np.ndarray | None:
    """The `status` column as an object array (None where no symbol), or None if there is none."""
    if "status" not in frame.columns:
        return None
    status = frame["status"].astype(object)
    status = status.where(status.notna() & (status != ""), None)
    if status.isna().all():
        return None
    return status.to_numpy(dtype=object)


def _json_numbers(values: np.ndarray) -> np.ndarray:
    """Values as Python objects the way SSB prints them: whole numbers as ints, NaN as null."""
    out = np.full(len(values), None, dtype=object)
    finite = np.isfinite(values)
    whole = finite & (values == np.trunc(values)) & (np.abs(values) < _MAX_EXACT_INT)
    out[whole] = values[whole].astype(np.int64)
    fractional = finite & ~whole
    out[fractional] = values[fractional]
    return out


def _dense_values(flat: np.ndarray, values: np.ndarray, n_cells: int) -> list:
    """The `value` array: one entry per cell in row-major order, null where no value."""
    full = np.full(n_cells, np.nan)
    full[flat] = values
    return _json_numbers(full).tolist()


def _sparse_values(flat: np.ndarray, values: np.ndarray) -> dict[str, int | float]:
    """The `value` object: flat index (as a string) → number, for cells that hold a value."""
    keep = ~np.isnan(values)
    order = np.argsort(flat[keep], kind="stable")
    keys = flat[keep][order].astype(str).tolist()
    return dict(zip(keys, _json_numbers(values[keep][order]).tolist(), strict=True))


def _sparse_statuses(flat: np.ndarray, statuses: np.ndarray) -> dict[str, str]:
    """The `status` object: flat index (as a string) → symbol, for cells that have one.

    NOTE: SSB writes `status` as an object even when `value` is an array, and omits it
    entirely when no cell has a symbol.
    """
    keep = pd.notna(statuses)
    order = np.argsort(flat[keep], kind="stable")
    keys = flat[keep][order].astype(str).tolist()
    return dict(zip(keys, statuses[keep][order].tolist(), strict=True))


def _dimension_json(dim: Dimension) -> dict:
    """One `dimension` entry: label, category index/label/unit, extension and link."""
    category: dict = {
        "index": {code: i for i, code in enumerate(dim.codes)},
        "label": dict(zip(dim.codes, dim.labels, strict=True)),
    }
    if dim.unit is not None:
        category["unit"] = dim.unit
    out: dict = {"label": dim.label, "category": category}
    if dim.extension is not None:
        out["extension"] = dim.extension
    if dim.link is not None:
        out["link"] = dim.link
    return out


def _default_role(dims: tuple[Dimension, ...]) -> dict[str, list[str]]:
    """SSB's roles from its fixed ids: time `Tid`, geo any id containing "region", metric
    `ContentsCode`."""
    ids = [d.id for d in dims]
    role: dict[str, list[str]] = {}
    if "Tid" in ids:
        role["time"] = ["Tid"]
    geo = [i for i in ids if "region" in i.lower()]
    if geo:
        role["geo"] = geo
    if "ContentsCode" in ids:
        role["metric"] = ["ContentsCode"]
    return role


# ---------------------------------------------------------------------------------------------
# Parser
# ---------------------------------------------------------------------------------------------


def parse(doc: dict | str | bytes) -> pd.DataFrame:
    """A JSON-stat 2.0 dataset as a tidy frame: one row per cell, never partial.

    Columns: per dimension in `id` order the code column `<id>` and `<id>_label` (both
    pandas Categorical: one small integer per row, so a million rows cost a few MB), then
    `value` (float64, NaN where null) and `status` (object: the symbol, or None).
    """
    data = _load(doc)
    dims = [_category_codes_labels(data, dim_id, n) for dim_id, n in _id_size(data)]
    size = [len(codes) for codes, _ in dims]
    n_cells = int(np.prod(size, dtype=np.int64))
    values = _values(data, size, n_cells)
    statuses = _statuses(data, n_cells)
    columns: dict[str, object] = {}
    for i, (dim_id, (codes, labels)) in enumerate(zip(data["id"], dims, strict=True)):
        positions = _positions(size, i)
        columns[dim_id] = pd.Categorical.from_codes(positions, categories=codes, validate=False)
        label_of_code, unique_labels = pd.factorize(np.asarray(labels, dtype=object))
        columns[f"{dim_id}_label"] = pd.Categorical.from_codes(
            label_of_code[positions], categories=unique_labels, validate=False
        )
    columns["value"] = values
    columns["status"] = pd.Series(statuses, dtype=object)
    return pd.DataFrame(columns)


def dimension_codes(doc: dict | str | bytes) -> dict[str, list[str]]:
    """Category codes per dimension id, in index order: what a response actually covers."""
    data = _load(doc)
    return {dim_id: _category_codes_labels(data, dim_id, n)[0] for dim_id, n in _id_size(data)}


def units(doc: dict | str | bytes) -> dict[str, dict]:
    """Unit per content code (e.g. {"KOSAG110000": {"base": "kr", "decimals": 0}})."""
    data = _load(doc)
    out: dict[str, dict] = {}
    for dim_id, _ in _id_size(data):
        out.update(data["dimension"][dim_id]["category"].get("unit") or {})
    return out


def updated(doc: dict | str | bytes) -> str | None:
    """When SSB last updated the table (ISO 8601 string as sent), or None if not stated."""
    return _load(doc).get("updated")


def notes(doc: dict | str | bytes) -> list[str]:
    """The dataset-level notes SSB attaches to the table (series breaks, unpublished totals)."""
    note = _load(doc).get("note") or []
    return [note] if isinstance(note, str) else list(note)


def _load(doc: dict | str | bytes) -> dict:
    """The decoded document, checked to be a JSON-stat 2.0 dataset."""
    if isinstance(doc, str | bytes | bytearray):
        data = _decode(doc)
    elif isinstance(doc, dict):
        data = doc
    else:
        raise JsonStatError(f"expected a dict, str or bytes, got {type(doc).__name__}")
    _check_dataset(data)
    return data


def _decode(raw: str | bytes | bytearray) -> object:
    """json.loads, with a JsonStatError that says what the text looks like when it is not JSON."""
    try:
        return json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise JsonStatError(_describe_non_json(raw, exc)) from None


def _describe_non_json(raw: str | bytes | bytearray, exc: Exception) -> str:
    """One line naming what was received instead of JSON: empty, an HTML page, or cut JSON."""
    text = raw if isinstance(raw, str) else bytes(raw).decode("utf-8", errors="replace")
    head = text.lstrip()
    if not head:
        return "got an empty document, not JSON"
    if head.startswith("<"):
        # NOTE: SSB answers a too-long GET URL with an HTML 404 page instead of a JSON error.
        title = re.search(r"<title>(.*?)</title>", head, re.IGNORECASE | re.DOTALL)
        what = f" ({title.group(1).strip()})" if title else ""
        return f"got an HTML page{what}, not JSON-stat"
    if isinstance(exc, json.JSONDecodeError) and exc.pos >= len(exc.doc.rstrip()):
        return f"JSON ends early after {len(text)} characters (truncated download?)"
    return f"not valid JSON: {exc}"


def _check_dataset(data: object) -> None:
    """Reject anything but a JSON-stat 2.0 dataset object, saying what it is instead."""
    if not isinstance(data, dict):
        raise JsonStatError(f"expected a JSON object, got a JSON {type(data).__name__}")
    if "class" not in data:
        if "title" in data and "type" in data:
            raise JsonStatError(
                f"got an SSB error response, not data: {data['title']} "
                f"(type {data['type']!r}, status {data.get('status')})"
            )
        raise JsonStatError(f"not a JSON-stat 2.0 dataset: no 'class' (keys: {sorted(data)[:8]})")
    if data["class"] != "dataset":
        raise JsonStatError(f"expected JSON-stat class 'dataset', got {data['class']!r}")
    version = data.get("version", JSONSTAT_VERSION)
    if not str(version).startswith("2"):
        raise JsonStatError(f"expected JSON-stat version 2.x, got {version!r}")
    for key in ("id", "size", "dimension", "value"):
        if key not in data:
            raise JsonStatError(f"dataset has no {key!r}")


def _id_size(data: dict) -> list[tuple[str, int]]:
    """(dimension id, size) pairs, checked: same length, sizes non-negative ints."""
    ids, size = data["id"], data["size"]
    if not isinstance(ids, list) or not isinstance(size, list):
        raise JsonStatError("'id' and 'size' must be arrays")
    if len(ids) != len(size):
        raise JsonStatError(f"id has {len(ids)} entries but size has {len(size)}: {ids} {size}")
    if not all(isinstance(n, int) and n >= 0 for n in size):
        raise JsonStatError(f"size must hold non-negative integers, got {size}")
    for dim_id in ids:
        if dim_id in ("value", "status"):
            raise JsonStatError(f"dimension id {dim_id!r} would clash with the value columns")
        if not isinstance(data["dimension"].get(dim_id), dict):
            raise JsonStatError(f"dimension {dim_id!r} is listed in id but not described")
    return list(zip(ids, size, strict=True))


def _category_codes_labels(data: dict, dim_id: str, n: int) -> tuple[list[str], list[str]]:
    """Codes in index order and their labels (the code where a label is missing)."""
    category = data["dimension"][dim_id].get("category")
    if not isinstance(category, dict):
        raise JsonStatError(f"dimension {dim_id!r} has no category")
    labels = category.get("label") or {}
    codes = _index_codes(dim_id, category.get("index"), labels)
    if len(codes) != n:
        raise JsonStatError(f"dimension {dim_id!r} has {len(codes)} categories but size says {n}")
    return codes, [str(labels.get(code, code)) for code in codes]


def _index_codes(dim_id: str, index: object, labels: dict) -> list[str]:
    """Category codes in index order, from an index array, an index object, or a lone label."""
    if index is None:
        # JSON-stat lets a single-category dimension omit `index`; the label key is the code.
        if len(labels) != 1:
            raise JsonStatError(f"dimension {dim_id!r} has no category index")
        return list(labels)
    if isinstance(index, list):
        codes = [str(code) for code in index]
    elif isinstance(index, dict):
        codes = [str(code) for code in sorted(index, key=index.__getitem__)]
        if sorted(index.values()) != list(range(len(index))):
            raise JsonStatError(f"dimension {dim_id!r}: category index is not 0..{len(index) - 1}")
    else:
        raise JsonStatError(f"dimension {dim_id!r}: category index must be an array or object")
    if len(set(codes)) != len(codes):
        raise JsonStatError(f"dimension {dim_id!r}: category codes repeat")
    return codes


def _positions(size: list[int], axis: int) -> np.ndarray:
    """Category position of every cell along `axis` in row-major order (last id varies fastest)."""
    inner = int(np.prod(size[axis + 1 :], dtype=np.int64))
    outer = int(np.prod(size[:axis], dtype=np.int64))
    categories = np.arange(size[axis], dtype=np.min_scalar_type(max(size[axis] - 1, 0)))
    return np.tile(np.repeat(categories, inner), outer)


def _values(data: dict, size: list[int], n_cells: int) -> np.ndarray:
    """The `value` array or object as float64 per cell, NaN where null or absent."""
    value = data["value"]
    if isinstance(value, list):
        if len(value) != n_cells:
            raise JsonStatError(
                f"value has {len(value)} entries but size {size} implies {n_cells} cells"
            )
        return _as_float(value)
    if isinstance(value, dict):
        out = np.full(n_cells, np.nan)
        out[_sparse_index(value, n_cells, "value")] = _as_float(list(value.values()))
        return out
    raise JsonStatError(f"value must be an array or object, got {type(value).__name__}")


def _as_float(values: list) -> np.ndarray:
    """JSON numbers (null → NaN) as float64; rejects text such as a status symbol in `value`."""
    try:
        return np.array(values, dtype=np.float64)
    except (TypeError, ValueError):
        bad = next(v for v in values if v is not None and not isinstance(v, int | float))
        raise JsonStatError(f"value holds a non-numeric entry: {bad!r}") from None


def _sparse_index(obj: dict, n_cells: int, what: str) -> np.ndarray:
    """The flat cell indices of a sparse `value`/`status` object, checked to be in range."""
    try:
        index = np.array(list(obj), dtype=np.int64)
    except ValueError:
        raise JsonStatError(f"{what} object has keys that are not cell indices") from None
    outside = (index < 0) | (index >= n_cells)
    if outside.any():
        first = int(index[outside][0])
        raise JsonStatError(f"{what} has index {first}, outside 0..{n_cells - 1}")
    return index


def _statuses(data: dict, n_cells: int) -> np.ndarray:
    """Status symbol per cell (`.`, `..`, `...`, `:`, `-`, ...), None where there is none."""
    status = data.get("status")
    if isinstance(status, list) and len(status) == 1:
        status = status[0]  # JSON-stat: a single status applies to every cell
    out = np.full(n_cells, None, dtype=object)
    if status is None:
        return out
    if isinstance(status, str):
        out[:] = status
    elif isinstance(status, list):
        if len(status) != n_cells:
            raise JsonStatError(f"status has {len(status)} entries but there are {n_cells} cells")
        out[:] = status
    elif isinstance(status, dict):
        out[_sparse_index(status, n_cells, "status")] = list(status.values())
    else:
        raise JsonStatError(f"status must be a string, array or object: {type(status).__name__}")
    out[out == ""] = None
    return out
