"""Hostile input: crafted links, damaged or unwritable caches, and the server's own settings.

A link to the dashboard can carry anything. Every page must open with sensible defaults and a
notice, never crash, and never render what the link carried as markup. The cache may be
damaged or read-only; the app then serves the last good data (the snapshot). Export formula
injection is covered in tests/test_export.py.
"""

from __future__ import annotations

import ast
import shutil
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kommuneokonomi import data
from kommuneokonomi.datasets import DATASETS
from kommuneokonomi.manifest import read_manifest, write_manifest
from kommuneokonomi.queries.kommuner import index
from loaders.cli import main as loaders_main
from loaders.store import write_payload
from tests.pagetest import APP, PAGES, chart_payloads, notices, open_menus

ROOT = Path(__file__).resolve().parent.parent
ALL_PAGES = {**PAGES, "embed": "pages/embed.py"}
PARAMS = ("kommune", "aar", "sammenlign", "lang", "indikator", "mot", "indeks", "alternativ")
PAGE_PARAMS = {"befolkning": ("niva",), "embed": ("vis",)}

# Markup a reader's browser must never receive from a link (test inputs, not data).
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
MD_LINK = "[klikk her](javascript:alert(1))"
# What would turn echoed text into markup: tags, and markdown links to javascript: URLs.
# (The words alone, with the brackets stripped, are harmless text.)
DANGEROUS = ("<script", "<img", "](javascript:", "href=")
ODD_UNICODE = "\u202eolsO\u200b\ufeff\u0301\U0001f4a3\x00\x1b[31m"  # RTL override, ZWSP, BOM …

CASES = {
    "markup": dict.fromkeys(PARAMS, SCRIPT) | {"sammenlign": IMG, "aar": MD_LINK},
    "long": dict.fromkeys(PARAMS, "A" * 10_000),
    "unknown_codes": {"kommune": "9999", "sammenlign": "9998,0000,EAK,ØØ", "aar": "1066"},
    "unicode": dict.fromkeys(PARAMS, ODD_UNICODE),
    "repeated": {"kommune": ["4601", SCRIPT, "5001"], "sammenlign": ["0301", IMG, "0301"]},
}


def _open(page: str, params: dict[str, str | list[str]]) -> AppTest:
    """The page as a link with `params` opens it (its notices are shown on this first run)."""
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(ALL_PAGES[page])
    return at.run()


def _with_page_params(page: str, params: dict) -> dict:
    value = params.get("kommune", SCRIPT)
    return params | dict.fromkeys(PAGE_PARAMS.get(page, ()), value)


def _rendered_markup(at: AppTest) -> list[str]:
    """Every text element's body, plus chart specs: what the browser turns into a page."""
    bodies = [e.proto.body for e in at.get("markdown")]
    for kind in ("caption", "info", "warning", "error", "success", "title", "header", "subheader"):
        bodies += [str(e.value) for e in at.get(kind)]
    bodies += chart_payloads(at)
    return bodies


def _html_elements(at: AppTest) -> list[str]:
    """Bodies of markdown rendered with unsafe_allow_html (only fixed CSS may be among them)."""
    return [e.proto.body for e in at.get("markdown") if e.proto.allow_html]


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("page", list(ALL_PAGES))
def test_crafted_links_neither_crash_nor_render_markup(page, case):
    at = _open(page, _with_page_params(page, CASES[case]))
    assert not at.exception, [e.value for e in at.exception]
    bodies = _rendered_markup(at)
    open_menus(at)  # the share menus' links and snippets too, as a reader clicking each
    assert not at.exception, [e.value for e in at.exception]
    for body in bodies + _rendered_markup(at):
        lowered = body.lower()
        assert not any(bad in lowered for bad in DANGEROUS), body[:300]
        assert "A" * 100 not in body, "a 10 kB value was echoed back"
        assert not any(ch in body for ch in ("\u202e", "\u200b", "\ufeff", "\x00", "\x1b"))
    assert all(body.lstrip().startswith("<style>") for body in _html_elements(at))


@pytest.mark.parametrize("page", list(PAGES))
def test_unknown_municipality_falls_back_to_oslo_with_a_notice(page):
    at = _open(page, {"kommune": "9999"})
    assert not at.exception
    assert any("9999" in n for n in notices(at)), notices(at)
    assert at.selectbox(key="kommune").value == "0301"


