"""Om dataene: what every number rests on, as exhibits and sentences built from the cache.

Sources and freshness come from the manifests, coverage from the served datasets; each
table is an Exhibit (exact data, headers, source line) so the export menu can write it. Text
quoted from manifests or typed by the reader is escaped before it reaches Markdown.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from kommuneokonomi.charts import theme
from kommuneokonomi.data import DataStore
from kommuneokonomi.datasets import DATASETS
from kommuneokonomi.errors import DataError
from kommuneokonomi.exhibit import Exhibit
from kommuneokonomi.formatting import iso_date, number, percent
from kommuneokonomi.formatting import markdown_literal as md
from kommuneokonomi.i18n import N_, current, t, tn
from kommuneokonomi.indicators import NETTO_DRIFTSRESULTAT, TBU_NORM_KOMMUNE_PCT
from kommuneokonomi.queries import om as q
from kommuneokonomi.queries.kommuner import index
from kommuneokonomi.queries.kostra import GROUP_BREAK_YEAR
from kommuneokonomi.settings import PROJECT_ROOT, load_settings
from kommuneokonomi.sources import SourceRef, source_line
from kommuneokonomi.state import ViewState, shown
from kommuneokonomi.views.memo import cached_view
from kommuneokonomi.views.regions import region_name

# Short key-figure names for the coverage chart (the registry's names are too long for an axis).
SHORT_NAMES = {
    NETTO_DRIFTSRESULTAT: N_("om.short.KOSAGD230000"),
    "KOSAGD290000": N_("om.short.KOSAGD290000"),
    "KOSKG280000": N_("om.short.KOSKG280000"),
    "KOSKG400000": N_("om.short.KOSKG400000"),
    "KOSKG320000": N_("om.short.KOSKG320000"),
    "KOSAG110000": N_("om.short.KOSAG110000"),
    "KOSKG210000": N_("om.short.KOSKG210000"),
    "KOSAGI10000": N_("om.short.KOSAGI10000"),
    "KOSAGI210000": N_("om.short.KOSAGI210000"),
    "AGD13_belop": N_("om.short.AGD13_belop"),
    "AGD13_per_innbygger": N_("om.short.AGD13_per_innbygger"),
    "AGD23_belop": N_("om.short.AGD23_belop"),
    "AGD23_per_innbygger": N_("om.short.AGD23_per_innbygger"),
    "KG31_belop": N_("om.short.KG31_belop"),
    "KG31_per_innbygger": N_("om.short.KG31_per_innbygger"),
    "KG31_pct": N_("om.short.KG31_pct"),
    "normgap_belop": N_("om.short.normgap_belop"),
    "normgap_per_innbygger": N_("om.short.normgap_per_innbygger"),
}
# Words for codes in the data; a code not here is shown as it is.
AS_OF_KINDS = {
    "published": N_("om.kind_published"),
    "fetched": N_("om.kind_fetched"),
    "reference": N_("om.kind_reference"),
}
LEVELS = {
    "kommune": N_("om.level_kommune"),
    "fylke": N_("om.level_fylke"),
    "kostragruppe": N_("om.level_kostragruppe"),
    "landet": N_("om.level_landet"),
}
VINTAGES = {
    "final": N_("om.vintage_final"),
    "preliminary": N_("om.vintage_preliminary"),
    "unknown": N_("om.vintage_unknown"),
}
SSB_LANGUAGE = "nb"  # the language of the texts SSB publishes (group descriptions)
CHANGE_KINDS = {
    "merge": N_("om.change_merge"),
    "split": N_("om.change_split"),
    "rename": N_("om.change_rename"),
    "renumber": N_("om.change_renumber"),
}
LIVE_COLUMNS = {  # queries.om.LIVE_FIELDS
    "fetched_at": N_("om.col_fetched_at"),
    "ssb_updated": N_("om.col_ssb_updated"),
    "last_success": N_("om.col_last_success"),
    "last_error": N_("om.col_last_error"),
}


def display(ex: Exhibit, rows: pd.DataFrame | None = None) -> pd.DataFrame:
    """The exhibit's data as shown (optionally only `rows` of it), with its header names."""
    frame = ex.data if rows is None else rows
    return frame[list(ex.columns)].rename(columns=ex.columns).reset_index(drop=True)


