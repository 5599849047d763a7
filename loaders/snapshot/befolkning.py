"""Population 1 January by municipality, sex and single age (SSB 07459), plus standard groups."""

from __future__ import annotations

import pandas as pd

from kommuneokonomi.datasets import LANDET, LICENCE_SSB
from loaders.snapshot.base import Built, Seed
from loaders.store import Source

SINGLE_AGE = "ssb/population/07459_population_single_age_sex_kommune_2005_2026.csv.gz"
AGE_GROUPS = "ssb/population/07459_population_agegroups_kommune_2005_2026.csv"
REDISTRICTING = "ssb/klass/redistricting_to_2024_codes.csv"

SOURCE = Source(
    title="Folkemengde 1. januar, etter region, kjønn, alder og år",
    publisher="Statistisk sentralbyrå",
    licence=LICENCE_SSB,
    table_id="07459",
    file=SINGLE_AGE,
    url="https://www.ssb.no/statbank/table/07459",
    origin="niphr/csdata@59345122",
    period="1. januar 2005–2026",
    reference_date="2026-01-01",
    caveat=(
        "Regnet om til 2024-kommuner. Før 2024 er 1508 Ålesund og 1580 Haram en 50/50-deling "
        "av gamle 1507; før 2020 er 1806/1875 og 5055/5056/5059 vektede delinger. "
        "Disse kommune-årene er anslag, ikke SSB-tall, og er merket som anslag."
    ),
)
SOURCE_REDISTRICTING = Source(
    title="Omregning av gamle kommunenummer til 2024-inndelingen, med vekter",
    publisher="Statistisk sentralbyrå (KLASS 131), bearbeidet av niphr/csdata",
    licence=LICENCE_SSB,
    table_id="KLASS 131",
    file=REDISTRICTING,
    origin="niphr/csdata@59345122",
)

SEX_CODES = {"male": "1", "female": "2"}  # SSB's Kjonn codes

# Standard groups used throughout the app; bounds are inclusive, None = open-ended.
AGE_GROUP_BOUNDS = {
    "0-19": (0, 19),
    "20-66": (20, 66),
    "67-79": (67, 79),
    "80+": (80, None),
    "67+": (67, None),
    "total": (0, None),
}


def estimated_kommune_years(seed: Seed) -> pd.DataFrame:
    """(kommune_code, year) pairs whose population is an estimated split of an old municipality."""
    redistricting = pd.read_csv(seed.path(REDISTRICTING))
    split = redistricting[redistricting["weighting"] < 1]
    return pd.DataFrame(
        {
            "region_code": split["location_code_current"].str.removeprefix("municip_nor"),
            "year": split["calyear"].astype(int),
        }
    ).drop_duplicates()


def build_befolkning(seed: Seed) -> Built:
    """Persons by municipality, year, sex and age 0–105, with estimated splits flagged."""
    raw = pd.read_csv(
        seed.path(SINGLE_AGE),
        dtype={"kommunenummer": str, "sex": str},
        engine="pyarrow",
    )
    by_sex = raw[raw["sex"] != "total"]
    unknown_sex = set(by_sex["sex"]) - set(SEX_CODES)
    if unknown_sex:
        raise ValueError(f"{SINGLE_AGE}: unknown sex values {sorted(unknown_sex)}")
    frame = pd.DataFrame(
        {
            "region_code": by_sex["kommunenummer"].str.zfill(4),
            "year": by_sex["calyear"].astype("int16"),
            "sex": by_sex["sex"].map(SEX_CODES),
            "age": by_sex["age"].astype("int16"),
            "persons": by_sex["pop_jan1_n"].astype("int32"),
        }
    )
    estimated = estimated_kommune_years(seed).assign(estimated=True)
    frame = frame.merge(estimated, on=["region_code", "year"], how="left")
    frame["estimated"] = frame["estimated"].fillna(False).astype(bool)
    _check_sex_totals(raw, frame)
    _check_against_group_file(seed, frame)
    return Built("befolkning", [SOURCE, SOURCE_REDISTRICTING], frame=frame)


