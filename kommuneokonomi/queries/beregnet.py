"""Figures the app computes from SSB's published amounts, each row marked `computed`.

Only formulas SSB itself uses (or that follow from them) are computed: netto driftsresultat
in per cent of brutto driftsinntekter is how SSB defines 12134's KOSAGD230000, and the gap to
the TBU norm follows from the same two amounts. Both inputs must come from the same release
(vintage); a figure is never computed across vintages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kommuneokonomi.indicators import (
    BELOP,
    BRUTTO_DRIFTSINNTEKTER,
    NETTO_DRIFTSRESULTAT,
    NETTO_DRIFTSRESULTAT_KR,
    NETTO_LANEGJELD,
    NETTO_LANEGJELD_PCT,
    NORMGAP_BELOP,
    NORMGAP_PER_INNBYGGER,
    PER_INNBYGGER,
    TBU_NORM_KOMMUNE_PCT,
    amount_code,
)

# Which release is newer: final (June) beats preliminary (March) beats unknown.
VINTAGE_RANK = {"final": 2, "preliminary": 1, "unknown": 0}

INPUT_COLUMNS = [
    "region_code",
    "region_name",
    "region_level",
    "year",
    "value",
    "vintage",
    "published",
    "source",
    "source_code",
    "table_id",
]


@dataclass(frozen=True)
class Formula:
    """A computed figure: its two inputs (app indicator codes), how they combine, and the
    basis text that travels with every computed value (shown on screen and in exports)."""

    a: str
    b: str
    combine: Callable[[pd.Series, pd.Series], pd.Series]
    basis: str


def _share(a: pd.Series, b: pd.Series) -> pd.Series:
    return 100 * a / b.where(b != 0)


def _norm_gap(revenue: pd.Series, result: pd.Series) -> pd.Series:
    return TBU_NORM_KOMMUNE_PCT / 100 * revenue - result


AGD13, AGD23, KG31 = BRUTTO_DRIFTSINNTEKTER, NETTO_DRIFTSRESULTAT_KR, NETTO_LANEGJELD

FORMULAS: dict[str, Formula] = {
    NETTO_DRIFTSRESULTAT: Formula(
        amount_code(AGD23, BELOP),
        amount_code(AGD13, BELOP),
        _share,
        "100 × AGD23 / AGD13 (SSB 12137, 1000 kr)",
    ),
    NETTO_LANEGJELD_PCT: Formula(
        amount_code(KG31, BELOP),
        amount_code(AGD13, BELOP),
        _share,
        "100 × KG31 / AGD13 (SSB 12137, 1000 kr)",
    ),
    NORMGAP_BELOP: Formula(
        amount_code(AGD13, BELOP),
        amount_code(AGD23, BELOP),
        _norm_gap,
        f"{TBU_NORM_KOMMUNE_PCT} % × AGD13 − AGD23 (SSB 12137, 1000 kr)",
    ),
    NORMGAP_PER_INNBYGGER: Formula(
        amount_code(AGD13, PER_INNBYGGER),
        amount_code(AGD23, PER_INNBYGGER),
        _norm_gap,
        f"{TBU_NORM_KOMMUNE_PCT} % × AGD13 − AGD23 (SSB 12137, kr per innbygger)",
    ),
}


def compute(formula: Formula, a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    """The formula's value for every region-year where both inputs have a value from the
    same release; columns as the inputs', plus `computed` (True) and `basis`."""
    a = a.loc[a["value"].notna(), INPUT_COLUMNS]
    b = b.loc[b["value"].notna(), ["region_code", "year", "value", "vintage", "published"]]
    both = a.merge(b, on=["region_code", "year"], suffixes=("", "_b"))
    both = both[both["vintage"] == both["vintage_b"]]
    value = formula.combine(both["value"], both["value_b"])
    published = np.where(
        both["published_b"].fillna("") > both["published"].fillna(""),
        both["published_b"],
        both["published"],
    )
    out = both[INPUT_COLUMNS].assign(value=value, published=published, status=None)
    out = out[out["value"].notna()]
    return out.assign(computed=True, basis=formula.basis).reset_index(drop=True)


def newest(published: pd.DataFrame, computed: pd.DataFrame) -> pd.DataFrame:
    """Published rows, replaced by a computed row where that comes from a newer release or
    where the published row has no value; computed rows fill region-years with no row.

    NOTE: SSB revises KOSTRA figures in June; a preliminary (March) 12134 figure is therefore
    replaced by the one computed from the final amounts, so a series never mixes releases
    without saying so (`vintage` and `computed` travel with each row).
    """
    keys = ["region_code", "year"]
    published = published.assign(computed=False, basis=None)
    if computed.empty or published.empty:
        return computed if published.empty else published
    rank = published["vintage"].map(VINTAGE_RANK).astype(float).fillna(-1)
    theirs = computed.set_index(keys)["vintage"].map(VINTAGE_RANK).astype(float)
    their_rank = pd.Series(
        theirs.reindex(pd.MultiIndex.from_frame(published[keys])).to_numpy(),
        index=published.index,
    )
    keep = published["value"].notna() & ~(their_rank > rank)
    keep |= their_rank.isna()
    kept = published[keep]
    fill = computed.merge(kept[keys], on=keys, how="left", indicator=True)
    fill = fill[fill["_merge"] == "left_only"].drop(columns="_merge")
    return pd.concat([kept, fill], ignore_index=True)
