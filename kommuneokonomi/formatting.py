"""Numbers and dates as readers expect them, in the current UI language (i18n.current).

Babel formats them by the language's CLDR data: 1 234,5 with a non-breaking space, a
typographic minus (−0,4) and '1,8 %' in bokmål and nynorsk; 1,234.5, -0.4 and '1.8%' in
English. Exports write numbers themselves (kommuneokonomi.export) and do not use these.
"""

from __future__ import annotations

import functools
import numbers
import re
from datetime import date

import numpy as np
import pandas as pd
from babel import Locale
from babel.dates import format_date
from babel.numbers import (
    NumberPattern,
    format_decimal,
    get_decimal_symbol,
    get_group_symbol,
    get_minus_sign_symbol,
    get_plus_sign_symbol,
    parse_pattern,
)

from kommuneokonomi.i18n import current, t

NBSP = "\u00a0"
MINUS = "\u2212"

# The app's English is British (licence, 16 March 2026); other languages are Babel's own.
BABEL_LOCALES = {"en": "en_GB"}


@functools.cache
def babel_locale(code: str) -> Locale:
    """Babel's locale for a UI language code."""
    return Locale.parse(BABEL_LOCALES.get(code, code))


def locale() -> Locale:
    """Babel's locale for the current UI language."""
    return babel_locale(current())


@functools.cache
def _decimal_pattern(decimals: int) -> NumberPattern:
    return parse_pattern("#,##0" + ("." + "0" * decimals if decimals > 0 else ""))


def is_missing(value: object) -> bool:
    """True for None, NaN, pd.NA and NaT: a figure that does not exist must never be printed
    or written as 0."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # list-likes have no single truth value
        return False


def number(value: float | int | None, decimals: int = 0, missing: str = "–") -> str:
    """A number with the language's separators and minus sign; `missing` for None/NaN.

    Rounded first as Python rounds (round half to even on the binary value), so a figure
    reads the same as before Babel formatted it; −0 is written 0.
    """
    if is_missing(value):
        return missing
    return _formatted(current(), round(float(value), decimals), decimals)


@functools.lru_cache(maxsize=1 << 16)
def _formatted(language: str, rounded: float, decimals: int) -> str:
    """Babel's text for a rounded number, kept: a rerun formats the same few thousand
    figures again (rankings, hovers of 357 municipalities), at 0.08 ms each through Babel."""
    babel = babel_locale(language)
    text = format_decimal(abs(rounded), format=_decimal_pattern(decimals), locale=babel)
    return get_minus_sign_symbol(babel) + text if rounded < 0 else text


def percent_sign() -> tuple[str, str]:
    """What goes before and after a percentage in the language: ('', '\u00a0%') in bokmål,
    ('', '%') in English (from CLDR's percent pattern)."""
    return _percent_sign(current())


@functools.cache
def _percent_sign(language: str) -> tuple[str, str]:
    pattern = babel_locale(language).percent_formats[None]
    return pattern.prefix[0], pattern.suffix[0]


def percent_suffix() -> str:
    """The percent sign as written after a number: '\u00a0%' in bokmål, '%' in English (axis
    tick suffixes, hover templates, deltas)."""
    return percent_sign()[1]


def percent(value: float | None, decimals: int = 1, missing: str = "–") -> str:
    """A percentage of percentage points: 1.8 → '1,8 %' in bokmål, '1.8%' in English."""
    if is_missing(value):
        return missing
    prefix, suffix = percent_sign()
    return f"{prefix}{number(value, decimals)}{suffix}"


def signed(value: float | None, decimals: int = 1, suffix: str = "") -> str:
    """A change with an explicit sign (+1,2 / −0,4), for deltas and differences."""
    if is_missing(value):
        return "–"
    text = number(value, decimals)
    minus = get_minus_sign_symbol(locale())
    return (text if text.startswith(minus) else get_plus_sign_symbol(locale()) + text) + suffix


def iso_date(text: str | None) -> str:
    """An ISO date ('2026-03-16' or '2026-03') as '16. mars 2026' / '16 March 2026', or
    'mars 2026' / 'March 2026'; text that is no such date is returned as it is."""
    if not text:
        return "–"
    parts = text[:10].split("-")
    try:
        if len(parts) == 3:
            day = date(int(parts[0]), int(parts[1]), int(parts[2]))
            return format_date(day, "long", locale=locale())
        if len(parts) == 2:
            return format_date(date(int(parts[0]), int(parts[1]), 1), "LLLL y", locale=locale())
    except ValueError:
        pass
    return text


def plotly_separators() -> str:
    """Plotly's `separators` layout value: the language's decimal mark, then thousands mark."""
    return get_decimal_symbol(locale()) + get_group_symbol(locale())


TABLE_DECIMALS = 2  # at most this many decimals in a table on screen; files keep every digit


def table_cell(value: object, missing: str = "–") -> str:
    """A table cell as a reader sees it: `missing` for None/NaN; a decimal number with the
    language's marks and at most TABLE_DECIMALS decimals (15.1346… → '15,13', 1151.0 →
    '1 151'); whole numbers and text as they are.
    """
    if is_missing(value):
        return missing
    if isinstance(value, bool | np.bool_):
        return t("common.yes") if value else t("common.no")
    if isinstance(value, numbers.Real) and not isinstance(value, numbers.Integral | bool):
        text = repr(float(value))
        if "e" in text or "n" in text:
            return text
        exact = 0 if text.endswith(".0") else len(text.partition(".")[2])
        return number(float(value), min(exact, TABLE_DECIMALS))
    return str(value)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>$~:])")


def markdown_literal(text: object) -> str:
    """Text from data or a link made literal for Markdown: every character Markdown or
    Streamlit could interpret (emphasis, links, HTML, LaTeX, directives) is backslash-escaped.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))
