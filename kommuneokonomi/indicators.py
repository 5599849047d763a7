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
