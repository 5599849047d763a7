"""JSON-stat 2.0: the parser reproduces real SSB responses, the encoder writes what SSB writes."""

from __future__ import annotations

import copy
import json
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from pyjstat import pyjstat

from kommuneokonomi.settings import PROJECT_ROOT, load_settings
from loaders.ssb.jsonstat import (
    Dimension,
    JsonStatError,
    dimension_codes,
    notes,
    parse,
    to_jsonstat,
    units,
    updated,
)

FIXTURES = load_settings().seed_dir / "fixtures" / "ssb-api"
F05300 = FIXTURES / "v0_05300_data_jsonstat2.json"
F12134 = FIXTURES / "v2_12134_data_jsonstat2.json"
HTML_404 = FIXTURES / "v2_long_get_url_404.html"


def _doc(path) -> dict:
    return json.loads(path.read_bytes())


def _cell(frame: pd.DataFrame, **codes: str) -> pd.Series:
    """The one row whose code columns equal `codes`."""
    mask = np.logical_and.reduce([frame[dim] == code for dim, code in codes.items()])
    assert mask.sum() == 1
    return frame[mask].iloc[0]


def _dimensions_of(doc: dict) -> list[Dimension]:
    """The Dimension objects that describe a real response, to re-encode it."""
    dims = []
    for dim_id in doc["id"]:
        dim = doc["dimension"][dim_id]
        category = dim["category"]
        codes = tuple(sorted(category["index"], key=category["index"].get))
        dims.append(
            Dimension(
                dim_id,
                dim["label"],
                codes,
                tuple(category["label"][c] for c in codes),
                extension=dim.get("extension"),
                unit=category.get("unit"),
                link=dim.get("link"),
            )
        )
    return dims


# -- parser against real SSB responses -----------------------------------------------------------


def test_parse_05300_gives_one_row_per_cell_with_code_label_value_status_columns():
    frame = parse(F05300.read_bytes())
    assert list(frame.columns) == [
        "Avstand1",
        "Avstand1_label",
        "Kulturtilbud",
        "Kulturtilbud_label",
        "ContentsCode",
        "ContentsCode_label",
        "Tid",
        "Tid_label",
        "value",
        "status",
    ]
    assert len(frame) == 6 * 8 * 1 * 9
    assert frame["value"].dtype == np.float64
    assert frame["status"].dtype == object
    assert isinstance(frame["Tid"].dtype, pd.CategoricalDtype)
    assert frame["Tid"].cat.categories.tolist() == [
        "1991",
        "1994",
        "1997",
        "2000",
        "2004",
        "2008",
        "2012",
        "2016",
        "2021",
    ]


def test_parse_05300_keeps_hand_checked_values_nulls_and_status_symbols():
    frame = parse(F05300.read_bytes())
    # value[0]: under 1 km to a cinema, 1991
    first = _cell(frame, Avstand1="01", Kulturtilbud="01", Tid="1991")
    assert (first["value"], first["status"]) == (16.0, None)
    assert first["Avstand1_label"] == "Under 1 km"
    assert first["Kulturtilbud_label"] == "Kino eller lokale med jevnlig spillefilmframvisning"
    # value[45]: under 1 km to a sports ground, 1991
    assert _cell(frame, Avstand1="01", Kulturtilbud="06", Tid="1991")["value"] == 38.0
    # value[71]: null with "." (bookshop, 2021: not applicable)
    bookshop = _cell(frame, Avstand1="01", Kulturtilbud="08", Tid="2021")
    assert np.isnan(bookshop["value"]) and bookshop["status"] == "."
    # value[360]: null with ".." (50 km or more to a cinema, 1991: not available)
    far = _cell(frame, Avstand1="06", Kulturtilbud="01", Tid="1991")
    assert np.isnan(far["value"]) and far["status"] == ".."
    assert far["Avstand1_label"] == "50 km eller over"
    # value[430]: 2, no symbol
    assert _cell(frame, Avstand1="06", Kulturtilbud="08", Tid="2016")["value"] == 2.0


def test_parse_05300_counts_every_status_symbol_and_every_null_has_one():
    frame = parse(F05300.read_bytes())
    assert frame["status"].value_counts().to_dict() == {".": 20, "..": 8}
    assert frame["value"].isna().sum() == 28
    assert frame.loc[frame["value"].isna(), "status"].notna().all()


