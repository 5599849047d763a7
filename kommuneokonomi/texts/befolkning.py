"""Texts for population and projection views."""

# key: (bokmål, English)
TEXTS: dict[str, tuple[str, str]] = {
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
    "befolkning.jan1": ("1. januar {year}", "1 January {year}"),
    "befolkning.level": ("Område", "Area"),
    "befolkning.level_help": (
        "Gjelder alderspyramiden, aldersgruppene og framskrivingen. Fylke og Norge er summen "
        "av kommunene.",
        "Applies to the pyramid, the age groups and the projection. County and Norway are the "
        "sum of their municipalities.",
    ),
    "befolkning.section_structure": ("Alderssammensetning", "Age structure"),
    "befolkning.section_future": ("Framskriving", "Projection"),
    "befolkning.section_elderly": (
        "Eldre i kommunen, fylket og landet",
        "Older people in the municipality, county and country",
    ),
    "befolkning.men": ("Menn", "Men"),
    "befolkning.women": ("Kvinner", "Women"),
    "befolkning.age_word": ("år", "years"),
    "befolkning.axis_share": (
        "Andel av befolkningen per alder (%)",
        "Share of the population per year of age (%)",
    ),
    "befolkning.axis_age": ("Alder (år)", "Age (years)"),
    "befolkning.group.0-19": ("0–19 år", "Aged 0–19"),
    "befolkning.group.20-66": ("20–66 år", "Aged 20–66"),
    "befolkning.group.67-79": ("67–79 år", "Aged 67–79"),
    "befolkning.group.80+": ("80 år og over", "Aged 80 and over"),
    "befolkning.group.total": ("Alle aldre", "All ages"),
    "befolkning.pyramid_title": (
        "{region}: {share} av innbyggerne var 67 år eller eldre 1. januar {year}, "
        "mot {other} i {other_region}",
        "{region}: {share} of residents were 67 or older on 1 January {year}, "
        "against {other} in {other_region}",
    ),
    "befolkning.pyramid_title_landet": (
        "{region}: {share} av innbyggerne var 67 år eller eldre 1. januar {year}, "
        "mot {other} i {other_year}",
        "{region}: {share} of residents were 67 or older on 1 January {year}, "
        "against {other} in {other_year}",
    ),
    "befolkning.estimated_suffix": (" (anslåtte tall)", " (estimated figures)"),
    "befolkning.estimated_sum_suffix": (
        " (inkl. anslåtte kommunetall)",
        " (incl. estimated municipal figures)",
    ),
    "befolkning.break_label": ("anslag før {year}", "estimates before {year}"),
    "befolkning.split_note": (
        "Ålesund og Haram: tallene før 2024 er gamle Ålesund (1507) delt 50/50, ikke "
        "kommunenes egne tall. Kurven brytes derfor i 2024 (prikket loddrett linje); hule "
        "punkter er anslag.",
        "Ålesund and Haram: figures before 2024 are former Ålesund (1507) split 50/50, not the "
        "municipalities' own figures. The series therefore breaks in 2024 (dotted vertical "
        "line); hollow points are estimates.",
    ),
    "befolkning.pyramid_note": (
        "Hver søyle er menn eller kvinner i én alder som andel av hele befolkningen. Hold "
        "pekeren over en søyle for antall personer. 105 betyr 105 år og eldre.",
        "Each bar is men or women of one age as a share of the whole population. Hover over "
        "a bar for the number of people. 105 means 105 and older.",
    ),
    "befolkning.pyramid_outline_note": (
        "Streken viser hvordan Norges befolkning fordeler seg samme år, til sammenligning.",
        "The outline shows how Norway's population is distributed in the same year, for "
        "comparison.",
    ),
    "befolkning.pyramid_estimated_note": (
        "Skraverte søyler: anslåtte tall (se merknad under).",
        "Hatched bars: estimated figures (see the note below).",
    ),
    "befolkning.change_up": ("økte med {pct}", "rose by {pct}"),
    "befolkning.change_down": ("gikk ned med {pct}", "fell by {pct}"),
    "befolkning.change_flat": ("var uendret", "was unchanged"),
    "befolkning.groups_title": (
        "{region}: antallet 80 år og over {c80} fra {first} til {last}, antallet 0–19 år {c0}",
        "{region}: the number aged 80 and over {c80} from {first} to {last}; "
        "the number aged 0–19 {c0}",
    ),
    "befolkning.line_registered": ("Registrert 1. januar", "Registered 1 January"),
    "befolkning.line_main": (
        "Framskrevet, hovedalternativet (MMMM)",
        "Projected, main alternative (MMMM)",
    ),
    "befolkning.band": ("Lav–høy (LLML–HHMH)", "Low–high (LLML–HHMH)"),
    "befolkning.projection_title": (
        "{region} ventes å ha {future} innbyggere i {end} etter SSBs hovedalternativ, "
        "mot {now} i {year}",
        "{region} is projected to have {future} inhabitants in {end} by SSB's main "
        "alternative, against {now} in {year}",
    ),
    "befolkning.projection_title_missing": (
        "{region}: {now} innbyggere 1. januar {year}; folketallet {change} siden {first}. "
        "Dataene har ingen framskriving",
        "{region}: {now} inhabitants on 1 January {year}; the population {change} since "
        "{first}. The data hold no projection",
    ),
    "befolkning.old_title": (
        "{region}: {now} personer 80 år og over i {year}, {future} i {end} etter SSBs "
        "hovedalternativ",
        "{region}: {now} people aged 80 and over in {year}, {future} in {end} by SSB's main "
        "alternative",
    ),
    "befolkning.old_title_missing": (
        "{region}: {now} personer 80 år og over i {year}; antallet {change} siden {first}",
        "{region}: {now} people aged 80 and over in {year}; the number {change} since {first}",
    ),
    "befolkning.axis_persons_80": ("Personer 80 år og over", "People aged 80 and over"),
    "befolkning.table_note": (
        "Framskriving for {region}: SSB tabell {table} ({base}-framskrivingen), som starter "
        "fra registrert folketall 1. januar {base}.",
        "Projection for {region}: SSB table {table} (the {base} projection), which starts "
        "from the registered population on 1 January {base}.",
    ),
    "befolkning.older_table_note": (
        "Registrerte tall etter {base} viser hvordan det faktisk gikk.",
        "Registered figures after {base} show what actually happened.",
    ),
    "befolkning.missing_projection": (
        "Dataene har ingen SSB-framskriving for {regions}; bare registrerte tall vises.",
        "The data hold no SSB projection for {regions}; only registered figures are shown.",
    ),
    "befolkning.totals_only": (
        "For {regions} finnes framskrivingen bare som totalt folketall, ikke etter alder.",
        "For {regions} the projection exists only as a total, not by age.",
    ),
    "befolkning.totals_only_offline": (
        "For {regions} finnes framskrivingen offline bare som totalt folketall (etter alder "
        "bare for Telemark); en oppdatering fra SSB henter resten.",
        "For {regions} the projection is offline only a total (by age only for Telemark); a "
        "refresh from SSB fetches the rest.",
    ),
    "befolkning.try_county": (
        "Velg «{county}» over for å se framskrivingen for fylket.",
        "Choose «{county}» above to see the county's projection.",
    ),
    "befolkning.oslo_county": (
        "Oslo er både kommune og fylke; framskrivingen er fylkestallet for Oslo (bare totalt).",
        "Oslo is both a municipality and a county; the projection is Oslo's county figure "
        "(total only).",
    ),
    "befolkning.bad_level": (
        "Ukjent område {value}; viser kommunen.",
        "Unknown area {value}; showing the municipality.",
    ),
    "alt.MMMM": ("hovedalternativet, MMMM", "main alternative, MMMM"),
    "alt.LLML": ("lav nasjonal vekst, LLML", "low national growth, LLML"),
    "alt.HHMH": ("høy nasjonal vekst, HHMH", "high national growth, HHMH"),
    # Projected growth to 2050, all municipalities
    "befolkning.section_growth": (
        "Hele landet: hvor vil folketallet vokse, og hvor krympe?",
        "All of Norway: where will the population grow, and where shrink?",
    ),
    "befolkning.growth_title": (
        "{kommune}: {change} til {end} etter SSBs hovedalternativ, nr. {rank} av {n}; "
        "{growing} av {n} kommuner ventes å vokse",
        "{kommune}: {change} to {end} by SSB's main alternative, no. {rank} of {n}; "
        "{growing} of {n} municipalities are projected to grow",
    ),
    "befolkning.growth_title_all": (
        "{growing} av {n} kommuner ventes å vokse til {end} etter SSBs hovedalternativ",
        "{growing} of {n} municipalities are projected to grow to {end} by SSB's main alternative",
    ),
    "befolkning.growth_hover": (
        "<b>{kommune}</b> ({county})<br>{change} til {end}, nr. {rank} av {n}<br>"
        "{base} i {base_year} → {projected} i {end}",
        "<b>{kommune}</b> ({county})<br>{change} to {end}, no. {rank} of {n}<br>"
        "{base} in {base_year} → {projected} in {end}",
    ),
    "befolkning.growth_detail": (
        "Vekst fra framskrivingens basisår (registrert folketall 1. januar) til {end} i SSBs "
        "hovedalternativ (MMMM), samme tabell for alle kommuner. Nr. 1 vokser mest.",
        "Growth from the projection's base year (registered population on 1 January) to {end} "
        "in SSB's main alternative (MMMM), the same table for every municipality. No. 1 grows "
        "the most.",
    ),
    "befolkning.growth_search": ("Søk i listen", "Search the list"),
    "befolkning.col_base": ("Folketall {year}", "Population {year}"),
    "befolkning.col_projected": ("Framskrevet {year}", "Projected {year}"),
    "befolkning.col_growth": ("Vekst, %", "Growth, %"),
}
