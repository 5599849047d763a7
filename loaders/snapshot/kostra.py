"""KOSTRA key financial figures (SSB 12134) from the offline files, one row per region-figure-year.

The offline files cover few municipalities (43 in Vestland for 2025, Lørenskog and its
neighbours 2024–2025, Oslo 2015–2025, Bergen 2023–2025) plus Landet, Landet uten Oslo and
some KOSTRA groups. Where several files give the same figure, the most recent publication
wins; a disagreement is recorded in the manifest, never averaged away.
"""

from __future__ import annotations

import re
from dataclasses import replace

import openpyxl
import pandas as pd

from kommuneokonomi.datasets import KOSTRA_LANDET, KOSTRA_LANDET_UTEN_OSLO, LICENCE_SSB
from kommuneokonomi.indicators import INDICATORS, NETTO_DRIFTSRESULTAT
from loaders.snapshot.base import Built, Seed
from loaders.store import Source

WORKBOOK = "ssb/kostra/12134_lorenskog_naboer_2020_2025.xlsx"
VESTLAND = "ssb/kostra/12134_netto_driftsresultat_vestland_2025.csv"
OSLO_2015_2018 = "ssb/kostra/12134_oslo_landet_2015_2018_transcribed.csv"
SINGLE_VALUES = "ssb/kostra/netto_driftsresultat_single_values_transcribed.csv"

PRELIMINARY_2025 = "2026-03-16"  # SSB published preliminary KOSTRA 2025 on 16 March 2026

_BASE = Source(
    title="Utvalgte nøkkeltall for kommuneregnskap, kommunekonsern",
    publisher="Statistisk sentralbyrå",
    licence=LICENCE_SSB,
    table_id="12134",
    url="https://www.ssb.no/statbank/table/12134",
)
SOURCE_WORKBOOK = replace(
    _BASE,
    file=WORKBOOK,
    origin="vegard1104/kommunebarometer@3aa9c7d2",
    published=PRELIMINARY_2025,
    fetched="2026-04-24",
    period="2020–2025 (2025 foreløpig)",
    caveat="SSBs nøkkeltall for Lørenskog, nabokommuner, Oslo, Landet og KOSTRA-gruppe 8.",
)
SOURCE_VESTLAND = replace(
    _BASE,
    file=VESTLAND,
    origin="sondreolsen/kommunedata@497bcbb9",
    published=PRELIMINARY_2025,
    period="2025 (foreløpig)",
    caveat="Netto driftsresultat for 43 kommuner i Vestland; 3 mangler i kilden.",
)
SOURCE_OSLO = replace(
    _BASE,
    file=OSLO_2015_2018,
    origin="SSB Kommunefakta, avskrevet",
    published="2019-06",
    period="2015–2018",
    caveat="Avskrevet fra SSB Kommunefakta (juni 2019). KOSTRA-gruppe 15 er 2019-inndelingen.",
)
SOURCE_SINGLE = replace(
    _BASE,
    file=SINGLE_VALUES,
    origin="enkeltverdier sitert fra SSB (kilde per rad)",
    period="2018–2025",
    caveat="Enkeltverdier sitert fra SSB; bare rader med entydig region er tatt med.",
)

# Labels as the offline files print them, mapped to SSB's ContentsCodes.
LABEL_CODES = {
    "netto driftsresultat i % av brutto driftsinntekter": NETTO_DRIFTSRESULTAT,
    "netto driftsresultat i prosent av brutto driftsinntekter": NETTO_DRIFTSRESULTAT,
    "årets merforbruk i % av brutto driftsinntekter": "KOSAGD290000",
    "årets mindre/merforbruk i driftsregnskapet i prosent av brutto driftsinntekter": (
        "KOSAGD290000"
    ),
    "arbeidskapital (ekskl. premieavvik) i % av br. driftsinnt.": "KOSKG280000",
    "arbeidskapital ex. premieavvik i prosent av brutto driftsinntekter": "KOSKG280000",
    "netto renteeksponering i % av br. driftsinnt.": "KOSKG400000",
    "netto renteeksponering i prosent av brutto driftsinntekter": "KOSKG400000",
    "langsiktig gjeld (ekskl. pensjonsforpl.) i % av br. driftsinnt.": "KOSKG320000",
    "langsiktig gjeld ex pensjonsforpliktelser i prosent av brutto driftsinntekter": (
        "KOSKG320000"
    ),
    "frie inntekter per innbygger": "KOSAG110000",
    "fri egenkapital drift i % av br. driftsinnt.": "KOSKG210000",
    "fri egenkapital drift i prosent av brutto driftsinntekter": "KOSKG210000",
    "brutto investeringsutgifter i % av br. driftsinnt.": "KOSAGI10000",
    "brutto investeringsutgifter i prosent av brutto driftsinntekter": "KOSAGI10000",
    "egenfinansiering av investeringene i % av tot. br. invest.": "KOSAGI210000",
}

