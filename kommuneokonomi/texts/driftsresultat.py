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
    "ndr.preliminary_note": (
        "Hule punkter er foreløpige tall for {year} (publisert {published}); SSB publiserer "
        "endelige tall i juni {next_year}.",
        "Hollow points are preliminary figures for {year} (published {published}); SSB "
        "publishes final figures in June {next_year}.",
    ),
    "ndr.old_preliminary_note": (
        "Hule punkter for {year} er foreløpige tall (publisert {published}); de endelige tallene "
        "finnes ikke i datagrunnlaget.",
        "Hollow points for {year} are preliminary figures (published {published}); the final "
        "figures are not in the data.",
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
    "ndr.hollow_prefix": ("Hule punkter: ", "Hollow points: "),
    "ndr.landet_missing_note": (
        "Landet mangler for {year} i datagrunnlaget og er ikke tegnet inn.",
        "Norway's figure for {year} is not in the data and is not drawn.",
    ),
    "ndr.hover_missing": ("Ingen tall for {year}", "No figure for {year}"),
    "ndr.hover_rank": ("nr. {rank} av {n}", "no. {rank} of {n}"),
    "ndr.hover_gap": (
        "{gap} prosentpoeng {rel} TBU-normen",
        "{gap} percentage points {rel} the TBU norm",
    ),
    "ndr.year_preliminary_note": (
        "{n} av {total} tall for {year} er foreløpige (publisert {published}); SSB publiserer "
        "endelige tall i juni {next_year}.",
        "{n} of {total} figures for {year} are preliminary (published {published}); SSB "
        "publishes final figures in June {next_year}.",
    ),
    "ndr.year_old_prelim_note": (
        "{n} av {total} tall for {year} er foreløpige (publisert {published}); de endelige "
        "tallene finnes ikke i datagrunnlaget.",
        "{n} of {total} figures for {year} are preliminary (published {published}); the final "
        "figures are not in the data.",
    ),
    "ndr.vintage_unknown_note": (
        "Om tallet er foreløpig eller endelig, er ukjent for: {names}.",
        "Whether the figure is preliminary or final is unknown for: {names}.",
    ),
    "ndr.missing_count_note": (
        "{n} av {total} kommuner har ikke tall for {year} i datagrunnlaget ({origin}).",
        "{n} of {total} municipalities have no figure for {year} in the data ({origin}).",
    ),
    # Ranked table on the page
    "ndr.col_rank": ("Nr.", "No."),
    "ndr.col_value": ("Resultat", "Result"),
    "ndr.col_value_help": (
        "Netto driftsresultat i % av brutto driftsinntekter",
        "Net operating result, % of gross operating revenue",
    ),
    "ndr.col_gap": ("Mot normen", "Vs. norm"),
    "ndr.col_gap_help": (
        "Prosentpoeng over (+) eller under (−) TBU-normen på 1,75 %",
        "Percentage points above (+) or below (−) the TBU norm of 1.75%",
    ),
    "ndr.col_status": ("Merknad", "Note"),
    # Key figures and notices on the page
    "ndr.card_value": ("{kommune} {year}", "{kommune} {year}"),
    "ndr.card_value_help": (
        "Netto driftsresultat i prosent av brutto driftsinntekter (SSB tabell 12134). Pilen "
        "viser avstanden til TBU-normen.",
        "Net operating result as a percentage of gross operating revenue (SSB table 12134). "
        "The arrow shows the distance to the TBU norm.",
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
    "ndr.missing_kommune": (
        "{kommune} har ikke tall for netto driftsresultat for {year} i datagrunnlaget appen "
        "bruker nå ({origin}: {n} av {total} kommuner har tall). Figurene under viser kommunene "
        "som har tall.",
        "{kommune} has no net operating result figure for {year} in the data the app currently "
        "uses ({origin}: {n} of {total} municipalities have figures). The charts below show the "
        "municipalities that do.",
    ),
    "ndr.missing_other_years": (
        "Tall for {kommune} finnes for: {years}.",
        "Figures for {kommune} exist for: {years}.",
    ),
    "ndr.gap_pp": (
        "{kommune} lå {gap} prosentpoeng {rel} TBU-normen i {year}.",
        "{kommune} was {gap} percentage points {rel} the TBU norm in {year}.",
    ),
    "ndr.gap_kr_unavailable": (
        "Avstanden i kroner og kroner per innbygger vises ikke: den krever brutto "
        "driftsinntekter i kroner, og datagrunnlaget har bare nøkkeltallene i prosent (SSB "
        "tabell 12134).",
        "The gap in kroner and kroner per inhabitant is not shown: it needs gross operating "
        "revenue in kroner, and the data only has the key figures in per cent (SSB table "
        "12134).",
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
}
