"""Netto driftsresultat exhibits: a municipality against its group, Landet and the TBU norm,
and one year across all municipalities (ranking, map, distribution).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from pandas.io.formats.style import Styler

from kommuneokonomi.charts import theme
from kommuneokonomi.charts.distribution import Dot, Reference, beeswarm
from kommuneokonomi.charts.lines import Line, lines
from kommuneokonomi.charts.maps import Area, Scale, choropleth, mercator_aspect
from kommuneokonomi.datasets import KOSTRA_LANDET, KOSTRA_LANDET_UTEN_OSLO
from kommuneokonomi.exhibit import Exhibit, in_its_language
from kommuneokonomi.formatting import iso_date, number, percent, percent_suffix, signed
from kommuneokonomi.i18n import bound, t, tn
from kommuneokonomi.indicators import NETTO_DRIFTSRESULTAT, TBU_NORM_KOMMUNE_PCT
from kommuneokonomi.queries import driftsresultat as ndr_queries
from kommuneokonomi.queries import kostra
from kommuneokonomi.queries.driftsresultat import Boundaries
from kommuneokonomi.queries.kommuner import fold
from kommuneokonomi.sources import SourceRef, origin_text, source_line
from kommuneokonomi.state import ViewState
from kommuneokonomi.views.memo import cached_view
from kommuneokonomi.views.regions import region_name

ROLE_COLOURS = {"kommune": theme.KOMMUNE, "kostragruppe": theme.KOSTRAGRUPPE}
LANDET_COLOURS = {KOSTRA_LANDET: theme.LANDET, KOSTRA_LANDET_UTEN_OSLO: theme.ESTIMATE}


def latest_year() -> int:
    """Newest year with municipal netto driftsresultat figures."""
    return max(kostra.years(NETTO_DRIFTSRESULTAT))


def norm_text() -> str:
    """The TBU norm as text: '1,75 %'."""
    return percent(TBU_NORM_KOMMUNE_PCT, 2)


def preliminary_notes(rows: pd.DataFrame) -> list[str]:
    """One note per year shown with preliminary figures."""
    prelim = rows[rows["vintage"] == "preliminary"]
    newest = latest_year()
    notes = []
    for year, group in prelim.groupby("year"):
        published = group["published"].dropna()
        when = iso_date(published.iloc[0]) if len(published) else "–"
        values = {"year": year, "published": when, "next_year": year + 1}
        notes.append(
            t("ndr.preliminary_note", **values)
            if year == newest
            else t("ndr.old_preliminary_note", **values)
        )
    return notes


@cached_view()
def trend(state: ViewState) -> Exhibit:
    """The municipality's netto driftsresultat over time with its group, Landet and the norm."""
    code = state.kommune
    year = state.aar or latest_year()
    regions = kostra.comparison_regions(code, year)
    rows = kostra.series(NETTO_DRIFTSRESULTAT, tuple(regions))
    series = []
    for region in regions:
        part = rows[rows["region_code"] == region]
        if part.empty:
            continue
        level = part["region_level"].iloc[0]
        color = LANDET_COLOURS.get(region) or ROLE_COLOURS[level]
        series.append(
            Line(
                region_name(region),
                part["year"],
                part["value"],
                color,
                hover="%{y:.1f} %",
                estimated=part["vintage"] == "preliminary",
                width=3 if region == code else 2,
                dash="dot" if region == KOSTRA_LANDET_UTEN_OSLO else "solid",
            )
        )
    own = rows[(rows["region_code"] == code) & rows["value"].notna()]
    name = region_name(code)
    if own.empty:
        title = t("ndr.trend_title_missing", kommune=name)
    else:
        last = own.sort_values("year").iloc[-1]
        values = {
            "kommune": name,
            "value": percent(last["value"]),
            "year": int(last["year"]),
            "norm": norm_text(),
        }
        if last["value"] >= TBU_NORM_KOMMUNE_PCT:
            title = t("ndr.trend_title_above", **values)
        else:
            title = t("ndr.trend_title_below", **values)
    period = f"{int(rows['year'].min())}–{int(rows['year'].max())}" if len(rows) else ""
    refs = [SourceRef.of("kostra")]
    source = source_line(refs, period)
    fig = lines(series, hline=(TBU_NORM_KOMMUNE_PCT, t("ndr.norm", norm=norm_text()), theme.NORM))
    notes = preliminary_notes(rows)
    group_rows = rows[rows["region_level"] == "kostragruppe"]
    if len(group_rows) and group_rows["year"].min() < kostra.GROUP_BREAK_YEAR:
        _mark_break(fig, kostra.GROUP_BREAK_YEAR, t("ndr.break_label"))
        notes.append(t("ndr.group_break_note"))
    renumbered = kostra.renumbering(rows, code)
    if renumbered:
        first, old_code = renumbered
        _mark_break(fig, first, t("ndr.renumber_label", code=code))
        notes.append(t("ndr.renumber_note", year=first, old=old_code, code=code))
    group = kostra.kostragruppe(code, year)
    if group:
        notes.append(t("ndr.group_year_note", year=group[1]))
    theme.style(
        fig,
        title=title,
        source=source,
        x_title=t("common.year"),
        y_title=t("ndr.axis_short"),
    )
    fig.update_yaxes(ticksuffix=percent_suffix())
    # Region names as the legend shows them ('Norway', not SSB's 'Landet', in English).
    data = rows.assign(
        indicator_code=NETTO_DRIFTSRESULTAT,
        region_name=rows["region_code"].map(region_name),
    )
    columns = {
        "region_code": "region_code",
        "region_name": "region",
        "year": "year",
        "value": "netto_driftsresultat_pct",
        "status": "status",
        "vintage": "vintage",
        "published": "published",
        "indicator_code": "indicator_code",
    }
    return Exhibit(
        id="ndr-trend",
        title=title,
        data=data[list(columns)].reset_index(drop=True),
        columns=columns,
        sources=tuple(refs),
        source_text=source,
        period=period,
        figure=fig if len(rows) else None,
        notes=tuple(notes),
        kommune_code=code,
        slug="netto-driftsresultat",
        params={"aar": str(year)},
    )


