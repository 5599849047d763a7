"""Projection exhibits: total population with SSB's projection, people aged 20–66 per person
67+, people aged 80+, and projected growth to 2050 across all municipalities.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

import pandas as pd

from kommuneokonomi.charts import theme
from kommuneokonomi.charts.lines import Band, Line, lines
from kommuneokonomi.charts.maps import Area, Scale, choropleth
from kommuneokonomi.charts.panels import Panel, outer_titles, panels
from kommuneokonomi.exhibit import Exhibit
from kommuneokonomi.formatting import number, percent_suffix, signed
from kommuneokonomi.i18n import t
from kommuneokonomi.queries import befolkning, framskriving
from kommuneokonomi.queries import driftsresultat as ndr_queries
from kommuneokonomi.queries.cache import cached
from kommuneokonomi.queries.kommuner import index
from kommuneokonomi.sources import SourceRef, source_line
from kommuneokonomi.state import ViewState
from kommuneokonomi.views.befolkningsserier import (
    AGE_GROUP_COLUMNS,
    LEVEL_COLOURS,
    LEVELS,
    PROJECTION_END,
    REGISTERED_TABLE,
    SERIES_COLUMNS,
    break_year,
    change_words,
    compared_regions,
    county_of,
    coverage_notes,
    estimate_notes,
    exhibit_id,
    level_region,
    mark_break,
    population_refs,
    projected_series,
    projection_notes,
    projection_region,
    projection_with_groups,
    registered_series,
    reliable,
)
from kommuneokonomi.views.landsoversikt import COUNTRY_HEIGHT, map_half_range
from kommuneokonomi.views.memo import cached_view
from kommuneokonomi.views.notes import one_line
from kommuneokonomi.views.regions import region_name, region_names
from kommuneokonomi.views.tabeller import pinned_and_found

# --- total population with projection -------------------------------------------------------


@cached_view()
def projection(state: ViewState, level: str = "kommune") -> Exhibit:
    """Registered population since 2005 and SSB's newest projection to 2050 with its band."""
    code = level_region(state.kommune, level)
    color, name = LEVEL_COLOURS[level], region_name(code)
    proj_code = projection_region(code)
    table_id = framskriving.newest_table(proj_code)
    line, registered = registered_series(code, "total", color, "registered")
    series, bands, frames = [line], [], [registered.assign(region_code=code)]
    history = befolkning.totals(code)
    now, year = history["persons"].iloc[-1], int(history["year"].iloc[-1])
    if table_id is not None:
        main, spread, projected = projected_series(proj_code, table_id, "total", color, "proj")
        series.insert(0, main)
        bands += spread
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
            change=change_words(first["persons"], now),
        )
    data = pd.concat(frames, ignore_index=True)
    data["region"] = region_names(data["region_code"])
    period = f"{int(data['year'].min())}–{int(data['year'].max())}"
    refs = population_refs({REGISTERED_TABLE, *([table_id] if table_id else [])})
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
    line, details = projection_notes(proj_code, table_id)
    if proj_code != code:
        details.append(t("befolkning.oslo_county"))
    notes = one_line(line + estimate_notes(data))
    columns = SERIES_COLUMNS
    return Exhibit(
        id=exhibit_id("befolkning-framskriving", level),
        title=title,
        data=data[list(columns)],
        columns=columns,
        sources=tuple(refs),
        source_text=source,
        period=period,
        figure=fig,
        notes=notes,
        details=tuple(details),
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


def support_ratio(
    regions: list[tuple[str, str]],
) -> Exhibit:
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
        proj_code, table_id = projection_with_groups(code)
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
    _, focus_table = projection_with_groups(focus_code)
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
    refs = population_refs(tables)
    source = source_line(refs, period)
    fig = theme.style(
        lines(series, bands),
        title=title,
        source=source,
        x_title=t("befolkning.axis_year"),
        y_title=t("befolkning.axis_ratio"),
    )
    line, details = coverage_notes(found, absent)
    notes = one_line(line + estimate_notes(data))
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
        notes=notes,
        details=tuple(details),
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
        line, registered = registered_series(code, "80+", color, "registered")
        series, bands = [line], []
        frames.append(registered.assign(region_code=code))
        proj_code, table_id = projection_with_groups(code)
        if table_id is None:
            absent.append(proj_code)
        else:
            main, spread, projected = projected_series(proj_code, table_id, "80+", color, "proj")
            series.insert(0, main)
            bands += spread
            frames.append(projected.assign(region_code=proj_code))
            tables.add(table_id)
            found.append((proj_code, table_id))
        items.append(Panel(region_name(code), series, bands))
    data = pd.concat(frames, ignore_index=True).assign(age_group="80+")
    data["region"] = region_names(data["region_code"])
    title = _old_title(state.kommune, data)
    period = f"{int(data['year'].min())}–{int(data['year'].max())}"
    refs = population_refs(tables)
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
    line, details = coverage_notes(found, absent)
    notes = one_line(line + estimate_notes(data))
    columns = AGE_GROUP_COLUMNS
    return Exhibit(
        id="befolkning-80",
        title=title,
        data=data[list(columns)],
        columns=columns,
        sources=tuple(refs),
        source_text=source,
        period=period,
        figure=fig,
        notes=notes,
        details=tuple(details),
        kommune_code=state.kommune,
        slug="personer-80-og-over",
    )


def _old_title(
    kommune: str,
    data: pd.DataFrame,
) -> str:
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
        change=change_words(first["persons"], last["persons"]),
    )


