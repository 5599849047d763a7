"""The offline snapshot holds exactly the published values, flags estimates, rebuilds alike."""

from __future__ import annotations

import gzip
import hashlib
import json
import math
import shutil
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from kommuneokonomi.data import DataStore
from kommuneokonomi.datasets import DATASETS
from kommuneokonomi.settings import load_settings
from loaders.snapshot import build_snapshot
from loaders.snapshot.base import SeedMissing

SEED = load_settings().seed_dir


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A snapshot built from the real seed files into a temporary cache directory."""
    settings = replace(load_settings(), cache_dir=tmp_path_factory.mktemp("cache"))
    build_snapshot(settings, log=lambda _: None)
    return settings


@pytest.fixture(scope="module")
def store(built):
    return DataStore(built)


def _digests(directory: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in directory.iterdir()}


def test_norway_population_1_january_2024_is_5_550_203(store):
    groups = store.frame("befolkning_grupper")
    row = groups[
        (groups.region_code == "0") & (groups.year == 2024) & (groups.age_group == "total")
    ]
    assert row["persons"].tolist() == [5_550_203]
    assert not row["estimated"].any()


def test_oslo_population_2024_is_717_710(store):
    population = store.frame("befolkning")
    oslo = population[(population.region_code == "0301") & (population.year == 2024)]
    assert oslo["persons"].sum() == 717_710


def test_single_age_cells_equal_the_seed_file(store):
    with gzip.open(
        SEED / "ssb/population/07459_population_single_age_sex_kommune_2005_2026.csv.gz"
    ) as fh:
        seed = pd.read_csv(fh, dtype={"kommunenummer": str})
    sample = seed[seed.sex != "total"].sample(500, random_state=1)
    population = store.frame("befolkning").set_index(["region_code", "year", "sex", "age"])
    sex = {"male": "1", "female": "2"}
    for row in sample.itertuples():
        key = (row.kommunenummer, row.calyear, sex[row.sex], row.age)
        assert population.loc[key, "persons"] == row.pop_jan1_n


def test_codes_are_zero_padded_strings(store):
    kommuner = store.frame("kommuner")
    assert len(kommuner) == 357
    assert "0301" in set(kommuner.kommune_code)
    assert kommuner.kommune_code.str.fullmatch(r"\d{4}").all()
    assert kommuner.county_code.str.fullmatch(r"\d{2}").all()
    assert set(store.frame("befolkning").region_code.unique()) == set(kommuner.kommune_code)


@pytest.mark.parametrize(
    ("code", "year", "estimated"),
    [
        ("1508", 2023, True),
        ("1580", 2005, True),
        ("1508", 2024, False),
        ("1806", 2019, True),
        ("1806", 2020, False),
        ("5059", 2015, True),
        ("0301", 2010, False),
    ],
)
def test_estimated_splits_are_flagged_not_presented_as_ssb_figures(store, code, year, estimated):
    population = store.frame("befolkning")
    rows = population[(population.region_code == code) & (population.year == year)]
    assert rows["estimated"].all() == estimated and rows["estimated"].any() == estimated


def test_aggregates_that_include_estimates_are_flagged(store):
    groups = store.frame("befolkning_grupper")
    norway = groups[(groups.region_code == "0") & (groups.age_group == "total")].set_index("year")
    assert norway.loc[2023, "estimated"] and not norway.loc[2024, "estimated"]


def test_kostra_values_equal_the_seed_files(store):
    kostra = store.frame("kostra").set_index(["region_code", "indicator_code", "year"])
    ndr = "KOSAGD230000"
    assert kostra.loc[("4601", ndr, 2025), "value"] == 1.0
    assert kostra.loc[("4641", ndr, 2025), "value"] == 11.6  # Aurland, Vestland file
    assert kostra.loc[("3222", ndr, 2024), "value"] == 0.2  # Lørenskog, SSB workbook
    assert kostra.loc[("EAK", ndr, 2025), "value"] == 2.2
    assert kostra.loc[("0301", "KOSAG110000", 2024), "value"] == 81240
    assert kostra.loc[("0301", ndr, 2015), "value"] == 3.4  # Kommunefakta 2019
    assert kostra.loc[("3222", ndr, 2025), "vintage"] == "preliminary"


def test_missing_kostra_figures_stay_missing_never_zero(store):
    kostra = store.frame("kostra").set_index(["region_code", "indicator_code", "year"])
    fedje = kostra.loc[("4633", "KOSAGD230000", 2025), "value"]  # empty in the Vestland file
    assert math.isnan(fedje)


def test_workbook_blocks_do_not_leak_into_neighbouring_figures(store):
    """'Årets merforbruk' (0.0 for Oslo 2020) must not become Oslo's netto driftsresultat."""
    kostra = store.frame("kostra").set_index(["region_code", "indicator_code", "year"])
    assert kostra.loc[("0301", "KOSAGD230000", 2020), "value"] == 3.7
    assert kostra.loc[("0301", "KOSAGD290000", 2020), "value"] == 0.0


