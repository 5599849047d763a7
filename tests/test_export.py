"""Exports hold exactly the exhibit's numbers: every file is read back and compared.

Real exhibits are built from the served data; the formula-injection cases use a small
SYNTHETIC exhibit (marked as such below), since no SSB figure starts with '='.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from kommuneokonomi import export
from kommuneokonomi.exhibit import Exhibit
from kommuneokonomi.indicators import FIGURES
from kommuneokonomi.sources import SourceRef
from kommuneokonomi.state import ViewState
from kommuneokonomi.views import catalog

BUILT = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
CASES = [
    ("ndr-trend", "4601", "nb"),
    ("ndr-rangering", "0301", "en"),
    ("befolkning-pyramide", "1508", "nb"),
    ("sammenlign-tabell", "5001", "en"),
    ("om-kilder", "0301", "nb"),
    ("ndr-normgap", "3301", "nb"),
    ("framskriving-vekst-rangering", "1867", "en"),
]


def _exhibit(exhibit_id: str, kommune: str, lang: str) -> Exhibit:
    return catalog.build(exhibit_id, ViewState(kommune=kommune, lang=lang))


def _expected(ex: Exhibit) -> pd.DataFrame:
    """The exported table with object columns normalised (None → NaN) for comparison."""
    frame = export.table(ex).reset_index(drop=True)
    return frame.apply(
        lambda col: (
            col.map(lambda v: np.nan if export.is_missing(v) else v) if col.dtype == object else col
        )
    )


def _assert_same(read: pd.DataFrame, ex: Exhibit) -> None:
    expected = _expected(ex)
    assert list(read.columns) == list(expected.columns)
    assert len(read) == len(expected)
    for name in expected.columns:
        want, got = expected[name], read[name]
        if pd.api.types.is_bool_dtype(want):
            assert got.astype(str).tolist() == want.astype(str).tolist(), name
        elif pd.api.types.is_numeric_dtype(want):
            assert np.allclose(got.astype(float), want.astype(float), equal_nan=True, rtol=0), name
        else:
            want_text = [export.cell_text(v) for v in want]
            got_text = ["" if export.is_missing(v) else str(v) for v in got]
            assert got_text == want_text, name


@pytest.mark.parametrize(("exhibit_id", "kommune", "lang"), CASES)
def test_norwegian_excel_csv_reads_back_as_the_exhibits_data(exhibit_id, kommune, lang):
    ex = _exhibit(exhibit_id, kommune, lang)
    raw = export.csv_bytes(ex, export.CSV_NB)
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM for Norwegian Excel"
    read = pd.read_csv(
        io.BytesIO(raw), sep=";", decimal=",", encoding="utf-8-sig", dtype=_text_dtypes(ex)
    )
    _assert_same(read, ex)


@pytest.mark.parametrize(("exhibit_id", "kommune", "lang"), CASES)
def test_international_csv_reads_back_as_the_exhibits_data(exhibit_id, kommune, lang):
    ex = _exhibit(exhibit_id, kommune, lang)
    raw = export.csv_bytes(ex, export.CSV_INTL)
    assert not raw.startswith(b"\xef\xbb\xbf")
    read = pd.read_csv(io.BytesIO(raw), dtype=_text_dtypes(ex))
    _assert_same(read, ex)


def _text_dtypes(ex: Exhibit) -> dict[str, type]:
    """Text columns stay text when read back (codes like '0301' keep their zero)."""
    frame = export.table(ex)
    return {c: str for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c])}


@pytest.mark.parametrize(("exhibit_id", "kommune", "lang"), CASES)
def test_xlsx_data_sheet_matches_and_metadata_names_sources(exhibit_id, kommune, lang):
    ex = _exhibit(exhibit_id, kommune, lang)
    meta = export.metadata(ex, built_at=BUILT)
    book = load_workbook(io.BytesIO(export.xlsx_bytes(ex, meta)))
    data_sheet, meta_sheet = book.worksheets
    rows = list(data_sheet.values)
    read = pd.DataFrame(rows[1:], columns=rows[0])
    _assert_same(read, ex)
    values = [str(v) for row in meta_sheet.values for v in row if v is not None]
    text = "\n".join(values)
    assert ex.source_text in values
    for table_id in meta["table_ids"]:
        assert table_id in text
    assert ("Licence" if lang == "en" else "Lisens") in values
    assert ex.period in text


def test_zip_holds_csv_metadata_naming_source_tables_and_readme():
    ex = _exhibit("ndr-trend", "4601", "nb")
    meta = export.metadata(ex, url="http://127.0.0.1/driftsresultat?kommune=4601", built_at=BUILT)
    archive = zipfile.ZipFile(io.BytesIO(export.zip_bytes(ex, meta)))
    csv_name = export.filename(ex, ".csv")
    assert sorted(archive.namelist()) == sorted([csv_name, "metadata.json", "README.txt"])
    stored = json.loads(archive.read("metadata.json"))
    assert "12134" in stored["table_ids"]
    assert any(t["table_id"] == "12134" for s in stored["sources"] for t in s["tables"])
    assert stored["lang"] == "nb" and stored["csv"]["delimiter"] == ";"
    assert stored["definitions"][0]["code"] == "KOSAGD230000"
    read = pd.read_csv(
        io.BytesIO(archive.read(csv_name)), sep=";", decimal=",", dtype=_text_dtypes(ex)
    )
    _assert_same(read, ex)
    readme = archive.read("README.txt").decode()
    assert ex.source_text in readme and "CC BY 4.0" in readme


def test_english_zip_uses_international_csv_and_english_readme():
    ex = _exhibit("ndr-trend", "4601", "en")
    archive = zipfile.ZipFile(io.BytesIO(export.zip_bytes(ex, export.metadata(ex))))
    stored = json.loads(archive.read("metadata.json"))
    assert stored["lang"] == "en" and stored["csv"]["delimiter"] == ","
    assert stored["licence"][0].startswith("Source:")
    assert "The figures behind the chart" in archive.read("README.txt").decode()


def test_filenames_say_municipality_indicator_period_and_language():
    nb = _exhibit("ndr-trend", "1508", "nb")
    assert export.filename(nb, ".xlsx") == "1508-alesund-netto-driftsresultat-2015-2025.xlsx"
    en = _exhibit("ndr-trend", "1508", "en")
    assert export.filename(en, ".csv") == "1508-alesund-netto-driftsresultat-2015-2025-en.csv"


# --- Formula injection: SYNTHETIC data, made up for this test only ----------------------------

HOSTILE = ["=1+1", "+A1", "-2+3", "@SUM(A1)", "\tx", "\rcmd", '=HYPERLINK("http://x")']


def _synthetic() -> Exhibit:
    """A made-up exhibit (SYNTHETIC test data): hostile labels beside negative numbers."""
    data = pd.DataFrame(
        {
            "label": HOSTILE,
            "value": [-1.5, -3.0, 2.25, -0.1, 0.0, -1e6, np.nan],
            "count": [-1, 2, -3, 4, -5, 6, 7],
        }
    )
    return Exhibit(
        id="syntetisk",
        title="=SYNTETISK",
        data=data,
        columns={"label": "-label", "value": "value", "count": "count"},
        sources=(SourceRef.of("kostra"),),
        source_text="Kilde: syntetisk testdata",
        period="2025",
        lang="nb",
        kommune_code="4601",
        slug="syntetisk",
    )


def test_formula_text_is_neutralised_and_negative_numbers_stay_numbers_in_csv():
    ex = _synthetic()
    for style in (export.CSV_NB, export.CSV_INTL):
        read = pd.read_csv(
            io.BytesIO(export.csv_bytes(ex, style)),
            sep=style.delimiter,
            decimal=style.decimal,
            encoding=style.encoding,
            dtype={"'-label": str},
        )
        assert list(read.columns) == ["'-label", "verdi", "count"]
        assert read["'-label"].tolist() == [f"'{h}" for h in HOSTILE]
        assert read["verdi"].tolist()[:6] == [-1.5, -3.0, 2.25, -0.1, 0.0, -1e6]
        assert pd.api.types.is_float_dtype(read["verdi"])
        assert pd.isna(read["verdi"].iloc[6]), "missing stays missing, never 0"
        last = export.csv_bytes(ex, style).decode(style.encoding).splitlines()[-1]
        assert last.split(style.delimiter)[1] == "", "missing is an empty cell"
        assert read["count"].tolist() == [-1, 2, -3, 4, -5, 6, 7]


def test_formula_text_is_neutralised_and_negative_numbers_stay_numbers_in_xlsx():
    ex = _synthetic()
    sheet = load_workbook(io.BytesIO(export.xlsx_bytes(ex, export.metadata(ex)))).worksheets[0]
    labels = [sheet.cell(row=r, column=1) for r in range(2, 9)]
    assert all(c.data_type == "s" and c.value.startswith("'") for c in labels)
    values = [sheet.cell(row=r, column=2) for r in range(2, 9)]
    assert [c.value for c in values[:6]] == [-1.5, -3.0, 2.25, -0.1, 0.0, -1e6]
    assert all(c.data_type == "n" for c in values[:6])
    assert values[6].value is None
    assert sheet.cell(row=2, column=3).value == -1 and sheet.cell(row=2, column=3).data_type == "n"
    info = load_workbook(io.BytesIO(export.xlsx_bytes(ex, export.metadata(ex)))).worksheets[1]
    assert all(not str(v).startswith(export.FORMULA_START) for row in info.values for v in row if v)


def test_exports_carry_the_gap_in_kroner_and_what_is_computed_from_what():
    ranking = _exhibit("ndr-rangering", "3301", "nb")
    frame = pd.read_csv(
        io.BytesIO(export.csv_bytes(ranking, export.CSV_NB)), sep=";", decimal=",", dtype=str
    )
    assert {"til_tbu_normen_1000_kr", "til_tbu_normen_kr_per_innbygger", "beregnet"} <= set(
        frame.columns
    )
    drammen = frame[frame["kommunenummer"] == "3301"].iloc[0]
    assert float(drammen["til_tbu_normen_1000_kr"].replace(",", ".")) == pytest.approx(
        0.0175 * 10921173 - 392229
    )
    assert drammen["beregnet"] == "True"
    trend = export.table(_exhibit("ndr-trend", "3301", "nb"))
    computed = trend[trend["beregnet"].astype(bool)]
    assert len(computed) >= 6 and computed["beregnet_av"].str.startswith("100 × AGD23").all()
    meta = export.metadata(ranking, url="https://x")
    assert any("12137" in note for note in meta["notes"]), "the definition travels with the file"


@pytest.mark.parametrize("exhibit_id", ["sammenlign-tabell", "om-dekning-kostra"])
def test_every_finance_figure_in_a_file_has_a_definition(exhibit_id):
    """SSB's amounts and the app's computed figures are defined too, not only the key
    figures of table 12134 (the comparison table carries all three kinds; its population
    measures are named in its own indicator column)."""
    ex = _exhibit(exhibit_id, "4601", "nb")
    codes = {c for c in ex.data["indicator_code"].dropna() if c in FIGURES}
    defined = {d["code"]: d for d in export.definitions(ex)}
    assert {"KG31_pct", "AGD13_per_innbygger"} <= codes <= defined.keys()
    assert all(d["name"] and d["unit"] for d in defined.values())
