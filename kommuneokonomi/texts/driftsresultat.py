"""Texts for netto driftsresultat (net operating result) views."""

# key: (bokmål, English)
TEXTS: dict[str, tuple[str, str]] = {
    "ndr.name": ("Netto driftsresultat", "Net operating result"),
    "ndr.axis": (
        "Netto driftsresultat, % av brutto driftsinntekter",
        "Net operating result, % of gross operating revenue",
    ),
    "ndr.axis_short": ("% av brutto driftsinntekter", "% of gross operating revenue"),
    "ndr.norm": ("TBU-norm {norm}", "TBU norm {norm}"),
    "ndr.trend_title_above": (
        "{kommune} hadde netto driftsresultat på {value} i {year}, over TBU-normen på {norm}",
        "{kommune}'s net operating result was {value} in {year}, above the TBU norm of {norm}",
    ),
    "ndr.trend_title_below": (
        "{kommune} hadde netto driftsresultat på {value} i {year}, under TBU-normen på {norm}",
        "{kommune}'s net operating result was {value} in {year}, below the TBU norm of {norm}",
    ),
    "ndr.trend_title_missing": (
        "Netto driftsresultat: ingen tall for {kommune} i datagrunnlaget",
        "Net operating result: no figures for {kommune} in the data",
    ),
    "ndr.group_break_note": (
        "Brudd i serien for KOSTRA-gruppene mellom 2019 og 2020: gruppene ble delt inn på nytt.",
        "Series break for the KOSTRA groups between 2019 and 2020: the groups were redrawn.",
    ),
    "ndr.group_year_note": (
        "KOSTRA-gruppe etter inndelingen for {year}.",
        "KOSTRA group as assigned for {year}.",
    ),
    "ndr.break_label": ("Ny gruppering", "New grouping"),
    "ndr.renumber_label": ("Nr. {code}", "No. {code}"),
    "ndr.renumber_note": (
        "Brudd i serien: tall før {year} er publisert av SSB under kommunenummer {old}, "
        "fra {year} under {code}.",
        "Series break: figures before {year} were published by SSB under municipality "
        "number {old}, from {year} under {code}.",
    ),
    # One year across all municipalities: ranking, map, distribution
    "ndr.rel_above": ("over", "above"),
    "ndr.rel_below": ("under", "below"),
    "ndr.rel_equal": ("på nivå med", "level with"),
    "ndr.names_more": ("{names} og {n} til", "{names} and {n} more"),
    "ndr.norm_name": ("TBU-normen", "TBU norm"),
    "ndr.landet_label": ("Landet {value}", "Norway {value}"),
    "ndr.rank_title": (
        "{kommune} er nr. {rank} av {n} kommuner med tall for {year} ({value})",
        "{kommune} ranks no. {rank} of {n} municipalities with figures for {year} ({value})",
    ),
    "ndr.rank_title_tied": (
        "{kommune} er delt nr. {rank} av {n} kommuner med tall for {year} ({value})",
        "{kommune} ranks joint no. {rank} of {n} municipalities with figures for {year} ({value})",
    ),
    "ndr.rank_title_only": (
        "{kommune} er den eneste kommunen med tall for {year} i datagrunnlaget",
        "{kommune} is the only municipality with figures for {year} in the data",
    ),
    "ndr.rank_title_top": (
        "{top} hadde høyest netto driftsresultat ({value}) av {n} kommuner med tall i {year}",
        "{top} had the highest net operating result ({value}) of {n} municipalities with "
        "figures for {year}",
    ),
    "ndr.rank_title_none": (
        "Ingen kommuner har tall for netto driftsresultat i {year} i datagrunnlaget",
        "No municipality has net operating result figures for {year} in the data",
    ),
    "ndr.map_title": (
        "{above} av {n} kommuner med tall lå over TBU-normen i {year}",
        "{above} of {n} municipalities with figures were above the TBU norm in {year}",
    ),
    "ndr.map_scale": ("%", "%"),
    "ndr.map_norm_tick": ("{norm} (norm)", "{norm} (norm)"),
    "ndr.map_missing": ("Ingen tall ({n} kommuner)", "No figure ({n} municipalities)"),
    "ndr.map_off_note": (
        "Ikke i kartet (kommunenummer som ikke finnes i 2024-inndelingen): {names}.",
        "Not on the map (municipality numbers that do not exist in the 2024 division): {names}.",
    ),
    "ndr.dist_title": (
        "{kommune} ({value}) lå {rel_norm} TBU-normen ({norm}) og {rel_landet} Landet "
        "({landet}) i {year}",
        "{kommune} ({value}) was {rel_norm} the TBU norm ({norm}) and {rel_landet} Norway "
        "({landet}) in {year}",
    ),
    "ndr.dist_title_no_landet": (
        "{kommune} ({value}) lå {rel_norm} TBU-normen ({norm}) i {year}",
        "{kommune} ({value}) was {rel_norm} the TBU norm ({norm}) in {year}",
    ),
    "ndr.dist_title_median": (
        "Medianen for de {n} kommunene med tall var {median} i {year}, {rel} TBU-normen på {norm}",
        "The median of the {n} municipalities with figures was {median} in {year}, {rel} the "
        "TBU norm of {norm}",
    ),
    "ndr.dist_dots": ("Kommuner med tall ({n})", "Municipalities with figures ({n})"),
    "ndr.hover_missing": ("Ingen tall for {year}", "No figure for {year}"),
    "ndr.hover_rank": ("nr. {rank} av {n}", "no. {rank} of {n}"),
    "ndr.hover_gap": (
        "{gap} prosentpoeng {rel} TBU-normen",
        "{gap} percentage points {rel} the TBU norm",
    ),
    # Ranked table on the page
    "ndr.col_rank": ("Nr.", "No."),
    "ndr.col_value": ("Resultat", "Result"),
    "ndr.col_value_help": (
        "Netto driftsresultat i % av brutto driftsinntekter",
        "Net operating result, % of gross operating revenue",
    ),
    "ndr.col_status": ("Merknad", "Note"),
    # Key figures and notices on the page
    "ndr.card_value": ("{kommune} {year}", "{kommune} {year}"),
    "ndr.card_value_help": (
        "Netto driftsresultat i prosent av brutto driftsinntekter: SSBs nøkkeltall (tabell "
        "12134), eller beregnet av SSBs beløp (tabell 12137) på samme måte der nøkkeltallet "
        "mangler eller er eldre. Pilen viser avstanden til TBU-normen.",
        "Net operating result as a percentage of gross operating revenue: SSB's key figure "
        "(table 12134), or computed the same way from SSB's amounts (table 12137) where the key "
        "figure is missing or older. The arrow shows the distance to the TBU norm.",
    ),
    "ndr.card_missing": ("Ingen tall", "No figure"),
    "ndr.card_gap": ("{gap} pp {rel} normen", "{gap} pp {rel} the norm"),
    "ndr.card_rank": ("Plassering {year}", "Rank {year}"),
    "ndr.card_rank_value": ("{rank} av {n}", "{rank} of {n}"),
    "ndr.card_rank_tied": ("delt {rank} av {n}", "joint {rank} of {n}"),
    "ndr.card_rank_help": (
        "Blant kommunene som har tall for {year} i datagrunnlaget; 1 er høyest.",
        "Among the municipalities with figures for {year} in the data; 1 is the highest.",
    ),
    "ndr.card_landet": ("Landet {year}", "Norway {year}"),
    "ndr.card_landet_help": (
        "Alle kommuner samlet (SSB-region EAK).",
        "All municipalities together (SSB region EAK).",
    ),
    "ndr.card_norm": ("TBU-normen", "TBU norm"),
    "ndr.card_norm_help": (
        "Teknisk beregningsutvalg for kommune- og fylkeskommunal økonomi anbefaler at "
        "kommunene over tid har et netto driftsresultat på minst 1,75 % av brutto "
        "driftsinntekter.",
        "The Technical Calculation Committee for municipal finances recommends that "
        "municipalities over time have a net operating result of at least 1.75% of gross "
        "operating revenue.",
    ),
    "ndr.missing_other_years": (
        "Tall for {kommune} finnes for: {years}.",
        "Figures for {kommune} exist for: {years}.",
    ),
    "ndr.gap_pp": (
        "{kommune} lå {gap} prosentpoeng {rel} TBU-normen i {year}.",
        "{kommune} was {gap} percentage points {rel} the TBU norm in {year}.",
    ),
    "ndr.search": ("Søk i listen", "Search the list"),
    "ndr.search_placeholder": ("Kommune, nummer eller fylke", "Municipality, number or county"),
    "ndr.with_missing": (
        "Vis også kommuner uten tall ({n})",
        "Also show municipalities without figures ({n})",
    ),
    "ndr.table_caption": (
        "Valgt kommune står øverst og er markert. Klikk på en kolonne for å sortere.",
        "The chosen municipality is pinned at the top and shaded. Click a column to sort.",
    ),
    "ndr.no_match": ("Ingen kommuner passer til {query}.", "No municipality matches {query}."),
    # The gap to the TBU norm in kroner (computed from SSB's amounts, table 12137)
    "ndr.mill_kr": ("{value} mill. kr", "NOK {value} million"),
    "ndr.kr": ("{value} kr", "NOK {value}"),
    "ndr.gap_needed": (
        "For å nå TBU-normen måtte resultatet til {kommune} i {year} vært {amount} bedre, "
        "{per_head} per innbygger",
        "To reach the TBU norm, {kommune}'s result in {year} would have had to be {amount} "
        "better, {per_head} per inhabitant",
    ),
    "ndr.gap_margin": (
        "Resultatet til {kommune} i {year} var {amount} bedre enn TBU-normen krever, "
        "{per_head} per innbygger",
        "{kommune}'s result in {year} was {amount} better than the TBU norm requires, "
        "{per_head} per inhabitant",
    ),
    "ndr.normgap_title_missing": (
        "Avstand til TBU-normen i kroner: ingen tall for {kommune}",
        "Gap to the TBU norm in kroner: no figures for {kommune}",
    ),
    "ndr.normgap_axis": ("Mill. kr til normen", "NOK million to the norm"),
    "ndr.normgap_detail": (
        "Avstanden til TBU-normen i kroner er {norm} av brutto driftsinntekter minus netto "
        "driftsresultat (SSB tabell 12137, kommunekonsern). Positiv: så mye bedre måtte "
        "resultatet vært for å nå normen. Negativ: så mye bedre var resultatet enn normen krever.",
        "The gap to the TBU norm in kroner is {norm} of gross operating revenue minus the net "
        "operating result (SSB table 12137, municipal group accounts). Positive: how much better "
        "the result had to be to reach the norm. Negative: by how much the result beat the norm.",
    ),
    "ndr.card_normgap": ("Mot normen {year}", "Against the norm {year}"),
    "ndr.card_normgap_needed": ("Manglet til normen {year}", "Short of the norm {year}"),
    "ndr.card_normgap_margin": ("Margin over normen {year}", "Margin above the norm {year}"),
    "ndr.card_normgap_per_head": ("{value} per innbygger", "{value} per inhabitant"),
    "ndr.card_normgap_help": (
        "Hvor mye bedre netto driftsresultat måtte vært for å nå TBU-normen ({norm} av brutto "
        "driftsinntekter), eller hvor mye bedre det var. Beregnet av SSBs beløp (tabell 12137).",
        "How much better the net operating result had to be to reach the TBU norm ({norm} of "
        "gross operating revenue), or by how much it beat it. Computed from SSB's amounts "
        "(table 12137).",
    ),
    "ndr.computed_short": ("beregnet", "computed"),
    "ndr.reference_needed": (
        "{region}: {value} per innbygger under normen.",
        "{region}: {value} per inhabitant below the norm.",
    ),
    "ndr.reference_margin": (
        "{region}: {value} per innbygger over normen.",
        "{region}: {value} per inhabitant above the norm.",
    ),
    "ndr.missing_split": (
        "{kommune} har ikke tall for {year}: kommunen ble til i {first} da {old} ble delt, og "
        "SSB publiserer ikke tall for de nye kommunene for årene før delingen.",
        "{kommune} has no figure for {year}: the municipality came into being in {first} when "
        "{old} was split, and SSB does not publish figures for the new municipalities for the "
        "years before the split.",
    ),
    "ndr.missing_kommune": (
        "{kommune} har ikke tall for netto driftsresultat for {year} ({n} av {total} kommuner "
        "har tall).",
        "{kommune} has no net operating result figure for {year} ({n} of {total} "
        "municipalities have figures).",
    ),
    "ndr.hover_needed": ("{amount} manglet til normen", "{amount} short of the norm"),
    "ndr.hover_margin": ("{amount} over normen", "{amount} above the norm"),
    "ndr.col_needed": ("Til normen, mill. kr", "To norm, NOK m"),
    "ndr.col_needed_help": (
        "Hvor mye bedre resultatet måtte vært for å nå TBU-normen, i mill. kr. Minus: så mye "
        "bedre var resultatet enn normen krever. Beregnet av SSBs beløp (tabell 12137).",
        "How much better the result had to be to reach the TBU norm, in NOK million. Minus: by "
        "how much the result beat the norm. Computed from SSB's amounts (table 12137).",
    ),
    "ndr.col_needed_per_head": ("Kr per innb.", "NOK per inh."),
    "ndr.col_needed_per_head_help": (
        "Det samme i kroner per innbygger.",
        "The same in kroner per inhabitant.",
    ),
    "ndr.map_scale_detail": (
        "Fargene spenner over ±{pp} prosentpoeng rundt normen; kommuner lenger unna har "
        "endefargen.",
        "The colours span ±{pp} percentage points around the norm; municipalities further away "
        "have the end colour.",
    ),
}
