"""Netto driftsresultat for one year across all municipalities: the ranking (with the gap to
the TBU norm in kroner), the map and the distribution, with the chosen municipality marked.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
from pandas.io.formats.style import Styler

from kommuneokonomi.charts import theme
from kommuneokonomi.charts.distribution import Dot, Reference, beeswarm
from kommuneokonomi.charts.maps import Area, Scale, choropleth, mercator_aspect
from kommuneokonomi.datasets import KOSTRA_LANDET
from kommuneokonomi.exhibit import Exhibit
from kommuneokonomi.formatting import number, percent, percent_suffix, signed
from kommuneokonomi.i18n import N_, t
from kommuneokonomi.indicators import NETTO_DRIFTSRESULTAT, TBU_NORM_KOMMUNE_PCT
from kommuneokonomi.queries import driftsresultat as ndr_queries
from kommuneokonomi.queries.driftsresultat import Boundaries
from kommuneokonomi.sources import SourceRef, source_line
from kommuneokonomi.state import ViewState
from kommuneokonomi.views.driftsresultat import (
    chosen_year,
    mill_kr,
    norm_text,
    relation,
    vintage_label,
)
from kommuneokonomi.views.memo import cached_view
from kommuneokonomi.views.notes import data_note
from kommuneokonomi.views.regions import region_name
from kommuneokonomi.views.tabeller import pinned_and_found

MAX_NAMES = 5  # municipalities named in a note before "and N more"
SCALE_QUANTILE = 0.95  # the map's colours span 95 % of the distances to the norm; the rest
# (a few municipalities with extreme results) take the end colours, so the rest stay readable


def _names(
    names: list[str],
) -> str:
    shown = ", ".join(names[:MAX_NAMES])
    rest = len(names) - MAX_NAMES
    return shown if rest <= 0 else t("ndr.names_more", names=shown, n=rest)


def year_note(frame: pd.DataFrame, year: int, *, hollow: bool = False) -> str | None:
    """The one line under a one-year exhibit: what is computed or preliminary, and how many
    municipalities have no figure."""
    known = frame[frame["has_value"]]
    return data_note(known, hollow=hollow, missing=int((~frame["has_value"]).sum()), year=year)


def _hover(
    row: pd.Series,
    count: int,
) -> str:
    """'<b>Bergen</b> (Vestland)<br>1,0 % · nr. 23 av 357<br>0,75 pp under TBU-normen<br>…'."""
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
    text = f"{head}<br>{value} · {rank}<br>{gap}"
    if pd.notna(row["gap_1000kr"]):
        key = N_("ndr.hover_needed") if row["gap_1000kr"] > 0 else N_("ndr.hover_margin")
        text += "<br>" + t(key, amount=mill_kr(abs(row["gap_1000kr"]) / 1000))
    return text


@cached_view(maxsize=16)
def hover_texts(year: int) -> dict[str, str]:
    """Every municipality's hover text for a year (map and distribution): the same whoever is
    chosen, so built once per year and language."""
    frame = ndr_queries.ranking(year)
    count = int(frame["has_value"].sum())
    return {row["region_code"]: _hover(row, count) for _, row in frame.iterrows()}


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
    "gap_1000kr": "needed_to_reach_norm_1000_kr",
    "gap_per_innbygger": "needed_to_reach_norm_kr_per_innbygger",
    "vintage": "vintage",
    "status": "status",
    "published": "published",
    "computed": "computed",
    "indicator_code": "indicator_code",
}


def ranking_title(state: ViewState, year: int) -> str:
    """'Bergen er nr. 23 av 357 kommuner med tall for 2025 (1,0 %)', or who is on top when the
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
        key = N_("ndr.rank_title_tied") if pos.tied else N_("ndr.rank_title")
        return t(
            key,
            kommune=name,
            rank=pos.rank,
            n=pos.count,
            year=year,
            value=percent(pos.value),
        )
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


@cached_view()
def ranking(state: ViewState) -> Exhibit:
    """All municipalities for the year, ranked by netto driftsresultat, with the gap to the
    norm in kroner; missing ones last."""
    year = chosen_year(state)
    note = year_note(ndr_queries.ranking(year), year)
    return _exhibit(
        "ndr-rangering",
        "netto-driftsresultat-rangering",
        state,
        year,
        [SourceRef.of("kostra")],
        title=ranking_title(state, year),
        data=ranking_rows(year),
        columns=RANKING_EXPORT,
        notes=(note,) if note else (),
        details=(t("ndr.normgap_detail", norm=norm_text()),),
    )