# Region names in the workbook, mapped to 12134's region codes.
WORKBOOK_REGIONS = {
    "Lørenskog": "3222",
    "Lillestrøm": "3205",
    "Enebakk": "3220",
    "Rælingen": "3224",
    "Oslo": "0301",
    "Landet": KOSTRA_LANDET,
    "Landet u/Oslo": KOSTRA_LANDET_UTEN_OSLO,
    "Kostragr. 8": "EKG08",
}

# Single transcribed values: only rows whose region is unambiguous are used.
# Left out: EAFK (county authorities, not municipalities), "samlet" and "EAK?" (scope
# unclear), Oslo's own unaudited group accounts (not SSB), and a newspaper's county average.
SINGLE_VALUE_REGIONS = {
    "EAK-kommuner": KOSTRA_LANDET,
    "EAKUO": KOSTRA_LANDET_UTEN_OSLO,
    "4601": "4601",
    "EKG12": "EKG12",
}

COLUMNS = [
    "region_code",
    "indicator_code",
    "year",
    "value",
    "status",
    "vintage",
    "published",
    "source",
]


def indicator_code(label: str) -> str:
    """SSB ContentsCode for a label as printed in the offline files (unit suffix ignored)."""
    key = re.sub(r"\s*\((%|kr)\)\s*$", "", label.strip()).replace("\xad", "").lower()
    key = re.sub(r"\s+", " ", key)
    if key not in LABEL_CODES:
        raise ValueError(f"no 12134 ContentsCode known for label {label!r}")
    return LABEL_CODES[key]


def _from_workbook(seed: Seed) -> pd.DataFrame:
    """Read the 'Økonomi' sheet: blocks of (label row, header row, one row per year)."""
    sheet = openpyxl.load_workbook(seed.path(WORKBOOK), read_only=True)["Økonomi"]
    rows, code, header = [], None, None
    for cells in sheet.iter_rows(values_only=True):
        first = cells[0]
        if first is None:
            continue
        if isinstance(first, str) and first.startswith("År \\"):
            header = cells
        elif isinstance(first, str) and re.fullmatch(r"\d{4}", first) and code and header:
            for region, value in zip(header[1:], cells[1:], strict=True):
                # NOTE: an empty cell is not a figure: Lørenskog had other codes before 2024,
                # and SSB withheld Landet uten Oslo on 16 March 2026.
                if region and value is not None:
                    rows.append((WORKBOOK_REGIONS[region], code, int(first), float(value)))
        elif isinstance(first, str) and "(" in first and not first.startswith(("Kilde", "Øko")):
            code, header = indicator_code(first), None
    frame = pd.DataFrame(rows, columns=["region_code", "indicator_code", "year", "value"])
    preliminary = frame["year"] == 2025
    return frame.assign(
        status=None,
        vintage=preliminary.map({True: "preliminary", False: "final"}),
        published=PRELIMINARY_2025,
        source=WORKBOOK,
    )


def _from_vestland(seed: Seed) -> pd.DataFrame:
    raw = pd.read_csv(seed.path(VESTLAND), dtype={"kommunenummer": str})
    if set(raw["contentsCode"]) != {NETTO_DRIFTSRESULTAT}:
        raise ValueError(f"{VESTLAND}: unexpected ContentsCodes {set(raw['contentsCode'])}")
    return pd.DataFrame(
        {
            "region_code": raw["kommunenummer"].str.zfill(4),
            "indicator_code": NETTO_DRIFTSRESULTAT,
            "year": raw["aar"].astype(int),
            "value": raw["verdi"].astype(float),
            "status": None,
            "vintage": "preliminary",
            "published": PRELIMINARY_2025,
            "source": VESTLAND,
        }
    )


def _from_oslo(seed: Seed) -> pd.DataFrame:
    raw = pd.read_csv(seed.path(OSLO_2015_2018), dtype={"region_kode": str})
    return pd.DataFrame(
        {
            "region_code": raw["region_kode"],
            "indicator_code": raw["indikator"].map(indicator_code),
            "year": raw["aar"].astype(int),
            "value": raw["verdi"].astype(float),
            "status": None,
            "vintage": "final",
            "published": "2019-06",
            "source": OSLO_2015_2018,
        }
    )


