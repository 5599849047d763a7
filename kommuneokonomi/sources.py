"""Source lines: which SSB tables a number comes from, for which period, and as of when.

Every chart, table and export carries one, built from the served datasets' manifest
entries so that no number reaches a reader without its origin.
"""

from __future__ import annotations

from dataclasses import dataclass

from kommuneokonomi import data
from kommuneokonomi.formatting import iso_date
from kommuneokonomi.i18n import t


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


def _tables_text(ids: list[str], lang: str) -> str:
    ssb = [i for i in ids if not i.startswith("KLASS")]
    klass = [i for i in ids if i.startswith("KLASS")]
    parts = []
    if ssb:
        word = t("common.tables" if len(ssb) > 1 else "common.table", lang)
        joined = f" {t('common.and', lang)} ".join(
            [", ".join(ssb[:-1]), ssb[-1]] if len(ssb) > 1 else ssb
        )
        parts.append(f"SSB {word} {joined}")
    parts += klass
    return ", ".join(parts)


def _as_of_text(ref: SourceRef, lang: str) -> str:
    return t(f"asof.{ref.as_of_kind or 'reference'}", lang, date=iso_date(ref.as_of, lang))


def source_line(refs: list[SourceRef], lang: str, period: str | None = None) -> str:
    """The line under every chart: tables, period, as-of date and whether live or snapshot.

    E.g. 'Kilde: SSB tabell 07459 og 14746 · 2005–2050 · tall per 1. januar 2026'. When the
    tables have different dates, each date follows its tables.
    """
    origins = {r.origin for r in refs}
    origin_text = t("common.live" if origins == {"live"} else "common.snapshot", lang)
    dates = {(r.as_of, r.as_of_kind) for r in refs if r.as_of}
    non_ssb = list(dict.fromkeys(p for r in refs if not r.table_ids for p in r.publishers))
    if len(dates) > 1:
        groups: dict[str, list[str]] = {}
        for ref in refs:
            if ref.as_of and ref.table_ids:
                groups.setdefault(_as_of_text(ref, lang), []).extend(ref.table_ids)
        what = "; ".join(
            f"{_tables_text(list(dict.fromkeys(ids)), lang)} ({when})"
            for when, ids in groups.items()
        )
        parts = [f"{t('common.source', lang)}: {', '.join(filter(None, [what, *non_ssb]))}"]
        if period:
            parts.append(period)
        return " · ".join([*parts, origin_text])
    ids = list(dict.fromkeys(i for r in refs for i in r.table_ids))
    what = ", ".join(filter(None, [_tables_text(ids, lang), *non_ssb]))
    parts = [f"{t('common.source', lang)}: {what}"]
    if period:
        parts.append(period)
    dated = [r for r in refs if r.as_of]
    if dated:
        parts.append(f"{_as_of_text(dated[0], lang)} ({origin_text})")
    else:
        parts.append(origin_text)
    return " · ".join(parts)


def licence_lines(refs: list[SourceRef]) -> list[str]:
    """Distinct licence lines of the datasets behind a view."""
    return list(dict.fromkeys(line for r in refs for line in r.licences))
