"""Texts for the Sammenlign (compare) page."""

# key: (bokmål, English)
TEXTS: dict[str, tuple[str, str]] = {
    # Controls
    "sammenlign.mot_label": ("Sammenlign med", "Compare with"),
    "sammenlign.mot_help": (
        "KOSTRA-gruppen: kommuner SSB regner som like i folketall og økonomiske rammer. "
        "Nabokommuner: kommuner med felles landegrense.",
        "KOSTRA group: municipalities SSB considers alike in size and financial means. "
        "Neighbours: municipalities sharing a land border.",
    ),
    "sammenlign.mot.kostragruppe": ("KOSTRA-gruppen", "KOSTRA group"),
    "sammenlign.mot.fylke": ("Fylket", "County"),
    "sammenlign.mot.naboer": ("Nabokommuner", "Neighbours"),
    "sammenlign.mot.egne": ("Egne valg", "Own choice"),
    "sammenlign.egne_label": (
        "Kommuner å sammenligne med (opptil 10)",
        "Municipalities to compare with (up to 10)",
    ),
    "sammenlign.year_help": (
        "Befolkningstall gjelder 1. januar i året, KOSTRA-tall regnskapsåret.",
        "Population figures are for 1 January of the year, KOSTRA figures for the accounting year.",
    ),
    "sammenlign.indikator_label": (
        "Indikator i tittel og figurer",
        "Indicator in title and charts",
    ),
    "sammenlign.kostra_suffix": ("{name} (KOSTRA)", "{name} (KOSTRA)"),
    "sammenlign.indeks_toggle": ("Indekser til 100 i et basisår", "Index to 100 in a base year"),
    "sammenlign.indeks_year_off": ("Slå på indeksering først", "Turn on indexing first"),
    "sammenlign.indeks_year": ("Basisår", "Base year"),
    "sammenlign.indeks_help": (
        "Hver kommunes serie deles på sin egen verdi i basisåret og ganges med 100, så du ser "
        "utviklingen uavhengig av kommunens størrelse.",
        "Each municipality's series is divided by its own value in the base year and "
        "multiplied by 100, so you see the change whatever the municipality's size.",
    ),
    "sammenlign.over_time": ("Utvikling over tid", "Over time"),
    # Notices about the link
    "sammenlign.bad_mot": (
        "Ukjent sammenligning {value}; viser KOSTRA-gruppen.",
        "Unknown comparison {value}; showing the KOSTRA group.",
    ),
    "sammenlign.bad_indikator": (
        "Ukjent indikator {value}; viser {fallback}.",
        "Unknown indicator {value}; showing {fallback}.",
    ),
    "sammenlign.bad_indeks": (
        "Ugyldig basisår for indeks {value}; viser tallene uten indeks.",
        "Invalid base year for the index {value}; showing the figures without an index.",
    ),
    # The comparison set
    "sammenlign.set_kostragruppe": (
        "{kommune} og de {n} andre kommunene i {group} (inndelingen for {year}).",
        "{kommune} and the {n} other municipalities in {group} ({year} grouping).",
    ),
    "sammenlign.set_fylke": (
        "{kommune} og de {n} andre kommunene i {county}.",
        "{kommune} and the {n} other municipalities in {county}.",
    ),
    "sammenlign.set_naboer": (
        "{kommune} og {n} nabokommuner med felles landegrense.",
        "{kommune} and {n} neighbouring municipalities sharing a land border.",
    ),
    "sammenlign.set_egne": (
        "{kommune} og {n} valgte kommuner.",
        "{kommune} and {n} chosen municipalities.",
    ),
    "sammenlign.alone_kostragruppe": (
        "{kommune} er eneste kommune i {group}. Velg fylket, nabokommuner eller egne valg for å "
        "sammenligne.",
        "{kommune} is the only municipality in {group}. Choose the county, neighbours or your "
        "own choice to compare.",
    ),
    "sammenlign.no_kostragruppe": (
        "Fant ingen KOSTRA-gruppe for {kommune} i dataene. Velg fylket, nabokommuner eller egne "
        "valg for å sammenligne.",
        "No KOSTRA group for {kommune} in the data. Choose the county, neighbours or your own "
        "choice to compare.",
    ),
    "sammenlign.alone_fylke": (
        "{kommune} er eneste kommune i fylket. Velg nabokommuner eller egne valg for å "
        "sammenligne.",
        "{kommune} is the only municipality in its county. Choose neighbours or your own choice "
        "to compare.",
    ),
    "sammenlign.alone_naboer": (
        "{kommune} har ingen nabokommuner med felles landegrense (kommunen ligger på øyer). "
        "Velg KOSTRA-gruppen, fylket eller egne valg for å sammenligne.",
        "{kommune} has no neighbours sharing a land border (it lies on islands). Choose the "
        "KOSTRA group, the county or your own choice to compare.",
    ),
    "sammenlign.alone_egne": (
        "Velg opptil {limit} kommuner å sammenligne {kommune} med.",
        "Pick up to {limit} municipalities to compare {kommune} with.",
    ),
    "sammenlign.note_none_chosen": (
        "Ingen kommuner er valgt å sammenligne med, så bare {kommune} vises.",
        "No municipalities were chosen to compare with, so only {kommune} is shown.",
    ),
    "sammenlign.the_group": ("KOSTRA-gruppen", "the KOSTRA group"),
    "sammenlign.the_county": ("fylket", "the county"),
    # Phrases naming the set inside titles
    "sammenlign.in.kostragruppe": ("i {group}", "in {group}"),
    "sammenlign.in.fylke": ("i {county}", "in {county}"),
    "sammenlign.in.naboer": ("i nabolaget", "in its neighbourhood"),
    "sammenlign.in.egne": ("blant de valgte kommunene", "among the chosen municipalities"),
    "sammenlign.others.kostragruppe": ("de andre i {group}", "the rest of {group}"),
    "sammenlign.others.fylke": ("de andre i {county}", "the rest of {county}"),
    "sammenlign.others.naboer": ("nabokommunene", "the neighbours"),
    "sammenlign.others.egne": ("de valgte kommunene", "the chosen municipalities"),
    "sammenlign.others.shown": ("de andre viste kommunene", "the other municipalities shown"),
    # Measures
    "sammenlign.m.folketall": ("Folketall", "Population"),
    "sammenlign.m.vekst": ("Befolkningsvekst siste år", "Population growth, past year"),
    "sammenlign.m.andel67": ("Andel 67 år og eldre", "Share aged 67 and over"),
    "sammenlign.m.andel80": ("Andel 80 år og eldre", "Share aged 80 and over"),
    "sammenlign.m.stotte": ("Personer 20–66 år per person 67+", "People aged 20–66 per person 67+"),
    "sammenlign.short.folketall": ("Folketall", "Population"),
    "sammenlign.short.vekst": ("Vekst %", "Growth %"),
    "sammenlign.short.andel67": ("67+ %", "67+ %"),
    "sammenlign.short.andel80": ("80+ %", "80+ %"),
    "sammenlign.short.stotte": ("20–66 per 67+", "20–66 per 67+"),
    "sammenlign.short.KOSAGD230000": ("Netto driftsresultat %", "Net operating result %"),
    "sammenlign.short.normgap_per_innbygger": (
        "Til normen kr/innb.",
        "To norm NOK/inh.",
    ),
    "sammenlign.short.KG31_per_innbygger": ("Netto lånegjeld kr/innb.", "Net debt NOK/inh."),
    "sammenlign.short.KG31_pct": ("Netto lånegjeld %", "Net debt %"),
    "sammenlign.short.AGD13_per_innbygger": (
        "Brutto driftsinnt. kr/innb.",
        "Gross revenue NOK/inh.",
    ),
    "sammenlign.short.KOSAGD290000": ("Mindre-/merforbruk %", "Surplus/deficit %"),
    "sammenlign.short.KOSKG280000": ("Arbeidskapital %", "Working capital %"),
    "sammenlign.short.KOSKG400000": ("Renteeksponering %", "Interest exposure %"),
    "sammenlign.short.KOSKG320000": ("Langsiktig gjeld %", "Long-term debt %"),
    "sammenlign.short.KOSAG110000": ("Frie inntekter kr/innb.", "Unrestricted revenue NOK/inh."),
    "sammenlign.short.KOSKG210000": ("Fri egenkapital drift %", "Unrestricted reserves %"),
    "sammenlign.short.KOSAGI10000": ("Brutto investeringer %", "Gross investment %"),
    "sammenlign.short.KOSAGI210000": ("Egenfinansiering %", "Self-financing %"),
    "sammenlign.when.befolkning": ("1. januar {year}", "1 January {year}"),
    "sammenlign.when.kostra": ("{year}", "{year}"),
    "sammenlign.kr": ("{value} kr", "NOK {value}"),
    "sammenlign.axis.personer": ("Personer", "People"),
    "sammenlign.axis.prosent": ("Prosent", "Per cent"),
    "sammenlign.axis.forhold": ("Personer 20–66 per 67+", "People 20–66 per 67+"),
    "sammenlign.axis.kr": ("Kroner per innbygger", "NOK per inhabitant"),
    "sammenlign.axis.indeks": ("Indeks ({base} = 100)", "Index ({base} = 100)"),
    "sammenlign.axis_year.befolkning": ("År (1. januar)", "Year (1 January)"),
    "sammenlign.axis_year.kostra": ("Regnskapsår", "Accounting year"),
    # Table
    "sammenlign.table_top": (
        "{ind}, {when}: {kommune} er høyest {set} med {value}",
        "{ind}, {when}: {kommune} ranks highest {set} at {value}",
    ),
    "sammenlign.table_bottom": (
        "{ind}, {when}: {kommune} er lavest {set} med {value}",
        "{ind}, {when}: {kommune} ranks lowest {set} at {value}",
    ),
    "sammenlign.table_rank": (
        "{ind}, {when}: {kommune} er nr. {rank} av {n} {set} med {value} (1 = høyest)",
        "{ind}, {when}: {kommune} ranks {rank} of {n} {set} at {value} (1 = highest)",
    ),
    "sammenlign.table_alone": (
        "{ind}, {when}: {kommune} har {value}; ingen andre kommuner {set} har tall",
        "{ind}, {when}: {kommune} has {value}; no other municipality {set} has a figure",
    ),
    "sammenlign.table_single": (
        "{ind}, {when}: {kommune} har {value}",
        "{ind}, {when}: {kommune} has {value}",
    ),
    "sammenlign.table_missing": (
        "{ind}, {when}: ingen tall for {kommune}; {n} av {total} kommuner {set} har tall",
        "{ind}, {when}: no figure for {kommune}; {n} of {total} municipalities {set} have one",
    ),
    "sammenlign.col_kommune": ("Kommune", "Municipality"),
    "sammenlign.col_rank": ("nr.", "rank"),
    "sammenlign.rank_help": (
        "Plass på {ind} blant de {n} kommunene i settet som har tall (1 = høyest).",
        "Position on {ind} among the {n} municipalities in the set with a figure (1 = highest).",
    ),
    "sammenlign.value_help": (
        "{ind}, {when}. Tall for {n} av {total} kommuner.",
        "{ind}, {when}. Figures for {n} of {total} municipalities.",
    ),
    "sammenlign.note_ranks": (
        "Nr. er plass i settet, 1 = høyest verdi. Befolkningstall gjelder 1. januar, KOSTRA-tall "
        "regnskapsåret. Klikk på en kolonne for å sortere.",
        "Rank is the position in the set, 1 = highest value. Population figures are for "
        "1 January, KOSTRA figures for the accounting year. Click a column to sort.",
    ),
    "sammenlign.note_kostra": (
        "KOSTRA-nøkkeltall for {year} finnes for {n} av {total} kommuner i settet; «mangler» "
        "betyr at tallet ikke finnes i dataene.",
        "KOSTRA key figures for {year} exist for {n} of {total} municipalities in the set; "
        "«missing» means the figure is not in the data.",
    ),
    "sammenlign.note_no_kostra": (
        "Ingen av de {total} kommunene har KOSTRA-nøkkeltall for {year} i dataene, så "
        "økonomikolonnene er utelatt.",
        "None of the {total} municipalities has KOSTRA key figures for {year} in the data, so "
        "the finance columns are left out.",
    ),
    "sammenlign.note_no_kostra_one": (
        "{kommune} har ikke KOSTRA-nøkkeltall for {year} i dataene, så økonomikolonnene er "
        "utelatt.",
        "{kommune} has no KOSTRA key figures for {year} in the data, so the finance columns are "
        "left out.",
    ),
    "sammenlign.note_dropped": (
        "Uten tall for {year} i settet, og derfor utelatt: {names}.",
        "No figures for {year} in the set, so left out: {names}.",
    ),
    "sammenlign.note_snapshot": (
        "Offline-snapshotet har KOSTRA-nøkkeltall for bare {n} kommuner i {year}; en "
        "oppdatering fra SSB fyller inn resten.",
        "The offline snapshot has KOSTRA key figures for only {n} municipalities in {year}; a "
        "refresh from SSB fills in the rest.",
    ),
    "sammenlign.note_preliminary_mark": (
        "* foreløpig KOSTRA-tall (publisert {published}); SSB publiserer endelige tall i juni.",
        "* preliminary KOSTRA figure (published {published}); SSB publishes final figures in June.",
    ),
    "sammenlign.note_estimated_mark": (
        "≈ anslag: kommunen ble skilt ut av en tidligere kommune, og tallet er fordelt med "
        "vekter, ikke publisert av SSB.",
        "≈ estimate: the municipality was split from a former one, and the figure is a weighted "
        "share, not published by SSB.",
    ),
    "sammenlign.note_vintage_unknown": (
        "Ukjent om tallet er foreløpig eller endelig: {items}.",
        "Unknown whether the figure is preliminary or final: {items}.",
    ),
    "sammenlign.note_group_year": (
        "KOSTRA-gruppene følger inndelingen for {year}, den nyeste i dataene.",
        "The KOSTRA groups follow the {year} grouping, the newest in the data.",
    ),
    # Charts
    "sammenlign.trend_change": (
        "{ind}: {kommune} gikk fra {v0} i {y0} til {v1} i {y1}",
        "{ind}: {kommune} went from {v0} in {y0} to {v1} in {y1}",
    ),
    "sammenlign.trend_one": (
        "{ind}: {kommune} hadde {v1} i {y1}",
        "{ind}: {kommune} had {v1} in {y1}",
    ),
    "sammenlign.trend_missing": (
        "{ind}: ingen tall for {kommune}",
        "{ind}: no figures for {kommune}",
    ),
    "sammenlign.trend_others": (
        "; {others} lå mellom {lo} og {hi}",
        "; {others} ranged from {lo} to {hi}",
    ),
    "sammenlign.trend_other_one": ("; {name} hadde {value}", "; {name} had {value}"),
    "sammenlign.indexed_name": ("{ind} (indeks, {base} = 100)", "{ind} (index, {base} = 100)"),
    "sammenlign.panel_missing": ("mangler tall", "no figures"),
    "sammenlign.note_capped": (
        "Viser {kommune} og de {n} kommunene {set} med folketall nærmest; alle {total} står i "
        "tabellen.",
        "Showing {kommune} and the {n} municipalities {set} closest in population; all {total} "
        "are in the table.",
    ),
    "sammenlign.note_reference": (
        "Den blå prikkede linjen i hvert panel er {kommune}. Felles y-akse.",
        "The blue dotted line in every panel is {kommune}. Shared y axis.",
    ),
    "sammenlign.note_missing_series": (
        "Ingen tall for {ind}: {names}.",
        "No figures for {ind}: {names}.",
    ),
    "sammenlign.note_lacking_base": (
        "Uten tall for basisåret {base}, derfor ikke med: {names}.",
        "No figure for the base year {base}, so not shown: {names}.",
    ),
    "sammenlign.note_preliminary": (
        "Hule punkter er foreløpige KOSTRA-tall (publisert {published}); SSB publiserer endelige "
        "tall i juni.",
        "Hollow points are preliminary KOSTRA figures (published {published}); SSB publishes "
        "final figures in June.",
    ),
    "sammenlign.index_others": ("Andre kommuner {set}", "Other municipalities {set}"),
    "sammenlign.not_indexable": (
        "{ind} kan være null eller negativ og kan derfor ikke indekseres; velg en annen "
        "indikator for å se indeksen.",
        "{ind} can be zero or negative and so cannot be indexed; choose another indicator to see "
        "the index.",
    ),
    "sammenlign.index_none": (
        "{ind}: ingen kommune i settet har tall for basisåret {base}",
        "{ind}: no municipality in the set has a figure for the base year {base}",
    ),
    "sammenlign.note_computed": (
        "{names}: beregnet av SSBs beløp (tabell 12137) der SSBs nøkkeltall mangler eller er "
        "eldre.",
        "{names}: computed from SSB's amounts (table 12137) where SSB's key figure is missing or "
        "older.",
    ),
    "sammenlign.note_computed_series": (
        "Tall for {years} er beregnet av SSBs beløp (tabell 12137).",
        "Figures for {years} are computed from SSB's amounts (table 12137).",
    ),
}
