"""Long tables for the screen (every municipality): the chosen one on top, found by search."""

from __future__ import annotations

import pandas as pd

from kommuneokonomi.queries.kommuner import fold


def pinned_and_found(
    rows: pd.DataFrame, chosen: str | None, search: str = "", *, keep: pd.Series | None = None
) -> pd.DataFrame:
    """`rows` (region_code, region_name, county_name) filtered by `search` on name, number or
    county, and by `keep` except for the chosen municipality, which is always first."""
    if keep is not None:
        rows = rows[keep | (rows["region_code"] == chosen)]
    query = fold(search)
    if query:
        haystack = rows["region_name"].map(fold) + " " + rows["region_code"] + " "
        haystack += rows["county_name"].fillna("").map(fold)
        rows = rows[haystack.str.contains(query, regex=False)]
    pinned = rows["region_code"] == chosen
    return pd.concat([rows[pinned], rows[~pinned]])
