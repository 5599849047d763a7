"""Live loader part for the KOSTRA amounts behind netto driftsresultat and debt (SSB 12137).

The table is found from metadata, not by a fixed id: the newest table for the municipal group
accounts (kommunekonsern) with a regnskapsbegrep variable that holds brutto driftsinntekter
(AGD13), netto driftsresultat (AGD23) and netto lånegjeld (KG31). Each ContentsCode is read
as an amount in 1000 kr or in kr per innbygger from its unit in the metadata. The kostra
loader carries them to today's codes as it does 12134's key figures.
"""

from __future__ import annotations

import pandas as pd

from kommuneokonomi.datasets import kostra_region_level
from kommuneokonomi.indicators import (
    AMOUNTS,
    BELOP,
    BRUTTO_DRIFTSINNTEKTER,
    NETTO_DRIFTSRESULTAT_KR,
    NETTO_LANEGJELD,
    PER_INNBYGGER,
    amount_code,
)
from loaders.refresh.spec import Context, Fetched, Selection, TableQuery
from loaders.ssb.errors import UnexpectedDimensions
from loaders.ssb.metadata import TableMetadata, Variable

SEARCH = "kommunekonsern regnskapsbegrep"
REGION = "KOKkommuneregion0000"
BEGREPER = (BRUTTO_DRIFTSINNTEKTER, NETTO_DRIFTSRESULTAT_KR, NETTO_LANEGJELD)
FIRST_YEAR = 2015


def begrep_variable(md: TableMetadata) -> Variable | None:
    """The table's regnskapsbegrep variable (SSB: KOKregnskapsbegre…, label 'regnskapsbegrep')."""
    return next(
        (
            v
            for v in md.variables
            if v.code.startswith("KOKregnskapsbegre") or v.label.lower() == "regnskapsbegrep"
        ),
        None,
    )


def accept(md: TableMetadata, ctx: Context) -> bool:
    """True for a kommunekonsern table by region and regnskapsbegrep with all three amounts."""
    begrep = begrep_variable(md)
    return (
        "kommunekonsern" in md.label.lower()
        and md.variable(REGION) is not None
        and begrep is not None
        and set(BEGREPER) <= set(begrep.values)
    )


def _select(md: TableMetadata, ctx: Context) -> Selection:
    region, begrep = md.variable(REGION), begrep_variable(md)
    contents, time = md.variable("ContentsCode"), md.variable("Tid")
    if region is None or begrep is None or contents is None or time is None:
        return {}
    return {
        REGION: [c for c in region.values if kostra_region_level(c)],
        begrep.code: list(BEGREPER),
        "ContentsCode": list(contents.values),
        "Tid": [y for y in time.values if y[:4].isdigit() and int(y[:4]) >= FIRST_YEAR],
    }


AMOUNTS_QUERY = TableQuery(select=_select, search=SEARCH, accept=accept)


def measure(unit: str, label: str) -> str | None:
    """'belop' for an amount in 1000 kr, 'per_innbygger' for kr per innbygger, else None."""
    unit, label = unit.lower().strip(), label.lower()
    if "innbygger" in unit or "innbygger" in label:
        return PER_INNBYGGER
    if unit in ("1000 kr", "1 000 kr", "1000 kroner"):
        return BELOP
    if unit in ("kr", "kroner"):
        return PER_INNBYGGER
    return None


def tidy_amounts(fetched: Fetched) -> pd.DataFrame:
    """The amounts as `kostra` rows (region_code as published, indicator_code, year, value,
    status, unit, indicator_label); codes are carried to today's by the caller."""
    begrep = begrep_variable(fetched.metadata)
    labels, units = fetched.labels("ContentsCode"), fetched.units("ContentsCode")
    measures = {c: measure(units.get(c, ""), labels[c]) for c in labels}
    if not any(measures.values()):
        raise UnexpectedDimensions(
            f"table {fetched.table_id}: no ContentsCode is an amount in 1000 kr or kr per "
            f"innbygger (units {units})"
        )
    raw = fetched.frame
    raw = raw[raw["value"].notna() | raw["status"].notna()]
    raw = raw[raw["ContentsCode"].astype(str).map(measures).notna()]
    frame = pd.DataFrame(
        {
            "region_code": raw[REGION].astype(str),
            "indicator_code": [
                amount_code(b, measures[c])
                for b, c in zip(
                    raw[begrep.code].astype(str), raw["ContentsCode"].astype(str), strict=True
                )
            ],
            "year": raw["Tid"].astype(str).str[:4].astype(int),
            "value": raw["value"].astype(float),
            "status": raw["status"],
        }
    )
    frame["unit"] = frame["indicator_code"].map(lambda c: AMOUNTS[c].unit)
    frame["indicator_label"] = frame["indicator_code"].map(lambda c: AMOUNTS[c].name_nb)
    return frame
