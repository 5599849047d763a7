"""Population exhibits: pyramid, age groups, projections, support ratio and people aged 80+.

Pyramid, age groups and projection can be drawn for the municipality, its county or Norway
(the level); each level has its own exhibit id, so an embed or export rebuilds the same view
from the ViewState alone.
"""

from __future__ import annotations

from functools import partial

import pandas as pd
import plotly.graph_objects as go

from kommuneokonomi.charts import theme
from kommuneokonomi.charts.lines import Band, Line, lines
from kommuneokonomi.charts.panels import Panel, outer_titles, panels
from kommuneokonomi.charts.pyramid import Side
from kommuneokonomi.charts.pyramid import pyramid as pyramid_chart
from kommuneokonomi.datasets import LANDET
from kommuneokonomi.exhibit import Exhibit
from kommuneokonomi.formatting import number, percent
from kommuneokonomi.i18n import N_, t
from kommuneokonomi.queries import befolkning, framskriving
from kommuneokonomi.queries.kommuner import county_members, index
from kommuneokonomi.sources import SourceRef, source_line
from kommuneokonomi.state import ViewState
from kommuneokonomi.views.memo import cached_view
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


def estimate_notes(data: pd.DataFrame) -> list[str]:
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


def _year(state: ViewState) -> int:
    years = befolkning.years()
    return state.aar if state.aar in years else years[-1]


def _change(first: float, last: float) -> str:
    """'økte med 12 %' / 'fell by 3 %': the relative change in words."""
    pct = 100 * (last - first) / first
    if round(pct) == 0:
        return t("befolkning.change_flat")
    if pct > 0:
        return t("befolkning.change_up", pct=percent(abs(pct), 0))
    return t("befolkning.change_down", pct=percent(abs(pct), 0))


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
            "annotation_font": {"size": 10, "color": theme.ESTIMATE},
        }
    fig.add_vline(x=year - 0.5, line={"color": theme.ESTIMATE, "dash": "dot", "width": 1}, **where)


def _refs(tables: set[str]) -> list[SourceRef]:
    refs = [SourceRef.of("befolkning_grupper", (REGISTERED_TABLE,))]
    projected = tuple(sorted(tables - {REGISTERED_TABLE}))
    if projected:
        refs.append(SourceRef.of("framskriving", projected))
    return refs


def _is_snapshot() -> bool:
    return SourceRef.of("framskriving").origin == "snapshot"


def missing_projection_notes(missing: list[str], totals_only: list[str]) -> list[str]:
    """Say which regions lack a projection (or have it only as a total), and why offline."""
    notes = []
    if missing:
        names = ", ".join(region_name(c) for c in missing)
        notes.append(t("befolkning.missing_projection", regions=names))
    if totals_only:
        names = ", ".join(region_name(c) for c in totals_only)
        notes.append(t("befolkning.totals_only", regions=names))
    if (missing or totals_only) and _is_snapshot():
        notes.append(t("befolkning.offline_coverage"))
    return notes


# --- projections: lines and bands -----------------------------------------------------------


def projection_region(code: str) -> str:
    """Where to read a region's projection: itself, or for Oslo the identical county 03."""
    if framskriving.tables_for(code) or len(code) != 4 or not is_own_county(code):
        return code
    return county_of(code)


def _projected(
    code: str, table_id: str, group: str, color: str, legendgroup: str
) -> tuple[Line, Band, pd.DataFrame]:
    """The main alternative as a dashed line, low–high as a band, and the rows drawn."""
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
    band = Band(t("befolkning.band"), frame["year"], low, high, color, legendgroup)
    rows = frame.melt(id_vars="year", var_name="alternative", value_name="persons")
    rows = rows.assign(kind="framskrevet", table_id=table_id, estimated=False)
    return line, band, rows


def _registered(code: str, group: str, color: str, legendgroup: str) -> tuple[Line, pd.DataFrame]:
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


def table_notes(found: list[tuple[str, str]]) -> list[str]:
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


# --- the pyramid ----------------------------------------------------------------------------


