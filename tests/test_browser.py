"""Every page in a real headless Chromium, on a laptop and a phone: charts drawn, no exception.

The app runs as `streamlit run app.py` on a free loopback port. Screenshots of every page go
to a temporary directory whose path is printed (run with -s to see it) so they can be looked
at; the assertions are about what a reader would notice: a drawn chart with a title naming
the municipality, the page's navigation, and no exception box.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.appserver import running_app

PAGES = ["kommuneprofil", "driftsresultat", "befolkning", "sammenlign", "om-dataene"]
PHONE_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    """`streamlit run app.py` on a free loopback port (the real server); its base URL."""
    with running_app() as url:
        yield url


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the screenshots go; the path is printed so a person can open them."""
    folder = tmp_path_factory.mktemp("screenshots")
    print(f"\nscreenshots: {folder}")
    return folder


def wait_until_drawn(page, timeout_s: float = 60) -> None:
    """Until the script has finished, every plotly chart is drawn and the page stops changing."""
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=timeout_s * 1000)
    deadline, last, stable_since = time.monotonic() + timeout_s, -1, None
    while time.monotonic() < deadline:
        elements = page.locator("[data-testid='stElementContainer']").count()
        running = page.locator("[data-testid='stStatusWidget']").count()
        charts = page.locator(".ko-chart").count()
        drawn = page.locator(".ko-chart.js-plotly-plot:has(.main-svg)").count()
        if not running and drawn == charts and elements == last:
            stable_since = stable_since or time.monotonic()
            if time.monotonic() - stable_since >= 0.5:
                return
        else:
            stable_since = None
        last = elements
        time.sleep(0.05)
    raise TimeoutError(f"{page.url} did not settle in {timeout_s:.0f} s")


def chart_titles(page) -> list[str]:
    """The titles of the drawn charts, as plotly put them in the SVG."""
    return [
        " ".join(t.split()) for t in page.locator(".js-plotly-plot .gtitle").all_text_contents()
    ]


@pytest.mark.parametrize(
    ("width", "kommune"), [(1280, "4601"), (390, "1867")], ids=["laptop-bergen", "phone-bo"]
)
def test_every_page_draws_its_charts_without_an_exception(browser, app_url, shots, width, kommune):
    agent = PHONE_UA if width < 600 else None
    # Streamlit scrolls inside its own container: a tall viewport puts the page in the shot.
    context = browser.new_context(viewport={"width": width, "height": 4000}, user_agent=agent)
    page = context.new_page()
    name = {"4601": "Bergen", "1867": "Bø"}[kommune]
    try:
        for path in PAGES:
            page.goto(f"{app_url}/{'' if path == 'kommuneprofil' else path}?kommune={kommune}")
            wait_until_drawn(page)
            page.screenshot(path=str(shots / f"{width}-{kommune}-{path}.png"), full_page=True)
            assert page.locator("[data-testid='stException']").count() == 0, path
            nav = page.locator("[data-testid='stTopNavLink'], [data-testid='stSidebarNavLink']")
            assert "embed" not in " ".join(nav.all_text_contents()), "routed by app.py"
            titles = chart_titles(page)
            assert titles, f"{path}: no chart title"
            if path != "om-dataene":  # its chart is about all municipalities
                assert any(name in t for t in titles), (path, titles)
    finally:
        context.close()


def test_navigation_keeps_the_chosen_municipality(browser, app_url, shots):
    page = browser.new_page(viewport={"width": 1280, "height": 1800})
    try:
        page.goto(f"{app_url}/?kommune=4601&lang=en")
        wait_until_drawn(page)
        links = page.locator("[data-testid='stTopNavLink']")
        assert links.all_text_contents()[:5] == [
            "Municipality profile",
            "Net operating result",
            "Population and projections",
            "Compare",
            "About the data",
        ]
        links.nth(1).click()
        page.wait_for_url("**/driftsresultat**")
        wait_until_drawn(page)
        page.screenshot(path=str(shots / "1280-nav-driftsresultat-en.png"), full_page=True)
        assert any(t.startswith("Bergen's") for t in chart_titles(page)), chart_titles(page)
        assert page.locator("[data-testid='stException']").count() == 0
        # A link copied after the switch restores the view: the URL still holds the choices.
        assert "kommune=4601" in page.url and "lang=en" in page.url, page.url
    finally:
        page.close()


