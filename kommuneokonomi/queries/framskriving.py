"""Projection queries: SSB's population projections in the app's standard age groups.

NOTE: SSB publishes a new projection every second year (14288 in 2024, 14746 in 2026); the
newest table that covers a region is used, and the table id travels with every result.
NOTE: a projection table's first year is its base year: the registered population on
1 January of that year (14746 for 2026 equals table 07459 for 2026).
"""

from __future__ import annotations

import pandas as pd

from kommuneokonomi import data
from kommuneokonomi.queries.cache import cached

# SSB projection age groups summed into the app's standard groups.
GROUPS = {
    "0-19": ("0", "1-5", "6-12", "13-15", "16-19"),
    "20-66": ("20-44", "45-66"),
    "67-79": ("67-79",),
    "80+": ("80-89", "90+"),
    "67+": ("67-79", "80-89", "90+"),
}

MAIN, LOW, HIGH = "MMMM", "LLML", "HHMH"


@cached()
def tables_for(region_code: str) -> list[str]:
    """Projection table ids covering a region, newest first (by first projected year)."""
    proj = data.frame("framskriving")
    rows = proj[proj["region_code"] == region_code]
    first_year = rows.groupby("table_id")["year"].min().sort_values(ascending=False)
    return first_year.index.tolist()


@cached()
def groups(region_code: str, table_id: str) -> pd.DataFrame:
    """Projected persons per alternative and year in the standard groups and in total.

    Group columns are missing (NaN) where the table holds only totals for the region.
    """
    proj = data.frame("framskriving")
    rows = proj[(proj["region_code"] == region_code) & (proj["table_id"] == table_id)]
    wide = rows.pivot_table(
        index=["alternative", "year"], columns="age_group", values="persons", aggfunc="sum"
    )
    out = pd.DataFrame(index=wide.index)
    for group, parts in GROUPS.items():
        present = [p for p in parts if p in wide.columns]
        out[group] = wide[present].sum(axis=1, min_count=len(parts)) if present else float("nan")
    age_columns = [c for c in wide.columns if c != "total"]
    if "total" in wide.columns:
        out["total"] = wide["total"]
    else:
        out["total"] = wide[age_columns].sum(axis=1, min_count=len(age_columns))
    return out.reset_index()


def has_groups(region_code: str, table_id: str) -> bool:
    """True if the table splits the region by age (not only a total, as for most counties)."""
    return bool(groups(region_code, table_id)["67+"].notna().any())


def newest_table(region_code: str, *, with_groups: bool = False) -> str | None:
    """The newest projection table for a region (optionally one with age groups), or None."""
    for table_id in tables_for(region_code):
        if not with_groups or has_groups(region_code, table_id):
            return table_id
    return None


def base_year(region_code: str, table_id: str) -> int:
    """First year of a projection table for a region: the registered base it starts from."""
    return int(groups(region_code, table_id)["year"].min())


@cached()
def support_ratio(region_code: str, table_id: str) -> pd.DataFrame:
    """Projected people aged 20–66 per person 67+, per alternative and year."""
    frame = groups(region_code, table_id)
    return frame.assign(ratio=frame["20-66"] / frame["67+"])[
        ["alternative", "year", "ratio", "67+", "80+", "total"]
    ]


@cached()
def series(region_code: str, table_id: str, group: str) -> pd.DataFrame:
    """One group ('total', '80+', '0-19' …) per year with the three alternatives as columns."""
    frame = groups(region_code, table_id)
    wide = frame.pivot(index="year", columns="alternative", values=group)
    return wide.reindex(columns=[MAIN, LOW, HIGH]).reset_index().rename_axis(columns=None)


@cached()
def growth_table() -> str | None:
    """The projection table that covers the most municipalities (the newest of those), so a
    comparison of all municipalities reads one table with one base year."""
    proj = data.frame("framskriving")
    municipal = proj[(proj["region_level"] == "kommune") & (proj["alternative"] == MAIN)]
    if municipal.empty:
        return None
    counts = municipal.groupby("table_id").agg(
        regions=("region_code", "nunique"), first=("year", "min")
    )
    return str(counts.sort_values(["regions", "first"], ascending=False).index[0])


@cached()
def growth(to_year: int) -> pd.DataFrame:
    """Projected growth of every municipality's population (main alternative) from the
    table's base year to `to_year`: region_code, table_id, base_year, base, projected,
    growth_pct. Municipalities the table does not cover are left out."""
    table_id = growth_table()
    columns = ["region_code", "table_id", "base_year", "base", "projected", "growth_pct"]
    if table_id is None:
        return pd.DataFrame(columns=columns)
    proj = data.frame("framskriving")
    rows = proj[
        (proj["table_id"] == table_id)
        & (proj["region_level"] == "kommune")
        & (proj["alternative"] == MAIN)
    ]
    totals = rows.groupby(["region_code", "year"])["persons"].sum(min_count=1).unstack("year")
    base_year = int(totals.columns.min())
    if to_year not in totals.columns:
        return pd.DataFrame(columns=columns)
    out = pd.DataFrame(
        {
            "region_code": totals.index,
            "table_id": table_id,
            "base_year": base_year,
            "base": totals[base_year].to_numpy(),
            "projected": totals[to_year].to_numpy(),
        }
    )
    out["growth_pct"] = 100 * (out["projected"] / out["base"] - 1)
    return out.dropna(subset=["growth_pct"]).reset_index(drop=True)
