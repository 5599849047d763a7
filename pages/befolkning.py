"""Befolkning og framskriving: age pyramid, age groups, projections, support ratio, 80+ and
projected growth of every municipality."""

import streamlit as st

from kommuneokonomi.i18n import N_, bound, t
from kommuneokonomi.queries import befolkning as population
from kommuneokonomi.state import ViewState, first, shown
from kommuneokonomi.ui import controls, exhibit, page
from kommuneokonomi.views import befolkning, befolkningsserier, framskriving
from kommuneokonomi.views.regions import region_name

LEVEL_KEY = "niva"


def level_picker(kommune: str) -> str:
    """Municipality, its county or Norway for the pyramid, age groups and projection (?niva=).

    NOTE: not `bind="query-params"`: a bound segmented control writes the shown label
    ('Telemark', 'Norway') to the URL, which changes with language and municipality; this
    keeps the stable code ('fylke'). An unknown URL value gives a notice; Oslo, its own
    county, has no county level.
    """
    levels = befolkningsserier.levels_for(kommune)
    if LEVEL_KEY not in st.session_state:
        raw = first(st.query_params.get_all(LEVEL_KEY) or None)
        if raw and raw not in befolkningsserier.LEVELS:
            st.info(t("befolkning.bad_level", value=shown(raw)), icon=":material/info:")
        st.session_state[LEVEL_KEY] = raw if raw in levels else levels[0]
    elif st.session_state[LEVEL_KEY] not in levels:
        st.session_state[LEVEL_KEY] = levels[0]
    choice = st.segmented_control(
        t("befolkning.level"),
        options=list(levels),
        format_func=bound(
            lambda level: region_name(befolkningsserier.level_region(kommune, level))
        ),
        key=LEVEL_KEY,
        required=True,
        help=t("befolkning.level_help"),
    )
    if choice == levels[0]:
        st.query_params.pop(LEVEL_KEY, None)
    else:
        st.query_params[LEVEL_KEY] = choice
    return choice


def growth_section(state: ViewState) -> None:
    """Projected growth of every municipality to 2050: the map beside the searchable
    ranking, the chosen municipality on top."""
    left, right = st.columns(2, gap="large")
    with left:
        exhibit.show(framskriving.growth_map(state))
    with right:
        ranking = framskriving.growth_ranking(state)
        label = t("befolkning.growth_search")
        search = controls.ranking_search(ranking.title, label, "vekst_search")
        table = framskriving.growth_table(ranking, search)
        if table.empty:
            st.info(t("ndr.no_match", query=shown(search)))
        else:
            st.dataframe(table, hide_index=True, height=420, placeholder="")
        st.caption(ranking.source_text)
        exhibit.show(ranking, table=False)


ctx = page.header(N_("nav.befolkning"))
left, right = st.columns([3, 1], vertical_alignment="bottom")
with left:
    level = level_picker(ctx.kommune)
with right:
    year = controls.year_picker(population.years())
controls.show_notices()  # a bad ?aar= is known only once the year picker has run
state = ViewState(kommune=ctx.kommune, lang=ctx.lang, aar=year)

st.subheader(t("befolkning.section_structure"))
exhibit.show(befolkning.pyramid(state, level))
exhibit.show(befolkning.age_groups(state, level))

st.subheader(t("befolkning.section_future"))
gap = framskriving.projection_gap(state, level)
if gap:
    st.info(gap, icon=":material/info:")
exhibit.show(framskriving.projection(state, level))

st.subheader(t("befolkning.section_elderly"))
exhibit.show(framskriving.support_ratio_for(state))
exhibit.show(framskriving.persons_80(state))

st.subheader(t("befolkning.section_growth"))
# The whole country's growth is built and drawn only when asked for (the link keeps it
# open): a map of 357 areas and a 357-row table made every change of municipality a third
# slower in the browser, for a view that is the same for every municipality
# (bench/RESULTS.md).
growth = st.expander(
    t("befolkning.growth_open"), key="vekst", bind="query-params", icon=":material/map:"
)
if growth.open:
    with growth:
        growth_section(state)
