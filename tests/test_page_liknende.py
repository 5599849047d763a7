"""Liknende kommuner: Sammenlign with `mot=liknende`, its weights in the URL, the profile's
sentence, the export and Om dataene.

The list, its reasons, the map and the other Sammenlign exhibits must show the same ten
municipalities, those of queries.liknende.nearest under the weights in the URL. Figures in
the reasons and the export are checked against the population file itself (SSB 07459).
"""

from __future__ import annotations

import io
import math
import re

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from kommuneokonomi import export
from kommuneokonomi.charts.maps import spread_markers
from kommuneokonomi.formatting import NBSP
from kommuneokonomi.i18n import language
from kommuneokonomi.queries import liknende
from kommuneokonomi.queries.liknende import model
from kommuneokonomi.queries.liknende.features import FEATURE_CODES
from kommuneokonomi.state import ViewState
from kommuneokonomi.views import catalog, vekter
from kommuneokonomi.views import liknende as views
from kommuneokonomi.views.regions import region_name
from tests import test_english, test_nynorsk
from tests.pagetest import (
    APP,
    KOMMUNER,
    annotations,
    nb,
    notices,
    open_menus,
    open_page,
    population,
    specs,
    texts,
    titles,
)

ITEM = re.compile(r"^\*\*(\d+)\. (.+?)\*\* · likhet (\d+) av 100")
YEAR = 2026  # the population figures compared are those of 1 January 2026


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text).replace(NBSP, " ")


def listed(at: AppTest) -> list[tuple[int, str, int]]:
    """(rank, name, similarity) of every municipality in the list, in page order."""
    out = []
    for element in at.markdown:
        match = ITEM.match(_unescape(element.value))
        if match:
            out.append((int(match[1]), match[2], int(match[3])))
    return out


def reasons_of(at: AppTest, rank: int) -> str:
    """The paragraph of one municipality in the list, as plain text."""
    prefix = f"**{rank}. "
    return next(_unescape(e.value) for e in at.markdown if _unescape(e.value).startswith(prefix))


def mapped(at: AppTest) -> tuple[list[str], list[str]]:
    """The codes the map shades (its colour-scaled trace) and the numbers on its markers."""
    spec = next(s for s in specs(at) if any(t.get("colorbar") for t in s["data"]))
    shaded = next(t for t in spec["data"] if t.get("colorbar"))
    markers = next(
        t for t in spec["data"] if t.get("mode") == "markers+text" and len(t["text"]) > 1
    )
    return list(shaded["locations"]), list(markers["text"])


def expected(code: str, weights: model.Weights | None = None) -> pd.DataFrame:
    return liknende.nearest(code, weights or model.weights()).table


@pytest.mark.parametrize("code", list(KOMMUNER))
def test_the_list_its_reasons_the_map_and_the_table_show_the_same_ten(code):
    at = open_page("sammenlign", kommune=code, mot="liknende")
    assert not at.exception
    nearest = expected(code)
    codes = list(nearest["kommune_code"])
    names = [region_name(c) for c in codes]
    assert len(codes) == 10
    shown = listed(at)
    assert [r for r, _, _ in shown] == list(range(1, 11))
    assert [n for _, n, _ in shown] == names
    assert [s for _, _, s in shown] == [round(s) for s in nearest["similarity"]]
    name = KOMMUNER[code]
    assert f"De 10 kommunene som likner mest på {name}: {names[0]} nærmest" in texts(at)
    # every one says what makes it close and what differs most, with both values
    for rank in range(1, 11):
        paragraph = reasons_of(at, rank)
        assert "Mest likt: " in paragraph and " mot " in paragraph
        assert "Størst forskjell: " in paragraph
    shaded, numbers = mapped(at)
    assert sorted(shaded) == sorted(codes)
    assert numbers == [str(r) for r in range(1, 11)]
    table = at.dataframe[0].value
    assert list(table["kommune"])[:11] == [name, *names], "the table ranks the same set"
    assert "blant de mest like kommunene" in texts(at)
    assert any("Kilde: SSB tabell 07459" in a for a in annotations(at))


