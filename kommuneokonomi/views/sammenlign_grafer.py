"""Sammenlign's charts: the set over time, one small chart per municipality, and all of
them on one chart indexed to 100 in a base year.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go

from kommuneokonomi.charts import theme
from kommuneokonomi.charts.lines import Line, lines
from kommuneokonomi.charts.small_multiples import Panel, bottom_axes, plot_height, small_multiples
from kommuneokonomi.exhibit import Exhibit
from kommuneokonomi.formatting import iso_date, number, percent_suffix
from kommuneokonomi.i18n import t
from kommuneokonomi.queries import sammenlign as q
from kommuneokonomi.sources import SourceRef, source_line
from kommuneokonomi.state import ViewState
from kommuneokonomi.views.memo import cached_view
from kommuneokonomi.views.notes import one_line
from kommuneokonomi.views.regions import region_name, region_names
from kommuneokonomi.views.sammenlign import (
    AXIS,
    AXIS_YEAR,
    OTHERS,
    Setup,
    in_set,
    measure_name,
    names,
    none_chosen,
    params,
    preliminary_published,
    refs,
    set_details,
    set_values,
    setup,
    value_text,
)

MAX_PANELS = 12


def colours(comparison: q.Comparison, codes: tuple[str, ...]) -> dict[str, str]:
    """The chosen municipality in KOMMUNE, the others in SERIES colours, in set order."""
    others = [c for c in codes if c != comparison.kommune]
    palette = {c: theme.SERIES[i % len(theme.SERIES)] for i, c in enumerate(others)}
    return {comparison.kommune: theme.KOMMUNE, **palette}


def _hover(measure: q.Measure, indexed: bool) -> str:
    if indexed:
        return "%{y:.1f}"
    if measure.unit == "prosent":
        return "%{y:.1f}" + percent_suffix()
    if measure.unit == "kr":
        return "%{y:,.0f} kr"
    return "%{y:,.0f}" if measure.unit == "personer" else "%{y:.1f}"


def _axis_titles(s: Setup) -> tuple[str, str]:
    x_title = t(AXIS_YEAR[s.measure.family])
    if s.base_year:
        return x_title, t("sammenlign.axis.indeks", base=s.base_year)
    return x_title, t(AXIS[s.measure.unit])


def _trend_title(s: Setup, rows: pd.DataFrame, column: str, others_phrase: str) -> str:
    """What happened to the chosen municipality, and where the others ended up."""
    m = s.measure
    name = measure_name(m.code)
    if s.base_year:
        name = t("sammenlign.indexed_name", ind=name, base=s.base_year)

    def fmt(value: float) -> str:
        return number(value, 1) if s.base_year else value_text(m, value)

    kommune = region_name(s.kommune)
    rows = rows[rows[column].notna()]
    own = rows[rows["region_code"] == s.kommune].sort_values("year")
    if own.empty:
        return t("sammenlign.trend_missing", ind=name, kommune=kommune)
    start, end = own.iloc[0], own.iloc[-1]
    y1 = int(end["year"])
    if int(start["year"]) == y1:
        title = t("sammenlign.trend_one", ind=name, kommune=kommune, v1=fmt(end[column]), y1=y1)
    else:
        title = t(
            "sammenlign.trend_change",
            ind=name,
            kommune=kommune,
            v0=fmt(start[column]),
            y0=int(start["year"]),
            v1=fmt(end[column]),
            y1=y1,
        )
    others = rows[(rows["region_code"] != s.kommune) & (rows["year"] == y1)]
    if len(others) == 1:
        other = others.iloc[0]
        return title + t(
            "sammenlign.trend_other_one",
            name=region_name(other["region_code"]),
            value=fmt(other[column]),
        )
    if len(others) > 1:
        return title + t(
            "sammenlign.trend_others",
            others=others_phrase,
            lo=fmt(others[column].min()),
            hi=fmt(others[column].max()),
        )
    return title


def _others_phrase(s: Setup, capped: bool) -> str:
    if capped:
        return t("sammenlign.others.shown")
    return t(OTHERS[s.comparison.mot], **set_values(s.comparison))


def _series(s: Setup, codes: tuple[str, ...]) -> tuple[pd.DataFrame, str, tuple[str, ...]]:
    """Rows to plot, the column to plot ('value' or 'index') and the codes lacking a base."""
    rows = q.series(s.measure.code, codes)
    if not s.base_year:
        return rows, "value", ()
    out, lacking = q.indexed(rows, s.base_year)
    return out, "index", lacking


def _chart_notes(
    s: Setup, rows: pd.DataFrame, codes: tuple[str, ...], lacking: tuple[str, ...]
) -> list[str]:
    """No one chosen, missing series, municipalities without a base-year value, hollow points."""
    notes = none_chosen(s)
    missing = [c for c in codes if c not in set(rows["region_code"]) and c not in lacking]
    if missing:
        name = measure_name(s.measure.code)
        notes.append(t("sammenlign.note_missing_series", ind=name, names=names(missing)))
    if lacking:
        notes.append(t("sammenlign.note_lacking_base", base=s.base_year, names=names(lacking)))
    published = preliminary_published(rows)
    if published:
        notes.append(t("sammenlign.note_preliminary", published=iso_date(published)))
    if rows["estimated"].fillna(False).astype(bool).any():
        notes.append(t("befolkning.estimated_note"))
    if "computed" in rows and rows["computed"].fillna(False).astype(bool).any():
        computed = rows[rows["computed"].fillna(False).astype(bool)]
        years = f"{computed['year'].min()}–{computed['year'].max()}"
        notes.append(t("sammenlign.note_computed_series", years=years))
    return notes


def _hollow(rows: pd.DataFrame) -> pd.Series:
    return rows["estimated"].fillna(False).astype(bool) | (rows["vintage"] == "preliminary")


def _panel(s: Setup, code: str, rows: pd.DataFrame, column: str, colour: str) -> Panel:
    """One municipality's panel; other panels also get the chosen one as a dotted reference."""
    hover = _hover(s.measure, bool(s.base_year))
    own = rows[rows["region_code"] == code]
    chosen = rows[rows["region_code"] == s.kommune]
    name, kommune = region_name(code), region_name(s.kommune)
    panel_lines = []
    if code != s.kommune and len(chosen):
        panel_lines.append(
            Line(
                kommune,
                chosen["year"],
                chosen[column],
                theme.KOMMUNE,
                dash="dot",
                width=1.5,
                hover=hover,
                markers=False,
                legendgroup="kommune",
                showlegend=False,
            )
        )
    if len(own):
        hollow = _hollow(own)
        panel_lines.append(
            Line(
                name,
                own["year"],
                own[column],
                colour,
                hover=hover,
                width=2.5 if code == s.kommune else 2,
                estimated=hollow,
                # A peer's solid line is told from the chosen one's dotted line by its dash;
                # markers only where they say something (hollow: estimated or preliminary).
                # Markers on every panel's points were a fifth of the chart's drawing time.
                markers=code == s.kommune or bool(hollow.any()),
                legendgroup="kommune" if code == s.kommune else code,
                showlegend=False,
            )
        )
    return Panel(name, panel_lines, t("sammenlign.panel_missing"))