# --- One year across all municipalities: ranking, map and distribution --------------------

EQUAL_PP = 0.05  # differences below this are "level with" (figures have one decimal)
MAX_NAMES = 5  # municipalities named in a note before "and N more"


def _mark_break(fig: go.Figure, first_year: int, label: str) -> None:
    """A dotted line before the first year of a new series, labelled with what changed."""
    fig.add_vline(
        x=first_year - 0.5,
        line={"color": "#999", "dash": "dot"},
        annotation_text=label,
        annotation_font={"size": 10, "color": "#666"},
    )


def chosen_year(state: ViewState) -> int:
    """The state's year when municipalities have figures for it, else the newest such year."""
    years = kostra.years(NETTO_DRIFTSRESULTAT)
    return state.aar if state.aar in years else max(years)


def relation(value: float, other: float) -> str:
    """'over', 'under' or 'på nivå med' (and English), comparing figures with one decimal."""
    if abs(value - other) < EQUAL_PP:
        return t("ndr.rel_equal")
    return t("ndr.rel_above") if value > other else t("ndr.rel_below")


def vintage_label(vintage: str | None) -> str:
    """'foreløpig', 'årgang ukjent' or '' (final or no row), for tables and hover texts."""
    if vintage == "preliminary":
        return t("common.preliminary")
    if vintage == "unknown":
        return t("common.vintage_unknown")
    return ""


def _names(names: list[str]) -> str:
    shown = ", ".join(names[:MAX_NAMES])
    rest = len(names) - MAX_NAMES
    return shown if rest <= 0 else t("ndr.names_more", names=shown, n=rest)


