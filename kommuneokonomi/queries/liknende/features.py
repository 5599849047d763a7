"""The structural figures municipalities are compared on, one row per municipality.

Every figure comes from a served dataset through the data layer and keeps its source (table
id, year, vintage) so the UI can say where it came from. Nothing is filled in: a figure a
municipality lacks stays NaN, with the reason in `FeatureTable.missing`. Outcome figures
(netto driftsresultat, debt) are deliberately not here: they are what users compare, not
what decides whom to compare with.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from kommuneokonomi import data
from kommuneokonomi.indicators import (
    AMOUNT_TABLE,
    BRUTTO_DRIFTSINNTEKTER,
    PER_INNBYGGER,
    amount_code,
)
from kommuneokonomi.queries import framskriving, kostra
from kommuneokonomi.queries.liknende.areal import kommune_areas

GROWTH_YEARS = 10  # registered growth over the last ten years
PROJECTION_HORIZON = 2050
REVENUE = amount_code(BRUTTO_DRIFTSINNTEKTER, PER_INNBYGGER)

# Why a municipality lacks a figure (FeatureTable.missing.reason).
ESTIMATED_BASE = "estimated_base"  # the start year is a split estimate, not an SSB figure
NOT_IN_SOURCE = "not_in_source"  # the dataset has no row for the municipality
NO_VALUE = "no_value"  # the dataset has a row, but without a value
FEATURE_ABSENT = "feature_absent"  # the served data has no such figure at all


@dataclass(frozen=True)
class Feature:
    """A figure to compare on: code, unit, whether it is compared as a ratio (log scale),
    and `inverted` where a higher value means less of what the name says (sentralitet:
    class 1 is the most central)."""

    code: str
    unit: str
    log: bool = False
    inverted: bool = False


FEATURES: tuple[Feature, ...] = (
    Feature("folketall", "personer", log=True),
    Feature("vekst_10ar", "prosent"),
    Feature("vekst_2050", "prosent"),
    Feature("andel_0_19", "prosent"),
    Feature("andel_67", "prosent"),
    Feature("andel_80", "prosent"),
    Feature("sentralitet", "klasse", inverted=True),
    Feature("tetthet", "personer per km²", log=True),
    Feature("driftsinntekter", "kr per innbygger", log=True),
    Feature("utgiftsbehov", "indeks", log=True),
)
FEATURE_CODES: tuple[str, ...] = tuple(f.code for f in FEATURES)


@dataclass(frozen=True)
class FeatureSource:
    """Where one figure comes from: datasets (for `data.provenance`), table id, reference
    year, period ('1.1.2026', '2024–2050, MMMM'; for utgiftsbehov the income year), release
    vintage, the formula where the app computes it (symbols only, P = population, so the UI
    can word it in either language) and whether the source is a third-party extraction."""

    feature: str
    datasets: tuple[str, ...]
    table_id: str
    year: int | None
    period: str | None
    vintage: str | None = None
    basis: str | None = None
    third_party: bool = False


@dataclass(frozen=True)
class FeatureTable:
    """Figures per municipality (index kommune_code, one column per feature, natural units,
    NaN where missing), their sources, and why each missing figure is missing."""

    values: pd.DataFrame
    sources: dict[str, FeatureSource]
    missing: pd.DataFrame


@dataclass(frozen=True)
class _Built:
    values: dict[str, pd.Series]
    sources: list[FeatureSource]
    missing: list[tuple[str, str, str]]


def _missing_rows(
    codes: pd.Index, values: pd.Series, feature: str, reasons: dict[str, str], default: str
) -> list[tuple[str, str, str]]:
    """(kommune, feature, reason) for every code without a value."""
    lacking = values.reindex(codes)
    return [(c, feature, reasons.get(c, default)) for c in codes[lacking.isna().to_numpy()]]


def _population(codes: pd.Index) -> _Built:
    """Size, growth over ten years and age shares from 07459, newest 1 January."""
    groups = data.frame("befolkning_grupper")
    rows = groups[groups["region_level"] == "kommune"]
    year = int(rows["year"].max())
    start = year - GROWTH_YEARS
    wide = rows[rows["year"].isin([start, year])].pivot_table(
        index="region_code", columns=["year", "age_group"], values="persons", aggfunc="sum"
    )
    estimated = rows[rows["estimated"]].groupby("year")["region_code"].unique()
    now = wide[year].reindex(codes)
    # NOTE: before 2024 (1508/1580) and 2020 (1806/1875, 5055/5056/5059) the population file
    # splits old municipalities by weights: those years are estimates, so no growth from them.
    split = set(estimated.get(start, ())) | set(estimated.get(year, ()))
    total_start = wide[start]["total"].reindex(codes).where(~codes.isin(split))
    growth = 100 * (now["total"] / total_start - 1)
    table_id = data.provenance("befolkning_grupper").table_ids[0]
    point = f"1.1.{year}"

    def source(feature: str, period: str, basis: str | None = None) -> FeatureSource:
        return FeatureSource(feature, ("befolkning_grupper",), table_id, year, period, None, basis)

    values = {
        "folketall": now["total"].astype(float),
        "vekst_10ar": growth,
        "andel_0_19": 100 * now["0-19"] / now["total"],
        "andel_67": 100 * now["67+"] / now["total"],
        "andel_80": 100 * now["80+"] / now["total"],
    }
    sources = [
        source("folketall", point),
        source("vekst_10ar", f"1.1.{start}–1.1.{year}", f"100 × (P{year} / P{start} − 1)"),
        source("andel_0_19", point, "100 × P(0–19) / P"),
        source("andel_67", point, "100 × P(67+) / P"),
        source("andel_80", point, "100 × P(80+) / P"),
    ]
    missing = [
        row
        for feature, series in values.items()
        for row in _missing_rows(
            codes, series, feature, dict.fromkeys(split, ESTIMATED_BASE), NOT_IN_SOURCE
        )
    ]
    return _Built(values, sources, missing)


def _projection(codes: pd.Index) -> _Built:
    """Projected growth to 2050 in SSB's main alternative (MMMM), from the base year of the
    projection table that covers every municipality (offline 14288, base year 2024: the
    registered population), via `framskriving.growth`."""
    rows = framskriving.growth(PROJECTION_HORIZON)
    if rows.empty:
        return _absent(codes, "vekst_2050", "framskriving", "")
    base, table_id = int(rows["base_year"].iloc[0]), str(rows["table_id"].iloc[0])
    growth = rows.set_index("region_code")["growth_pct"].astype(float)
    source = FeatureSource(
        "vekst_2050",
        ("framskriving",),
        table_id,
        PROJECTION_HORIZON,
        f"{base}–{PROJECTION_HORIZON}, {framskriving.MAIN}",
        None,
        f"100 × (P{PROJECTION_HORIZON} / P{base} − 1)",
    )
    return _Built(
        {"vekst_2050": growth},
        [source],
        _missing_rows(codes, growth, "vekst_2050", {}, NOT_IN_SOURCE),
    )


def _absent(codes: pd.Index, feature: str, dataset: str, table_id: str) -> _Built:
    """A figure the served data does not hold at all: missing for everyone, no year."""
    values = pd.Series(np.nan, index=codes)
    return _Built(
        {feature: values},
        [FeatureSource(feature, (dataset,), table_id, None, None)],
        _missing_rows(codes, values, feature, {}, FEATURE_ABSENT),
    )


def _sentralitet(codes: pd.Index) -> _Built:
    """SSB's centrality class (1 most central … 6 least), newest year."""
    rows = data.frame("kommune_kjennetegn")
    year = int(rows["year"].max())
    newest = rows[rows["year"] == year].set_index("kommune_code")["sentralitet"]
    values = pd.to_numeric(newest, errors="raise").astype(float)
    source = FeatureSource(
        "sentralitet",
        ("kommune_kjennetegn",),
        data.provenance("kommune_kjennetegn").table_ids[0],
        year,
        str(year),
    )
    reasons = dict.fromkeys(newest.index[newest.isna()], NO_VALUE)
    return _Built(
        {"sentralitet": values},
        [source],
        _missing_rows(codes, values, "sentralitet", reasons, NOT_IN_SOURCE),
    )


