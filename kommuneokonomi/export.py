"""Files of the data behind an exhibit: CSV for Norwegian Excel, international CSV, xlsx, zip.

Every builder takes an Exhibit and returns bytes, so the app can build a file only when a
reader asks for it (st.download_button with a callable) and tests can read it back. Numbers
are written exactly as held (no rounding, missing stays empty); text cells that a
spreadsheet would run as a formula are neutralised; headers, metadata and number format
follow the exhibit's language.
"""

from __future__ import annotations

import csv
import io
import json
import numbers
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from kommuneokonomi import data
from kommuneokonomi.datasets import DATASETS
from kommuneokonomi.exhibit import Exhibit, in_its_language
from kommuneokonomi.formatting import is_missing
from kommuneokonomi.i18n import DEFAULT_LANG, N_, current, t
from kommuneokonomi.indicators import FIGURES, Indicator
from kommuneokonomi.sources import as_of_text, licence_lines
from kommuneokonomi.views.regions import region_name

# A cell starting with one of these is run as a formula by Excel, LibreOffice and Sheets
# (OWASP "CSV injection"); such text gets a leading apostrophe.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

APP_NAME = "Kommuneøkonomi"


@dataclass(frozen=True)
class CsvStyle:
    """How a CSV file writes separators, decimals and text encoding."""

    name: str
    delimiter: str
    decimal: str
    encoding: str
    suffix: str
    description: str  # text key: what the format is, for the README


# Export headers for data column names; a name not here is written as it is.
HEADERS = {
    "region_code": N_("eksport.col.region_code"),
    "region": N_("eksport.col.region"),
    "region_name": N_("eksport.col.region_name"),
    "county_name": N_("eksport.col.county_name"),
    "year": N_("eksport.col.year"),
    "value": N_("eksport.col.value"),
    "status": N_("eksport.col.status"),
    "vintage": N_("eksport.col.vintage"),
    "published": N_("eksport.col.published"),
    "indicator_code": N_("eksport.col.indicator_code"),
    "netto_driftsresultat_pct": N_("eksport.col.netto_driftsresultat_pct"),
    "kind": N_("eksport.col.kind"),
    "alternative": N_("eksport.col.alternative"),
    "ratio_20_66_per_67": N_("eksport.col.ratio_20_66_per_67"),
    "estimated": N_("eksport.col.estimated"),
    "table_id": N_("eksport.col.table_id"),
    "persons": N_("eksport.col.persons"),
    "change": N_("eksport.col.change"),
    "rank": N_("eksport.col.rank"),
    "gap_pp": N_("eksport.col.gap_pp"),
    "age": N_("eksport.col.age"),
    "age_group": N_("eksport.col.age_group"),
    "sex": N_("eksport.col.sex"),
    "sex_label": N_("eksport.col.sex_label"),
    "share": N_("eksport.col.share"),
    "norway_share": N_("eksport.col.norway_share"),
    "share_pct": N_("eksport.col.share_pct"),
    "norway_share_pct": N_("eksport.col.norway_share_pct"),
    "kommune": N_("eksport.col.kommune"),
    "kommune_code": N_("eksport.col.kommune_code"),
    "county": N_("eksport.col.county"),
    "gap_to_tbu_norm_pp": N_("eksport.col.gap_to_tbu_norm_pp"),
    "indicator": N_("eksport.col.indicator"),
    "unit": N_("eksport.col.unit"),
    "rank_in_set": N_("eksport.col.rank_in_set"),
    "municipalities_with_value": N_("eksport.col.municipalities_with_value"),
    "needed_to_reach_norm_1000_kr": N_("eksport.col.needed_to_reach_norm_1000_kr"),
    "needed_to_reach_norm_kr_per_innbygger": N_(
        "eksport.col.needed_to_reach_norm_kr_per_innbygger"
    ),
    "needed_to_reach_norm_mill_kr": N_("eksport.col.needed_to_reach_norm_mill_kr"),
    "computed": N_("eksport.col.computed"),
    "computed_from": N_("eksport.col.computed_from"),
    "reference": N_("eksport.col.reference"),
    "base_year": N_("eksport.col.base_year"),
    "population_base_year": N_("eksport.col.population_base_year"),
    "population_projected": N_("eksport.col.population_projected"),
    "growth_pct": N_("eksport.col.growth_pct"),
    # Liknende kommuner (views.liknende): the similarity and the figures compared.
    "similarity": N_("liknende.col.similarity"),
    "compared_weight_share": N_("liknende.col.compared_weight_share"),
    "folketall": N_("liknende.col.folketall"),
    "vekst_10ar_pct": N_("liknende.col.vekst_10ar_pct"),
    "vekst_2050_pct": N_("liknende.col.vekst_2050_pct"),
    "andel_0_19_pct": N_("liknende.col.andel_0_19_pct"),
    "andel_67_pct": N_("liknende.col.andel_67_pct"),
    "andel_80_pct": N_("liknende.col.andel_80_pct"),
    "sentralitet_klasse": N_("liknende.col.sentralitet_klasse"),
    "innbyggere_per_km2": N_("liknende.col.innbyggere_per_km2"),
    "brutto_driftsinntekter_kr_per_innbygger": N_(
        "liknende.col.brutto_driftsinntekter_kr_per_innbygger"
    ),
    "utgiftsbehov_indeks": N_("liknende.col.utgiftsbehov_indeks"),
    "close_in": N_("liknende.col.close_in"),
    "differs_most": N_("liknende.col.differs_most"),
    "not_compared": N_("liknende.col.not_compared"),
}
# Code values that are words ('registrert'), in the file's language, by column.
VALUE_WORDS = {
    "kind": {
        "registrert": N_("eksport.val.kind.registrert"),
        "framskrevet": N_("eksport.val.kind.framskrevet"),
        "kommune": N_("eksport.val.kind.kommune"),
        "landet": N_("eksport.val.kind.landet"),
        "norm": N_("eksport.val.kind.norm"),
    },
}
# The lead word of a manifest licence line ('Kilde: Statistisk sentralbyrå (CC BY 4.0)').
LICENCE_LEADS = {"Kilde": N_("eksport.licence_Kilde"), "Kart": N_("eksport.licence_Kart")}
UNITS = {  # Indicator.unit in words
    "prosent": N_("eksport.unit_prosent"),
    "kr": N_("eksport.unit_kr"),
    "personer": N_("eksport.unit_personer"),
}
ORIGINS = {"live": N_("eksport.origin_live"), "snapshot": N_("eksport.origin_snapshot")}


