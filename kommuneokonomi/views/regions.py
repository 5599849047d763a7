"""Names for any region code the app shows: municipality, county, KOSTRA group or Norway."""

from __future__ import annotations

import pandas as pd

from kommuneokonomi import data
from kommuneokonomi.datasets import KOSTRA_LANDET, KOSTRA_LANDET_UTEN_OSLO, LANDET
from kommuneokonomi.i18n import t
from kommuneokonomi.queries.cache import cached
from kommuneokonomi.queries.kommuner import index


def region_name(code: str) -> str:
    """'Bergen', 'Vestland', 'KOSTRA-gruppe 12', 'Landet' or 'Norge' for a region code."""
    if code == LANDET:
        return t("common.norway")
    if code == KOSTRA_LANDET:
        return t("common.landet")
    if code == KOSTRA_LANDET_UTEN_OSLO:
        return t("common.landet_uten_oslo")
    if code.startswith("EKG"):
        return t("common.kostragruppe", n=int(code[3:]))
    if len(code) == 2:
        return _county_names().get(code, code)
    return index().name(code)


def region_names(codes: pd.Series) -> pd.Series:
    """`region_name` of every code in a column, each distinct code named once (a series of a
    few regions over many years has hundreds of rows)."""
    return codes.map({code: region_name(code) for code in codes.unique()})


@cached(maxsize=1)
def _county_names() -> dict[str, str]:
    kommuner = data.frame("kommuner")
    return dict(zip(kommuner["county_code"], kommuner["county_name"], strict=True))