def test_a_population_in_the_reasons_is_the_one_ssb_publishes():
    at = open_page("sammenlign", kommune="1867", mot="liknende")
    nearest = expected("1867")
    for row in nearest.itertuples():
        if "folketall" in row.close or row.differs == "folketall":
            paragraph = reasons_of(at, row.rank)
            other, own = population(row.kommune_code, YEAR), population("1867", YEAR)
            assert f"({nb(other)} mot {nb(own)})" in paragraph
            break
    else:
        pytest.fail("no reason about the population in Bø's list")


def test_a_municipality_lacking_a_figure_says_so_once():
    at = open_page("sammenlign", kommune="1508", mot="liknende")
    assert not at.exception
    said = texts(at)
    assert "Ålesund mangler tall for vekst siste 10 år" in said
    assert "Ikke sammenlignet på vekst siste 10 år" not in said, "said once, not per neighbour"


@pytest.mark.parametrize(
    ("value", "shown_in_notice", "weights"),
    [
        ("standard,folketall:9", "«folketall:9»", model.weights()),
        (
            "struktur,tetthet:x,andel_67:2",
            "«tetthet:x»",
            model.weights("struktur", {"andel_67": 2}),
        ),
        ("zzz", "«zzz»", model.weights()),
        (
            "okonomi,driftsinntekter:0,utgiftsbehov:0,folketall:0,sentralitet:0",
            "Alle vektene",
            model.weights("okonomi"),
        ),
    ],
    ids=["out-of-range", "not-a-number", "unknown-preset", "all-zero"],
)
def test_a_bad_weight_in_the_url_gives_a_notice_and_falls_back(value, shown_in_notice, weights):
    at = open_page("sammenlign", kommune="4601", mot="liknende", vekter=value)
    assert not at.exception
    assert any(shown_in_notice in n for n in notices(at)), notices(at)
    assert [n for _, n, _ in listed(at)] == [
        region_name(c) for c in expected("4601", weights)["kommune_code"]
    ]


def test_a_changed_weight_goes_into_the_url_and_a_link_restores_it_exactly():
    at = open_page("sammenlign", kommune="4632", mot="liknende")
    at.slider(key="_vekt_tetthet").set_value(3.5).run()
    assert not at.exception
    assert at.query_params["vekter"] == "standard,tetthet:3.5"
    changed = model.weights("standard", {"tetthet": 3.5})
    names = [region_name(c) for c in expected("4632", changed)["kommune_code"]]
    assert [n for _, n, _ in listed(at)] == names
    assert "Vektene er endret fra «Standard»." in texts(at)
    again = open_page("sammenlign", kommune="4632", mot="liknende", vekter="standard,tetthet:3.5")
    assert not again.exception and not notices(again)
    assert again.slider(key="_vekt_tetthet").value == 3.5
    assert {s.key: s.value for s in again.slider} == {f"_vekt_{code}": w for code, w in changed}
    assert [n for _, n, _ in listed(again)] == names
    assert mapped(again)[0] == mapped(at)[0]


def test_a_preset_replaces_the_weights_and_a_weight_off_the_slider_steps_is_kept():
    at = open_page("sammenlign", kommune="5001", mot="liknende", vekter="struktur,folketall:1.25")
    assert not at.exception and not notices(at)
    assert at.slider(key="_vekt_folketall").value == 1.25
    at.button_group(key="vekter_preset").set_value("demografi").run()
    assert not at.exception
    assert "vekter" in at.query_params and at.query_params["vekter"] == "demografi"
    assert {s.key: s.value for s in at.slider} == {
        f"_vekt_{code}": w for code, w in model.weights("demografi")
    }


def test_other_comparisons_leave_the_weights_out_of_the_url():
    at = open_page("sammenlign", kommune="4601", mot="liknende", vekter="okonomi")
    at.button_group(key="mot").set_value("fylke").run()
    assert not at.exception
    assert "vekter" not in at.query_params
    at.button_group(key="mot").set_value("liknende").run()
    assert at.query_params["vekter"] == "okonomi", "kept for when the reader comes back"