def test_parse_12134_gives_frie_inntekter_per_innbygger_2024_for_the_three_cities():
    frame = parse(F12134.read_text(encoding="utf-8"))
    assert frame["KOKkommuneregion0000"].tolist() == ["0301", "4601", "5001"]
    assert frame["KOKkommuneregion0000_label"].tolist() == [
        "Oslo - Oslove",
        "Bergen",
        "Trondheim - Tråante",
    ]
    assert (frame["ContentsCode"] == "KOSAG110000").all()
    assert (frame["Tid"] == "2024").all()
    assert frame["value"].tolist() == [81240.0, 66605.0, 62853.0]
    assert frame["status"].tolist() == [None, None, None]


# pyjstat's write("dataframe") warns about its own deprecated from_json_stat.
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("path", [F05300, F12134], ids=["05300", "12134"])
def test_parse_agrees_with_pyjstat_on_codes_and_values(path):
    ours = parse(path.read_bytes())
    theirs = pyjstat.Dataset.read(path.read_text(encoding="utf-8")).write("dataframe", naming="id")
    doc = _doc(path)
    for dim_id in doc["id"]:
        assert ours[dim_id].astype(str).tolist() == theirs[dim_id].astype(str).tolist()
    np.testing.assert_array_equal(ours["value"].to_numpy(), theirs["value"].to_numpy())


def test_metadata_helpers_read_codes_units_updated_and_notes_from_12134():
    raw = F12134.read_bytes()
    assert dimension_codes(raw) == {
        "KOKkommuneregion0000": ["0301", "4601", "5001"],
        "ContentsCode": ["KOSAG110000"],
        "Tid": ["2024"],
    }
    assert units(raw) == {"KOSAG110000": {"base": "kr", "decimals": 0}}
    assert updated(raw) == "2026-03-16T07:00:00Z"
    assert len(notes(raw)) == 5
    assert notes(raw)[3].startswith("Tall for landet uten Oslo publiseres ikke 16. mars 2026")


# -- accepted variants of the format --------------------------------------------------------------


def test_sparse_value_and_status_objects_give_the_same_frame_as_arrays():
    doc = _doc(F05300)
    sparse = copy.deepcopy(doc)
    sparse["value"] = {str(i): v for i, v in enumerate(doc["value"]) if v is not None}
    dense_status = copy.deepcopy(doc)
    dense_status["status"] = [doc["status"].get(str(i)) for i in range(len(doc["value"]))]
    expected = parse(doc)
    pd.testing.assert_frame_equal(parse(sparse), expected)
    pd.testing.assert_frame_equal(parse(dense_status), expected)


def test_category_index_as_array_and_missing_labels_fall_back_to_codes():
    doc = _doc(F12134)
    region = doc["dimension"]["KOKkommuneregion0000"]["category"]
    region["index"] = ["0301", "4601", "5001"]
    del region["label"]
    frame = parse(doc)
    assert frame["KOKkommuneregion0000"].tolist() == ["0301", "4601", "5001"]
    assert frame["KOKkommuneregion0000_label"].tolist() == ["0301", "4601", "5001"]
    assert frame["value"].tolist() == [81240.0, 66605.0, 62853.0]


def test_status_symbol_with_null_value_stays_nan_and_is_never_zero():
    doc = _doc(F12134)
    doc["value"][1] = None
    doc["status"] = {"1": ":"}
    frame = parse(doc)
    assert np.isnan(frame["value"].iloc[1])
    assert frame["status"].tolist() == [None, ":", None]
    assert (frame["value"] != 0).all()


# -- invalid input is rejected, never truncated ----------------------------------------------------


def test_value_array_shorter_than_size_raises_instead_of_truncating():
    doc = _doc(F05300)
    doc["value"].pop()
    with pytest.raises(JsonStatError, match=r"value has 431 entries but size \[6, 8, 1, 9\]"):
        parse(doc)


def test_dimension_with_fewer_categories_than_its_size_raises():
    doc = _doc(F12134)
    doc["size"] = [4, 1, 1]
    with pytest.raises(JsonStatError, match="'KOKkommuneregion0000' has 3 categories but size"):
        parse(doc)