def test_kommuneprofil_path_opens_the_start_page_with_the_link_values(browser, app_url):
    page = browser.new_page(viewport={"width": 1280, "height": 1800})
    try:
        page.goto(f"{app_url}/kommuneprofil?kommune=4601&lang=en")
        wait_until_drawn(page)
        assert page.locator("h1").first.text_content() == "Municipality profile"
        assert any(t.startswith("Bergen") for t in chart_titles(page)), chart_titles(page)
        assert page.get_by_text("Page not found").count() == 0
        assert "kommune=4601" in page.url, page.url
    finally:
        page.close()


def test_share_menu_opens_on_click_and_downloads_a_file(browser, app_url, shots):
    """The menus are lazy (filled by the rerun their opening starts): a click shows the
    permalink and the download buttons, and a download gives the named file."""
    context = browser.new_context(viewport={"width": 1280, "height": 1800}, accept_downloads=True)
    page = context.new_page()
    try:
        page.goto(f"{app_url}/driftsresultat?kommune=4601")
        wait_until_drawn(page)
        assert page.locator("[data-testid='stDownloadButton']").count() == 0
        page.get_by_role("button", name="Del og last ned").first.click()
        csv_button = page.locator("[data-testid='stDownloadButton']", has_text="CSV for norsk")
        csv_button.wait_for(timeout=20_000)
        assert "kommune=4601" in page.locator("[data-testid='stCode']").first.text_content()
        page.screenshot(path=str(shots / "1280-share-menu.png"))
        with page.expect_download() as download:
            csv_button.click()
        name = download.value.suggested_filename
        assert name.endswith(".csv") and "4601" in name, name
        assert download.value.path().read_bytes().startswith(b"\xef\xbb\xbf")  # BOM for Excel
    finally:
        context.close()


def test_a_new_municipality_redraws_the_same_chart_elements(browser, app_url):
    """Charts are updated in place (kommuneokonomi.ui.plotly_react): after picking another
    municipality every chart shows it, drawn into the very <div>s that showed the last one."""
    page = browser.new_page(viewport={"width": 1280, "height": 1800})
    try:
        page.goto(f"{app_url}/befolkning?kommune=4601")
        wait_until_drawn(page)
        count = page.evaluate(
            "() => { const charts = [...document.querySelectorAll('.ko-chart')];"
            " charts.forEach((gd, i) => { gd.dataset.seen = String(i); }); return charts.length; }"
        )
        assert count >= 4
        box = page.locator("[data-testid='stSelectbox'] input").first
        box.click()
        box.fill("5001")
        page.locator("[role='option']:has-text('(5001)')").first.click()
        page.wait_for_function(
            "() => [...document.querySelectorAll('.js-plotly-plot .gtitle')]"
            ".some(t => t.textContent.includes('Trondheim'))",
            timeout=30_000,
        )
        wait_until_drawn(page)
        seen = page.evaluate(
            "() => [...document.querySelectorAll('.ko-chart')].map(gd => gd.dataset.seen)"
        )
        assert seen == [str(i) for i in range(count)], seen
        assert not any("Bergen" in title for title in chart_titles(page)), chart_titles(page)
        assert page.locator(".ko-chart[role='figure'][aria-label*='Trondheim']").count() >= 1
    finally:
        page.close()


def test_a_rerun_that_changes_no_figure_redraws_no_chart(browser, app_url):
    """Every rerun sends every chart again; opening a share menu changes no figure, so no
    chart is redrawn (no Plotly.react call)."""
    page = browser.new_page(viewport={"width": 1280, "height": 1800})
    try:
        page.goto(f"{app_url}/driftsresultat?kommune=4601")
        wait_until_drawn(page)
        page.evaluate(
            "() => { window.koReacts = 0; const react = window.Plotly.react;"
            " window.Plotly.react = (...args) => { window.koReacts += 1;"
            " return react.apply(window.Plotly, args); }; }"
        )
        page.get_by_role("button", name="Del og last ned").first.click()
        page.locator("[data-testid='stDownloadButton']").first.wait_for(timeout=20_000)
        wait_until_drawn(page)
        assert page.evaluate("window.koReacts") == 0
        # The count does see redraws: another municipality redraws the two line charts (the
        # map and the beeswarm only move their highlight, as the next test shows).
        pick(page, "5001")
        page.wait_for_function("() => window.koReacts >= 2", timeout=30_000)
    finally:
        page.close()