def _columns(**keys: str) -> dict[str, str]:
    """Data column → header, from `column=N_("om.col_key")` pairs."""
    return {column: t(key) for column, key in keys.items()}


def _exhibit(
    exhibit_id: str,
    state: ViewState,
    title: str,
    data: pd.DataFrame,
    columns: dict[str, str],
    refs: list[SourceRef],
    period: str = "",
    **extra: object,
) -> Exhibit:
    """An Om-dataene exhibit: source line from `refs`, or the manifest line when there are none."""
    source = source_line(refs, period) if refs else t("om.manifest_source")
    notes = tuple(extra.pop("notes", ()))
    # Om dataene is where explanations belong: the page shows an exhibit's details too.
    extra.update(notes=notes[:1], details=notes[1:])
    return Exhibit(
        id=exhibit_id,
        title=title,
        data=data.reset_index(drop=True),
        columns=columns,
        sources=tuple(refs),
        source_text=source,
        period=period,
        slug=exhibit_id.removeprefix("om-"),
        **extra,
    )


def _names(datasets: tuple[str, ...]) -> str:
    """Registry titles of datasets, for sentences."""
    return ", ".join(DATASETS[d].title() for d in datasets)


# ---------------------------------------------------------------------------------------------
# Status line and sources
# ---------------------------------------------------------------------------------------------


def status(state: ViewState) -> tuple[str, list[str]]:
    """The top line (live or snapshot, how many datasets, newest fetch) and problem lines."""
    o = q.overview()
    date = iso_date(o.latest_fetch)
    if not o.live:
        line = t("om.status_snapshot", total=o.total)
    elif not o.snapshot and not o.unreadable:
        line = t("om.status_live", total=o.total, date=date)
    else:
        line = t(
            "om.status_mixed",
            live=len(o.live),
            total=o.total,
            date=date,
            snapshot=len(o.snapshot),
        )
    problems = []
    if o.unreadable:
        problems.append(
            tn("om.status_unreadable", len(o.unreadable), names=md(_names(o.unreadable)))
        )
    if o.live_problems:
        problems.append(t("om.status_live_problem", names=md(_names(o.live_problems))))
    if o.refresh_errors:
        names = md(_names(o.refresh_errors))
        problems.append(t("om.status_refresh_error", names=names))
    return line, problems


def _kind(kind: str | None) -> str:
    return t(AS_OF_KINDS[kind]) if kind in AS_OF_KINDS else ""


@cached_view()
def sources_table(state: ViewState) -> Exhibit:
    """One row per dataset: title, table ids, origin, date and its kind, period, size, caveats,
    notes, publisher, licence, file; live fields and errors when any dataset has them.
    """
    frame, o = q.datasets(), q.overview()
    data = frame.assign(
        title=[DATASETS[d].title() for d in frame["dataset"]],
        as_of_kind=[_kind(k) for k in frame["as_of_kind"]],
    )
    keys = dict(
        title=N_("om.col_title"),
        table_ids=N_("om.col_tables"),
        origin=N_("om.col_origin"),
        as_of=N_("om.col_as_of"),
        as_of_kind=N_("om.col_as_of_kind"),
        period=N_("om.col_period"),
        kommuner=N_("om.col_kommuner"),
        rows=N_("om.col_rows"),
        caveats=N_("om.col_caveats"),
        notes=N_("om.col_notes"),
        publishers=N_("om.col_publishers"),
        licence=N_("om.col_licence"),
        file=N_("om.col_file"),
        dataset=N_("om.col_dataset"),
    )
    optional = dict(
        **LIVE_COLUMNS, live_problem=N_("om.col_live_problem"), error=N_("om.col_error")
    )
    keys.update({c: k for c, k in optional.items() if data[c].notna().any()})
    if o.live:
        title = t(
            "om.kilder_title_mixed", live=len(o.live), total=o.total, snapshot=len(o.snapshot)
        )
    else:
        title = t("om.kilder_title_all", total=o.total, origin=t("common.snapshot"))
    if o.unreadable:
        title += t("om.kilder_title_bad", n=len(o.unreadable))
    notes = (t("om.manifest_lang_note"),)
    return _exhibit("om-kilder", state, title, data, _columns(**keys), [], notes=notes)


