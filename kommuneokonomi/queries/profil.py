"""The facts behind a municipality profile, gathered once from the served datasets."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kommuneokonomi import data
from kommuneokonomi.datasets import KOSTRA_LANDET, LANDET
from kommuneokonomi.indicators import (
    NETTO_DRIFTSRESULTAT,
    NETTO_LANEGJELD,
    NETTO_LANEGJELD_PCT,
    PER_INNBYGGER,
    amount_code,
)
from kommuneokonomi.queries import befolkning, framskriving, kostra
from kommuneokonomi.queries.cache import cached
from kommuneokonomi.queries.driftsresultat import NormGap, norm_gap
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
    computed: bool
    group_code: str | None
    group_year: int | None
    group_value: float | None
    landet_value: float | None


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


@dataclass(frozen=True)
class Debt:
    """Netto lånegjeld in one year: kr per innbygger (SSB) and as a share of brutto
    driftsinntekter (computed), the municipality's rank (1 = highest debt per innbygger) and
    the same figures for its KOSTRA group and Landet."""

    year: int
    per_innbygger: float
    share: float | None
    rank: int
    count: int
    group_per_innbygger: float | None
    landet_per_innbygger: float | None
    landet_share: float | None
    vintage: str


@dataclass(frozen=True)
class Projection:
    """SSB's main alternative (MMMM) for the total population: base year and projected year."""

    table_id: str
    base_year: int
    base: int
    year: int
    persons: int
    with_groups: bool


@dataclass(frozen=True)
class Profile:
    """Everything the profile page states about one municipality."""

    kommune: str
    name: str
    county_name: str
    ndr: Ndr
    gap: NormGap | None
    debt: Debt | None
    demography: Demography
    projection: Projection | None
    robek: bool | None
    robek_year: int | None


def _value(code: str, year: int) -> tuple[float | None, str | None, str | None, bool]:
    row = kostra.value(NETTO_DRIFTSRESULTAT, code, year)
    if row is None or pd.isna(row["value"]):
        return None, None, None, False
    return float(row["value"]), row["vintage"], row["published"], bool(row["computed"])


def ndr_facts(kommune: str, year: int | None = None) -> Ndr:
    """Netto driftsresultat facts for the municipality's newest year with a figure.

    Without a figure of its own, the newest year with any municipal figures is used so
    the group and Landet can still be shown.
    """
    own = kostra.series(NETTO_DRIFTSRESULTAT, (kommune,))
    own = own[own["value"].notna()]
    if year is None:
        year = int(own["year"].max()) if len(own) else max(kostra.years(NETTO_DRIFTSRESULTAT))
    value, vintage, published, computed = _value(kommune, year)
    group = kostra.kostragruppe(kommune, year)
    group_value = _value(group[0], year)[0] if group else None
    return Ndr(
        year=year,
        value=value,
        vintage=vintage,
        published=published,
        computed=computed,
        group_code=group[0] if group else None,
        group_year=group[1] if group else None,
        group_value=group_value,
        landet_value=_value(KOSTRA_LANDET, year)[0],
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
    )


def _robek(kommune: str) -> tuple[bool | None, int | None]:
    kjennetegn = data.frame("kommune_kjennetegn")
    rows = kjennetegn[kjennetegn["kommune_code"] == kommune].sort_values("year")
    if rows.empty or pd.isna(rows["robek"].iloc[-1]):
        return None, None
    return bool(rows["robek"].iloc[-1]), int(rows["year"].iloc[-1])


DEBT_PER_INNBYGGER = amount_code(NETTO_LANEGJELD, PER_INNBYGGER)


def _debt_value(code: str, year: int) -> float | None:
    row = kostra.value(DEBT_PER_INNBYGGER, code, year)
    return None if row is None or pd.isna(row["value"]) else float(row["value"])


def debt_facts(kommune: str, year: int) -> Debt | None:
    """Netto lånegjeld for the municipality in `year` (or its newest earlier year), with its
    rank among the municipalities with a figure, and its group and Landet; None without one."""
    own = kostra.series(DEBT_PER_INNBYGGER, (kommune,))
    own = own[own["value"].notna() & (own["year"] <= year)]
    if own.empty:
        return None
    row = own.sort_values("year").iloc[-1]
    year = int(row["year"])
    ranked = kostra.kommune_values(DEBT_PER_INNBYGGER, year)
    ranked = ranked[ranked["value"].notna()]
    share = kostra.value(NETTO_LANEGJELD_PCT, kommune, year)
    landet_share = kostra.value(NETTO_LANEGJELD_PCT, KOSTRA_LANDET, year)
    group = kostra.kostragruppe(kommune, year)
    return Debt(
        year=year,
        per_innbygger=float(row["value"]),
        share=None if share is None else float(share["value"]),
        rank=int(ranked.loc[ranked["region_code"] == kommune, "rank"].iloc[0]),
        count=len(ranked),
        group_per_innbygger=_debt_value(group[0], year) if group else None,
        landet_per_innbygger=_debt_value(KOSTRA_LANDET, year),
        landet_share=None if landet_share is None else float(landet_share["value"]),
        vintage=str(row["vintage"]),
    )


def projection_facts(kommune: str) -> Projection | None:
    """The newest projection of the municipality's total population to PROJECTION_YEAR."""
    table_id = framskriving.newest_table(kommune)
    if table_id is None:
        return None
    totals = framskriving.series(kommune, table_id, "total")
    main = totals.set_index("year")[framskriving.MAIN].dropna()
    if PROJECTION_YEAR not in main.index:
        return None
    base_year = framskriving.base_year(kommune, table_id)
    return Projection(
        table_id=table_id,
        base_year=base_year,
        base=int(main[base_year]),
        year=PROJECTION_YEAR,
        persons=int(main[PROJECTION_YEAR]),
        with_groups=framskriving.has_groups(kommune, table_id),
    )


@cached()
def profile(kommune: str) -> Profile:
    """The profile of one current municipality."""
    ix = index()
    robek, robek_year = _robek(kommune)
    ndr = ndr_facts(kommune)
    return Profile(
        kommune=kommune,
        name=ix.name(kommune),
        county_name=ix.county(kommune)[1],
        ndr=ndr,
        gap=norm_gap(kommune, ndr.year) if ndr.value is not None else None,
        debt=debt_facts(kommune, ndr.year),
        demography=demography_facts(kommune),
        projection=projection_facts(kommune),
        robek=robek,
        robek_year=robek_year,
    )
