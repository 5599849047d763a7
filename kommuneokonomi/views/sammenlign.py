"""Compare a municipality with a set: what every Sammenlign exhibit shares.

The set is the municipality's KOSTRA group, its county, its neighbours, the municipalities
most like it (the similarity model, with the weights in `vekter`) or up to ten chosen
municipalities (`mot`, `sammenlign`); the figures are population measures, which exist for
every municipality, and KOSTRA key figures, which stay missing where the data has none.

This module reads the page's URL values, resolves a view state against the data (`setup`)
and words measures and sets. The exhibits are in sammenlign_tabell (the table with ranks),
sammenlign_grafer (small multiples and the index chart) and liknende (the most similar
municipalities: the list with its reasons and the map).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kommuneokonomi.formatting import number, percent
from kommuneokonomi.i18n import N_, t, tn
from kommuneokonomi.indicators import FIGURES
from kommuneokonomi.queries import sammenlign as q
from kommuneokonomi.sources import SourceRef
from kommuneokonomi.state import MAX_COMPARE, Notice, ViewState, first, shown
from kommuneokonomi.views import vekter
from kommuneokonomi.views.regions import region_name

SET_DATASETS = {"kostragruppe": "kostragruppe_medlemskap", "fylke": "kommuner", "naboer": "naboer"}

# Texts picked by a measure, a comparison type (q.MOT) or a unit: every one a literal key.
MEASURE_NAMES = {  # KOSTRA measures are named by their indicator (indicators.INDICATORS)
    "folketall": N_("sammenlign.m.folketall"),
    "vekst": N_("sammenlign.m.vekst"),
    "andel67": N_("sammenlign.m.andel67"),
    "andel80": N_("sammenlign.m.andel80"),
    "stotte": N_("sammenlign.m.stotte"),
}
SHORT_NAMES = {
    "folketall": N_("sammenlign.short.folketall"),
    "vekst": N_("sammenlign.short.vekst"),
    "andel67": N_("sammenlign.short.andel67"),
    "andel80": N_("sammenlign.short.andel80"),
    "stotte": N_("sammenlign.short.stotte"),
    "KOSAGD230000": N_("sammenlign.short.KOSAGD230000"),
    "normgap_per_innbygger": N_("sammenlign.short.normgap_per_innbygger"),
    "KG31_per_innbygger": N_("sammenlign.short.KG31_per_innbygger"),
    "KG31_pct": N_("sammenlign.short.KG31_pct"),
    "AGD13_per_innbygger": N_("sammenlign.short.AGD13_per_innbygger"),
    "KOSAGD290000": N_("sammenlign.short.KOSAGD290000"),
    "KOSKG280000": N_("sammenlign.short.KOSKG280000"),
    "KOSKG400000": N_("sammenlign.short.KOSKG400000"),
    "KOSKG320000": N_("sammenlign.short.KOSKG320000"),
    "KOSAG110000": N_("sammenlign.short.KOSAG110000"),
    "KOSKG210000": N_("sammenlign.short.KOSKG210000"),
    "KOSAGI10000": N_("sammenlign.short.KOSAGI10000"),
    "KOSAGI210000": N_("sammenlign.short.KOSAGI210000"),
}
WHEN = {"befolkning": N_("sammenlign.when.befolkning"), "kostra": N_("sammenlign.when.kostra")}
AXIS_YEAR = {
    "befolkning": N_("sammenlign.axis_year.befolkning"),
    "kostra": N_("sammenlign.axis_year.kostra"),
}
AXIS = {
    "personer": N_("sammenlign.axis.personer"),
    "prosent": N_("sammenlign.axis.prosent"),
    "forhold": N_("sammenlign.axis.forhold"),
    "kr": N_("sammenlign.axis.kr"),
}
MOT_NAMES = {  # the comparison picker's options
    "kostragruppe": N_("sammenlign.mot.kostragruppe"),
    "fylke": N_("sammenlign.mot.fylke"),
    "naboer": N_("sammenlign.mot.naboer"),
    "liknende": N_("sammenlign.mot.liknende"),
    "egne": N_("sammenlign.mot.egne"),
}
IN_SET = {
    "kostragruppe": N_("sammenlign.in.kostragruppe"),
    "fylke": N_("sammenlign.in.fylke"),
    "naboer": N_("sammenlign.in.naboer"),
    "liknende": N_("sammenlign.in.liknende"),
    "egne": N_("sammenlign.in.egne"),
}
OTHERS = {
    "kostragruppe": N_("sammenlign.others.kostragruppe"),
    "fylke": N_("sammenlign.others.fylke"),
    "naboer": N_("sammenlign.others.naboer"),
    "liknende": N_("sammenlign.others.liknende"),
    "egne": N_("sammenlign.others.egne"),
}
SET = {  # plural texts: "{kommune} og de {n} andre kommunene i {group}"
    "kostragruppe": N_("sammenlign.set_kostragruppe"),
    "fylke": N_("sammenlign.set_fylke"),
    "naboer": N_("sammenlign.set_naboer"),
    "liknende": N_("sammenlign.set_liknende"),
    "egne": N_("sammenlign.set_egne"),
}
ALONE = {
    "kostragruppe": N_("sammenlign.alone_kostragruppe"),
    "fylke": N_("sammenlign.alone_fylke"),
    "naboer": N_("sammenlign.alone_naboer"),
    "liknende": N_("sammenlign.alone_liknende"),
    "egne": N_("sammenlign.alone_egne"),
}


# --- Reading the page's URL values ----------------------------------------------------------


def parse_mot(raw: str | list[str] | None) -> tuple[str | None, list[Notice]]:
    """A comparison type from MOT, or None (the default applies) with a notice if unknown."""
    value = first(raw)
    if not value:
        return None, []
    if value.lower() in q.MOT:
        return value.lower(), []
    return None, [Notice(N_("sammenlign.bad_mot"), {"value": shown(value)})]


def parse_indikator(raw: str | list[str] | None) -> tuple[str, list[Notice]]:
    """A measure code; anything else gives the default measure and a notice."""
    value = first(raw)
    if not value:
        return q.DEFAULT_MEASURE, []
    if value in q.MEASURES:
        return value, []
    fallback = measure_name(q.DEFAULT_MEASURE)
    return q.DEFAULT_MEASURE, [
        Notice(N_("sammenlign.bad_indikator"), {"value": shown(value), "fallback": fallback})
    ]


def parse_indeks(raw: str | list[str] | None, years: list[int]) -> tuple[int | None, list[Notice]]:
    """An index base year among `years`, or None (no index) with a notice if invalid."""
    value = first(raw)
    if not value:
        return None, []
    if value.isdigit() and int(value) in years:
        return int(value), []
    return None, [Notice(N_("sammenlign.bad_indeks"), {"value": shown(value)})]


# --- Resolving a view state -----------------------------------------------------------------


@dataclass(frozen=True)
class Setup:
    """A ViewState resolved against the data: set, year, measure, index base year and the
    similarity weights (used for the most similar municipalities only)."""

    kommune: str
    year: int
    measure: q.Measure
    comparison: q.Comparison
    base_year: int | None
    weights: vekter.Vekter


def effective_mot(state: ViewState) -> str:
    """`mot` from the state; without one a list of municipalities means 'egne'."""
    if state.mot in q.MOT:
        return state.mot
    return q.OWN if state.sammenlign else q.DEFAULT_MOT


def setup(state: ViewState) -> Setup:
    """Resolve the state; invalid values fall back to defaults (the page has said so)."""
    year = state.aar if state.aar in q.years() else q.default_year()
    code = state.indikator if state.indikator in q.MEASURES else q.DEFAULT_MEASURE
    chosen = tuple(state.sammenlign[:MAX_COMPARE])
    weights = vekter.of_state(state)
    mot = effective_mot(state)
    comparison = q.comparison(state.kommune, mot, chosen, year, weights.weights)
    measure = q.MEASURES[code]
    base = None
    if measure.indexable and state.indeks in q.base_years(code, comparison.members):
        base = state.indeks
    return Setup(state.kommune, year, measure, comparison, base, weights)


# --- Words ----------------------------------------------------------------------------------


def measure_name(code: str) -> str:
    """Full name of a measure ('Andel 67 år og eldre', KOSTRA's own names)."""
    if code in FIGURES:
        return FIGURES[code].name()
    return t(MEASURE_NAMES[code])


def short_name(code: str) -> str:
    """Column header of a measure ('67+ %', 'Netto driftsresultat %')."""
    return t(SHORT_NAMES[code])


def measure_label(code: str) -> str:
    """Name for the indicator picker: KOSTRA figures are marked, since they may be missing."""
    if q.MEASURES[code].family == "kostra":
        return t("sammenlign.kostra_suffix", name=measure_name(code))
    return measure_name(code)


def value_text(measure: q.Measure, value: float | None) -> str:
    """A value with its unit as text: '17,1 %', '291 940', '3,4', '62 311 kr'."""
    if measure.unit == "prosent":
        return percent(value, measure.decimals)
    text = number(value, measure.decimals)
    return t("sammenlign.kr", value=text) if measure.unit == "kr" else text


def when(measure: q.Measure, year: int) -> str:
    """When a measure's value is from: '1. januar 2025', 'i 2025'."""
    return t(WHEN[measure.family], year=year)


def set_values(comparison: q.Comparison) -> dict[str, str]:
    """Names for the set's texts; a set without a known region gets a generic name."""
    values = {
        "kommune": region_name(comparison.kommune),
        "group": t("sammenlign.the_group"),
        "county": t("sammenlign.the_county"),
        "weights": vekter.weights_name(comparison.weights) if comparison.weights else "",
    }
    if comparison.region_code:
        values["group" if comparison.mot == "kostragruppe" else "county"] = region_name(
            comparison.region_code
        )
    return values


def none_chosen(s: Setup) -> list[str]:
    """'No municipalities chosen' when the reader's own set is empty (only the municipality)."""
    if s.comparison.mot == q.OWN and not s.comparison.others:
        return [t("sammenlign.note_none_chosen", kommune=region_name(s.kommune))]
    return []


def in_set(comparison: q.Comparison) -> str:
    """'i KOSTRA-gruppe 12', 'i Vestland', 'i nabolaget', 'blant de valgte kommunene'."""
    return t(IN_SET[comparison.mot], **set_values(comparison))


def set_description(comparison: q.Comparison) -> str:
    """One sentence on who is in the set, or on why there is no one to compare with."""
    values = set_values(comparison)
    mot = comparison.mot
    if not comparison.others:
        if mot == "kostragruppe" and comparison.region_code is None:
            return t("sammenlign.no_kostragruppe", **values)
        return t(ALONE[mot], limit=MAX_COMPARE, **values)
    return tn(SET[mot], len(comparison.others), year=comparison.membership_year, **values)


def set_details(comparison: q.Comparison) -> list[str]:
    """How the most similar municipalities were found, for an exhibit's details (exports)."""
    if comparison.mot != q.SIMILAR or comparison.weights is None:
        return []
    return [
        t(
            "liknende.set_detail",
            kommune=region_name(comparison.kommune),
            weights=vekter.weights_words(comparison.weights),
        )
    ]


def names(codes: list[str] | tuple[str, ...]) -> str:
    """Region names joined with commas."""
    return ", ".join(region_name(c) for c in codes)


def refs(setup_: Setup, measures: list[q.Measure]) -> list[SourceRef]:
    """The sources of the measures shown and of the set itself (the group, county or
    neighbour file; the most similar municipalities are explained in the details)."""
    out = []
    if any(m.family == "befolkning" for m in measures):
        out.append(SourceRef.of("befolkning_grupper", ("07459",)))
    if any(m.family == "kostra" for m in measures):
        out.append(SourceRef.of("kostra"))
    if setup_.comparison.mot in SET_DATASETS:
        out.append(SourceRef.of(SET_DATASETS[setup_.comparison.mot]))
    return out


def params(setup_: Setup) -> dict[str, str]:
    """The URL values that rebuild an exhibit of this view (embeds, exports)."""
    out = {
        "aar": str(setup_.year),
        "mot": setup_.comparison.mot,
        "indikator": setup_.measure.code,
    }
    if setup_.comparison.mot == q.OWN:
        out["sammenlign"] = ",".join(setup_.comparison.others)
    weights = setup_.weights.text()
    if setup_.comparison.mot == q.SIMILAR and weights:
        out[vekter.PARAM] = weights
    if setup_.base_year:
        out["indeks"] = str(setup_.base_year)
    return out


def preliminary_published(rows: pd.DataFrame) -> str | None:
    """The newest publication date of the preliminary rows, or None."""
    published = rows.loc[rows["vintage"] == "preliminary", "published"].dropna()
    return published.max() if len(published) else None
