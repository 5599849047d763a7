"""Live loader for the `kostra` dataset: SSB 12134's key figures and 12137's amounts.

Regions and figures are read from the tables' metadata: every municipality code (current or
a predecessor), KOSTRA groups (EKG…), Landet (EAK), Landet uten Oslo (EAKUO) and counties
(EAFK…), all ContentsCodes, 2015 to the latest year; the amounts table is found by search
(`loaders.refresh.belop`). An old code's figure is used for a current municipality only when
it is the same municipality under another number (`loaders.codes.as_published`), for ratios
and amounts alike; `source_code` keeps the published code.
"""

from __future__ import annotations

import pandas as pd

from kommuneokonomi.datasets import kostra_region_level as region_level
from loaders.codes import as_published
from loaders.refresh import belop
from loaders.refresh.spec import Context, Fetched, Selection, Spec, TableQuery
from loaders.ssb.metadata import TableMetadata

TABLE = "12134"
REGION = "KOKkommuneregion0000"
FIRST_YEAR = 2015
FINAL_DAY = "06-15"  # SSB publishes final KOSTRA figures for year Y on 15 June of Y+1


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


def _key_figures(fetched: Fetched) -> pd.DataFrame:
    """12134's answer as `kostra` rows: region as published, figure, year, value, unit, label."""
    raw = fetched.frame
    raw = raw[raw["value"].notna() | raw["status"].notna()]
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
    frame["unit"] = frame["indicator_code"].map(lambda c: units.get(c) or "")
    frame["indicator_label"] = [
        _strip_unit(contents_labels[c], u)
        for c, u in zip(frame["indicator_code"], frame["unit"], strict=True)
    ]
    return frame


def _as_kostra(frame: pd.DataFrame, fetched: Fetched, ctx: Context) -> pd.DataFrame:
    """One table's rows under today's codes, with names, level, vintage and provenance."""
    frame = frame[frame["region_code"].map(region_level).notna()]
    is_kommune = frame["region_code"].str.fullmatch(r"\d{4}")
    kommuner = as_published(frame[is_kommune], ctx.history, ctx.kommune_codes)
    aggregates = frame[~is_kommune].assign(source_code=lambda f: f["region_code"])
    frame = pd.concat([kommuner, aggregates], ignore_index=True)
    region_labels = fetched.labels(REGION)
    names = dict(zip(ctx.kommuner["kommune_code"], ctx.kommuner["kommune_name"], strict=True))
    frame["region_name"] = frame["region_code"].map(lambda c: names.get(c) or region_labels[c])
    frame["region_level"] = frame["region_code"].map(region_level)
    frame["vintage"] = vintage(frame["year"], fetched.updated)
    frame["published"] = (fetched.updated or "")[:10] or None
    frame["source"] = f"{ctx.api_url}/tables/{fetched.table_id}"
    frame["table_id"] = fetched.table_id
    return frame


def _tidy(fetched: Fetched, ctx: Context) -> dict[str, pd.DataFrame]:
    parts = [_as_kostra(_key_figures(fetched), fetched, ctx)]
    parts += [_as_kostra(belop.tidy_amounts(part), part, ctx) for part in fetched.also]
    return {"kostra": pd.concat(parts, ignore_index=True)}


KOSTRA = Spec(
    name=TABLE,
    produces=("kostra",),
    tidy=_tidy,
    title="12134 KOSTRA-nøkkeltall og 12137 beløp",
    table=TableQuery(select=_select, table_id=TABLE),
    also=(belop.AMOUNTS_QUERY,),
)
