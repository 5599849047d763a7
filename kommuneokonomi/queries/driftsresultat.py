"""Netto driftsresultat for one year across all municipalities: ranking, the gap to the TBU
norm in kroner, coverage and Landet.

NOTE: a municipality without a figure (no row, or a row without value) is listed as missing,
never given a value. Most figures are computed from SSB's amounts (12137) as SSB defines
them; such rows carry `computed` (see queries.beregnet).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import mapping, shape

from kommuneokonomi import data
from kommuneokonomi.datasets import KOSTRA_LANDET
from kommuneokonomi.indicators import (
    NETTO_DRIFTSRESULTAT,
    NORMGAP_BELOP,
    NORMGAP_PER_INNBYGGER,
    TBU_NORM_KOMMUNE_PCT,
)
from kommuneokonomi.queries import kostra
from kommuneokonomi.queries.cache import cached
from kommuneokonomi.queries.kommuner import index

# Boundaries are simplified for the national map (at most 720 px tall, ~0.02° a pixel):
# 0.04° keeps every municipality recognisable at 390 and 1280 px and cuts the GeoJSON sent
# to the browser from 1.2 MB to ~0.17 MB (0.27 MB at 0.02°; bench/RESULTS.md, issue 13).
SIMPLIFY_DEGREES = 0.04
COORD_DECIMALS = 3

RANKING_COLUMNS = [
    "rank",
    "region_code",
    "region_name",
    "county_name",
    "year",
    "value",
    "gap_pp",
    "gap_1000kr",
    "gap_per_innbygger",
    "vintage",
    "status",
    "published",
    "computed",
    "has_value",
]


@cached()
def ranking(year: int) -> pd.DataFrame:
    """Every municipality for `year`: those with a figure ranked (1 = highest), then the rest.

    Municipalities without a figure (no row, or a row without value) keep NaN value and rank,
    so they can be listed and counted as missing. `gap_pp` is the distance to the TBU norm.
    """
    rows = kostra.kommune_values(NETTO_DRIFTSRESULTAT, year)
    ix = index()
    known = rows[rows["value"].notna()].assign(has_value=True)
    absent_codes = [c for c in ix.codes if c not in set(known["region_code"])]
    with_row = rows.set_index("region_code")
    absent = pd.DataFrame(
        {
            "region_code": absent_codes,
            "region_name": [ix.name(c) for c in absent_codes],
            "year": year,
            "value": float("nan"),
            "vintage": [with_row["vintage"].get(c) for c in absent_codes],
            "status": [with_row["status"].get(c) for c in absent_codes],
            "published": [with_row["published"].get(c) for c in absent_codes],
            "computed": False,
            "has_value": False,
        }
    )
    # NOTE: region names in 12134 differ from KLASS ("Oslo - Oslove" vs "Oslo"); use KLASS
    # names for current codes so the list matches the municipality picker.
    names = [
        ix.name(c) if ix.is_current(c) else n
        for c, n in zip(known["region_code"], known["region_name"], strict=True)
    ]
    known = known.assign(region_name=names)
    frame = pd.concat([known, absent], ignore_index=True)
    frame["county_name"] = [_county(c) for c in frame["region_code"]]
    frame["gap_pp"] = frame["value"] - TBU_NORM_KOMMUNE_PCT
    for column, code in (
        ("gap_1000kr", NORMGAP_BELOP),
        ("gap_per_innbygger", NORMGAP_PER_INNBYGGER),
    ):
        gaps = _gaps(code, year)
        frame[column] = frame["region_code"].map(gaps).where(frame["has_value"])
    frame["rank"] = frame["rank"].astype("Int64")
    return frame[RANKING_COLUMNS]


def _gaps(code: str, year: int) -> pd.Series:
    """The gap to the norm by municipality for one year (kroner figures of the same release
    as the per cent figure: both come from the 12137 amounts)."""
    return kostra.kommune_values(code, year).set_index("region_code")["value"]


@dataclass(frozen=True)
class NormGap:
    """How far a region's result was from the TBU norm in one year, in kroner: positive is
    how much better it had to be to reach the norm, negative the margin above it."""

    code: str
    year: int
    mill_kr: float
    kr_per_innbygger: float | None
    vintage: str
    published: str | None


def norm_gap(code: str, year: int) -> NormGap | None:
    """The gap to the norm for a municipality, KOSTRA group or Landet, or None without one."""
    row = kostra.value(NORMGAP_BELOP, code, year)
    if row is None or pd.isna(row["value"]):
        return None
    per_head = kostra.value(NORMGAP_PER_INNBYGGER, code, year)
    return NormGap(
        code,
        year,
        float(row["value"]) / 1000,
        float(per_head["value"]) if per_head is not None else None,
        str(row["vintage"]),
        None if pd.isna(row["published"]) else str(row["published"]),
    )


def norm_gap_series(code: str) -> pd.DataFrame:
    """The gap to the norm over time for one region: year, mill_kr, kr_per_innbygger,
    vintage, published (rows only where the amounts exist)."""
    amounts = kostra.series(NORMGAP_BELOP, (code,))
    per_head = kostra.series(NORMGAP_PER_INNBYGGER, (code,)).set_index("year")["value"]
    return pd.DataFrame(
        {
            "year": amounts["year"].to_numpy(),
            "mill_kr": (amounts["value"] / 1000).to_numpy(),
            "kr_per_innbygger": amounts["year"].map(per_head).to_numpy(),
            "vintage": amounts["vintage"].to_numpy(),
            "published": amounts["published"].to_numpy(),
        }
    )


def _county(code: str) -> str | None:
    ix = index()
    return ix.county(code)[1] if ix.is_current(code) else None


@dataclass(frozen=True)
class Position:
    """Where one municipality stands in one year: its value, rank, tie and the field size."""

    code: str
    year: int
    value: float | None
    rank: int | None
    tied: bool
    count: int
    vintage: str | None
    published: str | None


def position(code: str, year: int) -> Position:
    """The municipality's figure and rank among the municipalities with a figure in `year`."""
    frame = ranking(year)
    known = frame[frame["has_value"]]
    hit = frame[frame["region_code"] == code]
    row = hit.iloc[0] if len(hit) else None
    if row is None or not row["has_value"]:
        return Position(
            code,
            year,
            None,
            None,
            False,
            len(known),
            _text(row, "vintage"),
            _text(row, "published"),
        )
    rank = int(row["rank"])
    tied = int((known["rank"] == rank).sum()) > 1
    return Position(
        code,
        year,
        float(row["value"]),
        rank,
        tied,
        len(known),
        _text(row, "vintage"),
        _text(row, "published"),
    )


