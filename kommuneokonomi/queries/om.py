"""What the served data rests on: sources, freshness and coverage, read from the cache itself.

Every summary here comes from the datasets the app serves and their manifest entries
(`kommuneokonomi.data`), so the "Om dataene" page can never claim more than the cache holds.
A dataset that cannot be read is reported with its error, never silently skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd

from kommuneokonomi import data
from kommuneokonomi.datasets import DATASETS
from kommuneokonomi.errors import DataError
from kommuneokonomi.indicators import FIGURES, NETTO_DRIFTSRESULTAT
from kommuneokonomi.queries import kostra as kostra_queries
from kommuneokonomi.queries.cache import cached
from kommuneokonomi.queries.kommuner import fold

# Manifest fields that only live entries (written by `python -m loaders refresh`) carry.
LIVE_FIELDS = ("fetched_at", "ssb_updated", "last_success", "last_error")

DATASET_COLUMNS = [
    "dataset",
    "title_nb",
    "title_en",
    "origin",
    "table_ids",
    "publishers",
    "licence",
    "as_of",
    "as_of_kind",
    "period",
    "rows",
    "kommuner",
    "caveats",
    "notes",
    "file",
    *LIVE_FIELDS,
    "live_problem",
    "error",
]

SOURCE_COLUMNS = [
    "dataset",
    "title",
    "table_id",
    "publisher",
    "licence",
    "period",
    "published",
    "fetched",
    "reference_date",
    "copied_from",
    "file",
    "url",
    "caveat",
]


def year_ranges(years: Iterable[int]) -> str:
    """'2015–2018, 2020–2025' for a set of years: runs of consecutive years; '' for none."""
    ordered = sorted({int(y) for y in years})
    runs: list[list[int]] = []
    for year in ordered:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def _joined(values: Iterable[Any], sep: str = " | ") -> str:
    """Distinct non-empty values in order, joined; '' when there are none."""
    return sep.join(dict.fromkeys(str(v) for v in values if v))


def _period(entry: dict[str, Any]) -> str:
    """The covered years from the manifest's coverage, else the sources' own period texts."""
    years = entry.get("coverage", {}).get("years")
    if years:
        return f"{years[0]}–{years[-1]}" if years[0] != years[-1] else str(years[0])
    return _joined((s.get("period") for s in entry.get("sources", [])), "; ")


def _dataset_row(name: str) -> dict[str, Any]:
    """One dataset's manifest entry summarised, or its error when it cannot be read."""
    registered = DATASETS[name]
    row: dict[str, Any] = {
        "dataset": name,
        "title_nb": registered.title_nb,
        "title_en": registered.title_en,
    }
    try:
        prov = data.provenance(name)
    except DataError as exc:
        return {**row, "error": str(exc)}
    entry, coverage = prov.entry, prov.entry.get("coverage", {})
    return {
        **row,
        "origin": prov.origin,
        "table_ids": ", ".join(prov.table_ids),
        "publishers": _joined((s.get("publisher") for s in prov.sources), "; "),
        "licence": _joined(prov.licence, "; "),
        "as_of": prov.as_of,
        "as_of_kind": prov.as_of_kind,
        "period": _period(entry),
        "rows": entry.get("rows") or coverage.get("rows") or coverage.get("features"),
        "kommuner": coverage.get("kommuner"),
        "caveats": _joined(s.get("caveat") for s in prov.sources),
        "notes": _joined(entry.get("notes", [])),
        "file": f"{prov.origin}/{entry.get('file', '')}",
        **{f: entry.get(f) for f in LIVE_FIELDS},
        "live_problem": data.store().problems.get(name),
    }


@cached(maxsize=4)
def datasets() -> pd.DataFrame:
    """One row per registered dataset: titles, origin, SSB table ids, publishers, licence,
    as-of date and its kind, period, size, caveats, notes, live fields, or the read error.
    """
    rows = [_dataset_row(name) for name in DATASETS]
    frame = pd.DataFrame(rows, columns=DATASET_COLUMNS)
    frame["rows"] = frame["rows"].astype("Int64")
    frame["kommuner"] = frame["kommuner"].astype("Int64")
    return frame