def test_the_export_holds_every_figure_compared_for_both_sides():
    state = ViewState(kommune="0301", mot="liknende")
    exhibit = catalog.build("sammenlign-liknende", state)
    csv = export.csv_bytes(exhibit, export.CSV_INTL)
    figures = liknende.figures("0301")
    with language("nb"):
        headers = {code: export.header(views.FIELDS[code]) for code in FEATURE_CODES}
        code_column, rank_column = export.header("kommune_code"), export.header("rank")
    read = pd.read_csv(io.BytesIO(csv), dtype={code_column: str})
    assert list(read[code_column]) == list(figures["kommune_code"])
    assert read[rank_column].tolist() == list(range(11))
    assert set(headers.values()) <= set(read.columns)
    for code, header in headers.items():
        assert read[header].tolist() == pytest.approx(figures[code].tolist(), nan_ok=True)
    people = [population(c, YEAR) for c in figures["kommune_code"]]
    assert read[headers["folketall"]].tolist() == people
    assert pd.isna(read["Likhet (0–100), beregnet"].iloc[0])
    assert read["Likhet (0–100), beregnet"].iloc[1:].tolist() == pytest.approx(
        expected("0301")["similarity"].tolist()
    )
    meta = export.metadata(exhibit)
    assert {"07459", "14288", "12137"} <= set(meta["table_ids"])
    assert any("tredjeparts uttrekk" in n for n in meta["notes"])
    assert any("Vekting: Standard" in n for n in meta["notes"])


def test_the_share_menu_offers_the_similarity_table_as_files():
    at = open_menus(open_page("sammenlign", kommune="4601", mot="liknende"))
    assert not at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels, "the list's menu has files"
    links = [c.proto.code_text for c in at.get("code")]
    assert any("vis=sammenlign-liknende&amp;kommune=4601&amp;mot=liknende" in c for c in links)


def test_the_live_embed_rebuilds_the_list_and_the_map_with_the_weights():
    for vis in ("sammenlign-liknende", "sammenlign-liknende-kart"):
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in {"vis": vis, "kommune": "1867", "vekter": "struktur"}.items():
            at.query_params[key] = value
        at.switch_page("pages/embed.py")
        at.run()
        assert not at.exception
        first = region_name(expected("1867", model.weights("struktur"))["kommune_code"].iloc[0])
        said = texts(at) + " ".join(s["layout"]["title"]["text"] for s in specs(at))
        assert "Bø" in said
        if vis == "sammenlign-liknende":
            assert first in said


@pytest.mark.parametrize("code", ["4601", "1867"])
def test_the_profile_names_the_three_most_similar_and_links_to_the_list(code):
    at = open_page("kommuneprofil", kommune=code)
    assert not at.exception
    names = [region_name(c) for c in expected(code)["kommune_code"][:3]]
    sentence = f"Kommunene som likner mest på {KOMMUNER[code]} i størrelse"
    said = _unescape(texts(at))
    assert sentence in said
    assert f"er {names[0]}, {names[1]} og {names[2]}." in said
    link = at.get("page_link")[0].proto
    assert link.page == "sammenlign"
    assert link.query_string == f"kommune={code}&mot=liknende&vekter=standard"


def test_om_dataene_describes_the_method_and_its_sources():
    at = open_page("om-dataene", kommune="4601")
    assert not at.exception
    said = texts(at)
    assert "Liknende kommuner" in said
    assert "Likhet fra 0 til 100." in said
    assert "tredjeparts uttrekk fra Grønt hefte" in said
    table = next(d.value for d in at.dataframe if "Kommuner med tall" in d.value.columns)
    assert len(table) == len(FEATURE_CODES)
    assert set(table["Vekt: Standard"]) <= {"0", "0,5", "1", "1,5", "2"}


@pytest.mark.parametrize("lang", ["en", "nn"])
def test_the_list_speaks_the_pages_language(lang):
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in {"kommune": "1508", "mot": "liknende", "lang": lang}.items():
        at.query_params[key] = value
    at.switch_page("pages/sammenlign.py")
    open_menus(at.run())
    assert not at.exception
    chrome = test_english.chrome_texts(at)
    checker = test_english.leftovers if lang == "en" else test_nynorsk.leftovers
    assert checker(chrome) == []
    with language(lang):
        assert any(vekter.preset_name("okonomi") in t for _, t in chrome)


