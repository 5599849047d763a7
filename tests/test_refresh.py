"""Live refresh against the local SSB server: full fill, no 429s, faults, skip and --force.

The server serves the snapshot's real data plus SYNTHETIC fill (marked); the rate window is
scaled down (2 s instead of 60 s) so the refresh runs at SSB's default limits in seconds.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import replace
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from kommuneokonomi.data import DataStore
from kommuneokonomi.manifest import read_manifest
from kommuneokonomi.settings import Settings
from loaders.refresh import SPECS, refresh
from tests.ssb_server import SsbServer

WINDOW_S = 2.0
ALL_DATASETS = sorted({name for spec in SPECS for name in spec.produces})


def live_settings(base: Settings, server: SsbServer, cache_dir: Path) -> Settings:
    """Settings for a refresh into `cache_dir` (which sees the test snapshot) at SSB's limits."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    if not (cache_dir / "snapshot").exists():
        (cache_dir / "snapshot").symlink_to(base.snapshot_dir)
    return replace(
        base,
        cache_dir=cache_dir,
        ssb_api_url=server.api_url,
        ssb_klass_url=server.klass_url,
        http_timeout_s=10.0,  # generous: a loaded CI machine builds the cubes slowly
        rate_limit_calls=25,
        rate_limit_window_s=WINDOW_S,
    )


def assert_cache_readable(settings: Settings) -> None:
    """Every parquet file in the live cache reads, and every manifest file matches its sha256."""
    live = settings.live_dir
    for path in live.glob("*.parquet"):
        pq.read_table(path)
    for name, entry in read_manifest(live)["datasets"].items():
        if entry.get("file"):
            data = (live / entry["file"]).read_bytes()
            assert hashlib.sha256(data).hexdigest() == entry["sha256"], name
    store = DataStore(settings)
    for name in ALL_DATASETS:
        assert len(store.frame(name)) > 0


@pytest.fixture(scope="module")
def full_cache(
    _ssb_server_once: SsbServer, snapshot_settings: Settings, tmp_path_factory
) -> tuple[Settings, dict]:
    """One full refresh at the default limits (scaled window); returns settings and stats."""
    server = _ssb_server_once
    server.reset()
    server.configure(rate_calls=30, rate_window_s=WINDOW_S)
    settings = live_settings(snapshot_settings, server, tmp_path_factory.mktemp("full"))
    report = refresh(settings, bar=False)
    stats = server.stats()
    server.reset()
    assert report.ok, [o.message for o in report.outcomes]
    return settings, stats


@pytest.fixture
def cache_copy(full_cache, ssb_server, snapshot_settings, tmp_path) -> Settings:
    """A private copy of the full live cache, aimed at the (reset) server, for one test."""
    settings, _ = full_cache
    shutil.copytree(settings.live_dir, tmp_path / "cache" / "live")
    return live_settings(snapshot_settings, ssb_server, tmp_path / "cache")


def test_full_refresh_fills_every_dataset_for_all_municipalities(full_cache):
    settings, stats = full_cache
    assert stats["throttled"] == 0
    assert stats["statuses"].get("429") is None
    store = DataStore(settings)
    for name in ALL_DATASETS:
        assert store.provenance(name).origin == "live", name
    manifest = read_manifest(settings.live_dir)["datasets"]
    for name in ("kommuner", "befolkning", "befolkning_grupper", "framskriving", "kostra"):
        assert manifest[name]["coverage"]["kommuner"] == 357, name
    kostra = manifest["kostra"]
    assert kostra["table_id"] == "12134"
    assert kostra["ssb_updated"] and kostra["sha256"] and kostra["fetched_at"]
    assert kostra["query"]["selection"] and kostra["url"].endswith("outputFormat=json-stat2")
    assert all((settings.live_dir / p).is_file() for p in kostra["raw"])
    assert manifest["framskriving"]["table_id"] == "14746"
    assert_cache_readable(settings)


def test_live_data_shows_as_of_date(full_cache):
    settings, _ = full_cache
    provenance = DataStore(settings).provenance("kostra")
    assert provenance.as_of_kind == "fetched"
    assert provenance.as_of[:4].isdigit()
    assert provenance.table_ids == ["12134", "12137"]


def test_population_of_merged_municipality_is_the_sum_and_splits_are_not_guessed(full_cache):
    settings, _ = full_cache
    population = DataStore(settings).frame("befolkning")
    assert not population["estimated"].any()
    totals = population.groupby(["region_code", "year"])["persons"].sum()
    # 1508 Ålesund and 1580 Haram come from a split of 1507 (2024): nothing before 2024.
    assert totals.loc["1508"].index.min() == 2024
    assert totals.loc["1580"].index.min() == 2024
    # 1103 Stavanger (2020: + 1141 Finnøy + 1142 Rennesøy) has figures before 2020.
    assert 2019 in totals.loc["1103"].index


def test_ratios_of_renumbered_municipality_keep_their_published_code(full_cache):
    settings, _ = full_cache
    kostra = DataStore(settings).frame("kostra")
    renumbered = kostra[kostra["source_code"] != kostra["region_code"]]
    assert not renumbered.empty
    assert renumbered["region_code"].str.fullmatch(r"\d{4}").all()
    assert set(kostra["region_level"]) == {"kommune", "kostragruppe", "landet", "fylke"}


def test_unchanged_table_is_skipped_and_force_fetches(cache_copy, ssb_server):
    report = refresh(cache_copy, ["kostra"], bar=False)
    assert [o.status for o in report.outcomes] == ["unchanged"]
    assert ssb_server.data_requests() == []
    report = refresh(cache_copy, ["kostra"], force=True, bar=False)
    assert report.ok
    assert len(ssb_server.data_requests()) == 2, "12134 and 12137"