@cached(maxsize=4)
def source_records() -> pd.DataFrame:
    """One row per source record of every readable dataset: what each dataset is built from."""
    rows = []
    for name in DATASETS:
        try:
            sources = data.provenance(name).sources
        except DataError:
            continue
        for s in sources:
            rows.append(
                {
                    "dataset": name,
                    "title": s.get("title"),
                    "table_id": s.get("table_id"),
                    "publisher": s.get("publisher"),
                    "licence": s.get("licence"),
                    "period": s.get("period"),
                    "published": s.get("published"),
                    "fetched": s.get("fetched"),
                    "reference_date": s.get("reference_date"),
                    "copied_from": s.get("origin"),
                    "file": s.get("file"),
                    "url": s.get("url"),
                    "caveat": s.get("caveat"),
                }
            )
    return pd.DataFrame(rows, columns=SOURCE_COLUMNS)


@dataclass(frozen=True)
class Overview:
    """The headline facts: how many datasets, served from where, and which cannot be read."""

    total: int
    live: tuple[str, ...]
    snapshot: tuple[str, ...]
    unreadable: tuple[str, ...]
    live_problems: tuple[str, ...]
    refresh_errors: tuple[str, ...]
    latest_fetch: str | None


def overview() -> Overview:
    """Counts by origin, the newest live fetch, and datasets with read or refresh problems."""
    frame = datasets()

    def names(mask: pd.Series) -> tuple[str, ...]:
        return tuple(frame.loc[mask, "dataset"])

    live = frame["origin"] == "live"
    fetched = frame.loc[live, "fetched_at"].dropna()
    return Overview(
        total=len(frame),
        live=names(live),
        snapshot=names(frame["origin"] == "snapshot"),
        unreadable=names(frame["error"].notna()),
        live_problems=names(frame["live_problem"].notna()),
        refresh_errors=names(frame["last_error"].notna()),
        latest_fetch=max(fetched) if len(fetched) else None,
    )


@cached(maxsize=4)
def kostra_matrix() -> pd.DataFrame:
    """Per key figure and year: municipalities with a value, municipal rows without a value,
    and how many values are preliminary. Every registered key figure and every year from the
    first to the last in the dataset appear, so gaps show as 0 municipalities.
    """
    kommune = _shown_kostra()
    with_value = kommune[kommune["value"].notna()]
    codes = list(dict.fromkeys([*FIGURES, *kommune["indicator_code"]]))
    years = range(int(kommune["year"].min()), int(kommune["year"].max()) + 1)
    grid = pd.MultiIndex.from_product([codes, years], names=["indicator_code", "year"])
    by = ["indicator_code", "year"]
    counts = pd.DataFrame(
        {
            "kommuner_with_value": with_value.groupby(by)["region_code"].nunique(),
            "rows_without_value": kommune[kommune["value"].isna()].groupby(by).size(),
            "preliminary": with_value[with_value["vintage"] == "preliminary"].groupby(by).size(),
        }
    )
    out = counts.reindex(grid).fillna(0).astype(int).reset_index()
    out["indicator_label"] = out["indicator_code"].map(lambda c: FIGURES[c].name_nb)
    return out


@cached(maxsize=2)
def _shown_kostra() -> pd.DataFrame:
    """Municipal rows of every KOSTRA figure as the app shows them (published and computed)."""
    parts = [kostra_queries.indicator(code).assign(indicator_code=code) for code in FIGURES]
    rows = pd.concat(parts, ignore_index=True)
    return rows[rows["region_level"] == "kommune"]


@cached(maxsize=4)
def kostra_totals() -> dict[str, Any]:
    """Municipalities with any KOSTRA value, the year with the most of them, the latest year."""
    rows = _shown_kostra()
    rows = rows[rows["value"].notna()]
    per_year = rows.groupby("year")["region_code"].nunique()
    best = per_year[per_year == per_year.max()].index.max() if len(per_year) else None
    return {
        "kommuner": int(rows["region_code"].nunique()),
        "best_year": int(best) if best is not None else None,
        "best_count": int(per_year.max()) if len(per_year) else 0,
        "latest_year": int(per_year.index.max()) if len(per_year) else None,
    }


