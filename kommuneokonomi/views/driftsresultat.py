"""Netto driftsresultat of one municipality: its trend against its group, Landet and the TBU
norm, the gap to the norm in kroner, and the key figures and sentences of the page.

One year across all municipalities (ranking, map, distribution) is in views.landsoversikt.
"""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go

from kommuneokonomi.charts import theme
from kommuneokonomi.charts.bars import year_bars
from kommuneokonomi.charts.lines import Line, lines
from kommuneokonomi.datasets import KOSTRA_LANDET, KOSTRA_LANDET_UTEN_OSLO
from kommuneokonomi.exhibit import Exhibit
from kommuneokonomi.formatting import number, percent, percent_suffix, signed
from kommuneokonomi.i18n import N_, t
from kommuneokonomi.indicators import NETTO_DRIFTSRESULTAT, TBU_NORM_KOMMUNE_PCT
from kommuneokonomi.queries import driftsresultat as ndr_queries
from kommuneokonomi.queries import kostra
from kommuneokonomi.queries.driftsresultat import NormGap
from kommuneokonomi.queries.kommuner import split_from
from kommuneokonomi.sources import SourceRef, source_line
from kommuneokonomi.state import ViewState
from kommuneokonomi.views.memo import cached_view
from kommuneokonomi.views.notes import data_note
from kommuneokonomi.views.regions import region_name, region_names

ROLE_COLOURS = {"kommune": theme.KOMMUNE, "kostragruppe": theme.KOSTRAGRUPPE}
LANDET_COLOURS = {KOSTRA_LANDET: theme.LANDET, KOSTRA_LANDET_UTEN_OSLO: theme.ESTIMATE}
EQUAL_PP = 0.05  # differences below this are "level with" (figures have one decimal)


def latest_year() -> int:
    """Newest year with municipal netto driftsresultat figures."""
    return max(kostra.years(NETTO_DRIFTSRESULTAT))


def norm_text() -> str:
    """The TBU norm as text: '1,75 %'."""
    return percent(TBU_NORM_KOMMUNE_PCT, 2)


def chosen_year(state: ViewState) -> int:
    """The state's year when municipalities have figures for it, else the newest such year."""
    years = kostra.years(NETTO_DRIFTSRESULTAT)
    return state.aar if state.aar in years else max(years)


def relation(
    value: float,
    other: float,
) -> str:
    """'over', 'under' or 'på nivå med' (and English), comparing figures with one decimal."""
    if abs(value - other) < EQUAL_PP:
        return t("ndr.rel_equal")
    return t("ndr.rel_above") if value > other else t("ndr.rel_below")


def vintage_label(
    vintage: str | None,
) -> str:
    """'foreløpig', 'årgang ukjent' or '' (final or no row), for tables and hover texts."""
    if vintage == "preliminary":
        return t("common.preliminary")
    if vintage == "unknown":
        return t("common.vintage_unknown")
    return ""


def mill_kr(
    value: float,
) -> str:
    """An amount in millions of kroner with one decimal: '64,7 mill. kr'."""
    return t("ndr.mill_kr", value=number(value, 1))


def kr(
    value: float | None,
) -> str:
    """An amount in whole kroner: '1 897 kr'."""
    return t("ndr.kr", value=number(value))


def gap_words(
    gap: NormGap,
    name: str,
) -> str:
    """The gap to the norm as a sentence: how much better the result had to be, or by how
    much it beat the norm, in mill. kr and kr per innbygger."""
    values = {
        "kommune": name,
        "year": gap.year,
        "amount": mill_kr(abs(gap.mill_kr)),
        "per_head": kr(abs(gap.kr_per_innbygger)) if gap.kr_per_innbygger else "–",
    }
    key = N_("ndr.gap_needed") if gap.mill_kr > 0 else N_("ndr.gap_margin")
    return t(key, **values)