@cached_view()
def source_records_table(state: ViewState) -> Exhibit:
    """One row per source record: title, table id, publisher, licence, period, dates, file,
    URL, where it was copied from and its caveat.
    """
    data = q.source_records()
    columns = _columns(
        dataset=N_("om.col_dataset"),
        title=N_("om.col_source_title"),
        table_id=N_("om.col_table_id"),
        publisher=N_("om.col_publishers"),
        period=N_("om.col_period"),
        published=N_("om.col_published"),
        fetched=N_("om.col_fetched"),
        reference_date=N_("om.col_reference_date"),
        caveat=N_("om.col_caveat"),
        licence=N_("om.col_licence"),
        file=N_("om.col_file"),
        copied_from=N_("om.col_copied_from"),
        url=N_("om.col_url"),
    )
    title = t("om.kildeposter_title", n=len(data))
    return _exhibit(
        "om-kildeposter", state, title, data, columns, [], notes=(t("om.manifest_lang_note"),)
    )


def _link(text: str, url: object) -> str:
    """A Markdown link for an http(s) URL without characters that could break out of it."""
    if isinstance(url, str) and re.fullmatch(r"https?://[^\s()<>\[\]]+", url):
        return f"[{md(text)}]({url})"
    return md(text)


def _source_line(record: pd.Series) -> str:
    """One source record as a Markdown bullet (every value escaped)."""
    parts = [_link(record["title"] or "", record["url"])]
    for field in ("table_id", "publisher"):
        if isinstance(record[field], str):
            parts.append(md(record[field]))
    if isinstance(record["period"], str):
        parts.append(f"{t('om.d_period')} {md(record['period'])}")
    for field, kind in (
        ("published", "published"),
        ("fetched", "fetched"),
        ("reference_date", "reference"),
    ):
        if isinstance(record[field], str):
            parts.append(f"{_kind(kind)} {md(iso_date(record[field]))}")
    if isinstance(record["file"], str):
        parts.append(f"{t('om.d_file')} {md(record['file'])}")
    if isinstance(record["copied_from"], str):
        parts.append(f"{t('om.d_copied')} {md(record['copied_from'])}")
    line = "- " + " · ".join(parts)
    if isinstance(record["caveat"], str):
        line += f"  \n  *{t('om.d_caveat')}:* {md(record['caveat'])}"
    return line


@cached_view()
def dataset_details(state: ViewState) -> list[tuple[str, str]]:
    """Per dataset an (expander label, Markdown body) pair: tables, licence, every source with
    its dates and caveat, the manifest's notes, live fields, and the error if unreadable.
    """
    frame, records = q.datasets(), q.source_records()
    out = []
    for row in frame.itertuples():
        title = DATASETS[row.dataset].title()
        label = f"{title} ({row.dataset})"
        if isinstance(row.error, str):
            out.append((label, f"**{t('om.d_error')}:** {md(row.error)}"))
            continue
        lines = [
            f"**{t('om.d_tables')}:** {md(row.table_ids or t('om.no_tables'))}",
            f"**{t('om.d_licence')}:** {md(row.licence)}",
            f"**{t('om.d_sources')}:**",
        ]
        own = records[records["dataset"] == row.dataset]
        lines += [_source_line(r) for _, r in own.iterrows()]
        if row.notes:
            lines.append(f"**{t('om.d_notes')}:**")
            lines += [f"- {md(n)}" for n in row.notes.split(" | ")]
        live = [(f, getattr(row, f)) for f in q.LIVE_FIELDS if isinstance(getattr(row, f), str)]
        if live:
            lines.append(
                f"**{t('om.d_live')}:** "
                + " · ".join(f"{t(LIVE_COLUMNS[f])} {md(v)}" for f, v in live)
            )
        if isinstance(row.live_problem, str):
            lines.append(f"**{t('om.col_live_problem')}:** {md(row.live_problem)}")
        out.append((label, "\n\n".join(lines)))
    return out


# ---------------------------------------------------------------------------------------------
# Coverage
# ---------------------------------------------------------------------------------------------


def _short(code: str, label: object) -> str:
    if code in SHORT_NAMES:
        return t(SHORT_NAMES[code])
    return str(label) if isinstance(label, str) else code