def _side(frame: pd.DataFrame, sex: str, label: str) -> Side:
    part = frame[frame["sex"] == sex]
    return Side(label, part["age"].tolist(), part["share"].tolist(), part["persons"].tolist())


def _pyramid_title(code: str, year: int, frame: pd.DataFrame) -> str:
    share = percent(befolkning.share_aged(frame, 67))
    name = region_name(code)
    if code == LANDET:
        first = befolkning.years()[0]
        other = percent(befolkning.share_aged(befolkning.pyramid(LANDET, first), 67))
        title = t(
            "befolkning.pyramid_title_landet",
            region=name,
            share=share,
            year=year,
            other=other,
            other_year=first,
        )
    else:
        other = percent(befolkning.share_aged(befolkning.pyramid(LANDET, year), 67))
        title = t(
            "befolkning.pyramid_title",
            region=name,
            share=share,
            year=year,
            other=other,
            other_region=region_name(LANDET),
        )
    if frame["estimated"].any():
        title += (
            t("befolkning.estimated_suffix")
            if len(code) == 4
            else t("befolkning.estimated_sum_suffix")
        )
    return title


@cached_view()
def pyramid(state: ViewState, level: str = "kommune") -> Exhibit:
    """Men and women by single age as shares of the population, with Norway as an outline."""
    year = _year(state)
    code = level_region(state.kommune, level)
    frame = befolkning.pyramid(code, year)
    name = region_name(code)
    men, women = t("befolkning.men"), t("befolkning.women")
    data = frame.assign(region_code=code, region=name, year=year, norway_share=float("nan"))
    outline = None
    notes = [t("befolkning.pyramid_note")]
    if code != LANDET:
        norway = befolkning.pyramid(LANDET, year)
        outline = (_side(norway, "1", men), _side(norway, "2", women))
        data["norway_share"] = norway["share"].to_numpy()
        notes.append(t("befolkning.pyramid_outline_note"))
    estimated = bool(frame["estimated"].any())
    if estimated:
        notes.append(t("befolkning.pyramid_estimated_note"))
    notes += estimate_notes(data)
    title = _pyramid_title(code, year, frame)
    refs = _refs(set())
    source = source_line(refs, t("befolkning.jan1", year=year))
    fig = pyramid_chart(
        _side(frame, "1", men),
        _side(frame, "2", women),
        name=name,
        color=LEVEL_COLOURS[level],
        persons_word=t("common.persons"),
        age_word=t("befolkning.age_word"),
        estimated=estimated,
        outline=outline,
        outline_name=region_name(LANDET),
        outline_color=theme.LANDET,
    )
    theme.style(
        fig,
        title=title,
        source=source,
        height=520,
        x_title=t("befolkning.axis_share"),
        y_title=t("befolkning.axis_age"),
    )
    data["sex_label"] = data["sex"].map({"1": men, "2": women})
    columns = {
        "region_code": "region_code",
        "region": "region",
        "year": "year",
        "sex": "sex",
        "sex_label": "sex_label",
        "age": "age",
        "persons": "persons",
        "share": "share_pct",
        "norway_share": "norway_share_pct",
        "estimated": "estimated",
    }
    return Exhibit(
        id=exhibit_id("befolkning-pyramide", level),
        title=title,
        data=data[list(columns)],
        columns=columns,
        sources=tuple(refs),
        source_text=source,
        period=str(year),
        figure=fig,
        notes=tuple(notes),
        kommune_code=code if level == "kommune" else state.kommune,
        slug="alderspyramide" if level == "kommune" else f"alderspyramide-{level}",
        params={"aar": str(year)},
    )


# --- age groups over time -------------------------------------------------------------------


def _first_last(series: pd.DataFrame, group: str) -> tuple[float, float]:
    part = series[series["age_group"] == group].sort_values("year")
    return float(part["persons"].iloc[0]), float(part["persons"].iloc[-1])


def _groups_title(code: str) -> str:
    """How the oldest and youngest groups changed over the registered (non-estimated) years."""
    history = reliable(befolkning.group_series(code), code)
    return t(
        "befolkning.groups_title",
        region=region_name(code),
        c80=_change(*_first_last(history, "80+")),
        c0=_change(*_first_last(history, "0-19")),
        first=int(history["year"].min()),
        last=int(history["year"].max()),
    )


