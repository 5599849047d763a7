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
from kommuneokonomi.formatting import MINUS, iso_date, number, percent, percent_suffix, signed
from kommuneokonomi.i18n import N_, t
from kommuneokonomi.indicators import TBU_NORM_KOMMUNE_PCT
from kommuneokonomi.queries.profil import PROJECTION_YEAR, Profile, profile
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
    p = profile(state.kommune)
    out = [
        _ndr_sentence(p),
        _debt_sentence(p),
        _population_sentence(p),
        _age_sentence(p),
    ]
    if p.robek:
        out.append(t("profil.robek_sentence", name=p.name, year=p.robek_year))
    return [s for s in out if s]


def _ndr_sentence(
    p: Profile,
) -> str:
    n = p.ndr
    if n.value is None:
        return t(
            "profil.ndr_missing_sentence",
            name=p.name,
            year=n.year,
            landet=percent(n.landet_value),
        )
    group_part = ""
    if n.group_value is not None:
        group_part = t(
            "profil.ndr_group_part",
            n=_group_number(n.group_code),
            group_rel=relation(n.value, n.group_value),
            group_value=percent(n.group_value),
        )
    text = t(
        "profil.ndr_sentence",
        name=p.name,
        value=percent(n.value),
        year=n.year,
        norm_rel=relation(n.value, TBU_NORM_KOMMUNE_PCT),
        norm=norm_text(),
        group_part=group_part,
    )
    if n.vintage == "preliminary":
        text += " " + t("profil.ndr_preliminary", year=n.year, published=iso_date(n.published))
    if p.gap is not None:
        text += " " + gap_words(p.gap, p.name) + "."
    return text


def _debt_sentence(
    p: Profile,
) -> str:
    b = p.debt
    if b is None:
        return ""
    share = t("profil.debt_share_part", share=percent(b.share, 0)) if b.share is not None else ""
    return t(
        "profil.debt_sentence",
        name=p.name,
        year=b.year,
        debt=kr(b.per_innbygger),
        share_part=share,
        rank=b.rank,
        n=b.count,
        landet=kr(b.landet_per_innbygger),
    )


def _population_sentence(
    p: Profile,
) -> str:
    d = p.demography
    if d.change is None:
        return ""
    key = N_("profil.pop_sentence_up") if d.change >= 0 else N_("profil.pop_sentence_down")
    text = t(
        key,
        name=p.name,
        population=number(d.population),
        year=d.year,
        change=number(abs(d.change)),
        pct=signed(d.change_pct, 1, percent_suffix()),
    )
    proj = p.projection
    if proj is not None:
        growth = 100 * (proj.persons / proj.base - 1)
        text += " " + t(
            "profil.projection_population",
            persons=number(proj.persons),
            year=proj.year,
            table=proj.table_id,
            change=signed(growth, 1, percent_suffix()),
            base_year=proj.base_year,
        )
    return text


def _age_sentence(
    p: Profile,
) -> str:
    d = p.demography
    text = t(
        "profil.age_sentence",
        share_67=percent(d.share_67),
        share_80=percent(d.share_80),
        ratio=number(d.ratio, 1),
    )
    if d.ratio_projected is not None:
        text += " " + t(
            "profil.projection_sentence",
            table=d.projection_table,
            future=number(d.ratio_projected, 1),
            future_year=PROJECTION_YEAR,
        )
    elif d.landet_ratio_projected is not None:
        text += " " + t(
            "profil.totals_only_sentence",
            landet=number(d.landet_ratio_projected, 1),
            future_year=PROJECTION_YEAR,
        )
    return text


def _delta(text: str) -> str:
    """st.metric reads the sign from the text; it knows '-' but not the typographic '−'."""
    return text.replace(MINUS, "-")


@dataclass(frozen=True)
class Card:
    """One key-figure card: label, value, change and an explanation. No sparkline: st.metric
    draws it as an unlabelled Vega chart (244 KB of script, nothing for a screen reader), and
    the same series are charts with descriptions and tables further down and on the other
    pages."""

    label: str
    value: str
    delta: str | None
    delta_color: str
    help: str | None = None
    arrow: str = "auto"  # "off" where the small line under the value is not a change


def cards(state: ViewState) -> list[Card]:
    """Six cards: netto driftsresultat, the gap to the norm in kroner, debt, population,
    elderly shares, support ratio."""
    p = profile(state.kommune)
    return [
        _ndr_card(p),
        _gap_card(p),
        _debt_card(p),
        _population_card(p),
        _old_card(p),
        _ratio_card(p),
    ]


