"""The view state shared by all pages and kept in the URL, and how raw URL values are checked.

`?kommune=4601&aar=2025&sammenlign=0301,5001&lang=en` restores a view. Every value is
validated here; a bad one yields a Notice (shown to the reader) and a sensible default,
never an exception. Old municipality codes and names lead to today's municipality.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import quote

from kommuneokonomi.i18n import DEFAULT_LANG, LANGS, N_
from kommuneokonomi.queries.kommuner import KommuneIndex

DEFAULT_KOMMUNE = "0301"
MAX_COMPARE = 10
MAX_VALUE_CHARS = 200  # longer URL values are cut before any processing
SHOWN_VALUE_CHARS = 40  # at most this much of a bad value is echoed back to the reader

# Control characters, markdown/HTML syntax, and invisible or direction-changing characters
# (zero-width, bidi overrides, BOM) that could make an echoed value read as something else.
_CONTROL = re.compile(r"[\x00-\x1f\x7f`<>*_$~\[\]|\\\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")

_LABEL_CODE = re.compile(r".*\((\d{4})\)\s*")


@dataclass(frozen=True)
class ViewState:
    """Everything that defines a view; any exhibit can be rebuilt from it (pages, embeds)."""

    kommune: str = DEFAULT_KOMMUNE
    lang: str = DEFAULT_LANG
    aar: int | None = None
    sammenlign: tuple[str, ...] = ()
    indikator: str | None = None
    mot: str | None = None
    indeks: int | None = None
    alternativ: str | None = None
    vekter: str | None = None  # the similarity weights as the URL writes them (views.vekter)

    def query(self) -> str:
        """This state as a permalink query string (defaults left out)."""
        return permalink_query(
            {
                "kommune": self.kommune,
                "aar": self.aar,
                "sammenlign": self.sammenlign,
                "indikator": self.indikator,
                "mot": self.mot,
                "indeks": self.indeks,
                "alternativ": self.alternativ,
                "vekter": self.vekter,
                "lang": self.lang if self.lang != DEFAULT_LANG else None,
            }
        )


@dataclass(frozen=True)
class Notice:
    """Something the reader should know about their link: an i18n key (marked with N_) and
    its values."""

    key: str
    values: dict[str, str] = field(default_factory=dict)


def shown(value: str) -> str:
    """A bad value made safe to echo: no markup or control characters, length-capped."""
    cleaned = _CONTROL.sub("", value)[:SHOWN_VALUE_CHARS]
    return f"«{cleaned}{'…' if len(value) > SHOWN_VALUE_CHARS else ''}»"


def first(raw: str | list[str] | None) -> str | None:
    """The last value of a repeated parameter (as browsers send it), capped in length."""
    if isinstance(raw, list):
        raw = raw[-1] if raw else None
    return raw[:MAX_VALUE_CHARS].strip() if raw is not None else None


def parse_lang(raw: str | list[str] | None) -> tuple[str, list[Notice]]:
    """A language code in LANGS ('nb', 'en'); an unknown value falls back to bokmål with a
    notice."""
    value = first(raw)
    if value is None or value == "":
        return DEFAULT_LANG, []
    if value.lower() in LANGS:
        return value.lower(), []
    return DEFAULT_LANG, [Notice(N_("notice.bad_lang"), {"value": shown(value)})]


def _code_of(value: str) -> str:
    """The code in a picker label ('Bergen (4601)', as older links carry it), else the value."""
    match = _LABEL_CODE.fullmatch(value)
    return match.group(1) if match else value


def parse_kommune(
    raw: str | list[str] | None, index: KommuneIndex, default: str = DEFAULT_KOMMUNE
) -> tuple[str, list[Notice]]:
    """Today's municipality code for a URL value: a current or old code, or a name."""
    value = first(raw)
    if not value:
        return default, []
    value = _code_of(value)
    code = value.zfill(4) if value.isdigit() and len(value) <= 4 else value
    if index.is_current(code):
        return code, []
    successors = index.resolve(code) if code.isdigit() else ()
    if len(successors) == 1:
        current = index.label(successors[0])
        return successors[0], [
            Notice(N_("notice.old_kommune"), {"value": shown(value), "current": current})
        ]
    if len(successors) > 1:
        current = index.label(successors[0])
        return successors[0], [
            Notice(N_("notice.split_kommune"), {"value": shown(value), "current": current})
        ]
    matches = [] if code.isdigit() else index.search(value, limit=1)
    if matches:
        return matches[0].kommune_code, []
    return default, [
        Notice(
            N_("notice.unknown_kommune"), {"value": shown(value), "fallback": index.label(default)}
        )
    ]


def parse_year(
    raw: str | list[str] | None, years: list[int], default: int
) -> tuple[int, list[Notice]]:
    """A year among `years`; anything else (text, out of range) gives `default` and a notice."""
    value = first(raw)
    if not value:
        return default, []
    if value.isdigit() and int(value) in years:
        return int(value), []
    return default, [
        Notice(N_("notice.bad_year"), {"value": shown(value), "fallback": str(default)})
    ]


def split_codes(raw: str | list[str] | None) -> list[str]:
    """Codes from '0301,5001' or repeated parameters, each capped, duplicates dropped."""
    values = raw if isinstance(raw, list) else [raw] if raw else []
    parts = [p.strip() for v in values[:50] for p in v[:MAX_VALUE_CHARS].split(",")]
    return list(dict.fromkeys(p for p in parts if p))


def parse_compare(
    raw: str | list[str] | None, index: KommuneIndex, exclude: str | None = None
) -> tuple[tuple[str, ...], list[Notice]]:
    """Up to MAX_COMPARE current municipality codes; unknown ones are dropped with a notice."""
    notices: list[Notice] = []
    codes: list[str] = []
    unknown: list[str] = []
    for part in map(_code_of, split_codes(raw)):
        resolved = index.resolve(part.zfill(4) if part.isdigit() else part)
        if not resolved:
            unknown.append(part)
        codes += [c for c in resolved if c not in codes and c != exclude]
    if unknown:
        notices.append(
            Notice(N_("notice.bad_compare"), {"value": ", ".join(shown(u) for u in unknown[:5])})
        )
    if len(codes) > MAX_COMPARE:
        notices.append(Notice(N_("notice.too_many_compare"), {"limit": str(MAX_COMPARE)}))
        codes = codes[:MAX_COMPARE]
    return tuple(codes), notices


def permalink_query(params: dict[str, str | list[str] | tuple[str, ...] | int | None]) -> str:
    """A readable, URL-safe query string ('kommune=4601&aar=2025&sammenlign=0301,5001').

    Empty values are dropped; lists are joined with commas, as people write them.
    """
    parts = []
    for key, value in params.items():
        if value is None or value == "" or value == () or value == []:
            continue
        text = ",".join(value) if isinstance(value, list | tuple) else str(value)
        parts.append(f"{key}={quote(text, safe=',')}")
    return "&".join(parts)
