"""Population projections (SSB 14288 from 2024, 14746 from 2026).

By age group and alternative for Telemark's municipalities, Telemark and Norway; totals of
every county (three alternatives) and of every municipality (main alternative MMMM only).

NOTE: the Telemark and county files name regions instead of coding them; names are matched to
codes through the municipality list and the county boundaries, and an unmatched name fails
the build. The all-municipality file codes them (as integers: zero-padded here).
"""

from __future__ import annotations

import json

import pandas as pd

from kommuneokonomi.datasets import LANDET, LICENCE_SSB
from loaders.snapshot.base import Built, Seed
from loaders.snapshot.kommuner import COUNTIES
from loaders.store import Source

FILES = {
    "14288": "ssb/projections/14288_projection_2024_telemark_and_national.csv",
    "14746": "ssb/projections/14746_projection_2026_telemark_and_national.csv",
}
COUNTY_TOTALS = "ssb/projections/14288_projection_2024_fylke_totals.csv"
KOMMUNE_TOTALS = "ssb/projections/14288_projection_2024_kommune_totals_mmmm.csv"
BASE_YEAR_14288 = 2024  # the 2024 projection starts from the registered population 1.1.2024

ALTERNATIVES = {
    "Hovedalternativet (MMMM)": "MMMM",
    "Lav nasjonal vekst (LLML)": "LLML",
    "Høy nasjonal vekst (HHMH)": "HHMH",
}
AGE_GROUPS = {
    "0 år": "0",
    "1-5 år": "1-5",
    "6-12 år": "6-12",
    "13-15 år": "13-15",
    "16-19 år": "16-19",
    "20-44 år": "20-44",
    "45-66 år": "45-66",
    "67-79 år": "67-79",
    "80-89 år": "80-89",
    "90 år eller eldre": "90+",
}

SOURCES = [
    Source(
        title="Framskrevet folkemengde 1. januar (2024-framskrivingen)",
        publisher="Statistisk sentralbyrå",
        licence=LICENCE_SSB,
        table_id="14288",
        file=FILES["14288"],
        url="https://www.ssb.no/statbank/table/14288",
        origin="evensrii/Telemark@2f2c2110",
        period="2024–2050",
        reference_date="2024-01-01",
        caveat="Offline: bare Telemark-kommunene, Telemark og hele landet.",
    ),
    Source(
        title="Framskrevet folkemengde 1. januar (2026-framskrivingen)",
        publisher="Statistisk sentralbyrå",
        licence=LICENCE_SSB,
        table_id="14746",
        file=FILES["14746"],
        url="https://www.ssb.no/statbank/table/14746",
        origin="evensrii/Telemark@2f2c2110",
        period="2026–2050",
        reference_date="2026-01-01",
        caveat="Offline: bare Telemark-kommunene, Telemark og hele landet.",
    ),
    Source(
        title="Framskrevet folkemengde 1. januar, fylkestotaler (2024-framskrivingen)",
        publisher="Statistisk sentralbyrå",
        licence=LICENCE_SSB,
        table_id="14288",
        file=COUNTY_TOTALS,
        url="https://www.ssb.no/statbank/table/14288",
        origin="JohanWidding/SSB-regionale-befolkningsframskrivinger@5600ef3f",
        period="2024–2050",
    ),
    Source(
        title="Framskrevet folkemengde 1. januar, kommunetotaler, hovedalternativet (MMMM)",
        publisher="Statistisk sentralbyrå",
        licence=LICENCE_SSB,
        table_id="14288",
        file=KOMMUNE_TOTALS,
        url="https://www.ssb.no/statbank/table/14288",
        origin="NINAnor/arealbruksscenarier@2c89e661 (data-raw/fcKomPop.csv)",
        period="2024–2050",
        reference_date="2024-01-01",
        caveat="Alle 357 kommuner, bare totalt folketall og bare hovedalternativet (MMMM).",
    ),
]


