"""Population exhibits: the age pyramid, age groups over time and the population on 1 January.

Pyramid and age groups can be drawn for the municipality, its county or Norway (the level);
each level has its own exhibit id, so an embed or export rebuilds the same view from the
ViewState alone. Projections, support ratio and people aged 80+ are in views.framskriving.
"""

from __future__ import annotations

from functools import partial

import pandas as pd

from kommuneokonomi.charts import theme
from kommuneokonomi.charts.lines import Line, lines
from kommuneokonomi.charts.panels import Panel, outer_titles, panels
from kommuneokonomi.charts.pyramid import Side
from kommuneokonomi.charts.pyramid import pyramid as pyramid_chart
from kommuneokonomi.datasets import LANDET
from kommuneokonomi.exhibit import Exhibit
from kommuneokonomi.formatting import number, percent
from kommuneokonomi.i18n import t
from kommuneokonomi.queries import befolkning, framskriving
from kommuneokonomi.sources import source_line
from kommuneokonomi.state import ViewState
from kommuneokonomi.views.befolkningsserier import (
    AGE_GROUP_COLUMNS,
    GROUP_NAMES,
    LEVEL_COLOURS,
    LEVELS,
    PERSONS_HOVER,
    REGISTERED_TABLE,
    break_year,
    change_words,
    estimate_notes,
    exhibit_id,
    level_region,
    mark_break,
    population_refs,
    population_year,
    projected_series,
    projection_notes,
    projection_region,
    registered_series,
    reliable,
)
from kommuneokonomi.views.memo import cached_view
from kommuneokonomi.views.notes import one_line
from kommuneokonomi.views.regions import region_name, region_names

# --- the pyramid ----------------------------------------------------------------------------


def _side(frame: pd.DataFrame, sex: str, label: str) -> Side:
    part = frame[frame["sex"] == sex]
    return Side(label, part["age"].tolist(), part["share"].tolist(), part["persons"].tolist())


def _pyramid_title(
    code: str,
    year: int,
    frame: pd.DataFrame,
) -> str:
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
    year = population_year(state)
    code = level_region(state.kommune, level)
    frame = befolkning.pyramid(code, year)
    name = region_name(code)
    men, women = t("befolkning.men"), t("befolkning.women")
    data = frame.assign(region_code=code, region=name, year=year, norway_share=float("nan"))
    outline = None
    details = [t("befolkning.pyramid_note")]
    if code != LANDET:
        norway = befolkning.pyramid(LANDET, year)
        outline = (_side(norway, "1", men), _side(norway, "2", women))
        data["norway_share"] = norway["share"].to_numpy()
        details.append(t("befolkning.pyramid_outline_note"))
    estimated = bool(frame["estimated"].any())
    if estimated:
        details.append(t("befolkning.pyramid_estimated_note"))
    notes = one_line(estimate_notes(data))
    title = _pyramid_title(code, year, frame)
    refs = population_refs(set())
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
        notes=notes,
        details=tuple(details),
        kommune_code=code if level == "kommune" else state.kommune,
        slug="alderspyramide" if level == "kommune" else f"alderspyramide-{level}",
        params={"aar": str(year)},
    )


# --- age groups over time -------------------------------------------------------------------


def _first_last(series: pd.DataFrame, group: str) -> tuple[float, float]:
    part = series[series["age_group"] == group].sort_values("year")
    return float(part["persons"].iloc[0]), float(part["persons"].iloc[-1])


def _groups_title(
    code: str,
) -> str:
    """How the oldest and youngest groups changed over the registered (non-estimated) years."""
    history = reliable(befolkning.group_series(code), code)
    return t(
        "befolkning.groups_title",
        region=region_name(code),
        c80=change_words(*_first_last(history, "80+")),
        c0=change_words(*_first_last(history, "0-19")),
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
        line, registered = registered_series(code, group, color, "registered")
        series, bands = [line], []
        rows.append(registered.assign(age_group=group, region_code=code))
        if table_id is not None:
            main, spread, projected = projected_series(proj_code, table_id, group, color, "proj")
            series.insert(0, main)
            bands += spread
            rows.append(projected.assign(age_group=group, region_code=proj_code))
            tables.add(table_id)
        items.append(Panel(t(GROUP_NAMES[group]), series, bands))
    data = pd.concat(rows, ignore_index=True)
    data["region"] = region_names(data["region_code"])
    title = _groups_title(code)
    period = f"{int(data['year'].min())}–{int(data['year'].max())}"
    refs = population_refs(tables)
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
    line, details = projection_notes(proj_code, table_id)
    notes = one_line(line + estimate_notes(data))
    columns = AGE_GROUP_COLUMNS
    return Exhibit(
        id=exhibit_id("befolkning-aldersgrupper", level),
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
        slug="aldersgrupper" if level == "kommune" else f"aldersgrupper-{level}",
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
    refs = population_refs(set())
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
    notes = one_line(estimate_notes(data))
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
    builders = {"befolkning-pyramide": pyramid, "befolkning-aldersgrupper": age_groups}
    return {
        exhibit_id(base, level): partial(builder, level=level)
        for base, builder in builders.items()
        for level in LEVELS
    }


EXHIBITS = {
    "folketall": lambda state: population(state.kommune),
    **_by_level(),
}
