"""The frame every page shares: title row with language switch, URL notices, municipality."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from kommuneokonomi.charts import theme
from kommuneokonomi.i18n import t
from kommuneokonomi.ui import controls

MOBILE_HINTS = ("Mobile", "Android", "iPhone")


def is_compact() -> bool:
    """True on phones (by User-Agent): charts then wrap titles for a 390 px screen."""
    agent = st.context.headers.get("User-Agent", "") if st.context.headers else ""
    return any(hint in agent for hint in MOBILE_HINTS)


@dataclass(frozen=True)
class PageContext:
    """What a page needs to render: the language and the chosen municipality."""

    lang: str
    kommune: str


def header(title_key: str, *, with_kommune: bool = True) -> PageContext:
    """Page title, language switch, municipality picker and any notices about the URL."""
    lang = controls.current_lang()
    theme.COMPACT.set(is_compact())
    left, right = st.columns([5, 1], vertical_alignment="bottom")
    with left:
        st.title(t(title_key, lang))
    with right:
        controls.language_switch(lang)
    kommune = controls.kommune_picker(lang) if with_kommune else ""
    controls.show_notices(lang)
    return PageContext(lang, kommune)
