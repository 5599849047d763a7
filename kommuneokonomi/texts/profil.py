"""Texts for the Kommuneprofil (start) page: cards and summary sentences."""

# key: (bokmål, English)
TEXTS: dict[str, tuple[str, str]] = {
    # Summary sentences, generated from the numbers
    "profil.ndr_sentence": (
        "{name} hadde et netto driftsresultat på {value} i {year}, {norm_rel} TBU-normen på "
        "{norm}{group_part}.",
        "{name} had a net operating result of {value} in {year}, {norm_rel} the TBU norm of "
        "{norm}{group_part}.",
    ),
    "profil.ndr_group_part": (
        " og {group_rel} snittet i KOSTRA-gruppe {n} ({group_value})",
        " and {group_rel} the average of KOSTRA group {n} ({group_value})",
    ),
    "profil.ndr_preliminary": (
        "Tallene for {year} er foreløpige (publisert {published}).",
        "The figures for {year} are preliminary (published {published}).",
    ),
    "profil.ndr_missing_sentence": (
        "Netto driftsresultat for {name} finnes ikke i datagrunnlaget appen bruker nå; "
        "landet samlet hadde {landet} i {year}.",
        "The net operating result for {name} is not in the data the app currently uses; "
        "Norway as a whole had {landet} in {year}.",
    ),
    "profil.pop_sentence_up": (
        "{name} hadde {population} innbyggere 1. januar {year}, {change} flere enn året før "
        "({pct}).",
        "{name} had {population} inhabitants on 1 January {year}, {change} more than a year "
        "earlier ({pct}).",
    ),
    "profil.pop_sentence_down": (
        "{name} hadde {population} innbyggere 1. januar {year}, {change} færre enn året før "
        "({pct}).",
        "{name} had {population} inhabitants on 1 January {year}, {change} fewer than a year "
        "earlier ({pct}).",
    ),
    "profil.age_sentence": (
        "{share_67} av innbyggerne er 67 år eller eldre, og {share_80} er 80 eller eldre. "
        "Det er {ratio} personer i alderen 20–66 år per person over 67.",
        "{share_67} of the inhabitants are 67 or older, and {share_80} are 80 or older. "
        "There are {ratio} people aged 20–66 per person over 67.",
    ),
    "profil.projection_sentence": (
        "Med SSBs hovedalternativ (tabell {table}) blir det {future} i {future_year}.",
        "SSB's main alternative (table {table}) gives {future} in {future_year}.",
    ),
    "profil.robek_sentence": (
        "{name} var registrert i ROBEK i {year} (kommuner med økonomisk ubalanse eller sen "
        "budsjettbehandling).",
        "{name} was on the ROBEK register in {year} (municipalities with financial imbalance "
        "or late budgets).",
    ),
    # Cards
    "profil.card_ndr": ("Netto driftsresultat {year}", "Net operating result {year}"),
    "profil.card_ndr_delta": ("{diff} pp mot TBU-normen", "{diff} pp vs the TBU norm"),
    "profil.card_ndr_help": (
        "Andel av brutto driftsinntekter. TBU-normen for kommuner er {norm}. "
        "KOSTRA-gruppe {n}: {group}. Landet: {landet}.",
        "Share of gross operating revenue. The TBU norm for municipalities is {norm}. "
        "KOSTRA group {n}: {group}. Norway: {landet}.",
    ),
    "profil.card_ndr_missing": ("Mangler", "Missing"),
    "profil.card_population": ("Folketall 1.1.{year}", "Population 1 Jan {year}"),
    "profil.card_population_delta": ("{change} ({pct}) siste år", "{change} ({pct}) last year"),
    "profil.card_old": ("Andel 67+ / 80+", "Share 67+ / 80+"),
    "profil.card_old_delta": ("{diff} pp 67+ siden {year}", "{diff} pp 67+ since {year}"),
    "profil.card_ratio": ("20–66 år per person 67+", "Aged 20–66 per person 67+"),
    "profil.card_ratio_delta": (
        "{future} i {year} (framskrevet)",
        "{future} in {year} (projected)",
    ),
    "profil.card_ratio_help": (
        "Personer i yrkesaktiv alder (20–66) per person 67 år eller eldre, 1. januar {year}.",
        "People of working age (20–66) per person aged 67 or older, 1 January {year}.",
    ),
    "profil.cards_source": (
        "Kilder for kortene: {sources}.",
        "Sources for the cards: {sources}.",
    ),
    # Position chart
    "profil.position_title": (
        "{name}: {value} i {year}, {norm_rel} TBU-normen",
        "{name}: {value} in {year}, {norm_rel} the TBU norm",
    ),
    "profil.position_title_missing": (
        "Ingen tall for {name} i {year}; gruppen og landet vises",
        "No figures for {name} in {year}; the group and Norway are shown",
    ),
    "profil.position_title_missing_group": (
        "Ingen tall for {name} eller KOSTRA-gruppen i {year}; landet vises",
        "No figures for {name} or its KOSTRA group in {year}; Norway is shown",
    ),
    # Key figures table
    "profil.table_title": (
        "Nøkkeltall for {name}",
        "Key figures for {name}",
    ),
    "profil.table_expander": ("Tallene bak kortene", "The numbers behind the cards"),
    "profil.row_ndr": (
        "Netto driftsresultat, % av brutto driftsinntekter",
        "Net operating result, % of gross operating revenue",
    ),
    "profil.row_ndr_group": (
        "Netto driftsresultat, KOSTRA-gruppe {n}",
        "Net operating result, KOSTRA group {n}",
    ),
    "profil.row_ndr_landet": ("Netto driftsresultat, landet", "Net operating result, Norway"),
    "profil.row_population": ("Folketall 1. januar", "Population 1 January"),
    "profil.row_change": ("Endring i folketall siste år", "Population change last year"),
    "profil.row_share_67": ("Andel 67 år og eldre, %", "Share aged 67 and older, %"),
    "profil.row_share_80": ("Andel 80 år og eldre, %", "Share aged 80 and older, %"),
    "profil.row_ratio": ("Personer 20–66 år per person 67+", "People aged 20–66 per person 67+"),
    "profil.row_ratio_2050": (
        "Personer 20–66 år per person 67+, framskrevet (MMMM)",
        "People aged 20–66 per person 67+, projected (MMMM)",
    ),
    "profil.col_figure": ("Nøkkeltall", "Key figure"),
    "profil.col_value": ("Verdi", "Value"),
    "profil.col_year": ("År", "Year"),
    "profil.col_table": ("SSB-tabell", "SSB table"),
    "profil.col_note": ("Merknad", "Note"),
    # Debt, the gap to the norm and the projected population (issue: every municipality)
    "profil.debt_sentence": (
        "Netto lånegjeld var {debt} per innbygger i {year}{share_part}, nr. {rank} av {n} "
        "kommuner (1 = høyest); landet: {landet}.",
        "Net debt was {debt} per inhabitant in {year}{share_part}, no. {rank} of {n} "
        "municipalities (1 = highest); Norway: {landet}.",
    ),
    "profil.debt_share_part": (
        " ({share} av brutto driftsinntektene)",
        " ({share} of gross operating revenue)",
    ),
    "profil.projection_population": (
        "SSBs hovedalternativ (tabell {table}) gir {persons} innbyggere i {year}, {change} fra "
        "{base_year}.",
        "SSB's main alternative (table {table}) gives {persons} inhabitants in {year}, {change} "
        "from {base_year}.",
    ),
    "profil.totals_only_sentence": (
        "Framskrivingen etter alder finnes offline bare for Telemark; for landet gir "
        "hovedalternativet {landet} i {future_year}.",
        "The projection by age is offline only for Telemark; for Norway the main alternative "
        "gives {landet} in {future_year}.",
    ),
    "profil.ndr_computed": (
        "Prosenttallene for {year} er beregnet av SSBs beløp (tabell 12137).",
        "The percentages for {year} are computed from SSB's amounts (table 12137).",
    ),
    "profil.card_debt": ("Netto lånegjeld {year}", "Net debt {year}"),
    "profil.card_debt_delta": (
        "{share} av inntektene · nr. {rank} av {n}",
        "{share} of revenue · no. {rank} of {n}",
    ),
    "profil.card_debt_help": (
        "Netto lånegjeld per innbygger, kommunekonsern (SSB tabell 12137); andelen av brutto "
        "driftsinntekter er beregnet av SSBs beløp. Nr. 1 har høyest gjeld. KOSTRA-gruppen: "
        "{group}. Landet: {landet} ({landet_share}).",
        "Net debt per inhabitant, municipal group accounts (SSB table 12137); the share of "
        "gross operating revenue is computed from SSB's amounts. No. 1 has the highest debt. "
        "KOSTRA group: {group}. Norway: {landet} ({landet_share}).",
    ),
    "profil.card_population_help": (
        "SSBs hovedalternativ (tabell {table}): {persons} innbyggere i {year}.",
        "SSB's main alternative (table {table}): {persons} inhabitants in {year}.",
    ),
    "profil.row_gap": (
        "Til TBU-normen, mill. kr (minus: margin)",
        "To the TBU norm, NOK million (minus: margin)",
    ),
    "profil.row_gap_kr": (
        "Til TBU-normen, kr per innbygger (minus: margin)",
        "To the TBU norm, NOK per inhabitant (minus: margin)",
    ),
    "profil.row_debt": ("Netto lånegjeld, kr per innbygger", "Net debt, NOK per inhabitant"),
    "profil.row_debt_share": (
        "Netto lånegjeld, % av brutto driftsinntekter",
        "Net debt, % of gross operating revenue",
    ),
    "profil.row_debt_rank": (
        "Netto lånegjeld per innbygger, plass av {n} (1 = høyest)",
        "Net debt per inhabitant, rank of {n} (1 = highest)",
    ),
    "profil.row_debt_landet": (
        "Netto lånegjeld, landet, kr per innbygger",
        "Net debt, Norway, NOK per inhabitant",
    ),
    "profil.row_population_2050": (
        "Folketall, framskrevet (MMMM)",
        "Population, projected (MMMM)",
    ),
}
