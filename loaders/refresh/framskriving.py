"""Live loader for the newest municipal population projection (found by search; 14746 in 2026).

All alternatives are fetched; SSB's alternative is read from the ContentsCode label
("Hovedalternativet (MMMM)"). Ages are kept in the snapshot's groups: a table with single
years of age is summed into them (counts, so summing is exact).
"""

from __future__ import annotations

import re

import pandas as pd

from kommuneokonomi.datasets import LANDET
from loaders.refresh.spec import Context, Fetched, Selection, Spec, TableQuery
from loaders.snapshot.framskriving import AGE_GROUPS
from loaders.ssb.metadata import TableMetadata

SEARCH = "Framskrevet folkemengde"
MIN_MUNICIPALITIES = 300  # a municipal projection lists (nearly) every municipality
GROUPS = list(AGE_GROUPS.values())
KEPT = ("Alder", "ContentsCode", "Tid")  # selected even where SSB would allow leaving them out


def _municipal(md: TableMetadata, ctx: Context) -> bool:
    """True for a projection table by municipality (not only counties or Norway)."""
    region = md.variable("Region")
    if region is None:
        return False
    return len(set(region.values) & set(ctx.kommune_codes)) >= MIN_MUNICIPALITIES


def _select(md: TableMetadata, ctx: Context) -> Selection:
    region = md.variable("Region")
    if region is None:
        return {}
    wanted = {LANDET, *ctx.county_codes, *ctx.kommune_codes}
    selection: Selection = {"Region": [c for c in region.values if c in wanted]}
    for variable in md.variables:
        if variable.code == "Region" or (variable.elimination and variable.code not in KEPT):
            continue  # a variable SSB lets us leave out (e.g. Kjonn) is summed by SSB
        selection[variable.code] = list(variable.values)
    return selection


def _alternative(label: str) -> str | None:
    """'Hovedalternativet (MMMM)' → 'MMMM'."""
    match = re.search(r"\(([LMHK0]{4})\)", label)
    return match.group(1) if match else None


def _group(code: str) -> str | None:
    """The snapshot age group of an SSB age code: a group code as is, a single age binned."""
    if code in GROUPS:
        return code
    match = re.fullmatch(r"0*(\d+)\+?", code)
    if not match:
        return None
    age = int(match.group(1))
    for group in GROUPS:
        low, _, high = group.replace("+", "-").partition("-")
        if int(low) <= age and (
            age <= int(high) if high else group.endswith("+") or age == int(low)
        ):
            return group
    return None


def _tidy(fetched: Fetched, ctx: Context) -> dict[str, pd.DataFrame]:
    raw = fetched.frame
    alternatives = {c: _alternative(label) for c, label in fetched.labels("ContentsCode").items()}
    unknown = [c for c, a in alternatives.items() if a is None]
    if unknown:
        raise ValueError(f"projection {fetched.table_id}: no alternative in labels of {unknown}")
    ages = {c: _group(c) for c in raw["Alder"].astype(str).unique()}
    unknown = [c for c, g in ages.items() if g is None]
    if unknown:
        raise ValueError(f"projection {fetched.table_id}: unknown age codes {unknown[:5]}")
    frame = pd.DataFrame(
        {
            "region_code": raw["Region"].astype(str),
            "alternative": raw["ContentsCode"].astype(str).map(alternatives),
            "year": raw["Tid"].astype(str).str[:4].astype(int),
            "age_group": raw["Alder"].astype(str).map(ages),
            "persons": raw["value"],
        }
    )
    keys = ["region_code", "alternative", "year", "age_group"]
    frame = (
        frame.assign(missing=frame["persons"].isna())
        .groupby(keys, as_index=False)
        .agg(persons=("persons", "sum"), missing=("missing", "any"))
    )
    # A group with any age missing is unknown, not the sum of the ages SSB did give.
    frame["persons"] = frame["persons"].round().astype("Int64").mask(frame.pop("missing"))
    counties = set(ctx.county_codes)
    frame["region_level"] = frame["region_code"].map(
        lambda c: "landet" if c == LANDET else "fylke" if c in counties else "kommune"
    )
    frame["table_id"] = fetched.table_id
    return {"framskriving": frame}


FRAMSKRIVING = Spec(
    name="framskriving",
    produces=("framskriving",),
    tidy=_tidy,
    title="befolkningsframskriving",
    table=TableQuery(select=_select, search=SEARCH, accept=_municipal),
)
