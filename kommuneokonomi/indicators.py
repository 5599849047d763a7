"""The KOSTRA key financial figures of SSB table 12134, and the TBU norm.

NOTE: ContentsCodes are SSB's (read from the 12134 metadata by the live loader). The offline
snapshot maps published labels to these codes; the live path never relies on this list.
"""

from __future__ import annotations

from dataclasses import dataclass

from kommuneokonomi.i18n import N_, language, t

NETTO_DRIFTSRESULTAT = "KOSAGD230000"

# TBU's recommended level of netto driftsresultat for municipalities, as a share of gross
# operating revenue (for the local government sector as a whole TBU recommends 2 %).
TBU_NORM_KOMMUNE_PCT = 1.75


@dataclass(frozen=True)
class Indicator:
    """One key figure: code, the text key of its name, unit, and which way is better."""

    code: str
    name_key: str
    unit: str
    higher_is_better: bool | None

    def name(self) -> str:
        """The name in the current UI language."""
        return t(self.name_key)

    @property
    def name_nb(self) -> str:
        """The bokmål name: the indicator_label that loaders write into the data."""
        with language("nb"):
            return t(self.name_key)


INDICATORS: dict[str, Indicator] = {
    i.code: i
    for i in [
        Indicator(
            NETTO_DRIFTSRESULTAT,
            N_("indikator.KOSAGD230000"),
            "prosent",
            True,
        ),
        Indicator(
            "KOSAGD290000",
            N_("indikator.KOSAGD290000"),
            "prosent",
            None,
        ),
        Indicator(
            "KOSKG280000",
            N_("indikator.KOSKG280000"),
            "prosent",
            True,
        ),
        Indicator(
            "KOSKG400000",
            N_("indikator.KOSKG400000"),
            "prosent",
            False,
        ),
        Indicator(
            "KOSKG320000",
            N_("indikator.KOSKG320000"),
            "prosent",
            False,
        ),
        Indicator(
            "KOSAG110000",
            N_("indikator.KOSAG110000"),
            "kr",
            None,
        ),
        Indicator(
            "KOSKG210000",
            N_("indikator.KOSKG210000"),
            "prosent",
            True,
        ),
        Indicator(
            "KOSAGI10000",
            N_("indikator.KOSAGI10000"),
            "prosent",
            None,
        ),
        Indicator(
            "KOSAGI210000",
            N_("indikator.KOSAGI210000"),
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
    for begrep, belop, per_innbygger, better in [
        (
            BRUTTO_DRIFTSINNTEKTER,
            N_("indikator.AGD13_belop"),
            N_("indikator.AGD13_per_innbygger"),
            None,
        ),
        (
            NETTO_DRIFTSRESULTAT_KR,
            N_("indikator.AGD23_belop"),
            N_("indikator.AGD23_per_innbygger"),
            True,
        ),
        (NETTO_LANEGJELD, N_("indikator.KG31_belop"), N_("indikator.KG31_per_innbygger"), False),
    ]
    for i in [
        Indicator(amount_code(begrep, BELOP), belop, "1000 kr", better),
        Indicator(amount_code(begrep, PER_INNBYGGER), per_innbygger, "kr", better),
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
            N_("indikator.KG31_pct"),
            "prosent",
            False,
        ),
        Indicator(
            NORMGAP_BELOP,
            N_("indikator.normgap_belop"),
            "1000 kr",
            False,
        ),
        Indicator(
            NORMGAP_PER_INNBYGGER,
            N_("indikator.normgap_per_innbygger"),
            "kr",
            False,
        ),
    ]
}

# Every figure the app can show by code: SSB's key figures, its amounts, and the app's own.
FIGURES: dict[str, Indicator] = {**INDICATORS, **AMOUNTS, **COMPUTED}
