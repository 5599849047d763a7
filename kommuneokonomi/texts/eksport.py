"""Texts for sharing, embedding and exporting exhibits."""

# key: (bokmål, English)
TEXTS: dict[str, tuple[str, str]] = {
    # The "Del og last ned" menu under every exhibit
    "eksport.menu": ("Del og last ned", "Share & download"),
    "eksport.chart_failed": (
        "Grafen kunne ikke tegnes i nettleseren. Last siden på nytt; tallene bak grafen kan "
        "lastes ned under «Del og last ned».",
        "The chart could not be drawn in the browser. Reload the page; the numbers behind the "
        "chart can be downloaded under “Share & download”.",
    ),
    "eksport.permalink": ("Lenke til denne visningen", "Link to this view"),
    "eksport.iframe": ("Bygg inn (oppdateres med nye tall)", "Embed (updates with new figures)"),
    "eksport.iframe_help": (
        "Lim inn HTML-koden i en artikkel. Bredden følger spalten; høyden passer også på "
        "mobil. Figuren åpner en økt i dashbordet hos hver leser.",
        "Paste the HTML into an article. The width follows the column; the height also fits "
        "phones. The chart opens a dashboard session for every reader.",
    ),
    "eksport.iframe_unavailable": (
        "Denne figuren kan ikke bygges inn direkte; bruk den statiske filen.",
        "This chart cannot be embedded live; use the static file.",
    ),
    "eksport.static": ("Statisk fil (HTML)", "Static file (HTML)"),
    "eksport.static_help": (
        "En fast versjon av figuren med tall, kilde og lisens i én fil. Den endres aldri og "
        "åpner ingen økt i dashbordet.",
        "A fixed version of the chart with figures, source and licence in one file. It never "
        "changes and opens no dashboard session.",
    ),
    "eksport.static_build": ("Lag statisk fil", "Create static file"),
    "eksport.static_full": (
        "Det er ikke plass til flere statiske filer nå. Bruk innbyggingen over, eller prøv "
        "igjen når tallene er oppdatert.",
        "There is no room for more static files now. Use the embed above, or try again "
        "when the figures have been updated.",
    ),
    "eksport.static_ready": ("Statisk fil ({size}):", "Static file ({size}):"),
    "eksport.image": ("Bilde", "Image"),
    "eksport.image_help": (
        "Bildet lages i nettleseren og har med tittel og kilde.",
        "The image is made in the browser and includes title and source.",
    ),
    "eksport.image_how": (
        "PNG: kameraknappen over figuren. PNG og SVG: knappene under figuren i den statiske filen.",
        "PNG: the camera button above the chart. PNG and SVG: the buttons below the chart "
        "in the static file.",
    ),
    "eksport.static_open": ("Åpne den statiske filen", "Open the static file"),
    "eksport.data": ("Tallene bak", "The figures behind it"),
    "eksport.csv_nb": ("CSV for norsk Excel", "CSV (Norwegian Excel)"),
    "eksport.csv_nb_help": (
        "Semikolon, desimalkomma, UTF-8 med BOM: åpnes riktig i norsk Excel.",
        "Semicolon, decimal comma, UTF-8 with BOM: opens correctly in Norwegian Excel.",
    ),
    "eksport.csv_intl": ("CSV (internasjonal)", "CSV (international)"),
    "eksport.csv_intl_help": (
        "Komma og desimalpunktum, UTF-8: for R, Python og engelsk Excel.",
        "Comma and decimal point, UTF-8: for R, Python and English Excel.",
    ),
    "eksport.xlsx": ("Excel (.xlsx)", "Excel (.xlsx)"),
    "eksport.xlsx_help": (
        "Ett ark med tallene og ett med kilder, tabeller, datoer og lisens.",
        "One sheet with the figures and one with sources, tables, dates and licence.",
    ),
    "eksport.zip": ("Arkiv (.zip)", "Archive (.zip)"),
    "eksport.zip_help": (
        "CSV, metadata.json og README samlet, for arkivering.",
        "CSV, metadata.json and README together, for archiving.",
    ),
    # Live embed page
    "eksport.embed_missing": (
        "Lenken sier ikke hvilken figur som skal vises.",
        "The link does not say which chart to show.",
    ),
    "eksport.embed_unknown": ("Fant ingen figur {value}.", "There is no chart {value}."),
    "eksport.embed_failed": (
        "Figuren kunne ikke lages med verdiene i lenken.",
        "The chart could not be drawn with the values in the link.",
    ),
    # Static HTML file
    "eksport.html_png": ("Last ned PNG", "Download PNG"),
    "eksport.html_svg": ("Last ned SVG", "Download SVG"),
    "eksport.html_csv": ("Last ned tallene (CSV)", "Download the figures (CSV)"),
    "eksport.html_table": ("Tallene i figuren", "The figures in the chart"),
    "eksport.html_made": (
        "Laget {date} med Kommuneøkonomi.",
        "Made on {date} with Kommuneøkonomi.",
    ),
    "eksport.html_open": ("Åpne i dashbordet", "Open in the dashboard"),
    # Metadata (xlsx sheet 2, metadata.json keys stay English)
    "eksport.sheet_data": ("Data", "Data"),
    "eksport.sheet_meta": ("Metadata", "Metadata"),
    "eksport.meta_field": ("Felt", "Field"),
    "eksport.meta_value": ("Verdi", "Value"),
    "eksport.meta_title": ("Tittel", "Title"),
    "eksport.meta_exhibit": ("Figur-id", "Chart id"),
    "eksport.meta_region": ("Kommune/region", "Municipality/region"),
    "eksport.meta_period": ("Periode", "Period"),
    "eksport.meta_lang": ("Språk", "Language"),
    "eksport.meta_source_line": ("Kildelinje", "Source line"),
    "eksport.meta_tables": ("SSB-tabeller", "SSB tables"),
    "eksport.meta_source": ("Kilde", "Source"),
    "eksport.meta_as_of": ("Tall per", "Figures as of"),
    "eksport.meta_origin": ("Hentet fra", "Origin"),
    "eksport.meta_licence": ("Lisens", "Licence"),
    "eksport.meta_note": ("Merknad", "Note"),
    "eksport.meta_definition": ("Definisjon {code}", "Definition {code}"),
    "eksport.meta_column": ("Kolonne {name}", "Column {name}"),
    "eksport.meta_url": ("Lenke", "Link"),
    "eksport.meta_built": ("Laget", "Created"),
    "eksport.origin_live": ("SSB (hentet direkte)", "SSB (fetched directly)"),
    "eksport.origin_snapshot": ("offline-snapshot", "offline snapshot"),
    "eksport.readme": (
        "{title}\n\n"
        "Tallene bak figuren «{exhibit}» i Kommuneøkonomi.\n\n"
        "{csv_name}: tallene, {csv_format}.\n"
        "metadata.json: kilder (SSB-tabeller), periode, datoer, merknader og lisens.\n\n"
        "{source}\n{licence}\n",
        "{title}\n\n"
        "The figures behind the chart '{exhibit}' in Kommuneøkonomi (municipal finances).\n\n"
        "{csv_name}: the figures, {csv_format}.\n"
        "metadata.json: sources (SSB tables), period, dates, notes and licence.\n\n"
        "{source}\n{licence}\n",
    ),
    "eksport.format_nb": (
        "semikolon-separert, desimalkomma, UTF-8 med BOM",
        "semicolon-separated, decimal comma, UTF-8 with BOM",
    ),
    "eksport.format_intl": (
        "kommaseparert, desimalpunktum, UTF-8",
        "comma-separated, decimal point, UTF-8",
    ),
    # Licence lines come from the manifest in bokmål; their lead word is translated.
    "eksport.licence_Kilde": ("Kilde", "Source"),
    "eksport.licence_Kart": ("Kart", "Map"),
    "eksport.unit_prosent": ("prosent", "percent"),
    "eksport.unit_kr": ("kroner", "NOK"),
    "eksport.unit_personer": ("personer", "persons"),
    # Code values that are words, by column (exports and tables); other values are kept
    "eksport.val.kind.registrert": ("registrert", "registered"),
    "eksport.val.kind.framskrevet": ("framskrevet", "projected"),
    "eksport.val.kind.kommune": ("kommune", "municipality"),
    "eksport.val.kind.landet": ("landet", "norway"),
    "eksport.val.kind.norm": ("norm", "norm"),
    # Export column headers (data column names → header); unknown names are kept
    "eksport.col.region_code": ("regionkode", "region_code"),
    "eksport.col.region": ("region", "region"),
    "eksport.col.region_name": ("region", "region"),
    "eksport.col.county_name": ("fylke", "county"),
    "eksport.col.year": ("år", "year"),
    "eksport.col.value": ("verdi", "value"),
    "eksport.col.status": ("status", "status"),
    "eksport.col.vintage": ("årgang", "vintage"),
    "eksport.col.published": ("publisert", "published"),
    "eksport.col.indicator_code": ("indikatorkode", "indicator_code"),
    "eksport.col.netto_driftsresultat_pct": (
        "netto_driftsresultat_prosent",
        "net_operating_result_pct",
    ),
    "eksport.col.kind": ("type", "kind"),
    "eksport.col.alternative": ("alternativ", "alternative"),
    "eksport.col.ratio_20_66_per_67": ("personer_20_66_per_67", "people_20_66_per_67"),
    "eksport.col.estimated": ("anslag", "estimated"),
    "eksport.col.table_id": ("tabell", "table_id"),
    "eksport.col.persons": ("personer", "persons"),
    "eksport.col.change": ("endring", "change"),
    "eksport.col.rank": ("rang", "rank"),
    "eksport.col.gap_pp": ("avstand_prosentpoeng", "gap_pp"),
    "eksport.col.age": ("alder", "age"),
    "eksport.col.age_group": ("aldersgruppe", "age_group"),
    "eksport.col.sex": ("kjønn_kode", "sex_code"),
    "eksport.col.sex_label": ("kjønn", "sex"),
    "eksport.col.share": ("andel", "share"),
    "eksport.col.norway_share": ("andel_norge", "norway_share"),
    "eksport.col.share_pct": ("andel_prosent", "share_pct"),
    "eksport.col.norway_share_pct": ("andel_norge_prosent", "norway_share_pct"),
    "eksport.col.kommune": ("kommune", "municipality"),
    "eksport.col.kommune_code": ("kommunenummer", "municipality_code"),
    "eksport.col.county": ("fylke", "county"),
    "eksport.col.gap_to_tbu_norm_pp": (
        "avstand_til_tbu_normen_prosentpoeng",
        "gap_to_tbu_norm_pp",
    ),
    "eksport.col.needed_to_reach_norm_1000_kr": (
        "til_tbu_normen_1000_kr",
        "needed_to_reach_norm_1000_kr",
    ),
    "eksport.col.needed_to_reach_norm_kr_per_innbygger": (
        "til_tbu_normen_kr_per_innbygger",
        "needed_to_reach_norm_nok_per_inhabitant",
    ),
    "eksport.col.needed_to_reach_norm_mill_kr": (
        "til_tbu_normen_mill_kr",
        "needed_to_reach_norm_nok_million",
    ),
    "eksport.col.computed": ("beregnet", "computed"),
    "eksport.col.computed_from": ("beregnet_av", "computed_from"),
    "eksport.col.reference": ("referanserad", "reference_row"),
    "eksport.col.base_year": ("basisår", "base_year"),
    "eksport.col.population_base_year": ("folketall_basisår", "population_base_year"),
    "eksport.col.population_projected": ("folketall_framskrevet", "population_projected"),
    "eksport.col.growth_pct": ("vekst_prosent", "growth_pct"),
    "eksport.col.indicator": ("indikator", "indicator"),
    "eksport.col.unit": ("enhet", "unit"),
    "eksport.col.rank_in_set": ("rang_i_settet", "rank_in_set"),
    "eksport.col.municipalities_with_value": ("kommuner_med_verdi", "municipalities_with_value"),
}