@pytest.mark.parametrize("table_id", ["12134", "12137"])
def test_new_ssb_updated_time_of_either_table_triggers_a_fetch(cache_copy, ssb_server, table_id):
    table = ssb_server.tables[table_id]
    old = table.updated
    table.updated = "2026-09-15T06:00:00Z"
    try:
        report = refresh(cache_copy, ["kostra"], bar=False)
    finally:
        table.updated = old
    assert report.ok and len(ssb_server.data_requests()) == 2
    entry = read_manifest(cache_copy.live_dir)["datasets"]["kostra"]
    held = {entry["table_id"]: entry["ssb_updated"]}
    held.update({a["table_id"]: a["ssb_updated"] for a in entry["also"]})
    assert held[table_id] == "2026-09-15T06:00:00Z"


def test_refresh_fetches_the_amounts_for_every_municipality_from_2015(
    full_cache, snapshot_settings
):
    settings, _ = full_cache
    entry = read_manifest(settings.live_dir)["datasets"]["kostra"]
    (amounts,) = entry["also"]
    assert amounts["table_id"] == "12137", "found by searching SSB, not a fixed id"
    assert amounts["query"]["selection"] and all(
        (settings.live_dir / p).is_file() for p in entry["raw"]
    )
    live = DataStore(settings).frame("kostra")
    revenue = live[live["indicator_code"] == "AGD13_belop"]
    assert revenue["region_code"].str.fullmatch(r"\d{4}").sum() > 0
    assert revenue.loc[revenue["region_level"] == "kommune", "region_code"].nunique() == 357
    assert sorted(revenue["year"].unique()) == list(range(2015, 2026))
    assert set(live.loc[live["indicator_code"].str.contains("_"), "table_id"]) == {"12137"}
    # Real cells come back as published: Drammen's amounts equal the snapshot's.
    snapshot = DataStore(snapshot_settings).frame("kostra")
    keys = ["region_code", "indicator_code", "year"]
    mine = live[live["region_code"] == "3301"].set_index(keys)["value"]
    seed = snapshot[(snapshot["region_code"] == "3301") & snapshot["table_id"].eq("12137")]
    seed = seed.set_index(keys)["value"]
    assert mine.reindex(seed.index).equals(seed)


def test_503_is_retried_and_the_refresh_completes(cache_copy, ssb_server):
    ssb_server.faults.fail_next(2, status=503, retry_after="0", path="/data")
    report = refresh(cache_copy, ["kostra"], force=True, bar=False)
    assert report.ok
    assert ssb_server.stats()["statuses"]["503"] == 2
    assert_cache_readable(cache_copy)


def test_timeout_is_retried_and_the_refresh_completes(cache_copy, ssb_server):
    # Wide margins: the slow answer is far past the timeout, a normal one well inside it
    # even on a loaded machine (a tighter pair made other requests time out too).
    settings = replace(cache_copy, http_timeout_s=3.0)
    ssb_server.faults.add("slow", 1, seconds=8.0, path="/data")
    report = refresh(settings, ["kostra"], force=True, bar=False)
    assert report.ok
    assert len(ssb_server.data_requests()) == 3, "one retried, then the amounts table"
    assert_cache_readable(cache_copy)


def _assert_kept(settings: Settings, before: dict, dataset: str, reason: str) -> None:
    after = read_manifest(settings.live_dir)["datasets"][dataset]
    assert after["file"] == before["file"] and after["sha256"] == before["sha256"]
    assert after["last_success"] == before["last_success"]
    assert reason in after["last_error"]["message"]
    assert_cache_readable(settings)


@pytest.mark.parametrize(
    ("arm", "reason"),
    [
        (lambda s: s.faults.add("truncate", 5, path="/data"), "BadResponse"),
        (lambda s: s.faults.add("html", 5, path="/data"), "BadResponse"),
        (
            lambda s: s.faults.rename_dimension(
                "12134", "KOKkommuneregion0000", "Region", in_metadata=True
            ),
            "UnexpectedDimensions",
        ),
        (
            lambda s: s.faults.rename_dimension(
                "12134", "KOKkommuneregion0000", "Region", in_metadata=False
            ),
            "UnexpectedDimensions",
        ),
        (lambda s: s.faults.discontinue("12134"), "TableDiscontinued"),
        (lambda s: s.faults.discontinue("12137"), "TableNotFound"),
        (lambda s: s.faults.fail_next(20, status=503, retry_after="0"), "ServerUnavailable"),
    ],
    ids=[
        "truncated",
        "html",
        "renamed-in-metadata",
        "renamed-in-data",
        "discontinued",
        "amounts-discontinued",
        "down",
    ],
)
def test_failed_refresh_keeps_the_last_good_cache(cache_copy, ssb_server, arm, reason):
    before = read_manifest(cache_copy.live_dir)["datasets"]["kostra"]
    arm(ssb_server)
    report = refresh(cache_copy, ["kostra"], force=True, bar=False)
    assert not report.ok
    _assert_kept(cache_copy, before, "kostra", reason)


def test_discontinued_projection_table_falls_back_to_the_next_newest(cache_copy, ssb_server):
    ssb_server.faults.discontinue("14746")
    report = refresh(cache_copy, ["framskriving"], force=True, bar=False)
    assert report.ok
    entry = read_manifest(cache_copy.live_dir)["datasets"]["framskriving"]
    assert entry["table_id"] == "14288"


def test_unknown_dataset_is_refused(cache_copy):
    with pytest.raises(ValueError, match="refreshable"):
        refresh(cache_copy, ["nonsense"], bar=False)
