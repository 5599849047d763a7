"""The data layer serves whole, verified, read-only datasets and says clearly when it cannot."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace

import pandas as pd
import pytest

from kommuneokonomi.data import DataStore
from kommuneokonomi.datasets import DATASETS
from kommuneokonomi.errors import DatasetCorrupt, DatasetMissing
from kommuneokonomi.manifest import read_manifest, write_manifest
from kommuneokonomi.settings import load_settings
from loaders.snapshot import build_snapshot
from loaders.store import conform, parquet_bytes, write_payload


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    """One snapshot build, copied per test so tests can damage their copy."""
    settings = replace(load_settings(), cache_dir=tmp_path_factory.mktemp("pristine"))
    build_snapshot(settings, log=lambda _: None)
    return settings.snapshot_dir


@pytest.fixture
def settings(pristine, tmp_path):
    shutil.copytree(pristine, tmp_path / "snapshot")
    return replace(load_settings(), cache_dir=tmp_path)


def _file(settings, name):
    entry = read_manifest(settings.snapshot_dir)["datasets"][name]
    return settings.snapshot_dir / entry["file"]


def test_frames_are_read_only(settings):
    frame = DataStore(settings).frame("befolkning_grupper")
    with pytest.raises(ValueError, match="read-only"):
        frame.iloc[0, frame.columns.get_loc("persons")] = 0


def test_each_dataset_is_loaded_once_per_process(settings):
    store = DataStore(settings)
    assert store.frame("kommuner") is store.frame("kommuner")


def test_corrupt_parquet_gives_a_clear_error(settings):
    path = _file(settings, "kostra")
    path.write_bytes(b"PAR1 this is not parquet")
    with pytest.raises(DatasetCorrupt, match=r"«kostra».*skadet.*loaders snapshot"):
        DataStore(settings).frame("kostra")


def test_truncated_file_is_never_served_as_half_a_dataset(settings):
    path = _file(settings, "befolkning")
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(DatasetCorrupt):
        DataStore(settings).frame("befolkning")


def test_missing_file_and_entry_give_dataset_missing(settings):
    manifest = read_manifest(settings.snapshot_dir)
    del manifest["datasets"]["naboer"]
    write_manifest(settings.snapshot_dir, manifest)
    with pytest.raises(DatasetMissing, match="naboer"):
        DataStore(settings).frame("naboer")


def test_unreadable_manifest_is_reported_as_corrupt(settings):
    (settings.snapshot_dir / "manifest.json").write_text("{not json")
    with pytest.raises(DatasetCorrupt, match="manifest"):
        DataStore(settings).frame("kommuner")


def _write_live(settings, name, frame, **extra):
    dataset = DATASETS[name]
    entry = write_payload(settings.live_dir, dataset, parquet_bytes(conform(frame, dataset)))
    entry.update(
        origin="live",
        rows=len(frame),
        sources=[{"table_id": "12134"}],
        licence=["x"],
        fetched_at="2026-06-15",
        **extra,
    )
    manifest = read_manifest(settings.live_dir)
    manifest["datasets"][name] = entry
    write_manifest(settings.live_dir, manifest)


def test_live_cache_is_preferred_when_valid(settings):
    snapshot = DataStore(settings).frame("kostra")
    live = pd.DataFrame(snapshot).head(5)  # real rows, re-published as a small live copy
    _write_live(settings, "kostra", live)
    store = DataStore(settings)
    assert len(store.frame("kostra")) == 5
    assert store.provenance("kostra").origin == "live"
    assert store.provenance("kommuner").origin == "snapshot"


def test_corrupt_live_cache_falls_back_to_snapshot_and_says_why(settings):
    snapshot = DataStore(settings).frame("kostra")
    _write_live(settings, "kostra", pd.DataFrame(snapshot).head(5))
    entry = read_manifest(settings.live_dir)["datasets"]["kostra"]
    (settings.live_dir / entry["file"]).write_bytes(b"garbage")
    store = DataStore(settings)
    assert len(store.frame("kostra")) == len(snapshot)
    assert store.provenance("kostra").origin == "snapshot"
    assert "skadet" in store.problems["kostra"]


def test_new_manifest_is_picked_up_after_recheck_interval(settings):
    store = DataStore(settings, recheck_s=0)
    before = len(store.frame("kostra"))
    _write_live(settings, "kostra", pd.DataFrame(store.frame("kostra")).head(3))
    assert len(store.frame("kostra")) == 3 != before
    assert store.generation == 1


def test_status_lists_every_dataset_with_origin_and_coverage(settings):
    rows = {r["dataset"]: r for r in DataStore(settings).status()}
    assert set(rows) == set(DATASETS)
    assert rows["befolkning"]["kommuner"] == 357 and rows["befolkning"]["years"] == [2005, 2026]
    assert rows["befolkning"]["origin"] == "snapshot" and "07459" in rows["befolkning"]["source"]
    for name in ("kostra", "framskriving"):
        assert rows[name]["kommuner"] == 357, name


def test_status_cli_prints_json(settings, monkeypatch, capsys):
    from loaders.cli import main

    monkeypatch.setenv("KOMMUNE_CACHE_DIR", str(settings.cache_dir))
    assert main(["status", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["dataset"] for r in rows} == set(DATASETS)
