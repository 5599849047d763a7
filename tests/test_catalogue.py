"""The text catalogues match the code: every key the code uses is in every language, nothing
in a catalogue is unused, and a text has the same placeholders in every language.

Keys are found as gettext's extractors find them, by the keywords t, tn and N_, with an AST
walk of the app's code: like `pybabel extract -k t -k tn -k N_`, but it also sees calls inside
f-strings (Babel's Python extractor reads an f-string as one token on Python 3.11). The walk
adds the rules that make the list complete: a key is a literal string in t()/tn()/N_(), never
built at run time, and no key is written anywhere else without N_.
"""

from __future__ import annotations

import ast
import string
from functools import cache
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file

from kommuneokonomi import i18n
from kommuneokonomi.datasets import DATASETS, REGION_LEVELS
from kommuneokonomi.indicators import INDICATORS
from kommuneokonomi.queries import befolkning as befolkning_queries
from kommuneokonomi.queries import om as om_queries
from kommuneokonomi.queries import sammenlign as sammenlign_queries
from kommuneokonomi.views import befolkning, om, sammenlign

ROOT = Path(__file__).resolve().parent.parent
KEYWORDS = {"t": (1,), "tn": (1,), "N_": (1,)}


def code_files() -> list[Path]:
    """Every module of the app that can make text."""
    app = [*(ROOT / "kommuneokonomi").rglob("*.py"), *(ROOT / "pages").glob("*.py")]
    return [*sorted(app), ROOT / "app.py"]


def used_keys() -> frozenset[str]:
    """The keys the code uses: literal first arguments of t(), tn() and N_()."""
    uses, _ = key_uses()
    return frozenset(uses)


def babel_keys() -> set[str]:
    """The keys Babel's own extractor finds with the same keywords."""
    keys = set()
    for path in code_files():
        for _, message, _, _ in extract_from_file("python", str(path), keywords=KEYWORDS):
            keys.add(message)
    return keys


def _calls(tree: ast.AST) -> list[tuple[str, ast.Call]]:
    out = []
    for node in ast.walk(tree):
        is_marker = isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        if is_marker and node.func.id in KEYWORDS and node.args:
            out.append((node.func.id, node))
    return out


@cache
def key_uses() -> tuple[dict[str, set[str]], list[str]]:
    """Per key the markers it is used with (t, tn, N_), and every place a key is not a
    literal string in a marker (a key built at run time, or written outside one)."""
    keys = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogue("nb") if m.id}
    uses: dict[str, set[str]] = {}
    problems = []
    for path in code_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        literal_args = set()
        for marker, call in _calls(tree):
            arg = call.args[0]
            where = f"{path.relative_to(ROOT)}:{call.lineno}"
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                uses.setdefault(arg.value, set()).add(marker)
                literal_args.add(id(arg))
            elif marker == "N_" or not isinstance(
                arg, ast.Name | ast.Attribute | ast.Subscript | ast.Call
            ):
                problems.append(f"{where}: {marker}({ast.unparse(arg)}) is not a literal key")
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and node.value in keys
                and id(node) not in literal_args
            ):
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                problems.append(f"{where}: key {node.value!r} outside t()/tn()/N_()")
    return uses, problems


@cache
def catalogue(lang: str) -> Catalog:
    return i18n.read_catalogue(lang)


def entries(lang: str) -> dict[str, tuple[str, ...]]:
    """Key → its text forms (one, or one per plural form)."""
    out = {}
    for message in catalogue(lang):
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        out[key] = tuple(forms)
    return out


def placeholders(forms: tuple[str, ...]) -> set[str]:
    """The {names} a text fills, over all its plural forms."""
    return {
        name.split(".")[0].split("[")[0]
        for text in forms
        for _, name, _, _ in string.Formatter().parse(text)
        if name is not None
    }


