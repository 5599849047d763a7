"""With ?lang=en every page speaks English: no Norwegian left in labels, titles, captions,
notices, table headers or charts (titles, axes, legends, hover texts, annotations).

Proper names stay as they are: municipalities and counties (today's and former), dataset
ids, the app's name, and what the manifest quotes from its sources (titles, publishers,
periods, caveats, licence lines; Om dataene says those are in Norwegian). The page walk
collects every text a reader sees; Norwegian is spotted by marker words and æ/ø/å.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from kommuneokonomi import data
from kommuneokonomi.datasets import DATASETS
from kommuneokonomi.formatting import NBSP
from kommuneokonomi.i18n import LANGS, language, language_name, t
from kommuneokonomi.state import ViewState
from tests.pagetest import open_menus, specs

APP = str(Path(__file__).resolve().parent.parent / "app.py")
PAGES = {
    "pages/kommuneprofil.py": "nav.profil",
    "pages/driftsresultat.py": "nav.driftsresultat",
    "pages/befolkning.py": "nav.befolkning",
    "pages/sammenlign.py": "nav.sammenlign",
    "pages/om_dataene.py": "nav.om",
}
# Bergen (KOSTRA figures offline), Ålesund (none), Fedje (small), Oslo (its own county).
KOMMUNER = ["4601", "1508", "4633", "0301"]

NORWEGIAN = re.compile(
    r"\b(og|ikke|eller|bare|hele|etter|av|på|med|fra|til|som|er|år|År|mot|uten|Kilde|"
    r"[Tt]abell(er)?|innbyggere|[Kk]ommune[nr]?|fylke[tr]?|prosent|[Ff]olketall|[Ll]andet|"
    r"Norge|årgang|[Nn]økkeltall|[Ff]ramskriving|[Bb]efolkning)\b|[æøåÆØÅ]"
)
TEXT_KINDS = ("markdown", "caption", "info", "warning", "error", "success")
HEADING_KINDS = ("title", "header", "subheader")
WIDGET_KINDS = (
    "selectbox",
    "multiselect",
    "toggle",
    "text_input",
    "button",
    "download_button",
    "segmented_control",
    "radio",
    "checkbox",
    "slider",
    "select_slider",
    "number_input",
    "expander",
    "tab",
    "popover",
    "link_button",
    "metric",
)
# Pickers whose options are municipality names (proper names, not chrome).
NAME_PICKERS = {"kommune", "sammenlign"}


@cache
def proper_names() -> re.Pattern[str]:
    """Names and quoted source metadata that may be Norwegian in an English page."""
    kommuner = data.frame("kommuner")
    changes = data.frame("kodeendringer")
    names = set(kommuner["kommune_name"]) | set(kommuner["county_name"])
    names |= set(changes["old_name"]) | set(changes["new_name"])
    names |= {part.strip() for name in list(names) for part in name.split(" - ")}
    # Om dataene's glossary of SSB's Norwegian group descriptions is Norwegian on purpose.
    with language("en"):
        names |= set(DATASETS) | {"Kommuneøkonomi", t("om.groups_lang_note")}
    # The language switch names every language in itself (Bokmål, Nynorsk, English).
    names |= {language_name(lang) for lang in LANGS}
    for dataset in DATASETS:
        prov = data.provenance(dataset)
        names |= set(prov.licence) | set(prov.entry.get("notes", []))
        for source in prov.sources:
            quoted = ("title", "publisher", "period", "caveat", "origin", "file")
            names |= {str(source[k]) for k in quoted if source.get(k)}
            names |= {str(source["licence"])} if source.get("licence") else set()
    ordered = sorted((n for n in names if n), key=len, reverse=True)
    return re.compile("|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in ordered))


def _label(element: object) -> list[str]:
    out = []
    for attr in ("label", "help", "placeholder"):
        value = getattr(element.proto, attr, None) if hasattr(element, "proto") else None
        if isinstance(value, str) and value:
            out.append(value)
    return out


def chrome_texts(at: AppTest) -> list[tuple[str, str]]:
    """(where, text) for everything a reader of the page sees besides data cells and URLs."""
    out = [(kind, str(e.value)) for kind in TEXT_KINDS + HEADING_KINDS for e in at.get(kind)]
    for kind in WIDGET_KINDS:
        for element in at.get(kind):
            out += [(kind, text) for text in _label(element)]
            key = getattr(element, "key", None)
            if hasattr(element, "options") and key not in NAME_PICKERS:
                out += [(f"{kind} option", str(o)) for o in element.options]
    for frame in at.dataframe:
        config = json.loads(frame.proto.columns or "{}")
        for column in frame.value.columns:
            shown = config.get(str(column), {})
            out.append(("table header", str(shown.get("label", column))))
            out += [("table help", shown["help"])] if shown.get("help") else []
    for spec in specs(at):
        layout = spec["layout"]
        out.append(("chart title", layout.get("title", {}).get("text", "")))
        for name, axis in layout.items():
            if name.startswith(("xaxis", "yaxis")) and isinstance(axis, dict):
                title = axis.get("title")
                if isinstance(title, dict) and title.get("text"):
                    out.append(("axis title", title["text"]))
        out += [("annotation", a.get("text", "")) for a in layout.get("annotations", [])]
        for trace in spec["data"]:
            out += [("legend", trace["name"])] if trace.get("name") else []
            out += [("hover", trace["hovertemplate"])] if trace.get("hovertemplate") else []
    return out


def leftovers(texts: list[tuple[str, str]]) -> list[str]:
    """Texts that still hold Norwegian once proper names and quoted sources are taken out."""
    found = []
    for where, text in texts:
        plain = text.replace("\\", "").replace("<br>", " ").replace(NBSP, " ")
        plain = re.sub(r"https?://\S+|`[^`]*`|\([a-z_]+\)", " ", plain)  # links, ids
        plain = proper_names().sub("NAME", plain)
        hit = NORWEGIAN.search(plain)
        if hit:
            found.append(f"{where}: {hit.group(0)!r} in {plain[:160]!r}")
    return sorted(set(found))


def page_texts(kommune: str, lang: str) -> dict[str, list[tuple[str, str]]]:
    """Every page for `kommune` in `lang`, share menus and Befolkning's growth section open:
    page → the texts a reader sees. (Also the nynorsk walk's, tests/test_nynorsk.py.)"""
    out = {}
    for page in PAGES:
        at = AppTest.from_file(APP, default_timeout=90)
        at.query_params["kommune"] = kommune
        at.query_params["lang"] = lang
        at.query_params["vekst"] = "true"  # Befolkning's growth section, open
        at.switch_page(page)
        open_menus(at.run())  # the share menus' texts are checked too
        assert not at.exception, page
        with language(lang):
            assert [h.value for h in at.title] == [t(PAGES[page])], "the page itself ran"
        assert at.get("download_button"), f"{page}: menus opened"
        texts = chrome_texts(at)
        assert len(texts) > 10, f"{page} shows too little to check"
        out[page] = texts
    return out


def embed_texts(lang: str) -> dict[str, list[tuple[str, str]]]:
    """Every exhibit on the live embed page in `lang`: exhibit id → the texts a reader sees."""
    from kommuneokonomi.views import catalog

    out = {}
    for exhibit_id in catalog.EXHIBITS:
        at = AppTest.from_file(APP, default_timeout=90)
        for key, value in {"vis": exhibit_id, "kommune": "1508", "lang": lang}.items():
            at.query_params[key] = value
        at.switch_page("pages/embed.py")
        at.run()
        assert not at.exception, exhibit_id
        texts = chrome_texts(at)
        assert texts, f"{exhibit_id} shows nothing"
        out[exhibit_id] = texts
    return out


@pytest.mark.parametrize("kommune", KOMMUNER)
def test_every_page_in_english_has_no_norwegian_chrome(kommune):
    problems = [
        f"{page}: {p}"
        for page, texts in page_texts(kommune, "en").items()
        for p in leftovers(texts)
    ]
    assert problems == []


def test_numbers_follow_the_language():
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["kommune"] = "4601"
    at.query_params["lang"] = "en"
    at.switch_page("pages/kommuneprofil.py")
    at.run()
    text = " ".join(m.value for m in at.markdown)
    assert "294,860 inhabitants" in text and "1.0%" in text
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["kommune"] = "4601"
    at.switch_page("pages/kommuneprofil.py")
    at.run()
    text = " ".join(m.value for m in at.markdown).replace(NBSP, " ")
    assert "294 860" in text and "1,0 %" in text


def test_the_checker_catches_norwegian():
    texts = [("caption", "Kilde: SSB tabell 07459"), ("legend", "Bergen og Vestland")]
    found = leftovers(texts)
    assert len(found) == 2 and "'Kilde'" in found[0] and "'og'" in found[1]
    assert leftovers([("title", "Møre og Romsdal: Ålesund")]) == []


def test_every_exhibit_in_the_live_embed_is_english():
    problems = [f"{ex}: {p}" for ex, texts in embed_texts("en").items() for p in leftovers(texts)]
    assert problems == []


def test_english_exports_have_english_headers_and_region_names():
    from kommuneokonomi import export
    from kommuneokonomi.views import catalog

    problems = []
    for exhibit_id, builder in catalog.EXHIBITS.items():
        table = export.table(builder(ViewState(kommune="4601", lang="en")))
        texts = [("header", str(c)) for c in table.columns]
        for column in {"region", "municipality", "county", "kind"} & set(table.columns):
            texts += [(column, str(v)) for v in table[column].dropna().unique()]
        problems += [f"{exhibit_id}: {p}" for p in leftovers(texts)]
    assert problems == []
