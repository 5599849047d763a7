"""Shared controls, bound to URL parameters so that a copied link restores the view.

Raw URL values are checked before the widgets are created (see kommuneokonomi.state):
an old municipality code or name is translated to today's code, a bad value gives a
notice and a default. The widgets then keep the URL in sync as the reader changes them.
"""

from __future__ import annotations

import streamlit as st

from kommuneokonomi.i18n import LANGS, t
from kommuneokonomi.queries.kommuner import index
from kommuneokonomi.state import (
    DEFAULT_KOMMUNE,
    MAX_COMPARE,
    Notice,
    parse_compare,
    parse_kommune,
    parse_lang,
    parse_year,
)

LANG_LABELS = {"nb": "Norsk", "en": "English"}
PAGE_SWITCHED = "_page_switched"  # set by ui.page.header: this run opened another page


def note_page(page_key: str) -> None:
    """Record which page this run shows, so pickers know when the reader switched page."""
    st.session_state[PAGE_SWITCHED] = st.session_state.get("_page") != page_key
    st.session_state["_page"] = page_key


def _add_notices(notices: list[Notice]) -> None:
    pending = st.session_state.setdefault("_notices", [])
    pending.extend(n for n in notices if n not in pending)


def _carry_over(key: str) -> None:
    """Give a bound widget the value it last had in this session when the URL lacks it.

    NOTE: Streamlit's navigation opens a page with an empty query string, and a widget bound
    to the URL then falls back to its default: switching page would lose the municipality,
    year, comparison set and language. The last value is kept under `_last_<key>` and used
    only on the first run after a page switch, so a reader's own change always wins.
    """
    last = f"_last_{key}"
    arrived = st.session_state.get(PAGE_SWITCHED, False)
    if arrived and last in st.session_state and not st.query_params.get_all(key):
        st.session_state[key] = st.session_state[last]


def _remember(key: str, value: object) -> None:
    st.session_state[f"_last_{key}"] = value


def current_lang() -> str:
    """The UI language: the bound widget's value once set, else the URL's `lang`."""
    if st.session_state.get("lang") in LANGS:
        return st.session_state["lang"]
    # The bound switch writes its label to the URL (lang=English); a copied link must work.
    by_label = {label.lower(): code for code, label in LANG_LABELS.items()}
    raw = [by_label.get(value.strip().lower(), value) for value in st.query_params.get_all("lang")]
    lang, notices = parse_lang(raw or None)
    _add_notices(notices)
    st.session_state["lang"] = lang
    return lang


def language_switch(lang: str) -> None:
    """Bokmål/English switch, bound to `?lang=`."""
    _carry_over("lang")
    choice = st.segmented_control(
        t("common.language", lang),
        options=list(LANGS),
        format_func=LANG_LABELS.get,
        key="lang",
        bind="query-params",
        label_visibility="collapsed",
        required=True,
    )
    _remember("lang", choice)


def kommune_picker(lang: str) -> str:
    """The municipality search box (names, numbers, old names/numbers), bound to `?kommune=`.

    Whatever the box holds (a URL value or typed text) that is not a current code is
    resolved once: an old code or name leads to today's municipality, anything else to the
    last valid choice, with a notice; the box is then set to the result and the page reruns.
    """
    ix = index()
    _carry_over("kommune")
    pending = st.session_state.pop("_pending_kommune", None)
    if pending is not None:
        st.session_state["kommune"] = pending
    value = st.selectbox(
        t("common.kommune", lang),
        options=ix.codes,
        format_func=ix.label,
        key="kommune",
        bind="query-params",
        help=t("common.kommune_help", lang),
        placeholder=t("common.kommune_placeholder", lang),
        accept_new_options=True,
        filter_mode="contains",
    )
    last = st.session_state.get("_last_kommune", DEFAULT_KOMMUNE)
    if value and ix.is_current(value):
        _remember("kommune", value)
        return value
    code, notices = parse_kommune(value, ix, default=last)
    _add_notices(notices)
    st.session_state["_pending_kommune"] = code
    st.rerun()
    return code  # not reached: st.rerun() ends this run


def _notice_once(key: str, raw: str, notices: list[Notice]) -> None:
    """Queue notices about a URL value once per distinct value, not on every rerun."""
    seen = st.session_state.setdefault("_noticed", set())
    if (key, raw) not in seen:
        seen.add((key, raw))
        _add_notices(notices)


def year_picker(lang: str, years: list[int], *, key: str = "aar") -> int:
    """A year among `years` (newest first), bound to `?aar=`; bad URL values give a notice."""
    newest = max(years)
    raw = st.query_params.get_all(key)
    if raw:
        _, notices = parse_year(raw, years, newest)
        _notice_once(key, raw[-1], notices)
    _carry_over(key)
    if key in st.session_state and st.session_state[key] not in years:
        del st.session_state[key]
    year = st.selectbox(
        t("common.year", lang), options=sorted(years, reverse=True), key=key, bind="query-params"
    )
    _remember(key, year)
    return year


def compare_picker(lang: str, kommune: str, label: str) -> tuple[str, ...]:
    """Up to ten municipalities to compare with, bound to `?sammenlign=` (0301,5001 or repeated)."""
    ix = index()
    raw = st.query_params.get_all("sammenlign")
    if raw and "sammenlign" not in st.session_state:
        codes, notices = parse_compare(raw, ix, exclude=kommune)
        st.session_state["sammenlign"] = list(codes)
        _notice_once("sammenlign", ",".join(raw), notices)
    _carry_over("sammenlign")
    chosen = tuple(
        st.multiselect(
            label,
            options=[c for c in ix.codes if c != kommune],
            format_func=ix.label,
            key="sammenlign",
            bind="query-params",
            max_selections=MAX_COMPARE,
            placeholder=t("common.kommune_placeholder", lang),
        )
    )
    _remember("sammenlign", list(chosen))
    return chosen


def show_notices(lang: str) -> None:
    """Show and clear pending notices about the URL; values were made safe in state.shown."""
    for notice in st.session_state.pop("_notices", []):
        st.info(t(notice.key, lang, **notice.values), icon=":material/info:")