@cached_view()
def age_groups(state: ViewState, level: str = "kommune") -> Exhibit:
    """Persons aged 0–19, 20–66, 67–79 and 80+ per year, one panel each, with projections."""
    code = level_region(state.kommune, level)
    color = LEVEL_COLOURS[level]
    proj_code = projection_region(code)
    table_id = framskriving.newest_table(proj_code, with_groups=True)
    items, rows, tables = [], [], {REGISTERED_TABLE}
    for group in befolkning.AGE_GROUPS:
        line, registered = _registered(code, group, color, "registered")
        series, bands = [line], []
        rows.append(registered.assign(age_group=group, region_code=code))
        if table_id is not None:
            main, band, projected = _projected(proj_code, table_id, group, color, "proj")
            series.insert(0, main)
            bands.append(band)
            rows.append(projected.assign(age_group=group, region_code=proj_code))
            tables.add(table_id)
        items.append(Panel(t(GROUP_NAMES[group]), series, bands))
    data = pd.concat(rows, ignore_index=True)
    data["region"] = data["region_code"].map(region_name)
    title = _groups_title(code)
    period = f"{int(data['year'].min())}–{int(data['year'].max())}"
    refs = _refs(tables)
    source = source_line(refs, period)
    fig = panels(items, columns=2)
    mark_break(fig, break_year(befolkning.totals(code), code), label=False, row="all", col="all")
    theme.style(
        fig,
        title=title,
        source=source,
        height=480,
        x_title=t("befolkning.axis_year"),
        y_title=t("befolkning.axis_persons"),
    )
    outer_titles(fig, len(items), 2)
    notes = _projection_notes(proj_code, table_id)
    notes += estimate_notes(data)
    columns = {
        "region_code": "region_code",
        "region": "region",
        "age_group": "age_group",
        "year": "year",
        "kind": "kind",
        "alternative": "alternative",
        "persons": "persons",
        "estimated": "estimated",
        "table_id": "table_id",
    }
    return Exhibit(
        id=exhibit_id("befolkning-aldersgrupper", level),
        title=title,
        data=data[list(columns)],
        columns=columns,
        sources=tuple(refs),
        source_text=source,
        period=period,
        figure=fig,
        notes=tuple(notes),
        kommune_code=state.kommune,
        slug="aldersgrupper" if level == "kommune" else f"aldersgrupper-{level}",
    )


def _projection_notes(code: str, table_id: str | None) -> list[str]:
    """Notes on the projection drawn (from `table_id`), or on why none is drawn."""
    return _coverage_notes([(code, table_id)] if table_id else [], [] if table_id else [code])


# --- total population with projection -------------------------------------------------------