# --- projected growth to 2050 across all municipalities --------------------------------------

GROWTH_EXPORT = {
    "rank": "rank",
    "region_code": "kommune_code",
    "region_name": "kommune",
    "county_name": "county",
    "base_year": "base_year",
    "base": "population_base_year",
    "projected": "population_projected",
    "growth_pct": "growth_pct",
    "table_id": "table_id",
}


@cached()
def growth_rows() -> pd.DataFrame:
    """Every municipality's projected growth to PROJECTION_END, ranked (1 = fastest growth)."""
    rows = framskriving.growth(PROJECTION_END)
    ix = index()
    rows = rows.assign(
        region_name=rows["region_code"].map(ix.name),
        county_name=rows["region_code"].map(lambda c: ix.county(c)[1]),
        rank=rows["growth_pct"].rank(ascending=False, method="min").astype("Int64"),
    )
    return rows.sort_values("rank").reset_index(drop=True)


def _growth_words(
    rows: pd.DataFrame,
    code: str,
) -> str:
    """'Drammen: +11,0 % til 2050 (nr. 60 av 357); …' or, without the municipality, the range."""
    hit = rows[rows["region_code"] == code]
    growing = int((rows["growth_pct"] > 0).sum())
    values = {"n": len(rows), "growing": growing, "end": PROJECTION_END}
    if hit.empty:
        return t("befolkning.growth_title_all", **values)
    row = hit.iloc[0]
    return t(
        "befolkning.growth_title",
        kommune=region_name(code),
        change=signed(row["growth_pct"], 1, percent_suffix()),
        rank=int(row["rank"]),
        **values,
    )


def _growth_exhibit(
    state: ViewState,
    exhibit_id: str,
    slug: str,
    rows: pd.DataFrame,
    *,
    national: bool = False,
    **fields,
):
    """The growth ranking or map; `national`: a title about the whole country, the same
    whoever is chosen (the map: its drawing then stays as it is, charts.overlay)."""
    tables = tuple(sorted(set(rows["table_id"])))
    refs = [SourceRef.of("framskriving", tables)]
    period = f"{int(rows['base_year'].min())}–{PROJECTION_END}" if len(rows) else ""
    return Exhibit(
        id=exhibit_id,
        title=_growth_words(rows, "" if national else state.kommune),
        data=rows[list(GROWTH_EXPORT)].reset_index(drop=True),
        columns=GROWTH_EXPORT,
        sources=tuple(refs),
        source_text=source_line(refs, period),
        period=period,
        kommune_code=state.kommune,
        slug=slug,
        details=(t("befolkning.growth_detail", end=PROJECTION_END),),
        **fields,
    )