@cached_view()
def small(state: ViewState) -> Exhibit:
    """One small chart per municipality over time on a shared y axis (capped, nearest in size)."""
    s = setup(state)
    members = s.comparison.members
    codes = q.nearest_in_size(members, s.year, MAX_PANELS)
    capped = len(codes) < len(members)
    rows, column, lacking = _series(s, codes)
    palette = colours(s.comparison, codes)
    panels = [_panel(s, c, rows, column, palette[c]) for c in codes if c not in lacking]
    title = _trend_title(s, rows, column, _others_phrase(s, capped))
    period = f"{int(rows['year'].min())}–{int(rows['year'].max())}" if len(rows) else ""
    sources = refs(s, [s.measure])
    source = source_line(sources, period)
    line, details = [], []
    if capped:
        line.append(
            t(
                "sammenlign.note_capped",
                kommune=region_name(s.kommune),
                n=len(codes) - 1,
                set=in_set(s.comparison),
                total=len(members),
            )
        )
    if len(panels) > 1:
        details.append(t("sammenlign.note_reference", kommune=region_name(s.kommune)))
    details += set_details(s.comparison)
    line += _chart_notes(s, rows, codes, lacking)
    figure = None
    if len(rows) and panels:
        figure = _small_figure(s, panels, rows, title, source)
    data = _chart_data(s, rows, column)
    return Exhibit(
        id="sammenlign-smaa",
        title=title,
        data=data,
        columns=_chart_columns(s),
        sources=tuple(sources),
        source_text=source,
        period=period,
        figure=figure,
        notes=one_line(line),
        details=tuple(details),
        kommune_code=s.kommune,
        slug=f"sammenlign-{s.measure.code.lower()}",
        params=params(s),
    )


def _small_figure(
    s: Setup, panels: list[Panel], rows: pd.DataFrame, title: str, source: str
) -> go.Figure:
    """The small-multiples figure with house style, axis titles only where they help."""
    x_range = (rows["year"].min() - 0.5, rows["year"].max() + 0.5)
    fig = small_multiples(panels, x_range)
    x_title, y_title = _axis_titles(s)
    theme.style(
        fig,
        title=title,
        source=source,
        x_title=x_title,
        y_title=y_title,
        height=plot_height(len(panels)),
        legend=False,
    )
    keep = bottom_axes(len(panels))
    layout = fig.layout.to_plotly_json()  # edited as a dict and set once: cheaper than
    layout.pop("template", None)  # plotly's for_each_xaxis/update_yaxes calls
    for name, axis in layout.items():
        if name.startswith("xaxis") and name not in keep:
            axis["title"] = {}
        elif name.startswith("yaxis"):
            if not axis.get("showticklabels"):
                axis["title"] = {}
            axis.update(_unit_ticks(s))
    fig.layout = layout
    return fig