@cached_view()
def ranking_rows(year: int) -> pd.DataFrame:
    """The year's ranking as the exhibit exports it: every municipality, best first."""
    frame = ndr_queries.ranking(year)
    return frame.assign(indicator_code=NETTO_DRIFTSRESULTAT)[list(RANKING_EXPORT)].reset_index(
        drop=True
    )


@dataclass(frozen=True)
class RankingTable:
    """The ranking laid out for the screen, every row: headed columns (numbers stay numbers,
    so sorting a column stays numeric; the note column only where a row has a note) and each
    number column's display text by value."""

    shown: pd.DataFrame
    texts: dict[str, dict[float, str]]
    rank_column: str


@cached_view()
def ranking_layout(year: int) -> RankingTable:
    """`RankingTable` of the year's ranking, built and formatted once per year and language
    and shared by every municipality's view (formatting 357 rows took ~30 ms a rerun)."""
    data = ranking_rows(year)
    value_col, needed_col = t("ndr.col_value"), t("ndr.col_needed")
    per_head_col, rank_col = t("ndr.col_needed_per_head"), t("ndr.col_rank")
    shown = pd.DataFrame(
        {
            rank_col: data["rank"],
            t("common.kommune"): data["region_name"],
            t("common.county"): data["county_name"],
            value_col: data["value"],
            needed_col: data["gap_1000kr"] / 1000,
            per_head_col: data["gap_per_innbygger"],
        }
    )
    notes = [
        vintage_label(v) if pd.notna(x) else t("common.missing")
        for v, x in zip(data["vintage"], data["value"], strict=True)
    ]
    if any(notes):  # a column left empty (final figures for all) is not shown
        shown[t("ndr.col_status")] = notes
    formats = {
        value_col: lambda v: percent(v, missing=""),
        needed_col: lambda v: signed(v, 1),
        per_head_col: lambda v: signed(v, 0),
    }
    texts = {
        column: {v: text(v) for v in shown[column].dropna().unique()}
        for column, text in formats.items()
    }
    return RankingTable(shown, texts, rank_col)


def ranking_table(state: ViewState, search: str = "", with_missing: bool = False) -> Styler:
    """The ranking as a table for the page: the chosen municipality pinned on top and shaded,
    filtered by `search` (name, number or county), numbers in the reader's format.
    """
    year = chosen_year(state)
    layout = ranking_layout(year)
    chosen = state.kommune
    data = ranking_rows(year)
    keep = None if with_missing else data["value"].notna()
    rows = pinned_and_found(data, chosen, search, keep=keep)
    shown = layout.shown.loc[rows.index].reset_index(drop=True)  # both indexed as ranking_rows
    styler = shown.style.format(
        {column: (lambda v, m=texts: m.get(v, "")) for column, texts in layout.texts.items()}
    ).format(na_rep="", subset=[layout.rank_column])
    if len(rows) and rows["region_code"].iloc[0] == chosen:
        shade = {"background-color": theme.tint(theme.KOMMUNE, 0.16), "font-weight": "600"}
        styler = styler.set_properties(subset=pd.IndexSlice[[0], :], **shade)
    return styler


MAP_WIDTH = {False: 560, True: 350}  # the map's usual width in px: half page, or a phone
MAP_HEIGHT = (300, 720)  # px, lowest and highest
COUNTRY_HEIGHT = {False: 720, True: 520}  # px of a map of the whole country, wide or phone


def map_half_range(distances: pd.Series) -> float:
    """Half the width of the map's colour scale around the norm, in percentage points: whole
    points that cover SCALE_QUANTILE of the distances, at least 1."""
    if distances.empty:
        return 1.0
    return float(max(1.0, math.ceil(distances.abs().quantile(SCALE_QUANTILE))))


