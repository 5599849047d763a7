"""KLASS v1 answers of the test server, from real data only.

- 104 `codesAt`: the counties of the snapshot's municipality list (2024 division).
- 131 `codesAt`: the recorded KLASS answer for 2026-01-01; earlier dates (from 2011) undo the
  snapshot's real code changes (`kodeendringer`) that happened after the date.
- 131 `changes`: the snapshot's `kodeendringer` (KLASS 131 changes 2011–2024).
- 112 ↔ 131 `correspondsAt`: the snapshot's `kostragruppe_medlemskap` (2022–2024).

NOTE: KLASS's error body is not confirmed; we answer Spring-style
`{"timestamp", "status", "error", "message", "path"}`.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

from kommuneokonomi.data import DataStore


class KlassError(Exception):
    """A KLASS error answer: HTTP status and message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message

    def body(self, path: str) -> dict:
        """Spring-style error body."""
        return {
            "timestamp": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "status": self.status,
            "error": {400: "Bad Request", 404: "Not Found"}.get(self.status, "Error"),
            "message": self.message,
            "path": path,
        }


class Klass:
    """The classifications the server knows: 131 (municipalities) and 112 (KOSTRA groups)."""

    def __init__(self, store: DataStore, fixtures: Path) -> None:
        self._store = store
        self._codes_2026 = json.loads(
            (fixtures / "klass_131_codesAt_2026-01-01_response.json").read_text()
        )["codes"]

    def codes_at(self, classification: str, when: str) -> dict:
        """`/classifications/{id}/codesAt?date=`: codes valid on the date."""
        day = _date(when)
        if classification == "131":
            return {"codes": self._municipalities_at(day)}
        if classification == "104":
            counties = self._store.frame("kommuner").drop_duplicates("county_code")
            return {
                "codes": [
                    _code(c, n)
                    for c, n in sorted(
                        zip(counties["county_code"], counties["county_name"], strict=True)
                    )
                ]
            }
        if classification == "112":
            groups = self._store.frame("kostragrupper")
            return {
                "codes": [
                    _code(c, n)
                    for c, n in zip(
                        groups["kostragruppe_code"], groups["kostragruppe_name"], strict=True
                    )
                ]
            }
        raise KlassError(404, f"Classification with id {classification} not found")

    def changes(self, classification: str, start: str, end: str | None) -> dict:
        """`/classifications/131/changes?from=&to=`: changes with from <= date < to."""
        if classification != "131":
            raise KlassError(404, f"Classification with id {classification} not found")
        first = _date(start)
        last = _date(end) if end else date.max
        frame = self._store.frame("kodeendringer")
        items = []
        for row in frame.itertuples(index=False):
            occurred = date.fromisoformat(row.changed_on)
            if first <= occurred < last:
                items.append(
                    {
                        "oldCode": row.old_code,
                        "oldName": row.old_name,
                        "oldShortName": "",
                        "newCode": row.new_code,
                        "newName": row.new_name,
                        "newShortName": "",
                        "changeOccurred": row.changed_on,
                    }
                )
        return {"codeChanges": items}

    def corresponds_at(self, source: str, target: str, when: str) -> dict:
        """`/classifications/{source}/correspondsAt?targetClassificationId=&date=`."""
        if {source, target} != {"112", "131"}:
            raise KlassError(404, f"No correspondence between {source} and {target}")
        year = _date(when).year
        members = self._store.frame("kostragruppe_medlemskap")
        members = members[members["year"] == year]
        if members.empty:
            raise KlassError(404, f"No correspondence table between 112 and 131 valid at {when}")
        names = dict(
            zip(
                self._store.frame("kommuner")["kommune_code"],
                self._store.frame("kommuner")["kommune_name"],
                strict=True,
            )
        )
        items = []
        for row in members.itertuples(index=False):
            group = (row.kostragruppe_code, row.kostragruppe_name)
            kommune = (row.kommune_code, names.get(row.kommune_code, row.kommune_code))
            (sc, sn), (tc, tn) = (group, kommune) if source == "112" else (kommune, group)
            items.append(
                {
                    "sourceCode": sc,
                    "sourceName": sn,
                    "sourceShortName": "",
                    "targetCode": tc,
                    "targetName": tn,
                    "targetShortName": "",
                }
            )
        return {"correspondenceItems": items}

    def _municipalities_at(self, day: date) -> list[dict]:
        """131 codes valid on `day`: the 2026 list with later real changes undone."""
        if day < date(2011, 1, 1):
            raise KlassError(400, "the test server knows KLASS 131 from 2011-01-01 on")
        codes = {c["code"]: c for c in self._codes_2026}
        frame = self._store.frame("kodeendringer").sort_values("changed_on", ascending=False)
        for changed_on, group in frame.groupby("changed_on", sort=False):
            if date.fromisoformat(changed_on) <= day:
                break
            for new_code in set(group["new_code"]):
                codes.pop(new_code, None)
            for old_code, old_name in zip(group["old_code"], group["old_name"], strict=True):
                codes[old_code] = _code(old_code, old_name)
        return [codes[c] for c in sorted(codes)]


def _code(code: str, name: str) -> dict:
    """One KLASS code item with the fields codesAt returns."""
    return {
        "code": code,
        "parentCode": None,
        "level": "1",
        "name": name,
        "shortName": "",
        "presentationName": "",
        "validFrom": None,
        "validTo": None,
        "notes": "",
    }


def _date(text: str) -> date:
    """A YYYY-MM-DD parameter, or a 400 naming it."""
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        raise KlassError(400, f"invalid date {text!r}, expected YYYY-MM-DD") from None