def _check_sex_totals(raw: pd.DataFrame, frame: pd.DataFrame) -> None:
    """Men + women must equal the file's own total exactly, except in estimated splits.

    NOTE: the estimated splits were rounded cell by cell, so there (and only there) the sum
    of the sexes may differ from the split total by one person.
    """
    totals = raw[raw["sex"] == "total"]
    expected = pd.Series(
        totals["pop_jan1_n"].to_numpy(),
        index=pd.MultiIndex.from_arrays(
            [totals["kommunenummer"].str.zfill(4), totals["calyear"], totals["age"]],
            names=["region_code", "year", "age"],
        ),
    )
    grouped = frame.groupby(["region_code", "year", "age"])
    diff = (grouped["persons"].sum() - expected.reindex(grouped["persons"].sum().index)).abs()
    estimated = grouped["estimated"].any()
    if diff.isna().any() or (diff[~estimated] > 0).any() or (diff[estimated] > 1).any():
        raise ValueError(f"{SINGLE_AGE}: men + women differ from the total outside rounding")


def _check_against_group_file(seed: Seed, frame: pd.DataFrame) -> None:
    """Refuse to build if the single-age file and the group file disagree on an SSB total."""
    groups = pd.read_csv(seed.path(AGE_GROUPS), dtype={"kommunenummer": str})
    expected = groups.set_index([groups["kommunenummer"].str.zfill(4), "calyear"])["total"]
    grouped = frame.groupby(["region_code", "year"])
    actual = grouped["persons"].sum()
    diff = actual.to_numpy() - expected.reindex(actual.index).to_numpy()
    official = ~grouped["estimated"].any().to_numpy()
    if pd.isna(diff).any() or (abs(diff[official]) > 0).any():
        raise ValueError(f"{SINGLE_AGE} and {AGE_GROUPS} disagree on municipality totals")


def age_group_sums(befolkning: pd.DataFrame) -> pd.DataFrame:
    """Persons per region, year and standard age group (sexes summed); `estimated` if any part is.

    Used by the snapshot and the live refresh, so both define the groups the same way.
    """
    parts = []
    for group, (low, high) in AGE_GROUP_BOUNDS.items():
        in_group = befolkning["age"] >= low
        if high is not None:
            in_group &= befolkning["age"] <= high
        part = (
            befolkning[in_group]
            .groupby(["region_code", "year"], as_index=False)
            .agg(persons=("persons", "sum"), estimated=("estimated", "any"))
        )
        parts.append(part.assign(age_group=group))
    frame = pd.concat(parts, ignore_index=True)
    frame["persons"] = frame["persons"].astype("int64")
    return frame


def build_grupper(befolkning: pd.DataFrame, kommuner: pd.DataFrame) -> Built:
    """Standard age groups for every municipality, county (sum) and Norway (sum).

    A county or national figure is flagged estimated when it includes an estimated
    municipality-year: the splits were rounded, so such sums can differ by a few persons
    from SSB's published totals.
    """
    county_of = kommuner.set_index("kommune_code")["county_code"]
    kommune = age_group_sums(befolkning).assign(region_level="kommune")
    county = (
        kommune.assign(region_code=kommune["region_code"].map(county_of))
        .groupby(["region_code", "year", "age_group"], as_index=False)
        .agg(persons=("persons", "sum"), estimated=("estimated", "any"))
        .assign(region_level="fylke")
    )
    landet = (
        kommune.groupby(["year", "age_group"], as_index=False)
        .agg(persons=("persons", "sum"), estimated=("estimated", "any"))
        .assign(region_code=LANDET, region_level="landet")
    )
    frame = pd.concat([kommune, county, landet], ignore_index=True)
    note = (
        "Fylkes- og landstall er summen av kommunene; år med anslåtte kommunedelinger "
        "er merket som anslag."
    )
    return Built("befolkning_grupper", [SOURCE, SOURCE_REDISTRICTING], frame=frame, notes=[note])