@cached_view()
def kart(state: ViewState) -> Exhibit:
    """A map of all municipalities coloured by distance to the TBU norm (diverging scale);
    municipalities without a figure in grey, the chosen one outlined.
    """
    year = chosen_year(state)
    frame = ndr_queries.ranking(year)
    bounds = ndr_queries.boundaries()
    on_map = frame[frame["region_code"].isin(bounds.label_points.keys())]
    hovers = hover_texts(year)
    areas = [
        Area(code, hovers[code], value if has else None)
        for code, value, has in zip(
            on_map["region_code"], on_map["value"], on_map["has_value"], strict=True
        )
    ]
    known = frame[frame["has_value"]]
    scale = Scale(
        TBU_NORM_KOMMUNE_PCT,
        map_half_range(known["gap_pp"]),
        t("ndr.map_scale"),
        t("ndr.map_norm_tick", norm=number(TBU_NORM_KOMMUNE_PCT, 2)),
        lambda v: number(v),
    )
    chosen = next((a for a in areas if a.code == state.kommune), None)
    name = region_name(state.kommune)
    missing_name = t("ndr.map_missing", n=len(areas) - sum(a.value is not None for a in areas))
    extent = map_extent(bounds, [*known["region_code"], state.kommune])
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
    details = [t("ndr.map_scale_detail", pp=number(scale.half_range))]
    off_map = known[~known["region_code"].isin(bounds.label_points.keys())]
    if len(off_map):
        # NOTE: figures for years before the 2020/2024 reforms can carry old municipality
        # numbers that have no outline in the 2024 boundaries.
        details.append(t("ndr.map_off_note", names=_names(off_map["region_name"].tolist())))
    refs = [SourceRef.of("kostra"), SourceRef.of("kommunegrenser")]
    source = source_line(refs, str(year))
    width = MAP_WIDTH[theme.COMPACT.get()]
    height = width * mercator_aspect(extent) if extent else COUNTRY_HEIGHT[theme.COMPACT.get()]
    theme.style(
        fig,
        title=title,
        source=source,
        height=int(min(max(height, MAP_HEIGHT[0]), MAP_HEIGHT[1])),
    )
    data = on_map[
        [
            "region_code",
            "region_name",
            "year",
            "value",
            "gap_pp",
            "gap_1000kr",
            "vintage",
            "status",
            "computed",
        ]
    ]
    columns = {
        "region_code": "kommune_code",
        "region_name": "kommune",
        "year": "year",
        "value": "netto_driftsresultat_pct",
        "gap_pp": "gap_to_tbu_norm_pp",
        "gap_1000kr": "needed_to_reach_norm_1000_kr",
        "vintage": "vintage",
        "status": "status",
        "computed": "computed",
    }
    note = data_note(known, hollow=False)  # the legend counts the missing
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
        notes=(note,) if note else (),
        details=tuple(details),
    )


MIN_EXTENT = (6.0, 2.5)  # degrees of longitude and latitude shown at least, for context
EXTENT_PAD = 0.3  # degrees around the municipalities in view
WHOLE_COUNTRY = 0.5  # share of municipalities with figures from which the map shows them all


def map_extent(bounds: Boundaries, codes: list[str]) -> tuple[float, float, float, float] | None:
    """The view of the map: the municipalities with figures and the chosen one, padded, and
    at least MIN_EXTENT wide, so that partial data (e.g. only Vestland) fills the map.

    None (the whole country, fitted by plotly.js) when most municipalities have figures: a
    box as tall as Norway is wider than the map's frame allows, and plotly.js then cut off
    the north of Finnmark.
    """
    if len(set(codes) & bounds.boxes.keys()) >= WHOLE_COUNTRY * len(bounds.boxes):
        return None
    box = bounds.extent(codes)
    if box is None:
        return None
    (x0, y0, x1, y1), (min_x, min_y) = box, MIN_EXTENT
    half_x = max(x1 - x0, min_x) / 2 + EXTENT_PAD
    half_y = max(y1 - y0, min_y) / 2 + EXTENT_PAD
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return cx - half_x, cy - half_y, cx + half_x, cy + half_y


def _map_title(
    known: pd.DataFrame,
    year: int,
) -> str:
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
    hovers = hover_texts(year)
    dots = [
        Dot(value, hovers[code], vintage == "preliminary")
        for code, value, vintage in zip(
            known["region_code"], known["value"], known["vintage"], strict=True
        )
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
    note = year_note(frame, year, hollow=True)
    details = [] if landet is not None else [t("ndr.landet_missing_note", year=year)]
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
                "computed": landet["computed"],
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
        "computed": "computed",
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
        notes=(note,) if note else (),
        details=tuple(details),
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


EXHIBITS = {
    "ndr-rangering": ranking,
    "ndr-kart": kart,
    "ndr-fordeling": fordeling,
}
