"""Render an exhibit on a page: the chart (title and source inside) or table, notes, and its
"Del og last ned" menu (permalink, embeds, image and data files).

The menu is light on purpose: files are built only when the reader clicks a download
button (Streamlit calls the builder then), and a static embed is written only when asked.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pandas as pd
import streamlit as st

from kommuneokonomi import embed, export
from kommuneokonomi.charts.theme import plotly_config
from kommuneokonomi.exhibit import Exhibit, in_its_language
from kommuneokonomi.formatting import markdown_literal, table_cell
from kommuneokonomi.i18n import t
from kommuneokonomi.state import permalink_query
from kommuneokonomi.ui.plotly_react import plotly_react

MIME = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
}


@in_its_language
def show(
    exhibit: Exhibit,
    *,
    key: str | None = None,
    table: bool = True,
    menu: bool = True,
    details: bool = False,
) -> None:
    """Draw the exhibit's figure, or its table when it has no figure (title, table, source
    line), then its note and its share-and-download menu.

    `table=False` when the page draws the table itself (e.g. with search and highlighting);
    `menu=False` on the embed page; `details=True` where explanations belong (Om dataene).
    An exhibit with nothing to show gets no menu.
    """
    key = key or exhibit.id
    if exhibit.figure is not None:
        plotly_react(
            exhibit.screen,
            key=f"chart-{key}",
            config=plotly_config(export.file_stem(exhibit)),
            texts={
                "label": exhibit.title,
                "description": exhibit.description,
                "toolbar": t("a11y.toolbar"),
                "failed": t("eksport.chart_failed"),
            },
        )
        numbers_table(exhibit, key=key)
    elif table and not exhibit.data.empty:
        st.markdown(f"**{markdown_literal(exhibit.title)}**")
        st.dataframe(display(exhibit), hide_index=True, key=f"table-{key}")
        st.caption(markdown_literal(exhibit.source_text))
    for note in (*exhibit.notes, *(exhibit.details if details else ())):
        st.caption(note)
    if menu and (exhibit.figure is not None or not exhibit.data.empty):
        share_menu(exhibit, key=key)


def numbers_table(exhibit: Exhibit, *, key: str) -> None:
    """ "Vis som tabell" under a chart: the numbers it draws as a table, for readers who
    cannot see the chart or want the exact figures. Built only while it is open, as an HTML
    table (st.table: real rows and column headers for screen readers, where st.dataframe
    draws on a canvas)."""
    box = st.expander(
        t("a11y.show_table"),
        key=f"tabell-{key}",
        on_change="rerun",
        type="compact",
        icon=":material/table:",
    )
    if box.open:
        with box:
            st.table(display(exhibit), hide_index=True, alt=exhibit.title)


@in_its_language
def display(exhibit: Exhibit) -> pd.DataFrame:
    """The exhibit's data as exported (export.table), each cell as text for the screen."""
    return export.table(exhibit).map(table_cell)


def base_url() -> str:
    """'http://host:port/' the reader uses (with any base path); '' when not known (tests)."""
    url = st.context.url
    if not url:
        return ""
    parts = urlsplit(url)
    prefix = (st.get_option("server.baseUrlPath") or "").strip("/")
    return f"{parts.scheme}://{parts.netloc}/{prefix + '/' if prefix else ''}"


def permalink(exhibit: Exhibit) -> str:
    """The full URL of the current view: this page with every URL parameter and the language
    (the pickers keep codes in the URL, so the link restores the exact view)."""
    params = {name: st.query_params.get_all(name) for name in st.query_params}
    params["lang"] = [exhibit.lang]
    page = st.context.url or ""
    return f"{page}?{permalink_query(params)}"


def _write_static(exhibit: Exhibit, dashboard_url: str, key: str) -> None:
    """Button callback: write the static embed, or note for the menu that there is no room."""
    try:
        embed.write_static(exhibit, dashboard_url=dashboard_url)
    except embed.StaticFull:
        st.session_state[f"static-full-{key}"] = True


@in_its_language
def share_menu(exhibit: Exhibit, *, key: str) -> None:
    """The compact "Del og last ned" popover: links and snippets, image help, four files.

    Its content runs only while it is open (opening it reruns the page), so a rerun with the
    menus closed sends one button per exhibit instead of a dozen elements.
    """
    menu = st.popover(
        t("eksport.menu"),
        icon=":material/share:",
        type="tertiary",
        key=f"menu-{key}",
        on_change="rerun",
    )
    if not menu.open:
        return
    link = permalink(exhibit)
    base = base_url()
    with menu:
        st.caption(t("eksport.permalink"))
        st.code(link, language=None, wrap_lines=True)

        live = embed.live_path(exhibit)
        st.caption(t("eksport.iframe"), help=t("eksport.iframe_help"))
        if live:
            snippet = embed.iframe(base + live, exhibit.title, embed.iframe_height(exhibit))
            st.code(snippet, language="html", wrap_lines=True)
        else:
            st.caption(t("eksport.iframe_unavailable"))

        st.caption(t("eksport.static"), help=t("eksport.static_help"))
        path = embed.STATIC_DIR / embed.static_relpath(exhibit)
        if path.exists():
            url = embed.static_url(exhibit, base)
            st.code(
                embed.iframe(url, exhibit.title, embed.iframe_height(exhibit)),
                language="html",
                wrap_lines=True,
            )
            st.link_button(t("eksport.static_open"), url, icon=":material/open_in_new:")
        else:
            st.button(
                t("eksport.static_build"),
                key=f"static-{key}",
                on_click=_write_static,
                args=(exhibit, link, key),
                icon=":material/code:",
            )
            if st.session_state.get(f"static-full-{key}"):
                st.caption(t("eksport.static_full"))

        if exhibit.figure is not None:
            st.caption(t("eksport.image"), help=t("eksport.image_help"))
            st.caption(t("eksport.image_how"))

        st.caption(t("eksport.data"))
        _downloads(exhibit, key, link)


def _downloads(exhibit: Exhibit, key: str, link: str) -> None:
    """Four download buttons whose files are built only when clicked."""

    def meta() -> dict:
        return export.metadata(exhibit, url=link)

    files = [
        (
            "csv_nb",
            export.CSV_NB.suffix,
            lambda: export.csv_bytes(exhibit, export.CSV_NB),
            t("eksport.csv_nb"),
            t("eksport.csv_nb_help"),
        ),
        (
            "csv_intl",
            export.CSV_INTL.suffix,
            lambda: export.csv_bytes(exhibit, export.CSV_INTL),
            t("eksport.csv_intl"),
            t("eksport.csv_intl_help"),
        ),
        (
            "xlsx",
            ".xlsx",
            lambda: export.xlsx_bytes(exhibit, meta()),
            t("eksport.xlsx"),
            t("eksport.xlsx_help"),
        ),
        (
            "zip",
            ".zip",
            lambda: export.zip_bytes(exhibit, meta()),
            t("eksport.zip"),
            t("eksport.zip_help"),
        ),
    ]
    with st.container(horizontal=True, gap="small"):
        for name, suffix, build, label, help_text in files:
            st.download_button(
                label,
                data=build,
                file_name=export.filename(exhibit, suffix),
                mime=MIME[suffix.rsplit(".", 1)[-1]],
                key=f"{name}-{key}",
                help=help_text,
                on_click="ignore",
                icon=":material/download:",
            )
