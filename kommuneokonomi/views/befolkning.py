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
from kommuneokonomi.views.regions import region_name

# --- the pyramid ----------------------------------------------------------------------------


def _side(frame: pd.DataFrame, sex: str, label: str) -> Side:
    part = frame[frame["sex"] == sex]
    return Side(label, part["age"].tolist(), part["share"].tolist(), part["persons"].tolist())


def _pyramid_title(code: str, year: int, frame: pd.DataFrame, lang: str) -> str:
    share = percent(befolkning.share_aged(frame, 67), lang)
    name = region_name(code, lang)
    if code == LANDET:
        first = befolkning.years()[0]
        other = percent(befolkning.share_aged(befolkning.pyramid(LANDET, first), 67), lang)
        title = t(
            "befolkning.pyramid_title_landet",
            lang,
            region=name,
            share=share,
            year=year,
            other=other,
            other_year=first,
        )
    else:
        other = percent(befolkning.share_aged(befolkning.pyramid(LANDET, year), 67), lang)
        title = t(
            "befolkning.pyramid_title",
            lang,
            region=name,
            share=share,
            year=year,
            other=other,
            other_region=region_name(LANDET, lang),
        )
    if frame["estimated"].any():
        suffix = "estimated_suffix" if len(code) == 4 else "estimated_sum_suffix"
        title += t(f"befolkning.{suffix}", lang)
    return title


@cached_view()
def pyramid(state: ViewState, level: str = "kommune") -> Exhibit:
    """Men and women by single age as shares of the population, with Norway as an outline."""
    lang, year = state.lang, population_year(state)
    code = level_region(state.kommune, level)
    frame = befolkning.pyramid(code, year)
    name = region_name(code, lang)
    men, women = t("befolkning.men", lang), t("befolkning.women", lang)
    data = frame.assign(region_code=code, region=name, year=year, norway_share=float("nan"))
    outline = None
    details = [t("befolkning.pyramid_note", lang)]
    if code != LANDET:
        norway = befolkning.pyramid(LANDET, year)
        outline = (_side(norway, "1", men), _side(norway, "2", women))
        data["norway_share"] = norway["share"].to_numpy()
        details.append(t("befolkning.pyramid_outline_note", lang))
    estimated = bool(frame["estimated"].any())
    if estimated:
        details.append(t("befolkning.pyramid_estimated_note", lang))
    notes = one_line(estimate_notes(data, lang))
    title = _pyramid_title(code, year, frame, lang)
    refs = population_refs(set())
    source = source_line(refs, lang, t("befolkning.jan1", lang, year=year))
    fig = pyramid_chart(
        _side(frame, "1", men),
        _side(frame, "2", women),
        name=name,
        color=LEVEL_COLOURS[level],
        lang=lang,
        persons_word=t("common.persons", lang),
        age_word=t("befolkning.age_word", lang),
        estimated=estimated,
        outline=outline,
        outline_name=region_name(LANDET, lang),
        outline_color=theme.LANDET,
    )
    theme.style(
        fig,
        title=title,
        source=source,
        lang=lang,
        height=520,
        x_title=t("befolkning.axis_share", lang),
        y_title=t("befolkning.axis_age", lang),
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
        lang=lang,
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


def _groups_title(code: str, lang: str) -> str:
    """How the oldest and youngest groups changed over the registered (non-estimated) years."""
    history = reliable(befolkning.group_series(code), code)
    return t(
        "befolkning.groups_title",
        lang,
        region=region_name(code, lang),
        c80=change_words(*_first_last(history, "80+"), lang),
        c0=change_words(*_first_last(history, "0-19"), lang),
        first=int(history["year"].min()),
        last=int(history["year"].max()),
    )


@cached_view()
def age_groups(state: ViewState, level: str = "kommune") -> Exhibit:
    """Persons aged 0–19, 20–66, 67–79 and 80+ per year, one panel each, with projections."""
    lang = state.lang
    code = level_region(state.kommune, level)
    color = LEVEL_COLOURS[level]
    proj_code = projection_region(code)
    table_id = framskriving.newest_table(proj_code, with_groups=True)
    items, rows, tables = [], [], {REGISTERED_TABLE}
    for group in befolkning.AGE_GROUPS:
        line, registered = registered_series(code, group, color, lang, "registered")
        series, bands = [line], []
        rows.append(registered.assign(age_group=group, region_code=code))
        if table_id is not None:
            main, spread, projected = projected_series(
                proj_code, table_id, group, color, lang, "proj"
            )
            series.insert(0, main)
            bands += spread
            rows.append(projected.assign(age_group=group, region_code=proj_code))
            tables.add(table_id)
        items.append(Panel(t(f"befolkning.group.{group}", lang), series, bands))
    data = pd.concat(rows, ignore_index=True)
    data["region"] = data["region_code"].map(lambda c: region_name(c, lang))
    title = _groups_title(code, lang)
    period = f"{int(data['year'].min())}–{int(data['year'].max())}"
    refs = population_refs(tables)
    source = source_line(refs, lang, period)
    fig = panels(items, columns=2)
    mark_break(
        fig, break_year(befolkning.totals(code), code), lang, label=False, row="all", col="all"
    )
    theme.style(
        fig,
        title=title,
        source=source,
        lang=lang,
        height=480,
        x_title=t("befolkning.axis_year", lang),
        y_title=t("befolkning.axis_persons", lang),
    )
    outer_titles(fig, len(items), 2)
    line, details = projection_notes(proj_code, table_id, lang)
    notes = one_line(line + estimate_notes(data, lang))
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
        lang=lang,
        figure=fig,
        notes=notes,
        details=tuple(details),
        kommune_code=state.kommune,
        slug="aldersgrupper" if level == "kommune" else f"aldersgrupper-{level}",
    )


@cached_view()
def population(code: str, lang: str, color: str = theme.KOMMUNE) -> Exhibit:
    """Population on 1 January over time for one region."""
    frame = befolkning.totals(code)
    name = region_name(code, lang)
    last = frame.iloc[-1]
    title = t(
        "befolkning.population_title",
        lang,
        region=name,
        persons=number(last["persons"], lang),
        year=int(last["year"]),
    )
    period = f"{int(frame['year'].min())}–{int(frame['year'].max())}"
    refs = population_refs(set())
    source = source_line(refs, lang, period)
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
        lang=lang,
        legend=False,
        x_title=t("befolkning.axis_year", lang),
        y_title=t("befolkning.axis_persons", lang),
    )
    fig.update_yaxes(tickformat=",d")
    data = frame.assign(region_code=code, region=name)
    notes = one_line(estimate_notes(data, lang))
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
        lang=lang,
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
    "folketall": lambda state: population(state.kommune, state.lang),
    **_by_level(),
}
