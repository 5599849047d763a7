"""The one translation table: every UI text in bokmål (default) and English.

`t("key", lang, **values)` returns the text with `{placeholders}` filled. Keys are grouped by
prefix (nav., common., profil., …). A key missing in the table is a bug and raises KeyError.
"""

from __future__ import annotations

LANGS = ("nb", "en")
DEFAULT_LANG = "nb"

# key: (bokmål, English)
TEXTS: dict[str, tuple[str, str]] = {
    # App and navigation
    "app.title": ("Kommuneøkonomi", "Municipal finances"),
    "app.tagline": (
        "Økonomi, befolkning og framtid for Norges 357 kommuner",
        "Finances, population and outlook for Norway's 357 municipalities",
    ),
    "nav.profil": ("Kommuneprofil", "Municipality profile"),
    "nav.driftsresultat": ("Netto driftsresultat", "Net operating result"),
    "nav.befolkning": ("Befolkning og framskriving", "Population and projections"),
    "nav.sammenlign": ("Sammenlign", "Compare"),
    "nav.om": ("Om dataene", "About the data"),
    "nav.embed": ("Innebygd figur", "Embedded chart"),
    # Shared controls
    "common.kommune": ("Kommune", "Municipality"),
    "common.kommune_help": (
        "Skriv navn eller kommunenummer. Gamle navn og numre (før 2020 og 2024) virker også.",
        "Type a name or number. Old names and numbers (before 2020 and 2024) also work.",
    ),
    "common.kommune_placeholder": ("Søk etter kommune …", "Search for a municipality …"),
    "common.language": ("Språk", "Language"),
    "common.year": ("År", "Year"),
    "common.norway": ("Norge", "Norway"),
    "common.landet": ("Landet", "Norway"),
    "common.landet_uten_oslo": ("Landet uten Oslo", "Norway excluding Oslo"),
    "common.kostragruppe": ("KOSTRA-gruppe {n}", "KOSTRA group {n}"),
    "common.county": ("Fylke", "County"),
    "common.missing": ("mangler", "missing"),
    "common.estimated": ("anslag", "estimate"),
    "common.preliminary": ("foreløpig", "preliminary"),
    "common.persons": ("personer", "people"),
    "common.source": ("Kilde", "Source"),
    "common.table": ("tabell", "table"),
    "common.tables": ("tabell", "tables"),
    "asof.published": ("publisert {date}", "published {date}"),
    "asof.fetched": ("hentet {date}", "fetched {date}"),
    "asof.reference": ("tall per {date}", "figures as of {date}"),
    "common.fetched": ("hentet", "fetched"),
    "common.published": ("publisert", "published"),
    "common.snapshot": ("offline-snapshot", "offline snapshot"),
    "common.live": ("hentet fra SSB", "fetched from SSB"),
    "common.and": ("og", "and"),
    "common.no_data": ("Ingen tall å vise.", "No figures to show."),
    # Notices about URL parameters (the offending value is shown escaped, as code)
    "notice.unknown_kommune": (
        "Fant ingen kommune med nummer {value}. Viser {fallback} i stedet.",
        "No municipality has the number {value}. Showing {fallback} instead.",
    ),
    "notice.old_kommune": (
        "{value} er et tidligere kommunenummer. Viser dagens kommune, {current}.",
        "{value} is a former municipality number. Showing today's municipality, {current}.",
    ),
    "notice.split_kommune": (
        "{value} ble delt. Viser {current}; velg den andre kommunen i søket om du mente den.",
        "{value} was split. Showing {current}; pick the other municipality if you meant it.",
    ),
    "notice.bad_year": (
        "Året {value} finnes ikke i tallene. Viser {fallback}.",
        "The year {value} is not in the figures. Showing {fallback}.",
    ),
    "notice.bad_compare": (
        "Ignorerte ukjente kommunenumre i sammenligningen: {value}.",
        "Ignored unknown municipality numbers in the comparison: {value}.",
    ),
    "notice.too_many_compare": (
        "Du kan sammenligne opptil {limit} kommuner; de første {limit} vises.",
        "You can compare up to {limit} municipalities; the first {limit} are shown.",
    ),
    "notice.bad_lang": (
        "Ukjent språk {value}; viser bokmål.",
        "Unknown language {value}; showing English.",
    ),
    "notice.bad_param": (
        "Ugyldig verdi for {name} ignorert.",
        "Invalid value for {name} ignored.",
    ),
    # Population (start page, issue 2)
    "befolkning.population": ("Folketall", "Population"),
    "befolkning.support_ratio": (
        "Personer 20–66 år per person 67+",
        "People aged 20–66 per person 67+",
    ),
    "befolkning.support_ratio_short": ("20–66 per 67+", "20–66 per 67+"),
    "befolkning.population_title": (
        "{region} hadde {persons} innbyggere 1. januar {year}",
        "{region} had {persons} inhabitants on 1 January {year}",
    ),
    "befolkning.support_title": (
        "{region}: {now} personer i yrkesaktiv alder per eldre i {year}, {future} i {future_year}",
        "{region}: {now} people of working age per older person in {year}, "
        "{future} in {future_year}",
    ),
    "befolkning.support_title_no_projection": (
        "{region}: {now} personer i yrkesaktiv alder per eldre i {year}",
        "{region}: {now} people of working age per older person in {year}",
    ),
    "befolkning.axis_year": ("År (1. januar)", "Year (1 January)"),
    "befolkning.axis_persons": ("Personer", "People"),
    "befolkning.axis_ratio": (
        "Personer 20–66 år per person 67+",
        "People aged 20–66 per person 67+",
    ),
    "befolkning.registered": ("Registrert", "Registered"),
    "befolkning.projected": ("Framskrevet ({alt})", "Projected ({alt})"),
    "befolkning.estimated_note": (
        "Hule punkter er anslag: kommunen ble skilt ut av en tidligere kommune (før 2020 eller "
        "2024), og tallene er fordelt med vekter, ikke publisert av SSB.",
        "Hollow points are estimates: the municipality was split from a former one (before "
        "2020 or 2024), and its figures are weighted shares, not published by SSB.",
    ),
    "befolkning.estimated_sum_note": (
        "Hule punkter: summen av kommunene inneholder anslåtte kommunedelinger og kan avvike "
        "med noen få personer fra SSBs publiserte tall.",
        "Hollow points: the sum of municipalities includes estimated splits and may differ by a "
        "few people from SSB's published figures.",
    ),
    "befolkning.projection_note": (
        "Heltrukket: registrert 1. januar. Stiplet: SSBs hovedalternativ (MMMM). Skravert: "
        "mellom lav (LLML) og høy (HHMH) nasjonal vekst.",
        "Solid: registered on 1 January. Dashed: SSB's main alternative (MMMM). Shaded: "
        "between low (LLML) and high (HHMH) national growth.",
    ),
    "alt.MMMM": ("hovedalternativet, MMMM", "main alternative, MMMM"),
    "alt.LLML": ("lav nasjonal vekst, LLML", "low national growth, LLML"),
    "alt.HHMH": ("høy nasjonal vekst, HHMH", "high national growth, HHMH"),
}


def t(key: str, lang: str, /, **values: object) -> str:
    """The text for `key` in `lang`, with `{placeholders}` filled from `values`."""
    nb, en = TEXTS[key]
    text = en if lang == "en" else nb
    return text.format(**values) if values else text


def normalise_lang(value: str | None) -> str:
    """'en' or 'nb' from a URL value; anything else is the default language."""
    return value if value in LANGS else DEFAULT_LANG