def _gap_card(
    p: Profile,
) -> Card:
    help_text = gap_card(p.kommune, p.ndr.year).help
    if p.gap is None:
        label = t("ndr.card_normgap", year=p.ndr.year)
        return Card(label, t("profil.card_ndr_missing"), None, "off", help_text)
    needed = p.gap.mill_kr > 0
    key = N_("ndr.card_normgap_needed") if needed else N_("ndr.card_normgap_margin")
    per_head = p.gap.kr_per_innbygger
    return Card(
        label=t(key, year=p.gap.year),
        value=mill_kr(abs(p.gap.mill_kr)),
        delta=t("ndr.card_normgap_per_head", value=kr(abs(per_head)))
        if per_head is not None
        else None,
        delta_color="off",
        help=help_text,
        arrow="off",
    )


def _debt_card(
    p: Profile,
) -> Card:
    b = p.debt
    if b is None:
        return Card(
            t("profil.card_debt", year=p.ndr.year),
            t("profil.card_ndr_missing"),
            None,
            "off",
        )
    delta = (
        t("profil.card_debt_delta", share=percent(b.share, 0), rank=b.rank, n=b.count)
        if b.share is not None
        else None
    )
    return Card(
        label=t("profil.card_debt", year=b.year),
        value=kr(b.per_innbygger),
        delta=delta,
        delta_color="off",
        help=t(
            "profil.card_debt_help",
            group=kr(b.group_per_innbygger) if b.group_per_innbygger else "–",
            landet=kr(b.landet_per_innbygger) if b.landet_per_innbygger else "–",
            landet_share=percent(b.landet_share, 0),
        ),
        arrow="off",
    )


def _ndr_card(
    p: Profile,
) -> Card:
    n = p.ndr
    help_text = t(
        "profil.card_ndr_help",
        norm=norm_text(),
        n=_group_number(n.group_code) or "–",
        group=percent(n.group_value),
        landet=percent(n.landet_value),
    )
    if n.value is None:
        return Card(
            t("profil.card_ndr", year=n.year),
            t("profil.card_ndr_missing"),
            None,
            "off",
            help_text,
        )
    diff = signed(n.value - TBU_NORM_KOMMUNE_PCT, 2)
    return Card(
        label=t("profil.card_ndr", year=n.year),
        value=percent(n.value),
        delta=_delta(t("profil.card_ndr_delta", diff=diff)),
        delta_color="normal",
        help=help_text,
    )


def _population_card(
    p: Profile,
) -> Card:
    d = p.demography
    delta = None
    if d.change is not None:
        pct = signed(d.change_pct, 1, percent_suffix())
        delta = _delta(t("profil.card_population_delta", change=signed(d.change, 0), pct=pct))
    proj = p.projection
    return Card(
        label=t("profil.card_population", year=d.year),
        value=number(d.population),
        delta=delta,
        delta_color="off",
        help=t(
            "profil.card_population_help",
            persons=number(proj.persons),
            year=proj.year,
            table=proj.table_id,
        )
        if proj
        else None,
    )


def _old_card(
    p: Profile,
) -> Card:
    d = p.demography
    delta = None
    if d.share_67_before is not None:
        diff = signed(d.share_67 - d.share_67_before)
        delta = _delta(t("profil.card_old_delta", diff=diff, year=d.before_year))
    return Card(
        label=t("profil.card_old"),
        value=f"{percent(d.share_67)} / {percent(d.share_80)}",
        delta=delta,
        delta_color="off",
    )


def _ratio_card(
    p: Profile,
) -> Card:
    d = p.demography
    delta = None
    if d.ratio_projected is not None:
        delta = t(
            "profil.card_ratio_delta",
            future=number(d.ratio_projected, 1),
            year=PROJECTION_YEAR,
        )
    return Card(
        label=t("profil.card_ratio"),
        value=number(d.ratio, 1),
        delta=delta,
        delta_color="off",
        help=t("profil.card_ratio_help", year=d.year),
    )


