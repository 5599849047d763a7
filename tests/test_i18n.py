"""The language is chosen once and reached where text is made: the view memo keeps languages
apart, exhibits and their files speak their own language whoever builds them, and numbers
and dates follow the language (Babel's CLDR data, written as the app has always written them).
"""

from __future__ import annotations

from kommuneokonomi import export, i18n
from kommuneokonomi.formatting import (
    iso_date,
    number,
    percent,
    percent_suffix,
    plotly_separators,
    signed,
)
from kommuneokonomi.i18n import language, t
from kommuneokonomi.state import ViewState
from kommuneokonomi.views import catalog, driftsresultat


def test_the_view_memo_keeps_bokmal_and_english_of_one_view_apart():
    state = ViewState(kommune="4601", aar=2025)
    driftsresultat.trend.cache_clear()
    with language("nb"):
        bokmal = driftsresultat.trend(state)
    with language("en"):
        english = driftsresultat.trend(state)
    with language("nb"):
        again = driftsresultat.trend(state)
    assert (bokmal.lang, english.lang) == ("nb", "en")
    assert bokmal.title.startswith("Bergen hadde") and english.title.startswith("Bergen's")
    assert "Kilde" in bokmal.source_text and "Source" in english.source_text
    assert again is bokmal, "the second bokmål request is served from the memo"


def test_an_exhibit_from_the_catalogue_speaks_its_states_language_whoever_asks():
    with language("en"):
        exhibit = catalog.build("ndr-trend", ViewState(kommune="4601", lang="nb"))
        assert i18n.current() == "en", "the caller's language is left as it was"
    assert exhibit.lang == "nb" and exhibit.title.startswith("Bergen hadde")


def test_files_are_in_the_exhibits_language_whoever_asks():
    exhibit = catalog.build("ndr-trend", ViewState(kommune="4601", lang="nb"))
    with language("en"):
        headers = list(export.table(exhibit).columns)
        readme = export.readme_text(exhibit, {"licence": []}, "x.csv", export.CSV_NB)
    with language("nb"):
        csv_format = t("eksport.format_nb")
    assert "år" in headers and "year" not in headers
    assert csv_format in readme


def test_a_language_block_ends_where_it_ends():
    assert i18n.current() == i18n.DEFAULT_LANG
    with language("en"):
        assert t("common.year") == "Year"
    assert t("common.year") == "År"


def test_bokmal_numbers_dates_and_percentages():
    with language("nb"):
        assert number(-1234567.5, 1) == "\u22121\u00a0234\u00a0567,5"
        assert number(-0.04, 1) == "0,0", "−0 is written 0"
        assert percent(1.8) == "1,8\u00a0%" and percent_suffix() == "\u00a0%"
        assert signed(1.25, 2) == "+1,25" and signed(-0.4) == "\u22120,4"
        assert iso_date("2026-03-16") == "16. mars 2026"
        assert iso_date("2026-06") == "juni 2026"
        assert plotly_separators() == ",\u00a0"


def test_english_numbers_dates_and_percentages():
    with language("en"):
        assert number(-1234567.5, 1) == "-1,234,567.5"
        assert percent(1.8) == "1.8%" and percent_suffix() == "%"
        assert signed(1.25, 2) == "+1.25" and signed(-0.4) == "-0.4"
        assert iso_date("2026-03-16") == "16 March 2026"
        assert iso_date("2026-06") == "June 2026"
        assert iso_date("not a date") == "not a date"
        assert plotly_separators() == ".,"