def year_notes(
    frame: pd.DataFrame, year: int, *, hollow: bool = False, missing: bool = True
) -> list[str]:
    """Notes on the year's figures: how many are preliminary (drawn hollow when `hollow`),
    whose vintage is unknown, and (when `missing`) how many municipalities have no figure.
    """
    known = frame[frame["has_value"]]
    notes = []
    prelim = known[known["vintage"] == "preliminary"]
    if len(prelim):
        published = prelim["published"].dropna()
        when = iso_date(published.iloc[0]) if len(published) else "–"
        values = {
            "n": len(prelim),
            "total": len(known),
            "year": year,
            "published": when,
            "next_year": year + 1,
        }
        if year == latest_year():
            text = t("ndr.year_preliminary_note", **values)
        else:
            text = t("ndr.year_old_prelim_note", **values)
        notes.append(t("ndr.hollow_prefix") + text if hollow else text)
    unknown = known.loc[known["vintage"] == "unknown", "region_name"].tolist()
    if unknown:
        notes.append(t("ndr.vintage_unknown_note", names=_names(unknown)))
    absent = int((~frame["has_value"]).sum())
    if missing and absent:
        origin = origin_text(SourceRef.of("kostra").origin)
        notes.append(
            tn("ndr.missing_count_note", absent, total=len(frame), year=year, origin=origin)
        )
    return notes


def _hover(row: pd.Series, count: int) -> str:
    """'<b>Bergen</b> (Vestland)<br>1,0 % · nr. 23 av 45<br>0,75 pp under TBU-normen'."""
    head = f"<b>{row['region_name']}</b>" + (
        f" ({row['county_name']})" if row["county_name"] else ""
    )
    if not row["has_value"]:
        return f"{head}<br>{t('ndr.hover_missing', year=int(row['year']))}"
    label = vintage_label(row["vintage"])
    value = percent(row["value"]) + (f" ({label})" if label else "")
    rank = t("ndr.hover_rank", rank=int(row["rank"]), n=count)
    gap = t(
        "ndr.hover_gap",
        gap=number(abs(row["gap_pp"]), 2),
        rel=relation(row["value"], TBU_NORM_KOMMUNE_PCT),
    )
    return f"{head}<br>{value} · {rank}<br>{gap}"


def _exhibit(
    exhibit_id: str, slug: str, state: ViewState, year: int, refs: list[SourceRef], **fields
) -> Exhibit:
    """An exhibit for one year of netto driftsresultat, with its source line."""
    return Exhibit(
        id=exhibit_id,
        sources=tuple(refs),
        source_text=source_line(refs, str(year)),
        period=str(year),
        kommune_code=state.kommune,
        slug=slug,
        params={"aar": str(year)},
        **fields,
    )


RANKING_EXPORT = {
    "rank": "rank",
    "region_code": "kommune_code",
    "region_name": "kommune",
    "county_name": "county",
    "year": "year",
    "value": "netto_driftsresultat_pct",
    "gap_pp": "gap_to_tbu_norm_pp",
    "vintage": "vintage",
    "status": "status",
    "published": "published",
    "indicator_code": "indicator_code",
}


def ranking_title(state: ViewState, year: int) -> str:
    """'Bergen er nr. 23 av 45 kommuner med tall for 2025 (1,0 %)', or who is on top when the
    chosen municipality has no figure.
    """
    frame = ndr_queries.ranking(year)
    pos = ndr_queries.position(state.kommune, year)
    name = region_name(state.kommune)
    if pos.count == 0:
        return t("ndr.rank_title_none", year=year)
    if pos.value is not None:
        if pos.count == 1:
            return t("ndr.rank_title_only", kommune=name, year=year)
        values = {"kommune": name, "rank": pos.rank, "n": pos.count, "year": year}
        if pos.tied:
            return t("ndr.rank_title_tied", **values, value=percent(pos.value))
        return t("ndr.rank_title", **values, value=percent(pos.value))
    top = frame.iloc[0]
    if pos.count == 1:
        return t("ndr.rank_title_only", kommune=top["region_name"], year=year)
    return t(
        "ndr.rank_title_top",
        top=top["region_name"],
        n=pos.count,
        year=year,
        value=percent(top["value"]),
    )