def test_id_and_size_of_different_length_raise():
    doc = _doc(F12134)
    doc["size"] = [3, 1]
    with pytest.raises(JsonStatError, match="id has 3 entries but size has 2"):
        parse(doc)


@pytest.mark.parametrize("key", ["value", "status"])
def test_sparse_index_outside_the_cube_raises(key):
    doc = _doc(F12134)
    doc[key] = {"0": 1 if key == "value" else ".", "3": 2 if key == "value" else "."}
    with pytest.raises(JsonStatError, match=f"{key} has index 3, outside 0..2"):
        parse(doc)


def test_truncated_json_raises_saying_it_ends_early():
    raw = F12134.read_bytes()
    with pytest.raises(
        JsonStatError, match=r"JSON ends early after \d+ characters \(truncated download\?\)"
    ):
        parse(raw[: len(raw) // 2])


def test_ssb_html_404_page_raises_saying_it_is_html():
    with pytest.raises(
        JsonStatError, match=r"got an HTML page \(404 - File or directory not found"
    ):
        parse(HTML_404.read_bytes())


def test_ssb_error_body_raises_naming_ssbs_error():
    errors = json.loads((FIXTURES / "v2_error_responses.json").read_bytes())["responses"]
    with pytest.raises(JsonStatError, match="SSB error response, not data: Non-existent table"):
        parse(json.dumps(errors[0]["body"]))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"class": "collection"}, "expected JSON-stat class 'dataset', got 'collection'"),
        ({"version": "1.2"}, "expected JSON-stat version 2.x"),
        ({"value": [81240, "..", 62853]}, r"value holds a non-numeric entry: '\.\.'"),
    ],
)
def test_documents_that_are_not_a_valid_dataset_raise(change, message):
    doc = _doc(F12134) | change
    with pytest.raises(JsonStatError, match=message):
        parse(doc)


def test_json_that_is_not_an_object_raises():
    with pytest.raises(JsonStatError, match="expected a JSON object, got a JSON list"):
        parse(b"[1, 2, 3]")


# -- encoder ---------------------------------------------------------------------------------------


def test_encoder_reproduces_ssb_12134_response_byte_for_byte():
    doc = _doc(F12134)
    frame = parse(doc)
    encoded = to_jsonstat(
        frame,
        _dimensions_of(doc),
        label=doc["label"],
        updated=doc["updated"],
        role=doc["role"],
        note=doc["note"],
        extension=doc["extension"],
    )
    text = json.dumps(encoded, ensure_ascii=False, separators=(",", ":"))
    assert text == F12134.read_text(encoding="utf-8").strip()


def test_encoder_reproduces_05300_values_and_status_from_its_parsed_frame():
    doc = _doc(F05300)
    encoded = to_jsonstat(
        parse(doc), _dimensions_of(doc), label=doc["label"], updated=doc["updated"]
    )
    assert encoded["value"] == doc["value"]
    assert encoded["status"] == doc["status"]
    assert encoded["role"] == doc["role"]


# Synthetic frame for encoder/parser round trips: made-up numbers, NOT SSB statistics.
SYNTHETIC_DIMS = [
    Dimension("KOKkommuneregion0000", "region", ("0301", "4601"), ("Oslo", "Bergen")),
    Dimension(
        "ContentsCode",
        "statistikkvariabel",
        ("SYNTH1", "SYNTH2"),
        ("Synthetic kr", "Synthetic %"),
        unit={
            "SYNTH1": {"base": "kr", "decimals": 0},
            "SYNTH2": {"base": "prosent", "decimals": 1},
        },
    ),
    Dimension("Tid", "år", ("2023", "2024", "2025"), ("2023", "2024", "2025")),
]


def _synthetic_frame() -> pd.DataFrame:
    """Every cell of SYNTHETIC_DIMS in index order, with nulls, symbols and a fraction."""
    regions, contents, years = (d.codes for d in SYNTHETIC_DIMS)
    index = pd.MultiIndex.from_product([regions, contents, years])
    values = [100.0, 101.0, np.nan, 1.5, -2.25, np.nan, 7.0, 0.0, 9.0, np.nan, 3.5, 1e15 + 0.5]
    status = [None, None, "..", None, None, ":", None, None, None, ".", None, None]
    frame = index.to_frame(index=False, name=[d.id for d in SYNTHETIC_DIMS])
    return frame.assign(value=values, status=pd.Series(status, dtype=object))


