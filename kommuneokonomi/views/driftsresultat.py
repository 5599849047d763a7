"""Netto driftsresultat exhibits: a municipality against its group, Landet and the TBU norm."""

from __future__ import annotations

import pandas as pd

from kommuneokonomi.charts import theme
from kommuneokonomi.charts.lines import Line, lines
from kommuneokonomi.datasets import KOSTRA_LANDET, KOSTRA_LANDET_UTEN_OSLO
from kommuneokonomi.exhibit import Exhibit
from kommuneokonomi.formatting import iso_date, percent
from kommuneokonomi.i18n import t
from kommuneokonomi.indicators import NETTO_DRIFTSRESULTAT, TBU_NORM_KOMMUNE_PCT
from kommuneokonomi.queries import kostra
from kommuneokonomi.sources import SourceRef, source_line
from kommuneokonomi.state import ViewState
from kommuneokonomi.views.regions import region_name

ROLE_COLOURS = {"kommune": theme.KOMMUNE, "kostragruppe": theme.KOSTRAGRUPPE}
LANDET_COLOURS = {KOSTRA_LANDET: theme.LANDET, KOSTRA_LANDET_UTEN_OSLO: theme.ESTIMATE}


def latest_year() -> int:
    """Newest year with municipal netto driftsresultat figures."""
    return max(kostra.years(NETTO_DRIFTSRESULTAT))


def norm_text(lang: str) -> str:
    """The TBU norm as text: '1,75 %'."""
    return percent(TBU_NORM_KOMMUNE_PCT, lang, 2)


def preliminary_notes(rows: pd.DataFrame, lang: str) -> list[str]:
    """One note per year shown with preliminary figures."""
    prelim = rows[rows["vintage"] == "preliminary"]
    newest = latest_year()
    notes = []
    for year, group in prelim.groupby("year"):
        published = group["published"].dropna()
        when = iso_date(published.iloc[0], lang) if len(published) else "–"
        key = "ndr.preliminary_note" if year == newest else "ndr.old_preliminary_note"
        notes.append(t(key, lang, year=year, published=when, next_year=year + 1))
    return notes


def trend(state: ViewState) -> Exhibit:
    """The municipality's netto driftsresultat over time with its group, Landet and the norm."""
    lang, code = state.lang, state.kommune
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
            Line(region_name(region, lang), part["year"], part["value"], color,
                 hover="%{y:.1f} %", estimated=part["vintage"] == "preliminary",
                 width=3 if region == code else 2,
                 dash="dot" if region == KOSTRA_LANDET_UTEN_OSLO else "solid")
        )  # fmt: skip
    own = rows[(rows["region_code"] == code) & rows["value"].notna()]
    name = region_name(code, lang)
    if own.empty:
        title = t("ndr.trend_title_missing", lang, kommune=name)
    else:
        last = own.sort_values("year").iloc[-1]
        key = "above" if last["value"] >= TBU_NORM_KOMMUNE_PCT else "below"
        title = t(f"ndr.trend_title_{key}", lang, kommune=name, value=percent(last["value"], lang),
                  year=int(last["year"]), norm=norm_text(lang))  # fmt: skip
    period = f"{int(rows['year'].min())}–{int(rows['year'].max())}" if len(rows) else ""
    refs = [SourceRef.of("kostra")]
    source = source_line(refs, lang, period)
    fig = lines(series, hline=(TBU_NORM_KOMMUNE_PCT, t("ndr.norm", lang, norm=norm_text(lang)),
                               theme.NORM))  # fmt: skip
    notes = preliminary_notes(rows, lang)
    group_rows = rows[rows["region_level"] == "kostragruppe"]
    if len(group_rows) and group_rows["year"].min() < kostra.GROUP_BREAK_YEAR:
        fig.add_vline(x=kostra.GROUP_BREAK_YEAR - 0.5, line={"color": "#999", "dash": "dot"},
                      annotation_text=t("ndr.break_label", lang),
                      annotation_font={"size": 10, "color": "#666"})  # fmt: skip
        notes.append(t("ndr.group_break_note", lang))
    group = kostra.kostragruppe(code, year)
    if group:
        notes.append(t("ndr.group_year_note", lang, year=group[1]))
    theme.style(fig, title=title, source=source, lang=lang, x_title=t("common.year", lang),
                y_title=t("ndr.axis_short", lang))  # fmt: skip
    fig.update_yaxes(ticksuffix=" %" if lang != "en" else "%")
    data = rows.assign(indicator_code=NETTO_DRIFTSRESULTAT)
    columns = {"region_code": "region_code", "region_name": "region", "year": "year",
               "value": "netto_driftsresultat_pct", "status": "status", "vintage": "vintage",
               "published": "published", "indicator_code": "indicator_code"}  # fmt: skip
    return Exhibit(
        id="ndr-trend",
        title=title,
        data=data[list(columns)].reset_index(drop=True),
        columns=columns,
        sources=tuple(refs),
        source_text=source,
        period=period,
        lang=lang,
        figure=fig if len(rows) else None,
        notes=tuple(notes),
        kommune_code=code,
        slug="netto-driftsresultat",
        params={"aar": str(year)},
    )


EXHIBITS = {"ndr-trend": trend}
