"""Netto driftsresultat: ranking, distribution, map and trend for a year; missing data in words."""

from __future__ import annotations

import pytest

from tests.pagetest import (
    KOMMUNER,
    annotations,
    kostra_value,
    nb,
    ndr_values,
    notices,
    open_page,
    specs,
    texts,
    titles,
)


def tied(values: dict[str, float], value: float) -> bool:
    return sum(v == value for v in values.values()) > 1


@pytest.mark.parametrize("code", list(KOMMUNER))
def test_page_ranks_the_municipality_and_gives_the_gap_in_kroner(code):
    at = open_page("driftsresultat", kommune=code)
    assert not at.exception
    name, values = KOMMUNER[code], ndr_values(2025)
    assert len(values) == 357, "every municipality has a figure for 2025"
    shown = titles(at)
    over = sum(v > 1.75 for v in values.values())
    assert f"{over} av 357 kommuner med tall lå over TBU-normen i 2025" in shown
    assert sum("Kilde: SSB tabell 12134 og 12137" in a for a in annotations(at)) == 3
    value = values[code]
    rank = 1 + sum(v > value for v in values.values())
    assert f"Plassering 2025 {'delt ' if tied(values, value) else ''}{rank} av 357" in texts(at)
    assert any(t.startswith(f"{name} ({nb(value, 1)} %) lå ") for t in shown)
    assert at.dataframe[0].value.iloc[0]["Kommune"] == name, "chosen municipality on top"
    gap = 0.0175 * kostra_value(code, "AGD13_belop", 2025) - kostra_value(code, "AGD23_belop", 2025)
    assert f"{nb(abs(gap) / 1000, 1)} mill. kr" in texts(at)
    assert any(f"{nb(abs(gap) / 1000, 1)} mill. kr" in t for t in shown), "the gap chart"


def test_the_gap_chart_draws_every_year_from_ssbs_amounts():
    at = open_page("driftsresultat", kommune="3301")
    gap_chart = next(s for s in specs(at) if s["data"][0]["type"] == "bar")
    assert list(gap_chart["data"][0]["x"]) == [2020, 2021, 2022, 2023, 2024, 2025]
    needed_2024 = (0.0175 * 9993137 - 110225) / 1000
    assert gap_chart["data"][0]["y"][4] == pytest.approx(needed_2024)
    assert any("beregnet av SSBs beløp" in n for n in texts(at).split("\n"))


def test_ranking_search_finds_municipalities_by_part_of_their_name():
    at = open_page("driftsresultat", kommune="4601")
    assert len(at.dataframe[0].value) == 357
    at.text_input(key="ndr_search").input("austr").run()
    assert not at.exception
    assert list(at.dataframe[0].value["Kommune"]) == ["Austrheim"]


def test_ranking_lists_municipalities_without_figures_as_missing_never_zero():
    at = open_page("driftsresultat", kommune="4601", aar="2023")
    at.toggle(key="ndr_missing").set_value(True).run()
    table = at.dataframe[0].value
    assert len(table) == 357
    assert table[table["Kommune"] == "Ålesund"]["Resultat"].isna().all(), "missing is not 0"
    assert table[table["Kommune"] == "Haram"]["Resultat"].isna().all()
    assert set(table.loc[table["Kommune"] == "Ålesund", "Merknad"]) == {"mangler"}


def test_the_note_column_is_left_out_when_no_row_has_a_note():
    """2025: final figures for every municipality, so no row has a note."""
    at = open_page("driftsresultat", kommune="4601", aar="2025")
    table = at.dataframe[0].value
    assert "Merknad" not in table.columns and "Resultat" in table.columns


def test_changing_the_year_redraws_the_distribution_for_that_year():
    at = open_page("driftsresultat", kommune="0301")
    at.selectbox(key="aar").set_value(2024).run()
    assert not at.exception
    values = ndr_values(2024)
    over = sum(v > 1.75 for v in values.values())
    assert f"{over} av {len(values)} kommuner med tall lå over TBU-normen i 2024" in titles(at)


@pytest.mark.parametrize("year", [2022, 2023])
def test_the_maps_of_2022_and_2023_colour_every_municipality_with_figures(year):
    at = open_page("driftsresultat", kommune="3301", aar=str(year))
    the_map = next(s for s in specs(at) if any(d["type"] == "choropleth" for d in s["data"]))
    coloured = [d for d in the_map["data"] if d["type"] == "choropleth" and "colorbar" in d]
    assert len(coloured[0]["locations"]) == 355, "all but 1508 and 1580, split in 2024"


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
