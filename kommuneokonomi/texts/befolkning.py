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
    "alt.MMMM": ("hovedalternativet, MMMM", "main alternative, MMMM"),
    "alt.LLML": ("lav nasjonal vekst, LLML", "low national growth, LLML"),
    "alt.HHMH": ("høy nasjonal vekst, HHMH", "high national growth, HHMH"),
}
