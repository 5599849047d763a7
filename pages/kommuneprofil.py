"""Kommuneprofil (start page): where the chosen municipality stands, in words and numbers."""

import streamlit as st

from kommuneokonomi.charts import theme
from kommuneokonomi.datasets import LANDET
from kommuneokonomi.i18n import N_, t
from kommuneokonomi.state import ViewState
from kommuneokonomi.ui import exhibit, page
from kommuneokonomi.views import befolkning, driftsresultat, framskriving, liknende, profil

ctx = page.header(N_("nav.profil"))
state = ViewState(kommune=ctx.kommune, lang=ctx.lang)

with st.container(border=True):
    for sentence in profil.sentences(state):
        st.markdown(sentence)
    similar = liknende.profile_sentence(state)
    if similar:
        st.markdown(similar)
        st.page_link(
            "pages/sammenlign.py",
            label=t("liknende.profile_link"),
            icon=":material/compare_arrows:",
            query_params=liknende.profile_link(state),
        )

cards = profil.cards(state)
columns = [*st.columns(3), *st.columns(3)]  # two rows of three; one column each on a phone
for column, card in zip(columns, cards, strict=True):
    column.metric(
        card.label,
        card.value,
        card.delta,
        delta_color=card.delta_color,
        delta_arrow=card.arrow,
        help=card.help,
        border=True,
    )
st.caption(profil.cards_source(state))

left, right = st.columns(2)
with left:
    exhibit.show(profil.position(state))
with right:
    exhibit.show(driftsresultat.trend(state))
exhibit.show(framskriving.support_ratio_for(state))
left, right = st.columns(2)
with left:
    exhibit.show(framskriving.projection(state))
with right:
    exhibit.show(befolkning.population(LANDET, theme.LANDET), key="folketall-norge")
with st.expander(t("profil.table_expander")):
    exhibit.show(profil.key_figures(state))
