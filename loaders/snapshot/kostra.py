"""KOSTRA figures from the offline files, one row per region-figure-year.

The published key figures of table 12134 cover few municipalities (43 in Vestland for 2025,
Lørenskog and its neighbours 2020–2025, Oslo 2015–2025, Bergen 2023–2025) plus Landet,
Landet uten Oslo and some KOSTRA groups; where several files give the same figure, the most
recent publication wins and a disagreement is recorded in the manifest, never averaged away.
The amounts of table 12137 (brutto driftsinntekter, netto driftsresultat, netto lånegjeld)
cover every municipality, KOSTRA group and Landet, 2020–2025; netto driftsresultat in per
cent where 12134 lacks it is computed from them in `kommuneokonomi.queries.kostra`.
"""

from __future__ import annotations

import re
from dataclasses import replace

import openpyxl
import pandas as pd

from kommuneokonomi.datasets import KOSTRA_LANDET, KOSTRA_LANDET_UTEN_OSLO, LICENCE_SSB
from kommuneokonomi.indicators import (
    AMOUNT_TABLE,
    AMOUNTS,
    BELOP,
    INDICATORS,
    NETTO_DRIFTSRESULTAT,
    PER_INNBYGGER,
    amount_code,
)
from loaders.codes import CodeHistory
from loaders.snapshot.base import Built, Seed
from loaders.store import Source

WORKBOOK = "ssb/kostra/12134_lorenskog_naboer_2020_2025.xlsx"
VESTLAND = "ssb/kostra/12134_netto_driftsresultat_vestland_2025.csv"
OSLO_2015_2018 = "ssb/kostra/12134_oslo_landet_2015_2018_transcribed.csv"
SINGLE_VALUES = "ssb/kostra/netto_driftsresultat_single_values_transcribed.csv"
AMOUNTS_FILE = "ssb/kostra/kostra_belop_kommunekonsern_2020_2025_transcribed.csv"

PRELIMINARY_2025 = "2026-03-16"  # SSB published preliminary KOSTRA 2025 on 16 March 2026
FINAL_2025 = "2026-06"  # SSB's final KOSTRA 2025 (June 2026), which also revises older years
AMOUNTS_FETCHED = "2026-09-14"

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

