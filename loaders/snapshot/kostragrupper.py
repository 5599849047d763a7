"""KOSTRA groups: membership per municipality and year, group descriptions, centrality, ROBEK."""

from __future__ import annotations

import openpyxl
import pandas as pd

from kommuneokonomi.datasets import LICENCE_SSB
from loaders.snapshot.base import Built, Seed
from loaders.store import Source

GROUPS = "ssb/kostra/kostragrupper_sentralitet_robek_2022_2024.csv"
DESCRIPTIONS = "ssb/kostra/kostragrupper_beskrivelse.xlsx"

SOURCE_GROUPS = Source(
    title="KOSTRA-grupper (KLASS 112), sentralitet og ROBEK-status per kommune",
    publisher="Statistisk sentralbyrå / Kommunal- og distriktsdepartementet (ROBEK)",
    licence=LICENCE_SSB,
    table_id="KLASS 112",
    file=GROUPS,
    origin="Samarbeidsdesken/p02-ukraina@fc298da7",
    period="2022–2024",
    reference_date="2024-01-01",
)
SOURCE_DESCRIPTIONS = Source(
    title="Beskrivelse av KOSTRA-gruppene (2020-inndelingen)",
    publisher="Statistisk sentralbyrå",
    licence=LICENCE_SSB,
    table_id="KLASS 112",
    file=DESCRIPTIONS,
    origin="Samarbeidsdesken/p02-ukraina@fc298da7",
    period="2020-inndelingen",
    reference_date="2020-01-01",
)


def _read_groups(seed: Seed) -> pd.DataFrame:
    return pd.read_csv(seed.path(GROUPS), dtype=str, keep_default_na=False)


def build_medlemskap(seed: Seed) -> Built:
    """Which KOSTRA group each municipality belonged to, per year."""
    raw = _read_groups(seed)
    frame = pd.DataFrame(
        {
            "kommune_code": raw["Kommunenummer"].str.zfill(4),
            "year": raw["År"].astype(int),
            "kostragruppe_code": raw["kostranr"],
            "kostragruppe_name": raw["kostranavn"],
        }
    )
    return Built("kostragruppe_medlemskap", [SOURCE_GROUPS], frame=frame)


ROBEK = {"robek": True, "ikke robek": False}


def build_kjennetegn(seed: Seed) -> Built:
    """Centrality class (1 most central … 6 least) and ROBEK registration, per year."""
    raw = _read_groups(seed)
    unknown = set(raw["robek"]) - set(ROBEK)
    if unknown:
        raise ValueError(f"{GROUPS}: unknown ROBEK values {sorted(unknown)}")
    frame = pd.DataFrame(
        {
            "kommune_code": raw["Kommunenummer"].str.zfill(4),
            "year": raw["År"].astype(int),
            "sentralitet": raw["sentralitet"].replace("", None),
            "robek": raw["robek"].map(ROBEK),
        }
    )
    return Built("kommune_kjennetegn", [SOURCE_GROUPS], frame=frame)


def build_beskrivelse(seed: Seed) -> Built:
    """What defines each of the 17 KOSTRA groups: size, bound costs, free disposable income."""
    sheet = openpyxl.load_workbook(seed.path(DESCRIPTIONS), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], [r for r in rows[1:] if r and r[0]]
    raw = pd.DataFrame(body, columns=header)
    number = raw["kostragruppe"].str.extract(r"(\d+)$", expand=False).astype(int)
    frame = pd.DataFrame(
        {
            "kostragruppe_code": "EKG" + number.map("{:02d}".format),
            "kostragruppe_name": raw["kostragruppe"],
            "folkemengde": raw["folkemengde"],
            "bundne_kostnader": raw["bundekostnader"],
            "frie_disponible_inntekter": raw["frie_disponible_inntekter"],
            "antall_kommuner": raw["antall_kommuner"].astype("Int16"),
        }
    )
    return Built("kostragrupper", [SOURCE_DESCRIPTIONS], frame=frame)
