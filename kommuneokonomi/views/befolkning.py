"""Population exhibits: the population over time and the support ratio with projections."""

from __future__ import annotations

import pandas as pd

from kommuneokonomi.charts import theme
from kommuneokonomi.charts.lines import Band, Line, lines
from kommuneokonomi.datasets import LANDET
from kommuneokonomi.exhibit import Exhibit
from kommuneokonomi.formatting import number
from kommuneokonomi.i18n import t
from kommuneokonomi.queries import befolkning, framskriving
from kommuneokonomi.queries.kommuner import county_members, index
from kommuneokonomi.sources import SourceRef, source_line
from kommuneokonomi.state import ViewState
from kommuneokonomi.views.regions import region_name

PROJECTION_END = 2050


def estimate_notes(data: pd.DataFrame, lang: str) -> list[str]:
    """Explain hollow markers: estimated municipality splits, or sums that include them."""
    flagged = data.loc[data["estimated"].fillna(False).astype(bool), "region_code"].unique()
    notes = []
    if any(len(c) == 4 for c in flagged):
        notes.append(t("befolkning.estimated_note", lang))
    if any(len(c) < 4 for c in flagged):
        notes.append(t("befolkning.estimated_sum_note", lang))
    return notes


def _projection(code: str) -> tuple[str | None, pd.DataFrame]:
    """The newest projection table with age groups for a region, and its support ratio."""
    for table_id in framskriving.tables_for(code):
        ratio = framskriving.support_ratio(code, table_id)
        if ratio["ratio"].notna().any():
            return table_id, ratio
    return None, pd.DataFrame()


def support_ratio(regions: list[tuple[str, str]], lang: str) -> Exhibit:
    """People aged 20–66 per person 67+, registered and projected, for up to three regions.

    `regions` is [(region code, colour)], the focus region first.
    """
    series, bands, rows, tables = [], [], [], {"07459"}
    for code, color in regions:
        name = region_name(code, lang)
        hist = befolkning.support_ratio(code)
        series.append(Line(name, hist["year"], hist["ratio"], color, hover="%{y:.2f}",
                           estimated=hist["estimated"], legendgroup=code))  # fmt: skip
        rows.append(hist.assign(region_code=code, region=name, kind="registrert",
                                alternative=None, table_id="07459"))  # fmt: skip
        table_id, proj = _projection(code)
        if table_id is None:
            continue
        tables.add(table_id)
        main = proj[proj["alternative"] == "MMMM"]
        low, high = (
            proj[proj["alternative"] == a].set_index("year")["ratio"] for a in ("LLML", "HHMH")
        )
        lower, upper = low.combine(high, min), low.combine(high, max)
        bands.append(Band(f"{name}: LLML–HHMH", lower.index, lower, upper, color, legendgroup=code))
        label = t("befolkning.projected", lang, alt="MMMM")
        series.append(Line(f"{name}: {label}", main["year"], main["ratio"], color, dash="dash",
                           hover="%{y:.2f}", markers=False, legendgroup=code,
                           showlegend=False))  # fmt: skip
        rows.append(proj.assign(region_code=code, region=name, kind="framskrevet",
                                estimated=False, table_id=table_id))  # fmt: skip
    focus_code = regions[0][0]
    focus = befolkning.support_ratio(focus_code).iloc[-1]
    now = number(focus["ratio"], lang, 1)
    _, focus_proj = _projection(focus_code)
    if not focus_proj.empty:
        end = focus_proj[
            (focus_proj["alternative"] == "MMMM") & (focus_proj["year"] == PROJECTION_END)
        ]
        title = t("befolkning.support_title", lang, region=region_name(focus_code, lang), now=now,
                  year=int(focus["year"]), future=number(end["ratio"].iloc[0], lang, 1),
                  future_year=PROJECTION_END)  # fmt: skip
    else:
        title = t("befolkning.support_title_no_projection", lang,
                  region=region_name(focus_code, lang), now=now,
                  year=int(focus["year"]))  # fmt: skip
    data = pd.concat(rows, ignore_index=True)
    first_year = int(data["year"].min())
    last_year = int(data["year"].max())
    period = f"{first_year}–{last_year}"
    refs = [SourceRef.of("befolkning_grupper", ("07459",))]
    if tables - {"07459"}:
        refs.append(SourceRef.of("framskriving", tuple(tables - {"07459"})))
    source = source_line(refs, lang, period)
    fig = theme.style(lines(series, bands), title=title, source=source, lang=lang,
                      x_title=t("befolkning.axis_year", lang),
                      y_title=t("befolkning.axis_ratio", lang))  # fmt: skip
    notes = [t("befolkning.projection_note", lang)] if bands else []
    notes += estimate_notes(data, lang)
    columns = {"region_code": "region_code", "region": "region", "year": "year", "kind": "kind",
               "alternative": "alternative", "ratio": "ratio_20_66_per_67",
               "estimated": "estimated",
               "table_id": "table_id"}  # fmt: skip
    return Exhibit(
        id="stotteforhold",
        title=title,
        data=data[list(columns)],
        columns=columns,
        sources=tuple(refs),
        source_text=source,
        period=period,
        lang=lang,
        figure=fig,
        notes=tuple(notes),
        kommune_code=focus_code,
        slug="personer-20-66-per-67",
    )


def population(code: str, lang: str, color: str = theme.KOMMUNE) -> Exhibit:
    """Population on 1 January over time for one region."""
    frame = befolkning.totals(code)
    name = region_name(code, lang)
    last = frame.iloc[-1]
    title = t("befolkning.population_title", lang, region=name,
              persons=number(last["persons"], lang), year=int(last["year"]))  # fmt: skip
    period = f"{int(frame['year'].min())}–{int(frame['year'].max())}"
    refs = [SourceRef.of("befolkning_grupper", ("07459",))]
    source = source_line(refs, lang, period)
    fig = lines([Line(name, frame["year"], frame["persons"], color, hover="%{y:,.0f}",
                      estimated=frame["estimated"])])  # fmt: skip
    theme.style(fig, title=title, source=source, lang=lang, legend=False,
                x_title=t("befolkning.axis_year", lang),
                y_title=t("befolkning.axis_persons", lang))  # fmt: skip
    fig.update_yaxes(tickformat=",d")
    data = frame.assign(region_code=code, region=name)
    notes = tuple(estimate_notes(data, lang))
    columns = {"region_code": "region_code", "region": "region", "year": "year",
               "persons": "persons", "change": "change", "estimated": "estimated"}  # fmt: skip
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


def support_ratio_for(state: ViewState) -> Exhibit:
    """The support ratio for the chosen municipality, its county (unless the same) and Norway."""
    county = index().county(state.kommune)[0]
    regions = [(state.kommune, theme.KOMMUNE)]
    if county_members(county) != (state.kommune,):  # NOTE: Oslo is both municipality and county
        regions.append((county, theme.FYLKE))
    regions.append((LANDET, theme.LANDET))
    return support_ratio(regions, state.lang)


EXHIBITS = {
    "befolkning-stotte": support_ratio_for,
    "folketall": lambda state: population(state.kommune, state.lang),
}
