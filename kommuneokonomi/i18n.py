"""The translation layer: every UI text by key, in each language's gettext catalogue.

Texts live in kommuneokonomi/locale/<lang>/LC_MESSAGES/messages.po (msgid = the key the code
uses, msgstr = the text with `{placeholders}`), read with Babel when this module is imported:
no compiled files, no build step. A language is one more catalogue and one more entry in
LANGS.

The language is chosen once per script run or request (the page header, the embeds, the
exports) and held in a context variable, so code that makes text asks for it only by key:
`t("key", **values)`, `tn("key", n, **values)` for texts that count something. Keys are
always literal strings in the code; where a key is picked at run time, it is written with
the no-op marker `N_("key")`, so tests/test_catalogue.py (Babel's extractor) finds every key
that the code uses.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from gettext import GNUTranslations
from pathlib import Path
from typing import ParamSpec, TypeVar

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LANGS = ("nb", "nn", "en")
DEFAULT_LANG = "nb"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

P = ParamSpec("P")
R = TypeVar("R")

_LANGUAGE: ContextVar[str] = ContextVar("language", default=DEFAULT_LANG)


def catalogue_path(lang: str) -> Path:
    """The .po file that holds `lang`'s texts."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"


def read_catalogue(lang: str) -> Catalog:
    """`lang`'s catalogue as Babel reads it (also for tests/test_catalogue.py)."""
    with catalogue_path(lang).open("rb") as file:
        return read_po(file, locale=lang, domain="messages")


class _Texts:
    """One language's texts: its keys, and gettext lookups with that language's plural rule."""

    def __init__(self, catalogue: Catalog) -> None:
        self.singular = {m.id for m in catalogue if m.id and not m.pluralizable}
        self.plural = {m.id[0] for m in catalogue if m.id and m.pluralizable}
        compiled = io.BytesIO()
        write_mo(compiled, catalogue)
        compiled.seek(0)
        self.gettext = GNUTranslations(compiled)


_TEXTS = {lang: _Texts(read_catalogue(lang)) for lang in LANGS}


def current() -> str:
    """The language texts are made in now ('nb' unless a page, embed or export chose one)."""
    return _LANGUAGE.get()


def use_language(lang: str) -> None:
    """Make `lang` the language of the rest of this script run (pages set it in the header).

    Streamlit runs every script run in a fresh context, so nothing leaks between sessions.
    """
    _LANGUAGE.set(lang)


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Make texts in `lang` inside the block (embeds, exports, builders from a ViewState)."""
    token = _LANGUAGE.set(lang)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def bound(func: Callable[P, R]) -> Callable[P, R]:
    """`func` bound to the language current now, for functions that Streamlit or pandas call
    later, outside this script run's context (a widget's format_func, a Styler's formatter)."""
    lang = current()

    @functools.wraps(func)
    def in_language(*args: P.args, **kwargs: P.kwargs) -> R:
        with language(lang):
            return func(*args, **kwargs)

    return in_language


def language_name(lang: str) -> str:
    """A language's name in itself ('English'), from its own catalogue: the switch's label."""
    with language(lang):
        return t("common.language_name")


def _fill(text: str, values: dict[str, object]) -> str:
    return text.format(**values) if values else text


def t(key: str, /, **values: object) -> str:
    """The text for `key` in the current language, with `{placeholders}` filled from `values`.

    KeyError for a key the catalogue lacks (tests/test_catalogue.py keeps that from happening).
    """
    texts = _TEXTS[current()]
    if key not in texts.singular:
        raise KeyError(f"no text {key!r} in the {current()} catalogue")
    return _fill(texts.gettext.gettext(key), values)


def tn(key: str, n: int, /, **values: object) -> str:
    """The form of `key` that fits the count `n` by the language's plural rule ('1 tabell',
    '2 tabeller'); `{n}` is filled with `n` unless `values` gives it (e.g. formatted)."""
    texts = _TEXTS[current()]
    if key not in texts.plural:
        raise KeyError(f"no plural text {key!r} in the {current()} catalogue")
    return _fill(texts.gettext.ngettext(key, key, n), {"n": n, **values})


def N_(key: str, /) -> str:
    """Mark a key that is picked at run time (`t(KEYS[kind])`), so extraction finds it."""
    return key
