"""Source lines: which SSB tables a number comes from, for which period, and as of when.

Every chart, table and export carries one, built from the served datasets' manifest
entries so that no number reaches a reader without its origin.
"""

from __future__ import annotations

from dataclasses import dataclass

from kommuneokonomi import data
from kommuneokonomi.formatting import iso_date
from kommuneokonomi.i18n import N_, t, tn

AS_OF = {  # SourceRef.as_of_kind → how the date reads
    "published": N_("asof.published"),
    "fetched": N_("asof.fetched"),
    "reference": N_("asof.reference"),
}
ORIGINS = {"live": N_("common.live"), "snapshot": N_("common.snapshot")}


@dataclass(frozen=True)
class SourceRef:
    """One dataset's contribution to a view: table ids, licence, as-of date and origin."""

    dataset: str
    table_ids: tuple[str, ...]
    publishers: tuple[str, ...]
    licences: tuple[str, ...]
    as_of: str | None
    as_of_kind: str | None
    origin: str

    @classmethod
    def of(cls, dataset: str, table_ids: tuple[str, ...] | None = None) -> SourceRef:
        """The reference for a served dataset, optionally narrowed to some of its tables."""
        prov = data.provenance(dataset)
        ids = tuple(i for i in prov.table_ids if table_ids is None or i in table_ids)
        publishers = tuple(dict.fromkeys(s.get("publisher", "") for s in prov.sources))
        return cls(
            dataset, ids, publishers, tuple(prov.licence), prov.as_of, prov.as_of_kind, prov.origin
        )


def _tables_text(ids: list[str]) -> str:
    ssb = [i for i in ids if not i.startswith("KLASS")]
    klass = [i for i in ids if i.startswith("KLASS")]
    parts = []
    if ssb:
        word = tn("common.tables", len(ssb))
        joined = f" {t('common.and')} ".join(
            [", ".join(ssb[:-1]), ssb[-1]] if len(ssb) > 1 else ssb
        )
        parts.append(f"SSB {word} {joined}")
    parts += klass
    return ", ".join(parts)


def as_of_text(kind: str | None, as_of: str | None) -> str:
    """'publisert 16. mars 2026', 'hentet …' or 'tall per …' for an as-of date and its kind."""
    return t(AS_OF[kind or "reference"], date=iso_date(as_of))


def origin_text(origin: str) -> str:
    """'hentet fra SSB' for live data, 'offline-snapshot' for the snapshot."""
    return t(ORIGINS[origin])


def _as_of_text(ref: SourceRef) -> str:
    return as_of_text(ref.as_of_kind, ref.as_of)


def source_line(refs: list[SourceRef], period: str | None = None) -> str:
    """The line under every chart: tables, period, as-of date and whether live or snapshot.

    E.g. 'Kilde: SSB tabell 07459 og 14746 · 2005–2050 · tall per 1. januar 2026'. When the
    tables have different dates, each date follows its tables.
    """
    origins = {r.origin for r in refs}
    origin = origin_text("live" if origins == {"live"} else "snapshot")
    dates = {(r.as_of, r.as_of_kind) for r in refs if r.as_of}
    non_ssb = list(dict.fromkeys(p for r in refs if not r.table_ids for p in r.publishers))
    if len(dates) > 1:
        groups: dict[str, list[str]] = {}
        for ref in refs:
            if ref.as_of and ref.table_ids:
                groups.setdefault(_as_of_text(ref), []).extend(ref.table_ids)
        what = "; ".join(
            f"{_tables_text(list(dict.fromkeys(ids)))} ({when})" for when, ids in groups.items()
        )
        parts = [f"{t('common.source')}: {', '.join(filter(None, [what, *non_ssb]))}"]
        if period:
            parts.append(period)
        return " · ".join([*parts, origin])
    ids = list(dict.fromkeys(i for r in refs for i in r.table_ids))
    what = ", ".join(filter(None, [_tables_text(ids), *non_ssb]))
    parts = [f"{t('common.source')}: {what}"]
    if period:
        parts.append(period)
    dated = [r for r in refs if r.as_of]
    if dated:
        parts.append(f"{_as_of_text(dated[0])} ({origin})")
    else:
        parts.append(origin)
    return " · ".join(parts)


def licence_lines(refs: list[SourceRef]) -> list[str]:
    """Distinct licence lines of the datasets behind a view."""
    return list(dict.fromkeys(line for r in refs for line in r.licences))
