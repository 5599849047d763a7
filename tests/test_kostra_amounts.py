"""Every municipality's finances from SSB's amounts (12137): the snapshot holds them exactly,
netto driftsresultat in per cent is SSB's figure or computed as SSB defines it (and says so),
and the gap to the TBU norm and debt follow from the same release."""

from __future__ import annotations

import pandas as pd
import pytest

from kommuneokonomi.data import frame
from kommuneokonomi.datasets import KOSTRA_LANDET
from kommuneokonomi.indicators import (
    NETTO_DRIFTSRESULTAT,
    NETTO_LANEGJELD_PCT,
    NORMGAP_BELOP,
    NORMGAP_PER_INNBYGGER,
)
from kommuneokonomi.queries import beregnet, kostra
from kommuneokonomi.settings import load_settings

SEED = load_settings().seed_dir / "ssb/kostra/kostra_belop_kommunekonsern_2020_2025_transcribed.csv"
MEASURES = {"belop": "belop_1000_kr", "per_innbygger": "kr_per_innbygger"}


@pytest.fixture(scope="module")
def seed() -> pd.DataFrame:
    return pd.read_csv(SEED, dtype={"region_code": str})


def _amount(code: str, begrep: str, measure: str, year: int) -> float:
    rows = frame("kostra")
    hit = rows[
        (rows.region_code == code)
        & (rows.indicator_code == f"{begrep}_{measure}")
        & (rows.year == year)
    ]
    assert len(hit) == 1, (code, begrep, measure, year)
    return float(hit.value.iloc[0])


# Drammen (the 170 million cut package), Bergen, Stavanger, a small municipality and Ålesund.
@pytest.mark.parametrize("code", ["3301", "4601", "1103", "1867", "1508"])
@pytest.mark.parametrize("begrep", ["AGD13", "AGD23", "KG31"])
def test_snapshot_amounts_equal_the_shared_file(seed, code, begrep):
    rows = seed[(seed.region_code == code) & (seed.regnskapsbegrep == begrep)]
    assert len(rows) > 0
    for row in rows.itertuples():
        for measure, column in MEASURES.items():
            assert _amount(code, begrep, measure, row.year) == getattr(row, column)


def test_every_municipality_has_the_amounts_2020_to_2025_except_alesund_before_its_split():
    rows = frame("kostra")
    revenue = rows[(rows.indicator_code == "AGD13_belop") & (rows.region_level == "kommune")]
    years = revenue.groupby("region_code")["year"].apply(sorted)
    assert len(years) == 357
    assert years["1508"] == [2024, 2025] and years["1580"] == [2024, 2025]
    assert all(y == list(range(2020, 2026)) for c, y in years.items() if c not in ("1508", "1580"))


def test_renumbered_municipality_keeps_the_code_ssb_published_under():
    rows = frame("kostra")
    drammen = rows[(rows.region_code == "3301") & (rows.indicator_code == "AGD23_belop")]
    codes = dict(zip(drammen.year, drammen.source_code, strict=True))
    assert codes == {2020: "3005", 2021: "3005", 2022: "3005", 2023: "3005"} | {
        2024: "3301",
        2025: "3301",
    }


def test_landet_amount_is_the_sum_of_its_municipalities(seed):
    rows = frame("kostra")
    for measure in ("AGD13_belop", "AGD23_belop", "KG31_belop"):
        amounts = rows[rows.indicator_code == measure]
        summed = amounts[amounts.region_level == "kommune"].groupby("year")["value"].sum()
        landet = amounts[amounts.region_code == KOSTRA_LANDET].set_index("year")["value"]
        # NOTE: before 2024 Landet also holds 1507 Ålesund, which has no figures under today's
        # codes (it was split into 1508 and 1580); the shared file has its row.
        old = seed[(seed.region_code == "1507") & (seed.regnskapsbegrep == measure[:-6])]
        summed = summed.add(old.set_index("year")["belop_1000_kr"], fill_value=0)
        assert landet.to_dict() == summed.to_dict(), measure


def test_computed_per_cent_equals_published_at_one_decimal_for_the_same_vintage():
    published = kostra.published(NETTO_DRIFTSRESULTAT)
    formula = beregnet.FORMULAS[NETTO_DRIFTSRESULTAT]
    computed = beregnet.compute(formula, kostra.published(formula.a), kostra.published(formula.b))
    both = published.merge(computed, on=["region_code", "year", "vintage"], suffixes=("", "_c"))
    both = both[both.value.notna()]
    assert len(both) >= 20, "Lørenskog's workbook, Oslo, Landet, groups 8 and 12"
    assert (both.value_c.round(1) - both.value).abs().max() < 1e-9


def test_preliminary_figure_is_replaced_by_the_final_one_and_marked_computed():
    rows = kostra.indicator(NETTO_DRIFTSRESULTAT)
    # Kvinnherad's (4617) 2025 figure from 16 March 2026 was revised in June; the final amounts win.
    kvam = rows[(rows.region_code == "4617") & (rows.year == 2025)].iloc[0]
    assert kvam.vintage == "final" and kvam.computed
    assert kvam.basis.startswith("100 × AGD23 / AGD13")
    assert round(kvam.value, 1) == round(100 * -25749 / 1796042, 1)
    # A published final figure is kept as published.
    oslo = rows[(rows.region_code == "0301") & (rows.year == 2024)].iloc[0]
    assert not oslo.computed and oslo.value == -0.9


def test_netto_driftsresultat_exists_for_every_municipality_in_2022_and_2023():
    rows = kostra.indicator(NETTO_DRIFTSRESULTAT)
    for year in (2022, 2023):
        municipal = rows[(rows.region_level == "kommune") & (rows.year == year)]
        assert municipal.value.notna().sum() == 355, "all but 1508 and 1580 (split in 2024)"


def test_no_figure_is_computed_across_vintages():
    a = pd.DataFrame(
        {
            "region_code": ["0301", "4601"],
            "region_name": ["Oslo", "Bergen"],
            "region_level": "kommune",
            "year": 2025,
            "value": [100.0, 200.0],
            "vintage": ["final", "final"],
            "published": "2026-06",
            "source": "x",
            "source_code": ["0301", "4601"],
            "table_id": "12137",
        }
    )
    b = a.assign(value=[1000.0, 1000.0], vintage=["final", "preliminary"])
    out = beregnet.compute(beregnet.FORMULAS[NETTO_DRIFTSRESULTAT], a, b)
    assert out.region_code.tolist() == ["0301"] and out.value.tolist() == [10.0]
    assert out.computed.all()


def test_gap_to_the_norm_is_175_per_cent_of_revenue_minus_the_result():
    gap = kostra.indicator(NORMGAP_BELOP)
    drammen = gap[(gap.region_code == "3301") & (gap.year == 2024)].iloc[0]
    assert drammen.value == pytest.approx(0.0175 * 9993137 - 110225)
    per_head = kostra.indicator(NORMGAP_PER_INNBYGGER)
    drammen = per_head[(per_head.region_code == "3301") & (per_head.year == 2024)].iloc[0]
    assert drammen.value == pytest.approx(0.0175 * 94765 - 1045)
    assert drammen.computed and "kr per innbygger" in drammen.basis


def test_debt_share_is_net_debt_over_gross_revenue():
    debt = kostra.indicator(NETTO_LANEGJELD_PCT)
    bo = debt[(debt.region_code == "1867") & (debt.year == 2025)].iloc[0]
    assert bo.value == pytest.approx(100 * 383501 / 380502)
    assert bo.computed
