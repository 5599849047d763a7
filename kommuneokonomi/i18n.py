"""The one translation table: every UI text in bokmål (default) and English.

`t("key", lang, **values)` returns the text with `{placeholders}` filled. Texts live by area in
kommuneokonomi/texts/<area>.py (keys prefixed by area); they are merged here into one table,
and a key defined twice or missing is a bug that raises KeyError.
"""

from __future__ import annotations

from kommuneokonomi.texts import (
    befolkning,
    common,
    driftsresultat,
    eksport,
    om,
    profil,
    sammenlign,
)

# Every text module; add a new area here.
AREAS = (common, profil, driftsresultat, befolkning, sammenlign, om, eksport)

LANGS = ("nb", "en")
DEFAULT_LANG = "nb"

TEXTS: dict[str, tuple[str, str]] = {}
for _module in AREAS:
    _clash = TEXTS.keys() & _module.TEXTS.keys()
    if _clash:
        raise KeyError(f"translation keys defined twice: {sorted(_clash)}")
    TEXTS.update(_module.TEXTS)


def t(key: str, lang: str, /, **values: object) -> str:
    """The text for `key` in `lang`, with `{placeholders}` filled from `values`."""
    nb, en = TEXTS[key]
    text = en if lang == "en" else nb
    return text.format(**values) if values else text