# Norwegian Excel opens ';'-separated UTF-8 with a BOM and reads '1,5' as a number.
CSV_NB = CsvStyle("nb", ";", ",", "utf-8-sig", "-excel-no.csv", N_("eksport.format_nb"))
# RFC 4180: ',' and '.', UTF-8 without BOM, for R, Python, Sheets and English Excel.
CSV_INTL = CsvStyle("intl", ",", ".", "utf-8", ".csv", N_("eksport.format_intl"))


def neutralise(text: str) -> str:
    """Text made inert in a spreadsheet: a leading apostrophe if it starts like a formula."""
    return f"'{text}" if text.startswith(FORMULA_START) else text


def cell_value(value: object) -> object:
    """A cell for a spreadsheet: None, bool, int, float, or neutralised text."""
    if is_missing(value):
        return None
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    return neutralise(str(value))


def cell_text(value: object, decimal: str = ".") -> str:
    """A cell as CSV text: the number's shortest exact form with `decimal`, or neutralised text."""
    value = cell_value(value)
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value).replace(".", decimal)
    return str(value)


def header(name: str) -> str:
    """The export header for a column name, translated when HEADERS knows it."""
    return t(HEADERS[name]) if name in HEADERS else name


def value_words(frame: pd.DataFrame) -> pd.DataFrame:
    """Code values that are words ('registrert', 'framskrevet') in the file's language, for
    the columns and values in VALUE_WORDS; other values stay as they are.
    """
    out = frame.copy()
    for column in VALUE_WORDS.keys() & set(frame.columns):
        words = {value: t(key) for value, key in VALUE_WORDS[column].items()}
        out[column] = frame[column].map(lambda v, w=words: w.get(v, v))
    return out


@in_its_language
def table(exhibit: Exhibit) -> pd.DataFrame:
    """The exhibit's data as exported: its mapped columns, in order, with language headers."""
    frame = value_words(exhibit.data[list(exhibit.columns)])
    return frame.set_axis([header(h) for h in exhibit.columns.values()], axis=1)


def ascii_slug(text: str) -> str:
    """'Ålesund–2025' → 'alesund-2025': safe in any file system and URL."""
    text = text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "figur"


@in_its_language
def file_stem(exhibit: Exhibit) -> str:
    """'4601-bergen-netto-driftsresultat-2015-2025': code, name, indicator, period, language.

    Files in another language than bokmål end in its code ('-en'), so the languages of one
    view can sit side by side.
    """
    name = region_name(exhibit.kommune_code) if exhibit.kommune_code else ""
    code, _, rest = exhibit.filename_stem.partition("-")
    stem = "-".join(p for p in (code, name, rest) if p) if name else exhibit.filename_stem
    suffix = "" if exhibit.lang == DEFAULT_LANG else f"-{exhibit.lang}"
    return f"{ascii_slug(stem)}{suffix}"


