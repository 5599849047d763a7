"""Befolkning og framskriving: pyramid, age groups, projection band, support ratio and 80+."""

from __future__ import annotations

import pytest

from kommuneokonomi.data import frame
from tests.pagetest import (
    KOMMUNER,
    annotations,
    nb,
    notices,
    open_page,
    plain,
    population,
    projection_total,
    share_67_plus,
    texts,
    titles,
)


def _projected(code: str, year: int, alternative: str = "MMMM") -> int:
    rows = frame("framskriving")
    rows = rows[
        (rows.region_code == code)
        & (rows.year == year)
        & (rows.alternative == alternative)
        & (rows.table_id == "14746")
    ]
    return int(rows.persons.sum())


@pytest.mark.parametrize("code", list(KOMMUNER))
def test_pyramid_title_states_the_share_aged_67_plus_against_norway(code):
    at = open_page("befolkning", kommune=code)
    assert not at.exception
    name = KOMMUNER[code]
    share, norway = share_67_plus(code, 2026), share_67_plus(None, 2026)
    expected = (
        f"{name}: {nb(share, 1)} % av innbyggerne var 67 år eller eldre 1. januar 2026, "
        f"mot {nb(norway, 1)} % i Norge"
    )
    shown = titles(at)
    assert shown[0] == expected
    assert len(shown) == 5, "pyramid, age groups, projection, support, 80+ (the map waits)"
    assert sum("Kilde: SSB tabell 07459" in a for a in annotations(at)) == 5


def test_municipality_outside_telemark_draws_its_projected_total_and_says_why_not_by_age():
    at = open_page("befolkning", kommune="4601")
    projection = titles(at)[2]
    assert projection == (
        f"Bergen ventes å ha {nb(projection_total('4601', 2050))} innbyggere i 2050 etter SSBs "
        f"hovedalternativ, mot {nb(population('4601', 2026))} i 2026"
    )
    assert any("14288" in a for a in annotations(at))
    assert "finnes framskrivingen offline bare som totalt folketall" in texts(at)


def test_growth_of_every_municipality_is_drawn_only_when_asked_for():
    at = open_page("befolkning", kommune="1867")
    assert not at.exception
    assert len(titles(at)) == 5, "the map waits behind its expander"
    assert not at.dataframe, "and so does the ranking"
    at.session_state["vekst"] = True
    at.run()
    assert len(titles(at)) == 6 and len(at.dataframe) == 1
    linked = open_page("befolkning", kommune="1867", vekst="true")
    assert len(titles(linked)) == 6, "a link with ?vekst=true opens it"
    bad = open_page("befolkning", kommune="1867", vekst="zzz")
    assert not bad.exception and len(titles(bad)) == 5


def test_growth_to_2050_is_ranked_and_mapped_for_every_municipality():
    at = open_page("befolkning", kommune="1867")
    at.session_state["vekst"] = True
    at.run()
    growth = 100 * (projection_total("1867", 2050) / projection_total("1867", 2024) - 1)
    # The map is about the whole country (its drawing stays the same for every municipality,
    # charts.overlay); the ranking beside it is headed by the chosen municipality's growth.
    assert titles(at)[5].endswith("kommuner ventes å vokse til 2050 etter SSBs hovedalternativ")
    headings = [plain(m.value) for m in at.markdown if m.value.startswith("**Bø:")]
    assert headings[0].startswith(f"**Bø: −{nb(abs(growth), 1)} % til 2050")
    table = at.dataframe[0].value
    assert len(table) == 357 and table.iloc[0]["Kommune"] == "Bø"
    at.text_input(key="vekst_search").input("rendal").run()
    assert set(at.dataframe[0].value["Kommune"]) == {"Rendalen", "Arendal"}


def test_telemark_municipality_has_the_projection_to_2050():
    at = open_page("befolkning", kommune="4003")
    assert not at.exception
    expected = (
        f"Skien ventes å ha {nb(_projected('4003', 2050))} innbyggere i 2050 etter SSBs "
        f"hovedalternativ, mot {nb(population('4003', 2026))} i 2026"
    )
    assert expected in titles(at)
    assert any("14746" in a for a in annotations(at))


def test_switching_to_the_county_redraws_pyramid_and_projection_for_it():
    at = open_page("befolkning", kommune="4003")
    at.button_group(key="niva").set_value("fylke").run()
    assert not at.exception
    shown = titles(at)
    assert shown[0].startswith("Telemark: ")
    assert f"Telemark ventes å ha {nb(_projected('40', 2050))} innbyggere i 2050" in shown[2]
    assert shown[3].startswith("Skien: "), "the support ratio stays about the municipality"


def test_changing_the_year_redraws_the_pyramid_for_that_year():
    at = open_page("befolkning", kommune="1867")
    at.selectbox(key="aar").set_value(2010).run()
    assert not at.exception
    assert titles(at)[0].startswith(f"Bø: {nb(share_67_plus('1867', 2010), 1)} %")
    assert "1. januar 2010" in titles(at)[0]


@pytest.mark.parametrize(
    "params",
    [{"kommune": "9999"}, {"aar": "abc"}, {"niva": "<script>x</script>"}],
    ids=["unknown-kommune", "year-not-a-number", "markup-as-level"],
)
def test_bad_parameters_give_a_notice_and_defaults(params):
    at = open_page("befolkning", **params)
    assert not at.exception
    assert titles(at)[0].startswith("Oslo - Oslove: ")
    assert notices(at), "the reader is told"
    assert all("<script>" not in n for n in notices(at))


def test_english_page_has_english_titles_and_sources():
    at = open_page("befolkning", kommune="4003", lang="en")
    assert not at.exception
    assert titles(at)[0].startswith("Skien: ") and "of residents" in titles(at)[0]
    assert all("Kilde" not in a and "Menn" not in a for a in annotations(at))


def test_switching_page_keeps_the_municipality_and_year():
    at = open_page("driftsresultat", kommune="4601", aar="2024")
    at.query_params.clear()  # the navigation opens the next page with an empty query string
    at.switch_page("pages/befolkning.py").run()
    assert not at.exception
    assert titles(at)[0].startswith("Bergen: ") and "1. januar 2024" in titles(at)[0]
