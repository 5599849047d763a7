"""Liknende kommuner: robust scaling, the weighted distance computed by hand for a small
synthetic frame, missing figures, weights and presets, the reasons given for each neighbour,
boundary areas, and the model on the served data (357 municipalities, sources kept)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from kommuneokonomi import data
from kommuneokonomi.queries import framskriving, kostra, liknende
from kommuneokonomi.queries.liknende import areal, features, model
from kommuneokonomi.queries.liknende.features import Feature

# ---------------------------------------------------------------------------------------------
# A synthetic frame small enough to standardise and measure by hand.
# ---------------------------------------------------------------------------------------------

A, B, C = Feature("a", "x"), Feature("b", "x"), Feature("c", "klasse", inverted=True)
SYNTHETIC = (A, B, C)
RAW = pd.DataFrame(
    {
        "a": [1.0, 2.0, 3.0, 4.0, 100.0],
        "b": [10.0, 10.0, 20.0, 30.0, 30.0],
        "c": [1.0, 2.0, 3.0, 4.0, np.nan],
    },
    index=pd.Index(["k1", "k2", "k3", "k4", "k5"], name="kommune_code"),
)
# By hand: a has median 3, quartiles 2 and 4; b median 20, quartiles 10 and 30; c (four
# values 1..4) median 2.5, quartiles 1.75 and 3.25. Spread = IQR / 1.349.
SPREAD_A, SPREAD_B, SPREAD_C = 2 / 1.349, 20 / 1.349, 1.5 / 1.349


def _z() -> pd.DataFrame:
    return model.standardise(RAW, SYNTHETIC)[0]


def test_robust_scale_is_median_and_iqr_so_an_outlier_does_not_set_the_scale():
    z, scales = model.standardise(RAW, SYNTHETIC)
    assert (scales["a"].center, scales["a"].method) == (3.0, "iqr")
    assert scales["a"].spread == pytest.approx(SPREAD_A)
    assert scales["c"].center == 2.5 and scales["c"].spread == pytest.approx(SPREAD_C)
    assert z.at["k1", "a"] == pytest.approx((1 - 3) / SPREAD_A)
    # k5's 100 is 65 spreads out; the others keep a spread-sized scale.
    assert z.at["k5", "a"] == pytest.approx(97 / SPREAD_A)
    assert math.isnan(z.at["k5", "c"])


def test_a_feature_whose_middle_half_is_all_equal_has_no_scale_and_drops_out():
    tied = pd.Series([1.0, 2.0, 2.0, 2.0, 3.0])
    assert model.robust_scale(tied).method == "constant"
    assert model.robust_scale(pd.Series([np.nan, np.nan])).method == "constant"
    frame = RAW.assign(b=[1.0, 2.0, 2.0, 2.0, 3.0])
    z, scales = model.standardise(frame, SYNTHETIC)
    assert math.isnan(scales["b"].spread) and z["b"].isna().all()
    only_b = model.distances(z.to_numpy(), 0, np.array([0.0, 1.0, 0.0]))[0]
    assert np.isnan(only_b).all()


def test_log_features_are_compared_as_ratios_and_must_be_positive():
    frame = pd.DataFrame({"p": [100.0, 1000.0, 10000.0]})
    z, scales = model.standardise(frame, (Feature("p", "personer", log=True),))
    assert scales["p"].center == pytest.approx(math.log(1000))
    assert z["p"].iloc[0] == pytest.approx(-z["p"].iloc[2])
    with pytest.raises(ValueError, match="above 0"):
        model.standardise(pd.DataFrame({"p": [0.0, 1.0]}), (Feature("p", "x", log=True),))


def test_distance_equals_the_hand_computed_weighted_root_mean_square():
    z = _z().to_numpy()
    w = np.array([1.0, 2.0, 1.0])
    d, coverage = model.distances(z, 0, w)
    # k1 → k2: Δa = 1/sa, Δb = 0, Δc = 1/sc; weights 1, 2, 1 over a total of 4.
    expected_k2 = math.sqrt((1 * (1 / SPREAD_A) ** 2 + 0 + 1 * (1 / SPREAD_C) ** 2) / 4)
    # k1 → k4: Δa = 3/sa, Δb = 20/sb, Δc = 3/sc.
    expected_k4 = math.sqrt(
        (1 * (3 / SPREAD_A) ** 2 + 2 * (20 / SPREAD_B) ** 2 + 1 * (3 / SPREAD_C) ** 2) / 4
    )
    assert d[0] == 0
    assert d[1] == pytest.approx(expected_k2)
    assert d[3] == pytest.approx(expected_k4)
    assert coverage[:4] == pytest.approx([1.0, 1.0, 1.0, 1.0])


def test_an_extreme_figure_counts_as_three_spreads_in_the_distance():
    z = _z().to_numpy()
    d = model.distances(z, 0, np.array([1.0, 0.0, 0.0]))[0]
    # k5's a is 65 spreads above the median, but counts as +3; k1 sits at -2/sa.
    assert d[4] == pytest.approx(3 - (-2 / SPREAD_A))


def test_a_missing_figure_drops_out_and_the_other_weights_are_renormalised():
    z = _z().to_numpy()
    w = np.array([1.0, 2.0, 1.0])
    d, coverage = model.distances(z, 0, w)
    # k5 has no c: the distance rests on a (capped at 3) and b, weights 1 and 2 of 3.
    expected = math.sqrt((1 * (3 + 2 / SPREAD_A) ** 2 + 2 * (20 / SPREAD_B) ** 2) / 3)
    assert d[4] == pytest.approx(expected)
    assert coverage[4] == pytest.approx(3 / 4)


def test_a_pair_sharing_less_than_half_the_weight_is_not_compared():
    z = _z().to_numpy()
    d, coverage = model.distances(z, 0, np.array([1.0, 0.0, 3.0]))
    assert coverage[4] == pytest.approx(0.25)
    assert math.isnan(d[4])
    assert not math.isnan(d[3])


def test_a_feature_nobody_has_does_not_count_against_coverage():
    frame = RAW.assign(d=np.nan)
    z, _ = model.standardise(frame, (*SYNTHETIC, Feature("d", "kr")))
    d, coverage = model.distances(z.to_numpy(), 0, np.array([1.0, 2.0, 1.0, 5.0]))
    assert coverage[1] == pytest.approx(1.0)
    assert d[1] == pytest.approx(model.distances(_z().to_numpy(), 0, np.array([1, 2, 1.0]))[0][1])


def test_weights_change_the_distance_and_only_their_ratios_matter():
    z = _z().to_numpy()
    only_a = model.distances(z, 0, np.array([1.0, 0.0, 0.0]))[0]
    assert only_a[1] == pytest.approx(1 / SPREAD_A)
    base = model.distances(z, 0, np.array([1.0, 2.0, 1.0]))[0]
    doubled = model.distances(z, 0, np.array([2.0, 4.0, 2.0]))[0]
    assert doubled == pytest.approx(base, nan_ok=True)
    heavier_b = model.distances(z, 0, np.array([1.0, 4.0, 1.0]))[0]
    expected = math.sqrt((9 / SPREAD_A**2 + 4 * (20 / SPREAD_B) ** 2 + 9 / SPREAD_C**2) / 6)
    assert heavier_b[3] == pytest.approx(expected)


def test_pairwise_is_symmetric_and_the_typical_distance_is_the_median_pair():
    z, w = _z().to_numpy(), np.array([1.0, 2.0, 1.0])
    matrix = model.pairwise(z, w)
    np.testing.assert_allclose(matrix, matrix.T, equal_nan=True)
    by_row = np.vstack([model.distances(z, i, w)[0] for i in range(len(z))])
    np.testing.assert_allclose(matrix, by_row, equal_nan=True, atol=1e-12)
    pairs = [matrix[i, j] for i in range(5) for j in range(i + 1, 5) if not np.isnan(matrix[i, j])]
    assert model.typical_distance(matrix) == pytest.approx(float(np.median(pairs)))


def test_similarity_is_100_when_identical_and_0_at_the_typical_distance():
    assert model.similarity(np.array([0.0, 0.5, 1.0, 2.0]), 1.0) == pytest.approx([100, 50, 0, 0])


# ---------------------------------------------------------------------------------------------
# Weights and presets
# ---------------------------------------------------------------------------------------------


def test_every_preset_is_a_valid_set_of_weights_and_the_default_is_standard():
    for name in model.PRESETS:
        chosen = model.weights(name)
        assert [code for code, _ in chosen] == list(features.FEATURE_CODES)
        assert model.preset_of(chosen) == name
    assert model.weights() == model.weights(model.DEFAULT_PRESET)


def test_presets_weigh_what_their_name_says():
    demografi = dict(model.weights("demografi"))
    okonomi = dict(model.weights("okonomi"))
    struktur = dict(model.weights("struktur"))
    assert demografi["driftsinntekter"] == 0 and demografi["andel_80"] > 0
    assert okonomi["driftsinntekter"] == max(okonomi.values())
    assert struktur["folketall"] == max(struktur.values()) and struktur["andel_67"] == 0


def test_changed_weights_are_no_longer_a_preset():
    changed = model.weights("standard", {"folketall": 1.0})
    assert dict(changed)["folketall"] == 1.0
    assert model.preset_of(changed) is None


@pytest.mark.parametrize(
    ("preset", "changes", "message"),
    [
        ("finans", None, "unknown preset"),
        ("standard", {"netto_driftsresultat": 1.0}, "unknown feature"),
        ("standard", {"folketall": -1.0}, "from 0 to 5"),
        ("standard", {"folketall": 6.0}, "from 0 to 5"),
        ("standard", {"folketall": float("nan")}, "from 0 to 5"),
        ("standard", {"folketall": "2"}, "must be a number"),
        ("standard", {"folketall": True}, "must be a number"),
        ("struktur", dict.fromkeys(features.FEATURE_CODES, 0.0), "at least one"),
    ],
)
def test_bad_weights_are_refused_with_a_message(preset, changes, message):
    with pytest.raises(ValueError, match=message):
        model.weights(preset, changes)


def test_outcome_figures_are_never_features():
    outcomes = {"netto_driftsresultat", "KOSAGD230000", "AGD23", "KG31", "gjeld", "lanegjeld"}
    assert not any(o.lower() in code.lower() for code in features.FEATURE_CODES for o in outcomes)
    assert features.REVENUE == "AGD13_per_innbygger"


# ---------------------------------------------------------------------------------------------
# Reasons: what makes a neighbour close and what sets it apart
# ---------------------------------------------------------------------------------------------


def test_reasons_name_the_closest_figures_and_the_one_that_differs_most():
    raw = pd.DataFrame(
        {"a": [10.0, 10.1, 20.0, 30.0], "b": [1.0, 5.0, 3.0, 4.0], "c": [3.0, 3.0, 1.0, 6.0]},
        index=["own", "near", "x", "y"],
    )
    scales = {"a": model.Scale(0, 10, "iqr"), "b": model.Scale(0, 1, "iqr")}
    scales["c"] = model.Scale(0, 1, "iqr")
    z = pd.DataFrame({k: raw[k] / s.spread for k, s in scales.items()})
    chosen = (("a", 1.0), ("b", 1.0), ("c", 1.0))
    reasons = model.reasons(z, raw, "own", ["near", "y"], chosen, SYNTHETIC)
    out = reasons.frame
    near = out[out.kommune_code == "near"].set_index("feature")
    # Δz: a 0.01 (same), b 4 (much), c 0 (same).
    assert near.loc["b", "role"] == "differs" and near.loc["b", "band"] == "much"
    assert near.loc["b", "direction"] == "more"
    assert set(near.index[near.role == "close"]) == {"a", "c"}
    assert near.loc["a", "band"] == "same" and pd.isna(near.loc["a", "direction"])
    assert near["share"].sum() == pytest.approx(1.0)
    assert near.loc["b", "share"] == pytest.approx(16 / (0.01**2 + 16))
    y = out[out.kommune_code == "y"].set_index("feature")
    # c is inverted (a centrality class): 6 against 3 is 'less' central.
    assert y.loc["c", "direction"] == "less"
    # Every figure of y is 'much' apart: nothing is named as making it close.
    assert (y.role == "close").sum() == 0
    assert (y.role == "differs").sum() == 1
    assert reasons.close == [("c", "a"), ()]
    assert reasons.differs == ["b", "b"]


def test_a_feature_without_weight_or_figure_is_never_a_reason():
    z = _z()
    chosen = (("a", 1.0), ("b", 0.0), ("c", 1.0))
    out = model.reasons(z, RAW, "k1", ["k2", "k5"], chosen, SYNTHETIC).frame.set_index(
        ["kommune_code", "feature"]
    )
    assert pd.isna(out.loc[("k2", "b"), "role"]) and math.isnan(out.loc[("k2", "b"), "z_diff"])
    assert pd.isna(out.loc[("k5", "c"), "role"]) and pd.isna(out.loc[("k5", "c"), "band"])


def test_a_lightly_weighted_feature_does_not_count_as_a_reason():
    raw = pd.DataFrame({"a": [0.0, 0.3], "b": [0.0, 0.0], "c": [0.0, 0.2]}, index=["o", "n"])
    chosen = (("a", 3.0), ("b", 0.2), ("c", 3.0))
    out = model.reasons(raw, raw, "o", ["n"], chosen, SYNTHETIC).frame.set_index("feature")
    # b is identical but carries 0.2 of a mean weight of 2.07: not a reason.
    assert pd.isna(out.loc["b", "role"])
    assert out.loc["c", "role"] == "close" and out.loc["a", "role"] == "differs"


# ---------------------------------------------------------------------------------------------
# Areas of the boundary polygons
# ---------------------------------------------------------------------------------------------

SQUARE = [[10.0, 60.0], [11.0, 60.0], [11.0, 61.0], [10.0, 61.0], [10.0, 60.0]]
HOLE = [[10.4, 60.4], [10.6, 60.4], [10.6, 60.6], [10.4, 60.6], [10.4, 60.4]]


def test_area_does_not_depend_on_ring_orientation_and_holes_are_subtracted():
    square = areal.area_km2({"type": "Polygon", "coordinates": [SQUARE]})
    reversed_ring = areal.area_km2({"type": "Polygon", "coordinates": [SQUARE[::-1]]})
    hole = areal.area_km2({"type": "Polygon", "coordinates": [HOLE]})
    with_hole = areal.area_km2({"type": "Polygon", "coordinates": [SQUARE, HOLE]})
    both = areal.area_km2({"type": "MultiPolygon", "coordinates": [[SQUARE], [HOLE[::-1]]]})
    # One degree square at 60–61°N: 111.4 km north-south by about 54.6 km east-west.
    assert 6_000 < square < 6_250
    assert reversed_ring == pytest.approx(square)
    assert with_hole == pytest.approx(square - hole)
    assert both == pytest.approx(square + hole)
    with pytest.raises(ValueError, match="Polygon"):
        areal.area_km2({"type": "Point", "coordinates": [10.0, 60.0]})


def test_boundary_areas_match_kartverkets_land_and_fresh_water_area():
    areas = areal.kommune_areas(data.geojson("kommunegrenser"))
    # Kartverket, area per 1.1.2024 without sea: Oslo 454.12, Rendalen 3179.51, Time 183.18 km².
    assert areas["0301"] == pytest.approx(454.12, rel=0.01)
    assert areas["3424"] == pytest.approx(3179.51, rel=0.01)
    assert areas["1121"] == pytest.approx(183.18, rel=0.01)
    # Mainland Norway: 323 810 km²; the simplified polygons lose small islands.
    assert sum(areas.values()) == pytest.approx(323_810, rel=0.01)


# ---------------------------------------------------------------------------------------------
# The model on the served data
# ---------------------------------------------------------------------------------------------


def test_feature_table_covers_every_municipality_and_keeps_each_figures_source():
    table = liknende.standardised().table
    assert len(table.values) == 357 and list(table.values.columns) == list(features.FEATURE_CODES)
    sources = table.sources
    assert sources["folketall"].table_id == "07459" and sources["folketall"].year == 2026
    assert sources["vekst_2050"].table_id == "14288" and sources["vekst_2050"].year == 2050
    assert sources["driftsinntekter"].table_id == "12137"
    assert sources["driftsinntekter"].vintage == "final"
    assert sources["utgiftsbehov"].third_party
    assert sources["tetthet"].basis == "P 1.1.2026 (07459) / km² (kommunegrenser, Kartverket 2024)"
    assert sources["vekst_2050"].basis == "100 × (P2050 / P2024 − 1)"
    assert all(s.year for s in sources.values())


@pytest.mark.parametrize("code", ["0301", "4001", "1867"])
def test_projected_growth_is_the_2050_total_over_the_2024_total_of_14288_mmmm(code):
    # Porsgrunn (4001) has age groups instead of a total in 14288: the sum is the total.
    totals = framskriving.groups(code, "14288").query("alternative == 'MMMM'").set_index("year")
    expected = 100 * (totals.at[2050, "total"] / totals.at[2024, "total"] - 1)
    assert liknende.standardised().table.values.at[code, "vekst_2050"] == pytest.approx(expected)


def test_missing_figures_are_missing_with_a_reason_never_filled():
    table = liknende.standardised().table
    missing = {(r.kommune_code, r.feature): r.reason for r in table.missing.itertuples()}
    assert missing[("1151", "utgiftsbehov")] == features.NOT_IN_SOURCE
    assert missing[("4629", "utgiftsbehov")] == features.NOT_IN_SOURCE
    assert missing[("3222", "utgiftsbehov")] == features.NO_VALUE
    # Population before 2024 (Ålesund/Haram) and 2020 (1806/1875, 5055/5056/5059) is a split
    # estimate: no ten-year growth from it.
    for code in ("1508", "1580", "1806", "1875", "5055", "5056", "5059"):
        assert missing[(code, "vekst_10ar")] == features.ESTIMATED_BASE
    assert table.values.isna().sum().sum() == len(missing)


def _without_revenue(monkeypatch) -> None:
    empty = kostra.indicator("AGD13_per_innbygger").iloc[0:0]
    monkeypatch.setattr(features.kostra, "indicator", lambda code: empty)


def _without_projection(monkeypatch) -> None:
    empty = framskriving.growth(2050).iloc[0:0]
    monkeypatch.setattr(features.framskriving, "growth", lambda to_year: empty)


@pytest.mark.parametrize(
    ("remove", "feature"),
    [(_without_revenue, "driftsinntekter"), (_without_projection, "vekst_2050")],
)
def test_a_figure_the_data_lacks_altogether_is_missing_for_everyone_and_drops_out(
    monkeypatch, remove, feature
):
    remove(monkeypatch)
    table = features.build()
    assert table.values[feature].isna().all()
    assert table.values.drop(columns=feature).notna().sum().min() >= 350
    reasons = set(table.missing.loc[table.missing.feature == feature, "reason"])
    assert reasons == {features.FEATURE_ABSENT}
    assert table.sources[feature].year is None
    # The others are compared as before: nobody loses coverage for a figure nobody has.
    z, _ = model.standardise(table.values)
    w = model.weight_vector(model.weights(), z.columns)
    d, coverage = model.distances(z.to_numpy(), 0, w)
    assert np.nanmax(coverage) == pytest.approx(1.0)
    assert np.isfinite(d[1:]).all()


def test_nearest_lists_ten_others_nearest_first_with_reasons():
    result = liknende.nearest("4601")
    table = result.table
    assert len(table) == 10 and "4601" not in set(table.kommune_code)
    assert table["distance"].is_monotonic_increasing
    assert table["similarity"].is_monotonic_decreasing
    assert table["similarity"].between(0, 100).all()
    assert result.preset == model.DEFAULT_PRESET
    assert len(result.reasons) == 10 * len(features.FEATURES)
    for row in table.itertuples():
        assert 1 <= len(row.close) <= 3 and row.differs not in row.close
    assert {"0301", "5001", "1103"} <= set(liknende.nearest("4601", n=15).table.kommune_code)


def test_nearest_says_which_figures_the_municipality_itself_lacks():
    result = liknende.nearest("3222")
    assert result.own_missing == ("utgiftsbehov",)
    assert (result.table["coverage"] < 1).all()
    assert len(result.table) == 10


def test_nearest_refuses_a_code_that_is_not_a_municipality():
    with pytest.raises(ValueError, match="not a current municipality"):
        liknende.nearest("9999")


def test_a_preset_gives_its_own_list():
    standard = set(liknende.nearest("1867").table.kommune_code)
    okonomi = liknende.nearest("1867", model.weights("okonomi"))
    assert okonomi.preset == "okonomi"
    assert set(okonomi.table.kommune_code) != standard


def test_figures_give_the_municipality_and_its_nearest_with_every_figure_compared():
    out = liknende.figures("1508")
    assert list(out.columns) == ["rank", "kommune_code", "similarity", *features.FEATURE_CODES]
    assert out["rank"].tolist() == list(range(11))
    assert out.at[0, "kommune_code"] == "1508" and math.isnan(out.at[0, "similarity"])
    assert math.isnan(out.at[0, "vekst_10ar"])  # Ålesund's 2016 population is an estimate
    assert (
        out["kommune_code"].iloc[1:].tolist()
        == liknende.nearest("1508").table["kommune_code"].tolist()
    )
    assert out.at[0, "folketall"] == liknende.standardised().table.values.at["1508", "folketall"]
