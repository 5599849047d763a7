"""Comparison sets and the figures to compare them on: population and KOSTRA key figures.

A municipality is compared with its KOSTRA group, its county, its neighbours (shared land
border), the municipalities most like it on structural figures (queries.liknende) or a
chosen set. Population figures exist for every municipality and year; the KOSTRA
key figures of table 12134 only where the served data has them, so they stay missing (NaN)
elsewhere and are never filled.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kommuneokonomi import data
from kommuneokonomi.indicators import (
    BRUTTO_DRIFTSINNTEKTER,
    FIGURES,
    INDICATORS,
    NETTO_DRIFTSRESULTAT,
    NETTO_LANEGJELD,
    NETTO_LANEGJELD_PCT,
    NORMGAP_PER_INNBYGGER,
    PER_INNBYGGER,
    amount_code,
)
from kommuneokonomi.queries import befolkning, kostra, liknende
from kommuneokonomi.queries.cache import cached
from kommuneokonomi.queries.kommuner import county_members, fold, index, neighbours
from kommuneokonomi.queries.liknende.model import Weights

MOT = ("kostragruppe", "fylke", "naboer", "liknende", "egne")
DEFAULT_MOT = "kostragruppe"
OWN = "egne"
SIMILAR = "liknende"

SERIES_COLUMNS = [
    "region_code",
    "year",
    "value",
    "estimated",
    "vintage",
    "status",
    "published",
    "computed",
]


@dataclass(frozen=True)
class Measure:
    """A figure to compare on: code, family ('befolkning' or 'kostra'), unit and decimals.

    `indexable` is False for rates that can be zero or negative (growth, results), where an
    index to 100 in a base year has no meaning.
    """

    code: str
    family: str
    unit: str
    decimals: int
    indexable: bool


POPULATION_MEASURES = (
    Measure("folketall", "befolkning", "personer", 0, True),
    Measure("vekst", "befolkning", "prosent", 1, False),
    Measure("andel67", "befolkning", "prosent", 1, True),
    Measure("andel80", "befolkning", "prosent", 1, True),
    Measure("stotte", "befolkning", "forhold", 1, True),
)
# Netto driftsresultat first, then what it means in kroner and the debt (from SSB's amounts,
# for every municipality), then the other key figures of 12134.
KOSTRA_ORDER = (
    NETTO_DRIFTSRESULTAT,
    NORMGAP_PER_INNBYGGER,
    amount_code(NETTO_LANEGJELD, PER_INNBYGGER),
    NETTO_LANEGJELD_PCT,
    amount_code(BRUTTO_DRIFTSINNTEKTER, PER_INNBYGGER),
)
KOSTRA_MEASURES = tuple(
    Measure(
        code,
        "kostra",
        FIGURES[code].unit,
        0 if FIGURES[code].unit == "kr" else 1,
        FIGURES[code].unit == "kr" and code != NORMGAP_PER_INNBYGGER,
    )
    for code in dict.fromkeys([*KOSTRA_ORDER, *INDICATORS])
)
MEASURES: dict[str, Measure] = {m.code: m for m in POPULATION_MEASURES + KOSTRA_MEASURES}
DEFAULT_MEASURE = "andel67"


@dataclass(frozen=True)
class Comparison:
    """The set a municipality is compared with; `members` holds the municipality first.

    `region_code` is the KOSTRA group ('EKG12') or county ('46') that defines the set,
    `membership_year` the year of the KOSTRA grouping used (groups are known per year), and
    `weights` the similarity model's weights for the most similar municipalities, whose
    members come in order of similarity (the other sets by name).
    """

    kommune: str
    mot: str
    members: tuple[str, ...]
    region_code: str | None = None
    membership_year: int | None = None
    weights: Weights | None = None

    @property
    def others(self) -> tuple[str, ...]:
        """The members other than the chosen municipality."""
        return self.members[1:]


def _by_name(codes: list[str] | tuple[str, ...]) -> list[str]:
    ix = index()
    return sorted(codes, key=lambda c: fold(ix.name(c)))


def comparison(
    kommune: str, mot: str, chosen: tuple[str, ...], year: int, weights: Weights | None = None
) -> Comparison:
    """The comparison set for `mot` (see MOT); `chosen` is used for 'egne' only, `weights`
    (default: the model's default preset) for 'liknende' only."""
    region, membership_year = None, None
    if mot == SIMILAR:
        chosen_weights = weights or liknende.model.weights()
        nearest = liknende.nearest(kommune, chosen_weights).table["kommune_code"]
        return Comparison(kommune, mot, (kommune, *nearest), weights=chosen_weights)
    if mot == "kostragruppe":
        group = kostra.kostragruppe(kommune, year)
        others = kostra.group_members(*group) if group else ()
        region, membership_year = group if group else (None, None)
    elif mot == "fylke":
        region = index().county(kommune)[0]
        others = county_members(region)
    elif mot == "naboer":
        others = neighbours(kommune)
    else:
        others = chosen
    rest = _by_name([c for c in dict.fromkeys(others) if c != kommune])
    return Comparison(kommune, mot, (kommune, *rest), region, membership_year)


@cached(maxsize=2)
def _population() -> pd.DataFrame:
    """Every population measure for every region, per year (1 January), in region order.

    Built once for all regions from the standard age groups, so a new comparison set costs
    only a lookup; the figures are those of befolkning.totals and befolkning.support_ratio.
    """
    groups = data.frame("befolkning_grupper")
    wide = groups.pivot(index=["region_code", "year"], columns="age_group", values="persons")
    estimated = groups.groupby(["region_code", "year"])["estimated"].any()
    wide = wide.sort_index()
    estimated = estimated.reindex(wide.index).to_numpy(dtype=bool)
    region = wide.index.get_level_values("region_code")
    persons = wide["total"]
    previous = persons.groupby(level="region_code").shift(1)
    change = persons - previous
    estimated_before = pd.Series(estimated, index=wide.index).groupby(level="region_code").shift(1)
    return pd.DataFrame(
        {
            "region_code": region.to_numpy(),
            "year": wide.index.get_level_values("year").to_numpy(),
            "folketall": persons.astype(float).to_numpy(),
            "vekst": (100 * change / previous).to_numpy(),
            "andel67": (100 * wide["67+"] / wide["total"]).to_numpy(),
            "andel80": (100 * wide["80+"] / wide["total"]).to_numpy(),
            "stotte": (wide["20-66"] / wide["67+"]).to_numpy(),
            "estimated": estimated,
            # Growth uses the year before too: it is an estimate if either year is.
            "vekst_estimated": estimated | estimated_before.fillna(False).to_numpy(dtype=bool),
        }
    )


@cached(maxsize=16)
def _population_rows(measure_code: str) -> tuple[pd.DataFrame, dict[str, tuple[int, int]]]:
    """One population measure for every region as series rows (values only), and each
    region's span of row positions, so a set's series is one positional take.
    """
    pop = _population()
    flag = "vekst_estimated" if measure_code == "vekst" else "estimated"
    rows = pd.DataFrame(
        {
            "region_code": pop["region_code"],
            "year": pop["year"],
            "value": pop[measure_code],
            "estimated": pop[flag],
            "vintage": None,
            "status": None,
            "published": None,
            "computed": False,
        }
    )
    rows = rows[rows["value"].notna()].reset_index(drop=True)
    return rows, kostra.region_spans(rows["region_code"].to_numpy())


@cached()
def series(measure_code: str, codes: tuple[str, ...]) -> pd.DataFrame:
    """One measure over time for the given municipalities: rows only where data has a row.

    Columns: region_code, year, value, estimated (population splits), vintage, status and
    published (KOSTRA; None for population figures).
    """
    measure = MEASURES[measure_code]
    if measure.family == "kostra":
        rows = kostra.series(measure_code, codes)
        return rows.assign(estimated=False)[SERIES_COLUMNS].reset_index(drop=True)
    rows, spans = _population_rows(measure_code)
    taken = [np.arange(*spans[code]) for code in codes if code in spans]
    if not taken:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    return rows.iloc[np.concatenate(taken)].reset_index(drop=True)


@cached()
def _in_year(measure_code: str, year: int) -> pd.DataFrame:
    """Every region's row for one measure and year, indexed by region code, in the columns of
    `series`: a comparison table is then one lookup per measure, whatever the set."""
    measure = MEASURES[measure_code]
    if measure.family == "kostra":
        rows = kostra.indicator(measure_code).assign(estimated=False)[SERIES_COLUMNS]
    else:
        rows, _ = _population_rows(measure_code)
    return rows[rows["year"] == year].set_index("region_code")


def ranked(values: pd.Series) -> pd.Series:
    """Rank 1 = highest value; missing values get no rank (ties share the better rank)."""
    return values.rank(ascending=False, method="min").astype("Int64")


@cached()
def table(codes: tuple[str, ...], year: int) -> pd.DataFrame:
    """Every measure for every municipality in `codes` in one year, with ranks in the set.

    One row per municipality and measure, missing ones included with NaN (never 0);
    `ranked_of` is how many municipalities in the set have a value for the measure.
    """
    parts = []
    for measure in MEASURES.values():
        part = _in_year(measure.code, year).reindex(list(codes)).reset_index()
        part["indicator_code"] = measure.code
        part["year"] = year
        part["rank"] = ranked(part["value"])
        part["ranked_of"] = int(part["value"].notna().sum())
        parts.append(part)
    frame = pd.concat(parts, ignore_index=True)
    frame["estimated"] = frame["estimated"].astype("boolean")
    return frame[
        [
            "region_code",
            "indicator_code",
            "year",
            "value",
            "rank",
            "ranked_of",
            "estimated",
            "vintage",
            "status",
            "published",
            "computed",
        ]
    ]


@cached()
def references(codes: tuple[str, ...], year: int) -> pd.DataFrame:
    """The KOSTRA measures for reference regions (a KOSTRA group, Landet) in one year, in the
    columns of `table`, without ranks: shown under a comparison, never ranked in it."""
    parts = []
    for measure in KOSTRA_MEASURES:
        rows = _in_year(measure.code, year).reindex(list(codes)).dropna(subset=["value"])
        parts.append(rows.reset_index().assign(indicator_code=measure.code))
    frame = pd.concat(parts, ignore_index=True)
    frame["rank"] = pd.array([pd.NA] * len(frame), dtype="Int64")
    frame["ranked_of"] = pd.NA
    frame["estimated"] = frame["estimated"].astype("boolean")
    return frame


def indexed(rows: pd.DataFrame, base_year: int) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """Series divided by their own base-year value, ×100, and the codes that lack that value.

    A municipality without a positive value in the base year cannot be indexed: it is left
    out and returned in the second element so the reader can be told.
    """
    base = rows[rows["year"] == base_year].set_index("region_code")["value"]
    base = base[base > 0]
    kept = rows[rows["region_code"].isin(base.index)]
    out = kept.assign(index=100 * kept["value"] / kept["region_code"].map(base))
    lacking = tuple(dict.fromkeys(c for c in rows["region_code"] if c not in base.index))
    return out.reset_index(drop=True), lacking


def nearest_in_size(codes: tuple[str, ...], year: int, limit: int) -> tuple[str, ...]:
    """The first code and the `limit - 1` others whose population is closest to its own.

    Closeness is the ratio of populations (|log a/b|), so 10 000 is as near 20 000 as
    100 000 is to 200 000. Used to pick panels when a set is too large to draw.
    """
    if len(codes) <= limit:
        return codes
    people = series("folketall", codes)
    people = people[people["year"] == year].set_index("region_code")["value"]
    own = people.get(codes[0], math.nan)

    def distance(code: str) -> float:
        value = people.get(code, math.nan)
        gap = abs(math.log(value / own)) if value > 0 and own > 0 else math.inf
        return math.inf if math.isnan(gap) else gap

    closest = sorted(codes[1:], key=distance)[: limit - 1]
    return (codes[0], *[c for c in codes[1:] if c in closest])


def years() -> list[int]:
    """Years the comparison table can show: every population year and every KOSTRA year."""
    kostra_years = {y for m in KOSTRA_MEASURES for y in kostra.years(m.code)}
    return sorted(set(befolkning.years()) | kostra_years)


def default_year() -> int:
    """The newest year with KOSTRA figures (else population): both families exist then."""
    kostra_years = [y for m in KOSTRA_MEASURES for y in kostra.years(m.code)]
    return max(kostra_years) if kostra_years else max(befolkning.years())


def base_years(measure_code: str, codes: tuple[str, ...]) -> list[int]:
    """Years a series of `codes` can be indexed to: those with a value for any of them."""
    rows = series(measure_code, codes)
    return sorted(rows.loc[rows["value"].notna(), "year"].unique().tolist())


def default_base_year(measure_code: str, codes: tuple[str, ...]) -> int | None:
    """The first year with a value for the chosen municipality (else for any in the set)."""
    rows = series(measure_code, codes)
    rows = rows[rows["value"].notna()]
    own = rows.loc[rows["region_code"] == codes[0], "year"]
    pool = own if len(own) else rows["year"]
    return int(pool.min()) if len(pool) else None