def _without_labels(frame: pd.DataFrame) -> pd.DataFrame:
    codes = frame.drop(columns=[c for c in frame.columns if c.endswith("_label")])
    return codes.astype({d.id: str for d in SYNTHETIC_DIMS})


@pytest.mark.parametrize("sparse", [False, True], ids=["dense", "sparse"])
def test_synthetic_round_trip_parse_of_encoded_frame_equals_the_frame(sparse):
    frame = _synthetic_frame()
    doc = to_jsonstat(frame, SYNTHETIC_DIMS, label="synthetic", updated="2026-01-01", sparse=sparse)
    parsed = parse(json.dumps(doc).encode())
    pd.testing.assert_frame_equal(_without_labels(parsed), frame)
    assert parsed["ContentsCode_label"].tolist()[:3] == ["Synthetic kr"] * 3
    assert units(doc) == {
        "SYNTH1": {"base": "kr", "decimals": 0},
        "SYNTH2": {"base": "prosent", "decimals": 1},
    }


def test_synthetic_encoder_writes_whole_numbers_as_ints_nulls_for_missing_cells():
    frame = _synthetic_frame().drop(index=[0, 11])  # cells 0 and 11 absent from the frame
    doc = to_jsonstat(frame, SYNTHETIC_DIMS, label="synthetic", updated="2026-01-01")
    assert doc["value"] == [None, 101, None, 1.5, -2.25, None, 7, 0, 9, None, 3.5, None]
    assert [type(v) for v in doc["value"][1:2] + doc["value"][6:9]] == [int] * 4
    assert doc["status"] == {"2": "..", "5": ":", "9": "."}
    assert doc["size"] == [2, 2, 3]
    assert doc["role"] == {
        "time": ["Tid"],
        "geo": ["KOKkommuneregion0000"],
        "metric": ["ContentsCode"],
    }
    sparse = to_jsonstat(frame, SYNTHETIC_DIMS, label="synthetic", updated="x", sparse=True)
    assert sparse["value"] == {"1": 101, "3": 1.5, "4": -2.25, "6": 7, "7": 0, "8": 9, "10": 3.5}


def test_synthetic_encoder_rejects_unknown_codes_and_duplicate_cells():
    frame = _synthetic_frame()
    unknown = frame.assign(Tid=frame["Tid"].replace("2025", "2026"))
    with pytest.raises(ValueError, match=r"Tid has codes not in the dimension: \['2026'\]"):
        to_jsonstat(unknown, SYNTHETIC_DIMS, label="synthetic", updated="x")
    with pytest.raises(ValueError, match="more than one row for the same cell"):
        to_jsonstat(pd.concat([frame, frame.head(1)]), SYNTHETIC_DIMS, label="s", updated="x")


# -- command line ----------------------------------------------------------------------------------


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "loaders", "parse", *args],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=60,
    )


def test_cli_parse_prints_the_fixture_as_csv_with_header_and_one_line_per_cell():
    done = _cli(str(F05300))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == (
        "Avstand1,Avstand1_label,Kulturtilbud,Kulturtilbud_label,ContentsCode,"
        "ContentsCode_label,Tid,Tid_label,value,status"
    )
    assert len(lines) == 1 + 432
    assert lines[1 + 71].endswith(",2021,2021,,.")


def test_cli_parse_without_labels_prints_codes_value_status():
    done = _cli("--no-labels", str(F12134))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "KOKkommuneregion0000,ContentsCode,Tid,value,status",
        "0301,KOSAG110000,2024,81240.0,",
        "4601,KOSAG110000,2024,66605.0,",
        "5001,KOSAG110000,2024,62853.0,",
    ]


def test_cli_parse_of_a_broken_file_exits_1_with_one_error_line_and_no_traceback():
    done = _cli(str(HTML_404))
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"error: {HTML_404}: got an HTML page (404 - File or directory not found.), not JSON-stat"
    ]
