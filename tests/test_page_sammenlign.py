"""Sammenlign: the municipality against its KOSTRA group, county, neighbours or an own set."""

from __future__ import annotations

import pytest

from tests.pagetest import (
    KOMMUNER,
    annotations,
    kostra_value,
    nb,
    notices,
    open_page,
    share_67_plus,
    texts,
    titles,
)


@pytest.mark.parametrize("code", list(KOMMUNER))
def test_table_ranks_the_municipality_in_its_kostra_group(code):
    at = open_page("sammenlign", kommune=code)
    assert not at.exception
    name = KOMMUNER[code]
    said = texts(at)
    value = nb(share_67_plus(code, 2025), 1)
    if code == "0301":  # Oslo is a KOSTRA group of its own: nothing to rank against
        assert f"Andel 67 år og eldre, 1. januar 2025: {name} har {value} %" in said
    else:
        assert f"Andel 67 år og eldre, 1. januar 2025: {name} er nr. " in said
        assert f"med {value} %" in said
    table = at.dataframe[0].value
    assert table["kommune"].iloc[0] == name, "chosen municipality first"
    first, last = share_67_plus(code, 2005), share_67_plus(code, 2026)
    expected = f"Andel 67 år og eldre: {name} gikk fra {nb(first, 1)} % i 2005 til {nb(last, 1)} %"
    assert titles(at)[0].startswith(expected)
    assert any("Kilde: SSB tabell 07459" in a for a in annotations(at))


def test_debt_and_the_gap_to_the_norm_are_compared_with_the_group_and_landet_below():
    at = open_page("sammenlign", kommune="3301", indikator="KG31_per_innbygger")
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table["kommune"])[-2:] == ["KOSTRA-gruppe 12", "Landet"]
    assert table["KG31_per_innbygger"].iloc[-1] == kostra_value("EAK", "KG31_per_innbygger", 2025)
    assert table["KG31_per_innbygger__rank"].iloc[-2:].isna().all(), "reference rows unranked"
    assert {"normgap_per_innbygger", "KG31_pct"} <= set(table.columns)
    debt = kostra_value("3301", "KG31_per_innbygger", 2025)
    assert f"Drammen er nr. 3 av 11 i KOSTRA-gruppe 12 med {nb(debt)} kr" in texts(at)
    assert "beregnet av SSBs beløp (tabell 12137)" in texts(at)


def test_neighbours_replace_the_group_when_chosen():
    at = open_page("sammenlign", kommune="4601")
    at.button_group(key="mot").set_value("naboer").run()
    assert not at.exception
    assert "nabokommunene lå mellom" in titles(at)[0]
    assert "Bergen og nabokommunene" in texts(at) or "nabo" in texts(at)


def test_own_set_from_the_link_is_compared():
    at = open_page("sammenlign", kommune="4601", sammenlign="0301,5001")
    assert not at.exception
    assert at.button_group(key="mot").value == "egne"
    assert at.multiselect(key="sammenlign").value == ["0301", "5001"]
    table = at.dataframe[0].value
    assert list(table["kommune"]) == [
        "Bergen",
        "Oslo - Oslove",
        "Trondheim - Tråante",
        "KOSTRA-gruppe 12",
        "Landet",
    ]
    low, high = sorted([share_67_plus("0301", 2026), share_67_plus("5001", 2026)])
    assert f"de valgte kommunene lå mellom {nb(low, 1)} % og {nb(high, 1)} %" in titles(at)[0]


def test_index_to_100_adds_an_index_chart_starting_at_100():
    at = open_page("sammenlign", kommune="4601")
    at.toggle(key="_indeks_on").set_value(True).run()
    assert not at.exception
    shown = titles(at)
    assert len(shown) == 2
    assert shown[0].startswith("Andel 67 år og eldre (indeks, 2005 = 100): Bergen gikk fra 100,0")


@pytest.mark.parametrize(
    "params",
    [
        {"kommune": "9999"},
        {"aar": "abc", "mot": "zzz", "indeks": "x"},
        {"sammenlign": "<script>alert(1)</script>"},
    ],
    ids=["unknown-kommune", "bad-year-set-and-index", "markup-in-compare"],
)
def test_bad_parameters_give_notices_and_defaults(params):
    at = open_page("sammenlign", **params)
    assert not at.exception
    assert notices(at)
    assert all("<script>" not in n for n in notices(at))
    assert at.selectbox(key="aar").value == 2025


def test_english_page_speaks_english():
    at = open_page("sammenlign", kommune="4601", lang="en")
    assert not at.exception
    assert titles(at)[0].startswith("Share aged 67 and over: Bergen went from")
    assert "Bergen ranks" in texts(at)
    assert all("Kilde" not in a for a in annotations(at))