@cached_view()
def projection(state: ViewState, level: str = "kommune") -> Exhibit:
    """Registered population since 2005 and SSB's newest projection to 2050 with its band."""
    code = level_region(state.kommune, level)
    color, name = LEVEL_COLOURS[level], region_name(code)
    proj_code = projection_region(code)
    table_id = framskriving.newest_table(proj_code)
    line, registered = _registered(code, "total", color, "registered")
    series, bands, frames = [line], [], [registered.assign(region_code=code)]
    history = befolkning.totals(code)
    now, year = history["persons"].iloc[-1], int(history["year"].iloc[-1])
    if table_id is not None:
        main, band, projected = _projected(proj_code, table_id, "total", color, "proj")
        series.insert(0, main)
        bands.append(band)
        frames.append(projected.assign(region_code=proj_code))
        end = projected[
            (projected["alternative"] == framskriving.MAIN) & (projected["year"] == PROJECTION_END)
        ]["persons"].iloc[0]
        title = t(
            "befolkning.projection_title",
            region=name,
            future=number(end),
            end=PROJECTION_END,
            now=number(now),
            year=year,
        )
    else:
        first = reliable(history, code).iloc[0]
        title = t(
            "befolkning.projection_title_missing",
            region=name,
            now=number(now),
            year=year,
            first=int(first["year"]),
            change=_change(first["persons"], now),
        )
    data = pd.concat(frames, ignore_index=True)
    data["region"] = data["region_code"].map(region_name)
    period = f"{int(data['year'].min())}–{int(data['year'].max())}"
    refs = _refs({REGISTERED_TABLE, *([table_id] if table_id else [])})
    source = source_line(refs, period)
    fig = lines(series, bands)
    fig.update_traces(showlegend=True, selector={"fill": "toself"})
    mark_break(fig, break_year(history, code))
    theme.style(
        fig,
        title=title,
        source=source,
        x_title=t("befolkning.axis_year"),
        y_title=t("befolkning.axis_persons"),
    )
    fig.update_yaxes(tickformat=",d")
    notes = _projection_notes(proj_code, table_id)
    if proj_code != code:
        notes.append(t("befolkning.oslo_county"))
    notes += estimate_notes(data)
    columns = {
        "region_code": "region_code",
        "region": "region",
        "year": "year",
        "kind": "kind",
        "alternative": "alternative",
        "persons": "persons",
        "estimated": "estimated",
        "table_id": "table_id",
    }
    return Exhibit(
        id=exhibit_id("befolkning-framskriving", level),
        title=title,
        data=data[list(columns)],
        columns=columns,
        sources=tuple(refs),
        source_text=source,
        period=period,
        figure=fig,
        notes=tuple(notes),
        kommune_code=state.kommune,
        slug="framskriving" if level == "kommune" else f"framskriving-{level}",
    )


def projection_gap(state: ViewState, level: str) -> str | None:
    """For the page: what to do when the chosen level has no projection (try the county)."""
    code = level_region(state.kommune, level)
    if framskriving.newest_table(projection_region(code)) is not None or level != "kommune":
        return None
    county = county_of(state.kommune)
    return t("befolkning.try_county", county=region_name(county))


# --- municipality, county and Norway together -----------------------------------------------


def compared_regions(kommune: str) -> list[tuple[str, str]]:
    """[(code, colour)] for the municipality, its county (unless the same, Oslo) and Norway."""
    regions = [(kommune, theme.KOMMUNE)]
    if not is_own_county(kommune):  # NOTE: Oslo is both municipality and county
        regions.append((county_of(kommune), theme.FYLKE))
    regions.append((LANDET, theme.LANDET))
    return regions


def _projection_with_groups(code: str) -> tuple[str, str | None]:
    """(where the projection is read, newest table with age groups or None)."""
    proj_code = projection_region(code)
    return proj_code, framskriving.newest_table(proj_code, with_groups=True)


def _coverage_notes(found: list[tuple[str, str]], absent: list[str]) -> list[str]:
    """Table notes for regions with a projection, gap notes for those without."""
    notes = [t("befolkning.projection_note"), *table_notes(found)] if found else []
    totals_only = [c for c in absent if framskriving.newest_table(c) is not None]
    missing = [c for c in absent if c not in totals_only]
    return notes + missing_projection_notes(missing, totals_only)


