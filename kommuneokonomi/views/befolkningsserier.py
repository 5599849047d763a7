"""Shared pieces of the population views: levels (municipality, county, Norway), registered
and projected series as lines and bands, series breaks at estimated splits, and the words on
which projection is drawn.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from kommuneokonomi.charts import theme
from kommuneokonomi.charts.lines import Band, Line
from kommuneokonomi.datasets import LANDET
from kommuneokonomi.formatting import percent
from kommuneokonomi.i18n import N_, t
from kommuneokonomi.queries import befolkning, framskriving
from kommuneokonomi.queries.kommuner import county_members, index
from kommuneokonomi.sources import SourceRef
from kommuneokonomi.state import ViewState
from kommuneokonomi.views.regions import region_name

PROJECTION_END = 2050
REGISTERED_TABLE = "07459"
LEVELS = ("kommune", "fylke", "landet")
LEVEL_COLOURS = {"kommune": theme.KOMMUNE, "fylke": theme.FYLKE, "landet": theme.LANDET}
PERSONS_HOVER = "%{y:,.0f}"
GROUP_NAMES = {  # befolkning.AGE_GROUPS
    "0-19": N_("befolkning.group.0-19"),
    "20-66": N_("befolkning.group.20-66"),
    "67-79": N_("befolkning.group.67-79"),
    "80+": N_("befolkning.group.80+"),
}

# NOTE: before 2024 the seed data split old 1507 Ålesund 50/50 into 1508 Ålesund and 1580
# Haram (in reality about 6:1), so their series jump in 2024; this is said in words.
SPLIT_50_50 = ("1508", "1580")


# Export columns of the population series exhibits (data column -> export key): every row
# says which table and alternative it comes from, and whether it is an estimate.
_SERIES = ("year", "kind", "alternative", "persons", "estimated", "table_id")
SERIES_COLUMNS = {c: c for c in ("region_code", "region", *_SERIES)}
AGE_GROUP_COLUMNS = {c: c for c in ("region_code", "region", "age_group", *_SERIES)}


def estimate_notes(
    data: pd.DataFrame,
) -> list[str]:
    """Explain hollow markers: estimated municipality splits, or sums that include them."""
    flagged = data.loc[data["estimated"].fillna(False).astype(bool), "region_code"].unique()
    notes = []
    if any(len(c) == 4 and c not in SPLIT_50_50 for c in flagged):
        notes.append(t("befolkning.estimated_note"))
    if any(len(c) < 4 for c in flagged):
        notes.append(t("befolkning.estimated_sum_note"))
    if any(c in SPLIT_50_50 for c in flagged):
        notes.append(t("befolkning.split_note"))
    return notes


def county_of(kommune: str) -> str:
    """County code of a current municipality."""
    return index().county(kommune)[0]


def is_own_county(kommune: str) -> bool:
    """True where the municipality is its whole county (Oslo), so 'county' adds nothing."""
    return county_members(county_of(kommune)) == (kommune,)


def levels_for(kommune: str) -> tuple[str, ...]:
    """Levels worth offering for a municipality: Oslo has no separate county level."""
    return tuple(level for level in LEVELS if not (level == "fylke" and is_own_county(kommune)))


def level_region(kommune: str, level: str) -> str:
    """The region code drawn at a level: the municipality, its county or Norway ('0')."""
    if level == "fylke":
        return county_of(kommune)
    return LANDET if level == "landet" else kommune


def exhibit_id(base: str, level: str) -> str:
    """'befolkning-pyramide' for the municipality, 'befolkning-pyramide-fylke' for its county."""
    return base if level == "kommune" else f"{base}-{level}"


def population_year(state: ViewState) -> int:
    years = befolkning.years()
    return state.aar if state.aar in years else years[-1]


def change_words(
    first: float,
    last: float,
) -> str:
    """'økte med 12 %' / 'fell by 3 %': the relative change in words."""
    pct = 100 * (last - first) / first
    if round(pct) == 0:
        return t("befolkning.change_flat")
    key = N_("befolkning.change_up") if pct > 0 else N_("befolkning.change_down")
    return t(key, pct=percent(abs(pct), 0))


def reliable(rows: pd.DataFrame, code: str) -> pd.DataFrame:
    """A municipality's rows after its last estimated year (all rows for a county or Norway).

    Changes stated in titles start there, so no finding rests on an estimated split.
    """
    if len(code) != 4 or not rows["estimated"].any():
        return rows
    return rows[rows["year"] > rows.loc[rows["estimated"], "year"].max()]


def break_year(rows: pd.DataFrame, code: str) -> int | None:
    """First year of a municipality's own figures after estimated split years, else None."""
    kept = reliable(rows, code)
    return int(kept["year"].min()) if len(kept) < len(rows) else None


def mark_break(fig: go.Figure, year: int | None, *, label: bool = True, **where: object) -> None:
    """A dotted line where a municipality's estimated figures end (its series break).

    `where` passes row/col to place it in panels; panels go without the label.
    """
    if year is None:
        return
    if label:
        where |= {
            "annotation_text": t("befolkning.break_label", year=year),
            "annotation_position": "top left",
            "annotation_font": {"size": 10, "color": theme.ink(theme.ESTIMATE)},
        }
    fig.add_vline(x=year - 0.5, line={"color": theme.ESTIMATE, "dash": "dot", "width": 1}, **where)


def population_refs(tables: set[str]) -> list[SourceRef]:
    refs = [SourceRef.of("befolkning_grupper", (REGISTERED_TABLE,))]
    projected = tuple(sorted(tables - {REGISTERED_TABLE}))
    if projected:
        refs.append(SourceRef.of("framskriving", projected))
    return refs


