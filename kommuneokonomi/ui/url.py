"""The address bar as the view's memory: controls write codes to it and read links back.

NOTE: the shared controls do not use `bind="query-params"`. Streamlit 1.67 stores a bound
selectbox's shown label in the URL (`kommune=Bergen+%284601%29`, `indikator=<long label>`),
not the option, and its navigation opens a page with an empty query string. Here each
control keeps its value (a code) in session state, which outlives page switches, and writes
it to the URL on every run; a URL value this session has not written itself (a followed
link, back/forward) is read as the reader's request.
"""

from __future__ import annotations

import streamlit as st

Value = str | list[str] | None


def _written(key: str) -> str:
    return f"_url_written_{key}"


def _unread(key: str) -> str:
    return f"_url_unread_{key}"


def _kept(key: str) -> str:
    return f"_url_kept_{key}"


def note_page(page_key: str) -> None:
    """Record which page this run shows, so controls know when the reader switched page."""
    st.session_state["_url_arrived"] = st.session_state.get("_url_page") != page_key
    st.session_state["_url_page"] = page_key


def arrived() -> bool:
    """True on the first run of a page the reader switched to.

    NOTE: Streamlit resets keyed widgets to their defaults on a page switch; the controls
    then set their widget to the kept value before creating it.
    """
    return st.session_state.get("_url_arrived", True)


def incoming(key: str) -> list[str] | None:
    """The URL's values for `key` when this session did not write them itself, else None.

    A followed link or the browser's back/forward button brings such values; after a page
    switch the URL is empty and the kept value stays.
    """
    raw = st.query_params.get_all(key)
    if raw and raw != st.session_state.get(_written(key)):
        return raw
    return None


def kept(key: str, default: object = None) -> object:
    """The value last kept for `key` in this session (on any page), or `default`."""
    return st.session_state.get(_kept(key), default)


def keep(key: str, value: object, *, url_value: Value) -> None:
    """Remember `value` for the next runs and pages, and put `url_value` in the URL.

    `url_value` None or empty removes the parameter (a default needs no parameter).
    The URL is only written when it differs, so a rerun sends nothing new to the browser.
    """
    st.session_state[_kept(key)] = value
    st.session_state.pop(_unread(key), None)
    wanted = [url_value] if isinstance(url_value, str) else list(url_value or [])
    wanted = [v for v in wanted if v]
    if st.query_params.get_all(key) != wanted:
        if wanted:
            st.query_params[key] = wanted if len(wanted) > 1 else wanted[0]
        else:
            st.query_params.pop(key, None)
    st.session_state[_written(key)] = wanted


def carry(keys: tuple[str, ...]) -> None:
    """Keep linked values this page has no control for, and put back what the URL lacks.

    Streamlit's navigation opens a page with an empty query string. A linked value the page
    does not use (`aar` on the start page) is held unread until a page with that control
    reads it; a page without a control for a key must still give a link that restores it.
    """
    for key in keys:
        raw = st.query_params.get_all(key)
        if raw and raw != st.session_state.get(_written(key)):
            st.session_state[_unread(key)] = raw
        elif not raw:
            value = st.session_state.get(_unread(key)) or st.session_state.get(_written(key))
            if value:
                st.query_params[key] = value if len(value) > 1 else value[0]
