"""Compare a municipality with a set: a table with ranks, small multiples and an index chart.

The set is the municipality's KOSTRA group, its county, its neighbours or up to ten chosen
municipalities (`mot`, `sammenlign`); the figures are population measures, which exist for
every municipality, and KOSTRA key figures, which stay missing where the data has none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from pandas.io.formats.style import Styler

from kommuneokonomi.charts import theme
from kommuneokonomi.charts.lines import Line, lines
from kommuneokonomi.charts.small_multiples import Panel, bottom_axes, plot_height, small_multiples
from kommuneokonomi.datasets import KOSTRA_LANDET
from kommuneokonomi.exhibit import Exhibit, in_its_language
from kommuneokonomi.formatting import iso_date, number, percent, percent_suffix
from kommuneokonomi.i18n import N_, bound, t, tn
from kommuneokonomi.indicators import AMOUNTS, COMPUTED, INDICATORS
from kommuneokonomi.queries import kostra
from kommuneokonomi.queries import sammenlign as q
from kommuneokonomi.sources import SourceRef, source_line
from kommuneokonomi.state import MAX_COMPARE, Notice, ViewState, first, shown
from kommuneokonomi.views.memo import cached_view
from kommuneokonomi.views.notes import one_line
from kommuneokonomi.views.regions import region_name

MAX_PANELS = 12
PRELIMINARY_MARK = " *"
ESTIMATE_MARK = "≈ "
HIGHLIGHT = f"background-color: {theme.tint(theme.KOMMUNE, 0.12)}; font-weight: 600"
REFERENCE_STYLE = "font-style: italic; color: #4D4D4D"
SET_DATASETS = {"kostragruppe": "kostragruppe_medlemskap", "fylke": "kommuner", "naboer": "naboer"}

# Texts picked by a measure, a comparison type (q.MOT) or a unit: every one a literal key.
MEASURE_NAMES = {  # KOSTRA measures are named by their indicator (indicators.INDICATORS)
    "folketall": N_("sammenlign.m.folketall"),
    "vekst": N_("sammenlign.m.vekst"),
    "andel67": N_("sammenlign.m.andel67"),
    "andel80": N_("sammenlign.m.andel80"),
    "stotte": N_("sammenlign.m.stotte"),
}
SHORT_NAMES = {
    "folketall": N_("sammenlign.short.folketall"),
    "vekst": N_("sammenlign.short.vekst"),
    "andel67": N_("sammenlign.short.andel67"),
    "andel80": N_("sammenlign.short.andel80"),
    "stotte": N_("sammenlign.short.stotte"),
    "KOSAGD230000": N_("sammenlign.short.KOSAGD230000"),
    "normgap_per_innbygger": N_("sammenlign.short.normgap_per_innbygger"),
    "KG31_per_innbygger": N_("sammenlign.short.KG31_per_innbygger"),
    "KG31_pct": N_("sammenlign.short.KG31_pct"),
    "AGD13_per_innbygger": N_("sammenlign.short.AGD13_per_innbygger"),
    "KOSAGD290000": N_("sammenlign.short.KOSAGD290000"),
    "KOSKG280000": N_("sammenlign.short.KOSKG280000"),
    "KOSKG400000": N_("sammenlign.short.KOSKG400000"),
    "KOSKG320000": N_("sammenlign.short.KOSKG320000"),
    "KOSAG110000": N_("sammenlign.short.KOSAG110000"),
    "KOSKG210000": N_("sammenlign.short.KOSKG210000"),
    "KOSAGI10000": N_("sammenlign.short.KOSAGI10000"),
    "KOSAGI210000": N_("sammenlign.short.KOSAGI210000"),
}
WHEN = {"befolkning": N_("sammenlign.when.befolkning"), "kostra": N_("sammenlign.when.kostra")}
AXIS_YEAR = {
    "befolkning": N_("sammenlign.axis_year.befolkning"),
    "kostra": N_("sammenlign.axis_year.kostra"),
}
AXIS = {
    "personer": N_("sammenlign.axis.personer"),
    "prosent": N_("sammenlign.axis.prosent"),
    "forhold": N_("sammenlign.axis.forhold"),
    "kr": N_("sammenlign.axis.kr"),
}
MOT_NAMES = {  # the comparison picker's options
    "kostragruppe": N_("sammenlign.mot.kostragruppe"),
    "fylke": N_("sammenlign.mot.fylke"),
    "naboer": N_("sammenlign.mot.naboer"),
    "egne": N_("sammenlign.mot.egne"),
}
IN_SET = {
    "kostragruppe": N_("sammenlign.in.kostragruppe"),
    "fylke": N_("sammenlign.in.fylke"),
    "naboer": N_("sammenlign.in.naboer"),
    "egne": N_("sammenlign.in.egne"),
}
OTHERS = {
    "kostragruppe": N_("sammenlign.others.kostragruppe"),
    "fylke": N_("sammenlign.others.fylke"),
    "naboer": N_("sammenlign.others.naboer"),
    "egne": N_("sammenlign.others.egne"),
}
SET = {  # plural texts: "{kommune} og de {n} andre kommunene i {group}"
    "kostragruppe": N_("sammenlign.set_kostragruppe"),
    "fylke": N_("sammenlign.set_fylke"),
    "naboer": N_("sammenlign.set_naboer"),
    "egne": N_("sammenlign.set_egne"),
}
ALONE = {
    "kostragruppe": N_("sammenlign.alone_kostragruppe"),
    "fylke": N_("sammenlign.alone_fylke"),
    "naboer": N_("sammenlign.alone_naboer"),
    "egne": N_("sammenlign.alone_egne"),
}


# --- Reading the page's URL values ----------------------------------------------------------


def parse_mot(raw: str | list[str] | None) -> tuple[str | None, list[Notice]]:
    """A comparison type from MOT, or None (the default applies) with a notice if unknown."""
    value = first(raw)
    if not value:
        return None, []
    if value.lower() in q.MOT:
        return value.lower(), []
    return None, [Notice(N_("sammenlign.bad_mot"), {"value": shown(value)})]


def parse_indikator(raw: str | list[str] | None) -> tuple[str, list[Notice]]:
    """A measure code; anything else gives the default measure and a notice."""
    value = first(raw)
    if not value:
        return q.DEFAULT_MEASURE, []
    if value in q.MEASURES:
        return value, []
    fallback = measure_name(q.DEFAULT_MEASURE)
    return q.DEFAULT_MEASURE, [
        Notice(N_("sammenlign.bad_indikator"), {"value": shown(value), "fallback": fallback})
    ]


def parse_indeks(raw: str | list[str] | None, years: list[int]) -> tuple[int | None, list[Notice]]:
    """An index base year among `years`, or None (no index) with a notice if invalid."""
    value = first(raw)
    if not value:
        return None, []
    if value.isdigit() and int(value) in years:
        return int(value), []
    return None, [Notice(N_("sammenlign.bad_indeks"), {"value": shown(value)})]


# --- Resolving a view state -----------------------------------------------------------------


@dataclass(frozen=True)
class Setup:
    """A ViewState resolved against the data: set, year, measure and index base year."""

    kommune: str
    year: int
    measure: q.Measure
    comparison: q.Comparison
    base_year: int | None


def effective_mot(state: ViewState) -> str:
    """`mot` from the state; without one a list of municipalities means 'egne'."""
    if state.mot in q.MOT:
        return state.mot
    return q.OWN if state.sammenlign else q.DEFAULT_MOT


def setup(state: ViewState) -> Setup:
    """Resolve the state; invalid values fall back to defaults (the page has said so)."""
    year = state.aar if state.aar in q.years() else q.default_year()
    code = state.indikator if state.indikator in q.MEASURES else q.DEFAULT_MEASURE
    chosen = tuple(state.sammenlign[:MAX_COMPARE])
    comparison = q.comparison(state.kommune, effective_mot(state), chosen, year)
    measure = q.MEASURES[code]
    base = None
    if measure.indexable and state.indeks in q.base_years(code, comparison.members):
        base = state.indeks
    return Setup(state.kommune, year, measure, comparison, base)


# --- Words ----------------------------------------------------------------------------------


def measure_name(code: str) -> str:
    """Full name of a measure ('Andel 67 år og eldre', KOSTRA's own names)."""
    figures = {**INDICATORS, **AMOUNTS, **COMPUTED}
    if code in figures:
        return figures[code].name()
    return t(MEASURE_NAMES[code])


def short_name(code: str) -> str:
    """Column header of a measure ('67+ %', 'Netto driftsresultat %')."""
    return t(SHORT_NAMES[code])


def measure_label(code: str) -> str:
    """Name for the indicator picker: KOSTRA figures are marked, since they may be missing."""
    if q.MEASURES[code].family == "kostra":
        return t("sammenlign.kostra_suffix", name=measure_name(code))
    return measure_name(code)


def value_text(measure: q.Measure, value: float | None) -> str:
    """A value with its unit as text: '17,1 %', '291 940', '3,4', '62 311 kr'."""
    if measure.unit == "prosent":
        return percent(value, measure.decimals)
    text = number(value, measure.decimals)
    return t("sammenlign.kr", value=text) if measure.unit == "kr" else text


def _when(measure: q.Measure, year: int) -> str:
    return t(WHEN[measure.family], year=year)


def _set_values(comparison: q.Comparison) -> dict[str, str]:
    """Names for the set's texts; a set without a known region gets a generic name."""
    values = {
        "kommune": region_name(comparison.kommune),
        "group": t("sammenlign.the_group"),
        "county": t("sammenlign.the_county"),
    }
    if comparison.region_code:
        values["group" if comparison.mot == "kostragruppe" else "county"] = region_name(
            comparison.region_code
        )
    return values


def _none_chosen(s: Setup) -> list[str]:
    """'No municipalities chosen' when the reader's own set is empty (only the municipality)."""
    if s.comparison.mot == q.OWN and not s.comparison.others:
        return [t("sammenlign.note_none_chosen", kommune=region_name(s.kommune))]
    return []


def in_set(comparison: q.Comparison) -> str:
    """'i KOSTRA-gruppe 12', 'i Vestland', 'i nabolaget', 'blant de valgte kommunene'."""
    return t(IN_SET[comparison.mot], **_set_values(comparison))


def set_description(comparison: q.Comparison) -> str:
    """One sentence on who is in the set, or on why there is no one to compare with."""
    values = _set_values(comparison)
    mot = comparison.mot
    if not comparison.others:
        if mot == "kostragruppe" and comparison.region_code is None:
            return t("sammenlign.no_kostragruppe", **values)
        return t(ALONE[mot], limit=MAX_COMPARE, **values)
    return tn(SET[mot], len(comparison.others), year=comparison.membership_year, **values)


def _names(codes: list[str] | tuple[str, ...]) -> str:
    return ", ".join(region_name(c) for c in codes)


def _refs(setup_: Setup, measures: list[q.Measure]) -> list[SourceRef]:
    refs = []
    if any(m.family == "befolkning" for m in measures):
        refs.append(SourceRef.of("befolkning_grupper", ("07459",)))
    if any(m.family == "kostra" for m in measures):
        refs.append(SourceRef.of("kostra"))
    if setup_.comparison.mot in SET_DATASETS:
        refs.append(SourceRef.of(SET_DATASETS[setup_.comparison.mot]))
    return refs


def _params(setup_: Setup) -> dict[str, str]:
    params = {
        "aar": str(setup_.year),
        "mot": setup_.comparison.mot,
        "indikator": setup_.measure.code,
    }
    if setup_.comparison.mot == q.OWN:
        params["sammenlign"] = ",".join(setup_.comparison.others)
    if setup_.base_year:
        params["indeks"] = str(setup_.base_year)
    return params


def _preliminary_published(rows: pd.DataFrame) -> str | None:
    published = rows.loc[rows["vintage"] == "preliminary", "published"].dropna()
    return published.max() if len(published) else None


# --- Table ----------------------------------------------------------------------------------


def _table_title(s: Setup, rows: pd.DataFrame) -> str:
    """The chosen municipality's place on the selected measure, in words."""
    m = s.measure
    own = rows[(rows["indicator_code"] == m.code) & (rows["region_code"] == s.kommune)].iloc[0]
    values = {
        "ind": measure_name(m.code),
        "when": _when(m, s.year),
        "kommune": region_name(s.kommune),
        "set": in_set(s.comparison),
        "value": value_text(m, own["value"]),
    }
    n = int(own["ranked_of"])
    if pd.isna(own["value"]):
        return t("sammenlign.table_missing", n=n, total=len(s.comparison.members), **values)
    if not s.comparison.others:
        return t("sammenlign.table_single", **values)
    if n == 1:
        return t("sammenlign.table_alone", **values)
    rank = int(own["rank"])
    if rank == 1:
        return t("sammenlign.table_top", **values)
    if rank == n:
        return t("sammenlign.table_bottom", **values)
    return t("sammenlign.table_rank", rank=rank, n=n, **values)


def _shown_measures(rows: pd.DataFrame) -> list[q.Measure]:
    """Population measures always; KOSTRA measures only where someone in the set has a value."""
    with_values = set(rows.loc[rows["value"].notna(), "indicator_code"])
    return [m for m in q.MEASURES.values() if m.family == "befolkning" or m.code in with_values]


def _kostra_notes(s: Setup, rows: pd.DataFrame, shown_codes: set[str]) -> list[str]:
    """How many in the set have KOSTRA figures, which columns were left out, and why."""
    year, total = s.year, len(s.comparison.members)
    kostra_rows = rows[rows["indicator_code"].isin([m.code for m in q.KOSTRA_MEASURES])]
    with_any = kostra_rows.loc[kostra_rows["value"].notna(), "region_code"].nunique()
    if not with_any:
        notes = [tn("sammenlign.note_no_kostra", total, year=year, kommune=region_name(s.kommune))]
    else:
        notes = [t("sammenlign.note_kostra", year=year, n=with_any, total=total)]
        dropped = [m.code for m in q.KOSTRA_MEASURES if m.code not in shown_codes]
        if dropped:
            names = ", ".join(short_name(c) for c in dropped)
            notes.append(t("sammenlign.note_dropped", year=year, names=names))
    if with_any < total and SourceRef.of("kostra").origin == "snapshot":
        covered = {
            r for m in q.KOSTRA_MEASURES for r in kostra.kommune_values(m.code, year)["region_code"]
        }
        notes.append(t("sammenlign.note_snapshot", n=len(covered), year=year))
    return notes


def _mark_notes(s: Setup, rows: pd.DataFrame) -> list[str]:
    """Explain the * (preliminary) and ≈ (estimate) marks, and unknown vintages."""
    notes = []
    published = _preliminary_published(rows)
    if published:
        notes.append(t("sammenlign.note_preliminary_mark", published=iso_date(published)))
    if rows["estimated"].fillna(False).any():
        notes.append(t("sammenlign.note_estimated_mark"))
    unknown = rows[(rows["vintage"] == "unknown") & rows["value"].notna()]
    if len(unknown):
        items = ", ".join(
            f"{region_name(r.region_code)} ({short_name(r.indicator_code)})"
            for r in unknown.itertuples()
        )
        notes.append(t("sammenlign.note_vintage_unknown", items=items))
    return notes


def _reference_regions(s: Setup) -> tuple[str, ...]:
    """The chosen municipality's KOSTRA group and Landet: reference rows under the table."""
    group = kostra.kostragruppe(s.kommune, s.year)
    return (*([group[0]] if group else []), KOSTRA_LANDET)


@cached_view()
def table(state: ViewState) -> Exhibit:
    """Every measure for every municipality in the set in one year, with ranks in the set."""
    s = setup(state)
    members = s.comparison.members
    all_rows = q.table(members, s.year)
    measures = _shown_measures(all_rows)
    codes = [m.code for m in measures]
    rows = all_rows[all_rows["indicator_code"].isin(codes)].assign(reference=False)
    reference = q.references(_reference_regions(s), s.year)
    reference = reference[reference["indicator_code"].isin(codes)].assign(reference=True)
    rows = pd.concat([rows, reference], ignore_index=True)
    rows = rows.assign(
        kommune=rows["region_code"].map(region_name),
        indicator=rows["indicator_code"].map(measure_name),
        unit=rows["indicator_code"].map(lambda c: q.MEASURES[c].unit),
    )
    computed = sorted(set(rows.loc[rows["computed"].fillna(False).astype(bool), "indicator_code"]))
    line = [*_none_chosen(s), *_mark_notes(s, rows)]
    if computed:
        names = ", ".join(short_name(c) for c in codes if c in computed)
        line.append(t("sammenlign.note_computed", names=names))
    details = [t("sammenlign.note_ranks"), *_kostra_notes(s, all_rows, set(codes))]
    if s.comparison.membership_year and s.comparison.membership_year != s.year:
        details.append(t("sammenlign.note_group_year", year=s.comparison.membership_year))
    refs = _refs(s, measures)
    period = str(s.year)
    columns = {
        "region_code": "region_code",
        "kommune": "kommune",
        "indicator_code": "indicator_code",
        "indicator": "indicator",
        "unit": "unit",
        "year": "year",
        "value": "value",
        "rank": "rank_in_set",
        "ranked_of": "municipalities_with_value",
        "estimated": "estimated",
        "vintage": "vintage",
        "status": "status",
        "published": "published",
        "computed": "computed",
        "reference": "reference",
    }
    return Exhibit(
        id="sammenlign-tabell",
        title=_table_title(s, all_rows),
        data=rows[list(columns)].reset_index(drop=True),
        columns=columns,
        sources=tuple(refs),
        source_text=source_line(refs, period),
        period=period,
        notes=one_line(line),
        details=tuple(details),
        kommune_code=s.kommune,
        slug=f"sammenlign-{s.comparison.mot}",
        params=_params(s),
    )


@dataclass(frozen=True)
class TableView:
    """A table exhibit laid out for the screen: one row per municipality, value and rank
    columns per measure, formatted and with the chosen municipality highlighted.
    """

    styler: Styler
    labels: dict[str, tuple[str, str]]  # column → (header, help)
    value_columns: list[str]
    rank_columns: list[str]


def _cell_format(measure: q.Measure, marks: tuple[bool, bool, bool]) -> Callable:
    """Display text for the values of one measure whose cells share their marks
    (estimated, preliminary, reference row); a missing value is said in words, except in a
    reference row, where population measures are not shown.
    """
    estimated, preliminary, reference = marks

    def text(value: float) -> str:
        if pd.isna(value):
            return "" if reference else t("common.missing")
        shown = value_text(measure, value)
        if preliminary:
            shown += PRELIMINARY_MARK
        return ESTIMATE_MARK + shown if estimated else shown

    return text


def _marks(part: pd.DataFrame, reference: list[bool]) -> list[tuple[bool, bool, bool]]:
    """(estimated, preliminary, reference) per row: a population split estimate, a
    preliminary figure, a reference row (KOSTRA group, Landet)."""
    estimated = [v is True for v in part["estimated"].astype(object)]
    preliminary = [v == "preliminary" for v in part["vintage"].astype(object)]
    return list(zip(estimated, preliminary, reference, strict=True))


@in_its_language
def table_view(exhibit: Exhibit) -> TableView:
    """The wide, formatted table for a 'sammenlign-tabell' exhibit (sorting stays numeric)."""
    data = exhibit.data
    order = list(dict.fromkeys(data["region_code"]))
    references = set(data.loc[data["reference"], "region_code"])
    is_reference = [c in references for c in order]
    wide = pd.DataFrame({"kommune": [region_name(c) for c in order]}, index=order)
    marks = {}
    labels = {"kommune": (t("sammenlign.col_kommune"), "")}
    value_cols, rank_cols = [], []
    for code, part in data.groupby("indicator_code", sort=False):
        measure, part = q.MEASURES[code], part.set_index("region_code").reindex(order)
        name, n = measure_name(code), int(part["ranked_of"].iloc[0] or 0)
        rank_col = f"{code}__rank"
        wide[code], wide[rank_col] = part["value"], part["rank"]
        marks[code] = _marks(part, is_reference)
        labels[code] = (
            short_name(code),
            t(
                "sammenlign.value_help",
                ind=name,
                n=n,
                total=len(order),
                when=_when(measure, int(part["year"].iloc[0])),
            ),
        )
        labels[rank_col] = (
            t("sammenlign.col_rank"),
            t("sammenlign.rank_help", ind=name, n=n),
        )
        value_cols.append(code)
        rank_cols.append(rank_col)
    wide = wide.reset_index(drop=True)
    styler = wide.style
    for col in value_cols:  # one format call per kind of cell, not per cell: each costs ~1 ms
        rows_by_marks: dict[tuple[bool, bool, bool], list[int]] = {}
        for i, mark in enumerate(marks[col]):
            rows_by_marks.setdefault(mark, []).append(i)
        for mark, rows in rows_by_marks.items():
            text = bound(_cell_format(q.MEASURES[col], mark))
            styler = styler.format(text, subset=pd.IndexSlice[rows, col])
    styler = styler.format(na_rep="–", precision=0, subset=rank_cols)
    styler = styler.apply(lambda row: [_row_style(row.name, is_reference)] * len(row), axis=1)
    return TableView(styler, labels, value_cols, rank_cols)


def _row_style(position: int, is_reference: list[bool]) -> str:
    """The chosen municipality (first row) highlighted, reference rows muted."""
    if position == 0:
        return HIGHLIGHT
    return REFERENCE_STYLE if is_reference[position] else ""


# --- Charts ---------------------------------------------------------------------------------


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
    return t(OTHERS[s.comparison.mot], **_set_values(s.comparison))


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
    notes = _none_chosen(s)
    missing = [c for c in codes if c not in set(rows["region_code"]) and c not in lacking]
    if missing:
        name = measure_name(s.measure.code)
        notes.append(t("sammenlign.note_missing_series", ind=name, names=_names(missing)))
    if lacking:
        notes.append(t("sammenlign.note_lacking_base", base=s.base_year, names=_names(lacking)))
    published = _preliminary_published(rows)
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
        panel_lines.append(
            Line(
                name,
                own["year"],
                own[column],
                colour,
                hover=hover,
                width=2.5 if code == s.kommune else 2,
                estimated=_hollow(own),
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
    refs = _refs(s, [s.measure])
    source = source_line(refs, period)
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
        sources=tuple(refs),
        source_text=source,
        period=period,
        figure=figure,
        notes=one_line(line),
        details=tuple(details),
        kommune_code=s.kommune,
        slug=f"sammenlign-{s.measure.code.lower()}",
        params=_params(s),
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
        kommune=rows["region_code"].map(region_name),
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
        s = Setup(s.kommune, s.year, s.measure, s.comparison, base)
    name = measure_name(s.measure.code)
    refs = _refs(s, [s.measure])
    if not s.measure.indexable or s.base_year is None:
        return _no_index(s, refs, t("sammenlign.not_indexable", ind=name))
    rows, column, lacking = _series(s, members)
    if rows.empty:
        return _no_index(s, refs, t("sammenlign.index_none", ind=name, base=s.base_year))
    title = _trend_title(s, rows, column, _others_phrase(s, capped=False))
    period = f"{int(rows['year'].min())}–{int(rows['year'].max())}"
    source = source_line(refs, period)
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
        sources=tuple(refs),
        source_text=source,
        period=period,
        figure=fig,
        notes=one_line(_chart_notes(s, rows, members, lacking)),
        kommune_code=s.kommune,
        slug=f"sammenlign-indeks-{s.measure.code.lower()}",
        params=_params(s),
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


def _no_index(s: Setup, refs: list[SourceRef], text: str) -> Exhibit:
    """An index exhibit without a figure: its title says why, in words."""
    return Exhibit(
        id="sammenlign-indeks",
        title=text,
        data=pd.DataFrame(columns=list(_chart_columns(s))),
        columns=_chart_columns(s),
        sources=tuple(refs),
        source_text=source_line(refs),
        period="",
        kommune_code=s.kommune,
        slug="sammenlign-indeks",
        params=_params(s),
    )


EXHIBITS = {
    "sammenlign-tabell": table,
    "sammenlign-smaa": small,
    "sammenlign-indeks": index_chart,
}
