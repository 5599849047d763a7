"""Population queries: totals, age groups, the support ratio and the age pyramid.

The support ratio is the number of people aged 20–66 per person aged 67 or over: the
working-age base that pays for and staffs elderly care.
"""

from __future__ import annotations

import pandas as pd

from kommuneokonomi import data
from kommuneokonomi.datasets import LANDET
from kommuneokonomi.queries.cache import cached

# The four age groups that together make up the whole population, youngest first.
AGE_GROUPS = ("0-19", "20-66", "67-79", "80+")


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


@cached()
def group_series(region_code: str) -> pd.DataFrame:
    """Persons per year in the four groups 0-19, 20-66, 67-79 and 80+ (long form)."""
    rows = age_groups(region_code)
    return rows[rows["age_group"].isin(AGE_GROUPS)].reset_index(drop=True)


def years() -> list[int]:
    """Years (1 January) with population figures, newest last."""
    return sorted(data.frame("befolkning_grupper")["year"].unique().tolist())


@cached(maxsize=4)
def _year_rows(year: int) -> pd.DataFrame:
    """All municipalities' single-age rows for one year (a 1/22 slice of the 1.7 M rows)."""
    population = data.frame("befolkning")
    return population[population["year"].to_numpy() == year]


@cached(maxsize=256)
def pyramid(region_code: str, year: int) -> pd.DataFrame:
    """Persons by sex ('1' men, '2' women) and single age 0–105 for a region and year.

    A county or Norway is the sum of its municipalities; `share` is the percentage of the
    region's whole population in that sex and age, `estimated` flags sums with estimated splits.
    NOTE: SSB's single-age table stops at "105 år eller eldre": age 105 means 105 and over.
    """
    rows = _year_rows(year)
    if region_code != LANDET:
        rows = rows[rows["region_code"].isin(region_members(region_code))]
    out = (
        rows.groupby(["sex", "age"], as_index=False)
        .agg(persons=("persons", "sum"), estimated=("estimated", "any"))
        .sort_values(["sex", "age"])
        .reset_index(drop=True)
    )
    out["persons"] = out["persons"].astype("int64")
    out["share"] = 100 * out["persons"] / out["persons"].sum()
    return out


def share_aged(frame: pd.DataFrame, from_age: int) -> float:
    """Percentage of a pyramid's population aged `from_age` or over."""
    return float(frame.loc[frame["age"] >= from_age, "share"].sum())


def region_members(region_code: str) -> tuple[str, ...]:
    """Municipality codes that make up a region: itself, a county's, or all for Norway."""
    kommuner = data.frame("kommuner")
    if region_code == LANDET:
        return tuple(kommuner["kommune_code"])
    if len(region_code) == 2:
        return tuple(kommuner.loc[kommuner["county_code"] == region_code, "kommune_code"])
    return (region_code,)
