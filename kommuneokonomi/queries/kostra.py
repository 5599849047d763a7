"""KOSTRA queries (SSB 12134 key figures, 12137 amounts): values, series, rankings, groups
and coverage.

NOTE: figures for the latest year are preliminary until SSB's final release in June, and
older years are revised; every row carries its `vintage`. KOSTRA groups were redrawn in
2020, so group series break between 2019 and 2020. Figures the app computes from SSB's
amounts (`queries.beregnet`) come back from `indicator` like published ones, with
`computed` True and their `basis`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from kommuneokonomi import data
from kommuneokonomi.datasets import KOSTRA_LANDET, KOSTRA_LANDET_UTEN_OSLO
from kommuneokonomi.queries import beregnet
from kommuneokonomi.queries.cache import cached

GROUP_BREAK_YEAR = 2020  # first year of the current KOSTRA grouping

COLUMNS = [
    "region_code",
    "region_name",
    "region_level",
    "year",
    "value",
    "status",
    "vintage",
    "published",
    "source",
    "source_code",
    "table_id",
    "computed",
    "basis",
]


def published(indicator_code: str) -> pd.DataFrame:
    """The dataset's rows for one figure exactly as SSB published them (nothing computed)."""
    kostra = data.frame("kostra")
    return kostra.loc[kostra["indicator_code"] == indicator_code].reset_index(drop=True)


@cached()
def indicator(indicator_code: str) -> pd.DataFrame:
    """All rows for one figure, every region and year: SSB's published rows, and for the
    figures in `beregnet.FORMULAS` the computed ones where SSB's are missing or older."""
    rows = published(indicator_code)
    formula = beregnet.FORMULAS.get(indicator_code)
    if formula is not None:
        computed = beregnet.compute(formula, published(formula.a), published(formula.b))
        rows = beregnet.newest(rows, computed)
    else:
        rows = rows.assign(computed=False, basis=None)
    return rows[COLUMNS].sort_values(["region_code", "year"]).reset_index(drop=True)


def region_spans(codes: np.ndarray) -> dict[str, tuple[int, int]]:
    """(start, stop) of each region's rows in rows sorted by region: a region's series is
    then a slice, not a scan of every row (a rerun asks for about a hundred series)."""
    if len(codes) == 0:
        return {}
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
    stops = np.r_[starts[1:], len(codes)]
    return {codes[a]: (int(a), int(b)) for a, b in zip(starts, stops, strict=True)}


@cached()
def _spans(indicator_code: str) -> dict[str, tuple[int, int]]:
    """Where each region's rows lie in `indicator(indicator_code)` (sorted by region, year)."""
    return region_spans(indicator(indicator_code)["region_code"].to_numpy())


def series(indicator_code: str, region_codes: tuple[str, ...]) -> pd.DataFrame:
    """One key figure over time for the given regions (rows only where SSB has a row),
    sorted by region and year."""
    rows = indicator(indicator_code)
    spans = _spans(indicator_code)
    taken = [np.arange(*spans[code]) for code in sorted(set(region_codes)) if code in spans]
    return rows.iloc[np.concatenate(taken)] if taken else rows.iloc[0:0]


def renumbering(rows: pd.DataFrame, kommune_code: str) -> tuple[int, str] | None:
    """(first year under today's code, the code before) when SSB published a municipality's
    earlier figures under an older number, so a chart can mark the series break; else None.
    """
    own = rows[rows["region_code"] == kommune_code].sort_values("year")
    older = own[own["source_code"] != kommune_code]
    if older.empty:
        return None
    current = own[own["source_code"] == kommune_code]
    first = int(current["year"].min()) if len(current) else int(older["year"].max()) + 1
    return first, str(older.sort_values("year")["source_code"].iloc[-1])


@cached()
def kommune_values(indicator_code: str, year: int) -> pd.DataFrame:
    """Municipality rows for one year with a value, ranked (1 = highest value)."""
    rows = indicator(indicator_code)
    rows = rows[(rows["region_level"] == "kommune") & (rows["year"] == year)].copy()
    rows["rank"] = rows["value"].rank(ascending=False, method="min").astype("Int64")
    return rows.sort_values("value", ascending=False, na_position="last").reset_index(drop=True)


@cached()
def years(indicator_code: str, level: str = "kommune") -> list[int]:
    """Years in which at least one region of `level` has a figure (value or status)."""
    rows = indicator(indicator_code)
    return sorted(rows.loc[rows["region_level"] == level, "year"].unique().tolist())


def value(indicator_code: str, region_code: str, year: int) -> pd.Series | None:
    """The row for one region and year, or None when SSB (or the snapshot) has none."""
    position = _positions(indicator_code).get((region_code, year))
    return None if position is None else indicator(indicator_code).iloc[position]


@cached()
def _positions(indicator_code: str) -> dict[tuple[str, int], int]:
    """Row number of each (region, year) in `indicator(indicator_code)`: the profile and the
    cards look up some fifteen single values a rerun."""
    rows = indicator(indicator_code)
    return {
        (code, int(year)): i
        for i, (code, year) in enumerate(zip(rows["region_code"], rows["year"], strict=True))
    }


@cached()
def kostragruppe(kommune_code: str, year: int) -> tuple[str, int] | None:
    """(group code, membership year) for a municipality: that year's group, else the latest
    earlier one we have, so the caller can say which year's grouping it is.
    """
    members = data.frame("kostragruppe_medlemskap")
    rows = members[(members["kommune_code"] == kommune_code) & (members["year"] <= year)]
    if rows.empty:
        rows = members[members["kommune_code"] == kommune_code]
        if rows.empty:
            return None
        first = rows.sort_values("year").iloc[0]
        return (
            (first["kostragruppe_code"], int(first["year"])) if year >= GROUP_BREAK_YEAR else None
        )
    latest = rows.sort_values("year").iloc[-1]
    return latest["kostragruppe_code"], int(latest["year"])


@cached()
def group_members(group_code: str, membership_year: int) -> tuple[str, ...]:
    """Municipalities in a KOSTRA group in the given membership year."""
    members = data.frame("kostragruppe_medlemskap")
    rows = members[
        (members["kostragruppe_code"] == group_code) & (members["year"] == membership_year)
    ]
    return tuple(sorted(rows["kommune_code"]))


@cached()
def coverage(indicator_code: str) -> pd.DataFrame:
    """Municipality × year table of what exists: 'value', 'missing' (row without value)."""
    rows = indicator(indicator_code)
    rows = rows[rows["region_level"] == "kommune"]
    state = rows["value"].notna().map({True: "value", False: "missing"})
    return rows.assign(state=state)[["region_code", "year", "state", "vintage"]]


OSLO = "0301"


def comparison_regions(kommune_code: str, year: int) -> list[str]:
    """The chosen municipality, its KOSTRA group and Landet, in that order; for Oslo also
    Landet uten Oslo, since Landet holds Oslo itself."""
    group = kostragruppe(kommune_code, year)
    regions = [kommune_code]
    if group:
        regions.append(group[0])
    regions.append(KOSTRA_LANDET)
    return [*regions, KOSTRA_LANDET_UTEN_OSLO] if kommune_code == OSLO else regions
