"""Embeds: the live single-chart page shows only the exhibit; the static file needs nothing
but its site's shared plotly.js.

The static HTML is opened in headless Chromium with every non-file request refused; the live
embed is checked with AppTest and in Chromium against a Streamlit server on 127.0.0.1.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import brotli
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from kommuneokonomi import embed, export
from kommuneokonomi.assets import PLOTLY_BUNDLE, plotly_script_name
from kommuneokonomi.datasets import LANDET
from kommuneokonomi.exhibit import Exhibit
from kommuneokonomi.formatting import table_cell
from kommuneokonomi.i18n import language
from kommuneokonomi.sources import SourceRef
from kommuneokonomi.state import ViewState
from kommuneokonomi.views import befolkning, catalog
from tests.appserver import running_app
from tests.pagetest import open_menus, specs

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
BUILT = datetime(2026, 3, 1, tzinfo=UTC)


def _trend(lang: str = "en") -> Exhibit:
    return catalog.build("ndr-trend", ViewState(kommune="4601", lang=lang))


def _embed_page(**params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page("pages/embed.py")
    return at.run()


# --- Links and snippets ----------------------------------------------------------------------


def test_live_path_rebuilds_the_exhibit_from_its_id_and_state():
    ex = _trend()
    assert embed.live_path(ex) == "embed?vis=ndr-trend&kommune=4601&aar=2025&lang=en"
    vis, state, notices = embed.request(lambda k: {"vis": ["ndr-trend"]}.get(k, []))
    assert (vis, state.kommune, notices) == ("ndr-trend", "0301", [])
    params = embed.live_params(ex)
    rebuilt = catalog.build(
        params["vis"], embed.request(lambda k: [params[k]] if k in params else [])[1]
    )
    assert rebuilt.title == ex.title and rebuilt.data.equals(ex.data)


def test_norways_population_has_no_live_link_since_no_municipality_draws_it():
    assert embed.live_path(befolkning.population(LANDET)) is None


def test_bad_embed_values_give_notices_not_errors():
    raw = {"vis": ["ndr-trend"], "kommune": ["<b>x</b>"], "aar": ["20x5"], "lang": ["de"]}
    vis, state, notices = embed.request(lambda k: raw.get(k, []))
    assert vis == "ndr-trend" and state.kommune == "0301" and state.aar is None
    assert {n.key for n in notices} == {
        "notice.bad_lang",
        "notice.unknown_kommune",
        "notice.bad_param",
    }


def test_iframe_snippet_is_full_width_and_tall_enough_for_a_phone():
    ex = _trend()
    snippet = embed.iframe("https://x.no/embed?vis=a&kommune=4601", ex.title, 700)
    assert snippet.startswith('<iframe src="https://x.no/embed?vis=a&amp;kommune=4601"')
    assert "width:100%" in snippet and "height:700px" in snippet
    assert "&#x27;" in snippet, "the title's apostrophe is escaped"
    assert embed.iframe_height(ex) > embed.figure_height(ex)


# --- Static file -----------------------------------------------------------------------------


def test_static_file_loads_the_shared_plotly_and_inlines_data_source_and_licence():
    ex = _trend()
    page = embed.html_document(ex, dashboard_url="https://example.org/?kommune=4601", built=BUILT)
    assert page.count('<script charset="utf-8" src=') == 1
    assert f'src="../../vendor/{plotly_script_name()}"' in page, "the one versioned plotly.js"
    assert "Plotly.newPlot" in page and len(page) < 100_000, "plotly.js is not inlined"
    assert '<html lang="en">' in page
    assert "Source: SSB tables 12134 and 12137" in page
    assert "Statistisk sentralbyrå (CC BY 4.0)" in page
    assert "Made on 1 March 2026" in page
    assert "data:text/csv;base64," in page
    first = ex.data["value"].dropna().iloc[0]
    with language("en"):
        shown = table_cell(first)
    assert f">{shown}</td>" in page, "figures table, as the screen shows it"


def _synthetic_table() -> Exhibit:
    """A made-up table exhibit (SYNTHETIC test data) whose texts try to inject markup."""
    return Exhibit(
        id="syntetisk",
        title="<script>alert(1)</script>",
        data=pd.DataFrame({"label": ["<img src=x onerror=alert(1)>"], "value": [-1.5]}),
        columns={"label": "label", "value": "value"},
        sources=(SourceRef.of("kostra"),),
        source_text="Kilde: <b>syntetisk</b>",
        period="2025",
        lang="nb",
        kommune_code="4601",
        slug="syntetisk",
    )


def test_static_table_file_escapes_every_text():
    page = embed.html_document(_synthetic_table(), built=BUILT)
    assert "<script>alert" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<td>\u22121,5</td>" in page, "numbers in the file's language"


def test_table_cells_on_screen_use_the_languages_marks_and_say_missing():
    with language("nb"):
        assert table_cell(15.134640168215425) == "15,13"
        assert table_cell(1151.0) == "1\u00a0151"
        assert table_cell(2025) == "2025" and table_cell("07459") == "07459"
    with language("en"):
        assert table_cell(1234.5) == "1,234.5"
        assert table_cell(-1.5) == "-1.5"
        assert [table_cell(v) for v in (None, float("nan"), pd.NA)] == ["–"] * 3


def test_static_file_is_versioned_and_written_once(tmp_path: Path):
    ex = _trend("nb")
    path = embed.write_static(ex, root=tmp_path, built=BUILT)
    assert path.parent == tmp_path / "embeds" / embed.data_version()
    assert path.name.startswith("4601-bergen-netto-driftsresultat-2015-2025-")
    first = path.read_bytes()
    assert embed.write_static(ex, root=tmp_path, built=datetime.now(UTC)) == path
    assert path.read_bytes() == first, "a versioned file never changes"
    zipped = path.with_name(path.name + ".gz")
    brotlied = path.with_name(path.name + ".br")
    assert sorted(p.name for p in path.parent.iterdir()) == [
        path.name,
        brotlied.name,
        zipped.name,
    ], "the file and its twins for gzip_static/brotli_static, no temporary files left"
    assert gzip.decompress(zipped.read_bytes()) == first
    assert brotli.decompress(brotlied.read_bytes()) == first
    script = tmp_path / "vendor" / plotly_script_name()
    assert script.read_bytes() == PLOTLY_BUNDLE.read_bytes(), "the shared plotly.js is there"
    assert (
        embed.static_url(ex, "http://h:1/") == f"http://h:1/app/static/{embed.static_relpath(ex)}"
    )


def test_static_files_stop_at_their_disk_limit(tmp_path: Path):
    small = catalog.build("profil-nokkeltall", ViewState(kommune="4601"))
    limit = 2 * len(embed.html_document(small, built=BUILT).encode())
    assert len(embed.html_document(_trend("nb"), built=BUILT).encode()) > limit
    with pytest.raises(embed.StaticFull):
        embed.write_static(_trend("nb"), root=tmp_path, limit=limit)
    assert embed.write_static(small, root=tmp_path, limit=limit).exists()
    assert len(list((tmp_path / "embeds" / embed.data_version()).glob("*.html"))) == 1


def test_static_embed_command_writes_files(tmp_path: Path, capsys):
    argv = ["--kommune", "4633", "--lang", "en", "--vis", "folketall", "--root", str(tmp_path)]
    assert embed.main(argv) == 0
    written = Path(capsys.readouterr().out.strip())
    assert written.exists() and written.name.startswith("4633-fedje-folketall-")


@pytest.mark.browser
def test_static_file_opens_offline_in_chromium_and_draws_the_chart(tmp_path: Path, browser):
    ex = _trend()
    path = embed.write_static(ex, root=tmp_path, built=BUILT)
    context = browser.new_context(
        offline=True, viewport={"width": 700, "height": 900}, accept_downloads=True
    )
    page = context.new_page()
    refused: list[str] = []

    def route(r):
        if r.request.url.startswith("file:"):
            return r.continue_()
        refused.append(r.request.url)
        return r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri())
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=20_000)
    assert page.locator(".gtitle").first.text_content().startswith("Bergen's net operating result")
    assert page.locator(".scatterlayer .trace").count() >= 3, "Bergen, its group, Landet"
    page.screenshot(path=str(tmp_path / "static.png"))
    for label, suffix in (("Download SVG", ".svg"), ("Download PNG", ".png")):
        with page.expect_download() as download:
            page.get_by_role("button", name=label).click()
        assert download.value.suggested_filename == f"{export.file_stem(ex)}{suffix}"
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
        head = saved.read_bytes()[:200]
        assert head.startswith(b"\x89PNG") if suffix == ".png" else b"<svg" in head
    assert refused == []
    context.close()


# --- Live embed page -------------------------------------------------------------------------


def test_live_embed_shows_only_the_chart():
    at = _embed_page(vis="ndr-trend", kommune="4601", lang="en")
    assert not at.exception
    charts = specs(at)
    assert len(charts) == 1
    title = charts[0]["layout"]["title"]["text"]
    assert title.replace("<br>", " ").startswith("Bergen's net operating result was 1.0% in 2025")
    for kind in ("title", "selectbox", "segmented_control", "download_button", "button"):
        assert not at.get(kind), f"the embed shows no {kind}"


def test_live_embed_draws_a_table_exhibit_with_title_and_source():
    at = _embed_page(vis="profil-nokkeltall", kommune="1508")
    assert not at.exception
    assert any("Ålesund" in m.value for m in at.markdown)
    assert len(at.dataframe) == 1
    assert any("SSB tabell" in c.value for c in at.caption)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"vis": "finnes-ikke", "lang": "en"}, "There is no chart «finnes-ikke»."),
        ({"lang": "en"}, "The link does not say which chart to show."),
        ({"vis": "<script>x</script>"}, "Fant ingen figur «scriptx/script»."),
    ],
)
def test_live_embed_with_bad_id_says_so(params, expected):
    at = _embed_page(**params)
    assert not at.exception
    assert [i.value for i in at.info] == [expected]
    assert not specs(at)


def test_menu_builds_no_file_until_asked(monkeypatch):
    calls: list[str] = []
    for name in ("csv_bytes", "xlsx_bytes", "zip_bytes"):
        monkeypatch.setattr(export, name, lambda *a, _n=name, **k: calls.append(_n))
    monkeypatch.setattr(embed, "write_static", lambda *a, **k: calls.append("static"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["kommune"] = "4601"
    at.switch_page("pages/driftsresultat.py")
    at.run()
    assert not at.exception
    assert not at.get("download_button"), "a closed menu runs nothing"
    open_menus(at)
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels.count("Excel (.xlsx)") == 5 and labels.count("CSV for norsk Excel") == 5
    names = {b.proto.label: b for b in at.get("download_button")}
    assert names
    at.run()
    assert calls == [], "reruns build no files"


# --- Live embed in a browser, against a real server ------------------------------------------


@pytest.fixture(scope="module")
def app_server() -> Iterator[str]:
    """A Streamlit server for app.py on a free loopback port; its base URL."""
    with running_app() as url:
        yield url


@pytest.mark.browser
def test_live_embed_in_chromium_shows_the_chart_without_navigation(app_server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 640, "height": 800})
    # The first request to a fresh server is the embed itself, as when an article is read.
    page.goto(f"{app_server}/embed?vis=ndr-trend&kommune=4601&lang=en")
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=40_000)
    page.screenshot(path=str(tmp_path / "live.png"))
    assert page.locator(".js-plotly-plot").count() == 1
    for testid in ("stHeader", "stSidebar", "stToolbar"):
        hidden = page.locator(f"[data-testid='{testid}']")
        assert hidden.count() == 0 or not hidden.first.is_visible(), testid
    assert page.locator("h1").count() == 0
    assert page.locator(".gtitle").first.text_content().startswith("Bergen's net operating")
    page.close()
