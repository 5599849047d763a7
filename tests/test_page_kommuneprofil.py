"""Kommuneprofil: sentences, cards and charts for any municipality, with or without KOSTRA."""

from __future__ import annotations

import pytest

from tests.pagetest import (
    KOMMUNER,
    WITH_KOSTRA,
    annotations,
    kostra_value,
    nb,
    notices,
    open_page,
    population,
    specs,
    texts,
    titles,
)

NDR = "KOSAGD230000"


@pytest.mark.parametrize("code", list(KOMMUNER))
def test_profile_states_population_and_position_for_each_municipality(code):
    at = open_page("kommuneprofil", kommune=code)
    assert not at.exception
    name = KOMMUNER[code]
    said = texts(at)
    assert f"{name} hadde {nb(population(code, 2026))} innbyggere 1. januar 2026" in said
    assert any(
        t.startswith(f"{name} hadde {nb(population(code, 2026))} innbyggere") for t in titles(at)
    )
    assert any("Kilde: SSB tabell 07459" in a for a in annotations(at))
    value = kostra_value(code, NDR, 2025)
    if code in WITH_KOSTRA:
        assert f"netto driftsresultat på {nb(value, 1)} % i 2025" in said
        assert any("Kilde: SSB tabell 12134" in a for a in annotations(at))
    else:
        assert value is None
        assert any(f"ingen tall for {name}" in t for t in titles(at)), titles(at)
        # the title names what is drawn: the group too only where the snapshot has its figure
        groups = sum("KOSTRA-gruppe" in label for label in specs(at)[0]["data"][0]["y"])
        shown = "i 2025; gruppen og landet vises" if groups else "eller KOSTRA-gruppen i 2025"
        assert titles(at)[0].startswith(f"Ingen tall for {name} {shown}")


def test_profile_without_kostra_figures_says_so_in_words():
    at = open_page("kommuneprofil", kommune="1867")
    said = texts(at)
    assert "Bø" in said and "datagrunnlag" in said
    assert "Netto driftsresultat: ingen tall for Bø i datagrunnlaget" in titles(at)


@pytest.mark.parametrize(
    "params",
    [{"kommune": "9999"}, {"aar": "abc"}, {"sammenlign": "<script>alert(1)</script>"}],
    ids=["unknown-kommune", "year-not-a-number", "markup-in-compare"],
)
def test_profile_with_a_bad_parameter_falls_back_without_traceback(params):
    at = open_page("kommuneprofil", **params)
    assert not at.exception
    assert at.selectbox(key="kommune").value == "0301"
    assert all("<script>" not in n for n in notices(at))
    if "kommune" in params:
        assert any("9999" in n for n in notices(at))


def test_picking_another_municipality_rebuilds_the_profile():
    at = open_page("kommuneprofil", kommune="0301")
    at.selectbox(key="kommune").set_value("4601").run()
    assert not at.exception
    assert at.selectbox(key="kommune").value == "4601"
    assert any(
        t.startswith("Bergen hadde netto driftsresultat på 1,0 % i 2025") for t in titles(at)
    )


def test_english_profile_has_no_bokmal_titles():
    at = open_page("kommuneprofil", kommune="4601", lang="en")
    assert not at.exception
    shown = titles(at)
    assert any("Bergen" in t and "inhabitants" in t for t in shown), shown
    for word in (" hadde ", " innbyggere", "personer", "ingen tall"):
        assert all(word not in t for t in shown), (word, shown)
    assert all("Kilde:" not in a for a in annotations(at))