def pick(page, code: str) -> None:
    """Choose a municipality with the picker: type its number, click it in the list."""
    box = page.locator("[data-testid='stSelectbox'] input").first
    box.click()
    box.fill(code)
    page.locator(f"[role='option']:has-text('({code})')").first.click()


OVERLAY_LABELS = (
    "() => [...document.querySelectorAll('.ko-overlay text')]"
    ".map(t => t.textContent.replace(/\\u00a0/g, ' '))"
)


def test_maps_move_the_highlight_without_redrawing(browser, app_url):
    """A map or beeswarm of every municipality changes only in its highlight (charts.overlay):
    another municipality moves the highlight the page draws on top and retitles the chart,
    with no Plotly.react; the outline is the municipality's own area; the camera button
    saves the whole figure."""
    page = browser.new_page(viewport={"width": 1280, "height": 2400})
    try:
        page.goto(f"{app_url}/driftsresultat?kommune=1867")
        wait_until_drawn(page)
        assert sorted(page.evaluate(OVERLAY_LABELS)) == ["Bø", "Bø −14,1 %"]
        page.evaluate(
            "() => { document.querySelectorAll('.ko-chart').forEach((gd, i) => {"
            " gd.dataset.n = String(i); }); window.koReacted = [];"
            " const react = window.Plotly.react; window.Plotly.react = (gd, ...rest) => {"
            " window.koReacted.push(gd.dataset.n);"
            " return react.call(window.Plotly, gd, ...rest); }; }"
        )
        pick(page, "4601")
        page.wait_for_function(f"() => ({OVERLAY_LABELS})().includes('Bergen')", timeout=30_000)
        wait_until_drawn(page)
        highlighted = page.evaluate(
            "() => [...document.querySelectorAll('.ko-chart')]"
            ".filter(gd => gd.querySelector('.ko-overlay')).map(gd => gd.dataset.n)"
        )
        reacted = page.evaluate("window.koReacted")
        assert len(highlighted) == 2 and reacted, (highlighted, reacted)
        assert not set(highlighted) & set(reacted), "a map or beeswarm was redrawn"
        assert sorted(page.evaluate(OVERLAY_LABELS)) == ["Bergen", "Bergen 1,0 %"]
        assert any(t.startswith("Bergen (1,0 %)") for t in chart_titles(page)), chart_titles(page)
        outline_is_bergen = page.evaluate(
            "() => { const gd = [...document.querySelectorAll('.ko-chart')]"
            ".find(g => g._fullLayout && g._fullLayout.geo);"
            " const own = [...gd.querySelectorAll('path.choroplethlocation')]"
            ".find(p => p.__data__.loc === '4601');"
            " return own.getAttribute('d') === gd.querySelector('.ko-overlay path')"
            ".getAttribute('d'); }"
        )
        assert outline_is_bergen
        beeswarm = page.locator(".ko-chart[aria-label^='Bergen (1,0']")
        beeswarm.hover()
        with page.expect_download(timeout=30_000) as download:
            beeswarm.locator(".modebar-btn[data-title='Last ned figuren som PNG']").click()
        assert download.value.suggested_filename.startswith("4601-")
        assert download.value.suggested_filename.endswith(".png")
    finally:
        page.close()


BEESWARM_DOTS = """() => {
  const gd = [...document.querySelectorAll('.ko-chart')]
    .find(g => (g.data || []).some(t => t.meta === 'dots'));
  const k = gd.data.findIndex(t => t.meta === 'dots');
  const drawn = [...gd.querySelectorAll('.ko-overlay path')]
    .filter(p => p.closest('.ko-dots'))
    .reduce((n, p) => n + (p.getAttribute('d').match(/M/g) || []).length, 0);
  const whole = document.createElement('div');
  whole.style.width = gd.clientWidth + 'px';
  document.body.appendChild(whole);
  const figure = gd._koSpec.figure;  // as sent, without the chosen one's highlight
  return window.Plotly.newPlot(whole, figure.data, figure.layout).then(() => {
    const own = whole._fullLayout.xaxis.range;
    window.Plotly.purge(whole); whole.remove();
    const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, box = gd.getBoundingClientRect();
    const i = 7;
    return {
      dots: gd.data[k].x.length, drawn, mode: gd.data[k].mode, wholeMode: figure.data[k].mode,
      plotlyPoints: gd.querySelectorAll('.scatterlayer .point').length,
      range: xa.range, own,
      legend: [...gd.querySelectorAll('.legendtext')].map(t => t.textContent),
      hover: gd.data[k].text[i],
      at: [box.left + xa._offset + xa.c2p(gd.data[k].x[i]),
           box.top + ya._offset + ya.c2p(gd.data[k].y[i])],
    };
  });
}"""


