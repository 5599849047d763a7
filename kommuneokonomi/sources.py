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


def source_line(refs: list[SourceRef], lang: str, period: str | None = None) -> str:
    """The line under every chart: tables, period, as-of date and whether live or snapshot.

    E.g. 'Kilde: SSB tabell 07459 og 14746 · 2005–2050 · tall per 1. januar 2026'.
    """
    ids = list(dict.fromkeys(i for r in refs for i in r.table_ids))
    non_ssb = [p for r in refs if not r.table_ids for p in r.publishers]
    what = ", ".join(filter(None, [_tables_text(ids, lang), *dict.fromkeys(non_ssb)]))
    parts = [f"{t('common.source', lang)}: {what}"]
    if period:
        parts.append(period)
    dated = sorted((r.as_of, r.as_of_kind or "reference") for r in refs if r.as_of)
    origins = {r.origin for r in refs}
    origin_text = t("common.live" if origins == {"live"} else "common.snapshot", lang)
    if dated:
        when, kind = dated[-1]
        parts.append(f"{t(f'asof.{kind}', lang, date=iso_date(when, lang))} ({origin_text})")
    else:
        parts.append(origin_text)
    return " · ".join(parts)


def licence_lines(refs: list[SourceRef]) -> list[str]:
    """Distinct licence lines of the datasets behind a view."""
    return list(dict.fromkeys(line for r in refs for line in r.licences))
