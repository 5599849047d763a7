"""Sammenlign: a municipality against its KOSTRA group, county, neighbours or a chosen set."""

from collections.abc import Callable

import streamlit as st

from kommuneokonomi.exhibit import Exhibit
from kommuneokonomi.i18n import t
from kommuneokonomi.queries import sammenlign as q
from kommuneokonomi.state import ViewState, parse_year
from kommuneokonomi.ui import controls, exhibit, page
from kommuneokonomi.views import sammenlign as views


def _url_value(key: str, parse: Callable[..., tuple[object, list]], *args: object) -> object:
    """Check a raw URL value before its widget exists; queue a notice once if it is bad."""
    raw = st.query_params.get_all(key)
    value, notices = parse(raw or None, *args)
    if raw:
        controls._notice_once(key, raw[-1], notices)
    return value


def mot_picker(lang: str) -> str:
    """KOSTRA group / county / neighbours / own choice, bound to `?mot=`.

    Without `mot`, a link with `sammenlign=0301,5001` means the reader's own choice.
    """
    value = _url_value("mot", views.parse_mot)
    if st.session_state.get("mot") not in q.MOT:
        own = bool(st.query_params.get_all("sammenlign"))
        st.session_state["mot"] = value or (q.OWN if own else q.DEFAULT_MOT)
    return st.segmented_control(
        t("sammenlign.mot_label", lang),
        options=list(q.MOT),
        format_func=lambda m: t(f"sammenlign.mot.{m}", lang),
        key="mot",
        bind="query-params",
        required=True,
        help=t("sammenlign.mot_help", lang),
        wrap=True,  # in a column it would scroll sideways and hide «Egne valg» on a phone
    )


def year_picker(lang: str) -> int:
    """The table's year, bound to `?aar=`; defaults to the newest year with KOSTRA figures."""
    years, default = sorted(q.years(), reverse=True), q.default_year()
    _url_value("aar", parse_year, years, default)
    if st.session_state.get("aar", default) not in years:
        del st.session_state["aar"]
    return st.selectbox(
        t("common.year", lang),
        options=years,
        index=years.index(default),
        key="aar",
        bind="query-params",
        help=t("sammenlign.year_help", lang),
    )


def indikator_picker(lang: str) -> str:
    """The measure the titles and charts are about, bound to `?indikator=`."""
    _url_value("indikator", views.parse_indikator, lang)
    if st.session_state.get("indikator", q.DEFAULT_MEASURE) not in q.MEASURES:
        del st.session_state["indikator"]
    options = list(q.MEASURES)
    return st.selectbox(
        t("sammenlign.indikator_label", lang),
        options=options,
        index=options.index(q.DEFAULT_MEASURE),
        key="indikator",
        bind="query-params",
        format_func=lambda c: views.measure_label(c, lang),
    )


def _switch_index(default: int | None) -> None:
    st.session_state["indeks"] = default if st.session_state["_indeks_on"] else None


def index_picker(lang: str, measure: q.Measure, members: tuple[str, ...]) -> int | None:
    """A toggle and a base year, bound to `?indeks=` (absent: no index)."""
    years = q.base_years(measure.code, members)
    default = q.default_base_year(measure.code, members)
    url_base = _url_value("indeks", views.parse_indeks, years)
    if "_indeks_on" not in st.session_state:
        st.session_state["_indeks_on"] = url_base is not None
    on = st.session_state["_indeks_on"] and measure.indexable
    if on and st.session_state.get("indeks", url_base) not in years:
        st.session_state["indeks"] = default
    left, right = st.columns([2, 1], vertical_alignment="bottom")
    with left:
        st.toggle(
            t("sammenlign.indeks_toggle", lang),
            key="_indeks_on",
            on_change=_switch_index,
            args=(default,),
            disabled=not measure.indexable,
            help=t("sammenlign.indeks_help", lang),
        )
    with right:
        base = st.selectbox(
            t("sammenlign.indeks_year", lang),
            options=years,
            index=None,
            key="indeks",
            bind="query-params",
            disabled=not on,
        )
    return base if on else None


def show(item: Exhibit) -> None:
    """An exhibit; when there is nothing to draw its title says why, in words."""
    if item.figure is None:
        st.info(item.title, icon=":material/info:")
    exhibit.show(item)


def show_table(item: Exhibit) -> None:
    """The indicator-by-municipality table: searchable, sortable, chosen municipality first."""
    view = views.table_view(item)
    st.subheader(item.title)
    config = {
        col: st.column_config.Column(label, help=help_text or None, pinned=col == "kommune")
        for col, (label, help_text) in view.labels.items()
    }
    # NOTE: the Styler's texts do not reach empty cells; Streamlit prints "None" there.
    missing = t("common.missing", item.lang)
    st.dataframe(view.styler, column_config=config, hide_index=True, placeholder=missing)
    st.caption(item.source_text)
    for note in item.notes:
        st.caption(note)
    exhibit.share_menu(item, key=item.id)


ctx = page.header("nav.sammenlign")
lang = ctx.lang
left, middle, right = st.columns([3, 3, 1], vertical_alignment="bottom")
with left:
    mot = mot_picker(lang)
with middle:
    indikator = indikator_picker(lang)
with right:
    aar = year_picker(lang)
chosen = ()
if mot == q.OWN:
    chosen = controls.compare_picker(lang, ctx.kommune, t("sammenlign.egne_label", lang))
notice_box, table_box = st.container(), st.container()

st.subheader(t("sammenlign.over_time", lang))
measure = q.MEASURES[indikator]
members = q.comparison(ctx.kommune, mot, chosen, aar).members
indeks = index_picker(lang, measure, members)
state = ViewState(
    kommune=ctx.kommune,
    lang=lang,
    aar=aar,
    sammenlign=chosen,
    indikator=indikator,
    mot=mot,
    indeks=indeks,
)
if state.indeks is not None:
    show(views.index_chart(state))
show(views.small(state))

with notice_box:
    controls.show_notices(lang)
with table_box:
    setup = views.setup(state)
    description = views.set_description(setup.comparison, lang)
    if setup.comparison.others:
        st.caption(description)
    else:
        st.info(description, icon=":material/info:")
    show_table(views.table(state))