def test_projection_values_equal_the_seed_file(store):
    proj = store.frame("framskriving")
    porsgrunn = proj[
        (proj.table_id == "14288")
        & (proj.region_code == "4001")
        & (proj.year == 2024)
        & (proj.alternative == "MMMM")
        & (proj.age_group == "0")
    ]
    assert porsgrunn["persons"].tolist() == [303]
    agder = proj[(proj.region_code == "42") & (proj.year == 2024) & (proj.alternative == "MMMM")]
    assert agder["persons"].tolist() == [319_850]


def test_every_dataset_has_a_complete_manifest_entry(built):
    manifest = json.loads((built.snapshot_dir / "manifest.json").read_text())
    assert set(manifest["datasets"]) == set(DATASETS)
    for name, entry in manifest["datasets"].items():
        for field in (
            "file",
            "sha256",
            "bytes",
            "schema_version",
            "sources",
            "licence",
            "coverage",
        ):
            assert entry.get(field), f"{name} lacks {field}"
        data = (built.snapshot_dir / entry["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
        if DATASETS[name].schema is not None:
            assert entry["rows"] > 0 and entry["coverage"]["rows"] == entry["rows"]
        assert entry["as_of"], f"{name} has no as-of date"


def test_rebuild_is_byte_identical(built, tmp_path):
    second = replace(built, cache_dir=tmp_path)
    build_snapshot(second, log=lambda _: None)
    assert _digests(second.snapshot_dir) == _digests(built.snapshot_dir)


def test_if_stale_skips_a_current_snapshot(built):
    report = build_snapshot(built, if_stale=True, log=lambda _: None)
    assert not report.built


def test_changed_seed_file_makes_the_snapshot_stale(tmp_path):
    seed = tmp_path / "seed"
    shutil.copytree(SEED, seed)
    settings = replace(load_settings(), seed_dir=seed, cache_dir=tmp_path / "cache")
    assert build_snapshot(settings, log=lambda _: None).built
    assert not build_snapshot(settings, if_stale=True, log=lambda _: None).built
    tbu = seed / "ssb/kostra/tbu_kommunesektoren_netto_driftsresultat_1990_2020_transcribed.csv"
    tbu.write_text(tbu.read_text() + "\n")
    assert build_snapshot(settings, if_stale=True, log=lambda _: None).built


def test_missing_seed_directory_says_what_is_missing_and_how_to_fetch_live(tmp_path):
    settings = replace(load_settings(), seed_dir=tmp_path / "nowhere", cache_dir=tmp_path)
    with pytest.raises(SeedMissing, match=r"KOMMUNE_SEED_DIR.*loaders refresh"):
        build_snapshot(settings, log=lambda _: None)


def test_projection_holds_every_municipality_and_sums_to_the_county_totals(store):
    proj = store.frame("framskriving")
    main = proj[(proj.table_id == "14288") & (proj.alternative == "MMMM")]
    kommuner = main[main.region_level == "kommune"]
    totals = kommuner.groupby(["region_code", "year"])["persons"].sum()
    assert totals.index.get_level_values(0).nunique() == 357
    assert totals.loc["3301", 2024] == 104_487 and totals.loc["3301", 2050] == 115_964
    assert totals.loc[:, 2024].sum() == 5_550_203, "the base year is the registered population"
    county = totals.groupby([totals.index.get_level_values(0).str[:2], "year"]).sum()
    fylker = main[(main.region_level == "fylke") & (main.age_group == "total")]
    for row in fylker.itertuples():
        assert county.loc[(row.region_code, row.year)] == row.persons, row
