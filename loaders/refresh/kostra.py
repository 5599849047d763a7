"""Live loader for SSB 12134: every KOSTRA key figure for municipalities and aggregates.

Regions and figures are read from the table's metadata: every municipality code (current or
a predecessor), KOSTRA groups (EKG…), Landet (EAK), Landet uten Oslo (EAKUO) and counties
(EAFK…), all ContentsCodes, 2015 to the latest year. Figures are ratios, so an old code's
figure is used for a current municipality only when it is the same municipality under
another number (`loaders.codes.as_published`); `source_code` keeps the published code.
"""

from __future__ import annotations

import re

import pandas as pd

from kommuneokonomi.datasets import KOSTRA_LANDET, KOSTRA_LANDET_UTEN_OSLO
from loaders.codes import as_published
from loaders.refresh.spec import Context, Fetched, Selection, Spec, TableQuery
from loaders.ssb.metadata import TableMetadata

TABLE = "12134"
REGION = "KOKkommuneregion0000"
FIRST_YEAR = 2015
FINAL_DAY = "06-15"  # SSB publishes final KOSTRA figures for year Y on 15 June of Y+1

_LEVELS = (
    (re.compile(r"^\d{4}$"), "kommune"),
    (re.compile(r"^EKG\d+$"), "kostragruppe"),
    (re.compile(rf"^({KOSTRA_LANDET}|{KOSTRA_LANDET_UTEN_OSLO})$"), "landet"),
    (re.compile(r"^EAFK\d{2}$"), "fylke"),
)


def region_level(code: str) -> str | None:
    """The region level of a 12134 region code, or None for codes the app does not use."""
    return next((level for pattern, level in _LEVELS if pattern.match(code)), None)


def _select(md: TableMetadata, ctx: Context) -> Selection:
    region, contents, time = md.variable(REGION), md.variable("ContentsCode"), md.variable("Tid")
    if region is None or contents is None or time is None:
        return {}
    return {
        REGION: [c for c in region.values if region_level(c)],
        "ContentsCode": list(contents.values),
        "Tid": [y for y in time.values if y[:4].isdigit() and int(y[:4]) >= FIRST_YEAR],
    }


def _strip_unit(label: str, unit: str) -> str:
    """'Netto driftsresultat … (prosent)' → 'Netto driftsresultat …' when the unit is known."""
    suffix = f" ({unit})"
    return label[: -len(suffix)] if unit and label.endswith(suffix) else label


def vintage(years: pd.Series, updated: str | None) -> pd.Series:
    """'preliminary' for the latest year until SSB's final release of 15 June, else 'final'.

    NOTE: 12134 does not mark preliminary figures per cell; SSB publishes year Y
    preliminarily on 15 March of Y+1 and finally on 15 June, so the table's `updated`
    date tells which release a year comes from.
    """
    latest = int(years.max())
    preliminary = bool(updated) and str(updated)[:10] < f"{latest + 1}-{FINAL_DAY}"
    out = pd.Series("final", index=years.index)
    if preliminary:
        out[years == latest] = "preliminary"
    return out


def _tidy(fetched: Fetched, ctx: Context) -> dict[str, pd.DataFrame]:
    raw = fetched.frame
    raw = raw[raw["value"].notna() | raw["status"].notna()]
    region_labels = fetched.labels(REGION)
    contents_labels = fetched.labels("ContentsCode")
    units = fetched.units("ContentsCode")
    frame = pd.DataFrame(
        {
            "region_code": raw[REGION].astype(str),
            "indicator_code": raw["ContentsCode"].astype(str),
            "year": raw["Tid"].astype(str).str[:4].astype(int),
            "value": raw["value"].astype(float),
            "status": raw["status"],
        }
    )
    is_kommune = frame["region_code"].str.fullmatch(r"\d{4}")
    kommuner = as_published(frame[is_kommune], ctx.history, ctx.kommune_codes)
    aggregates = frame[~is_kommune].assign(source_code=lambda f: f["region_code"])
    frame = pd.concat([kommuner, aggregates], ignore_index=True)
    names = dict(zip(ctx.kommuner["kommune_code"], ctx.kommuner["kommune_name"], strict=True))
    frame["region_name"] = frame["region_code"].map(lambda c: names.get(c) or region_labels[c])
    frame["region_level"] = frame["region_code"].map(region_level)
    frame["unit"] = frame["indicator_code"].map(lambda c: units.get(c) or "")
    frame["indicator_label"] = [
        _strip_unit(contents_labels[c], u)
        for c, u in zip(frame["indicator_code"], frame["unit"], strict=True)
    ]
    frame["vintage"] = vintage(frame["year"], fetched.updated)
    frame["published"] = (fetched.updated or "")[:10] or None
    frame["source"] = f"{ctx.api_url}/tables/{TABLE}"
    frame["table_id"] = TABLE
    return {"kostra": frame}


KOSTRA = Spec(
    name=TABLE,
    produces=("kostra",),
    tidy=_tidy,
    title="12134 KOSTRA-nøkkeltall",
    table=TableQuery(select=_select, table_id=TABLE),
)