def _text(row: pd.Series | None, column: str) -> str | None:
    if row is None or pd.isna(row[column]):
        return None
    return str(row[column])


def landet(year: int) -> pd.Series | None:
    """Landet's (EAK) row for `year`, or None when the data has no figure for it."""
    row = kostra.value(NETTO_DRIFTSRESULTAT, KOSTRA_LANDET, year)
    return row if row is not None and pd.notna(row["value"]) else None


def years_with_figures(code: str) -> list[int]:
    """Years in which `code` has a netto driftsresultat value (for 'latest figure' hints)."""
    rows = kostra.series(NETTO_DRIFTSRESULTAT, (code,))
    return sorted(rows.loc[rows["value"].notna(), "year"].astype(int).tolist())


@dataclass(frozen=True)
class Boundaries:
    """Simplified municipality boundaries (GeoJSON, feature id = code), and per municipality a
    label point (lon, lat) and bounding box (min lon, min lat, max lon, max lat).
    """

    geojson: dict
    label_points: dict[str, tuple[float, float]]
    boxes: dict[str, tuple[float, float, float, float]]

    def extent(self, codes: list[str]) -> tuple[float, float, float, float] | None:
        """Bounding box around the given municipalities (those with an outline), or None."""
        boxes = [self.boxes[c] for c in codes if c in self.boxes]
        if not boxes:
            return None
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )


@cached(maxsize=1)
def boundaries() -> Boundaries:
    """The 2024 municipality boundaries, simplified together so neighbours still share edges."""
    features = data.geojson("kommunegrenser")["features"]
    shapes = [shape(f["geometry"]) for f in features]
    simple = shapely.coverage_simplify(shapes, SIMPLIFY_DEGREES)
    simple = shapely.transform(simple, lambda xy: np.round(xy, COORD_DECIMALS))
    # NOTE: plotly's maps (d3-geo) take a counter-clockwise outer ring, as GeoJSON (RFC 7946)
    # prescribes, to be the whole world minus the municipality. Wind outer rings clockwise.
    simple = shapely.orient_polygons(simple, exterior_cw=True)
    geojson = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": f["id"],
                "geometry": mapping(g),
            }
            for f, g in zip(features, simple, strict=True)
        ],
    }
    points = {f["id"]: s.representative_point() for f, s in zip(features, shapes, strict=True)}
    boxes = {f["id"]: tuple(s.bounds) for f, s in zip(features, shapes, strict=True)}
    return Boundaries(geojson, {code: (p.x, p.y) for code, p in points.items()}, boxes)
