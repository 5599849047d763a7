"""Context series: TBU's sector-wide result and norm, and the spending-needs index."""

from __future__ import annotations

import pandas as pd

from loaders.snapshot.base import Built, Seed
from loaders.store import Source

TBU = "ssb/kostra/tbu_kommunesektoren_netto_driftsresultat_1990_2020_transcribed.csv"
UTGIFTSBEHOV = "ssb/kostra/utgiftsbehov_indeks_2025_2026.csv"

SOURCE_TBU = Source(
    title="Netto driftsresultat og TBU-norm for hele kommunesektoren (kommuner og fylkeskommuner)",
    publisher="Det tekniske beregningsutvalget for kommune- og fylkeskommunal økonomi (TBU)",
    licence="Kilde: TBU-rapporter (regjeringen.no)",
    file=TBU,
    origin="avskrevet fra TBU-rapportenes tabeller",
    period="1990–2020",
    reference_date="2020-12-31",
    caveat="Gjelder hele kommunesektoren, ikke bare kommunene som i KOSTRA 12134.",
)
SOURCE_UTGIFTSBEHOV = Source(
    title="Indeks for berekna utgiftsbehov (Grønt hefte, tabell A-k)",
    publisher="Kommunal- og distriktsdepartementet",
    licence="Kilde: Kommunal- og distriktsdepartementet, Grønt hefte",
    file=UTGIFTSBEHOV,
    origin="tredjeparts uttrekk, ikke kontrollert mot Grønt hefte",
    period="inntektsårene 2025–2026",
    reference_date="2026-01-01",
    caveat="Tredjeparts uttrekk; ikke kontrollert mot Grønt hefte.",
)


def build_tbu(seed: Seed) -> Built:
    """TBU's sector-wide netto driftsresultat, its norm and disposisjonsfond, 1990–2020."""
    raw = pd.read_csv(seed.path(TBU))
    frame = pd.DataFrame(
        {
            "year": raw["aar"].astype(int),
            "netto_driftsresultat_pct": raw["ndr_pct_sheet028"].astype(float),
            "tbu_norm_pct": raw["tbu_norm_sheet028"].astype(float),
            "disposisjonsfond_pct": raw["disposisjonsfond_pct_sheet028"].astype(float),
        }
    )
    return Built("tbu_kommunesektoren", [SOURCE_TBU], frame=frame)


def build_utgiftsbehov(seed: Seed) -> Built:
    """Each municipality's calculated spending need relative to the national average (=1)."""
    raw = pd.read_csv(seed.path(UTGIFTSBEHOV), dtype={"kommunenummer": str, "note": str})
    frame = pd.DataFrame(
        {
            "kommune_code": raw["kommunenummer"].str.zfill(4),
            "year": raw["inntektsaar"].astype(int),
            "indeks": raw["indeks_berekna_utgiftsbehov"].astype(float),
            "note": raw["note"].where(raw["note"].notna() & (raw["note"] != ""), None),
        }
    )
    return Built("utgiftsbehov", [SOURCE_UTGIFTSBEHOV], frame=frame)
