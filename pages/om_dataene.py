"""Om dataene: sources, freshness, coverage, definitions and how to refresh the data."""

from collections.abc import Callable

import streamlit as st

from kommuneokonomi.errors import DataError
from kommuneokonomi.exhibit import Exhibit
from kommuneokonomi.i18n import N_, t
from kommuneokonomi.state import ViewState
from kommuneokonomi.ui import exhibit, page
from kommuneokonomi.views import liknende_metode, om

ctx = page.header(N_("nav.om"))
state = ViewState(kommune=ctx.kommune, lang=ctx.lang)


def build(builder: Callable[[ViewState], object]) -> object | None:
    """Run a view builder; a dataset that cannot be read is reported, the page carries on."""
    try:
        return builder(state)
    except DataError as exc:
        st.error(t("om.unreadable_section", error=om.md(exc)), icon=":material/error:")
        return None


def table(builder: Callable[[ViewState], Exhibit]) -> None:
    """A table exhibit: its title, the table, its source line and notes."""
    ex = build(builder)
    if ex is None:
        return
    st.markdown(f"**{om.md(ex.title)}**")
    st.dataframe(om.display(ex), hide_index=True, key=f"table-{ex.id}", placeholder="–")
    st.caption(om.md(ex.source_text))
    for note in (*ex.notes, *ex.details):
        st.caption(om.md(note))
    exhibit.share_menu(ex, key=ex.id)


def text(builder: Callable[[ViewState], str]) -> None:
    """A paragraph built from the data (already escaped where it quotes data)."""
    paragraph = build(builder)
    if paragraph:
        st.markdown(paragraph)


st.markdown(t("om.intro"))
line, problems = om.status(state)
st.info(line, icon=":material/database:")
for problem in problems:
    st.error(problem, icon=":material/error:")
with st.container(border=True):
    text(om.kommune_sentence)

st.header(t("om.h_sources"), anchor="kilder")
st.markdown(t("om.sources_intro"))
table(om.sources_table)
st.subheader(t("om.details_h"))
for label, body in om.dataset_details(state):
    with st.expander(om.md(label)):
        st.markdown(body)
with st.expander(t("om.records_expander")):
    table(om.source_records_table)

st.header(t("om.h_reading"), anchor="slik-leser-du-tallene")
st.markdown(om.reading_notes())

st.header(t("om.h_coverage"), anchor="dekning")
st.markdown(t("om.coverage_intro"))
st.subheader(t("om.h_kostra"))
heatmap = build(om.kostra_heatmap)
if heatmap is not None:
    exhibit.show(heatmap, details=True)
left, right = st.columns(2)
with left:
    table(om.county_table)
with right:
    table(om.kostra_regions_table)

st.subheader(t("om.h_kommuner"))
kommuner = build(om.kommune_table)
if kommuner is not None:
    st.markdown(f"**{om.md(kommuner.title)}**")
    search, only = st.columns([3, 2], vertical_alignment="bottom")
    query = search.text_input(t("om.search"), key="om_sok", placeholder=t("om.search_placeholder"))
    only_kostra = only.toggle(t("om.only_kostra"), key="om_bare_kostra")
    rows = om.kommune_rows(kommuner, query, only_kostra)
    st.caption(t("om.showing", shown=len(rows), total=len(kommuner.data)))
    if rows.empty:
        st.info(om.no_hits(query))
    else:
        st.dataframe(rows, hide_index=True, key="table-om-dekning-kommuner", placeholder="–")
    st.caption(om.md(kommuner.source_text))
    for note in (*kommuner.notes, *kommuner.details):
        st.caption(om.md(note))

st.subheader(t("om.h_population"))
text(om.population_text)
table(om.estimates_table)
st.subheader(t("om.h_projection"))
table(om.projections_table)

st.header(t("om.h_definitions"), anchor="definisjoner")
# Each definition: its heading, its text and the table that goes with it, if any.
for heading, definition, extra in (
    (N_("om.def_ndr_h"), om.ndr_definition, None),
    (N_("om.def_tbu_h"), om.tbu_definition, om.tbu_norm_table),
    (N_("om.def_groups_h"), om.groups_definition, om.groups_table),
    (N_("om.def_ratio_h"), om.ratio_definition, None),
    (N_("om.def_vintage_h"), om.vintage_definition, om.vintages_table),
    (N_("om.def_estimated_h"), om.estimated_definition, None),
    (N_("om.def_codes_h"), om.codes_definition, om.codes_table),
    (N_("om.def_need_h"), om.need_definition, None),
    (N_("liknende.om_h"), liknende_metode.method_text, liknende_metode.figures_table),
    (N_("om.def_robek_h"), om.robek_definition, None),
):
    st.subheader(t(heading))
    text(definition)
    if extra is not None:
        table(extra)

st.header(t("om.h_refresh"), anchor="oppdatering")
text(om.refresh_text)
st.code(t("om.refresh_commands"), language="bash")
st.markdown(t("om.settings_text"))
st.code(om.settings_lines(), language="bash")
text(om.rate_text)