def test_beeswarm_dots_are_drawn_by_the_page(browser, app_url):
    """The beeswarm's 357 dots are one path the page draws (charts.overlay.DOTS), not 357
    plotly points; plotly keeps hover, legend and the axis range it gives the figure."""
    page = browser.new_page(viewport={"width": 1280, "height": 2400})
    try:
        page.goto(f"{app_url}/driftsresultat?kommune=1867")
        wait_until_drawn(page)
        seen = page.evaluate(BEESWARM_DOTS)
        assert seen["dots"] > 300 and seen["drawn"] == seen["dots"], seen
        assert (seen["mode"], seen["wholeMode"]) == ("none", "markers")
        assert seen["plotlyPoints"] <= 3, "the chosen one's marker is the page's too"
        assert seen["range"] == pytest.approx(seen["own"], rel=1e-6), "axis range as plotly's"
        assert any(text.startswith("Kommuner med tall") for text in seen["legend"]), seen
        page.mouse.move(*seen["at"])
        hover = page.locator(".hoverlayer .hovertext")
        hover.first.wait_for(timeout=10_000)
        name = re.sub("<[^>]+>", "", seen["hover"].split("<br>")[0])
        assert hover.first.text_content().startswith(name), (hover.first.text_content(), name)
    finally:
        page.close()


LABEL_BOXES = """() => {
  const gd = [...document.querySelectorAll('.ko-chart')]
    .find(g => (g.data || []).some(t => t.meta === 'dots'));
  const box = (node) => { const r = node.getBoundingClientRect();
    return [r.left, r.top, r.right, r.bottom]; };
  const note = gd.querySelector('.ko-overlay text');
  return { chart: box(gd), text: box(note), back: box(note.previousElementSibling),
           label: note.textContent };
}"""


def test_a_beeswarm_label_at_the_edge_stays_inside_a_phone_chart(browser, app_url):
    """Aukra has the highest result: on a 390 px phone its label is moved inside the chart,
    on its white background."""
    page = browser.new_page(viewport={"width": 390, "height": 4000})
    try:
        page.goto(f"{app_url}/driftsresultat?kommune=1547")
        wait_until_drawn(page)
        seen = page.evaluate(LABEL_BOXES)
        (cl, _, cr, _), (tl, tt, tr, tb), (bl, bt, br, bb) = (
            seen["chart"],
            seen["text"],
            seen["back"],
        )
        assert seen["label"].startswith("Aukra")
        assert cl <= tl and tr <= cr, seen
        assert bl <= tl and bt <= tt and tr <= br and tb <= bb, "the background covers the label"
    finally:
        page.close()


def _failed_charts(page, app_url: str, blocked: str, note: str):
    """Open Netto driftsresultat with the scripts matching `blocked` unreachable; the charts'
    `note` locator once it says in words that a chart could not be drawn, with no exception."""
    page.route(blocked, lambda route: route.abort())
    page.goto(f"{app_url}/driftsresultat?kommune=4601")
    failed = page.locator(note)
    failed.first.wait_for(timeout=60_000)
    assert failed.first.text_content().startswith("Grafen kunne ikke tegnes i nettleseren")
    assert page.locator("[data-testid='stException']").count() == 0
    return failed


def test_charts_say_so_in_words_when_plotly_js_cannot_load(browser, app_url):
    page = browser.new_page(viewport={"width": 1280, "height": 1800})
    try:
        _failed_charts(page, app_url, "**/app/static/vendor/plotly-*", ".ko-chart .ko-chart-failed")
    finally:
        page.close()


def test_charts_say_so_when_their_module_cannot_load_and_try_again_on_the_next_run(
    browser, app_url
):
    page = browser.new_page(viewport={"width": 1280, "height": 1800})
    try:
        failed = _failed_charts(page, app_url, "**/app/static/vendor/charts-*", ".ko-chart-failed")
        page.unroute("**/app/static/vendor/charts-*")
        pick(page, "1867")
        wait_until_drawn(page)
        assert failed.count() == 0
        assert page.locator(".ko-chart.js-plotly-plot:has(.main-svg)").count() >= 3
    finally:
        page.close()