def _tetthet(codes: pd.Index, folketall: pd.Series, people: FeatureSource) -> _Built:
    """Inhabitants per km² of the municipality's boundary polygon (land and fresh water)."""
    areas = pd.Series(kommune_areas(data.geojson("kommunegrenser")), dtype=float)
    values = folketall / areas.reindex(codes)
    source = FeatureSource(
        "tetthet",
        ("befolkning_grupper", "kommunegrenser"),
        people.table_id,
        people.year,
        people.period,
        None,
        f"P {people.period} ({people.table_id}) / km² (kommunegrenser, Kartverket 2024)",
    )
    return _Built(
        {"tetthet": values}, [source], _missing_rows(codes, values, "tetthet", {}, NOT_IN_SOURCE)
    )


def _driftsinntekter(codes: pd.Index) -> _Built:
    """Brutto driftsinntekter per innbygger (kommunekonsern, SSB 12137), newest year."""
    rows = kostra.indicator(REVENUE)
    rows = rows[(rows["region_level"] == "kommune") & rows["value"].notna()]
    if rows.empty:
        return _absent(codes, "driftsinntekter", "kostra", AMOUNT_TABLE)
    year = int(rows["year"].max())
    newest = rows[rows["year"] == year].set_index("region_code")
    source = FeatureSource(
        "driftsinntekter",
        ("kostra",),
        ", ".join(sorted(newest["table_id"].unique())),
        year,
        str(year),
        ", ".join(sorted(newest["vintage"].unique())),
    )
    values = newest["value"].astype(float)
    return _Built(
        {"driftsinntekter": values},
        [source],
        _missing_rows(codes, values, "driftsinntekter", {}, NOT_IN_SOURCE),
    )


