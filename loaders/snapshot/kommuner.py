"""Municipalities valid today (KLASS 131) with their county, and the history of code changes."""

from __future__ import annotations

import json

import pandas as pd

from kommuneokonomi.datasets import LICENCE_KARTVERKET, LICENCE_SSB
from loaders.codes import kodeendringer_frame
from loaders.snapshot.base import Built, Seed
from loaders.store import Source

CODES_AT = "fixtures/ssb-api/klass_131_codesAt_2026-01-01_response.json"
CHANGES = "ssb/klass/131_kommune_changes_2011_2024.csv"
COUNTIES = "geo/fylker_2024.geojson"

SOURCE_CODES = Source(
    title="KLASS 131 Standard for kommuneinndeling, gyldige koder 1.1.2026",
    publisher="Statistisk sentralbyrå",
    licence=LICENCE_SSB,
    table_id="KLASS 131",
    file=CODES_AT,
    url="https://data.ssb.no/api/klass/v1/classifications/131/codesAt?date=2026-01-01",
    period="1. januar 2026",
    reference_date="2026-01-01",
)
SOURCE_COUNTIES = Source(
    title="Fylkesinndeling 2024 (fylkesnummer og -navn)",
    publisher="Kartverket",
    licence=LICENCE_KARTVERKET,
    file=COUNTIES,
    origin="robhop/fylker-og-kommuner@ae878250",
    period="2024",
    reference_date="2024-01-01",
)
SOURCE_CHANGES = Source(
    title="KLASS 131 endringer i kommuneinndelingen 2011–2024",
    publisher="Statistisk sentralbyrå",
    licence=LICENCE_SSB,
    table_id="KLASS 131",
    file=CHANGES,
    origin="Samarbeidsdesken/ssb-kommunenummer@657a5d1d",
    period="2011–2024",
    reference_date="2024-01-01",
)

UNKNOWN_CODE = "9999"  # KLASS lists "Uoppgitt" among valid codes; it is not a municipality.


def build_kommuner(seed: Seed) -> Built:
    """The 357 municipalities valid on 1 January 2026, with county code and county name."""
    codes = json.loads(seed.path(CODES_AT).read_text(encoding="utf-8"))["codes"]
    frame = pd.DataFrame(
        [(c["code"], c["name"]) for c in codes if c["code"] != UNKNOWN_CODE],
        columns=["kommune_code", "kommune_name"],
    )
    counties = json.loads(seed.path(COUNTIES).read_text(encoding="utf-8"))["features"]
    county_names = {
        f["properties"]["fylkesnummer"]: f["properties"]["fylkesnavn"] for f in counties
    }
    frame["county_code"] = frame["kommune_code"].str[:2]
    frame["county_name"] = frame["county_code"].map(county_names)
    unmatched = frame.loc[frame["county_name"].isna(), "kommune_code"].tolist()
    if unmatched:
        raise ValueError(f"municipalities with no county in {COUNTIES}: {unmatched}")
    return Built("kommuner", [SOURCE_CODES, SOURCE_COUNTIES], frame=frame)


def build_kodeendringer(seed: Seed) -> Built:
    """Every code change 2011–2024 (2020 reform, 2024 renumbering, 1507 → 1508/1580 split)."""
    raw = pd.read_csv(seed.path(CHANGES), dtype=str, keep_default_na=False)
    return Built("kodeendringer", [SOURCE_CHANGES], frame=kodeendringer_frame(raw))