def _region_codes(seed: Seed, kommuner: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """Map every region name used in the files to (code, level)."""
    # NOTE: the files name counties as SSB did in 2024 ("Nordland - Nordlánnda"), which is
    # also how the 2024 county boundaries name them.
    counties = json.loads(seed.path(COUNTIES).read_text(encoding="utf-8"))["features"]
    mapping = {"Hele landet": (LANDET, "landet")}
    for feature in counties:
        props = feature["properties"]
        mapping[props["fylkesnavn"]] = (props["fylkesnummer"], "fylke")
    for row in kommuner.itertuples():
        mapping.setdefault(row.kommune_name, (row.kommune_code, "kommune"))
    return mapping


def _coded(raw: pd.DataFrame, names: dict[str, tuple[str, str]], table_id: str) -> pd.DataFrame:
    unknown = sorted(set(raw["region"]) - set(names))
    if unknown:
        raise ValueError(f"projection {table_id}: region names without a code: {unknown}")
    bad_alt = set(raw["alternative"]) - set(ALTERNATIVES)
    if bad_alt:
        raise ValueError(f"projection {table_id}: unknown alternatives {sorted(bad_alt)}")
    return pd.DataFrame(
        {
            "table_id": table_id,
            "region_code": raw["region"].map(lambda n: names[n][0]),
            "region_level": raw["region"].map(lambda n: names[n][1]),
            "alternative": raw["alternative"].map(ALTERNATIVES),
            "year": raw["year"].astype(int),
            "age_group": raw["age_group"],
            "persons": raw["persons"].astype("int64"),
        }
    )


def build_framskriving(seed: Seed, kommuner: pd.DataFrame) -> Built:
    """Projected persons by region, alternative, year and SSB age group (county totals: 'total')."""
    names = _region_codes(seed, kommuner)
    frames = []
    for table_id, relative in FILES.items():
        raw = pd.read_csv(seed.path(relative), dtype={"år": int})
        unknown_ages = set(raw["alder"]) - set(AGE_GROUPS)
        if unknown_ages:
            raise ValueError(f"{relative}: unknown age groups {sorted(unknown_ages)}")
        raw = raw.rename(
            columns={"statistikkvariabel": "alternative", "år": "year", "value": "persons"}
        )
        raw["age_group"] = raw["alder"].map(AGE_GROUPS)
        frames.append(_coded(raw, names, table_id))
    totals = pd.read_csv(seed.path(COUNTY_TOTALS)).rename(
        columns={
            "fylke": "region",
            "alternativ": "alternative",
            "aar": "year",
            "personer": "persons",
        }
    )
    totals["age_group"] = "total"
    county_totals = _coded(totals, names, "14288")
    frame = pd.concat(frames, ignore_index=True)
    _check_totals(frame, county_totals)
    kommune_totals = _kommune_totals(seed, kommuner)
    _check_totals(frame, kommune_totals)
    # Municipalities with age groups in 14288 (Telemark) keep those; the others get the total.
    with_groups = set(frame.loc[frame["table_id"] == "14288", "region_code"])
    kommune_totals = kommune_totals[~kommune_totals["region_code"].isin(with_groups)]
    frame = pd.concat([frame, county_totals, kommune_totals], ignore_index=True)
    return Built("framskriving", SOURCES, frame=frame)


def _kommune_totals(seed: Seed, kommuner: pd.DataFrame) -> pd.DataFrame:
    """Every municipality's projected total (MMMM), base year 2024 to 2050, long form."""
    raw = pd.read_csv(seed.path(KOMMUNE_TOTALS))
    codes = raw["kommunenummer"].astype(int).astype(str).str.zfill(4)
    unknown = sorted(set(codes) - set(kommuner["kommune_code"]))
    if unknown:
        raise ValueError(f"{KOMMUNE_TOTALS}: municipality codes not in use: {unknown}")
    # NOTE: columns pop2011…pop2024 are registered population; from 2025 on, the projection.
    years = range(BASE_YEAR_14288, 2051)
    wide = raw[[f"pop{y}" for y in years]].set_axis(list(years), axis=1).assign(region_code=codes)
    long = wide.melt(id_vars="region_code", var_name="year", value_name="persons")
    return pd.DataFrame(
        {
            "table_id": "14288",
            "region_code": long["region_code"],
            "region_level": "kommune",
            "alternative": "MMMM",
            "year": long["year"].astype(int),
            "age_group": "total",
            "persons": long["persons"].astype("int64"),
        }
    )


def _check_totals(by_age: pd.DataFrame, totals: pd.DataFrame) -> None:
    """Where a region has both age groups and a total (Telemark), they must agree exactly."""
    keys = ["table_id", "region_code", "alternative", "year"]
    summed = by_age.groupby(keys)["persons"].sum()
    both = totals.set_index(keys)["persons"].to_frame("total").join(summed, how="inner")
    bad = both[both["total"] != both["persons"]]
    if not bad.empty:
        raise ValueError(f"projection totals disagree with age groups: {bad.head(3)}")
