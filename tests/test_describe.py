"""Chart descriptions (kommuneokonomi.describe): made from the exhibit's own data, in its
language, opening with the kind of chart; no number in them that the chart does not draw."""

from __future__ import annotations

import pytest

from kommuneokonomi.formatting import percent
from kommuneokonomi.i18n import language, t
from kommuneokonomi.state import ViewState
from kommuneokonomi.views import catalog


def _ndr(lang: str = "nb"):
    return catalog.build("ndr-trend", ViewState(kommune="3301", lang=lang))


def test_line_chart_names_its_kind_and_the_chosen_municipalitys_first_and_last_value():
    ex = _ndr()
    own = ex.data[(ex.data["region_code"] == "3301") & ex.data["value"].notna()]
    own = own.sort_values("year")
    first, last = own.iloc[0], own.iloc[-1]
    with language("nb"):
        expected = t(
            "a11y.series_change",
            name="Drammen",
            first_x=str(first["year"]),
            last_x=str(last["year"]),
            first=percent(first["value"], 1),
            last=percent(last["value"], 1),
        )
    assert ex.description.startswith("Linjediagram, % av brutto driftsinntekter. ")
    assert expected in ex.description
    low = own.loc[own["value"].idxmin()]
    assert f"{percent(low['value'], 1)} ({low['year']})" in ex.description
    assert "TBU-norm 1,75" in ex.description


@pytest.mark.parametrize(("lang", "kind"), [("en", "Line chart"), ("nn", "Linjediagram")])
def test_description_is_in_the_exhibits_language(lang, kind):
    description = _ndr(lang).description
    assert description.startswith(kind)
    assert ("from" if lang == "en" else "frå") in description


def test_bar_chart_lists_every_year_with_the_label_the_bar_shows():
    ex = catalog.build("ndr-normgap", ViewState(kommune="3301"))
    bars = next(trace for trace in ex.figure.data if trace.type == "bar")
    for year, text in zip(bars.x, bars.text, strict=True):
        assert f"{year}: {text}" in ex.description


def test_every_chart_in_the_catalogue_is_described_and_tables_are_not():
    for name in catalog.EXHIBITS:
        ex = catalog.build(name, ViewState(kommune="4601"))
        if ex.figure is None:
            assert ex.description == "", name
        else:
            assert len(ex.description) > 40 and ex.description.endswith("."), name