@cached(maxsize=4)
def kostra_regions() -> pd.DataFrame:
    """Coverage of the regions that are not municipalities (Landet, KOSTRA groups, counties)."""
    kostra = data.frame("kostra")
    rows = kostra[(kostra["region_level"] != "kommune") & kostra["value"].notna()]
    out = rows.groupby(["region_code", "region_level"]).agg(
        region_name=("region_name", "first"),
        first_year=("year", "min"),
        years=("year", year_ranges),
        key_figures=("indicator_code", "nunique"),
        values=("value", "size"),
    )
    return out.reset_index()


@cached(maxsize=4)
def kostra_vintages() -> pd.DataFrame:
    """KOSTRA rows per year, vintage (final, preliminary, unknown) and publication date."""
    kostra = data.frame("kostra")
    keys = ["year", "vintage", "published"]
    out = kostra.groupby(keys, dropna=False).size().rename("rows").reset_index()
    return out.sort_values(keys, na_position="last").reset_index(drop=True)


def _frame_or_none(name: str) -> pd.DataFrame | None:
    """The dataset, or None when it cannot be read (the caller reports which one)."""
    try:
        return data.frame(name)
    except DataError:
        return None


def _summarised(
    frame: pd.DataFrame, key: str, column: str, summary: Callable[[set], str]
) -> pd.Series:
    """`summary` of the distinct values of `column` for each `key`. Collected in plain Python:
    pandas' per-group Python aggregation took 30 ms a column over 357 municipalities, most of
    the first visit to Om dataene."""
    distinct: dict[Any, set] = {}
    for k, value in zip(frame[key].tolist(), frame[column].tolist(), strict=True):
        distinct.setdefault(k, set()).add(value)
    index = pd.Index(list(distinct), dtype=frame[key].dtype, name=key)
    return pd.Series([summary(v) for v in distinct.values()], index=index)


def _listed(values: set) -> str:
    return ", ".join(sorted(values))


def _years_by_kommune(frame: pd.DataFrame, code_column: str) -> pd.Series:
    return _summarised(frame, code_column, "year", year_ranges)


def _kostra_columns(kostra: pd.DataFrame) -> pd.DataFrame:
    # `kostra` is read to know the dataset is readable; the columns count what the app shows.
    rows = _shown_kostra()
    rows = rows[rows["value"].notna()]
    ndr = rows[rows["indicator_code"] == NETTO_DRIFTSRESULTAT]
    prelim = rows[rows["vintage"] == "preliminary"]
    return pd.DataFrame(
        {
            "kostra_years": _years_by_kommune(rows, "region_code"),
            "kostra_values": rows.groupby("region_code").size(),
            "ndr_years": _years_by_kommune(ndr, "region_code"),
            "kostra_preliminary_years": _years_by_kommune(prelim, "region_code"),
        }
    )


def _population_columns(groups: pd.DataFrame) -> pd.DataFrame:
    rows = groups[groups["region_level"] == "kommune"]
    return pd.DataFrame(
        {
            "population_years": _years_by_kommune(rows, "region_code"),
            "population_estimated_years": _years_by_kommune(rows[rows["estimated"]], "region_code"),
        }
    )


def _projection_columns(proj: pd.DataFrame) -> pd.DataFrame:
    rows = proj[proj["region_level"] == "kommune"]
    return pd.DataFrame(
        {"projection_tables": _summarised(rows, "region_code", "table_id", _listed)}
    )


def _group_columns(members: pd.DataFrame) -> pd.DataFrame:
    latest = members.sort_values("year").groupby("kommune_code").last()
    return pd.DataFrame(
        {"kostragruppe_code": latest["kostragruppe_code"], "kostragruppe_year": latest["year"]}
    )


def _utgiftsbehov_columns(need: pd.DataFrame) -> pd.DataFrame:
    rows = need[need["indeks"].notna()]
    return pd.DataFrame({"utgiftsbehov_years": _years_by_kommune(rows, "kommune_code")})