def ranking(state: ViewState) -> Exhibit:
    """All municipalities for the year, ranked by netto driftsresultat; missing ones last."""
    year = chosen_year(state)
    frame = ndr_queries.ranking(year)
    data = frame.assign(indicator_code=NETTO_DRIFTSRESULTAT)[list(RANKING_EXPORT)]
    return _exhibit(
        "ndr-rangering",
        "netto-driftsresultat-rangering",
        state,
        year,
        [SourceRef.of("kostra")],
        title=ranking_title(state, year),
        data=data.reset_index(drop=True),
        columns=RANKING_EXPORT,
        notes=tuple(year_notes(frame, year)),
    )


@in_its_language
def ranking_table(exhibit: Exhibit, search: str = "", with_missing: bool = False) -> Styler:
    """The ranking as a table for the page: the chosen municipality pinned on top and shaded,
    filtered by `search` (name, number or county), numbers in the reader's format.
    """
    chosen = exhibit.kommune_code
    rows = exhibit.data
    if not with_missing:
        rows = rows[rows["value"].notna() | (rows["region_code"] == chosen)]
    query = fold(search)
    if query:
        haystack = rows["region_name"].map(fold) + " " + rows["region_code"] + " "
        haystack += rows["county_name"].fillna("").map(fold)
        rows = rows[haystack.str.contains(query, regex=False)]
    pinned = rows["region_code"] == chosen
    rows = pd.concat([rows[pinned], rows[~pinned]])
    shown = pd.DataFrame(
        {
            t("ndr.col_rank"): rows["rank"],
            t("common.kommune"): rows["region_name"],
            t("common.county"): rows["county_name"],
            t("ndr.col_value"): rows["value"],
            t("ndr.col_gap"): rows["gap_pp"],
            t("ndr.col_status"): [
                vintage_label(v) if pd.notna(x) else t("common.missing")
                for v, x in zip(rows["vintage"], rows["value"], strict=True)
            ],
        }
    ).reset_index(drop=True)
    shade = f"background-color: {theme.tint(theme.KOMMUNE, 0.16)}; font-weight: 600"
    marks = [shade if c == chosen else "" for c in rows["region_code"]]
    value_col, gap_col = t("ndr.col_value"), t("ndr.col_gap")
    rank_col = t("ndr.col_rank")
    return (
        shown.style.apply(lambda _: marks, axis=0)
        .format(
            {
                value_col: bound(lambda v: percent(v, missing="")),
                gap_col: bound(lambda v: signed(v, 2) if pd.notna(v) else ""),
            }
        )
        .format(na_rep="", subset=[rank_col])
    )


MAP_WIDTH = {False: 560, True: 350}  # the map's usual width in px: half page, or a phone
MAP_HEIGHT = (300, 720)  # px, lowest and highest