def test_five_hundred_comparison_codes_keep_ten_with_a_notice():
    codes = list(index().codes)
    many = ",".join((codes * 2)[:500])
    at = _open("sammenlign", {"kommune": "4601", "sammenlign": many})
    assert not at.exception
    chosen = at.multiselect(key="sammenlign").value
    assert 0 < len(chosen) <= 10 and "4601" not in chosen
    assert notices(at)


# ---------------------------------------------------------------------------------------------
# Damaged and unwritable caches: the snapshot (the last good data) keeps serving.
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def own_cache(snapshot_settings, tmp_path, monkeypatch):
    """A private copy of the snapshot that the app (this process's data layer) reads."""
    shutil.copytree(snapshot_settings.snapshot_dir, tmp_path / "snapshot")
    monkeypatch.setenv("KOMMUNE_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(data, "_default", None)
    return replace(snapshot_settings, cache_dir=tmp_path)


def _commit_live(settings, name: str, payload: bytes) -> None:
    """Commit a live file as a refresh job would: file first, then the manifest naming it."""
    entry = write_payload(settings.live_dir, DATASETS[name], payload)
    snapshot_entry = read_manifest(settings.snapshot_dir)["datasets"][name]
    entry.update({k: v for k, v in snapshot_entry.items() if k not in entry} | {"origin": "live"})
    manifest = read_manifest(settings.live_dir)
    manifest["datasets"][name] = entry
    write_manifest(settings.live_dir, manifest)


def test_truncated_live_parquet_is_reported_and_the_snapshot_serves(own_cache):
    snapshot_file = (
        own_cache.snapshot_dir / read_manifest(own_cache.snapshot_dir)["datasets"]["kostra"]["file"]
    )
    whole = snapshot_file.read_bytes()
    _commit_live(own_cache, "kostra", whole[: len(whole) // 3])  # checksum matches, file is cut
    store = data.store()
    assert len(store.frame("kostra")) > 0
    assert store.provenance("kostra").origin == "snapshot"
    assert "parquet" in store.problems["kostra"] and "kostra" in store.problems["kostra"]
    at = _open("kommuneprofil", {"kommune": "4601"})
    assert not at.exception
    assert any("Kilde: SSB tabell 12134" in payload for payload in chart_payloads(at))


def test_unwritable_cache_still_serves_the_snapshot_and_refresh_says_why(own_cache, capsys):
    # A regular file where the live directory should be: neither readable nor writable as a
    # directory, even for root (chmod would not stop root).
    own_cache.live_dir.write_text("not a directory")
    assert data.store().provenance("befolkning").origin == "snapshot"
    at = _open("befolkning", {"kommune": "0301"})
    assert not at.exception
    assert loaders_main(["refresh"]) == 2
    err = capsys.readouterr().err
    assert "cannot write the live cache" in err and str(own_cache.live_dir) in err


def test_empty_cache_says_which_dataset_is_missing_and_how_to_build_it(
    snapshot_settings, tmp_path, monkeypatch
):
    monkeypatch.setenv("KOMMUNE_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(data, "_default", None)
    at = AppTest.from_file(APP, default_timeout=60)  # through app.py, as the server routes
    at.query_params["kommune"] = "4601"
    at.run()
    assert not at.exception
    assert any("python -m loaders snapshot" in e.value for e in at.error)
    monkeypatch.setattr(data, "_default", None)  # the next test reads the real snapshot again


# ---------------------------------------------------------------------------------------------
# Server settings and the one way to put HTML on a page.
# ---------------------------------------------------------------------------------------------


def test_server_settings_protect_against_cross_site_requests_and_large_messages():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    server = config["server"]
    assert server["enableXsrfProtection"] is True
    assert server.get("enableCORS", True) is True
    assert 0 < server["maxMessageSize"] <= 200
    assert 0 < server["maxUploadSize"] <= 10
    assert config["client"]["showErrorDetails"] in ("none", False)


def _is_constant_text(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _is_constant_text(node.left) and _is_constant_text(node.right)
    return False


def _source_files() -> list[Path]:
    files = [ROOT / "app.py", *(ROOT / "pages").glob("*.py")]
    return files + sorted((ROOT / "kommuneokonomi").rglob("*.py"))


def test_unsafe_allow_html_and_st_html_only_get_constant_text():
    offenders = []
    for path in _source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            unsafe = any(
                k.arg == "unsafe_allow_html"
                and not (isinstance(k.value, ast.Constant) and k.value.value is False)
                for k in node.keywords
            )
            if unsafe or name == "html":
                text = node.args[0] if node.args else None
                if text is None or not _is_constant_text(text):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