def filename(exhibit: Exhibit, suffix: str) -> str:
    """The download name for one of the exhibit's files: its stem and `suffix`."""
    return f"{file_stem(exhibit)}{suffix}"


@in_its_language
def csv_bytes(exhibit: Exhibit, style: CsvStyle = CSV_NB) -> bytes:
    """The exhibit's data as CSV in `style`, CRLF line ends, header row first."""
    frame = table(exhibit)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=style.delimiter, lineterminator="\r\n")
    writer.writerow([neutralise(str(c)) for c in frame.columns])
    for row in frame.itertuples(index=False):
        writer.writerow([cell_text(v, style.decimal) for v in row])
    return buffer.getvalue().encode(style.encoding)


def licence_text(line: str) -> str:
    """A manifest licence line ('Kilde: Statistisk sentralbyrå (CC BY 4.0)') in the current
    language: the lead word is translated, the licence itself is quoted."""
    lead, sep, rest = line.partition(": ")
    return f"{t(LICENCE_LEADS[lead])}{sep}{rest}" if sep and lead in LICENCE_LEADS else line


def _source_record(ref_dataset: str, table_ids: tuple[str, ...]) -> dict[str, Any]:
    prov = data.provenance(ref_dataset)
    records = [s for s in prov.sources if not table_ids or s.get("table_id") in table_ids]
    keys = ("table_id", "title", "publisher", "period", "published", "fetched", "url", "caveat")
    tables = [{k: s[k] for k in keys if s.get(k)} for s in records]
    return {
        "dataset": ref_dataset,
        "title": DATASETS[ref_dataset].title(),
        "tables": tables,
        "notes": list(prov.entry.get("notes", [])),
    }


def unit(indicator: Indicator) -> str:
    """The indicator's unit in words ('prosent' / 'percent')."""
    return t(UNITS[indicator.unit]) if indicator.unit in UNITS else indicator.unit


def licences(exhibit: Exhibit) -> list[str]:
    """The licence lines of the exhibit's datasets; an exhibit about the data themselves
    (no sources of its own, e.g. the source list) carries those of every served dataset.
    """
    if exhibit.sources:
        return licence_lines(list(exhibit.sources))
    lines = (line for name in DATASETS for line in data.provenance(name).licence)
    return list(dict.fromkeys(lines))


@in_its_language
def definitions(exhibit: Exhibit) -> list[dict[str, str]]:
    """The figures in the data, by code with their names and unit, so a file says what
    'KOSAGD230000' means: SSB's key figures and amounts, and the app's computed figures.
    """
    if "indicator_code" not in exhibit.data.columns:
        return []
    codes = exhibit.data["indicator_code"].dropna().unique()
    return [
        {"code": c, "name": FIGURES[c].name(), "unit": unit(FIGURES[c])}
        for c in codes
        if c in FIGURES
    ]


@in_its_language
def metadata(exhibit: Exhibit, *, url: str | None = None, built_at: datetime | None = None) -> dict:
    """What a file needs to stand alone: title, region, period, sources, dates, licence, notes.

    Read from the served datasets' manifest entries; keys are English for machines.
    """
    built = (built_at or datetime.now(UTC)).replace(microsecond=0)
    sources = []
    for ref in exhibit.sources:
        record = _source_record(ref.dataset, ref.table_ids)
        record.update(
            table_ids=list(ref.table_ids),
            publishers=list(ref.publishers),
            as_of=ref.as_of,
            as_of_kind=ref.as_of_kind,
            origin=ref.origin,
            licence=[licence_text(x) for x in ref.licences],
        )
        sources.append(record)
    return {
        "title": exhibit.title,
        "exhibit": exhibit.id,
        "region_code": exhibit.kommune_code,
        "period": exhibit.period,
        "lang": exhibit.lang,
        "source_line": exhibit.source_text,
        "table_ids": list(dict.fromkeys(i for r in exhibit.sources for i in r.table_ids)),
        "sources": sources,
        "licence": [licence_text(x) for x in licences(exhibit)],
        "notes": [*exhibit.notes, *exhibit.details],
        "definitions": definitions(exhibit),
        "columns": [{"header": header(h), "field": c} for c, h in exhibit.columns.items()],
        "url": url,
        "created": built.isoformat(),
        "app": APP_NAME,
    }


