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
    "ndr.missing_kommune": (
        "Netto driftsresultat for {kommune} finnes ikke i datagrunnlaget som appen bruker nå "
        "({origin}: {n} kommuner har tall). Figuren viser det som finnes. Ferske tall for alle "
        "kommuner hentes med `python -m loaders refresh kostra`.",
        "The net operating result for {kommune} is not in the data the app currently uses "
        "({origin}: {n} municipalities have figures). The chart shows what exists. Fresh "
        "figures for every municipality are fetched with `python -m loaders refresh kostra`.",
    ),
    "ndr.break_label": ("Ny gruppering", "New grouping"),
}
