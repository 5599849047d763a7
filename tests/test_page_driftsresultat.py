"""Netto driftsresultat: ranking, distribution, map and trend for a year; missing data in words."""

from __future__ import annotations

import pytest

from kommuneokonomi.data import frame
from tests.pagetest import (
    KOMMUNER,
    WITH_KOSTRA,
    annotations,
    kostra_value,
    nb,
    notices,
    open_page,
    texts,
    titles,
)

NDR = "KOSAGD230000"


def _municipal_values(year: int) -> dict[str, float]:
    rows = frame("kostra")
    rows = rows[(rows.indicator_code == NDR) & (rows.year == year) & rows.value.notna()]
    rows = rows[rows.region_code.str.fullmatch(r"\d{4}")]
    return dict(zip(rows.region_code, rows.value, strict=True))


def tied(values: dict[str, float], value: float) -> bool:
    return sum(v == value for v in values.values()) > 1


@pytest.mark.parametrize("code", list(KOMMUNER))
def test_page_ranks_the_municipality_or_says_it_has_no_figure(code):
    at = open_page("driftsresultat", kommune=code)
    assert not at.exception
    name, values = KOMMUNER[code], _municipal_values(2025)
    shown = titles(at)
    over = sum(v > 1.75 for v in values.values())
    assert f"{over} av {len(values)} kommuner med tall lå over TBU-normen i 2025" in shown
    assert sum("Kilde: SSB tabell 12134" in a for a in annotations(at)) == 3
    if code in WITH_KOSTRA:
        value = kostra_value(code, NDR, 2025)
        rank = 1 + sum(v > value for v in values.values())
        assert (
            f"Plassering 2025 {'delt ' if tied(values, value) else ''}{rank} av {len(values)}"
            in texts(at)
        )
        assert shown[0].startswith(f"{name} ({nb(value, 1)} %) lå ")
        assert at.dataframe[0].value.iloc[0]["Kommune"] == name, "chosen municipality on top"
    else:
        assert any(name in n and "ikke tall for netto driftsresultat" in n for n in notices(at))
        assert f"Netto driftsresultat: ingen tall for {name} i datagrunnlaget" in shown


def test_ranking_search_finds_municipalities_by_part_of_their_name():
    at = open_page("driftsresultat", kommune="4601")
    assert len(at.dataframe[0].value) == len(_municipal_values(2025))
    at.text_input(key="ndr_search").input("austr").run()
    assert not at.exception
    assert list(at.dataframe[0].value["Kommune"]) == ["Austrheim"]


def test_ranking_can_list_municipalities_without_figures_marked_as_missing():
    at = open_page("driftsresultat", kommune="4601")
    at.toggle(key="ndr_missing").set_value(True).run()
    table = at.dataframe[0].value
    assert len(table) == 357
    assert table[table["Kommune"] == "Ålesund"]["Resultat"].isna().all(), "missing is not 0"


def test_changing_the_year_redraws_the_distribution_for_that_year():
    at = open_page("driftsresultat", kommune="0301")
    at.selectbox(key="aar").set_value(2024).run()
    assert not at.exception
    values = _municipal_values(2024)
    over = sum(v > 1.75 for v in values.values())
    assert f"{over} av {len(values)} kommuner med tall lå over TBU-normen i 2024" in titles(at)


@pytest.mark.parametrize(
    "params",
    [{"kommune": "9999"}, {"aar": "abc"}, {"aar": "1066"}, {"sammenlign": "<script>x</script>"}],
    ids=["unknown-kommune", "year-not-a-number", "year-out-of-range", "markup-in-compare"],
)
def test_bad_parameters_give_a_notice_and_the_newest_year(params):
    at = open_page("driftsresultat", **params)
    assert not at.exception
    assert at.selectbox(key="aar").value == 2025
    assert all("<script>" not in n for n in notices(at))
    if "aar" in params:
        assert any(params["aar"] in n for n in notices(at)), notices(at)


def test_english_page_speaks_english():
    at = open_page("driftsresultat", kommune="4601", lang="en")
    assert not at.exception
    assert all("Kilde" not in a and "TBU-norm " not in a for a in annotations(at))
    assert not any(word in texts(at) for word in ("kommuner med tall", "Hule punkter", "foreløpig"))
