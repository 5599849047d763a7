"""Finding municipalities: by current code, by name, and by old codes and names.

Old codes lead to today's municipality through the KLASS 131 change history (2020 reform,
2024 renumbering). A split (1507 Ålesund → 1508 Ålesund and 1580 Haram) leads to both.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import pandas as pd

from kommuneokonomi import data
from kommuneokonomi.queries.cache import cached


def fold(text: str) -> str:
    """Lower-case text without diacritics and with æøå spelt out, for forgiving search."""
    text = text.casefold().replace("æ", "ae").replace("ø", "o").replace("å", "a")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


@dataclass(frozen=True)
class Match:
    """A search hit: the current municipality and why it matched (old code/name or none)."""

    kommune_code: str
    via_old: str | None = None


@dataclass(frozen=True)
class KommuneIndex:
    """The current municipalities with their counties and the old codes that lead to them."""

    kommuner: pd.DataFrame
    names: dict[str, str]
    successors: dict[str, tuple[str, ...]]
    old_names: dict[str, tuple[str, ...]]
    counties: dict[str, tuple[str, str]]

    @property
    def codes(self) -> list[str]:
        """Current municipality codes, in code order."""
        return self.kommuner["kommune_code"].tolist()

    def name(self, code: str) -> str:
        """Official name of a current municipality (KLASS), or the code if unknown."""
        return self.names.get(code, code)

    def county(self, code: str) -> tuple[str, str]:
        """(county code, county name) of a current municipality."""
        return self.counties[code]

    def is_current(self, code: str) -> bool:
        """True if `code` is one of today's municipality codes."""
        return code in self.names

    def resolve(self, code: str) -> tuple[str, ...]:
        """Today's municipality codes for a current or historical code; empty if unknown."""
        if self.is_current(code):
            return (code,)
        return self.successors.get(code, ())

    def search(self, text: str, limit: int = 10) -> list[Match]:
        """Municipalities whose name, number, old name or old number matches `text`."""
        query = fold(text)
        if not query:
            return []
        hits: list[Match] = []
        if query.isdigit():
            code = query.zfill(4)
            hits = [Match(c, None if c == code else code) for c in self.resolve(code)]
        names = self.names
        prefix = [c for c, n in names.items() if any(p.startswith(query) for p in _parts(n))]
        contains = [c for c, n in names.items() if query in fold(n) and c not in prefix]
        hits += [Match(c) for c in prefix + contains]
        for old_code, old_names in self.old_names.items():
            if any(fold(n).startswith(query) for n in old_names):
                hits += [Match(c, f"{old_names[0]} ({old_code})") for c in self.resolve(old_code)]
        seen: set[str] = set()
        unique = [h for h in hits if not (h.kommune_code in seen or seen.add(h.kommune_code))]
        return unique[:limit]

    def label(self, code: str) -> str:
        """'Bergen (4601)': the label used in pickers and tables."""
        return f"{self.name(code)} ({code})"


def _parts(name: str) -> list[str]:
    """'Oslo - Oslove' is found by 'oslo' and by 'oslove'."""
    return [fold(part) for part in name.split(" - ")] + [fold(name)]


def _successors(changes: pd.DataFrame, current: set[str]) -> dict[str, tuple[str, ...]]:
    """Follow every change forward in time until only current codes remain."""
    ordered = changes.sort_values("changed_on")
    forward: dict[str, list[tuple[str, str]]] = {}
    for row in ordered.itertuples():
        forward.setdefault(row.old_code, []).append((row.changed_on, row.new_code))

    def follow(code: str, after: str, depth: int = 0) -> set[str]:
        nexts = [(d, n) for d, n in forward.get(code, []) if d > after and (n != code)]
        if not nexts or depth > 10:
            return {code} if code in current else set()
        first = min(d for d, _ in nexts)
        return set().union(*(follow(n, first, depth + 1) for d, n in nexts if d == first))

    return {
        code: tuple(sorted(follow(code, "")))
        for code in forward
        if code not in current and follow(code, "")
    }


@cached(maxsize=1)
def index() -> KommuneIndex:
    """The process-wide municipality index built from the served datasets."""
    kommuner = data.frame("kommuner")
    changes = data.frame("kodeendringer")
    current = set(kommuner["kommune_code"])
    old = changes[changes["old_code"] != changes["new_code"]]
    old_names = {
        code: tuple(dict.fromkeys(group["old_name"]))
        for code, group in old.groupby("old_code")
        if code not in current
    }
    names = dict(zip(kommuner["kommune_code"], kommuner["kommune_name"], strict=True))
    counties = {
        code: (county_code, county_name)
        for code, county_code, county_name in zip(
            kommuner["kommune_code"], kommuner["county_code"], kommuner["county_name"], strict=True
        )
    }
    return KommuneIndex(kommuner, names, _successors(changes, current), old_names, counties)


@cached()
def neighbours(kommune_code: str) -> tuple[str, ...]:
    """Municipalities sharing a land border with `kommune_code` (none for island municipalities)."""
    pairs = data.frame("naboer")
    return tuple(sorted(pairs.loc[pairs["kommune_code"] == kommune_code, "nabo_code"]))


@cached()
def county_members(county_code: str) -> tuple[str, ...]:
    """Current municipalities in a county."""
    kommuner = data.frame("kommuner")
    return tuple(kommuner.loc[kommuner["county_code"] == county_code, "kommune_code"])


@dataclass(frozen=True)
class Split:
    """A municipality that came into being when an older one was split: that one's code and
    name, and the first year of today's municipality."""

    old_code: str
    old_name: str
    first_year: int


@cached()
def split_from(kommune_code: str) -> Split | None:
    """The split that created `kommune_code` (1508 Ålesund and 1580 Haram from 1507 in 2024),
    so a page can say plainly why there are no figures before it; None if there was none."""
    changes = data.frame("kodeendringer")
    rows = changes[(changes["new_code"] == kommune_code) & (changes["change_type"] == "split")]
    if rows.empty:
        return None
    row = rows.sort_values("changed_on").iloc[-1]
    return Split(str(row["old_code"]), str(row["old_name"]), int(str(row["changed_on"])[:4]))