# Per-municipality coverage columns: which dataset each block comes from, and how it is built.
KOMMUNE_BLOCKS = {
    "kostra": _kostra_columns,
    "befolkning_grupper": _population_columns,
    "framskriving": _projection_columns,
    "kostragruppe_medlemskap": _group_columns,
    "utgiftsbehov": _utgiftsbehov_columns,
}

KOMMUNE_COLUMNS = [
    "kommune_code",
    "kommune_name",
    "county_code",
    "county_name",
    "kostra_years",
    "kostra_values",
    "ndr_years",
    "kostra_preliminary_years",
    "population_years",
    "population_estimated_years",
    "projection_tables",
    "kostragruppe_code",
    "kostragruppe_year",
    "utgiftsbehov_years",
]


@dataclass(frozen=True)
class KommuneCoverage:
    """What exists per current municipality, and which datasets could not be read."""

    frame: pd.DataFrame
    unreadable: tuple[str, ...]


@cached(maxsize=4)
def kommune_coverage() -> KommuneCoverage:
    """One row per current municipality: years with KOSTRA values, netto driftsresultat,
    population (and its estimated years), projection tables, KOSTRA group and spending-need
    index. Columns of an unreadable dataset stay empty and the dataset is named.
    """
    out = data.frame("kommuner").set_index("kommune_code")
    unreadable = []
    for name, block in KOMMUNE_BLOCKS.items():
        frame = _frame_or_none(name)
        if frame is None:
            unreadable.append(name)
            continue
        out = out.join(block(frame))
    out = out.reset_index().reindex(columns=KOMMUNE_COLUMNS)
    text = [
        c
        for c in KOMMUNE_COLUMNS
        if c.endswith(("_years", "_tables", "_code", "_name")) and c != "kostragruppe_year"
    ]
    out[text] = out[text].fillna("")
    out["kostragruppe_year"] = out["kostragruppe_year"].astype("Int64")
    out["kostra_values"] = out["kostra_values"].astype("Int64")
    if "kostra" not in unreadable:
        out["kostra_values"] = out["kostra_values"].fillna(0)
    return KommuneCoverage(out, tuple(unreadable))


def search_kommuner(frame: pd.DataFrame, text: str, only_kostra: bool = False) -> pd.DataFrame:
    """Rows whose municipality name, number or county matches `text` (forgiving of æøå and
    case); with `only_kostra`, only municipalities with at least one KOSTRA value.
    """
    rows = frame
    if only_kostra:
        rows = rows[rows["kostra_years"] != ""]
    query = fold(text or "")
    if not query:
        return rows
    haystack = rows["kommune_code"] + " " + rows["kommune_name"] + " " + rows["county_name"]
    return rows[haystack.map(fold).str.contains(query, regex=False)]


@cached(maxsize=4)
def county_coverage() -> pd.DataFrame:
    """Per county: municipalities, how many have any KOSTRA value, and in which years."""
    kommuner = data.frame("kommuner")
    rows = _shown_kostra()
    rows = rows[rows["value"].notna()]
    rows = rows.merge(
        kommuner[["kommune_code", "county_code"]], left_on="region_code", right_on="kommune_code"
    )
    latest = kostra_totals()["latest_year"]
    by_county = rows.groupby("county_code")
    out = kommuner.groupby(["county_code", "county_name"]).size().rename("kommuner").reset_index()
    out = out.set_index("county_code")
    out["with_kostra"] = by_county["region_code"].nunique()
    out["with_kostra_latest"] = (
        rows[rows["year"] == latest].groupby("county_code")["region_code"].nunique()
    )
    out["kostra_years"] = _summarised(rows, "county_code", "year", year_ranges)
    out[["with_kostra", "with_kostra_latest"]] = (
        out[["with_kostra", "with_kostra_latest"]].fillna(0).astype(int)
    )
    out["kostra_years"] = out["kostra_years"].fillna("")
    return out.reset_index()


def _split_sources(changes: pd.DataFrame, code: str) -> str:
    """Old municipalities split between `code` and others (KLASS 131), as '1507 Ålesund'."""
    rows = changes[(changes["new_code"] == code) & (changes["change_type"] == "split")]
    return ", ".join(f"{r.old_code} {r.old_name}" for r in rows.itertuples())