@cached_view()
def growth_ranking(state: ViewState) -> Exhibit:
    """Every municipality ranked by projected growth to 2050 (a table for the page)."""
    return _growth_exhibit(
        state, "framskriving-vekst-rangering", "framskrevet-vekst", growth_rows()
    )


def growth_table(exhibit: Exhibit, search: str = "") -> pd.DataFrame:
    """The growth ranking for the screen: chosen municipality pinned on top, filtered by
    `search`, numbers as text in the reader's format."""
    rows = pinned_and_found(exhibit.data, exhibit.kommune_code, search)
    cells = _growth_cells().reindex(rows["region_code"])
    return pd.DataFrame(
        {
            t("ndr.col_rank"): rows["rank"].to_numpy(),
            t("common.kommune"): rows["region_name"].to_numpy(),
            t("befolkning.col_growth"): cells["growth"].to_numpy(),  # in view on a phone
            t("befolkning.col_base", year=int(rows["base_year"].max())) if len(rows) else "": cells[
                "base"
            ].to_numpy(),
            t("befolkning.col_projected", year=PROJECTION_END): cells["projected"].to_numpy(),
            t("common.county"): rows["county_name"].to_numpy(),
        }
    )


@cached_view(maxsize=2)
def _growth_cells() -> pd.DataFrame:
    """The growth ranking's numbers as text, by municipality: the same whoever is chosen, so
    formatted once per language (357 rows of three numbers took 100 ms a rerun)."""
    rows = growth_rows().set_index("region_code")
    return pd.DataFrame(
        {
            "base": rows["base"].map(lambda v: number(v)),
            "projected": rows["projected"].map(lambda v: number(v)),
            "growth": rows["growth_pct"].map(lambda v: signed(v, 1)),
        }
    )


@cached_view(maxsize=2)
def _growth_areas() -> list[Area]:
    """Every municipality on the growth map with its hover text: the same for every chosen
    municipality, so built once per language."""
    rows = growth_rows()
    bounds = ndr_queries.boundaries()
    suffix = percent_suffix()
    return [
        Area(
            r.region_code,
            t(
                "befolkning.growth_hover",
                kommune=r.region_name,
                county=r.county_name,
                change=signed(r.growth_pct, 1, suffix),
                base=number(r.base),
                base_year=r.base_year,
                projected=number(r.projected),
                end=PROJECTION_END,
                rank=r.rank,
                n=len(rows),
            ),
            float(r.growth_pct),
        )
        for r in rows.itertuples()
        if r.region_code in bounds.label_points
    ]


@cached_view()
def growth_map(state: ViewState) -> Exhibit:
    """A map of projected growth to 2050 for every municipality: shrinking red, growing blue,
    the chosen one outlined and labelled; its title is about the whole country (the chosen
    one's growth and rank head the ranking beside it)."""
    rows = growth_rows()
    bounds = ndr_queries.boundaries()
    areas = _growth_areas()
    scale = Scale(
        0.0,
        map_half_range(rows["growth_pct"]),
        "%",
        "0",
        lambda v: number(v),
    )
    chosen = next((a for a in areas if a.code == state.kommune), None)
    fig = choropleth(
        bounds.geojson,
        areas,
        scale,
        missing_name=t("ndr.map_missing", n=len(bounds.label_points) - len(areas)),
        chosen=chosen,
        chosen_name=region_name(state.kommune),
        label_point=bounds.label_points.get(state.kommune),
    )
    exhibit = _growth_exhibit(
        state, "framskriving-vekst-kart", "framskrevet-vekst-kart", rows, national=True
    )
    theme.style(
        fig,
        title=exhibit.title,
        source=exhibit.source_text,
        height=COUNTRY_HEIGHT[theme.COMPACT.get()],
    )
    return replace(exhibit, figure=fig)


EXHIBITS = {
    "befolkning-stotte": support_ratio_for,
    "befolkning-80": persons_80,
    "framskriving-vekst-rangering": growth_ranking,
    "framskriving-vekst-kart": growth_map,
    **{
        exhibit_id("befolkning-framskriving", level): partial(projection, level=level)
        for level in LEVELS
    },
}