def _single_value_vintage(text: str) -> str:
    if "urevidert" in text:
        return "preliminary"
    if "(revised)" in text:
        return "final"
    return "unknown"


def _single_value_published(text: str) -> str | None:
    match = re.search(r"(\d{2})\.(\d{2})\.(\d{4})", text)
    return f"{match[3]}-{match[2]}-{match[1]}" if match else None


def _from_single_values(seed: Seed) -> tuple[pd.DataFrame, list[str]]:
    raw = pd.read_csv(seed.path(SINGLE_VALUES), dtype=str, keep_default_na=False)
    used = raw[raw["region_kode"].isin(SINGLE_VALUE_REGIONS)]
    left_out = raw[~raw["region_kode"].isin(SINGLE_VALUE_REGIONS)]
    notes = [
        f"utelatt enkeltverdi {r.region_kode} {r.aar} ({r.region}): uklar avgrensning"
        for r in left_out.itertuples()
    ]
    frame = pd.DataFrame(
        {
            "region_code": used["region_kode"].map(SINGLE_VALUE_REGIONS),
            "indicator_code": NETTO_DRIFTSRESULTAT,
            "year": used["aar"].astype(int),
            "value": used["netto_driftsresultat_pct"].astype(float),
            "status": None,
            "vintage": used["vintage"].map(_single_value_vintage),
            "published": used["vintage"].map(_single_value_published),
            "source": used["source"].map(lambda s: s if s != "same" else None),
        }
    )
    # "same" refers to the source of the row above it in the file.
    frame["source"] = frame["source"].ffill().fillna(SINGLE_VALUES)
    return frame, notes


def _region_names(codes: pd.Series, kommuner: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    kommune_names = kommuner.set_index("kommune_code")["kommune_name"]

    def name(code: str) -> str:
        if code == KOSTRA_LANDET:
            return "Landet"
        if code == KOSTRA_LANDET_UTEN_OSLO:
            return "Landet uten Oslo"
        if code.startswith("EKG"):
            return f"KOSTRA-gruppe {int(code[3:])}"
        return kommune_names[code]

    def level(code: str) -> str:
        if code in (KOSTRA_LANDET, KOSTRA_LANDET_UTEN_OSLO):
            return "landet"
        return "kostragruppe" if code.startswith("EKG") else "kommune"

    return codes.map(name), codes.map(level)


def build_kostra(seed: Seed, kommuner: pd.DataFrame) -> Built:
    """All offline 12134 figures, deduplicated by (region, figure, year), newest source first."""
    single, notes = _from_single_values(seed)
    is_recent_quote = single["published"].isna() & (single["year"] >= 2023)
    # Priority: recent quotes from SSB's API > workbook (extract 24.04.2026) > Vestland file
    # > Kommunefakta 2019 > older press quotes of preliminary figures.
    ranked = [
        single[is_recent_quote],
        _from_workbook(seed),
        _from_vestland(seed),
        _from_oslo(seed),
        single[~is_recent_quote],
    ]
    frame = pd.concat(
        [f.assign(rank=i) for i, f in enumerate(ranked)], ignore_index=True
    ).sort_values("rank", kind="stable")
    keys = ["region_code", "indicator_code", "year"]
    for key, group in frame.groupby(keys):
        values = [float(v) for v in group["value"].dropna().unique()]
        if len(values) > 1:
            notes.append(f"ulike verdier for {key}: {values}; nyeste kilde brukt")
    frame = frame.drop_duplicates(keys, keep="first").drop(columns="rank")
    unknown = set(frame["region_code"]) - set(kommuner["kommune_code"])
    unknown -= {c for c in unknown if c.startswith(("EKG", "EAK"))}
    if unknown:
        raise ValueError(f"KOSTRA region codes that are not current municipalities: {unknown}")
    frame["region_name"], frame["region_level"] = _region_names(frame["region_code"], kommuner)
    frame.loc[(frame["region_code"] == "EKG15") & (frame["year"] < 2020), "region_name"] = (
        "KOSTRA-gruppe 15 (inndelingen før 2020)"
    )
    frame["indicator_label"] = frame["indicator_code"].map(lambda c: INDICATORS[c].name_nb)
    frame["unit"] = frame["indicator_code"].map(lambda c: INDICATORS[c].unit)
    frame["table_id"] = "12134"
    frame["source_code"] = frame["region_code"]  # the offline files already use 2024 codes
    return Built(
        "kostra",
        [SOURCE_SINGLE, SOURCE_WORKBOOK, SOURCE_VESTLAND, SOURCE_OSLO],
        frame=frame,
        notes=notes,
    )
