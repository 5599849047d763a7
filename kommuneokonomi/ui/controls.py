"""Shared controls; their values live in the URL as codes, so a copied link restores the view.

Raw URL values are checked before the widgets are created (see kommuneokonomi.state): an
old municipality code, name or shown label is translated to today's code, a bad value gives
a notice and a default. Each control then writes its code back to the URL (ui.url), also on
the first run after a page switch, when Streamlit's navigation has emptied the query string.
"""

from __future__ import annotations

import streamlit as st

from kommuneokonomi.i18n import DEFAULT_LANG, LANGS, language_name, t
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
from kommuneokonomi.ui import url

# Older links carry the switch's label (lang=English, lang=Norsk); labels no longer shown too.
OLD_LABELS = {"norsk": "nb"}
SHARED_KEYS = ("kommune", "aar", "sammenlign", "lang")  # carried to every page's URL


def _add_notices(notices: list[Notice]) -> None:
    pending = st.session_state.setdefault("_notices", [])
    pending.extend(n for n in notices if n not in pending)


def notice_once(key: str, raw: str, notices: list[Notice]) -> None:
    """Queue notices about a URL value once per distinct value, not on every rerun."""
    seen = st.session_state.setdefault("_noticed", set())
    if (key, raw) not in seen:
        seen.add((key, raw))
        _add_notices(notices)


def current_lang() -> str:
    """The UI language: a language in a followed link, else the switch's value, else bokmål."""
    raw = url.incoming("lang")
    if raw is not None:
        by_label = OLD_LABELS | {language_name(code).lower(): code for code in LANGS}
        lang, notices = parse_lang([by_label.get(v.strip().lower(), v) for v in raw])
        notice_once("lang", raw[-1], notices)
        st.session_state["lang"] = lang
    elif url.arrived() or st.session_state.get("lang") not in LANGS:
        st.session_state["lang"] = url.kept("lang", DEFAULT_LANG)
    return st.session_state["lang"]


def language_switch() -> None:
    """The language switch, each language by its own name; writes `?lang=<code>`."""
    choice = st.segmented_control(
        t("common.language"),
        options=list(LANGS),
        format_func=language_name,
        key="lang",
        label_visibility="collapsed",
        required=True,
    )
    url.keep("lang", choice, url_value=choice)


def kommune_picker() -> str:
    """The municipality search box (names, numbers, old names/numbers); writes `?kommune=`.

    Whatever the box holds (a URL value or typed text) that is not a current code is
    resolved once: an old code or name leads to today's municipality, anything else to the
    last valid choice, with a notice; the box is then set to the result and the page reruns.
    """
    ix = index()
    last = url.kept("kommune", DEFAULT_KOMMUNE)
    pending = st.session_state.pop("_pending_kommune", None)
    raw = url.incoming("kommune")
    if pending is not None:
        st.session_state["kommune"] = pending
    elif raw is not None:
        code, notices = parse_kommune(raw, ix, default=last)
        notice_once("kommune", raw[-1], notices)
        st.session_state["kommune"] = code
    elif url.arrived() or "kommune" not in st.session_state:
        st.session_state["kommune"] = last
    value = st.selectbox(
        t("common.kommune"),
        options=ix.codes,
        format_func=ix.label,
        key="kommune",
        help=t("common.kommune_help"),
        placeholder=t("common.kommune_placeholder"),
        accept_new_options=True,
        filter_mode="contains",
    )
    if value and ix.is_current(value):
        url.keep("kommune", value, url_value=value)
        return value
    code, notices = parse_kommune(value, ix, default=last)
    _add_notices(notices)
    st.session_state["_pending_kommune"] = code
    st.rerun()
    return code  # not reached: st.rerun() ends this run


def year_picker(
    years: list[int], *, default: int | None = None, help_text: str | None = None
) -> int:
    """A year among `years` (newest first, `default` the newest), kept in `?aar=`.

    A bad URL value gives a notice; a year carried from another page that this page lacks
    quietly gives the default.
    """
    default = max(years) if default is None else default
    raw = url.incoming("aar")
    if raw is not None:
        year, notices = parse_year(raw, years, default)
        notice_once("aar", raw[-1], notices)
        st.session_state["aar"] = year
    elif url.arrived() or st.session_state.get("aar") not in years:
        kept = url.kept("aar")
        st.session_state["aar"] = kept if kept in years else default
    year = st.selectbox(
        t("common.year"),
        options=sorted(years, reverse=True),
        key="aar",
        help=help_text,
    )
    url.keep("aar", year, url_value=str(year))
    return year


def compare_picker(kommune: str, label: str) -> tuple[str, ...]:
    """Up to ten municipalities to compare with, kept in `?sammenlign=0301,5001`."""
    ix = index()
    raw = url.incoming("sammenlign")
    if raw is not None:
        codes, notices = parse_compare(raw, ix, exclude=kommune)
        notice_once("sammenlign", ",".join(raw), notices)
        st.session_state["sammenlign"] = list(codes)
    elif url.arrived() or "sammenlign" not in st.session_state:
        st.session_state["sammenlign"] = list(url.kept("sammenlign", []))
    if kommune in st.session_state["sammenlign"]:
        st.session_state["sammenlign"] = [c for c in st.session_state["sammenlign"] if c != kommune]
    chosen = tuple(
        st.multiselect(
            label,
            options=[c for c in ix.codes if c != kommune],
            format_func=ix.label,
            key="sammenlign",
            max_selections=MAX_COMPARE,
            placeholder=t("common.kommune_placeholder"),
        )
    )
    url.keep("sammenlign", list(chosen), url_value=",".join(chosen))
    return chosen


def carry_shared() -> None:
    """Put the shared choices this page has no control for back into the URL.

    After a page switch the query string is empty; a link copied from this page must
    still restore the municipality, year, comparison set and language.
    """
    url.carry(SHARED_KEYS)


def show_notices() -> None:
    """Show and clear pending notices about the URL; values were made safe in state.shown."""
    for notice in st.session_state.pop("_notices", []):
        st.info(t(notice.key, **notice.values), icon=":material/info:")


def ranking_search(title: str, label: str, key: str) -> str:
    """A ranking's title in bold and the live search box under it (name, number or county);
    what the reader has typed."""
    st.markdown(f"**{title}**")
    return st.text_input(
        label, key=key, type="search", placeholder=t("ndr.search_placeholder"), live=True
    )