SOURCE_AMOUNTS = Source(
    title="Finansielle nøkkeltall i kroner per innbygger, kommunekonsern, etter regnskapsbegrep",
    publisher="Statistisk sentralbyrå",
    licence=LICENCE_SSB,
    table_id=AMOUNT_TABLE,
    url=f"https://www.ssb.no/statbank/table/{AMOUNT_TABLE}",
    file=AMOUNTS_FILE,
    origin="Lippen1995/Project_statsbudsjett@215c0168 (fellestall.no), avskrevet",
    published=FINAL_2025,
    fetched=AMOUNTS_FETCHED,
    period="2020–2025 (endelige tall)",
    caveat=(
        "Brutto driftsinntekter, netto driftsresultat og netto lånegjeld for kommunekonsern, "
        "i 1000 kr og kr per innbygger, for alle kommuner, KOSTRA-gruppene og landet."
    ),
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


AMOUNT_LEVELS = ("kommune", "kostragruppe", "landet")  # not the county councils


def _from_amounts(
    seed: Seed, kommuner: pd.DataFrame, history: CodeHistory
) -> tuple[pd.DataFrame, list[str]]:
    """The 12137 amounts (1000 kr and kr per innbygger) under today's codes.

    NOTE: in 2020–2023 a municipality renumbered in 2024 appears under both its code of that
    year and its 2024 code with identical values; the row is kept once, under today's code,
    with `source_code` the code SSB published it under then. Codes that are not today's
    municipalities (1507 Ålesund before its 2024 split into 1508 and 1580) are left out:
    their figures are never split.
    """
    raw = pd.read_csv(seed.path(AMOUNTS_FILE), dtype={"region_code": str})
    raw = raw[raw["region_kind"].isin(AMOUNT_LEVELS)]
    values = {
        BELOP: raw["belop_1000_kr"].astype(float),
        PER_INNBYGGER: raw["kr_per_innbygger"].astype(float),
    }
    long = pd.concat(
        [
            pd.DataFrame(
                {
                    "region_code": raw["region_code"],
                    "region_kind": raw["region_kind"],
                    "indicator_code": [amount_code(b, measure) for b in raw["regnskapsbegrep"]],
                    "year": raw["year"].astype(int),
                    "value": value,
                }
            )
            for measure, value in values.items()
        ],
        ignore_index=True,
    )
    current = set(kommuner["kommune_code"])
    is_kommune = long["region_kind"] == "kommune"
    kept = long[~is_kommune | long["region_code"].isin(current)].copy()
    sources = {}
    kommune_years = kept.loc[kept["region_kind"] == "kommune", ["region_code", "year"]]
    for code, year in kommune_years.drop_duplicates().itertuples(index=False):
        lineage = history.lineage(code, year)
        if lineage.split:
            raise ValueError(
                f"{AMOUNTS_FILE}: {code} has figures for {year}, before a split of its "
                "territory; such figures cannot be carried to today's code"
            )
        (sources[code, year],) = lineage.sources
    keys = list(zip(kept["region_code"], kept["year"], strict=True))
    kept["source_code"] = [sources.get(k, k[0]) for k in keys]
    under_old = long.rename(columns={"region_code": "source_code", "value": "old_value"})
    kept = kept.merge(
        under_old[["source_code", "indicator_code", "year", "old_value"]],
        on=["source_code", "indicator_code", "year"],
        how="left",
    )
    renumbered = kept["source_code"] != kept["region_code"]
    differ = renumbered & kept["old_value"].notna() & (kept["old_value"] != kept["value"])
    if differ.any():
        raise ValueError(f"{AMOUNTS_FILE}: old and new code differ: {kept[differ].head(3)}")
    # Published under today's code only: the code of that year carries no row.
    kept.loc[renumbered & kept["old_value"].isna(), "source_code"] = kept["region_code"]
    kept = kept.drop(columns="old_value")
    old_codes = set(long.loc[is_kommune, "region_code"]) - current
    carried = set(kept["source_code"]) & old_codes
    unmatched = sorted(old_codes - carried)
    notes = [
        f"12137-beløp: {len(carried)} eldre kommunenummer står også under dagens nummer og er "
        f"brukt derfra; utelatt (ikke en av dagens kommuner): {', '.join(unmatched) or 'ingen'}."
    ]
    return (
        kept.drop(columns="region_kind").assign(
            status=None,
            vintage="final",
            published=FINAL_2025,
            source=AMOUNTS_FILE,
            table_id=AMOUNT_TABLE,
        ),
        notes,
    )


def build_kostra(seed: Seed, kommuner: pd.DataFrame, kodeendringer: pd.DataFrame) -> Built:
    """All offline 12134 figures, deduplicated by (region, figure, year), newest source first,
    and the 12137 amounts behind netto driftsresultat and debt for every municipality."""
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
    frame["table_id"] = "12134"
    frame["source_code"] = frame["region_code"]  # the offline files already use 2024 codes
    amounts, amount_notes = _from_amounts(seed, kommuner, CodeHistory(kodeendringer))
    frame = pd.concat([frame, amounts], ignore_index=True)
    frame["region_name"], frame["region_level"] = _region_names(frame["region_code"], kommuner)
    frame.loc[(frame["region_code"] == "EKG15") & (frame["year"] < 2020), "region_name"] = (
        "KOSTRA-gruppe 15 (inndelingen før 2020)"
    )
    labels = {**INDICATORS, **AMOUNTS}
    frame["indicator_label"] = frame["indicator_code"].map(lambda c: labels[c].name_nb)
    frame["unit"] = frame["indicator_code"].map(lambda c: labels[c].unit)
    return Built(
        "kostra",
        [SOURCE_SINGLE, SOURCE_WORKBOOK, SOURCE_VESTLAND, SOURCE_OSLO, SOURCE_AMOUNTS],
        frame=frame,
        notes=[*notes, *amount_notes],
    )
