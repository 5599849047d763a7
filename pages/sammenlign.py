"""Sammenlign: a municipality against its KOSTRA group, county, neighbours, the municipalities
most like it or a chosen set."""

from collections.abc import Callable

import streamlit as st

from kommuneokonomi.exhibit import Exhibit
from kommuneokonomi.i18n import LANGS, N_, bound, language, t
from kommuneokonomi.queries import sammenlign as q
from kommuneokonomi.state import ViewState
from kommuneokonomi.ui import controls, exhibit, liknende, page, url
from kommuneokonomi.views import sammenlign as views
from kommuneokonomi.views import sammenlign_grafer as grafer
from kommuneokonomi.views import sammenlign_tabell as tabell
from kommuneokonomi.views.liknende import kart, similar


def _from_url(key: str, parse: Callable[..., tuple[object, list]], *args: object) -> object:
    """A value from a followed link (parsed; a bad one queues a notice), or None."""
    raw = url.incoming(key)
    if raw is None:
        return None
    value, notices = parse(raw, *args)
    controls.notice_once(key, raw[-1], notices)
    return value


def mot_picker() -> str:
    """KOSTRA group / county / neighbours / own choice, kept in `?mot=`.

    Without `mot`, a link with `sammenlign=0301,5001` means the reader's own choice.
    """
    linked = url.incoming("mot") is not None
    value = _from_url("mot", views.parse_mot)
    if linked or url.arrived() or st.session_state.get("mot") not in q.MOT:
        kept = None if linked else url.kept("mot")
        own = bool(st.query_params.get_all("sammenlign"))
        st.session_state["mot"] = value or kept or (q.OWN if own else q.DEFAULT_MOT)
    choice = st.segmented_control(
        t("sammenlign.mot_label"),
        options=list(q.MOT),
        format_func=bound(lambda m: t(views.MOT_NAMES[m])),
        key="mot",
        required=True,
        help=t("sammenlign.mot_help"),
        wrap=True,  # in a column it would scroll sideways and hide «Egne valg» on a phone
    )
    url.keep("mot", choice, url_value=choice)
    return choice


def _indikator_from_label(raw: list[str]) -> list[str]:
    """Older links carry the picker's label (either language) instead of the code."""
    by_label = {}
    for lang in LANGS:
        with language(lang):
            by_label.update({views.measure_label(c): c for c in q.MEASURES})
    return [by_label.get(value.strip(), value) for value in raw]


def indikator_picker() -> str:
    """The measure the titles and charts are about, kept in `?indikator=<code>`."""
    raw = url.incoming("indikator")
    if raw is not None:
        code, notices = views.parse_indikator(_indikator_from_label(raw))
        controls.notice_once("indikator", raw[-1], notices)
        st.session_state["indikator"] = code
    elif url.arrived() or st.session_state.get("indikator") not in q.MEASURES:
        kept = url.kept("indikator")
        st.session_state["indikator"] = kept if kept in q.MEASURES else q.DEFAULT_MEASURE
    code = st.selectbox(
        t("sammenlign.indikator_label"),
        options=list(q.MEASURES),
        key="indikator",
        format_func=bound(views.measure_label),
    )
    url.keep("indikator", code, url_value=code)
    return code


def _switch_index(default: int | None) -> None:
    st.session_state["indeks"] = default if st.session_state["_indeks_on"] else None


def index_picker(measure: q.Measure, members: tuple[str, ...]) -> int | None:
    """A toggle and a base year, kept in `?indeks=` (absent: no index)."""
    years = q.base_years(measure.code, members)
    default = q.default_base_year(measure.code, members)
    linked = url.incoming("indeks") is not None
    if linked or url.arrived() or "_indeks_on" not in st.session_state:
        base = _from_url("indeks", views.parse_indeks, years) if linked else url.kept("indeks")
        st.session_state["_indeks_on"] = base is not None
        st.session_state["indeks"] = base if base in years else None
    on = st.session_state["_indeks_on"] and measure.indexable
    if on and st.session_state.get("indeks") not in years:
        st.session_state["indeks"] = default
    left, right = st.columns([2, 1], vertical_alignment="bottom")
    with left:
        st.toggle(
            t("sammenlign.indeks_toggle"),
            key="_indeks_on",
            on_change=_switch_index,
            args=(default,),
            disabled=not measure.indexable,
            help=t("sammenlign.indeks_help"),
        )
    with right:
        base = st.selectbox(
            t("sammenlign.indeks_year"),
            options=years,
            key="indeks",
            disabled=not on,
            placeholder=t("sammenlign.indeks_year_off"),
        )
    chosen = base if on else None
    url.keep("indeks", chosen, url_value=str(chosen) if chosen else None)
    return chosen


def show(item: Exhibit) -> None:
    """An exhibit; when there is nothing to draw its title says why, in words."""
    if item.figure is None:
        st.info(item.title, icon=":material/info:")
    exhibit.show(item)


RANK_WIDTH = 70  # px: 'mangler'/'missing' in an empty rank cell


def show_table(item: Exhibit, view: tabell.TableView) -> None:
    """The indicator-by-municipality table: searchable, sortable, chosen municipality first."""
    st.subheader(item.title)
    # NOTE: the Styler's texts do not reach empty cells; Streamlit prints the placeholder
    # ('mangler') there, so rank columns are made wide enough to show it.
    missing = t("common.missing")
    config = {
        col: st.column_config.Column(
            label,
            help=help_text or None,
            pinned=col == "kommune",
            width=RANK_WIDTH if col in view.rank_columns else None,
        )
        for col, (label, help_text) in view.labels.items()
    }
    st.dataframe(view.fresh_styler(), column_config=config, hide_index=True, placeholder=missing)
    st.caption(item.source_text)
    for note in item.notes:
        st.caption(note)
    exhibit.share_menu(item, key=item.id)


ctx = page.header(N_("nav.sammenlign"))
left, middle, right = st.columns([5, 3, 1], vertical_alignment="bottom")
with left:
    mot = mot_picker()
with middle:
    indikator = indikator_picker()
with right:
    aar = controls.year_picker(
        q.years(), default=q.default_year(), help_text=t("sammenlign.year_help")
    )
chosen = ()
if mot == q.OWN:
    chosen = controls.compare_picker(ctx.kommune, t("sammenlign.egne_label"))
weights = None
if mot == q.SIMILAR:
    weights = liknende.vekter_picker()
else:
    liknende.drop_from_url()
notice_box, similar_box, table_box = st.container(), st.container(), st.container()

st.subheader(t("sammenlign.over_time"))
measure = q.MEASURES[indikator]
members = q.comparison(ctx.kommune, mot, chosen, aar, weights.weights if weights else None).members
indeks = index_picker(measure, members)
state = ViewState(
    kommune=ctx.kommune,
    lang=ctx.lang,
    aar=aar,
    sammenlign=chosen,
    indikator=indikator,
    mot=mot,
    indeks=indeks,
    vekter=weights.text() if weights else None,
)
if state.indeks is not None:
    show(grafer.index_chart(state))
show(grafer.small(state))

with notice_box:
    controls.show_notices()
if mot == q.SIMILAR:
    with similar_box:
        left, right = st.columns(2, gap="large")
        with left:
            liknende.show_list(similar(state))
        with right:
            show(kart(state))
with table_box:
    setup = views.setup(state)
    description = views.set_description(setup.comparison)
    if setup.comparison.others:
        st.caption(description)
    else:
        st.info(description, icon=":material/info:")
    show_table(tabell.table(state), tabell.table_view_for(state))
