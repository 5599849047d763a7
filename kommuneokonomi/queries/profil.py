"""The facts behind a municipality profile, gathered once from the served datasets."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kommuneokonomi import data
from kommuneokonomi.datasets import KOSTRA_LANDET, LANDET
from kommuneokonomi.indicators import NETTO_DRIFTSRESULTAT
from kommuneokonomi.queries import befolkning, framskriving, kostra
from kommuneokonomi.queries.cache import cached
from kommuneokonomi.queries.kommuner import index

PROJECTION_YEAR = 2050
TEN_YEARS = 10


@dataclass(frozen=True)
class Ndr:
    """Netto driftsresultat for one year: the municipality, its group and Landet."""

    year: int
    value: float | None
    vintage: str | None
    published: str | None
    group_code: str | None
    group_year: int | None
    group_value: float | None
    landet_value: float | None
    series: pd.DataFrame


@dataclass(frozen=True)
class Demography:
    """Population now, its change, age shares and the support ratio now and projected."""

    year: int
    population: int
    change: int | None
    change_pct: float | None
    estimated: bool
    share_67: float
    share_80: float
    share_67_before: float | None
    before_year: int | None
    ratio: float
    ratio_projected: float | None
    projection_table: str | None
    landet_ratio_projected: float | None
    history: pd.DataFrame
    population_history: pd.DataFrame


@dataclass(frozen=True)
class Profile:
    """Everything the profile page states about one municipality."""

    kommune: str
    name: str
    county_name: str
    ndr: Ndr
    demography: Demography
    robek: bool | None
    robek_year: int | None


def _value(code: str, year: int) -> tuple[float | None, str | None, str | None]:
    row = kostra.value(NETTO_DRIFTSRESULTAT, code, year)
    if row is None or pd.isna(row["value"]):
        return None, None, None
    return float(row["value"]), row["vintage"], row["published"]


def ndr_facts(kommune: str, year: int | None = None) -> Ndr:
    """Netto driftsresultat facts for the municipality's newest year with a figure.

    Without a figure of its own, the newest year with any municipal figures is used so
    the group and Landet can still be shown.
    """
    own = kostra.series(NETTO_DRIFTSRESULTAT, (kommune,))
    own = own[own["value"].notna()]
    if year is None:
        year = int(own["year"].max()) if len(own) else max(kostra.years(NETTO_DRIFTSRESULTAT))
    value, vintage, published = _value(kommune, year)
    group = kostra.kostragruppe(kommune, year)
    group_value = _value(group[0], year)[0] if group else None
    return Ndr(
        year=year,
        value=value,
        vintage=vintage,
        published=published,
        group_code=group[0] if group else None,
        group_year=group[1] if group else None,
        group_value=group_value,
        landet_value=_value(KOSTRA_LANDET, year)[0],
        series=own[["year", "value", "vintage"]].reset_index(drop=True),
    )


def _projected_ratio(code: str) -> tuple[float | None, str | None]:
    for table_id in framskriving.tables_for(code):
        ratio = framskriving.support_ratio(code, table_id)
        hit = ratio[(ratio["alternative"] == "MMMM") & (ratio["year"] == PROJECTION_YEAR)]
        if len(hit) and pd.notna(hit["ratio"].iloc[0]):
            return float(hit["ratio"].iloc[0]), table_id
    return None, None


def demography_facts(kommune: str) -> Demography:
    """Population facts for the newest year, with the change since the year before."""
    totals = befolkning.totals(kommune)
    ratio = befolkning.support_ratio(kommune)
    last, prev = totals.iloc[-1], totals.iloc[-2] if len(totals) > 1 else None
    now = ratio.iloc[-1]
    before = ratio[ratio["year"] == int(now["year"]) - TEN_YEARS]
    projected, table_id = _projected_ratio(kommune)
    change = int(last["persons"] - prev["persons"]) if prev is not None else None
    return Demography(
        year=int(last["year"]),
        population=int(last["persons"]),
        change=change,
        change_pct=100 * change / prev["persons"] if prev is not None else None,
        estimated=bool(last["estimated"] or (prev is not None and prev["estimated"])),
        share_67=float(now["share_67"]),
        share_80=float(now["share_80"]),
        share_67_before=float(before["share_67"].iloc[0]) if len(before) else None,
        before_year=int(before["year"].iloc[0]) if len(before) else None,
        ratio=float(now["ratio"]),
        ratio_projected=projected,
        projection_table=table_id,
        landet_ratio_projected=_projected_ratio(LANDET)[0],
        history=ratio,
        population_history=totals,
    )


def _robek(kommune: str) -> tuple[bool | None, int | None]:
    kjennetegn = data.frame("kommune_kjennetegn")
    rows = kjennetegn[kjennetegn["kommune_code"] == kommune].sort_values("year")
    if rows.empty or pd.isna(rows["robek"].iloc[-1]):
        return None, None
    return bool(rows["robek"].iloc[-1]), int(rows["year"].iloc[-1])


@cached()
def profile(kommune: str) -> Profile:
    """The profile of one current municipality."""
    ix = index()
    robek, robek_year = _robek(kommune)
    return Profile(
        kommune=kommune,
        name=ix.name(kommune),
        county_name=ix.county(kommune)[1],
        ndr=ndr_facts(kommune),
        demography=demography_facts(kommune),
        robek=robek,
        robek_year=robek_year,
    )
