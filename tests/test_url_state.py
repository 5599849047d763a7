"""The address bar holds codes and survives page switches, so a copied link restores the view.

`?kommune=4601&aar=2025&sammenlign=0301,5001` must come back as codes after any interaction
(not the pickers' labels), old links with labels must still open the right view, and the
URL after a page switch via the navigation must still carry the shared choices.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from kommuneokonomi.views import catalog
from tests.pagetest import APP, PAGES, notices, open_page


def _switch(at: AppTest, page: str) -> AppTest:
    """Follow the navigation to `page`: Streamlit opens it with an empty query string."""
    at.switch_page(PAGES[page])
    at.query_params.clear()
    return at.run()


def test_picking_a_municipality_writes_its_code_to_the_url():
    at = open_page("kommuneprofil", kommune="0301")
    at.selectbox(key="kommune").set_value("4601").run()
    assert not at.exception
    assert at.query_params["kommune"] == "4601"


def test_picking_year_and_comparison_set_writes_codes_to_the_url():
    at = open_page("sammenlign", kommune="4601", aar="2024", mot="egne")
    at.multiselect(key="sammenlign").set_value(["0301", "5001"]).run()
    at.selectbox(key="indikator").set_value("folketall").run()
    assert not at.exception
    params = at.query_params
    assert (params["kommune"], params["aar"], params["sammenlign"]) == ("4601", "2024", "0301,5001")
    assert (params["mot"], params["indikator"]) == ("egne", "folketall")


def test_a_link_with_the_old_labels_still_opens_the_view_and_is_rewritten_to_codes():
    at = open_page(
        "sammenlign", kommune="Bergen (4601)", sammenlign="Oslo - Oslove (0301)", lang="English"
    )
    assert not at.exception
    assert at.selectbox(key="kommune").value == "4601"
    assert at.multiselect(key="sammenlign").value == ["0301"]
    assert (at.query_params["kommune"], at.query_params["sammenlign"]) == ("4601", "0301")
    assert at.query_params["lang"] == "en"


def test_an_indicator_code_in_the_url_selects_that_indicator():
    at = open_page("sammenlign", kommune="4601", indikator="KOSAGD230000")
    assert not at.exception
    assert at.selectbox(key="indikator").value == "KOSAGD230000"
    assert at.query_params["indikator"] == "KOSAGD230000"
    assert not any("KOSAGD230000" in n for n in notices(at))


def test_an_unknown_indicator_gives_a_notice_and_the_default():
    at = open_page("sammenlign", kommune="4601", indikator="KOS999")
    assert not at.exception
    assert any("KOS999" in n for n in notices(at))
    assert at.query_params["indikator"] != "KOS999"


def test_a_page_switch_keeps_the_shared_choices_in_the_url():
    at = open_page("sammenlign", kommune="4601", aar="2024", sammenlign="0301,5001", lang="en")
    at.selectbox(key="kommune").set_value("1508").run()
    for page in ("kommuneprofil", "om-dataene", "driftsresultat", "sammenlign"):
        _switch(at, page)
        assert not at.exception, page
        params = at.query_params
        assert params["kommune"] == "1508", page
        assert params["sammenlign"] == "0301,5001", page
        assert params["aar"] == "2024", page
        assert params["lang"] == "en", page
    assert at.selectbox(key="kommune").value == "1508"
    assert at.multiselect(key="sammenlign").value == ["0301", "5001"]


def test_linked_choices_a_page_does_not_use_reach_the_next_page():
    at = open_page("kommuneprofil", kommune="4601", aar="2024", sammenlign="0301,5001")
    assert at.query_params["aar"] == "2024"
    _switch(at, "sammenlign")
    assert not at.exception
    assert at.selectbox(key="aar").value == 2024
    assert at.multiselect(key="sammenlign").value == ["0301", "5001"]
    assert (at.query_params["aar"], at.query_params["sammenlign"]) == ("2024", "0301,5001")


EGNE_ALONE = {"kommune": "4633", "mot": "egne", "indikator": "KOSAGD230000"}


def test_own_choice_without_municipalities_says_so_on_the_page():
    at = open_page("sammenlign", **EGNE_ALONE)
    assert not at.exception
    said = " ".join(notices(at)) + " ".join(c.value for c in at.caption)
    assert "Ingen kommuner er valgt" in said


@pytest.mark.parametrize("vis", ["sammenlign-smaa", "sammenlign-tabell", "sammenlign-indeks"])
def test_own_choice_without_municipalities_says_so_in_the_embed(vis):
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in {**EGNE_ALONE, "vis": vis}.items():
        at.query_params[key] = value
    at.switch_page("pages/embed.py")
    at.run()
    assert not at.exception
    said = " ".join(notices(at)) + " ".join(c.value for c in at.caption)
    assert said, "an embed never stays empty without a word"
    if vis != "sammenlign-indeks":  # this measure cannot be indexed; the embed says that
        assert "Ingen kommuner er valgt" in said


def test_an_unexpected_error_in_an_embed_gives_a_message_not_a_traceback(monkeypatch, caplog):
    def broken(vis, state):
        raise KeyError("group")  # synthetic failure, standing in for any bug in a view

    monkeypatch.setattr(catalog, "build", broken)
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["vis"] = "sammenlign-smaa"
    at.query_params["kommune"] = "4601"
    at.switch_page("pages/embed.py")
    at.run()
    assert not at.exception
    assert any("kunne ikke lages" in n for n in notices(at))
    assert "embed sammenlign-smaa failed" in caplog.text