def is_snapshot() -> bool:
    return SourceRef.of("framskriving").origin == "snapshot"


def missing_projection_notes(
    missing: list[str],
    totals_only: list[str],
) -> list[str]:
    """Say in one sentence each which regions lack a projection, or have it only as a total
    (offline: everywhere but Telemark)."""
    notes = []
    if missing:
        names = ", ".join(region_name(c) for c in missing)
        notes.append(t("befolkning.missing_projection", regions=names))
    if totals_only:
        names = ", ".join(region_name(c) for c in totals_only)
        key = (
            N_("befolkning.totals_only_offline") if is_snapshot() else N_("befolkning.totals_only")
        )
        notes.append(t(key, regions=names))
    return notes


# --- projections: lines and bands -----------------------------------------------------------


def projection_region(code: str) -> str:
    """Where to read a region's projection: itself, or for Oslo the identical county 03."""
    if framskriving.tables_for(code) or len(code) != 4 or not is_own_county(code):
        return code
    return county_of(code)


def projected_series(
    code: str, table_id: str, group: str, color: str, legendgroup: str
) -> tuple[Line, list[Band], pd.DataFrame]:
    """The main alternative as a dashed line, low–high as a band (none where the table holds
    only the main alternative, as the all-municipality totals do), and the rows drawn."""
    frame = framskriving.series(code, table_id, group)
    low = frame[[framskriving.LOW, framskriving.HIGH]].min(axis=1)
    high = frame[[framskriving.LOW, framskriving.HIGH]].max(axis=1)
    line = Line(
        t("befolkning.line_main"),
        frame["year"],
        frame[framskriving.MAIN],
        color,
        dash="dash",
        hover=PERSONS_HOVER,
        markers=False,
        legendgroup=legendgroup,
    )
    bands = []
    if low.notna().any():
        bands.append(Band(t("befolkning.band"), frame["year"], low, high, color, legendgroup))
    rows = frame.melt(id_vars="year", var_name="alternative", value_name="persons")
    rows = rows[rows["persons"].notna()]
    rows = rows.assign(kind="framskrevet", table_id=table_id, estimated=False)
    return line, bands, rows


def registered_series(
    code: str, group: str, color: str, legendgroup: str
) -> tuple[Line, pd.DataFrame]:
    """Registered persons in a group (or 'total') per year as a solid line, and its rows.

    The line is not drawn across a municipality's break (estimated split years, then its own).
    """
    if group == "total":
        rows = befolkning.totals(code)[["year", "persons", "estimated"]]
    else:
        series = befolkning.group_series(code)
        rows = series[series["age_group"] == group][["year", "persons", "estimated"]]
    drawn = rows
    if (year := break_year(rows, code)) is not None:
        gap = pd.DataFrame({"year": [year - 0.5], "persons": [None], "estimated": [False]})
        drawn = pd.concat([rows[rows["year"] < year], gap, rows[rows["year"] >= year]])
    line = Line(
        t("befolkning.line_registered"),
        drawn["year"],
        drawn["persons"],
        color,
        hover=PERSONS_HOVER,
        estimated=drawn["estimated"],
        legendgroup=legendgroup,
    )
    return line, rows.assign(kind="registrert", alternative=None, table_id=REGISTERED_TABLE)


def table_notes(
    found: list[tuple[str, str]],
) -> list[str]:
    """Which projection table is drawn for which regions, and from which base year."""
    notes = []
    for table_id in dict.fromkeys(table for _, table in found):
        codes = [code for code, table in found if table == table_id]
        base = framskriving.base_year(codes[0], table_id)
        names = f" {t('common.and')} ".join(
            [", ".join(region_name(c) for c in codes[:-1]), region_name(codes[-1])]
            if len(codes) > 1
            else [region_name(codes[0])]
        )
        notes.append(t("befolkning.table_note", region=names, table=table_id, base=base))
        if base < befolkning.years()[-1]:
            notes.append(t("befolkning.older_table_note", base=base))
    return notes


def projection_notes(
    code: str,
    table_id: str | None,
) -> tuple[list[str], list[str]]:
    """(the note, the details) on the projection drawn (from `table_id`), or on why none is."""
    return coverage_notes([(code, table_id)] if table_id else [], [] if table_id else [code])


def compared_regions(kommune: str) -> list[tuple[str, str]]:
    """[(code, colour)] for the municipality, its county (unless the same, Oslo) and Norway."""
    regions = [(kommune, theme.KOMMUNE)]
    if not is_own_county(kommune):  # NOTE: Oslo is both municipality and county
        regions.append((county_of(kommune), theme.FYLKE))
    regions.append((LANDET, theme.LANDET))
    return regions


def projection_with_groups(code: str) -> tuple[str, str | None]:
    """(where the projection is read, newest table with age groups or None)."""
    proj_code = projection_region(code)
    return proj_code, framskriving.newest_table(proj_code, with_groups=True)


def coverage_notes(
    found: list[tuple[str, str]],
    absent: list[str],
) -> tuple[list[str], list[str]]:
    """(the note: which regions have no projection by age, the details: how to read the lines
    and which table is drawn from which base year)."""
    details = [t("befolkning.projection_note"), *table_notes(found)] if found else []
    totals_only = [c for c in absent if framskriving.newest_table(c) is not None]
    missing = [c for c in absent if c not in totals_only]
    return missing_projection_notes(missing, totals_only), details
