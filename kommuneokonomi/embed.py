"""Embeds of one exhibit: the live single-chart link and the static HTML file.

The live embed is the app's hidden `embed` page (`/embed?vis=<id>&kommune=…&lang=…`): it
always shows today's figures but opens a dashboard session for every reader. The static
embed is one HTML file per exhibit and view with the figures, the source line and the
licence inlined; it loads plotly.js from the site's one versioned, immutable script
(`static/vendor/plotly-<version>-<hash>.min.js`, kommuneokonomi/assets.py), so an article's
second chart costs its readers only its own HTML. It opens no session, so an article that
goes viral costs the server nothing beyond serving files.

Static files are written on demand (the "Del og last ned" menu, or
`python -m kommuneokonomi.embed`) to `static/embeds/<version>/<stem>.html`, served by
Streamlit at `/app/static/embeds/…`. The version is a hash of the served data files and of
this format, so a file never changes once written: new data gives a new directory and old
articles keep the chart they were written about. Files are written atomically.
"""

from __future__ import annotations

import argparse
import base64
import functools
import gzip
import hashlib
import html
import json
import os
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import brotli
import plotly.io as pio

from kommuneokonomi import data, export
from kommuneokonomi.assets import plotly_script_name, vendor_plotly_js
from kommuneokonomi.charts.theme import FONT, WIDTHS, plotly_config
from kommuneokonomi.datasets import DATASETS
from kommuneokonomi.exhibit import Exhibit, in_its_language
from kommuneokonomi.files import write_atomic
from kommuneokonomi.formatting import iso_date, table_cell
from kommuneokonomi.i18n import DEFAULT_LANG, LANGS, N_, t
from kommuneokonomi.queries.kommuner import index
from kommuneokonomi.state import (
    Notice,
    ViewState,
    first,
    parse_compare,
    parse_kommune,
    parse_lang,
    permalink_query,
)

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
STATIC_URL = "app/static"  # where Streamlit serves STATIC_DIR (enableStaticServing)
EMBED_PAGE = "embed"
# Bump when the HTML below changes, so files already linked from articles stay as they are.
FORMAT_VERSION = "3"
IFRAME_PADDING_PX = 24
# Static embeds of one data version may take this much disk (thousands of files).
MAX_STATIC_BYTES = 2 * 1024**3
NOTE_LINE_PX = 21
NOTE_GAP_PX = 16


class StaticFull(RuntimeError):
    """The static embeds of this data version already take up their share of the disk."""


def data_version() -> str:
    """12 hex digits naming the served data and this file format (the embeds' directory)."""
    return _data_version(data.generation())


@functools.lru_cache(maxsize=4)
def _data_version(_generation: int) -> str:
    """data_version for one data generation: hashing reads every dataset's provenance."""
    digest = hashlib.sha256(f"{FORMAT_VERSION}|{plotly_script_name()}".encode())
    for name in sorted(DATASETS):
        digest.update(f"|{name}:{data.provenance(name).entry.get('sha256', '')}".encode())
    return digest.hexdigest()[:12]


def live_params(exhibit: Exhibit) -> dict[str, str] | None:
    """URL parameters that rebuild `exhibit` on the embed page, or None when its view
    cannot be expressed in a link (e.g. Norway's population, drawn for no municipality).
    """
    code = exhibit.kommune_code
    if code is not None and not index().is_current(code):
        return None
    params = {"vis": exhibit.id}
    if code is not None:
        params["kommune"] = code
    params.update(exhibit.params)
    if exhibit.lang != DEFAULT_LANG:
        params["lang"] = exhibit.lang
    return params


def live_path(exhibit: Exhibit) -> str | None:
    """'embed?vis=ndr-trend&kommune=4601&aar=2025&lang=en', or None (see live_params)."""
    params = live_params(exhibit)
    return f"{EMBED_PAGE}?{permalink_query(params)}" if params else None


def _number(raw: list[str], name: str, notices: list[Notice]) -> int | None:
    value = first(raw or None)
    if not value:
        return None
    if value.isdigit() and len(value) <= 4:
        return int(value)
    notices.append(Notice(N_("notice.bad_param"), {"name": name}))
    return None