def support_ratio(regions: list[tuple[str, str]]) -> Exhibit:
    """People aged 20–66 per person 67+, registered and projected, for up to three regions.

    `regions` is [(region code, colour)], the focus region first.
    """
    series, bands, rows, tables = [], [], [], {REGISTERED_TABLE}
    found, absent = [], []
    for code, color in regions:
        name = region_name(code)
        hist = befolkning.support_ratio(code)
        series.append(
            Line(
                name,
                hist["year"],
                hist["ratio"],
                color,
                hover="%{y:.2f}",
                estimated=hist["estimated"],
                legendgroup=code,
            )
        )
        rows.append(
            hist.assign(
                region_code=code,
                region=name,
                kind="registrert",
                alternative=None,
                table_id=REGISTERED_TABLE,
            )
        )
        proj_code, table_id = _projection_with_groups(code)
        if table_id is None:
            absent.append(proj_code)
            continue
        found.append((proj_code, table_id))
        tables.add(table_id)
        proj = framskriving.support_ratio(proj_code, table_id)
        main = proj[proj["alternative"] == framskriving.MAIN]
        low, high = (
            proj[proj["alternative"] == a].set_index("year")["ratio"]
            for a in (framskriving.LOW, framskriving.HIGH)
        )
        lower, upper = low.combine(high, min), low.combine(high, max)
        bands.append(Band(f"{name}: LLML–HHMH", lower.index, lower, upper, color, legendgroup=code))
        label = t("befolkning.projected", alt=framskriving.MAIN)
        series.append(
            Line(
                f"{name}: {label}",
                main["year"],
                main["ratio"],
                color,
                dash="dash",
                hover="%{y:.2f}",
                markers=False,
                legendgroup=code,
                showlegend=False,
            )
        )
        rows.append(
            proj.assign(
                region_code=proj_code,
                region=name,
                kind="framskrevet",
                estimated=False,
                table_id=table_id,
            )
        )
    focus_code = regions[0][0]
    focus = befolkning.support_ratio(focus_code).iloc[-1]
    now = number(focus["ratio"], 1)
    _, focus_table = _projection_with_groups(focus_code)
    if focus_table is not None:
        focus_proj = framskriving.support_ratio(projection_region(focus_code), focus_table)
        end = focus_proj[
            (focus_proj["alternative"] == framskriving.MAIN)
            & (focus_proj["year"] == PROJECTION_END)
        ]
        title = t(
            "befolkning.support_title",
            region=region_name(focus_code),
            now=now,
            year=int(focus["year"]),
            future=number(end["ratio"].iloc[0], 1),
            future_year=PROJECTION_END,
        )
    else:
        title = t(
            "befolkning.support_title_no_projection",
            region=region_name(focus_code),
            now=now,
            year=int(focus["year"]),
        )
    data = pd.concat(rows, ignore_index=True)
    period = f"{int(data['year'].min())}–{int(data['year'].max())}"
    refs = _refs(tables)
    source = source_line(refs, period)
    fig = theme.style(
        lines(series, bands),
        title=title,
        source=source,
        x_title=t("befolkning.axis_year"),
        y_title=t("befolkning.axis_ratio"),
    )
    notes = _coverage_notes(found, absent) + estimate_notes(data)
    columns = {
        "region_code": "region_code",
        "region": "region",
        "year": "year",
        "kind": "kind",
        "alternative": "alternative",
        "ratio": "ratio_20_66_per_67",
        "estimated": "estimated",
        "table_id": "table_id",
    }
    return Exhibit(
        id="befolkning-stotte",
        title=title,
        data=data[list(columns)],
        columns=columns,
        sources=tuple(refs),
        source_text=source,
        period=period,
        figure=fig,
        notes=tuple(notes),
        kommune_code=focus_code,
        slug="personer-20-66-per-67",
    )


@cached_view()
def support_ratio_for(state: ViewState) -> Exhibit:
    """The support ratio for the chosen municipality, its county (unless the same) and Norway."""
    return support_ratio(compared_regions(state.kommune))


@cached_view()
def persons_80(state: ViewState) -> Exhibit:
    """People aged 80 and over in the municipality, its county and Norway: one panel each."""
    items, frames, tables, found, absent = [], [], {REGISTERED_TABLE}, [], []
    for code, color in compared_regions(state.kommune):
        line, registered = _registered(code, "80+", color, "registered")
        series, bands = [line], []
        frames.append(registered.assign(region_code=code))
        proj_code, table_id = _projection_with_groups(code)
        if table_id is None:
            absent.append(proj_code)
        else:
            main, band, projected = _projected(proj_code, table_id, "80+", color, "proj")
            series.insert(0, main)
            bands.append(band)
            frames.append(projected.assign(region_code=proj_code))
            tables.add(table_id)
            found.append((proj_code, table_id))
        items.append(Panel(region_name(code), series, bands))
    data = pd.concat(frames, ignore_index=True).assign(age_group="80+")
    data["region"] = data["region_code"].map(region_name)
    title = _old_title(state.kommune, data)
    period = f"{int(data['year'].min())}–{int(data['year'].max())}"
    refs = _refs(tables)
    source = source_line(refs, period)
    fig = panels(items, columns=3, x_dtick=20)
    own = data[(data["region_code"] == state.kommune) & (data["kind"] == "registrert")]
    mark_break(fig, break_year(own, state.kommune), label=False, row=1, col=1)
    theme.style(
        fig,
        title=title,
        source=source,
        height=260,
        x_title=t("befolkning.axis_year"),
        y_title=t("befolkning.axis_persons_80"),
    )
    outer_titles(fig, len(items), 3)
    notes = _coverage_notes(found, absent) + estimate_notes(data)
    columns = {
        "region_code": "region_code",
        "region": "region",
        "age_group": "age_group",
        "year": "year",
        "kind": "kind",
        "alternative": "alternative",
        "persons": "persons",
        "estimated": "estimated",
        "table_id": "table_id",
    }
    return Exhibit(
        id="befolkning-80",
        title=title,
        data=data[list(columns)],
        columns=columns,
        sources=tuple(refs),
        source_text=source,
        period=period,
        figure=fig,
        notes=tuple(notes),
        kommune_code=state.kommune,
        slug="personer-80-og-over",
    )


