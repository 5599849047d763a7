"""Om dataene: sources with table ids, coverage per municipality, definitions, refresh."""

from __future__ import annotations

import pytest

from kommuneokonomi.data import frame
from tests.pagetest import KOMMUNER, annotations, notices, open_page, texts, titles


def _kostra_kommuner() -> set[str]:
    rows = frame("kostra")
    rows = rows[rows.region_code.str.fullmatch(r"\d{4}") & rows.value.notna()]
    return set(rows.region_code)


def _coverage_table(at):
    """The per-municipality coverage table (the only one with a column for NDR years)."""
    return next(d.value for d in at.dataframe if "År med netto driftsresultat" in d.value.columns)


@pytest.mark.parametrize("code", list(KOMMUNER))
def test_page_names_sources_and_what_exists_for_the_municipality(code):
    at = open_page("om-dataene", kommune=code)
    assert not at.exception
    said = texts(at)
    assert "KLASS 131" in said
    sources = at.dataframe[0].value.to_string()
    assert "12134" in sources and "07459" in sources
    n = len(_kostra_kommuner())
    assert titles(at) == [
        f"KOSTRA-nøkkeltall finnes for {n} av 357 kommuner; flest i 2025 ({n} kommuner)"
    ]
    assert annotations(at)[0].startswith("Kilde: SSB tabell 12134 og 12137 · 2015–2025")
    sentence = next(m.value for m in at.markdown if "i dataene appen bruker nå" in m.value)
    assert f"({code})" in sentence.replace("\\", "")
    assert "ingen KOSTRA" not in sentence
    assert len(_coverage_table(at)) == 357


def test_coverage_table_can_be_searched_and_narrowed_to_municipalities_with_kostra():
    at = open_page("om-dataene", kommune="4601")
    at.text_input(key="om_sok").input("austr").run()
    assert not at.exception
    assert list(_coverage_table(at)["Kommune"]) == ["Austrheim"]
    at.text_input(key="om_sok").input("").run()
    at.toggle(key="om_bare_kostra").set_value(True).run()
    assert set(_coverage_table(at)["Kommunenr."]) == _kostra_kommuner()


@pytest.mark.parametrize(
    "params",
    [{"kommune": "9999"}, {"aar": "abc"}, {"sammenlign": "<script>alert(1)</script>"}],
    ids=["unknown-kommune", "year-not-a-number", "markup-in-compare"],
)
def test_bad_parameters_do_not_break_the_page(params):
    at = open_page("om-dataene", **params)
    assert not at.exception
    assert at.selectbox(key="kommune").value == "0301"
    assert all("<script>" not in n for n in notices(at))


def test_english_page_speaks_english():
    at = open_page("om-dataene", kommune="4601", lang="en")
    assert not at.exception
    assert titles(at)[0].startswith("KOSTRA key figures exist for")
    assert "Kilde" not in " ".join(annotations(at))
    assert "i dataene appen bruker nå" not in texts(at)