def _meta_rows(meta: dict) -> list[tuple[str, str]]:
    """The metadata as (label, text) rows for a human reader, labels in the current language
    (the file's: xlsx_bytes runs in the exhibit's language)."""
    rows = [
        (t("eksport.meta_title"), meta["title"]),
        (t("eksport.meta_exhibit"), meta["exhibit"]),
        (t("eksport.meta_region"), meta["region_code"] or ""),
        (t("eksport.meta_period"), meta["period"]),
        (t("eksport.meta_lang"), meta["lang"]),
        (t("eksport.meta_source_line"), meta["source_line"]),
        (t("eksport.meta_tables"), ", ".join(meta["table_ids"])),
    ]
    for source in meta["sources"]:
        for table_ in source["tables"]:
            parts = [
                table_.get("table_id"),
                table_.get("title"),
                table_.get("period"),
                table_.get("url"),
            ]
            rows.append((t("eksport.meta_source"), " · ".join(p for p in parts if p)))
        as_of = as_of_text(source["as_of_kind"], source["as_of"])
        origin = t(ORIGINS[source["origin"]])
        rows.append((t("eksport.meta_as_of"), f"{source['title']}: {as_of} ({origin})"))
    rows += [(t("eksport.meta_licence"), line) for line in meta["licence"]]
    rows += [(t("eksport.meta_note"), note) for note in meta["notes"]]
    rows += [
        (t("eksport.meta_definition", code=d["code"]), f"{d['name']} ({d['unit']})")
        for d in meta["definitions"]
    ]
    rows += [(t("eksport.meta_column", name=c["header"]), c["field"]) for c in meta["columns"]]
    if meta["url"]:
        rows.append((t("eksport.meta_url"), meta["url"]))
    rows.append((t("eksport.meta_built"), meta["created"]))
    return rows


def _xlsx_cell(value: object) -> object:
    """A spreadsheet cell without the control characters the xlsx format cannot hold."""
    value = cell_value(value)
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


@in_its_language
def xlsx_bytes(exhibit: Exhibit, meta: dict) -> bytes:
    """An Excel workbook: sheet 1 the data (numbers as numbers), sheet 2 the metadata."""
    frame = table(exhibit)
    book = Workbook()
    sheet = book.active
    sheet.title = t("eksport.sheet_data")
    sheet.append([_xlsx_cell(str(c)) for c in frame.columns])
    for row in frame.itertuples(index=False):
        sheet.append([_xlsx_cell(v) for v in row])
    _finish_sheet(sheet, [len(str(c)) for c in frame.columns])
    info = book.create_sheet(t("eksport.sheet_meta"))
    info.append([t("eksport.meta_field"), t("eksport.meta_value")])
    for key, value in _meta_rows(meta):
        info.append([_xlsx_cell(key), _xlsx_cell(str(value))])
    _finish_sheet(info, [24, 100])
    for cell in info["B"]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    created = datetime.fromisoformat(meta["created"]).replace(tzinfo=None)
    book.properties.creator = APP_NAME
    book.properties.title = exhibit.title
    book.properties.created = book.properties.modified = created
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _finish_sheet(sheet: Any, widths: list[int]) -> None:
    """Bold, frozen header row and readable column widths."""
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for i, width in enumerate(widths):
        sheet.column_dimensions[get_column_letter(i + 1)].width = max(12, min(width + 2, 100))


@in_its_language
def readme_text(exhibit: Exhibit, meta: dict, csv_name: str, style: CsvStyle) -> str:
    """The archive's short README: what the files are, the source line and the licence."""
    return t(
        "eksport.readme",
        title=exhibit.title,
        exhibit=exhibit.id,
        csv_name=csv_name,
        csv_format=t(style.description),
        source=exhibit.source_text,
        licence="\n".join(meta["licence"]),
    )


def csv_style() -> CsvStyle:
    """The CSV style that fits the current language: international for English, else
    Norwegian Excel."""
    return CSV_INTL if current() == "en" else CSV_NB


@in_its_language
def zip_bytes(exhibit: Exhibit, meta: dict) -> bytes:
    """An archive: the data as CSV (in the language's style), metadata.json and README.txt."""
    style = csv_style()
    csv_name = filename(exhibit, ".csv")
    meta = {
        **meta,
        "csv": {
            "file": csv_name,
            "delimiter": style.delimiter,
            "decimal": style.decimal,
            "encoding": style.encoding,
            "line_end": "CRLF",
        },
    }
    stamp = datetime.fromisoformat(meta["created"]).timetuple()[:6]
    files = {
        csv_name: csv_bytes(exhibit, style),
        "metadata.json": json.dumps(meta, ensure_ascii=False, indent=2).encode("utf-8"),
        "README.txt": readme_text(exhibit, meta, csv_name, style).encode("utf-8"),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(
                zipfile.ZipInfo(name, date_time=stamp), content, compress_type=zipfile.ZIP_DEFLATED
            )
    return buffer.getvalue()