def _prelim_notes(matrix: pd.DataFrame) -> list[str]:
    """One note per year with preliminary values, with SSB's publication date."""
    vintages = q.kostra_vintages()
    notes = []
    for year, group in matrix[matrix["preliminary"] > 0].groupby("year"):
        dates = vintages.loc[
            (vintages["year"] == year) & (vintages["vintage"] == "preliminary"), "published"
        ].dropna()
        published = iso_date(dates.max()) if len(dates) else "–"
        notes.append(
            t(
                "om.prelim_note",
                n=int(group["preliminary"].sum()),
                year=year,
                published=published,
                next_year=year + 1,
            )
        )
    return notes


@cached_view()
def kostra_heatmap(state: ViewState) -> Exhibit:
    """Municipalities with a value per KOSTRA key figure and year, as a heatmap with counts."""
    matrix = q.kostra_matrix()
    totals = q.kostra_totals()
    total = len(index().codes)
    codes = list(dict.fromkeys(matrix["indicator_code"]))
    years = sorted(matrix["year"].unique().tolist())
    labels = matrix.drop_duplicates("indicator_code").set_index("indicator_code")
    names = [_short(c, labels.loc[c, "indicator_label"]) for c in codes]
    z = matrix.pivot(index="indicator_code", columns="year", values="kommuner_with_value")
    prelim = matrix.pivot(index="indicator_code", columns="year", values="preliminary")
    hover = t("om.heat_hover", kommuner="%{z}", prelim="%{customdata}")
    fig = go.Figure(
        go.Heatmap(
            z=z.loc[codes].to_numpy().tolist(),
            x=years,
            y=names,
            customdata=prelim.loc[codes].to_numpy().tolist(),
            colorscale=[[0, "#FFFFFF"], [1, theme.KOMMUNE]],
            zmin=0,
            showscale=False,
            texttemplate="%{z}",
            xgap=2,
            ygap=2,
            hovertemplate=f"%{{y}} · %{{x}}<br>{hover}<extra></extra>",
        )
    )
    if totals["kommuner"]:
        title = t(
            "om.heat_title",
            n=totals["kommuner"],
            total=total,
            year=totals["best_year"],
            best=totals["best_count"],
        )
    else:
        title = t("om.heat_title_none")
    refs = [SourceRef.of("kostra")]
    period = f"{years[0]}–{years[-1]}" if years else ""
    theme.style(
        fig,
        title=title,
        source=source_line(refs, period),
        x_title=t("common.year"),
        y_title=None,
        height=32 * len(codes) + 40,
        legend=False,
    )
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(dtick=1, tickformat="d")
    notes = [t("om.heat_cell_note", total=total), *_prelim_notes(matrix)]
    missing = int(matrix["rows_without_value"].sum())
    if missing:
        notes.append(t("om.heat_missing_note", n=missing))
    columns = _columns(
        indicator_code=N_("om.col_indicator_code"),
        indicator_label=N_("om.col_indicator"),
        year=N_("om.col_year"),
        kommuner_with_value=N_("om.col_with_value"),
        rows_without_value=N_("om.col_without_value"),
        preliminary=N_("om.col_preliminary"),
    )
    return _exhibit(
        "om-dekning-kostra",
        state,
        title,
        matrix,
        columns,
        refs,
        period,
        figure=fig,
        notes=tuple(notes),
    )


@cached_view()
def county_table(state: ViewState) -> Exhibit:
    """Per county: municipalities, how many have KOSTRA figures (ever, latest year), years."""
    data = q.county_coverage()
    latest = q.kostra_totals()["latest_year"]
    title = t("om.county_title", n=int((data["with_kostra"] > 0).sum()), counties=len(data))
    columns = _columns(
        county_code=N_("om.col_county_code"),
        county_name=N_("om.col_county"),
        kommuner=N_("om.col_county_kommuner"),
        with_kostra=N_("om.col_with_kostra"),
    )
    columns["with_kostra_latest"] = t("om.col_with_kostra_latest", year=latest or "–")
    columns["kostra_years"] = t("om.col_kostra_years")
    refs = [SourceRef.of("kostra"), SourceRef.of("kommuner")]
    return _exhibit("om-dekning-fylker", state, title, data, columns, refs)


