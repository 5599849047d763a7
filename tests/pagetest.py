"""Helpers for the page tests: run a page of app.py with URL parameters, read what it shows.

Every page test opens the app as a reader would (app.py routes, `switch_page` picks the page,
`query_params` is the link they followed) and reads back chart titles, source lines and
notices. Expected numbers are computed from the datasets directly, not from the queries.
"""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.testing.v1 import AppTest

from kommuneokonomi.data import frame
from kommuneokonomi.formatting import NBSP

APP = str(Path(__file__).resolve().parent.parent / "app.py")

PAGES = {
    "kommuneprofil": "pages/kommuneprofil.py",
    "driftsresultat": "pages/driftsresultat.py",
    "befolkning": "pages/befolkning.py",
    "sammenlign": "pages/sammenlign.py",
    "om-dataene": "pages/om_dataene.py",
}

# The municipalities the issues name: the four largest cities, Ålesund (split from old 1507 in
# 2024, so without figures before), a small one in Vestland (Austrheim) and a small one in
# Nordland (Bø). Every municipality has finance figures 2020–2025 (1508 from 2024).
KOMMUNER = {
    "0301": "Oslo - Oslove",  # the official bilingual name, as KLASS gives it
    "4601": "Bergen",
    "1508": "Ålesund",
    "5001": "Trondheim - Tråante",
    "4632": "Austrheim",
    "1867": "Bø",
}
NDR = "KOSAGD230000"
CHART_COMPONENT = "kommuneokonomi.plotly_react"


def open_page(page: str, **params: str) -> AppTest:
    """Run one page of the app with these URL parameters; the AppTest after its first run."""
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    at.switch_page(PAGES[page])
    return at.run()


def open_menus(at: AppTest) -> AppTest:
    """Open every "Del og last ned" menu on the page and rerun, as a reader clicking each.

    The menus are lazy (their content runs only while open), so tests of their links and
    downloads open them first.
    """
    for block in at.get("popover"):
        key = block.proto.popover.id.split("-", 2)[-1]  # '$$ID-<hash>-menu-ndr-trend'
        if key.startswith("menu-"):
            at.session_state[key] = True
    return at.run()


def chart_payloads(at: AppTest) -> list[str]:
    """What the browser receives for every chart on the page, in page order, as JSON text:
    the plotly figure, its config, its accessible label and its failure message
    (kommuneokonomi.ui.plotly_react)."""
    return [
        element.proto.bytes.decode()
        for element in at.get("bidi_component")
        if element.proto.component_name == CHART_COMPONENT
    ]


def specs(at: AppTest) -> list[dict]:
    """The plotly figure specs of every chart on the page, in page order, as the reader sees
    them: with the highlight the page draws on top (charts.overlay) put back in."""
    return [whole_figure(json.loads(payload)) for payload in chart_payloads(at)]


def whole_figure(sent: dict) -> dict:
    """A chart's figure with its overlay traces and annotations, as ui/chart_overlay.js
    puts them together for the image file."""
    figure, overlay = sent["figure"], sent.get("overlay") or {}
    layout = figure["layout"]
    notes = [*layout.get("annotations", []), *overlay.get("annotations", [])]
    return {
        "data": [*figure["data"], *overlay.get("traces", [])],
        "layout": {**layout, "annotations": notes} if notes else layout,
    }


def plain(text: str) -> str:
    """Text as a reader sees it: line breaks of wrapped titles and no-break spaces as spaces."""
    return text.replace("<br>", " ").replace(NBSP, " ")


def titles(at: AppTest) -> list[str]:
    """The chart titles, unwrapped."""
    return [plain(spec["layout"]["title"]["text"]) for spec in specs(at)]


def annotations(at: AppTest) -> list[str]:
    """All annotation texts of all charts (source lines, norm labels), unwrapped."""
    return [
        plain(a.get("text", ""))
        for spec in specs(at)
        for a in spec["layout"].get("annotations", [])
    ]


def texts(at: AppTest) -> str:
    """Everything the page says in words: markdown, captions, notices, metric cards, headers."""
    parts = [
        str(e.value) for kind in ("markdown", "caption", "info", "warning") for e in at.get(kind)
    ]
    parts += [e.value for e in at.get("title")] + [e.value for e in at.get("subheader")]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    return plain("\n".join(parts))


def notices(at: AppTest) -> list[str]:
    """The info boxes on the page (notices about the URL and missing data)."""
    return [plain(i.value) for i in at.info]


def population(code: str, year: int) -> int:
    """Registered population of a region on 1 January of `year`, summed from SSB 07459."""
    rows = frame("befolkning")
    return int(rows[(rows.region_code == code) & (rows.year == year)].persons.sum())


def share_67_plus(code: str | None, year: int) -> float:
    """Per cent of the population aged 67 or more on 1 January (code None: all of Norway)."""
    rows = frame("befolkning")
    rows = rows[rows.year == year]
    if code is not None:
        rows = rows[rows.region_code == code]
    return 100 * rows[rows.age >= 67].persons.sum() / rows.persons.sum()


def kostra_value(code: str, indicator: str, year: int) -> float | None:
    """One KOSTRA figure as published (None when the snapshot has none)."""
    rows = frame("kostra")
    hit = rows[
        (rows.region_code == code) & (rows.indicator_code == indicator) & (rows.year == year)
    ]
    return None if hit.empty or hit.value.isna().all() else float(hit.value.iloc[0])


def ndr_values(year: int) -> dict[str, float]:
    """Netto driftsresultat % per municipality in `year` by the rule the issue states: SSB's
    published final figure, else 100 × AGD23 / AGD13 of the (final) amounts."""
    rows = frame("kostra")
    rows = rows[(rows.year == year) & rows.region_code.str.fullmatch(r"\d{4}")]
    amounts = rows.pivot_table(index="region_code", columns="indicator_code", values="value")
    values = (100 * amounts["AGD23_belop"] / amounts["AGD13_belop"]).dropna().to_dict()
    final = rows[(rows.indicator_code == NDR) & (rows.vintage == "final") & rows.value.notna()]
    values.update(dict(zip(final.region_code, final.value, strict=True)))
    return values


def nb(value: float, decimals: int = 0) -> str:
    """A number as the bokmål UI prints it, with plain spaces: 294 860 / 1,0."""
    text = f"{abs(value):,.{decimals}f}".replace(",", " ").replace(".", ",")
    return ("−" if value < 0 else "") + text


def projection_total(code: str, year: int) -> int:
    """SSB's main-alternative (MMMM) projected population of a region in the newest table
    that projects it (14746 before 14288), summed over its age groups."""
    rows = frame("framskriving")
    rows = rows[(rows.region_code == code) & (rows.alternative == "MMMM") & (rows.year == year)]
    table = "14746" if (rows.table_id == "14746").any() else "14288"
    return int(rows[rows.table_id == table].persons.sum())
