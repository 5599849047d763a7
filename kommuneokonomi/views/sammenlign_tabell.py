"""Sammenlign's table: every measure for every municipality in the set in one year, with
its rank in the set, the KOSTRA group and Landet as unranked reference rows below, and the
wide, formatted view of it for the screen.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
from pandas.io.formats.style import Styler

from kommuneokonomi.charts import theme
from kommuneokonomi.datasets import KOSTRA_LANDET
from kommuneokonomi.exhibit import Exhibit, in_its_language
from kommuneokonomi.formatting import iso_date
from kommuneokonomi.i18n import bound, t, tn
from kommuneokonomi.queries import kostra
from kommuneokonomi.queries import sammenlign as q
from kommuneokonomi.sources import SourceRef, source_line
from kommuneokonomi.state import ViewState
from kommuneokonomi.views.memo import cached_view
from kommuneokonomi.views.notes import one_line
from kommuneokonomi.views.regions import region_name, region_names
from kommuneokonomi.views.sammenlign import (
    Setup,
    in_set,
    measure_name,
    none_chosen,
    params,
    preliminary_published,
    refs,
    set_details,
    setup,
    short_name,
    value_text,
    when,
)

PRELIMINARY_MARK = " *"
ESTIMATE_MARK = "≈ "
HIGHLIGHT = f"background-color: {theme.tint(theme.KOMMUNE, 0.12)}; font-weight: 600"
REFERENCE_STYLE = "font-style: italic; color: #4D4D4D"


def _table_title(s: Setup, rows: pd.DataFrame) -> str:
    """The chosen municipality's place on the selected measure, in words."""
    m = s.measure
    own = rows[(rows["indicator_code"] == m.code) & (rows["region_code"] == s.kommune)].iloc[0]
    values = {
        "ind": measure_name(m.code),
        "when": when(m, s.year),
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
        kommune = region_name(s.kommune)
        notes = [tn("sammenlign.note_no_kostra", total, total=total, year=year, kommune=kommune)]
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
    published = preliminary_published(rows)
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
        kommune=region_names(rows["region_code"]),
        indicator=rows["indicator_code"].map(measure_name),
        unit=rows["indicator_code"].map(lambda c: q.MEASURES[c].unit),
    )
    computed = sorted(set(rows.loc[rows["computed"].fillna(False).astype(bool), "indicator_code"]))
    line = [*none_chosen(s), *_mark_notes(s, rows)]
    if computed:
        names = ", ".join(short_name(c) for c in codes if c in computed)
        line.append(t("sammenlign.note_computed", names=names))
    details = [t("sammenlign.note_ranks"), *_kostra_notes(s, all_rows, set(codes))]
    if s.comparison.membership_year and s.comparison.membership_year != s.year:
        details.append(t("sammenlign.note_group_year", year=s.comparison.membership_year))
    details += set_details(s.comparison)
    sources = refs(s, measures)
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
        sources=tuple(sources),
        source_text=source_line(sources, period),
        period=period,
        notes=one_line(line),
        details=tuple(details),
        kommune_code=s.kommune,
        slug=f"sammenlign-{s.comparison.mot}",
        params=params(s),
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

    def fresh_styler(self) -> Styler:
        """A copy of the styler to draw: Streamlit computes the styles on the object it is
        given, and a cached view may be drawn by two sessions at once."""
        return copy.deepcopy(self.styler)


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


@cached_view()
def table_view_for(state: ViewState) -> TableView:
    """`table_view` of the state's table, built once per view and shared like the exhibit
    (formatting the cells took ~90 ms a rerun); draw its `fresh_styler()`."""
    return table_view(table(state))


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
                when=when(measure, int(part["year"].iloc[0])),
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


EXHIBITS = {"sammenlign-tabell": table}
