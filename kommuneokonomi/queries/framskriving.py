"""Projection queries: SSB's population projections in the app's standard age groups.

NOTE: SSB publishes a new projection every second year (14288 in 2024, 14746 in 2026); the
newest table that covers a region is used, and the table id travels with every result.
"""

from __future__ import annotations

import pandas as pd

from kommuneokonomi import data
from kommuneokonomi.queries.cache import cached

# SSB projection age groups summed into the app's standard groups.
GROUPS = {
    "20-66": ("20-44", "45-66"),
    "67+": ("67-79", "80-89", "90+"),
    "80+": ("80-89", "90+"),
}


@cached()
def tables_for(region_code: str) -> list[str]:
    """Projection table ids covering a region, newest first (by first projected year)."""
    proj = data.frame("framskriving")
    rows = proj[proj["region_code"] == region_code]
    first_year = rows.groupby("table_id")["year"].min().sort_values(ascending=False)
    return first_year.index.tolist()


@cached()
def groups(region_code: str, table_id: str) -> pd.DataFrame:
    """Projected persons per alternative and year in groups 20-66, 67+, 80+ and total.

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


@cached()
def support_ratio(region_code: str, table_id: str) -> pd.DataFrame:
    """Projected people aged 20–66 per person 67+, per alternative and year."""
    frame = groups(region_code, table_id)
    return frame.assign(ratio=frame["20-66"] / frame["67+"])[
        ["alternative", "year", "ratio", "67+", "80+", "total"]
    ]