def _mark_break(fig: go.Figure, first_year: int, label: str) -> None:
    """A dotted line before the first year of a new series, labelled with what changed."""
    fig.add_vline(
        x=first_year - 0.5,
        line={"color": "#999", "dash": "dot"},
        annotation_text=label,
        annotation_font={"size": 10, "color": "#595959"},
    )


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
        above = last["value"] >= TBU_NORM_KOMMUNE_PCT
        key = N_("ndr.trend_title_above") if above else N_("ndr.trend_title_below")
        title = t(
            key,
            kommune=name,
            value=percent(last["value"]),
            year=int(last["year"]),
            norm=norm_text(),
        )
    period = f"{int(rows['year'].min())}–{int(rows['year'].max())}" if len(rows) else ""
    refs = [SourceRef.of("kostra")]
    source = source_line(refs, period)
    fig = lines(series, hline=(TBU_NORM_KOMMUNE_PCT, t("ndr.norm", norm=norm_text()), theme.NORM))
    details = []
    group_rows = rows[rows["region_level"] == "kostragruppe"]
    if len(group_rows) and group_rows["year"].min() < kostra.GROUP_BREAK_YEAR:
        _mark_break(fig, kostra.GROUP_BREAK_YEAR, t("ndr.break_label"))
        details.append(t("ndr.group_break_note"))
    renumbered = kostra.renumbering(rows, code)
    if renumbered:
        first, old_code = renumbered
        _mark_break(fig, first, t("ndr.renumber_label", code=code))
        details.append(t("ndr.renumber_note", year=first, old=old_code, code=code))
    group = kostra.kostragruppe(code, year)
    if group:
        details.append(t("ndr.group_year_note", year=group[1]))
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
        region_name=region_names(rows["region_code"]),
    )
    columns = {
        "region_code": "region_code",
        "region_name": "region",
        "year": "year",
        "value": "netto_driftsresultat_pct",
        "status": "status",
        "vintage": "vintage",
        "published": "published",
        "computed": "computed",
        "basis": "computed_from",
        "indicator_code": "indicator_code",
    }
    note = data_note(rows)
    return Exhibit(
        id="ndr-trend",
        title=title,
        data=data[list(columns)].reset_index(drop=True),
        columns=columns,
        sources=tuple(refs),
        source_text=source,
        period=period,
        figure=fig if len(rows) else None,
        notes=(note,) if note else (),
        details=tuple(details),
        kommune_code=code,
        slug="netto-driftsresultat",
        params={"aar": str(year)},
    )