@cached_view()
def kart(state: ViewState) -> Exhibit:
    """A map of all municipalities coloured by distance to the TBU norm (diverging scale);
    municipalities without a figure in grey, the chosen one outlined.
    """
    year = chosen_year(state)
    frame = ndr_queries.ranking(year)
    bounds = ndr_queries.boundaries()
    count = int(frame["has_value"].sum())
    on_map = frame[frame["region_code"].isin(bounds.label_points.keys())]
    areas = [
        Area(r["region_code"], _hover(r, count), r["value"] if r["has_value"] else None)
        for _, r in on_map.iterrows()
    ]
    known = frame[frame["has_value"]]
    gaps = known["gap_pp"].abs()
    half = float(max(1.0, math.ceil(gaps.max()))) if len(gaps) else 1.0
    scale = Scale(
        TBU_NORM_KOMMUNE_PCT,
        half,
        t("ndr.map_scale"),
        t("ndr.map_norm_tick", norm=number(TBU_NORM_KOMMUNE_PCT, 2)),
        lambda v: number(v),
    )
    chosen = next((a for a in areas if a.code == state.kommune), None)
    name = region_name(state.kommune)
    missing_name = t("ndr.map_missing", n=len(areas) - sum(a.value is not None for a in areas))
    extent = _map_extent(bounds, [*known["region_code"], state.kommune])
    fig = choropleth(
        bounds.geojson,
        areas,
        scale,
        missing_name=missing_name,
        chosen=chosen,
        chosen_name=name,
        label_point=bounds.label_points.get(state.kommune),
        extent=extent,
    )
    title = _map_title(known, year)
    notes = year_notes(frame, year, missing=False)  # the legend counts the missing
    off_map = known[~known["region_code"].isin(bounds.label_points.keys())]
    if len(off_map):
        # NOTE: figures for years before the 2020/2024 reforms can carry old municipality
        # numbers that have no outline in the 2024 boundaries.
        notes.append(t("ndr.map_off_note", names=_names(off_map["region_name"].tolist())))
    refs = [SourceRef.of("kostra"), SourceRef.of("kommunegrenser")]
    source = source_line(refs, str(year))
    width = MAP_WIDTH[theme.COMPACT.get()]
    height = width * mercator_aspect(extent) if extent else MAP_HEIGHT[1]
    theme.style(
        fig,
        title=title,
        source=source,
        height=int(min(max(height, MAP_HEIGHT[0]), MAP_HEIGHT[1])),
    )
    data = on_map[["region_code", "region_name", "year", "value", "gap_pp", "vintage", "status"]]
    columns = {
        "region_code": "kommune_code",
        "region_name": "kommune",
        "year": "year",
        "value": "netto_driftsresultat_pct",
        "gap_pp": "gap_to_tbu_norm_pp",
        "vintage": "vintage",
        "status": "status",
    }
    return _exhibit(
        "ndr-kart",
        "netto-driftsresultat-kart",
        state,
        year,
        refs,
        title=title,
        data=data.reset_index(drop=True),
        columns=columns,
        figure=fig,
        notes=tuple(notes),
    )


MIN_EXTENT = (6.0, 2.5)  # degrees of longitude and latitude shown at least, for context
EXTENT_PAD = 0.3  # degrees around the municipalities in view


def _map_extent(bounds: Boundaries, codes: list[str]) -> tuple[float, float, float, float] | None:
    """The view of the map: the municipalities with figures and the chosen one, padded, and
    at least MIN_EXTENT wide, so that partial data (e.g. only Vestland) fills the map.
    """
    box = bounds.extent(codes)
    if box is None:
        return None
    (x0, y0, x1, y1), (min_x, min_y) = box, MIN_EXTENT
    half_x = max(x1 - x0, min_x) / 2 + EXTENT_PAD
    half_y = max(y1 - y0, min_y) / 2 + EXTENT_PAD
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return cx - half_x, cy - half_y, cx + half_x, cy + half_y


def _map_title(known: pd.DataFrame, year: int) -> str:
    if known.empty:
        return t("ndr.rank_title_none", year=year)
    above = int((known["value"] > TBU_NORM_KOMMUNE_PCT).sum())
    return t("ndr.map_title", above=above, n=len(known), year=year)


