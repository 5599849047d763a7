"""The one line under a chart that says what is computed, preliminary or missing.

Every exhibit shows its source line (inside the chart) and at most one note: this one. Longer
explanations (series breaks, which year's KOSTRA grouping, how estimates were made) go into
the exhibit's `details`, which exports carry, and into Om dataene.
"""

from __future__ import annotations

import pandas as pd

from kommuneokonomi.formatting import iso_date
from kommuneokonomi.i18n import N_, t, tn
from kommuneokonomi.views.regions import region_name

MAX_NAMED = 4  # rows of up to this many regions are described by name, more by count


def _years(years: pd.Series) -> str:
    values = sorted({int(y) for y in years})
    if len(values) > 1 and values == list(range(values[0], values[-1] + 1)):
        return f"{values[0]}–{values[-1]}"
    return ", ".join(str(y) for y in values)


def _which(
    part: pd.DataFrame,
    rows: pd.DataFrame,
) -> str:
    """What part of the rows a statement is about: 'for 2020–2025' when it is all of one
    region, 'for Drammen (2020–2025) og Landet (2025)' for a few regions, '12 av 357 tall for
    2025' for many."""
    regions = rows["region_code"].dropna().unique() if "region_code" in rows else []
    if len(regions) <= 1:
        return t("notes.for_years", years=_years(part["year"]))
    if len(regions) > MAX_NAMED:
        key = N_("notes.all_of") if len(part) == len(rows) else N_("notes.n_of")
        return t(key, n=len(part), total=len(rows), years=_years(part["year"]))
    named = [
        f"{region_name(code)} ({_years(group['year'])})"
        for code, group in part.groupby("region_code", sort=False)
    ]
    if len(named) > 1:
        named = [", ".join(named[:-1]), named[-1]]
    return t("notes.for_regions", regions=f" {t('common.and')} ".join(named))


def _release(
    part: pd.DataFrame,
) -> str:
    published = part["published"].dropna()
    when = iso_date(published.max()) if len(published) else "–"
    final = (part["vintage"] == "final").all()
    return (
        t("notes.release_final", date=when) if final else t("notes.release_preliminary", date=when)
    )


def data_note(
    rows: pd.DataFrame, *, hollow: bool = True, missing: int = 0, year: int | None = None
) -> str | None:
    """One sentence on the rows shown: which values SSB's amounts were used to compute (with
    their release), which are preliminary (drawn hollow when `hollow`) or of unknown vintage,
    and how many municipalities have no figure (`missing`, for `year`). None when there is
    nothing to say.
    """
    shown = rows[rows["value"].notna()]
    parts = []
    computed = shown[shown["computed"].fillna(False).astype(bool)] if "computed" in shown else None
    if computed is not None and len(computed):
        parts.append(
            t(
                "notes.computed",
                which=_which(computed, shown),
                release=_release(computed),
            )
        )
    preliminary = shown[shown["vintage"] == "preliminary"]
    if len(preliminary):
        published = preliminary["published"].dropna()
        key = N_("notes.preliminary_hollow") if hollow else N_("notes.preliminary")
        parts.append(
            t(
                key,
                which=_which(preliminary, shown),
                published=iso_date(published.max()) if len(published) else "–",
            )
        )
    unknown = shown[shown["vintage"] == "unknown"]
    if len(unknown):
        parts.append(t("notes.vintage_unknown", which=_which(unknown, shown)))
    if missing:
        parts.append(tn("notes.missing", missing, year=year))
    if not parts:
        return None
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def one_line(sentences: list[str]) -> tuple[str, ...]:
    """An exhibit's `notes`: the given sentences as one line, or nothing."""
    text = " ".join(s for s in sentences if s)
    return (text,) if text else ()