@cached_view()
def kostra_regions_table(state: ViewState) -> Exhibit:
    """Landet, Landet uten Oslo and KOSTRA groups: years, key figures and values in KOSTRA."""
    data = q.kostra_regions()
    data = data.assign(level=[t(LEVELS[lvl]) for lvl in data["region_level"]])
    columns = _columns(
        region_code=N_("om.col_region_code"),
        region_name=N_("om.col_region"),
        level=N_("om.col_level"),
        years=N_("om.col_years"),
        key_figures=N_("om.col_key_figures"),
        values=N_("om.col_values"),
    )
    groups = data[data["region_level"] == "kostragruppe"]
    old = (groups["first_year"] < GROUP_BREAK_YEAR).any()
    notes = [t("om.old_group_note")] if old else []
    title = t("om.regions_title", n=len(data))
    return _exhibit(
        "om-dekning-regioner",
        state,
        title,
        data,
        columns,
        [SourceRef.of("kostra")],
        notes=tuple(notes),
    )


KOMMUNE_REFS = ("kommuner", *q.KOMMUNE_BLOCKS)


@cached_view()
def kommune_table(state: ViewState) -> Exhibit:
    """All current municipalities with what exists for each: KOSTRA years and counts,
    population (estimated years), projection tables, KOSTRA group, spending-need index.
    """
    coverage = q.kommune_coverage()
    data = coverage.frame
    title = t(
        "om.kommuner_title",
        kostra=int((data["kostra_years"] != "").sum()),
        total=len(data),
        proj=int((data["projection_tables"] != "").sum()),
        need=int((data["utgiftsbehov_years"] != "").sum()),
    )
    columns = _columns(
        kommune_code=N_("om.col_kommune_code"),
        kommune_name=N_("om.col_kommune"),
        county_name=N_("om.col_county"),
        kostra_years=N_("om.col_kostra_years"),
        kostra_values=N_("om.col_kostra_values"),
        ndr_years=N_("om.col_ndr_years"),
        kostra_preliminary_years=N_("om.col_prelim_years"),
        population_years=N_("om.col_population_years"),
        population_estimated_years=N_("om.col_estimated_years"),
        projection_tables=N_("om.col_projection_tables"),
        kostragruppe_code=N_("om.col_group"),
        kostragruppe_year=N_("om.col_group_year"),
        utgiftsbehov_years=N_("om.col_need_years"),
    )
    notes = []
    if coverage.unreadable:
        notes.append(t("om.unreadable_columns_note", names=_names(coverage.unreadable)))
    refs = [SourceRef.of(d) for d in KOMMUNE_REFS if d not in coverage.unreadable]
    return _exhibit("om-dekning-kommuner", state, title, data, columns, refs, notes=tuple(notes))


def kommune_rows(ex: Exhibit, query: str, only_kostra: bool) -> pd.DataFrame:
    """The rows of the per-municipality exhibit matching a search, as displayed."""
    return display(ex, q.search_kommuner(ex.data, query, only_kostra))


def no_hits(query: str) -> str:
    """'No municipality matches …', with the reader's text made safe to show."""
    return t("om.no_hits", query=md(shown(query)))


def _kostra_part(row: pd.Series) -> str:
    if not row["kostra_years"]:
        return t("om.part_no_kostra")
    text = t("om.part_kostra", years=row["kostra_years"], n=number(row["kostra_values"]))
    if row["kostra_preliminary_years"]:
        text += ", " + t("om.part_kostra_prelim", years=row["kostra_preliminary_years"])
    return text


def _population_part(row: pd.Series) -> str:
    text = t("om.part_population", years=row["population_years"])
    if row["population_estimated_years"]:
        text += f" ({t('om.part_estimated', years=row['population_estimated_years'])})"
    return text


def _group_part(row: pd.Series) -> str:
    if not row["kostragruppe_code"]:
        return ""
    code = row["kostragruppe_code"]
    n = int(code[3:]) if code.startswith("EKG") else code
    return t("om.part_group", n=n, year=row["kostragruppe_year"])


PARTS: dict[str, Callable[[pd.Series], str]] = {
    "kostra": _kostra_part,
    "befolkning_grupper": _population_part,
    "framskriving": lambda r: (
        t("om.part_projection", tables=r["projection_tables"])
        if r["projection_tables"]
        else t("om.part_no_projection")
    ),
    "kostragruppe_medlemskap": _group_part,
    "utgiftsbehov": lambda r: (
        t("om.part_need", years=r["utgiftsbehov_years"])
        if r["utgiftsbehov_years"]
        else t("om.part_no_need")
    ),
}