@cached_view()
def fordeling(state: ViewState) -> Exhibit:
    """One dot per municipality with a figure, with Landet and the TBU norm marked and the
    chosen municipality highlighted.
    """
    year = chosen_year(state)
    frame = ndr_queries.ranking(year)
    known = frame[frame["has_value"]].reset_index(drop=True)
    count = len(known)
    dots = [
        Dot(r["value"], _hover(r, count), r["vintage"] == "preliminary")
        for _, r in known.iterrows()
    ]
    landet = ndr_queries.landet(year)
    references = [
        Reference(TBU_NORM_KOMMUNE_PCT, t("ndr.norm", norm=norm_text()), theme.NORM, "dash")
    ]
    if landet is not None:
        references.append(
            Reference(
                landet["value"],
                t("ndr.landet_label", value=percent(landet["value"])),
                theme.LANDET,
            )
        )
    hits = known.index[known["region_code"] == state.kommune]
    chosen = int(hits[0]) if len(hits) else None
    name = region_name(state.kommune)
    label = f"{name} {percent(known.loc[chosen, 'value'])}" if chosen is not None else ""
    fig = beeswarm(
        dots,
        references,
        name=t("ndr.dist_dots", n=count),
        chosen=chosen,
        chosen_name=name,
        chosen_label=label,
        value_suffix=percent_suffix(),
    )
    title = _distribution_title(state, known, landet, year)
    notes = year_notes(frame, year, hollow=True)
    if landet is None:
        notes.append(t("ndr.landet_missing_note", year=year))
    refs = [SourceRef.of("kostra")]
    axis = t("ndr.axis_short") if theme.COMPACT.get() else t("ndr.axis")
    theme.style(
        fig,
        title=title,
        source=source_line(refs, str(year)),
        x_title=axis,
        height=300 if count > 1 else 200,
    )
    rows = known.assign(kind="kommune")
    extra = [
        {
            "region_code": None,
            "region_name": t("ndr.norm_name"),
            "year": year,
            "value": TBU_NORM_KOMMUNE_PCT,
            "kind": "norm",
        }
    ]
    if landet is not None:
        extra.insert(
            0,
            {
                "region_code": KOSTRA_LANDET,
                "region_name": region_name(KOSTRA_LANDET),
                "year": year,
                "value": landet["value"],
                "kind": "landet",
                "vintage": landet["vintage"],
                "published": landet["published"],
            },
        )
    data = pd.concat([rows, pd.DataFrame(extra)], ignore_index=True)
    columns = {
        "kind": "kind",
        "region_code": "region_code",
        "region_name": "region",
        "year": "year",
        "value": "netto_driftsresultat_pct",
        "rank": "rank",
        "vintage": "vintage",
        "published": "published",
    }
    return _exhibit(
        "ndr-fordeling",
        "netto-driftsresultat-fordeling",
        state,
        year,
        refs,
        title=title,
        data=data[list(columns)],
        columns=columns,
        figure=fig if count else None,
        notes=tuple(notes),
    )


def _distribution_title(
    state: ViewState, known: pd.DataFrame, landet: pd.Series | None, year: int
) -> str:
    if known.empty:
        return t("ndr.rank_title_none", year=year)
    hit = known[known["region_code"] == state.kommune]
    if hit.empty:
        median = float(known["value"].median())
        return t(
            "ndr.dist_title_median",
            n=len(known),
            median=percent(median),
            year=year,
            rel=relation(median, TBU_NORM_KOMMUNE_PCT),
            norm=norm_text(),
        )
    value = float(hit["value"].iloc[0])
    values = {
        "kommune": region_name(state.kommune),
        "value": percent(value),
        "year": year,
        "norm": norm_text(),
        "rel_norm": relation(value, TBU_NORM_KOMMUNE_PCT),
    }
    if landet is None:
        return t("ndr.dist_title_no_landet", **values)
    return t(
        "ndr.dist_title",
        **values,
        landet=percent(landet["value"]),
        rel_landet=relation(value, landet["value"]),
    )


# --- Key figures, missing-data notice and the gap to the norm, for the page ---------------


@dataclass(frozen=True)
class Card:
    """One key figure for st.metric: label, value, optional delta with its arrow, a muted note
    (e.g. 'foreløpig') and a help text.
    """

    label: str
    value: str
    delta: str | None = None
    arrow: str = "off"
    note: str | None = None
    help: str | None = None


