"""Kommuneprofil: sentences, cards and charts for any municipality, with or without KOSTRA."""

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
    plain,
    population,
    projection_total,
    texts,
    titles,
)


@pytest.mark.parametrize("code", list(KOMMUNER))
def test_profile_states_population_and_position_for_each_municipality(code):
    at = open_page("kommuneprofil", kommune=code)
    assert not at.exception
    name = KOMMUNER[code]
    said = texts(at)
    assert f"{name} hadde {nb(population(code, 2026))} innbyggere 1. januar 2026" in said
    assert any(f"mot {nb(population(code, 2026))} i 2026" in t for t in titles(at))
    assert any("Kilde: SSB tabell 07459" in a for a in annotations(at))
    value = ndr_values(2025)[code]
    assert f"netto driftsresultat på {nb(value, 1)} % i 2025" in said
    assert any("Kilde: SSB tabell 12134 og 12137" in a for a in annotations(at))


# Drammen (the cut package), Bergen, Stavanger, a small municipality and Ålesund (split 2024).
@pytest.mark.parametrize("code", ["3301", "4601", "1103", "1867", "1508"])
def test_profile_gives_the_gap_to_the_norm_in_kroner_the_debt_and_the_projection(code):
    at = open_page("kommuneprofil", kommune=code)
    said = texts(at)
    revenue = kostra_value(code, "AGD13_belop", 2025)
    result = kostra_value(code, "AGD23_belop", 2025)
    gap = 0.0175 * revenue - result
    words = "måtte resultatet til" if gap > 0 else "var"
    assert f"{nb(abs(gap) / 1000, 1)} mill. kr" in said and words in said
    debt = kostra_value(code, "KG31_per_innbygger", 2025)
    assert f"Netto lånegjeld var {nb(debt)} kr per innbygger i 2025" in said
    projected = projection_total(code, 2050)
    assert f"gir {nb(projected)} innbyggere i 2050" in said
    cards = {m.label: m.value for m in at.metric}
    assert plain(cards["Netto lånegjeld 2025"]) == f"{nb(debt)} kr"


def test_alesund_says_plainly_that_it_has_no_figures_before_the_split():
    at = open_page("driftsresultat", kommune="1508", aar="2023")
    assert any(
        "Ålesund har ikke tall for 2023" in n and "1507" in n and "delt" in n for n in notices(at)
    )


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
