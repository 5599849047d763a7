"""The start page proves the whole path: snapshot → data layer → query → chart → page."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.pagetest import chart_payloads, specs

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def _run(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def _chart_titles(at: AppTest) -> list[str]:
    return [spec["layout"]["title"]["text"] for spec in specs(at)]


def test_start_page_shows_norways_population_with_source_line():
    at = _run()
    assert not at.exception
    payloads = chart_payloads(at)
    assert any("5627400" in s and "5550203" in s for s in payloads), "Norway 2026, 2024 values"
    assert any("Kilde: SSB tabell 07459" in s for s in payloads)
    assert any(title.startswith("Norge hadde 5") for title in _chart_titles(at))


def test_start_page_shows_people_20_66_per_person_67_plus_to_2050():
    at = _run(kommune="4003")
    assert not at.exception
    titles = _chart_titles(at)
    assert any("Skien" in t and "2050" in t for t in titles)


def test_old_municipality_code_in_url_leads_to_todays_municipality():
    at = _run(kommune="1201")
    assert not at.exception
    assert at.selectbox(key="kommune").value == "4601"
    assert any("1201" in i.value and "Bergen" in i.value for i in at.info)


def test_markup_in_url_is_not_rendered_and_falls_back_to_default():
    at = _run(kommune="<script>alert(1)</script>")
    assert not at.exception
    assert at.selectbox(key="kommune").value == "0301"
    assert all("<script>" not in i.value for i in at.info)