def kommune_sentence(state: ViewState) -> str:
    """What exists for the chosen municipality, in one Markdown sentence (values escaped)."""
    coverage = q.kommune_coverage()
    frame = coverage.frame
    row = frame[frame["kommune_code"] == state.kommune].iloc[0]
    parts = []
    for name, build in PARTS.items():
        if name in coverage.unreadable:
            parts.append(t("om.part_unreadable", dataset=_names((name,))))
        else:
            parts.append(build(row))
    sentence = t(
        "om.kommune_sentence",
        name=md(index().label(state.kommune)),
        parts=md("; ".join(p for p in parts if p)),
    )
    origins = q.datasets().set_index("dataset")["origin"]
    if not row["kostra_years"] and origins.get("kostra") == "snapshot":
        sentence += " " + t("om.kommune_fill_hint")
    return sentence


@cached_view()
def estimates_table(state: ViewState) -> Exhibit:
    """Municipalities whose population is an estimated split in some years, and from what."""
    data = q.estimated_splits()
    title = t("om.anslag_title", n=len(data), years=int(data["years"].sum()))
    columns = _columns(
        kommune_code=N_("om.col_kommune_code"),
        kommune_name=N_("om.col_kommune"),
        first_year=N_("om.col_first_year"),
        last_year=N_("om.col_last_year"),
        years=N_("om.col_year_count"),
        split_from=N_("om.col_split_from"),
    )
    notes = []
    sums = q.estimated_sums()
    if sums:
        notes.append(t("om.anslag_sum_note", n=sums))
    refs = [SourceRef.of("befolkning_grupper"), SourceRef.of("kodeendringer")]
    return _exhibit("om-anslag", state, title, data, columns, refs, notes=tuple(notes))


def population_text(state: ViewState) -> str:
    """The population coverage in one paragraph (municipalities and years from the data)."""
    row = q.datasets().set_index("dataset").loc["befolkning_grupper"]
    return t("om.population_text", kommuner=row["kommuner"], years=row["period"])


@cached_view()
def projections_table(state: ViewState) -> Exhibit:
    """Per projection table and level: which regions, alternatives, years and age detail."""
    data = q.projection_coverage()
    names = [", ".join(region_name(c) for c in codes.split(", ")) for codes in data["region_codes"]]
    data = data.assign(
        level=[t(LEVELS[lvl]) for lvl in data["region_level"]],
        region_names=names,
        years=[f"{a}–{b}" for a, b in zip(data["first_year"], data["last_year"], strict=True)],
    )
    level_count = {
        lvl: len(set(",".join(data.loc[data["region_level"] == lvl, "region_codes"]).split(", ")))
        for lvl in ("kommune", "fylke")
    }
    title = t("om.framskriving_title", kommuner=level_count["kommune"], fylker=level_count["fylke"])
    columns = _columns(
        table_id=N_("om.col_table_id"),
        level=N_("om.col_level"),
        regions=N_("om.col_regions"),
        region_names=N_("om.col_region_names"),
        alternatives=N_("om.col_alternatives"),
        years=N_("om.col_years"),
        age_group_regions=N_("om.col_age_regions"),
    )
    caveats = q.source_records()
    caveats = caveats.loc[caveats["dataset"] == "framskriving", "caveat"].dropna().unique()
    notes = [*caveats, t("om.framskriving_note"), t("om.alternatives_note")]
    return _exhibit(
        "om-dekning-framskriving",
        state,
        title,
        data,
        columns,
        [SourceRef.of("framskriving")],
        notes=tuple(notes),
    )


# ---------------------------------------------------------------------------------------------
# Definitions
# ---------------------------------------------------------------------------------------------


def _pct(value: float) -> str:
    """A norm as text with as many decimals as it has: '2 %', '1,75 %'."""
    decimals = 0 if float(value).is_integer() else 2
    return percent(value, decimals)


def ndr_definition(state: ViewState) -> str:
    """What netto driftsresultat is and how KOSTRA measures it."""
    return t("om.def_ndr", code=NETTO_DRIFTSRESULTAT)


