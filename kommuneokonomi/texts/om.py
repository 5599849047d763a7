"""Texts for the "Om dataene" page: sources, definitions, coverage, freshness."""

# key: (bokmål, English)
TEXTS: dict[str, tuple[str, str]] = {
    "om.intro": (
        "Her ser du hva hvert tall i appen bygger på: kilder og tabellnumre, lisenser, hvor "
        "ferske dataene er, hvilke kommuner og år som har tall, definisjoner og hvordan dataene "
        "oppdateres. Alt på siden er lest fra dataene appen faktisk bruker nå.",
        "What every number in the app rests on: sources and table ids, licences, how fresh the "
        "data are, which municipalities and years have figures, definitions, and how the data "
        "are refreshed. Everything on this page is read from the data the app is using now.",
    ),
    # Status line
    "om.status_snapshot": (
        "Appen bruker nå **offline-snapshot** for alle {total} datasett: tall bygget fra "
        "kildefiler som ligger i prosjektet, ikke hentet direkte fra SSB nå. Dekningen er "
        "derfor delvis (se «Dekning»). Datoene i tabellen viser hvor gamle tallene er.",
        "The app is now using the **offline snapshot** for all {total} datasets: figures built "
        "from source files kept in the project, not fetched from SSB just now. Coverage is "
        "therefore partial (see “Coverage”). The dates in the table show how old the figures "
        "are.",
    ),
    "om.status_live": (
        "Appen bruker nå **live-data hentet fra SSB** for alle {total} datasett, sist hentet "
        "{date}.",
        "The app is now using **live data fetched from SSB** for all {total} datasets, last "
        "fetched {date}.",
    ),
    "om.status_mixed": (
        "Appen bruker nå **live-data hentet fra SSB** for {live} av {total} datasett (sist "
        "hentet {date}); {snapshot} datasett kommer fra **offline-snapshot** med delvis "
        "dekning.",
        "The app is now using **live data fetched from SSB** for {live} of {total} datasets "
        "(last fetched {date}); {snapshot} datasets come from the **offline snapshot**, with "
        "partial coverage.",
    ),
    "om.status_unreadable": (
        "{n} datasett kan ikke leses, og tall som bygger på dem vises ikke: {names}. Feilen "
        "står i kolonnen «Feil» i tabellen under.",
        "{n} datasets cannot be read, and figures that rest on them are not shown: {names}. "
        "The error is in the “Error” column of the table below.",
    ),
    "om.status_live_problem": (
        "Live-kopien kunne ikke brukes for {names}; appen viser offline-snapshot i stedet "
        "(se «Live-problem» i tabellen).",
        "The live copy could not be used for {names}; the app shows the offline snapshot "
        "instead (see “Live problem” in the table).",
    ),
    "om.status_refresh_error": (
        "Siste henting fra SSB feilet for {names}. Appen viser forrige gyldige kopi (se «Sist "
        "vellykket» og «Siste feil» i tabellen).",
        "The last fetch from SSB failed for {names}. The app shows the previous valid copy "
        "(see “Last success” and “Last error” in the table).",
    ),
    # The chosen municipality in one sentence
    "om.kommune_sentence": (
        "**{name}** i dataene appen bruker nå: {parts}.",
        "**{name}** in the data the app is using now: {parts}.",
    ),
    "om.part_kostra": (
        "KOSTRA-nøkkeltall for {years} ({n} tall)",
        "KOSTRA key figures for {years} ({n} figures)",
    ),
    "om.part_kostra_prelim": (
        "foreløpige for {years}",
        "preliminary for {years}",
    ),
    "om.part_no_kostra": (
        "ingen KOSTRA-nøkkeltall",
        "no KOSTRA key figures",
    ),
    "om.part_population": ("folkemengde {years}", "population {years}"),
    "om.part_estimated": ("anslag for {years}", "estimates for {years}"),
    "om.part_projection": (
        "framskriving fra tabell {tables}",
        "projection from table {tables}",
    ),
    "om.part_no_projection": (
        "ingen egen framskriving",
        "no projection of its own",
    ),
    "om.part_group": ("KOSTRA-gruppe {n} ({year})", "KOSTRA group {n} ({year})"),
    "om.part_need": ("utgiftsbehovsindeks {years}", "spending-need index {years}"),
    "om.part_no_need": ("ingen utgiftsbehovsindeks", "no spending-need index"),
    "om.part_unreadable": ("{dataset}: kan ikke leses", "{dataset}: cannot be read"),
    "om.kommune_fill_hint": (
        "Manglende KOSTRA-tall fylles inn av en henting fra SSB (`python -m loaders refresh`).",
        "Missing KOSTRA figures are filled in by a fetch from SSB (`python -m loaders refresh`).",
    ),
    # Sources and freshness
    "om.h_sources": ("Kilder og ferskhet", "Sources and freshness"),
    "om.sources_intro": (
        "Hvert datasett appen leser, med SSB-tabellnummer eller KLASS-klassifikasjon, utgiver, "
        "lisens og dato. Datotypen sier hva datoen er: **publisert** er SSBs "
        "publiseringsdato, **hentet** er når tallene ble hentet fra SSB, og **referansedato** "
        "er datoen tallene selv gjelder (for eksempel folkemengden 1. januar) der "
        "publiseringsdatoen ikke er kjent.",
        "Every dataset the app reads, with its SSB table id or KLASS classification, publisher, "
        "licence and date. The date type says what the date is: **published** is SSB's "
        "publication date, **fetched** is when the figures were fetched from SSB, and "
        "**reference date** is the date the figures themselves refer to (for example the "
        "population on 1 January) where the publication date is not known.",
    ),
    "om.kilder_title_all": (
        "Alle {total} datasett kommer fra {origin}",
        "All {total} datasets come from the {origin}",
    ),
    "om.kilder_title_mixed": (
        "{live} av {total} datasett er hentet fra SSB, {snapshot} kommer fra offline-snapshot",
        "{live} of {total} datasets are fetched from SSB, {snapshot} come from the offline "
        "snapshot",
    ),
    "om.kilder_title_bad": (
        "; {n} kan ikke leses",
        "; {n} cannot be read",
    ),
    "om.manifest_source": (
        "Kilde: manifest.json i cache/snapshot og cache/live (samme som `python -m loaders "
        "status`)",
        "Source: manifest.json in cache/snapshot and cache/live (same as `python -m loaders "
        "status`)",
    ),
    "om.manifest_lang_note": (
        "Forbehold, merknader og kildetitler er sitert fra manifestet.",
        "Caveats, notes and source titles are quoted from the manifest, in Norwegian.",
    ),
    "om.kind_published": ("publisert", "published"),
    "om.kind_fetched": ("hentet", "fetched"),
    "om.kind_reference": ("referansedato", "reference date"),
    "om.col_title": ("Datasett", "Dataset"),
    "om.col_dataset": ("Navn i appen", "Name in the app"),
    "om.col_tables": ("Tabeller", "Tables"),
    "om.col_origin": ("Opprinnelse", "Origin"),
    "om.col_as_of": ("Dato", "Date"),
    "om.col_as_of_kind": ("Datotype", "Date type"),
    "om.col_period": ("Periode", "Period"),
    "om.col_rows": ("Rader", "Rows"),
    "om.col_kommuner": ("Kommuner", "Municipalities"),
    "om.col_caveats": ("Forbehold", "Caveats"),
    "om.col_notes": ("Merknader", "Notes"),
    "om.col_publishers": ("Utgiver", "Publisher"),
    "om.col_licence": ("Lisens", "Licence"),
    "om.col_file": ("Fil", "File"),
    "om.col_fetched_at": ("Hentet", "Fetched"),
    "om.col_ssb_updated": ("Oppdatert hos SSB", "Updated at SSB"),
    "om.col_last_success": ("Sist vellykket", "Last success"),
    "om.col_last_error": ("Siste feil", "Last error"),
    "om.col_live_problem": ("Live-problem", "Live problem"),
    "om.col_error": ("Feil", "Error"),
    "om.col_source_title": ("Kilde", "Source"),
    "om.col_table_id": ("Tabell", "Table"),
    "om.col_published": ("Publisert", "Published"),
    "om.col_fetched": ("Hentet", "Fetched"),
    "om.col_reference_date": ("Referansedato", "Reference date"),
    "om.col_copied_from": ("Kopiert fra", "Copied from"),
    "om.col_url": ("Adresse", "URL"),
    "om.col_caveat": ("Forbehold", "Caveat"),
    "om.kildeposter_title": (
        "Hva datasettene er bygget fra: {n} kildeposter",
        "What the datasets are built from: {n} source records",
    ),
    "om.details_h": ("Detaljer per datasett", "Details per dataset"),
    "om.records_expander": ("Alle kildeposter som tabell", "All source records as a table"),
    "om.d_tables": ("Tabeller", "Tables"),
    "om.d_licence": ("Lisens", "Licence"),
    "om.d_sources": ("Kilder", "Sources"),
    "om.d_notes": ("Merknader", "Notes"),
    "om.d_caveat": ("Forbehold", "Caveat"),
    "om.d_file": ("fil", "file"),
    "om.d_copied": ("kopiert fra", "copied from"),
    "om.d_live": ("Live", "Live"),
    "om.d_error": ("Feil", "Error"),
    "om.d_period": ("periode", "period"),
    "om.no_tables": ("ingen SSB-tabell", "no SSB table"),
    # Coverage
    "om.h_coverage": (
        "Dekning: hvilke kommuner og år har tall",
        "Coverage: which municipalities and years have figures",
    ),
    "om.coverage_intro": (
        "Dekningen er regnet ut fra dataene appen bruker nå. Der et tall mangler, viser appen "
        "at det mangler, aldri 0.",
        "Coverage is computed from the data the app is using now. Where a figure is missing, "
        "the app says so; it never shows 0.",
    ),
    "om.h_kostra": ("KOSTRA-nøkkeltall (tabell 12134)", "KOSTRA key figures (table 12134)"),
    "om.heat_title": (
        "KOSTRA-nøkkeltall finnes for {n} av {total} kommuner; flest i {year} ({best} kommuner)",
        "KOSTRA key figures exist for {n} of {total} municipalities; most in {year} ({best} "
        "municipalities)",
    ),
    "om.heat_title_none": (
        "Ingen kommuner har KOSTRA-nøkkeltall i dataene appen bruker nå",
        "No municipality has KOSTRA key figures in the data the app is using now",
    ),
    "om.heat_hover": (
        "{kommuner} kommuner med tall, {prelim} foreløpige",
        "{kommuner} municipalities with figures, {prelim} preliminary",
    ),
    "om.heat_cell_note": (
        "Tallet i hver rute er antall kommuner (av {total}) som har en verdi for nøkkeltallet "
        "det året.",
        "The number in each cell is the number of municipalities (of {total}) with a value for "
        "the key figure in that year.",
    ),
    "om.heat_missing_note": (
        "{n} kommunerader har ingen verdi i kilden; de telles ikke og vises som manglende.",
        "{n} municipal rows have no value in the source; they are not counted and show as missing.",
    ),
    "om.prelim_note": (
        "{n} av verdiene for {year} er foreløpige (publisert {published}); SSB publiserer "
        "endelige tall 15. juni {next_year}.",
        "{n} of the values for {year} are preliminary (published {published}); SSB publishes "
        "final figures on 15 June {next_year}.",
    ),
    "om.col_indicator_code": ("Nøkkeltallskode", "Key figure code"),
    "om.col_indicator": ("Nøkkeltall", "Key figure"),
    "om.col_year": ("År", "Year"),
    "om.col_with_value": ("Kommuner med tall", "Municipalities with figures"),
    "om.col_without_value": ("Rader uten verdi", "Rows without value"),
    "om.col_preliminary": ("Foreløpige", "Preliminary"),
    "om.county_title": (
        "Kommuner med KOSTRA-tall finnes i {n} av {counties} fylker",
        "Municipalities with KOSTRA figures are found in {n} of {counties} counties",
    ),
    "om.col_county_code": ("Fylkesnr.", "County no."),
    "om.col_county": ("Fylke", "County"),
    "om.col_county_kommuner": ("Kommuner", "Municipalities"),
    "om.col_with_kostra": ("Med KOSTRA-tall", "With KOSTRA figures"),
    "om.col_with_kostra_latest": ("Med tall for {year}", "With figures for {year}"),
    "om.col_kostra_years": ("År med KOSTRA-tall", "Years with KOSTRA figures"),
    "om.regions_title": (
        "Sammenligningsgrunnlaget: {n} regioner som ikke er kommuner har KOSTRA-tall",
        "The comparison base: {n} regions that are not municipalities have KOSTRA figures",
    ),
    "om.col_region_code": ("Regionkode", "Region code"),
    "om.col_region": ("Region", "Region"),
    "om.col_level": ("Nivå", "Level"),
    "om.col_years": ("År", "Years"),
    "om.col_key_figures": ("Nøkkeltall", "Key figures"),
    "om.col_values": ("Verdier", "Values"),
    "om.level_kommune": ("kommune", "municipality"),
    "om.level_fylke": ("fylke", "county"),
    "om.level_kostragruppe": ("KOSTRA-gruppe", "KOSTRA group"),
    "om.level_landet": ("landet", "Norway"),
    "om.old_group_note": (
        "Gruppetall før 2020 gjelder den gamle inndelingen og kan ikke sammenlignes med "
        "dagens grupper (brudd mellom 2019 og 2020).",
        "Group figures before 2020 refer to the old grouping and cannot be compared with "
        "today's groups (break between 2019 and 2020).",
    ),
    "om.h_kommuner": ("Per kommune", "Per municipality"),
    "om.kommuner_title": (
        "Dekning per kommune: {kostra} av {total} har KOSTRA-tall, {proj} har egen "
        "framskriving, {need} har utgiftsbehovsindeks",
        "Coverage per municipality: {kostra} of {total} have KOSTRA figures, {proj} have a "
        "projection of their own, {need} have a spending-need index",
    ),
    "om.search": (
        "Søk etter kommune, nummer eller fylke",
        "Search by municipality, number or county",
    ),
    "om.search_placeholder": (
        "f.eks. Bergen, 4601 eller Vestland",
        "e.g. Bergen, 4601 or Vestland",
    ),
    "om.only_kostra": ("Bare kommuner med KOSTRA-tall", "Only municipalities with KOSTRA figures"),
    "om.showing": (
        "Viser {shown} av {total} kommuner.",
        "Showing {shown} of {total} municipalities.",
    ),
    "om.no_hits": (
        "Ingen kommuner passer søket {query}.",
        "No municipality matches the search {query}.",
    ),
    "om.col_kommune_code": ("Kommunenr.", "Municipality no."),
    "om.col_kommune": ("Kommune", "Municipality"),
    "om.col_kostra_values": ("KOSTRA-tall", "KOSTRA figures"),
    "om.col_ndr_years": ("År med netto driftsresultat", "Years with net operating result"),
    "om.col_prelim_years": ("Foreløpige år", "Preliminary years"),
    "om.col_population_years": ("Folkemengde", "Population"),
    "om.col_estimated_years": ("Anslåtte år", "Estimated years"),
    "om.col_projection_tables": ("Framskriving", "Projection"),
    "om.col_group": ("KOSTRA-gruppe", "KOSTRA group"),
    "om.col_group_year": ("Gruppeår", "Group year"),
    "om.col_need_years": ("Utgiftsbehovsindeks", "Spending-need index"),
    "om.unreadable_columns_note": (
        "Kolonnene fra {names} er tomme fordi datasettet ikke kan leses.",
        "The columns from {names} are empty because the dataset cannot be read.",
    ),
    "om.h_population": ("Folkemengde (tabell 07459)", "Population (table 07459)"),
    "om.population_text": (
        "Folkemengden finnes for alle {kommuner} kommuner for {years}, regnet om til dagens "
        "kommuneinndeling. Der en kommune ble delt mellom flere nye, er tallene før delingen "
        "fordelt med vekter. Disse kommune-årene er anslag, ikke SSB-tall; appen merker dem og "
        "viser dem med hule punkter.",
        "Population exists for all {kommuner} municipalities for {years}, converted to "
        "today's municipal division. Where a municipality was split between several new ones, "
        "the figures before the split are weighted shares. Those municipality-years are "
        "estimates, not SSB figures; the app flags them and shows them as hollow points.",
    ),
    "om.anslag_title": (
        "Folkemengden er et anslag for {n} kommuner, i alt {years} kommune-år",
        "The population is an estimate for {n} municipalities, {years} municipality-years in all",
    ),
    "om.col_first_year": ("Fra år", "From year"),
    "om.col_last_year": ("Til år", "To year"),
    "om.col_year_count": ("Antall år", "Number of years"),
    "om.col_split_from": ("Delt fra", "Split from"),
    "om.anslag_sum_note": (
        "I tillegg er {n} fylkes- og landsår merket som anslag fordi de inneholder anslåtte "
        "kommunetall.",
        "In addition, {n} county and national years are flagged as estimates because they "
        "include estimated municipal figures.",
    ),
    "om.h_projection": ("Befolkningsframskrivinger", "Population projections"),
    "om.framskriving_title": (
        "Framskrivinger finnes for {kommuner} kommuner, {fylker} fylker og hele landet",
        "Projections exist for {kommuner} municipalities, {fylker} counties and the whole country",
    ),
    "om.framskriving_note": (
        "Andre kommuner har ingen egen framskriving i dataene appen bruker nå.",
        "Other municipalities have no projection of their own in the data the app is using now.",
    ),
    "om.alternatives_note": (
        "Alternativer: MMMM er SSBs hovedalternativ (middels nivå for fruktbarhet, levealder, "
        "innenlands flytting og innvandring); LLML er lav og HHMH høy nasjonal vekst.",
        "Alternatives: MMMM is SSB's main alternative (medium fertility, life expectancy, "
        "internal migration and immigration); LLML is low and HHMH high national growth.",
    ),
    "om.col_regions": ("Regioner", "Regions"),
    "om.col_region_names": ("Hvilke", "Which"),
    "om.col_alternatives": ("Alternativer", "Alternatives"),
    "om.col_age_regions": ("Med aldersgrupper", "With age groups"),
    # Definitions
    "om.h_definitions": ("Definisjoner", "Definitions"),
    "om.def_ndr_h": ("Netto driftsresultat", "Net operating result (netto driftsresultat)"),
    "om.def_ndr": (
        "Netto driftsresultat er det som er igjen av driftsinntektene når driftsutgiftene, "
        "rentene og avdragene på lån er betalt. KOSTRA (tabell 12134, nøkkeltall {code}) "
        "oppgir det i prosent av brutto driftsinntekter, så kommuner av ulik størrelse kan "
        "sammenlignes. Et positivt resultat kan settes av til fond eller brukes til "
        "investeringer; et negativt betyr at driften har tært på oppsparte midler. Tallene i "
        "tabell 12134 gjelder kommunekonsernet, ikke bare kommunekassen.",
        "The net operating result is what is left of operating revenue after operating "
        "expenditure, interest and loan repayments. KOSTRA (table 12134, key figure {code}) "
        "gives it as a percentage of gross operating revenue, so municipalities of different "
        "size can be compared. A positive result can be set aside in reserves or used for "
        "investment; a negative one means operations have eaten into savings. The figures in "
        "table 12134 cover the municipal group (kommunekonsern), not just the municipal "
        "treasury.",
    ),
    "om.def_tbu_h": ("TBU-normen", "The TBU norm"),
    "om.def_tbu": (
        "Det tekniske beregningsutvalget for kommune- og fylkeskommunal økonomi (TBU) anbefaler "
        "at netto driftsresultat over tid ligger på {kommune} av inntektene for kommunene og "
        "{sektor} for kommunesektoren samlet (kommuner og fylkeskommuner). Normen er et "
        "langsiktig mål, ikke et krav for hvert enkelt år. Appen sammenligner kommunene med "
        "{kommune}. TBU-serien i appen ({years}) gjelder hele kommunesektoren, ikke bare "
        "kommunene slik KOSTRA-tallene gjør, og kan ikke sammenlignes direkte med én kommune.",
        "The Technical Calculation Committee for Local Government Finances (TBU) recommends "
        "that the net operating result should over time be {kommune} of revenue for "
        "municipalities and {sektor} for the local government sector as a whole "
        "(municipalities and county authorities). The norm is a long-term target, not a "
        "requirement for each year. The app compares municipalities with {kommune}. The TBU "
        "series in the app ({years}) covers the whole local government sector, not just the "
        "municipalities as the KOSTRA figures do, and cannot be compared directly with a "
        "single municipality.",
    ),
    "om.tbu_title": (
        "TBU-normen for hele kommunesektoren var {first} til og med {first_end} og {last} fra "
        "{last_start}",
        "The TBU norm for the whole sector was {first} up to {first_end} and {last} from "
        "{last_start}",
    ),
    "om.tbu_title_one": (
        "TBU-normen for hele kommunesektoren var {norm} i {years}",
        "The TBU norm for the whole sector was {norm} in {years}",
    ),
    "om.col_norm": ("TBU-norm for sektoren (%)", "TBU norm for the sector (%)"),
    "om.def_groups_h": ("KOSTRA-grupper", "KOSTRA groups"),
    "om.def_groups": (
        "SSB deler kommunene i {n} KOSTRA-grupper etter folkemengde og økonomiske "
        "rammebetingelser (bundne kostnader per innbygger og frie disponible inntekter per "
        "innbygger), så en kommune kan sammenlignes med kommuner som ligner. Gruppene ble delt "
        "inn på nytt fra 2020; gruppesnitt før og etter 2020 kan derfor ikke sammenlignes "
        "(brudd i serien). Hvilken gruppe en kommune hører til kan endre seg; appen har "
        "medlemskapet fra KLASS 112 for {years}.",
        "SSB divides municipalities into {n} KOSTRA groups by population and financial "
        "conditions (bound costs per inhabitant and free disposable income per inhabitant), so "
        "a municipality can be compared with similar ones. The groups were redrawn from 2020; "
        "group averages before and after 2020 therefore cannot be compared (series break). A "
        "municipality's group can change; the app has the membership from KLASS 112 for "
        "{years}.",
    ),
    "om.groups_title": (
        "De {n} KOSTRA-gruppene (2020-inndelingen)",
        "The {n} KOSTRA groups (2020 grouping)",
    ),
    "om.groups_lang_note": (
        "",
        "Group descriptions are SSB's, in Norwegian: lave = low, middels = medium, høye = high, "
        "eller = or.",
    ),
    "om.col_group_code": ("Kode", "Code"),
    "om.col_group_name": ("Gruppe", "Group"),
    "om.col_size": ("Folkemengde", "Population"),
    "om.col_bound": ("Bundne kostnader", "Bound costs"),
    "om.col_free": ("Frie disponible inntekter", "Free disposable income"),
    "om.col_members": ("Antall kommuner", "Number of municipalities"),
    "om.def_ratio_h": ("Personer 20–66 år per person 67+", "People aged 20–66 per person 67+"),
    "om.def_ratio": (
        "Antall personer i alderen 20–66 år delt på antall personer som er 67 år eller eldre, "
        "1. januar. Tallet viser hvor mange i yrkesaktiv alder det er bak hver eldre "
        "innbygger: jo lavere, desto færre til å betale for og arbeide i eldreomsorgen. "
        "Registrerte år bygger på tabell 07459, framskrevne år på tabell 14288 eller 14746 "
        "(hovedalternativet MMMM, med LLML og HHMH som spenn).",
        "The number of people aged 20–66 divided by the number aged 67 or older, on 1 January. "
        "It shows how many people of working age there are behind each older inhabitant: the "
        "lower it is, the fewer there are to pay for and work in elderly care. Registered "
        "years rest on table 07459, projected years on table 14288 or 14746 (main alternative "
        "MMMM, with LLML and HHMH as the range).",
    ),
    "om.def_vintage_h": ("Foreløpige og endelige tall", "Preliminary and final figures"),
    "om.def_vintage": (
        "SSB publiserer foreløpige KOSTRA-tall for fjoråret 15. mars og endelige tall 15. juni; "
        "eldre år kan også bli revidert senere. Hver KOSTRA-rad i appen har en årgang: "
        "endelig, foreløpig eller ukjent (når kilden ikke sier hvilken). Foreløpige tall vises "
        "med hule punkter og en merknad.",
        "SSB publishes preliminary KOSTRA figures for the previous year on 15 March and final "
        "figures on 15 June; older years can also be revised later. Every KOSTRA row in the "
        "app has a vintage: final, preliminary or unknown (when the source does not say). "
        "Preliminary figures are shown as hollow points with a note.",
    ),
    "om.vintage_title": (
        "KOSTRA-radene etter år og årgang: {prelim} foreløpige, {unknown} med ukjent årgang",
        "KOSTRA rows by year and vintage: {prelim} preliminary, {unknown} of unknown vintage",
    ),
    "om.col_vintage": ("Årgang", "Vintage"),
    "om.vintage_final": ("endelig", "final"),
    "om.vintage_preliminary": ("foreløpig", "preliminary"),
    "om.vintage_unknown": ("ukjent", "unknown"),
    "om.def_estimated_h": ("Anslåtte kommunedelinger", "Estimated municipal splits"),
    "om.def_estimated": (
        "SSB publiserer tall for kommunene slik de var inndelt hvert år; appen viser alt med "
        "dagens kommuner. Der en gammel kommune ble delt mellom flere nye, fordeles tallene "
        "før delingen med vekter. Slike tall er anslag og merkes alltid som det (se tabellen "
        "under «Folkemengde»).",
        "SSB publishes figures for the municipalities as they were divided each year; the app "
        "shows everything for today's municipalities. Where an old municipality was split "
        "between several new ones, figures before the split are shared out with weights. Such "
        "figures are estimates and are always flagged as such (see the table under "
        "“Population”).",
    ),
    "om.def_codes_h": ("Endrede kommunenumre", "Changed municipality numbers"),
    "om.def_codes": (
        "Kommunenumrene har endret seg: kommunereformen 1. januar 2020 slo sammen kommuner og "
        "ga mange nye numre ({n2020} endringer i KLASS 131), og fylkesdelingen 1. januar 2024 "
        "ga nye numre igjen ({n2024} endringer). {splits} Appen bruker numrene som gjelder fra "
        "2024; gamle numre og navn i søket og i lenker fører til dagens kommune.",
        "Municipality numbers have changed: the municipal reform of 1 January 2020 merged "
        "municipalities and gave many new numbers ({n2020} changes in KLASS 131), and the "
        "county split of 1 January 2024 gave new numbers again ({n2024} changes). {splits} The "
        "app uses the numbers valid from 2024; old numbers and names in the search and in "
        "links lead to today's municipality.",
    ),
    "om.split_sentence": (
        "{old} ble delt i {new} i 2024.",
        "{old} was split into {new} in 2024.",
    ),
    "om.codes_title": (
        "Endringer i kommuneinndelingen etter dato og type: {n} i alt",
        "Changes to the municipal division by date and kind: {n} in all",
    ),
    "om.col_changed_on": ("Dato", "Date"),
    "om.col_change_type": ("Type", "Kind"),
    "om.col_changes": ("Endringer", "Changes"),
    "om.change_merge": ("sammenslåing", "merger"),
    "om.change_split": ("deling", "split"),
    "om.change_rename": ("nytt navn", "new name"),
    "om.change_renumber": ("nytt nummer", "new number"),
    "om.def_need_h": ("Indeks for beregnet utgiftsbehov", "Index of calculated spending needs"),
    "om.def_need": (
        "Indeksen fra inntektssystemet (Grønt hefte, tabell A-k) viser kommunens beregnede "
        "utgiftsbehov per innbygger i forhold til landsgjennomsnittet (1,00). Tallene i appen "
        "er et **tredjeparts uttrekk som ikke er kontrollert mot Grønt hefte**. Mangler for: "
        "{missing}.",
        "The index from the revenue system (the Green booklet, table A-k) shows a "
        "municipality's calculated spending needs per inhabitant relative to the national "
        "average (1.00). The figures in the app are a **third-party extraction not verified "
        "against the Green booklet**. Missing for: {missing}.",
    ),
    "om.def_robek_h": ("ROBEK", "ROBEK"),
    "om.def_robek": (
        "Register om betinget godkjenning og kontroll: kommuner i økonomisk ubalanse, der "
        "staten må godkjenne låneopptak og langsiktige leieavtaler. Appen har ROBEK-status for "
        "{years}.",
        "The register of municipalities under state financial supervision: municipalities in "
        "financial imbalance, whose borrowing and long-term leases need state approval. The "
        "app has ROBEK status for {years}.",
    ),
    # Refresh
    "om.h_refresh": ("Slik oppdateres dataene", "How the data are refreshed"),
    "om.refresh_text": (
        "Appen leser den nyeste gyldige kopien av hvert datasett: live-cachen (`cache/live`) "
        "når den finnes og er hel, ellers offline-snapshot (`cache/snapshot`). En ny henting "
        "tas i bruk innen {seconds} sekunder uten omstart. Feiler en henting, beholder appen "
        "forrige gyldige kopi og viser feilen i tabellen over.",
        "The app reads the newest valid copy of each dataset: the live cache (`cache/live`) "
        "when it exists and is whole, otherwise the offline snapshot (`cache/snapshot`). A new "
        "fetch is picked up within {seconds} seconds without a restart. If a fetch fails, the "
        "app keeps the previous valid copy and shows the error in the table above.",
    ),
    "om.refresh_commands": (
        "make run                               # bygger snapshot ved behov og starter appen\n"
        "python -m loaders status               # hva hvert datasett har og hvor det kommer fra\n"
        "python -m loaders refresh              # henter datasettene fra SSB til cache/live\n"
        "python -m loaders refresh kostra befolkning   # bare de navngitte datasettene\n"
        "python -m loaders refresh --force      # tving ny henting\n"
        "python -m loaders snapshot             # bygg offline-snapshot fra kildefilene på nytt",
        "make run                               # builds the snapshot if needed, starts the app\n"
        "python -m loaders status               # what each dataset holds and where it is from\n"
        "python -m loaders refresh              # fetches the datasets from SSB into cache/live\n"
        "python -m loaders refresh kostra befolkning   # only the named datasets\n"
        "python -m loaders refresh --force      # force a new fetch\n"
        "python -m loaders snapshot             # rebuild the offline snapshot from source files",
    ),
    "om.settings_text": (
        "Innstillinger kan overstyres med miljøvariabler (verdiene denne appen bruker nå):",
        "Settings can be overridden with environment variables (the values this app uses now):",
    ),
    "om.rate_text": (
        "SSB tillater 30 spørringer per 60 sekunder per IP-adresse og 800 000 celler per "
        "spørring. Lasteren holder seg under med {calls} spørringer per {window} sekunder og "
        "deler store spørringer.",
        "SSB allows 30 requests per 60 seconds per IP address and 800,000 cells per request. "
        "The loader stays below that with {calls} requests per {window} seconds and splits "
        "large queries.",
    ),
    "om.unreadable_section": (
        "Denne delen kan ikke vises fordi et datasett ikke kan leses: {error}",
        "This part cannot be shown because a dataset cannot be read: {error}",
    ),
    "om.h_reading": ("Slik leser du tallene", "How to read the figures"),
    "om.reading": (
        "- **Beregnede tall.** Netto driftsresultat i prosent er SSBs nøkkeltall (tabell 12134) "
        "der datagrunnlaget har det i nyeste årgang. Ellers er det beregnet av SSBs beløp for "
        "kommunekonsernet (tabell 12137) slik SSB definerer det: 100 × netto driftsresultat "
        "(AGD23) / brutto driftsinntekter (AGD13). Slike tall er merket «beregnet» på skjermen "
        "og i nedlastingene (kolonnen `computed`, med formelen i `computed_from`).\n"
        "- **Avstand til TBU-normen i kroner** er {norm} av brutto driftsinntekter minus netto "
        "driftsresultat. Positiv: så mye bedre måtte resultatet vært for å nå normen. Negativ: "
        "så mye bedre var resultatet enn normen krever. Per innbygger regnes det av SSBs tall "
        "per innbygger, som bruker folketallet 1. januar året etter.\n"
        "- **Netto lånegjeld i prosent av brutto driftsinntekter** er beregnet av de samme "
        "beløpene; netto lånegjeld per innbygger er SSBs eget tall.\n"
        "- **Foreløpige og endelige tall.** SSB publiserer foreløpige KOSTRA-tall 15. mars og "
        "endelige 15. juni; eldre år kan revideres. Foreløpige tall tegnes som hule punkter. "
        "Et foreløpig nøkkeltall erstattes av et beregnet endelig tall når det finnes.\n"
        "- **KOSTRA-grupper** følger inndelingen for det året som står i nedlastingen; "
        "gruppene ble delt inn på nytt i 2020 og 2024, så gruppeserier brytes der (prikket "
        "linje).\n"
        "- **Nytt kommunenummer.** Der SSB publiserte eldre tall under et tidligere "
        "kommunenummer (for eksempel Drammen 3005 før 2024), markerer en prikket linje "
        "bruddet. Kommuner som ble til ved en deling (1508 Ålesund og 1580 Haram i 2024) har "
        "ingen tall før delingen.\n"
        "- **Framskrivinger.** Heltrukket linje er registrert folketall 1. januar, stiplet er "
        "SSBs hovedalternativ (MMMM), og skravert felt ligger mellom lav (LLML) og høy (HHMH) "
        "nasjonal vekst. En framskriving starter fra registrert folketall i basisåret sitt "
        "(2024 for tabell 14288, 2026 for 14746).\n"
        "- **Anslag.** Hule punkter i befolkningstall er anslåtte kommunedelinger (se «Anslag» "
        "under), ikke SSBs tall.\n"
        "- **Kart.** Fargene spenner over det meste av spredningen; de få kommunene lengst unna "
        "har endefargen, så resten kan skilles fra hverandre.",
        "- **Computed figures.** The net operating result in per cent is SSB's key figure "
        "(table 12134) where the data hold it in the newest vintage. Otherwise it is computed "
        "from SSB's amounts for the municipal group accounts (table 12137) as SSB defines it: "
        "100 × net operating result (AGD23) / gross operating revenue (AGD13). Such figures are "
        "marked «computed» on screen and in downloads (column `computed`, with the formula in "
        "`computed_from`).\n"
        "- **The gap to the TBU norm in kroner** is {norm} of gross operating revenue minus the "
        "net operating result. Positive: how much better the result had to be to reach the "
        "norm. Negative: by how much the result beat the norm. Per inhabitant it uses SSB's "
        "figures per inhabitant, which use the population on 1 January of the next year.\n"
        "- **Net debt as a share of gross operating revenue** is computed from the same "
        "amounts; net debt per inhabitant is SSB's own figure.\n"
        "- **Preliminary and final figures.** SSB publishes preliminary KOSTRA figures on 15 "
        "March and final ones on 15 June; older years can be revised. Preliminary figures are "
        "drawn as hollow points. A preliminary key figure is replaced by a computed final "
        "figure where one exists.\n"
        "- **KOSTRA groups** follow the grouping of the year named in the download; the "
        "groups were redrawn in 2020 and 2024, so group series break there (dotted line).\n"
        "- **New municipality number.** Where SSB published older figures under a former "
        "number (e.g. Drammen 3005 before 2024), a dotted line marks the break. Municipalities "
        "created by a split (1508 Ålesund and 1580 Haram in 2024) have no figures before it.\n"
        "- **Projections.** The solid line is the registered population on 1 January, the "
        "dashed line SSB's main alternative (MMMM), and the shaded band lies between low "
        "(LLML) and high (HHMH) national growth. A projection starts from the registered "
        "population of its base year (2024 for table 14288, 2026 for 14746).\n"
        "- **Estimates.** Hollow points in population figures are estimated municipality "
        "splits (see «Estimates» below), not SSB figures.\n"
        "- **Maps.** The colours span most of the spread; the few municipalities furthest out "
        "take the end colour, so the rest can be told apart.",
    ),
}