def _utgiftsbehov(codes: pd.Index) -> _Built:
    """The index of calculated spending needs (Grønt hefte table A-k), newest income year.

    NOTE: a third-party extraction, not checked against the Grønt hefte; it lacks 1151 Utsira
    and 4629 Modalen, and holds 3222 Lørenskog without a value.
    """
    rows = data.frame("utgiftsbehov")
    year = int(rows["year"].max())
    newest = rows[rows["year"] == year].set_index("kommune_code")
    values = newest["indeks"].astype(float)
    source = FeatureSource(
        "utgiftsbehov",
        ("utgiftsbehov",),
        "Grønt hefte, tabell A-k",
        year,
        str(year),
        third_party=True,
    )
    reasons = dict.fromkeys(newest.index[newest["indeks"].isna()], NO_VALUE)
    return _Built(
        {"utgiftsbehov": values},
        [source],
        _missing_rows(codes, values, "utgiftsbehov", reasons, NOT_IN_SOURCE),
    )


def build() -> FeatureTable:
    """Every feature for every current municipality, from the served datasets."""
    codes = pd.Index(
        sorted(data.frame("kommuner")["kommune_code"]), dtype=object, name="kommune_code"
    )
    population = _population(codes)
    people = next(s for s in population.sources if s.feature == "folketall")
    built = [
        population,
        _projection(codes),
        _sentralitet(codes),
        _tetthet(codes, population.values["folketall"], people),
        _driftsinntekter(codes),
        _utgiftsbehov(codes),
    ]
    values = {code: s.reindex(codes) for b in built for code, s in b.values.items()}
    frame = pd.DataFrame({code: values[code].astype(float) for code in FEATURE_CODES}, index=codes)
    sources = {s.feature: s for b in built for s in b.sources}
    missing = pd.DataFrame(
        [row for b in built for row in b.missing], columns=["kommune_code", "feature", "reason"]
    )
    return FeatureTable(frame, sources, missing)