def _unit_ticks(s: Setup) -> dict[str, str]:
    """Tick labels with the measure's unit (none for an index)."""
    if s.base_year:
        return {}
    if s.measure.unit == "prosent":
        return {"ticksuffix": percent_suffix()}
    if s.measure.unit in ("personer", "kr"):
        return {"tickformat": ",d" if s.measure.unit == "personer" else ",.0f"}
    return {}


def _chart_columns(s: Setup) -> dict[str, str]:
    columns = {
        "region_code": "region_code",
        "kommune": "kommune",
        "indicator_code": "indicator_code",
        "year": "year",
        "value": "value",
        "estimated": "estimated",
        "vintage": "vintage",
        "status": "status",
        "published": "published",
    }
    if s.base_year:
        columns["index"] = f"index_{s.base_year}_100"
    return columns


def _chart_data(s: Setup, rows: pd.DataFrame, column: str) -> pd.DataFrame:
    data = rows.assign(
        kommune=region_names(rows["region_code"]),
        indicator_code=s.measure.code,
    )
    return data[list(_chart_columns(s))].reset_index(drop=True)


@cached_view()
def index_chart(state: ViewState) -> Exhibit:
    """Every municipality in the set on one chart, each indexed to 100 in the base year."""
    s = setup(state)
    members = s.comparison.members
    if s.base_year is None and s.measure.indexable:
        base = q.default_base_year(s.measure.code, members)
        s = replace(s, base_year=base)
    name = measure_name(s.measure.code)
    sources = refs(s, [s.measure])
    if not s.measure.indexable or s.base_year is None:
        return _no_index(s, sources, t("sammenlign.not_indexable", ind=name))
    rows, column, lacking = _series(s, members)
    if rows.empty:
        return _no_index(s, sources, t("sammenlign.index_none", ind=name, base=s.base_year))
    title = _trend_title(s, rows, column, _others_phrase(s, capped=False))
    period = f"{int(rows['year'].min())}–{int(rows['year'].max())}"
    source = source_line(sources, period)
    fig = lines(_index_lines(s, rows))
    fig.add_hline(y=100, line={"color": theme.OTHER, "width": 1})
    x_title, y_title = _axis_titles(s)
    theme.style(fig, title=title, source=source, x_title=x_title, y_title=y_title)
    fig.update_xaxes(tickformat="d")
    return Exhibit(
        id="sammenlign-indeks",
        title=title,
        data=_chart_data(s, rows, column),
        columns=_chart_columns(s),
        sources=tuple(sources),
        source_text=source,
        period=period,
        figure=fig,
        notes=one_line(_chart_notes(s, rows, members, lacking)),
        details=tuple(set_details(s.comparison)),
        kommune_code=s.kommune,
        slug=f"sammenlign-indeks-{s.measure.code.lower()}",
        params=params(s),
    )


def _index_lines(s: Setup, rows: pd.DataFrame) -> list[Line]:
    """Others first (in SERIES colours, or grey when more than SERIES has), the chosen on top."""
    hover = _hover(s.measure, True)
    codes = [c for c in s.comparison.members if c in set(rows["region_code"])]
    others = [c for c in codes if c != s.kommune]
    many = len(others) > len(theme.SERIES)
    palette = colours(s.comparison, tuple(codes))
    result = []
    for i, code in enumerate(others):
        part = rows[rows["region_code"] == code]
        label = region_name(code)
        if many:
            label = t("sammenlign.index_others", set=in_set(s.comparison))
        result.append(
            Line(
                label,
                part["year"],
                part["index"],
                theme.OTHER_LINE if many else palette[code],
                hover=hover,
                width=1.2 if many else 2,
                markers=not many,
                estimated=_hollow(part),
                legendgroup="others" if many else code,
                showlegend=not many or i == 0,
            )
        )
    own = rows[rows["region_code"] == s.kommune]
    if len(own):
        result.append(
            Line(
                region_name(s.kommune),
                own["year"],
                own["index"],
                theme.KOMMUNE,
                hover=hover,
                width=3,
                estimated=_hollow(own),
            )
        )
    return result


def _no_index(s: Setup, sources: list[SourceRef], text: str) -> Exhibit:
    """An index exhibit without a figure: its title says why, in words."""
    return Exhibit(
        id="sammenlign-indeks",
        title=text,
        data=pd.DataFrame(columns=list(_chart_columns(s))),
        columns=_chart_columns(s),
        sources=tuple(sources),
        source_text=source_line(sources),
        period="",
        kommune_code=s.kommune,
        slug="sammenlign-indeks",
        params=params(s),
    )


EXHIBITS = {"sammenlign-smaa": small, "sammenlign-indeks": index_chart}
