"""The municipality profile: plain-language sentences, key-figure cards and a position chart.

Sentences are filled from templates with the numbers, so each one can be traced to a row
in the key-figures table (which is an exportable exhibit).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kommuneokonomi.charts import theme
from kommuneokonomi.charts.position import position_bars
from kommuneokonomi.datasets import KOSTRA_LANDET
from kommuneokonomi.exhibit import Exhibit
from kommuneokonomi.formatting import MINUS, iso_date, number, percent, signed
from kommuneokonomi.i18n import t
from kommuneokonomi.indicators import TBU_NORM_KOMMUNE_PCT
from kommuneokonomi.queries import driftsresultat as ndr_queries
from kommuneokonomi.queries import kostra as kostra_queries
from kommuneokonomi.queries.profil import DEBT_PER_INNBYGGER, PROJECTION_YEAR, Profile, profile
from kommuneokonomi.sources import SourceRef, source_line
from kommuneokonomi.state import ViewState
from kommuneokonomi.views.driftsresultat import (
    gap_card,
    gap_words,
    kr,
    mill_kr,
    norm_text,
    relation,
)
from kommuneokonomi.views.memo import cached_view
from kommuneokonomi.views.regions import region_name


def _group_number(code: str | None) -> int | None:
    return int(code[3:]) if code else None


def sentences(state: ViewState) -> list[str]:
    """Three to five sentences that summarise where the municipality stands: its result and
    what reaching the norm would take, its debt, its population now and projected, and age."""
    p, lang = profile(state.kommune), state.lang
    out = [
        _ndr_sentence(p, lang),
        _debt_sentence(p, lang),
        _population_sentence(p, lang),
        _age_sentence(p, lang),
    ]
    if p.robek:
        out.append(t("profil.robek_sentence", lang, name=p.name, year=p.robek_year))
    return [s for s in out if s]


def _ndr_sentence(p: Profile, lang: str) -> str:
    n = p.ndr
    if n.value is None:
        return t(
            "profil.ndr_missing_sentence",
            lang,
            name=p.name,
            year=n.year,
            landet=percent(n.landet_value, lang),
        )
    group_part = ""
    if n.group_value is not None:
        group_part = t(
            "profil.ndr_group_part",
            lang,
            n=_group_number(n.group_code),
            group_rel=relation(n.value, n.group_value, lang),
            group_value=percent(n.group_value, lang),
        )
    text = t(
        "profil.ndr_sentence",
        lang,
        name=p.name,
        value=percent(n.value, lang),
        year=n.year,
        norm_rel=relation(n.value, TBU_NORM_KOMMUNE_PCT, lang),
        norm=norm_text(lang),
        group_part=group_part,
    )
    if n.vintage == "preliminary":
        text += " " + t(
            "profil.ndr_preliminary", lang, year=n.year, published=iso_date(n.published, lang)
        )
    if p.gap is not None:
        text += " " + gap_words(p.gap, p.name, lang) + "."
    return text


def _debt_sentence(p: Profile, lang: str) -> str:
    b = p.debt
    if b is None:
        return ""
    share = (
        t("profil.debt_share_part", lang, share=percent(b.share, lang, 0))
        if b.share is not None
        else ""
    )
    return t(
        "profil.debt_sentence",
        lang,
        name=p.name,
        year=b.year,
        debt=kr(b.per_innbygger, lang),
        share_part=share,
        rank=b.rank,
        n=b.count,
        landet=kr(b.landet_per_innbygger, lang),
    )


def _population_sentence(p: Profile, lang: str) -> str:
    d = p.demography
    if d.change is None:
        return ""
    key = "profil.pop_sentence_up" if d.change >= 0 else "profil.pop_sentence_down"
    text = t(
        key,
        lang,
        name=p.name,
        population=number(d.population, lang),
        year=d.year,
        change=number(abs(d.change), lang),
        pct=signed(d.change_pct, lang, 1, " %" if lang != "en" else "%"),
    )
    proj = p.projection
    if proj is not None:
        growth = 100 * (proj.persons / proj.base - 1)
        text += " " + t(
            "profil.projection_population",
            lang,
            persons=number(proj.persons, lang),
            year=proj.year,
            table=proj.table_id,
            change=signed(growth, lang, 1, " %" if lang != "en" else "%"),
            base_year=proj.base_year,
        )
    return text


def _age_sentence(p: Profile, lang: str) -> str:
    d = p.demography
    text = t(
        "profil.age_sentence",
        lang,
        share_67=percent(d.share_67, lang),
        share_80=percent(d.share_80, lang),
        ratio=number(d.ratio, lang, 1),
    )
    if d.ratio_projected is not None:
        text += " " + t(
            "profil.projection_sentence",
            lang,
            table=d.projection_table,
            future=number(d.ratio_projected, lang, 1),
            future_year=PROJECTION_YEAR,
        )
    elif d.landet_ratio_projected is not None:
        text += " " + t(
            "profil.totals_only_sentence",
            lang,
            landet=number(d.landet_ratio_projected, lang, 1),
            future_year=PROJECTION_YEAR,
        )
    return text


def _delta(text: str) -> str:
    """st.metric reads the sign from the text; it knows '-' but not the typographic '−'."""
    return text.replace(MINUS, "-")


@dataclass(frozen=True)
class Card:
    """One key-figure card: label, value, change, a small trend and an explanation."""

    label: str
    value: str
    delta: str | None
    delta_color: str
    trend: list[float]
    help: str | None = None


def cards(state: ViewState) -> list[Card]:
    """Six cards: netto driftsresultat, the gap to the norm in kroner, debt, population,
    elderly shares, support ratio."""
    p, lang = profile(state.kommune), state.lang
    return [
        _ndr_card(p, lang),
        _gap_card(p, lang),
        _debt_card(p, lang),
        _population_card(p, lang),
        _old_card(p, lang),
        _ratio_card(p, lang),
    ]


def _gap_card(p: Profile, lang: str) -> Card:
    help_text = gap_card(p.kommune, p.ndr.year, lang).help
    if p.gap is None:
        label = t("ndr.card_normgap", lang, year=p.ndr.year)
        return Card(label, t("profil.card_ndr_missing", lang), None, "off", [], help_text)
    needed = p.gap.mill_kr > 0
    key = "ndr.card_normgap_needed" if needed else "ndr.card_normgap_margin"
    per_head = p.gap.kr_per_innbygger
    series = ndr_queries.norm_gap_series(p.kommune)
    return Card(
        label=t(key, lang, year=p.gap.year),
        value=mill_kr(abs(p.gap.mill_kr), lang),
        delta=t("ndr.card_normgap_per_head", lang, value=kr(abs(per_head), lang))
        if per_head is not None
        else None,
        delta_color="off",
        trend=(-series["mill_kr"]).tolist(),
        help=help_text,
    )


def _debt_card(p: Profile, lang: str) -> Card:
    b = p.debt
    if b is None:
        return Card(
            t("profil.card_debt", lang, year=p.ndr.year),
            t("profil.card_ndr_missing", lang),
            None,
            "off",
            [],
        )
    series = kostra_queries.series(DEBT_PER_INNBYGGER, (p.kommune,))
    delta = (
        t("profil.card_debt_delta", lang, share=percent(b.share, lang, 0), rank=b.rank, n=b.count)
        if b.share is not None
        else None
    )
    return Card(
        label=t("profil.card_debt", lang, year=b.year),
        value=kr(b.per_innbygger, lang),
        delta=delta,
        delta_color="off",
        trend=series["value"].dropna().tolist(),
        help=t(
            "profil.card_debt_help",
            lang,
            group=kr(b.group_per_innbygger, lang) if b.group_per_innbygger else "–",
            landet=kr(b.landet_per_innbygger, lang) if b.landet_per_innbygger else "–",
            landet_share=percent(b.landet_share, lang, 0),
        ),
    )


def _ndr_card(p: Profile, lang: str) -> Card:
    n = p.ndr
    help_text = t(
        "profil.card_ndr_help",
        lang,
        norm=norm_text(lang),
        n=_group_number(n.group_code) or "–",
        group=percent(n.group_value, lang),
        landet=percent(n.landet_value, lang),
    )
    if n.value is None:
        return Card(
            t("profil.card_ndr", lang, year=n.year),
            t("profil.card_ndr_missing", lang),
            None,
            "off",
            [],
            help_text,
        )
    diff = signed(n.value - TBU_NORM_KOMMUNE_PCT, lang, 2)
    return Card(
        label=t("profil.card_ndr", lang, year=n.year),
        value=percent(n.value, lang),
        delta=_delta(t("profil.card_ndr_delta", lang, diff=diff)),
        delta_color="normal",
        trend=n.series["value"].tolist(),
        help=help_text,
    )


def _population_card(p: Profile, lang: str) -> Card:
    d = p.demography
    delta = None
    if d.change is not None:
        pct = signed(d.change_pct, lang, 1, "\u00a0%" if lang != "en" else "%")
        delta = _delta(
            t("profil.card_population_delta", lang, change=signed(d.change, lang, 0), pct=pct)
        )
    proj = p.projection
    return Card(
        label=t("profil.card_population", lang, year=d.year),
        value=number(d.population, lang),
        delta=delta,
        delta_color="off",
        trend=d.population_history["persons"].astype(float).tolist(),
        help=t(
            "profil.card_population_help",
            lang,
            persons=number(proj.persons, lang),
            year=proj.year,
            table=proj.table_id,
        )
        if proj
        else None,
    )


def _old_card(p: Profile, lang: str) -> Card:
    d = p.demography
    delta = None
    if d.share_67_before is not None:
        diff = signed(d.share_67 - d.share_67_before, lang)
        delta = _delta(t("profil.card_old_delta", lang, diff=diff, year=d.before_year))
    return Card(
        label=t("profil.card_old", lang),
        value=f"{percent(d.share_67, lang)} / {percent(d.share_80, lang)}",
        delta=delta,
        delta_color="off",
        trend=d.history["share_67"].tolist(),
    )


def _ratio_card(p: Profile, lang: str) -> Card:
    d = p.demography
    delta = None
    if d.ratio_projected is not None:
        delta = t(
            "profil.card_ratio_delta",
            lang,
            future=number(d.ratio_projected, lang, 1),
            year=PROJECTION_YEAR,
        )
    return Card(
        label=t("profil.card_ratio", lang),
        value=number(d.ratio, lang, 1),
        delta=delta,
        delta_color="off",
        trend=d.history["ratio"].tolist(),
        help=t("profil.card_ratio_help", lang, year=d.year),
    )


@cached_view()
def position(state: ViewState) -> Exhibit:
    """Netto driftsresultat of the municipality, its KOSTRA group and Landet against the norm."""
    p, lang = profile(state.kommune), state.lang
    n = p.ndr
    rows = [
        (state.kommune, n.value, theme.KOMMUNE),
        (n.group_code, n.group_value, theme.KOSTRAGRUPPE),
        (KOSTRA_LANDET, n.landet_value, theme.LANDET),
    ]
    rows = [(code, value, color) for code, value, color in rows if code and value is not None]
    labels = [region_name(code, lang) for code, _, _ in rows]
    if n.value is None:
        missing = "profil.position_title_missing" + ("" if n.group_value is not None else "_group")
        title = t(missing, lang, name=p.name, year=n.year)
    else:
        title = t(
            "profil.position_title",
            lang,
            name=p.name,
            value=percent(n.value, lang),
            year=n.year,
            norm_rel=relation(n.value, TBU_NORM_KOMMUNE_PCT, lang),
        )
    refs = [SourceRef.of("kostra")]
    period = str(n.year)
    source = source_line(refs, lang, period)
    fig = position_bars(
        labels,
        [v for _, v, _ in rows],
        [c for _, _, c in rows],
        [percent(v, lang) for _, v, _ in rows],
        reference=(TBU_NORM_KOMMUNE_PCT, t("ndr.norm", lang, norm=norm_text(lang)), theme.NORM),
    )
    theme.style(
        fig,
        title=title,
        source=source,
        lang=lang,
        legend=False,
        height=70 + 55 * len(rows),
        x_title=t("ndr.axis_short", lang),
    )
    data = pd.DataFrame(
        {
            "region_code": [c for c, _, _ in rows],
            "region": labels,
            "year": n.year,
            "netto_driftsresultat_pct": [v for _, v, _ in rows],
        }
    )
    note = None
    if n.vintage == "preliminary":
        note = t("profil.ndr_preliminary", lang, year=n.year, published=iso_date(n.published, lang))
    elif n.computed:
        note = t("profil.ndr_computed", lang, year=n.year)
    details = [t("ndr.group_year_note", lang, year=n.group_year)] if n.group_year else []
    return Exhibit(
        id="profil-posisjon",
        title=title,
        data=data,
        columns={c: c for c in data.columns},
        sources=tuple(refs),
        source_text=source,
        period=period,
        lang=lang,
        figure=fig if rows else None,
        notes=(note,) if note else (),
        details=tuple(details),
        kommune_code=state.kommune,
        slug="netto-driftsresultat-posisjon",
    )


def key_figures(state: ViewState) -> Exhibit:
    """The numbers behind the cards and sentences, one row each, with year and SSB table."""
    p, lang = profile(state.kommune), state.lang
    n, d = p.ndr, p.demography
    group_n = _group_number(n.group_code)
    ndr_table = "12137" if n.computed else "12134"
    rows = [
        ("profil.row_ndr", {}, n.value, n.year, ndr_table, n.vintage),
        ("profil.row_ndr_group", {"n": group_n}, n.group_value, n.year, ndr_table, None),
        ("profil.row_ndr_landet", {}, n.landet_value, n.year, ndr_table, None),
    ]
    if group_n is None:
        rows.pop(1)
    if p.gap is not None:
        rows += [
            ("profil.row_gap", {}, p.gap.mill_kr, p.gap.year, "12137", "computed"),
            (
                "profil.row_gap_kr",
                {},
                p.gap.kr_per_innbygger,
                p.gap.year,
                "12137",
                "computed",
            ),
        ]
    b = p.debt
    if b is not None:
        rows += [
            ("profil.row_debt", {}, b.per_innbygger, b.year, "12137", None),
            ("profil.row_debt_share", {}, b.share, b.year, "12137", "computed"),
            ("profil.row_debt_rank", {"n": b.count}, b.rank, b.year, "12137", None),
            ("profil.row_debt_landet", {}, b.landet_per_innbygger, b.year, "12137", None),
        ]
    rows += [
        ("profil.row_population", {}, d.population, d.year, "07459", None),
        ("profil.row_change", {}, d.change, d.year, "07459", None),
        ("profil.row_share_67", {}, d.share_67, d.year, "07459", None),
        ("profil.row_share_80", {}, d.share_80, d.year, "07459", None),
        ("profil.row_ratio", {}, d.ratio, d.year, "07459", None),
        ("profil.row_ratio_2050", {}, d.ratio_projected, PROJECTION_YEAR, d.projection_table, None),
    ]
    proj = p.projection
    if proj is not None:
        rows.append(
            ("profil.row_population_2050", {}, proj.persons, proj.year, proj.table_id, None)
        )
    note = {
        "preliminary": t("common.preliminary", lang),
        "unknown": t("common.vintage_unknown", lang),
        "computed": t("ndr.computed_short", lang),
    }
    data = pd.DataFrame(
        {
            "figure": [t(key, lang, **values) for key, values, *_ in rows],
            "value": [value for _, _, value, *_ in rows],
            "year": [year for *_, year, _, _ in rows],
            "table_id": [table or "" for *_, table, _ in rows],
            "note": [note.get(vintage, "") for *_, vintage in rows],
        }
    )
    if d.estimated:
        data.loc[data["table_id"] == "07459", "note"] = t("common.estimated", lang)
    refs = [SourceRef.of("kostra"), SourceRef.of("befolkning_grupper", ("07459",))]
    tables = {d.projection_table, proj.table_id if proj else None} - {None}
    if tables:
        refs.append(SourceRef.of("framskriving", tuple(sorted(tables))))
    period = f"{min(n.year, d.year)}–{PROJECTION_YEAR}"
    columns = {
        "figure": t("profil.col_figure", lang),
        "value": t("profil.col_value", lang),
        "year": t("profil.col_year", lang),
        "table_id": t("profil.col_table", lang),
        "note": t("profil.col_note", lang),
    }
    return Exhibit(
        id="profil-nokkeltall",
        title=t("profil.table_title", lang, name=p.name),
        data=data,
        columns=columns,
        sources=tuple(refs),
        source_text=source_line(refs, lang, period),
        period=period,
        lang=lang,
        kommune_code=state.kommune,
        slug="nokkeltall",
    )


def cards_source(state: ViewState) -> str:
    """The source line for the cards row (they are numbers too)."""
    p = profile(state.kommune)
    refs = [SourceRef.of("kostra"), SourceRef.of("befolkning_grupper", ("07459",))]
    tables = {p.demography.projection_table, p.projection.table_id if p.projection else None}
    if tables - {None}:
        refs.append(SourceRef.of("framskriving", tuple(sorted(tables - {None}))))
    return source_line(refs, state.lang)


EXHIBITS = {"profil-posisjon": position, "profil-nokkeltall": key_figures}
