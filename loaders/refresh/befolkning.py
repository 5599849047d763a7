"""Live loader for SSB 07459: population 1 January by municipality, sex and single age.

Figures published under old codes are summed to today's municipalities where the whole
territory is covered (`loaders.codes.sum_to_current`); municipalities with a split in their
history have no figures before it. Counties and Norway come from SSB's own totals.
"""

from __future__ import annotations

import re

import pandas as pd

from kommuneokonomi.datasets import LANDET
from loaders.codes import sum_to_current
from loaders.refresh.spec import Context, Fetched, Selection, Spec, TableQuery
from loaders.snapshot.befolkning import age_group_sums
from loaders.ssb.metadata import TableMetadata

TABLE = "07459"
FIRST_YEAR = 2005
PERSONS_LABEL = "personer"


def _select(md: TableMetadata, ctx: Context) -> Selection:
    region = md.variable("Region")
    contents = md.variable("ContentsCode")
    if region is None or contents is None or md.variable("Kjonn") is None:
        return {}  # the runner names the missing variable (SSB renamed it)
    wanted = {LANDET, *ctx.county_codes}
    regions = [c for c in region.values if c in wanted or re.fullmatch(r"\d{4}", c)]
    persons = [
        code
        for code, label in zip(contents.values, contents.value_labels, strict=True)
        if label.strip().lower() == PERSONS_LABEL
    ]
    years = [y for y in md.variable("Tid").values if y[:4].isdigit() and int(y[:4]) >= FIRST_YEAR]
    return {
        "Region": regions,
        "Kjonn": list(md.variable("Kjonn").values),
        "Alder": list(md.variable("Alder").values),
        "ContentsCode": persons[:1] or [contents.values[0]],
        "Tid": years,
    }


def _age(code: str) -> int:
    """SSB's age code ('000' … '104', '105+') as the number of years."""
    return int(re.match(r"\d+", code).group())


def _tidy(fetched: Fetched, ctx: Context) -> dict[str, pd.DataFrame]:
    raw = fetched.frame
    raw = raw[raw["value"].notna()]
    tidy = pd.DataFrame(
        {
            "region_code": raw["Region"].astype(str),
            "year": raw["Tid"].astype(str).str[:4].astype(int),
            "sex": raw["Kjonn"].astype(str),
            "age": raw["Alder"].astype(str).map(_age),
            "persons": raw["value"].astype("int64"),
        }
    )
    kommune = sum_to_current(
        tidy[tidy["region_code"].str.len() == 4],
        ctx.history,
        ctx.kommune_codes,
        keys=["sex", "age"],
        value="persons",
    ).assign(estimated=False)
    kommune["persons"] = kommune["persons"].astype("int32")
    totals = tidy[tidy["region_code"].isin([LANDET, *ctx.county_codes])].assign(estimated=False)
    groups = pd.concat(
        [
            age_group_sums(kommune).assign(region_level="kommune"),
            age_group_sums(totals).assign(
                region_level=lambda f: f["region_code"].map(
                    lambda c: "landet" if c == LANDET else "fylke"
                )
            ),
        ],
        ignore_index=True,
    )
    return {"befolkning": kommune, "befolkning_grupper": groups}


BEFOLKNING = Spec(
    name=TABLE,
    produces=("befolkning", "befolkning_grupper"),
    tidy=_tidy,
    title="07459 befolkning",
    table=TableQuery(select=_select, table_id=TABLE),
    notes={
        "befolkning": (
            "NOTE: tall under gamle kommunenummer er summert til dagens kommuner der hele "
            "området er dekket; kommuner med en deling i historikken (f.eks. 1508 Ålesund og "
            "1580 Haram før 2024) har ingen tall før delingen. Ingen tall er anslått.",
        ),
        "befolkning_grupper": (
            "NOTE: fylkes- og landstall er SSBs egne; kommunetall som i «befolkning».",
        ),
    },
)