def _old_title(kommune: str, data: pd.DataFrame) -> str:
    """The municipality's 80+ count now and, where projected, in 2050."""
    registered = data[(data["region_code"] == kommune) & (data["kind"] == "registrert")]
    last = registered.sort_values("year").iloc[-1]
    name, now, year = region_name(kommune), number(last["persons"]), int(last["year"])
    end = data[
        (data["region_code"] == projection_region(kommune))
        & (data["alternative"] == framskriving.MAIN)
        & (data["year"] == PROJECTION_END)
    ]
    if len(end):
        return t(
            "befolkning.old_title",
            region=name,
            now=now,
            year=year,
            future=number(end["persons"].iloc[0]),
            end=PROJECTION_END,
        )
    first = reliable(registered.sort_values("year"), kommune).iloc[0]
    return t(
        "befolkning.old_title_missing",
        region=name,
        now=now,
        year=year,
        first=int(first["year"]),
        change=_change(first["persons"], last["persons"]),
    )


@cached_view()
def population(code: str, color: str = theme.KOMMUNE) -> Exhibit:
    """Population on 1 January over time for one region."""
    frame = befolkning.totals(code)
    name = region_name(code)
    last = frame.iloc[-1]
    title = t(
        "befolkning.population_title",
        region=name,
        persons=number(last["persons"]),
        year=int(last["year"]),
    )
    period = f"{int(frame['year'].min())}–{int(frame['year'].max())}"
    refs = _refs(set())
    source = source_line(refs, period)
    fig = lines(
        [
            Line(
                name,
                frame["year"],
                frame["persons"],
                color,
                hover=PERSONS_HOVER,
                estimated=frame["estimated"],
            )
        ]
    )
    theme.style(
        fig,
        title=title,
        source=source,
        legend=False,
        x_title=t("befolkning.axis_year"),
        y_title=t("befolkning.axis_persons"),
    )
    fig.update_yaxes(tickformat=",d")
    data = frame.assign(region_code=code, region=name)
    notes = tuple(estimate_notes(data))
    columns = {
        "region_code": "region_code",
        "region": "region",
        "year": "year",
        "persons": "persons",
        "change": "change",
        "estimated": "estimated",
    }
    return Exhibit(
        id="folketall",
        title=title,
        data=data[list(columns)],
        columns=columns,
        sources=tuple(refs),
        source_text=source,
        period=period,
        figure=fig,
        notes=notes,
        kommune_code=code,
        slug="folketall",
    )


def _by_level() -> dict:
    builders = {
        "befolkning-pyramide": pyramid,
        "befolkning-aldersgrupper": age_groups,
        "befolkning-framskriving": projection,
    }
    return {
        exhibit_id(base, level): partial(builder, level=level)
        for base, builder in builders.items()
        for level in LEVELS
    }


EXHIBITS = {
    "befolkning-stotte": support_ratio_for,
    "befolkning-80": persons_80,
    "folketall": lambda state: population(state.kommune),
    **_by_level(),
}
