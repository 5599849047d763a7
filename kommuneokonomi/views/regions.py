"""Names for any region code the app shows: municipality, county, KOSTRA group or Norway."""

from __future__ import annotations

from kommuneokonomi import data
from kommuneokonomi.datasets import KOSTRA_LANDET, KOSTRA_LANDET_UTEN_OSLO, LANDET
from kommuneokonomi.i18n import t
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
        kommuner = data.frame("kommuner")
        names = kommuner.loc[kommuner["county_code"] == code, "county_name"]
        return names.iloc[0] if len(names) else code
    return index().name(code)
