"""Population queries: totals, age groups, the support ratio and the age pyramid.

The support ratio is the number of people aged 20–66 per person aged 67 or over: the
working-age base that pays for and staffs elderly care.
"""

from __future__ import annotations

import pandas as pd

from kommuneokonomi import data
from kommuneokonomi.datasets import LANDET
from kommuneokonomi.queries.cache import cached


@cached()
def age_groups(region_code: str) -> pd.DataFrame:
    """Persons per year and standard age group (0-19, 20-66, 67-79, 80+, 67+, total)."""
    groups = data.frame("befolkning_grupper")
    rows = groups[groups["region_code"] == region_code]
    return rows[["year", "age_group", "persons", "estimated"]].reset_index(drop=True)


def _wide(region_code: str) -> pd.DataFrame:
    rows = age_groups(region_code)
    wide = rows.pivot(index="year", columns="age_group", values="persons")
    wide["estimated"] = rows.groupby("year")["estimated"].any()
    return wide


@cached()
def totals(region_code: str) -> pd.DataFrame:
    """Population on 1 January per year, with the year-on-year change."""
    wide = _wide(region_code)
    out = pd.DataFrame(
        {
            "year": wide.index,
            "persons": wide["total"].to_numpy(),
            "estimated": wide["estimated"].to_numpy(),
        }
    )
    out["change"] = out["persons"].diff()
    return out


@cached()
def support_ratio(region_code: str) -> pd.DataFrame:
    """People aged 20–66 per person 67+ per year, with the shares of 67+ and 80+ (%)."""
    wide = _wide(region_code)
    return pd.DataFrame(
        {
            "year": wide.index,
            "ratio": (wide["20-66"] / wide["67+"]).to_numpy(),
            "share_67": (100 * wide["67+"] / wide["total"]).to_numpy(),
            "share_80": (100 * wide["80+"] / wide["total"]).to_numpy(),
            "persons_80": wide["80+"].to_numpy(),
            "estimated": wide["estimated"].to_numpy(),
        }
    )


def years() -> list[int]:
    """Years (1 January) with population figures, newest last."""
    return sorted(data.frame("befolkning_grupper")["year"].unique().tolist())


@cached(maxsize=256)
def pyramid(region_code: str, year: int, kommune_codes: tuple[str, ...] = ()) -> pd.DataFrame:
    """Persons by sex ('1' men, '2' women) and single age for a region and year.

    For a county or Norway pass the member municipality codes; they are summed.
    """
    population = data.frame("befolkning")
    members = kommune_codes or (region_code,)
    rows = population[(population["year"] == year) & population["region_code"].isin(members)]
    return (
        rows.groupby(["sex", "age"], as_index=False)
        .agg(persons=("persons", "sum"), estimated=("estimated", "any"))
        .sort_values(["sex", "age"])
        .reset_index(drop=True)
    )


def region_members(region_code: str) -> tuple[str, ...]:
    """Municipality codes that make up a region: itself, a county's, or all for Norway."""
    kommuner = data.frame("kommuner")
    if region_code == LANDET:
        return tuple(kommuner["kommune_code"])
    if len(region_code) == 2:
        return tuple(kommuner.loc[kommuner["county_code"] == region_code, "kommune_code"])
    return (region_code,)