def cards(state: ViewState) -> list[Card]:
    """The chosen municipality's figure against the norm, its rank, Landet and the norm."""
    year = chosen_year(state)
    pos = ndr_queries.position(state.kommune, year)
    name = region_name(state.kommune)
    own_label = t("ndr.card_value", kommune=name, year=year)
    rank_label = t("ndr.card_rank", year=year)
    rank_help = t("ndr.card_rank_help", year=year)
    if pos.value is None:
        own = Card(own_label, t("ndr.card_missing"), help=t("ndr.card_value_help"))
        rank = Card(rank_label, "–", help=rank_help)
    else:
        gap = pos.value - TBU_NORM_KOMMUNE_PCT
        delta = t(
            "ndr.card_gap",
            gap=number(abs(gap), 2),
            rel=relation(pos.value, TBU_NORM_KOMMUNE_PCT),
        )
        arrow = "off" if abs(gap) < EQUAL_PP else "up" if gap > 0 else "down"
        own = Card(
            own_label,
            percent(pos.value),
            delta,
            arrow,
            vintage_label(pos.vintage) or None,
            t("ndr.card_value_help"),
        )
        if pos.tied:
            rank_text = t("ndr.card_rank_tied", rank=pos.rank, n=pos.count)
        else:
            rank_text = t("ndr.card_rank_value", rank=pos.rank, n=pos.count)
        rank = Card(rank_label, rank_text, help=rank_help)
    landet = ndr_queries.landet(year)
    landet_card = Card(
        t("ndr.card_landet", year=year),
        percent(landet["value"]) if landet is not None else t("ndr.card_missing"),
        note=vintage_label(landet["vintage"]) or None if landet is not None else None,
        help=t("ndr.card_landet_help"),
    )
    norm = Card(t("ndr.card_norm"), norm_text(), help=t("ndr.card_norm_help"))
    return [own, rank, landet_card, norm]


def missing_count(exhibit: Exhibit) -> int:
    """How many municipalities in a one-year exhibit have no figure."""
    return int(exhibit.data["value"].isna().sum())


def missing_notice(state: ViewState) -> str | None:
    """Plain words when the chosen municipality has no figure for the year: how many do, and
    which other years have one. None when the figure exists.
    """
    year = chosen_year(state)
    pos = ndr_queries.position(state.kommune, year)
    if pos.value is not None:
        return None
    name = region_name(state.kommune)
    origin = origin_text(SourceRef.of("kostra").origin)
    text = t(
        "ndr.missing_kommune",
        kommune=name,
        year=year,
        n=pos.count,
        total=len(ndr_queries.ranking(year)),
        origin=origin,
    )
    others = [y for y in ndr_queries.years_with_figures(state.kommune) if y != year]
    if others:
        text += " " + t(
            "ndr.missing_other_years", kommune=name, years=", ".join(str(y) for y in others)
        )
    return text


def norm_gap(state: ViewState) -> list[str]:
    """Sentences on the distance to the TBU norm: in percentage points when the figure exists,
    and why it cannot be given in kroner (no gross operating revenue in kroner in the data).
    """
    year = chosen_year(state)
    pos = ndr_queries.position(state.kommune, year)
    out = []
    if pos.value is not None:
        out.append(
            t(
                "ndr.gap_pp",
                kommune=region_name(state.kommune),
                year=year,
                gap=number(abs(pos.value - TBU_NORM_KOMMUNE_PCT), 2),
                rel=relation(pos.value, TBU_NORM_KOMMUNE_PCT),
            )
        )
    # NOTE: 12134 gives the key figures as percentages only; the kroner amount needs gross
    # operating revenue in kroner (another SSB table), which the app does not load yet.
    out.append(t("ndr.gap_kr_unavailable"))
    return out


EXHIBITS = {
    "ndr-trend": trend,
    "ndr-rangering": ranking,
    "ndr-kart": kart,
    "ndr-fordeling": fordeling,
}
