"""WCAG 2.1 AA in a real browser: axe-core scans every page and both embeds, and a reader
walks a page by keyboard alone.

axe-core (axe-playwright-python, its rules tagged wcag2a, wcag2aa, wcag21a, wcag21aa) runs in
headless Chromium against one `streamlit run app.py` shared by every scan here, and against
static embed files opened from disk. Each page is scanned in bokmål and English (the start
page and Netto driftsresultat in nynorsk too), after its charts are drawn; the scans also
check what axe cannot: the document's language, and that every chart is a figure named by its
title and described by a text made from its data (kommuneokonomi.describe).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kommuneokonomi import embed
from kommuneokonomi.i18n import language, t
from kommuneokonomi.state import ViewState
from kommuneokonomi.views import catalog
from tests.appserver import running_app
from tests.test_browser import wait_until_drawn

pytestmark = pytest.mark.browser

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Befolkning with its growth section open (?vekst=true), so the map and ranking are scanned.
PAGES = ["", "driftsresultat", "befolkning?vekst=true", "sammenlign", "om-dataene"]
SCANS = [(path, lang) for lang in ("nb", "en") for path in PAGES]
SCANS += [("", "nn"), ("driftsresultat", "nn")]
BUILT = datetime(2026, 3, 1, tzinfo=UTC)
# Every description opens with the kind of chart (kommuneokonomi.describe).
KINDS = ("lines", "bars", "position", "beeswarm", "map", "pyramid", "panels", "heatmap")


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    """One app server for every scan and walk in this module."""
    with running_app() as url:
        yield url


@pytest.fixture(scope="module")
def page(browser, app_url) -> Iterator[object]:
    """One laptop-sized tab, reused by the scans (each opens its own URL)."""
    tab = browser.new_page(viewport={"width": 1280, "height": 2000})
    yield tab
    tab.close()


def violations(page) -> list[str]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the page, one line per rule with the
    first offending elements, so a failure says what to fix."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]}
    found = Axe().run(page, options=options).response["violations"]
    return [
        f"{v['id']} ({v['impact']}, {len(v['nodes'])}): {v['help']}: "
        + "; ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:3])
        for v in found
    ]


def described_charts(page) -> list[tuple[str, str]]:
    """(accessible name, description) of every chart the page draws."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.ko-chart')].map(gd => [
            gd.getAttribute('aria-label') || '',
            (document.getElementById(gd.getAttribute('aria-describedby')) || {}).textContent
              || ''])"""
    )


@pytest.mark.parametrize(
    ("path", "lang"), SCANS, ids=[f"{p.split('?')[0] or 'start'}-{lang}" for p, lang in SCANS]
)
def test_page_has_no_wcag_violations(page, app_url, path, lang):
    page.goto(f"{app_url}/{path}{'&' if '?' in path else '?'}kommune=3301&lang={lang}")
    wait_until_drawn(page)
    assert page.evaluate("document.documentElement.lang") == lang
    assert violations(page) == []
    charts = described_charts(page)
    assert charts, "every page draws a chart"
    with language(lang):
        kinds = tuple(t(f"a11y.kind_{kind}") for kind in KINDS)
    for name, description in charts:
        assert name and description.startswith(kinds), (name, description)


@pytest.mark.parametrize("lang", ["nb", "en"])
def test_live_embed_has_no_wcag_violations(page, app_url, lang):
    page.goto(f"{app_url}/embed?vis=ndr-trend&kommune=3301&lang={lang}")
    wait_until_drawn(page)
    assert page.evaluate("document.documentElement.lang") == lang
    assert violations(page) == []
    ((name, description),) = described_charts(page)
    assert name.startswith("Drammen") and "TBU" in description, (name, description)


@pytest.mark.parametrize("vis", ["ndr-trend", "ndr-rangering"], ids=["chart", "table"])
def test_static_embed_has_no_wcag_violations(browser, tmp_path: Path, vis):
    exhibit = catalog.build(vis, ViewState(kommune="3301", lang="nb"))
    path = embed.write_static(exhibit, root=tmp_path, built=BUILT)
    tab = browser.new_page(viewport={"width": 640, "height": 900})
    try:
        tab.goto(path.as_uri())
        if exhibit.figure is not None:
            tab.wait_for_selector(".js-plotly-plot .main-svg", timeout=20_000)
            figure = tab.locator("figure")
            assert figure.get_attribute("aria-label") == exhibit.title
            described = tab.locator(f"#{figure.get_attribute('aria-describedby')}")
            assert described.text_content() == exhibit.description
            assert tab.get_by_role("toolbar").count() == 1
        assert tab.evaluate("document.documentElement.lang") == "nb"
        assert violations(tab) == []
    finally:
        tab.close()


def _focused(page) -> dict:
    """What has the keyboard focus: its tag, role, label and text, and whether a focus ring
    shows on it or on the box around it (outline or box-shadow)."""
    return page.evaluate(
        """() => { const el = document.activeElement;
        const ring = (e) => { const s = getComputedStyle(e);
          return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
            || s.boxShadow !== 'none' || s.borderColor.includes('255, 75, 75'); };
        let shown = false;
        for (let e = el, i = 0; e && i < 4; e = e.parentElement, i++) shown = shown || ring(e);
        return {tag: el.tagName, role: el.getAttribute('role') || '',
                label: el.getAttribute('aria-label') || '', text: el.textContent.trim(),
                ring: shown}; }"""
    )


def tab_to(page, wanted, limit: int = 80) -> dict:
    """Press Tab until `wanted(focused)` holds; the focused element, which must show focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = _focused(page)
        if wanted(focused):
            assert focused["ring"], f"no visible focus on {focused}"
            return focused
    raise AssertionError(f"{limit} presses of Tab never reached the element")


