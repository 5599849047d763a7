"""A municipality whose earlier KOSTRA figures SSB published under an older number gets a
marked series break: Drammen (3005 before 2024, 3301 since) in the real data, and a
relabelled case whose source codes are SYNTHETIC and exist only here."""

from __future__ import annotations

import pandas as pd

from kommuneokonomi.indicators import NETTO_DRIFTSRESULTAT
from kommuneokonomi.queries import kostra
from kommuneokonomi.state import ViewState
from kommuneokonomi.views import driftsresultat


def _bergen_published_as_1201_before(year: int) -> pd.DataFrame:
    rows = kostra.series(NETTO_DRIFTSRESULTAT, ("4601",)).copy()
    rows.loc[rows["year"] < year, "source_code"] = "1201"  # SYNTHETIC relabelling
    return rows


def test_renumbering_names_the_first_year_and_the_old_code(snapshot_settings):
    rows = _bergen_published_as_1201_before(2025)
    assert kostra.renumbering(rows, "4601") == (2025, "1201")
    assert kostra.renumbering(kostra.series(NETTO_DRIFTSRESULTAT, ("4601",)), "4601") is None


def test_trend_marks_the_break_with_a_line_and_a_note(snapshot_settings, monkeypatch):
    relabelled = _bergen_published_as_1201_before(2025)
    real = kostra.series

    def series(code, regions):
        rows = real(code, regions)
        return pd.concat([rows[rows["region_code"] != "4601"], relabelled])

    monkeypatch.setattr(kostra, "series", series)
    driftsresultat.trend.cache_clear()  # exhibits are memoised: rebuild from the relabelled rows
    exhibit = driftsresultat.trend(ViewState(kommune="4601", aar=2025, lang="nb"))
    assert any("kommunenummer 1201" in d and "2025" in d for d in exhibit.details)
    shapes = exhibit.figure.to_dict()["layout"]["shapes"]
    assert any(shape.get("x0") == 2024.5 for shape in shapes)
    driftsresultat.trend.cache_clear()  # no later test may see the relabelled exhibit


def test_drammens_trend_marks_its_2024_renumbering(snapshot_settings):
    driftsresultat.trend.cache_clear()
    exhibit = driftsresultat.trend(ViewState(kommune="3301", aar=2025, lang="nb"))
    assert any("kommunenummer 3005" in d and "2024" in d for d in exhibit.details)
    shapes = exhibit.figure.to_dict()["layout"]["shapes"]
    assert any(shape.get("x0") == 2023.5 for shape in shapes)