@cached_view()
def normgap(state: ViewState) -> Exhibit:
    """The gap to the TBU norm in mill. kr, year by year: bars up for what the result lacked,
    down for the margin above the norm."""
    code = state.kommune
    rows = ndr_queries.norm_gap_series(code)
    name = region_name(code)
    year = chosen_year(state)
    hit = rows[rows["year"] == year]
    if rows.empty:
        title = t("ndr.normgap_title_missing", kommune=name)
    else:
        shown = hit.iloc[0] if len(hit) else rows.iloc[-1]
        gap = NormGap(
            code,
            int(shown["year"]),
            float(shown["mill_kr"]),
            shown["kr_per_innbygger"],
            shown["vintage"],
            shown["published"],
        )
        title = gap_words(gap, name)
    colors = [theme.NORM if v > 0 else theme.KOMMUNE for v in rows["mill_kr"]]
    texts = [signed(v, 1) for v in rows["mill_kr"]]
    hovers = [
        gap_words(NormGap(code, int(y), float(v), p, "", None), name)
        for y, v, p in zip(rows["year"], rows["mill_kr"], rows["kr_per_innbygger"], strict=True)
    ]
    fig = year_bars(rows["year"].tolist(), rows["mill_kr"].tolist(), colors, texts, hovers)
    period = f"{int(rows['year'].min())}–{int(rows['year'].max())}" if len(rows) else ""
    refs = [SourceRef.of("kostra", ("12137",))]
    source = source_line(refs, period)
    theme.style(
        fig,
        title=title,
        source=source,
        x_title=t("common.year"),
        y_title=t("ndr.normgap_axis"),
        height=300,
        legend=False,
    )
    data = rows.assign(region_code=code, region=name, computed=True)
    columns = {
        "region_code": "region_code",
        "region": "region",
        "year": "year",
        "mill_kr": "needed_to_reach_norm_mill_kr",
        "kr_per_innbygger": "needed_to_reach_norm_kr_per_innbygger",
        "vintage": "vintage",
        "published": "published",
        "computed": "computed",
    }
    computed = rows.assign(value=rows["mill_kr"], computed=True)
    note = data_note(computed)
    return Exhibit(
        id="ndr-normgap",
        title=title,
        data=data[list(columns)].reset_index(drop=True),
        columns=columns,
        sources=tuple(refs),
        source_text=source,
        period=period,
        figure=fig if len(rows) else None,
        notes=(note,) if note else (),
        details=(t("ndr.normgap_detail", norm=norm_text()),),
        kommune_code=code,
        slug="avstand-til-tbu-normen",
        params={"aar": str(year)},
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
    """The chosen municipality's figure against the norm, the gap in kroner, its rank, Landet
    and the norm."""
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
        rank_key = N_("ndr.card_rank_tied") if pos.tied else N_("ndr.card_rank_value")
        rank = Card(rank_label, t(rank_key, rank=pos.rank, n=pos.count), help=rank_help)
    landet = ndr_queries.landet(year)
    landet_card = Card(
        t("ndr.card_landet", year=year),
        percent(landet["value"]) if landet is not None else t("ndr.card_missing"),
        note=vintage_label(landet["vintage"]) or None if landet is not None else None,
        help=t("ndr.card_landet_help"),
    )
    norm = Card(t("ndr.card_norm"), norm_text(), help=t("ndr.card_norm_help"))
    return [own, gap_card(state.kommune, year), rank, landet_card, norm]


def gap_card(
    code: str,
    year: int,
) -> Card:
    """The gap to the norm in kroner as a card: what the result lacked, or its margin."""
    gap = ndr_queries.norm_gap(code, year)
    help_text = t("ndr.card_normgap_help", norm=norm_text())
    references = [
        _reference_gap(region, year) for region in kostra.comparison_regions(code, year)[1:3]
    ]
    help_text += " " + " ".join(r for r in references if r)
    if gap is None:
        return Card(t("ndr.card_normgap", year=year), "–", help=help_text)
    needed = gap.mill_kr > 0
    label = N_("ndr.card_normgap_needed") if needed else N_("ndr.card_normgap_margin")
    return Card(
        t(label, year=year),
        mill_kr(abs(gap.mill_kr)),
        t("ndr.card_normgap_per_head", value=kr(abs(gap.kr_per_innbygger or 0)))
        if gap.kr_per_innbygger is not None
        else None,
        "down" if needed else "up",
        t("ndr.computed_short"),
        help_text,
    )


def _reference_gap(
    region: str,
    year: int,
) -> str:
    """'KOSTRA-gruppe 12: 450 kr per innbygger over normen.' for a group or Landet, or ''."""
    gap = ndr_queries.norm_gap(region, year)
    if gap is None or gap.kr_per_innbygger is None:
        return ""
    key = N_("ndr.reference_needed") if gap.mill_kr > 0 else N_("ndr.reference_margin")
    return t(key, region=region_name(region), value=kr(abs(gap.kr_per_innbygger)))


def missing_count(exhibit: Exhibit) -> int:
    """How many municipalities in a one-year exhibit have no figure."""
    return int(exhibit.data["value"].isna().sum())


def missing_notice(state: ViewState) -> str | None:
    """Plain words when the chosen municipality has no figure for the year: because it was
    split out of an older municipality after that year, or how many do have one and which
    other years this one has. None when the figure exists.
    """
    year = chosen_year(state)
    pos = ndr_queries.position(state.kommune, year)
    if pos.value is not None:
        return None
    name = region_name(state.kommune)
    split = split_from(state.kommune)
    if split and year < split.first_year:
        return t(
            "ndr.missing_split",
            kommune=name,
            year=year,
            first=split.first_year,
            old=f"{split.old_name} ({split.old_code})",
        )
    text = t(
        "ndr.missing_kommune",
        kommune=name,
        year=year,
        n=pos.count,
        total=len(ndr_queries.ranking(year)),
    )
    others = [y for y in ndr_queries.years_with_figures(state.kommune) if y != year]
    if others:
        text += " " + t(
            "ndr.missing_other_years", kommune=name, years=", ".join(str(y) for y in others)
        )
    return text


def norm_gap(state: ViewState) -> str | None:
    """The distance to the TBU norm in words: percentage points, and what it means in kroner
    (mill. kr and kr per innbygger). None without a figure."""
    year = chosen_year(state)
    pos = ndr_queries.position(state.kommune, year)
    if pos.value is None:
        return None
    name = region_name(state.kommune)
    text = t(
        "ndr.gap_pp",
        kommune=name,
        year=year,
        gap=number(abs(pos.value - TBU_NORM_KOMMUNE_PCT), 2),
        rel=relation(pos.value, TBU_NORM_KOMMUNE_PCT),
    )
    gap = ndr_queries.norm_gap(state.kommune, year)
    if gap is not None:
        text += " " + gap_words(gap, name) + "."
    return text


def cards_source(state: ViewState) -> str:
    """The source line for the cards and the sentence above the charts."""
    return source_line([SourceRef.of("kostra")], str(chosen_year(state)))


EXHIBITS = {"ndr-trend": trend, "ndr-normgap": normgap}
