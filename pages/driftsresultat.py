"""Netto driftsresultat: the chosen municipality against the norm (in per cent and kroner),
and one year across all municipalities."""

import streamlit as st

from kommuneokonomi.i18n import N_, t
from kommuneokonomi.indicators import NETTO_DRIFTSRESULTAT
from kommuneokonomi.queries import kostra
from kommuneokonomi.state import ViewState, shown
from kommuneokonomi.ui import controls, exhibit, page
from kommuneokonomi.views import driftsresultat as views
from kommuneokonomi.views import landsoversikt

ctx = page.header(N_("nav.driftsresultat"))
with st.columns([1, 3])[0]:
    year = controls.year_picker(kostra.years(NETTO_DRIFTSRESULTAT))
controls.show_notices()  # a bad ?aar= is known only once the year picker has run
state = ViewState(kommune=ctx.kommune, aar=year, lang=ctx.lang)

notice = views.missing_notice(state)
if notice:
    st.info(notice, icon=":material/info:")
with st.container(horizontal=True):
    for card in views.cards(state):
        st.metric(
            card.label,
            card.value,
            card.delta,
            delta_color="off",
            delta_arrow=card.arrow,
            delta_description=card.note,
            help=card.help,
            border=True,
        )
gap = views.norm_gap(state)
if gap:
    st.markdown(gap)
st.caption(views.cards_source(state))

left, right = st.columns(2, gap="large")
with left:
    exhibit.show(views.trend(state))
with right:
    exhibit.show(views.normgap(state))

left, right = st.columns(2, gap="large")
with left:
    exhibit.show(landsoversikt.fordeling(state))
with right:
    exhibit.show(landsoversikt.kart(state))

ranking = landsoversikt.ranking(state)
search = controls.ranking_search(ranking.title, t("ndr.search"), "ndr_search")
with_missing = st.toggle(t("ndr.with_missing", n=views.missing_count(ranking)), key="ndr_missing")
table = landsoversikt.ranking_table(state, search, with_missing)
if table.data.empty:
    st.info(t("ndr.no_match", query=shown(search)))
else:
    columns = {
        t("ndr.col_rank"): st.column_config.Column(width=48),
        t("ndr.col_value"): st.column_config.Column(help=t("ndr.col_value_help")),
        t("ndr.col_needed"): st.column_config.Column(help=t("ndr.col_needed_help")),
        t("ndr.col_needed_per_head"): st.column_config.Column(
            help=t("ndr.col_needed_per_head_help")
        ),
    }
    st.dataframe(table, hide_index=True, height=460, column_config=columns, placeholder="")
    st.caption(t("ndr.table_caption"))
st.caption(ranking.source_text)
exhibit.show(ranking, table=False)