def tbu_definition(state: ViewState) -> str:
    """The TBU norms (municipalities; whole sector from the TBU series) and the series' scope."""
    periods = q.tbu_norm_periods()
    last = periods.iloc[-1]
    years = f"{int(periods['first_year'].min())}–{int(periods['last_year'].max())}"
    return t(
        "om.def_tbu",
        kommune=_pct(TBU_NORM_KOMMUNE_PCT),
        sektor=_pct(last["tbu_norm_pct"]),
        years=years,
    )


@cached_view()
def tbu_norm_table(state: ViewState) -> Exhibit:
    """The sector's TBU norm by period, from the TBU series."""
    data = q.tbu_norm_periods()
    first, last = data.iloc[0], data.iloc[-1]
    if len(data) > 1:
        title = t(
            "om.tbu_title",
            first=_pct(first["tbu_norm_pct"]),
            first_end=int(first["last_year"]),
            last=_pct(last["tbu_norm_pct"]),
            last_start=int(last["first_year"]),
        )
    else:
        title = t(
            "om.tbu_title_one",
            norm=_pct(first["tbu_norm_pct"]),
            years=f"{int(first['first_year'])}–{int(first['last_year'])}",
        )
    columns = _columns(
        first_year=N_("om.col_first_year"),
        last_year=N_("om.col_last_year"),
        tbu_norm_pct=N_("om.col_norm"),
    )
    refs = [SourceRef.of("tbu_kommunesektoren")]
    period = f"{int(first['first_year'])}–{int(last['last_year'])}"
    return _exhibit("om-tbu-norm", state, title, data, columns, refs, period)


def groups_definition(state: ViewState) -> str:
    """What KOSTRA groups are, the 2020 break, and the membership years the app has."""
    return t(
        "om.def_groups",
        n=len(q.kostra_groups()),
        years=q.year_ranges(q.membership_years()),
    )


@cached_view()
def groups_table(state: ViewState) -> Exhibit:
    """SSB's description of the KOSTRA groups, as published."""
    data = q.kostra_groups()
    columns = _columns(
        kostragruppe_code=N_("om.col_group_code"),
        kostragruppe_name=N_("om.col_group_name"),
        folkemengde=N_("om.col_size"),
        bundne_kostnader=N_("om.col_bound"),
        frie_disponible_inntekter=N_("om.col_free"),
        antall_kommuner=N_("om.col_members"),
    )
    # SSB describes the groups in bokmål; readers of another language are told so.
    notes = () if current() == SSB_LANGUAGE else (t("om.groups_lang_note"),)
    return _exhibit(
        "om-kostragrupper",
        state,
        t("om.groups_title", n=len(data)),
        data,
        columns,
        [SourceRef.of("kostragrupper")],
        notes=notes,
    )


@cached_view()
def vintages_table(state: ViewState) -> Exhibit:
    """KOSTRA rows per year, vintage and publication date."""
    data = q.kostra_vintages()
    data = data.assign(
        vintage_text=[t(VINTAGES[v]) if v in VINTAGES else v for v in data["vintage"]]
    )
    counts = data.groupby("vintage")["rows"].sum()
    title = t(
        "om.vintage_title",
        prelim=int(counts.get("preliminary", 0)),
        unknown=int(counts.get("unknown", 0)),
    )
    columns = _columns(
        year=N_("om.col_year"),
        vintage_text=N_("om.col_vintage"),
        published=N_("om.col_published"),
        rows=N_("om.col_rows"),
    )
    years = data["year"]
    period = f"{int(years.min())}–{int(years.max())}" if len(years) else ""
    return _exhibit(
        "om-kostra-arganger", state, title, data, columns, [SourceRef.of("kostra")], period
    )


def reading_notes() -> str:
    """How to read the charts: what each chart's one note line leaves out (computed figures,
    hollow points, groupings, series breaks, projections), as a Markdown list."""
    return t("om.reading", norm=percent(TBU_NORM_KOMMUNE_PCT, 2))


def codes_definition(state: ViewState) -> str:
    """Code changes in 2020 and 2024 (counted in KLASS 131) and the splits of 2024."""
    changes = q.code_changes()
    per_date = changes.groupby("changed_on")["changes"].sum()
    splits = q.splits_on("2024-01-01")
    sentences = []
    for (old_code, old_name), group in splits.groupby(["old_code", "old_name"]):
        new = f" {t('common.and')} ".join(
            f"{c} {n}" for c, n in zip(group["new_code"], group["new_name"], strict=True)
        )
        sentences.append(t("om.split_sentence", old=f"{old_code} {old_name}", new=new))
    return t(
        "om.def_codes",
        n2020=int(per_date.get("2020-01-01", 0)),
        n2024=int(per_date.get("2024-01-01", 0)),
        splits=md(" ".join(sentences)),
    )


