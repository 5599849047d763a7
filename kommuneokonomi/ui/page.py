"""The frame every page shares: title row with language switch, URL notices, municipality."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st
from streamlit import config
from streamlit.runtime.pages_manager import PagesManager

from kommuneokonomi.charts import theme
from kommuneokonomi.i18n import t, use_language
from kommuneokonomi.ui import controls, url
from kommuneokonomi.ui.document import document_language

MOBILE_HINTS = ("Mobile", "Android", "iPhone")


def is_compact() -> bool:
    """True on phones (by User-Agent): charts then wrap titles for a 390 px screen."""
    agent = st.context.headers.get("User-Agent", "") if st.context.headers else ""
    return any(hint in agent for hint in MOBILE_HINTS)


@dataclass(frozen=True)
class PageContext:
    """What a page needs to render: the language (also i18n.current) and the municipality."""

    lang: str
    kommune: str


def route_through_app() -> None:
    """Rerun through app.py when Streamlit ran this page directly as a pages/ folder script.

    NOTE: Streamlit treats the pages/ folder as a v1 page folder until app.py has once called
    st.navigation in this server process. So when the first request after a start is a deep
    link (/driftsresultat?kommune=4601), it runs the page without app.py: no routing, no wide
    layout, a sidebar listing file names. Turning that mode off and rerunning fixes the view.
    AppTest resets the mode before every run and keeps its own page routing, so not there.
    """
    if PagesManager.uses_pages_directory and not config.get_option("global.appTest"):
        PagesManager.uses_pages_directory = False
        st.rerun()


def header(title_key: str, *, with_kommune: bool = True) -> PageContext:
    """Page title, language switch, municipality picker and any notices about the URL.

    Chooses the language of this script run: every text made after the header is in it.
    """
    route_through_app()
    url.note_page(title_key)
    lang = controls.current_lang()
    use_language(lang)
    document_language(lang)
    theme.COMPACT.set(is_compact())
    left, right = st.columns([3, 1], vertical_alignment="bottom")  # room for three languages
    with left:
        st.title(t(title_key))
    with right:
        controls.language_switch()
    kommune = controls.kommune_picker() if with_kommune else ""
    controls.carry_shared()
    controls.show_notices()
    return PageContext(lang, kommune)


def to_start(start: st.Page) -> Callable[[], None]:
    """A hidden page that sends the reader on to the start page, keeping the link's values.

    NOTE: Streamlit serves the default page only at `/`; its own `url_path` gives "Page not
    found". This alias answers at that path instead (app.py gives it the path).
    """

    def alias() -> None:
        params = {key: st.query_params.get_all(key) for key in st.query_params}
        st.switch_page(start, query_params=params)

    return alias