def request(get_all: Callable[[str], list[str]]) -> tuple[str | None, ViewState, list[Notice]]:
    """The exhibit id and view state a live-embed URL asks for, with notices about bad values.

    `get_all` is `st.query_params.get_all`; values are checked as on the pages (state.py),
    and builders fall back to sensible years, measures and comparisons by themselves.
    """
    lang, notices = parse_lang(get_all("lang") or None)
    kommune, more = parse_kommune(get_all("kommune") or None, index())
    notices += more
    compare, more = parse_compare(get_all("sammenlign") or None, index(), exclude=kommune)
    notices += more
    state = ViewState(
        kommune=kommune,
        lang=lang,
        aar=_number(get_all("aar"), "aar", notices),
        sammenlign=compare,
        indikator=first(get_all("indikator") or None),
        mot=first(get_all("mot") or None),
        indeks=_number(get_all("indeks"), "indeks", notices),
        alternativ=first(get_all("alternativ") or None),
        vekter=first(get_all("vekter") or None),
    )
    return first(get_all("vis") or None), state, notices


def figure_height(exhibit: Exhibit) -> int:
    """The exhibit's drawn height in pixels (a fixed default for tables)."""
    if exhibit.figure is None:
        return 480
    return int(exhibit.figure.layout.height or 450)


