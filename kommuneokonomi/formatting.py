"""Numbers and dates as readers expect them: 1 234,5 in bokmål, 1,234.5 in English."""

from __future__ import annotations

import numbers
import re
from datetime import date

import numpy as np
import pandas as pd

NBSP = "\u00a0"
YES_NO = {"nb": ("ja", "nei"), "en": ("yes", "no")}  # flags such as `computed` in tables
MINUS = "\u2212"

MONTHS = {
    "nb": [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def is_missing(value: object) -> bool:
    """True for None, NaN, pd.NA and NaT: a figure that does not exist must never be printed
    or written as 0."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # list-likes have no single truth value
        return False


def number(value: float | int | None, lang: str, decimals: int = 0, missing: str = "–") -> str:
    """A number with the language's separators; `missing` for None/NaN."""
    if is_missing(value):
        return missing
    rounded = round(float(value), decimals)
    text = f"{abs(rounded):,.{decimals}f}"
    if lang != "en":
        text = text.replace(",", NBSP).replace(".", ",")
    if rounded < 0:
        text = (MINUS if lang != "en" else "-") + text
    return text


def percent(value: float | None, lang: str, decimals: int = 1, missing: str = "–") -> str:
    """A percentage: '1,8 %' in bokmål, '1.8%' in English."""
    if is_missing(value):
        return missing
    text = number(value, lang, decimals)
    return f"{text}{NBSP}%" if lang != "en" else f"{text}%"


def signed(value: float | None, lang: str, decimals: int = 1, suffix: str = "") -> str:
    """A change with an explicit sign (+1,2 / −0,4), for deltas and differences."""
    if is_missing(value):
        return "–"
    text = number(value, lang, decimals)
    return (text if text.startswith(("-", MINUS)) else f"+{text}") + suffix


def iso_date(text: str | None, lang: str) -> str:
    """An ISO date ('2026-03-16' or '2026-03') as '16. mars 2026' / '16 March 2026'."""
    if not text:
        return "–"
    parts = text[:10].split("-")
    try:
        if len(parts) == 3:
            day = date(int(parts[0]), int(parts[1]), int(parts[2]))
            month = MONTHS[lang if lang == "en" else "nb"][day.month - 1]
            return (
                f"{day.day} {month} {day.year}"
                if lang == "en"
                else f"{day.day}. {month} {day.year}"
            )
        if len(parts) == 2:
            month = MONTHS[lang if lang == "en" else "nb"][int(parts[1]) - 1]
            return f"{month} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return text


def plotly_separators(lang: str) -> str:
    """Plotly's `separators` layout value: decimal mark then thousands mark."""
    return ".," if lang == "en" else "," + NBSP


TABLE_DECIMALS = 2  # at most this many decimals in a table on screen; files keep every digit


def table_cell(value: object, lang: str, missing: str = "–") -> str:
    """A table cell as a reader sees it: `missing` for None/NaN; a decimal number with the
    language's marks and at most TABLE_DECIMALS decimals (15.1346… → '15,13', 1151.0 →
    '1 151'); whole numbers and text as they are.
    """
    if is_missing(value):
        return missing
    if isinstance(value, bool | np.bool_):
        return YES_NO[lang if lang in YES_NO else "nb"][0 if value else 1]
    if isinstance(value, numbers.Real) and not isinstance(value, numbers.Integral | bool):
        text = repr(float(value))
        if "e" in text or "n" in text:
            return text
        exact = 0 if text.endswith(".0") else len(text.partition(".")[2])
        return number(float(value), lang, min(exact, TABLE_DECIMALS))
    return str(value)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>$~:])")


def markdown_literal(text: object) -> str:
    """Text from data or a link made literal for Markdown: every character Markdown or
    Streamlit could interpret (emphasis, links, HTML, LaTeX, directives) is backslash-escaped.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))