def pick(page, label: str, typed: str, *, option: str, chart_says: str) -> None:
    """Tab to the picker named `label`, type, take the first option holding `option` with
    the arrow key and Enter, and wait until a chart's name says so (`chart_says`, a string
    method call) and every chart is drawn."""
    tab_to(page, lambda f: f["role"] == "combobox" and f["label"] == label)
    page.keyboard.type(typed)
    page.locator(f"[role='option']:has-text('{option}')").first.wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.ko-chart')]"
        f".some(gd => (gd.getAttribute('aria-label') || '').{chart_says})",
        timeout=30_000,
    )
    wait_until_drawn(page)


def test_a_page_can_be_used_by_keyboard_alone(browser, app_url):
    """Pick a municipality, change the year and open "Del og last ned" with Tab, typing,
    arrows and Enter only; every stop shows where the focus is."""
    tab = browser.new_page(viewport={"width": 1280, "height": 1800})
    try:
        tab.goto(f"{app_url}/driftsresultat?kommune=3301")
        wait_until_drawn(tab)
        tab.locator("body").focus()

        pick(tab, "Kommune", "Bergen", option="(4601)", chart_says="includes('Bergen')")
        assert "kommune=4601" in tab.url, tab.url
        pick(tab, "År", "2023", option="2023", chart_says="endsWith('i 2023')")
        assert "aar=2023" in tab.url, tab.url

        tab_to(tab, lambda f: f["tag"] == "BUTTON" and "Del og last ned" in f["text"])
        tab.keyboard.press("Enter")
        csv = tab.locator("[data-testid='stDownloadButton']", has_text="CSV for norsk")
        csv.first.wait_for(timeout=20_000)
        assert "kommune=4601" in tab.locator("[data-testid='stCode']").first.text_content()
        tab_to(tab, lambda f: f["tag"] == "BUTTON" and "CSV for norsk" in f["text"])
    finally:
        tab.close()


def test_show_as_table_opens_by_keyboard_into_a_table_with_headers(page, app_url):
    page.goto(f"{app_url}/?kommune=3301")
    wait_until_drawn(page)
    page.locator("body").focus()
    tab_to(page, lambda f: f["tag"] == "SUMMARY" and "Vis som tabell" in f["text"])
    page.keyboard.press("Enter")
    table = page.get_by_role("table").first
    table.wait_for(timeout=20_000)
    wait_until_drawn(page)
    headers = page.get_by_role("columnheader").all_text_contents()
    assert "Drammen" in table.text_content() and len(headers) >= 2, headers
    assert violations(page) == []