def iframe_height(exhibit: Exhibit) -> int:
    """A height that holds the exhibit and its notes on a phone too, where title, source and
    notes wrap into more lines (plotly cannot wrap; see charts.theme): one line per 36 title,
    44 source and 45 note characters. On a wide screen some white space is left below.
    """
    title_width, source_width, _ = WIDTHS[True]  # the phone layout's wrap widths
    extra_title = 21 * (len(exhibit.title) // title_width)
    extra_source = 14 * (len(exhibit.source_text) // source_width)
    notes = sum(NOTE_LINE_PX * -(-len(note) // 45) + NOTE_GAP_PX for note in exhibit.notes)
    return figure_height(exhibit) + extra_title + extra_source + notes + IFRAME_PADDING_PX


def iframe(src: str, title: str, height: int) -> str:
    """An iframe snippet for an article: full column width, fixed height, lazy, no border."""
    return (
        f'<iframe src="{html.escape(src)}" title="{html.escape(title)}" '
        f'style="width:100%;max-width:100%;height:{height}px;border:0" '
        'loading="lazy"></iframe>'
    )


def static_stem(exhibit: Exhibit) -> str:
    """File name (no suffix): the export stem and 6 hex digits of the view's parameters."""
    key = f"{exhibit.id}|{permalink_query(live_params(exhibit) or dict(exhibit.params))}"
    return f"{export.file_stem(exhibit)}-{hashlib.sha256(key.encode()).hexdigest()[:6]}"


def static_relpath(exhibit: Exhibit) -> str:
    """'embeds/<version>/<stem>.html', relative to the static directory and its URL."""
    return f"embeds/{data_version()}/{static_stem(exhibit)}.html"


def static_url(exhibit: Exhibit, base_url: str = "") -> str:
    """Where Streamlit serves the exhibit's static file ('<base>/app/static/embeds/…')."""
    return f"{base_url.rstrip('/')}/{STATIC_URL}/{static_relpath(exhibit)}"


def _table_html(exhibit: Exhibit) -> str:
    frame = export.table(exhibit)
    head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in frame.columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(table_cell(v))}</td>" for v in row) + "</tr>"
        for row in frame.itertuples(index=False)
    )
    caption = f"<caption>{html.escape(exhibit.title)}</caption>"
    return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


def _scroll(exhibit: Exhibit) -> str:
    """The table in a box that scrolls, reachable by keyboard so it can be scrolled."""
    label = html.escape(exhibit.title)
    return (
        f'<div class="scroll" tabindex="0" role="region" aria-label="{label}">'
        f"{_table_html(exhibit)}</div>"
    )


STYLE = f"""
body {{ margin: 0; font-family: {FONT}; color: #1b1f24; background: #fff; }}
main {{ padding: 4px 8px; }}
h1 {{ font-size: 16px; margin: 8px 2px; }}
p, footer {{ font-size: 12px; color: #555; margin: 4px 2px; }}
figure {{ margin: 0; }}
footer a, footer button {{ margin-right: 10px; }}
a {{ color: #1f5f99; }}
button {{ font: inherit; font-size: 12px; cursor: pointer; background: #f3f5f8;
  border: 1px solid #767676; border-radius: 4px; padding: 2px 8px; }}
details {{ margin: 6px 2px; font-size: 12px; }}
summary {{ cursor: pointer; }}
table {{ border-collapse: collapse; font-size: 12px; }}
caption {{ text-align: left; font-weight: 600; padding: 2px 6px; }}
th, td {{ border-bottom: 1px solid #e6e6e6; padding: 2px 6px; text-align: left; }}
.scroll {{ max-height: 320px; overflow: auto; }}
a:focus-visible, button:focus-visible, summary:focus-visible, .scroll:focus-visible {{
  outline: 2px solid #1f5f99; outline-offset: 2px; }}
.ko-sr-only {{ position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }}
"""

# After plotly.js has drawn the chart: make it quiet for screen readers and its mode bar a
# toolbar (chart_access.js, shared with the app's charts), and wire the image buttons.
SCRIPT = """
var gd = document.querySelector(".plotly-graph-div");
function koAccess() { koAccessibleChart(gd, gd.closest("figure").dataset.toolbar); }
koAccess();
if (gd.on) gd.on("plotly_afterplot", koAccess);
document.querySelectorAll("button[data-format]").forEach(function (b) {
  b.addEventListener("click", function () {
    Plotly.downloadImage(gd, {format: b.dataset.format, filename: b.dataset.name, scale: 2});
  });
});
"""
CHART_ACCESS_JS = Path(__file__).resolve().parent / "ui" / "chart_access.js"


def script_src() -> str:
    """plotly.js for a static file, relative to it (embeds/<version>/ to vendor/), so it
    resolves on whatever host and base path serves the static directory."""
    return f"../../vendor/{plotly_script_name()}"


@functools.cache
def _chart_access_js() -> str:
    """The chart keyboard and screen-reader script, read once (a static build writes
    thousands of documents)."""
    return CHART_ACCESS_JS.read_text(encoding="utf-8")


@in_its_language
def html_document(exhibit: Exhibit, *, dashboard_url: str | None = None, built: datetime) -> str:
    """The whole static page: chart (loading the shared plotly.js) or table, source, figures,
    licence."""
    lang = exhibit.lang
    esc = html.escape
    stem = export.file_stem(exhibit)
    parts = [f'<!doctype html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">']
    parts.append('<meta name="viewport" content="width=device-width, initial-scale=1">')
    parts.append(f"<title>{esc(exhibit.title)}</title>")
    parts.append(f'<meta name="generator" content="{export.APP_NAME} {data_version()}">')
    parts.append(f"<style>{STYLE}</style>\n</head>\n<body>\n<main>")
    if exhibit.figure is not None:
        # A figure named by its title and described in words (kommuneokonomi.describe), also
        # for readers whose browser runs no script; the table below holds the numbers.
        parts.append(
            f'<figure aria-label="{esc(exhibit.title)}" aria-describedby="chart-description"'
            f' data-toolbar="{esc(t("a11y.toolbar"))}">'
        )
        parts.append(
            pio.to_html(
                exhibit.figure,
                full_html=False,
                include_plotlyjs=script_src(),
                config=plotly_config(stem),
                default_width="100%",
                div_id="chart",
                validate=False,
            )
        )
        parts.append("</figure>")
        parts.append(f'<p id="chart-description" class="ko-sr-only">{esc(exhibit.description)}</p>')
    else:
        parts.append(f"<h1>{esc(exhibit.title)}</h1>")
        parts.append(_scroll(exhibit))
    source = f'<p class="source">{esc(exhibit.source_text)}</p>'
    # The chart carries its source line inside; the text copy is for readers without JS.
    parts.append(f"<noscript>{source}</noscript>" if exhibit.figure is not None else source)
    parts += [f"<p>{esc(note)}</p>" for note in exhibit.notes]
    csv_data = base64.b64encode(export.csv_bytes(exhibit, export.csv_style())).decode()
    if exhibit.figure is not None:
        parts.append(
            f"<details><summary>{esc(t('a11y.show_table'))}</summary>{_scroll(exhibit)}</details>"
        )
    footer = [
        f'<a download="{esc(export.filename(exhibit, ".csv"))}" '
        f'href="data:text/csv;base64,{csv_data}">{esc(t("eksport.html_csv"))}</a>'
    ]
    if exhibit.figure is not None:
        name = esc(json.dumps(stem)[1:-1])
        footer += [
            f'<button type="button" data-format="png" data-name="{name}">'
            f"{esc(t('eksport.html_png'))}</button>",
            f'<button type="button" data-format="svg" data-name="{name}">'
            f"{esc(t('eksport.html_svg'))}</button>",
        ]
    if dashboard_url:
        footer.append(
            f'<a href="{esc(dashboard_url)}" target="_blank" rel="noopener">'
            f"{esc(t('eksport.html_open'))}</a>"
        )
    parts.append(f"<footer>{' '.join(footer)}</footer>")
    licences = [export.licence_text(line) for line in export.licences(exhibit)]
    made = t("eksport.html_made", date=iso_date(built.date().isoformat()))
    parts.append(f"<p>{esc(' · '.join([*licences, made]))}</p>")
    parts.append("</main>")
    if exhibit.figure is not None:
        parts.append(f"<script>{_chart_access_js()}{SCRIPT}</script>")
    parts.append("</body>\n</html>\n")
    return "\n".join(parts)


def write_static(
    exhibit: Exhibit,
    *,
    root: Path = STATIC_DIR,
    dashboard_url: str | None = None,
    built: datetime | None = None,
    limit: int = MAX_STATIC_BYTES,
) -> Path:
    """The exhibit's static file under `root`, written atomically unless it already exists
    (a versioned file never changes, so concurrent readers always see a whole file).

    StaticFull when the version's directory would grow past `limit` bytes: readers must not
    be able to fill the disk. The shared plotly.js is copied to `root`/vendor if missing.
    """
    path = root / static_relpath(exhibit)
    if path.exists():
        return path
    if exhibit.figure is not None:
        vendor_plotly_js(root / "vendor")
    path.parent.mkdir(parents=True, exist_ok=True)
    text = html_document(exhibit, dashboard_url=dashboard_url, built=built or datetime.now(UTC))
    body = text.encode()
    used = sum(entry.stat().st_size for entry in os.scandir(path.parent) if entry.is_file())
    if used + len(body) > limit:
        raise StaticFull(f"{path.parent} holds {used} bytes of embeds; the limit is {limit}")
    # The twins land first and the .html last: nginx's gzip_static/brotli_static (and
    # kommuneokonomi.precompressed) send a twin to readers that accept it, and a whole .html
    # means its twins are whole too.
    write_atomic(path.with_name(path.name + ".gz"), gzip.compress(body, 9, mtime=0))
    write_atomic(path.with_name(path.name + ".br"), brotli.compress(body, quality=11))
    write_atomic(path, body)
    return path


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m kommuneokonomi.embed`: write static embeds for municipalities ahead of time."""
    from kommuneokonomi.views import catalog

    parser = argparse.ArgumentParser(description="Write static chart embeds to static/embeds.")
    parser.add_argument("--kommune", nargs="+", default=["0301"], help="municipality codes")
    parser.add_argument("--lang", nargs="+", default=list(LANGS), choices=LANGS)
    parser.add_argument("--vis", nargs="+", default=None, help="exhibit ids (default: all)")
    parser.add_argument("--base-url", default="", help="public URL of the app, for links")
    parser.add_argument("--root", type=Path, default=STATIC_DIR)
    args = parser.parse_args(argv)
    for exhibit_id in args.vis or list(catalog.EXHIBITS):
        for code in args.kommune:
            for lang in args.lang:
                exhibit = catalog.build(exhibit_id, ViewState(kommune=code, lang=lang))
                query = permalink_query({"kommune": code, "lang": lang})
                url = f"{args.base_url.rstrip('/')}/?{query}" if args.base_url else None
                path = write_static(exhibit, root=args.root, dashboard_url=url)
                print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