@cached_view()
def position(state: ViewState) -> Exhibit:
    """Netto driftsresultat of the municipality, its KOSTRA group and Landet against the norm."""
    p = profile(state.kommune)
    n = p.ndr
    rows = [
        (state.kommune, n.value, theme.KOMMUNE),
        (n.group_code, n.group_value, theme.KOSTRAGRUPPE),
        (KOSTRA_LANDET, n.landet_value, theme.LANDET),
    ]
    rows = [(code, value, color) for code, value, color in rows if code and value is not None]
    labels = [region_name(code) for code, _, _ in rows]
    if n.value is None:
        missing = (
            N_("profil.position_title_missing")
            if n.group_value is not None
            else N_("profil.position_title_missing_group")
        )
        title = t(missing, name=p.name, year=n.year)
    else:
        title = t(
            "profil.position_title",
            name=p.name,
            value=percent(n.value),
            year=n.year,
            norm_rel=relation(n.value, TBU_NORM_KOMMUNE_PCT),
        )
    refs = [SourceRef.of("kostra")]
    period = str(n.year)
    source = source_line(refs, period)
    fig = position_bars(
        labels,
        [v for _, v, _ in rows],
        [c for _, _, c in rows],
        [percent(v) for _, v, _ in rows],
        reference=(TBU_NORM_KOMMUNE_PCT, t("ndr.norm", norm=norm_text()), theme.NORM),
    )
    theme.style(
        fig,
        title=title,
        source=source,
        legend=False,
        height=70 + 55 * len(rows),
        x_title=t("ndr.axis_short"),
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
        note = t("profil.ndr_preliminary", year=n.year, published=iso_date(n.published))
    elif n.computed:
        note = t("profil.ndr_computed", year=n.year)
    details = [t("ndr.group_year_note", year=n.group_year)] if n.group_year else []
    return Exhibit(
        id="profil-posisjon",
        title=title,
        data=data,
        columns={c: c for c in data.columns},
        sources=tuple(refs),
        source_text=source,
        period=period,
        figure=fig if rows else None,
        notes=(note,) if note else (),
        details=tuple(details),
        kommune_code=state.kommune,
        slug="netto-driftsresultat-posisjon",
    )


def key_figures(state: ViewState) -> Exhibit:
    """The numbers behind the cards and sentences, one row each, with year and SSB table."""
    p = profile(state.kommune)
    n, d = p.ndr, p.demography
    group_n = _group_number(n.group_code)
    ndr_table = "12137" if n.computed else "12134"
    rows = [
        (N_("profil.row_ndr"), {}, n.value, n.year, ndr_table, n.vintage),
        (N_("profil.row_ndr_group"), {"n": group_n}, n.group_value, n.year, ndr_table, None),
        (N_("profil.row_ndr_landet"), {}, n.landet_value, n.year, ndr_table, None),
    ]
    if group_n is None:
        rows.pop(1)
    if p.gap is not None:
        rows += [
            (N_("profil.row_gap"), {}, p.gap.mill_kr, p.gap.year, "12137", "computed"),
            (
                N_("profil.row_gap_kr"),
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
            (N_("profil.row_debt"), {}, b.per_innbygger, b.year, "12137", None),
            (N_("profil.row_debt_share"), {}, b.share, b.year, "12137", "computed"),
            (N_("profil.row_debt_rank"), {"n": b.count}, b.rank, b.year, "12137", None),
            (N_("profil.row_debt_landet"), {}, b.landet_per_innbygger, b.year, "12137", None),
        ]
    rows += [
        (N_("profil.row_population"), {}, d.population, d.year, "07459", None),
        (N_("profil.row_change"), {}, d.change, d.year, "07459", None),
        (N_("profil.row_share_67"), {}, d.share_67, d.year, "07459", None),
        (N_("profil.row_share_80"), {}, d.share_80, d.year, "07459", None),
        (N_("profil.row_ratio"), {}, d.ratio, d.year, "07459", None),
        (
            N_("profil.row_ratio_2050"),
            {},
            d.ratio_projected,
            PROJECTION_YEAR,
            d.projection_table,
            None,
        ),
    ]
    proj = p.projection
    if proj is not None:
        rows.append(
            (N_("profil.row_population_2050"), {}, proj.persons, proj.year, proj.table_id, None)
        )
    note = {
        "preliminary": t("common.preliminary"),
        "unknown": t("common.vintage_unknown"),
        "computed": t("ndr.computed_short"),
    }
    data = pd.DataFrame(
        {
            "figure": [t(key, **values) for key, values, *_ in rows],
            "value": [value for _, _, value, *_ in rows],
            "year": [year for *_, year, _, _ in rows],
            "table_id": [table or "" for *_, table, _ in rows],
            "note": [note.get(vintage, "") for *_, vintage in rows],
        }
    )
    if d.estimated:
        data.loc[data["table_id"] == "07459", "note"] = t("common.estimated")
    refs = [SourceRef.of("kostra"), SourceRef.of("befolkning_grupper", ("07459",))]
    tables = {d.projection_table, proj.table_id if proj else None} - {None}
    if tables:
        refs.append(SourceRef.of("framskriving", tuple(sorted(tables))))
    period = f"{min(n.year, d.year)}–{PROJECTION_YEAR}"
    columns = {
        "figure": t("profil.col_figure"),
        "value": t("profil.col_value"),
        "year": t("profil.col_year"),
        "table_id": t("profil.col_table"),
        "note": t("profil.col_note"),
    }
    return Exhibit(
        id="profil-nokkeltall",
        title=t("profil.table_title", name=p.name),
        data=data,
        columns=columns,
        sources=tuple(refs),
        source_text=source_line(refs, period),
        period=period,
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
    return source_line(refs)


EXHIBITS = {"profil-posisjon": position, "profil-nokkeltall": key_figures}
