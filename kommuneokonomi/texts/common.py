"""Texts shared by every page: app, navigation, controls, notices, source lines."""

# key: (bokmål, English)
TEXTS: dict[str, tuple[str, str]] = {
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
    "common.vintage_unknown": ("årgang ukjent", "vintage unknown"),
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
    "common.data_error": (
        "Dataene for denne siden kan ikke vises: {error}",
        "The data for this page cannot be shown: {error}",
    ),
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
    # The one note line under a chart (views.notes)
    "notes.for_years": ("tallene for {years}", "the figures for {years}"),
    "notes.for_regions": ("tallene for {regions}", "the figures for {regions}"),
    "notes.all_of": ("alle {total} tallene for {years}", "all {total} figures for {years}"),
    "notes.n_of": ("{n} av {total} tall for {years}", "{n} of {total} figures for {years}"),
    "notes.computed": (
        "{which} er beregnet av SSBs beløp (tabell 12137, {release})",
        "{which} are computed from SSB's amounts (table 12137, {release})",
    ),
    "notes.release_final": ("endelige tall publisert {date}", "final figures published {date}"),
    "notes.release_preliminary": (
        "foreløpige tall publisert {date}",
        "preliminary figures published {date}",
    ),
    "notes.preliminary_hollow": (
        "hule punkter: {which} er foreløpige (publisert {published})",
        "hollow points: {which} are preliminary (published {published})",
    ),
    "notes.preliminary": (
        "{which} er foreløpige (publisert {published})",
        "{which} are preliminary (published {published})",
    ),
    "notes.vintage_unknown": (
        "for {which} er det ukjent om de er foreløpige eller endelige",
        "for {which} it is unknown whether they are preliminary or final",
    ),
    "notes.missing": (
        "{n} kommuner har ikke tall for {year}",
        "{n} municipalities have no figure for {year}",
    ),
}
