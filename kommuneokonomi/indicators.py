"""The KOSTRA key financial figures of SSB table 12134, and the TBU norm.

NOTE: ContentsCodes are SSB's (read from the 12134 metadata by the live loader). The offline
snapshot maps published labels to these codes; the live path never relies on this list.
"""

from __future__ import annotations

from dataclasses import dataclass

NETTO_DRIFTSRESULTAT = "KOSAGD230000"

# TBU's recommended level of netto driftsresultat for municipalities, as a share of gross
# operating revenue (for the local government sector as a whole TBU recommends 2 %).
TBU_NORM_KOMMUNE_PCT = 1.75


@dataclass(frozen=True)
class Indicator:
    """One key figure: code, short names in both languages, unit, and which way is better."""

    code: str
    name_nb: str
    name_en: str
    unit: str
    higher_is_better: bool | None

    def name(self, lang: str) -> str:
        """Short name in the UI language ('nb' or 'en')."""
        return self.name_en if lang == "en" else self.name_nb


INDICATORS: dict[str, Indicator] = {
    i.code: i
    for i in [
        Indicator(
            NETTO_DRIFTSRESULTAT,
            "Netto driftsresultat i % av brutto driftsinntekter",
            "Net operating result, % of gross operating revenue",
            "prosent",
            True,
        ),
        Indicator(
            "KOSAGD290000",
            "Årets mindre-/merforbruk i % av brutto driftsinntekter",
            "Surplus/deficit for the year, % of gross operating revenue",
            "prosent",
            None,
        ),
        Indicator(
            "KOSKG280000",
            "Arbeidskapital (ekskl. premieavvik) i % av brutto driftsinntekter",
            "Working capital (excl. pension premium deviation), % of gross operating revenue",
            "prosent",
            True,
        ),
        Indicator(
            "KOSKG400000",
            "Netto renteeksponering i % av brutto driftsinntekter",
            "Net interest rate exposure, % of gross operating revenue",
            "prosent",
            False,
        ),
        Indicator(
            "KOSKG320000",
            "Langsiktig gjeld (ekskl. pensjonsforpliktelser) i % av brutto driftsinntekter",
            "Long-term debt (excl. pension liabilities), % of gross operating revenue",
            "prosent",
            False,
        ),
        Indicator(
            "KOSAG110000",
            "Frie inntekter per innbygger",
            "Unrestricted revenue per inhabitant",
            "kr",
            None,
        ),
        Indicator(
            "KOSKG210000",
            "Fri egenkapital drift i % av brutto driftsinntekter",
            "Unrestricted operating reserves, % of gross operating revenue",
            "prosent",
            True,
        ),
        Indicator(
            "KOSAGI10000",
            "Brutto investeringsutgifter i % av brutto driftsinntekter",
            "Gross investment expenditure, % of gross operating revenue",
            "prosent",
            None,
        ),
        Indicator(
            "KOSAGI210000",
            "Egenfinansiering av investeringene i % av brutto investeringer",
            "Self-financing of investments, % of gross investment",
            "prosent",
            True,
        ),
    ]
}


# --- Amounts of the municipal group accounts (kommunekonsern) by regnskapsbegrep ---------
# NOTE: SSB publishes these in table 12137 ("Finansielle nøkkeltall i kroner per innbygger,
# kommunekonsern, etter regnskapsbegrep"), each as an amount in 1000 kr and in kr per
# innbygger (the population on 1 January of the next year). The codes here are the app's:
# regnskapsbegrep plus the measure, since SSB's ContentsCodes are read from metadata.
BRUTTO_DRIFTSINNTEKTER = "AGD13"
NETTO_DRIFTSRESULTAT_KR = "AGD23"
NETTO_LANEGJELD = "KG31"
BELOP, PER_INNBYGGER = "belop", "per_innbygger"
AMOUNT_TABLE = "12137"


def amount_code(regnskapsbegrep: str, measure: str) -> str:
    """The app's indicator code for an amount: 'AGD13_belop' (1000 kr), 'AGD13_per_innbygger'."""
    return f"{regnskapsbegrep}_{measure}"


AMOUNTS: dict[str, Indicator] = {
    i.code: i
    for begrep, name_nb, name_en, better in [
        (BRUTTO_DRIFTSINNTEKTER, "Brutto driftsinntekter", "Gross operating revenue", None),
        (NETTO_DRIFTSRESULTAT_KR, "Netto driftsresultat", "Net operating result", True),
        (NETTO_LANEGJELD, "Netto lånegjeld", "Net debt", False),
    ]
    for i in [
        Indicator(amount_code(begrep, BELOP), name_nb, name_en, "1000 kr", better),
        Indicator(
            amount_code(begrep, PER_INNBYGGER),
            f"{name_nb} per innbygger",
            f"{name_en} per inhabitant",
            "kr",
            better,
        ),
    ]
}

# --- Figures the app computes from SSB's amounts (marked `computed` wherever shown) --------
NETTO_LANEGJELD_PCT = "KG31_pct"
NORMGAP_BELOP = "normgap_belop"
NORMGAP_PER_INNBYGGER = "normgap_per_innbygger"

COMPUTED: dict[str, Indicator] = {
    i.code: i
    for i in [
        Indicator(
            NETTO_LANEGJELD_PCT,
            "Netto lånegjeld i % av brutto driftsinntekter",
            "Net debt, % of gross operating revenue",
            "prosent",
            False,
        ),
        Indicator(
            NORMGAP_BELOP,
            "Avstand til TBU-normen (1000 kr)",
            "Gap to the TBU norm (NOK 1000)",
            "1000 kr",
            False,
        ),
        Indicator(
            NORMGAP_PER_INNBYGGER,
            "Avstand til TBU-normen per innbygger",
            "Gap to the TBU norm per inhabitant",
            "kr",
            False,
        ),
    ]
}
