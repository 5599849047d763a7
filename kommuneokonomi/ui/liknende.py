"""Sammenlign's controls and list for Liknende kommuner: the weights (a preset and a slider
per figure, kept in `?vekter=`) and the list of the most similar municipalities in words.

The weights follow the other controls (ui.url): a followed link's value is read once, with a
notice when part of it cannot be used; the chosen preset and any changed weight are written
back to the URL on every run, so a copied link restores them exactly.
"""

from __future__ import annotations

import streamlit as st

from kommuneokonomi.exhibit import Exhibit
from kommuneokonomi.i18n import bound, t
from kommuneokonomi.queries.liknende import model
from kommuneokonomi.queries.liknende.features import FEATURE_CODES
from kommuneokonomi.ui import controls, exhibit, url
from kommuneokonomi.views import liknende, vekter

PRESET_KEY = "vekter_preset"
STEP = 0.5  # slider step; a link may hold any weight from 0 to 5


def _slider_key(code: str) -> str:
    return f"_vekt_{code}"


def _set(choice: vekter.Vekter) -> None:
    """Put a choice into the preset control and the sliders (before they are drawn)."""
    st.session_state[PRESET_KEY] = choice.preset
    for code, weight in choice.weights:
        st.session_state[_slider_key(code)] = float(weight)


def _to_preset() -> None:
    """The preset's own weights in every slider (a new preset, or back to it)."""
    _set(vekter.Vekter(st.session_state[PRESET_KEY], model.weights(st.session_state[PRESET_KEY])))


def _restore() -> None:
    """The weights a followed link asks for (with notices), else the ones kept this session."""
    raw = url.incoming(vekter.PARAM)
    if raw is not None:
        choice, notices = vekter.parse(raw)
        controls.notice_once(vekter.PARAM, raw[-1], notices)
        _set(choice)
    elif url.arrived() or st.session_state.get(PRESET_KEY) not in model.PRESETS:
        kept = url.kept(vekter.PARAM)
        _set(kept if isinstance(kept, vekter.Vekter) else vekter.default())


def vekter_picker() -> vekter.Vekter:
    """The preset and, in an expander, one slider per figure; returns the weights in use.

    Sliders that differ from the preset are the changes the URL carries; if every slider is
    at 0 there is nothing to compare on, and the preset's weights are used, with a warning.
    """
    _restore()
    left, right = st.columns([2, 3], vertical_alignment="bottom")
    with left:
        preset = st.segmented_control(
            t("liknende.preset_label"),
            options=list(model.PRESETS),
            format_func=bound(vekter.preset_name),
            key=PRESET_KEY,
            required=True,
            on_change=_to_preset,
            help=t("liknende.preset_help"),
        )
    with right, st.expander(t("liknende.adjust"), icon=":material/tune:"):
        st.caption(t("liknende.adjust_help", max=f"{model.MAX_WEIGHT:g}"))
        chosen = {
            code: st.slider(
                vekter.feature_name(code),
                min_value=0.0,
                max_value=model.MAX_WEIGHT,
                step=STEP,
                key=_slider_key(code),
                help=t(vekter.FEATURE_HELP[code]),
            )
            for code in FEATURE_CODES
        }
    base = dict(model.weights(preset))
    changes = {code: w for code, w in chosen.items() if w != base[code]}
    try:
        choice = vekter.Vekter(preset, model.weights(preset, changes))
    except ValueError:  # every slider at 0
        st.warning(t("liknende.all_zero_sliders", preset=vekter.preset_name(preset)))
        choice = vekter.Vekter(preset, model.weights(preset))
    if choice.changes:
        left.caption(
            t("liknende.changed", preset=vekter.preset_name(preset)),
        )
        left.button(
            t("liknende.reset", preset=vekter.preset_name(preset)),
            on_click=_to_preset,
            icon=":material/restart_alt:",
            type="tertiary",
        )
    url.keep(vekter.PARAM, choice, url_value=choice.text())
    return choice


def drop_from_url() -> None:
    """Another comparison than Liknende kommuner: no weights in the URL (they stay kept for
    when the reader comes back)."""
    kept = url.kept(vekter.PARAM)
    if kept is not None or st.query_params.get_all(vekter.PARAM):
        url.keep(vekter.PARAM, kept, url_value=None)


def show_list(item: Exhibit) -> None:
    """The list of the most similar municipalities in words: its title, its note (how to read
    it), the list, its source line and its share-and-download menu (the export holds every
    figure compared)."""
    st.subheader(item.title)
    for note in item.notes:  # how to read the list comes before it
        st.caption(note)
    for paragraph in liknende.list_items(item):
        st.markdown(paragraph)
    st.caption(item.source_text)
    exhibit.share_menu(item, key=item.id)