def test_every_language_has_a_catalogue_and_every_catalogue_a_language():
    found = {p.name for p in i18n.LOCALE_DIR.iterdir() if (p / "LC_MESSAGES").is_dir()}
    assert found == set(i18n.LANGS)
    assert i18n.DEFAULT_LANG in i18n.LANGS


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_every_key_the_code_uses_is_in_the_catalogue(lang):
    missing = sorted(used_keys() - entries(lang).keys())
    assert missing == [], f"keys used in code but missing in {lang}: {missing}"


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_the_catalogue_holds_no_key_that_nothing_uses(lang):
    unused = sorted(entries(lang).keys() - used_keys())
    assert unused == [], f"keys in the {lang} catalogue that no code uses: {unused}"


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_no_text_is_empty_or_fuzzy(lang):
    empty = sorted(k for k, forms in entries(lang).items() if not all(f.strip() for f in forms))
    fuzzy = sorted(m.id for m in catalogue(lang) if m.id and m.fuzzy)
    assert empty == [], f"empty texts in {lang}: {empty}"
    assert fuzzy == [], f"fuzzy texts in {lang} (gettext would skip them): {fuzzy}"


@pytest.mark.parametrize("lang", [lang for lang in i18n.LANGS if lang != i18n.DEFAULT_LANG])
def test_a_text_has_the_same_placeholders_in_every_language(lang):
    reference = entries(i18n.DEFAULT_LANG)
    differ = [
        f"{key}: {sorted(placeholders(reference[key]))} in {i18n.DEFAULT_LANG}, "
        f"{sorted(placeholders(forms))} in {lang}"
        for key, forms in entries(lang).items()
        if key in reference and placeholders(forms) != placeholders(reference[key])
    ]
    assert differ == []


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_counting_texts_have_plural_forms_and_no_other_text_does(lang):
    uses, _ = key_uses()
    plural = {m.id[0] for m in catalogue(lang) if m.id and m.pluralizable}
    counted = {k for k, markers in uses.items() if "tn" in markers}
    single = {k for k, markers in uses.items() if "t" in markers}
    assert sorted(counted - plural) == [], f"tn() keys without plural forms in {lang}"
    assert sorted(single & plural) == [], f"t() keys with plural forms in {lang}"
    assert all(
        len(m.string) == catalogue(lang).num_plurals for m in catalogue(lang) if m.pluralizable
    ), f"plural texts in {lang} need {catalogue(lang).num_plurals} forms"


def test_keys_are_literal_strings_in_t_tn_or_n_():
    _, problems = key_uses()
    assert problems == []


def test_babels_extractor_finds_no_key_that_the_walk_misses():
    assert babel_keys() - used_keys() == set()


def test_codes_that_pick_a_text_have_one():
    """A new code in the data layer (a measure, an indicator, a region level) needs its text
    here, or the page would stop with a KeyError."""
    measures = sammenlign_queries.MEASURES
    assert set(measures) <= set(sammenlign.SHORT_NAMES)
    assert {m.code for m in measures.values() if m.family == "befolkning"} <= set(
        sammenlign.MEASURE_NAMES
    )
    assert {m.family for m in measures.values()} <= set(sammenlign.WHEN) & set(sammenlign.AXIS_YEAR)
    assert {m.unit for m in measures.values()} <= set(sammenlign.AXIS)
    for texts in (sammenlign.MOT_NAMES, sammenlign.IN_SET, sammenlign.OTHERS):
        assert set(texts) == set(sammenlign_queries.MOT)
    assert set(sammenlign.SET) | set(sammenlign.ALONE) == set(sammenlign_queries.MOT)
    assert set(INDICATORS) <= set(om.SHORT_NAMES)
    assert set(befolkning_queries.AGE_GROUPS) == set(befolkning.GROUP_NAMES)
    assert set(REGION_LEVELS) == set(om.LEVELS)
    assert set(om_queries.LIVE_FIELDS) == set(om.LIVE_COLUMNS)
    assert all(d.title_key == f"datasett.{name}" for name, d in DATASETS.items())


@pytest.mark.parametrize("lang", i18n.LANGS)
def test_plural_texts_follow_the_languages_rule(lang):
    with i18n.language(lang):
        one, many = i18n.tn("common.tables", 1), i18n.tn("common.tables", 2)
    assert (one, many) == {"en": ("table", "tables")}.get(lang, ("tabell", "tabell"))


def test_a_missing_key_is_an_error_not_a_silent_fallback():
    with pytest.raises(KeyError, match=r"no text 'finnes\.ikke'"):
        i18n.t("finnes.ikke")
    with pytest.raises(KeyError):
        i18n.tn("common.and", 2)  # a text without plural forms
