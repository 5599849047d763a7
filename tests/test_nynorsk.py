"""With ?lang=nn every page, both embeds and every export speak nynorsk: no bokmål or English
left in labels, titles, captions, notices, table headers or charts.

The page walk is the English one (tests/test_english.py): the same texts a reader sees, the
same proper names and quoted source metadata left out (SSB's names and the manifest's
bokmål quotes stay as published). Bokmål is spotted by words that nynorsk writes otherwise
(ikke → ikkje, tall → tal, kommuner → kommunar, fra → frå …), English by its small words.
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from kommuneokonomi import export
from kommuneokonomi.formatting import NBSP
from kommuneokonomi.i18n import language, language_name
from kommuneokonomi.state import ViewState
from kommuneokonomi.views import catalog
from tests.test_english import APP, KOMMUNER, embed_texts, page_texts, proper_names

BOKMAL = re.compile(
    r"\b(ikke|hvor|hva|hvordan|hvilke[nt]?|bare|ble|tall|tallene|tallet|kommuner|kommunene|"
    r"innbygger(e|en|ne)?|beregnet|foreløpig(e)?|[Ss]ammenlign\w*|nøkkeltall\w*|hvis|hver|"
    r"hvert|noen|noe|mye|uten|fra|disse|deres|egen|eget|egne|mangler|Norge|Norges|"
    r"[Ff]olketall\w*|framskrevet|framskrivingen|framskrivinger|gruppen|personer|dataene|"
    r"antall|jeg|vært|fylker|fylkene|høyest|lavest|endelige|vises|hentet|siden|(?<!å )nå|"
    r"[Kk]ilde\w*|tegnet)\b"
)
ENGLISH = re.compile(
    r"\b(the|and|of|with|from|[Mm]unicipalit(y|ies)|figures?|[Ss]ource|[Tt]ables?|[Yy]ear|"
    r"[Pp]opulation|[Cc]ount(y|ies)|shows?|which|this|that|were|was|have|has|not|Norway|"
    r"[Cc]ompare|[Ss]hare|[Dd]ownload)\b"
)


def leftovers(texts: list[tuple[str, str]]) -> list[str]:
    """Texts that still hold bokmål or English once proper names and quotes are taken out."""
    found = []
    for where, text in texts:
        plain = text.replace("\\", "").replace("<br>", " ").replace(NBSP, " ")
        plain = re.sub(r"https?://\S+|`[^`]*`|\([a-z_]+\)|«[a-z0-9-]+»", " ", plain)  # links, ids
        plain = proper_names().sub("NAME", plain)
        for pattern, kind in ((BOKMAL, "bokmål"), (ENGLISH, "English")):
            hit = pattern.search(plain)
            if hit:
                found.append(f"{where}: {kind} {hit.group(0)!r} in {plain[:160]!r}")
    return sorted(set(found))


def test_the_checker_catches_bokmal_and_english():
    found = leftovers([("caption", "Kilde: SSB tabell 07459"), ("title", "Tallene ikke vist")])
    assert len(found) == 2 and "'Kilde'" in found[0] and "'ikke'" in found[1]
    assert leftovers([("legend", "Source: SSB")]) == ["legend: English 'Source' in 'Source: SSB'"]
    assert leftovers([("title", "Kjelde: SSB tabell 07459, tala er ikkje henta frå Noreg")]) == []


@pytest.mark.parametrize("kommune", KOMMUNER)
def test_every_page_in_nynorsk_has_no_bokmal_or_english_chrome(kommune):
    problems = [
        f"{page}: {p}"
        for page, texts in page_texts(kommune, "nn").items()
        for p in leftovers(texts)
    ]
    assert problems == []


def test_the_language_switch_offers_nynorsk_and_numbers_follow_it():
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["kommune"] = "4601"
    at.query_params["lang"] = "nn"
    at.switch_page("pages/kommuneprofil.py")
    at.run()
    switch = at.get("segmented_control")[0]
    assert switch.value == "nn"
    assert switch.options == ["Bokmål", "Nynorsk", "English"]
    assert [language_name(o) for o in ("nb", "nn", "en")] == ["Bokmål", "Nynorsk", "English"]
    text = " ".join(m.value for m in at.markdown).replace(NBSP, " ")
    assert "294 860 innbyggjarar" in text and "1,0 %" in text


def test_every_exhibit_in_the_live_embed_is_nynorsk():
    problems = [f"{ex}: {p}" for ex, texts in embed_texts("nn").items() for p in leftovers(texts)]
    assert problems == []


def test_nynorsk_exports_and_static_embeds_are_nynorsk():
    from kommuneokonomi import embed

    problems = []
    for exhibit_id, builder in catalog.EXHIBITS.items():
        exhibit = builder(ViewState(kommune="4601", lang="nn"))
        table = export.table(exhibit)
        texts = [("header", str(c)) for c in table.columns]
        for column in {"region", "kommune", "fylke", "type"} & set(table.columns):
            texts += [(column, str(v)) for v in table[column].dropna().unique()]
        meta = export.metadata(exhibit)
        book = load_workbook(io.BytesIO(export.xlsx_bytes(exhibit, meta)))
        texts += [("sheet", sheet.title) for sheet in book.worksheets]
        texts += [("metadata", str(row[0])) for row in book.worksheets[1].values if row[0]]
        texts += [("readme", export.readme_text(exhibit, meta, "x.csv", export.CSV_NB))]
        problems += [f"{exhibit_id}: {p}" for p in leftovers(texts)]
    assert problems == []
    exhibit = catalog.build("ndr-trend", ViewState(kommune="4601", lang="nn"))
    assert export.file_stem(exhibit).endswith("-nn")
    with language("nn"):
        assert export.csv_style() is export.CSV_NB, "nynorsk readers get Norwegian Excel's CSV"
    page = embed.html_document(exhibit, built=datetime(2026, 3, 1, tzinfo=UTC))
    assert '<html lang="nn">' in page and "Kjelde: SSB tabell" in page