@cached(maxsize=4)
def estimated_splits() -> pd.DataFrame:
    """Municipality-years whose population is an estimated split of an old municipality,
    with the municipality that was split (from KLASS 131 changes).
    """
    groups = data.frame("befolkning_grupper")
    changes = data.frame("kodeendringer")
    names = data.frame("kommuner").set_index("kommune_code")["kommune_name"]
    rows = groups[(groups["region_level"] == "kommune") & groups["estimated"]]
    out = rows.groupby("region_code")["year"].agg(["min", "max", "nunique"]).reset_index()
    out.columns = ["kommune_code", "first_year", "last_year", "years"]
    out.insert(1, "kommune_name", out["kommune_code"].map(names))
    out["split_from"] = [_split_sources(changes, c) for c in out["kommune_code"]]
    return out


@cached(maxsize=4)
def estimated_sums() -> int:
    """County and national region-years flagged as estimates because they sum estimated splits."""
    groups = data.frame("befolkning_grupper")
    rows = groups[(groups["region_level"] != "kommune") & groups["estimated"]]
    return int(rows[["region_code", "year"]].drop_duplicates().shape[0])


@cached(maxsize=4)
def projection_coverage() -> pd.DataFrame:
    """Per projection table and region level: region codes, alternatives, years, and how many
    regions have age groups (the others have totals only).
    """
    proj = data.frame("framskriving")
    keys = ["table_id", "region_level"]
    out = proj.groupby(keys).agg(
        regions=("region_code", "nunique"),
        first_year=("year", "min"),
        last_year=("year", "max"),
    )
    # Joined over distinct values only: the table has a row per region, year, age and sex.
    for column, name in (("region_code", "region_codes"), ("alternative", "alternatives")):
        distinct = proj[[*keys, column]].drop_duplicates()
        out[name] = distinct.groupby(keys)[column].agg(_listed)
    out = out[["regions", "region_codes", "alternatives", "first_year", "last_year"]]
    detailed = proj[proj["age_group"] != "total"].groupby(keys)
    out["age_group_regions"] = detailed["region_code"].nunique()
    out["age_group_regions"] = out["age_group_regions"].fillna(0).astype(int)
    return out.reset_index()


@cached(maxsize=4)
def tbu_norm_periods() -> pd.DataFrame:
    """The TBU norm for the whole sector by period (runs of years with the same norm)."""
    tbu = data.frame("tbu_kommunesektoren").sort_values("year")
    tbu = tbu[tbu["tbu_norm_pct"].notna()]
    run = (tbu["tbu_norm_pct"] != tbu["tbu_norm_pct"].shift()).cumsum()
    out = tbu.groupby(run).agg(
        first_year=("year", "min"),
        last_year=("year", "max"),
        tbu_norm_pct=("tbu_norm_pct", "first"),
    )
    return out.reset_index(drop=True)


def kostra_groups() -> pd.DataFrame:
    """SSB's description of the 17 KOSTRA groups (2020 grouping), as published."""
    return data.frame("kostragrupper")


@cached(maxsize=4)
def code_changes() -> pd.DataFrame:
    """KLASS 131 municipality code changes counted per date and kind (merge, split, ...)."""
    changes = data.frame("kodeendringer")
    out = changes.groupby(["changed_on", "change_type"]).size().rename("changes")
    return out.reset_index()


def splits_on(changed_on: str) -> pd.DataFrame:
    """The municipalities split on a date: old code and name, new codes and names."""
    changes = data.frame("kodeendringer")
    rows = changes[(changes["changed_on"] == changed_on) & (changes["change_type"] == "split")]
    return rows[["old_code", "old_name", "new_code", "new_name"]].reset_index(drop=True)


@cached(maxsize=4)
def membership_years() -> list[int]:
    """Years for which the KOSTRA group membership of every municipality is known."""
    return sorted(data.frame("kostragruppe_medlemskap")["year"].unique().tolist())


@cached(maxsize=4)
def robek_years() -> list[int]:
    """Years for which the ROBEK status of the municipalities is known."""
    kjennetegn = data.frame("kommune_kjennetegn")
    return sorted(kjennetegn.loc[kjennetegn["robek"].notna(), "year"].unique().tolist())