def test_weights_read_from_a_link_write_back_the_same_text():
    for text in ("struktur", "standard,tetthet:3.5", "okonomi,folketall:0,vekst_10ar:0.25"):
        choice, notes = vekter.parse(text)
        assert notes == [] and choice.text() == text
    assert vekter.parse(None)[0].text() is None
    assert vekter.parse("Økonomi")[0].preset == "okonomi"


@pytest.mark.parametrize(
    "value",
    [
        "<script>alert(1)</script>",
        "A" * 10_000,
        "folketall:1e999,tetthet:nan,andel_67:-1",
        "struktur," + ",".join(["folketall:1"] * 500),
        "\u202efolketall:2,[x](http://x)",
    ],
    ids=["markup", "long", "inf-nan-negative", "many", "bidi-and-link"],
)
def test_crafted_weights_neither_crash_nor_render_markup(value):
    at = open_page("sammenlign", kommune="4601", mot="liknende", vekter=value)
    assert not at.exception
    assert len(listed(at)) == 10
    for notice in notices(at):
        assert "<script>" not in notice and "](" not in notice and "\u202e" not in notice
        assert len(notice) < 600


@pytest.mark.parametrize("vis", ["sammenlign-tabell", "sammenlign-smaa", "sammenlign-indeks"])
def test_every_comparison_exhibit_compares_the_ten_of_the_weights_in_use(vis):
    state = ViewState(kommune="4632", mot="liknende", indeks=2015, vekter="struktur,folketall:1")
    exhibit = catalog.build(vis, state)
    changed = model.weights("struktur", {"folketall": 1})
    ten = list(expected("4632", changed)["kommune_code"])
    assert ten != list(expected("4632", model.weights("struktur"))["kommune_code"])
    codes = set(exhibit.data["region_code"])
    assert {c for c in codes if len(c) == 4 and c.isdigit()} == {"4632", *ten}  # no references
    assert exhibit.params["vekter"] == "struktur,folketall:1"


def test_the_index_chart_indexes_the_most_similar_municipalities():
    at = open_page("sammenlign", kommune="1867", mot="liknende")
    at.toggle(key="_indeks_on").set_value(True).run()
    assert not at.exception
    shown = titles(at)
    index_title = next(t for t in shown if "(indeks, " in t)
    assert "Bø gikk fra 100,0" in index_title and "de mest like kommunene" in index_title
    assert at.query_params["indeks"]


def test_numbered_markers_are_moved_apart_only_where_they_would_overlap():
    extent = (5.0, 58.0, 12.0, 63.0)
    points = [(10.75, 59.91), (10.76, 59.92), (10.8, 59.9), (5.32, 60.39), (8.0, 61.0)]
    at = spread_markers(points, extent, (400, 500), gap=22, fixed=1)
    assert at[0] == pytest.approx(points[0]), "the fixed point stays"
    assert at[3] == pytest.approx(points[3]) and at[4] == pytest.approx(points[4]), "far: unmoved"
    px = 400 / math.radians(extent[2] - extent[0])

    def xy(lon, lat):
        return math.radians(lon) * px, math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) * px

    for i, a in enumerate(at):
        for b in at[i + 1 :]:
            assert math.dist(xy(*a), xy(*b)) >= 22 - 1e-6


def test_markers_keep_off_the_chosen_ones_label():
    extent, size, gap, label = (5.0, 58.0, 12.0, 63.0), (400, 500), 22, 110
    chosen, marker = (8.0, 60.0), (8.8, 60.0)  # about 45 px right of the dot, on its label
    placed = spread_markers([chosen, marker], extent, size, gap=gap, fixed=1, clear_beside=label)[1]
    px = 400 / math.radians(extent[2] - extent[0])
    dx = math.radians(placed[0] - chosen[0]) * px
    dy = (
        math.log(math.tan(math.pi / 4 + math.radians(placed[1]) / 2)) * px
        - math.log(math.tan(math.pi / 4 + math.radians(chosen[1]) / 2)) * px
    )
    beside = min(max(dx, 0), label)  # the nearest point of the label's strip
    assert math.hypot(dx - beside, dy) >= gap * 0.75
