"""Municipality code changes (KLASS 131): classify them and carry old-code figures to today's codes.

Both the snapshot and the live refresh use this, so one rule holds everywhere:
- counts (population) of merged municipalities are summed into the current code, and only when
  every predecessor has a figure that year;
- ratios are only taken as SSB published them: an old code's figure is used for a current code
  only when the current municipality is that same municipality under another number or name;
- a municipality with a split in its history gets no figures before the split (never guessed).

NOTE: every change in KLASS 131 since 2011 took effect on 1 January, so a change dated
YYYY-01-01 applies to figures for years before YYYY (population 1 January, accounts per year).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


def classify_changes(changes: pd.DataFrame) -> pd.Series:
    """Label each KLASS change (oldCode → newCode on changeOccurred): split, merge, renumber…"""
    per_old = changes.groupby(["changeOccurred", "oldCode"])["newCode"].transform("nunique")
    per_new = changes.groupby(["changeOccurred", "newCode"])["oldCode"].transform("nunique")
    kind = pd.Series("rename", index=changes.index)
    kind[changes["oldCode"] != changes["newCode"]] = "renumber"
    kind[per_new > 1] = "merge"
    kind[per_old > 1] = "split"
    return kind


def kodeendringer_frame(raw: pd.DataFrame) -> pd.DataFrame:
    """The `kodeendringer` dataset from KLASS 131 changes as KLASS names them (oldCode, …).

    One place for the snapshot (CSV seed) and the live refresh (KLASS answer), so both write
    the same columns: four-digit codes, names, `changed_on` and `change_type`.
    """
    return pd.DataFrame(
        {
            "old_code": raw["oldCode"].astype(str).str.zfill(4),
            "old_name": raw["oldName"].astype(str),
            "new_code": raw["newCode"].astype(str).str.zfill(4),
            "new_name": raw["newName"].astype(str),
            "changed_on": raw["changeOccurred"].astype(str),
            "change_type": classify_changes(raw),
        }
    )


@dataclass(frozen=True)
class Lineage:
    """The codes a current municipality's figures for one year are published under."""

    sources: frozenset[str]
    split: bool


class CodeHistory:
    """Walks a `kodeendringer` frame (old_code, new_code, changed_on, change_type) backwards."""

    def __init__(self, kodeendringer: pd.DataFrame) -> None:
        frame = kodeendringer.assign(year=kodeendringer["changed_on"].str[:4].astype(int))
        self._steps: list[tuple[int, dict[str, list[tuple[str, str]]]]] = []
        for year, group in sorted(frame.groupby("year"), key=lambda item: -item[0]):
            olds: dict[str, list[tuple[str, str]]] = {}
            for row in group.itertuples(index=False):
                olds.setdefault(row.new_code, []).append((row.old_code, row.change_type))
            self._steps.append((int(year), olds))

    def lineage(self, code: str, year: int) -> Lineage:
        """Codes that held `code`'s territory in `year`, and whether a split is in between."""
        codes, split = {code}, False
        for change_year, olds in self._steps:
            if year >= change_year:
                break
            before: set[str] = set()
            for current in codes:
                for old, kind in olds.get(current, [(current, "none")]):
                    before.add(old)
                    split |= kind == "split"
            codes = before
        return Lineage(frozenset(codes), split)

    def source_map(self, codes: list[str], years: list[int]) -> pd.DataFrame:
        """(region_code, year, source_code, n_sources) for every code-year that is not split."""
        rows = []
        for code in codes:
            for year in years:
                lineage = self.lineage(code, year)
                if lineage.split:
                    continue
                rows.extend((code, year, s, len(lineage.sources)) for s in lineage.sources)
        return pd.DataFrame(rows, columns=["region_code", "year", "source_code", "n_sources"])


def sum_to_current(
    frame: pd.DataFrame, history: CodeHistory, current: list[str], keys: list[str], value: str
) -> pd.DataFrame:
    """Counts under the codes SSB published them under, summed to current codes.

    `frame` has `region_code` (as published), `year`, the other `keys` and `value`. A current
    code-year is kept only when every predecessor has a row for that key; split lineages and
    incomplete sums are left out, never estimated.
    """
    years = sorted(frame["year"].unique().tolist())
    sources = history.source_map(current, years)
    merged = frame.rename(columns={"region_code": "source_code"}).merge(
        sources, on=["source_code", "year"], how="inner"
    )
    group = ["region_code", "year", *keys]
    summed = merged.groupby(group, as_index=False, observed=True).agg(
        **{
            value: (value, "sum"),
            "_n": ("source_code", "nunique"),
            "n_sources": ("n_sources", "first"),
        }
    )
    complete = summed[summed["_n"] == summed["n_sources"]]
    return complete.drop(columns=["_n", "n_sources"]).reset_index(drop=True)


def as_published(frame: pd.DataFrame, history: CodeHistory, current: list[str]) -> pd.DataFrame:
    """Ratios under current codes, only where SSB published them for the same municipality.

    Adds `source_code` (the code the figure was published under) and replaces `region_code`
    by the current code. Codes outside `current` that are not predecessors are dropped.
    """
    years = sorted(frame["year"].unique().tolist())
    sources = history.source_map(current, years)
    single = sources[sources["n_sources"] == 1].drop(columns="n_sources")
    return (
        frame.rename(columns={"region_code": "source_code"})
        .merge(single, on=["source_code", "year"], how="inner")
        .reset_index(drop=True)
    )