@cached_view()
def codes_table(state: ViewState) -> Exhibit:
    """KLASS 131 changes per date and kind."""
    data = q.code_changes()
    data = data.assign(
        kind=[t(CHANGE_KINDS[k]) if k in CHANGE_KINDS else k for k in data["change_type"]]
    )
    columns = _columns(
        changed_on=N_("om.col_changed_on"),
        kind=N_("om.col_change_type"),
        changes=N_("om.col_changes"),
    )
    title = t("om.codes_title", n=int(data["changes"].sum()))
    return _exhibit(
        "om-kodeendringer", state, title, data, columns, [SourceRef.of("kodeendringer")]
    )


def need_definition(state: ViewState) -> str:
    """The spending-need index, its third-party caveat, and the municipalities it lacks."""
    coverage = q.kommune_coverage()
    if "utgiftsbehov" in coverage.unreadable:
        raise DataError(t("om.part_unreadable", dataset=_names(("utgiftsbehov",))))
    frame = coverage.frame
    missing = frame[frame["utgiftsbehov_years"] == ""]
    labels = ", ".join(index().label(c) for c in missing["kommune_code"]) or "–"
    return t("om.def_need", missing=md(labels))


def robek_definition(state: ViewState) -> str:
    """What ROBEK is and for which years the app has the status."""
    return t("om.def_robek", years=q.year_ranges(q.robek_years()))


def ratio_definition(state: ViewState) -> str:
    """People aged 20–66 per person 67+: the definition and its tables."""
    return t("om.def_ratio")


def vintage_definition(state: ViewState) -> str:
    """Preliminary (15 March) and final (15 June) KOSTRA figures, revisions, vintages."""
    return t("om.def_vintage")


def estimated_definition(state: ViewState) -> str:
    """Estimated municipal splits: why and how they are flagged."""
    return t("om.def_estimated")


# ---------------------------------------------------------------------------------------------
# Refresh
# ---------------------------------------------------------------------------------------------


def refresh_text(state: ViewState) -> str:
    """How the app picks the live cache or the snapshot, and when a new fetch shows."""
    seconds = DataStore.__dataclass_fields__["recheck_s"].default
    return t("om.refresh_text", seconds=number(seconds))


def _path(path: Path) -> str:
    """A path relative to the project root when that is shorter, as an operator types it."""
    relative = os.path.relpath(path, PROJECT_ROOT)
    return relative if len(relative) < len(str(path)) else str(path)


def settings_lines() -> str:
    """The settings this process uses, as `NAME=value` lines for a code block."""
    s = load_settings()
    values = {
        "KOMMUNE_SEED_DIR": _path(s.seed_dir),
        "KOMMUNE_CACHE_DIR": _path(s.cache_dir),
        "SSB_API_URL": s.ssb_api_url,
        "SSB_KLASS_URL": s.ssb_klass_url,
        "SSB_RATE_LIMIT_CALLS": s.rate_limit_calls,
        "SSB_RATE_LIMIT_WINDOW": s.rate_limit_window_s,
        "SSB_HTTP_TIMEOUT": s.http_timeout_s,
    }
    return "\n".join(f"{name}={value}" for name, value in values.items())


def rate_text(state: ViewState) -> str:
    """SSB's request limits and the loader's own, lower limit."""
    s = load_settings()
    return t(
        "om.rate_text",
        calls=s.rate_limit_calls,
        window=number(s.rate_limit_window_s),
    )


EXHIBITS = {
    "om-kilder": sources_table,
    "om-kildeposter": source_records_table,
    "om-dekning-kostra": kostra_heatmap,
    "om-dekning-fylker": county_table,
    "om-dekning-regioner": kostra_regions_table,
    "om-dekning-kommuner": kommune_table,
    "om-anslag": estimates_table,
    "om-dekning-framskriving": projections_table,
    "om-kostragrupper": groups_table,
    "om-tbu-norm": tbu_norm_table,
    "om-kostra-arganger": vintages_table,
    "om-kodeendringer": codes_table,
}
