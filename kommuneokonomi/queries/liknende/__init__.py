"""Liknende kommuner: the municipalities most like a given one on structural figures, and why.

`features` builds the figures from the served datasets, `model` holds the method (robust
z-scores, weighted distance, similarity 0–100, reasons), and this module the cached queries
a view calls: `nearest(kommune, weights)` for the list and its reasons, `figures(...)` for
the list with every figure compared (tables, exports), `standardised()` for the figures of
all municipalities with their sources. The method and its check are described in docs/liknende.md.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from kommuneokonomi.queries.cache import cached
from kommuneokonomi.queries.liknende import features, model
from kommuneokonomi.queries.liknende.features import FEATURES, FeatureTable
from kommuneokonomi.queries.liknende.model import DEFAULT_PRESET, PRESETS, Scale, Weights

__all__ = [
    "DEFAULT_PRESET",
    "FEATURES",
    "N_NEAREST",
    "PRESETS",
    "Neighbours",
    "Standardised",
    "figures",
    "nearest",
    "pairwise_distances",
    "standardised",
]

N_NEAREST = 10


@dataclass(frozen=True)
class Standardised:
    """The feature table with every feature's robust z-scores and the scale behind them."""

    table: FeatureTable
    z: pd.DataFrame
    scales: dict[str, Scale]


@cached(maxsize=1)
def standardised() -> Standardised:
    """Every municipality's figures, their sources and z-scores (built once per data)."""
    table = features.build()
    z, scales = model.standardise(table.values)
    return Standardised(table, z, scales)


@dataclass(frozen=True)
class Pairwise:
    """Distances between all municipalities under one set of weights, and the median
    distance of all pairs (the 0 of the similarity scale)."""

    codes: tuple[str, ...]
    matrix: np.ndarray
    typical: float


@cached(maxsize=32)
def pairwise_distances(chosen: Weights) -> Pairwise:
    """All distances for one set of weights (from `model.weights`)."""
    z = standardised().z
    matrix = model.pairwise(z.to_numpy(), model.weight_vector(chosen, z.columns))
    matrix.flags.writeable = False
    return Pairwise(tuple(z.index), matrix, model.typical_distance(matrix))


@dataclass(frozen=True)
class Neighbours:
    """The municipalities most like `kommune`, nearest first.

    `table`: rank, kommune_code, similarity (0–100), distance, coverage (share of the weight
    the comparison rests on), close (codes of the features that make it close) and differs
    (the feature that adds most to the distance). `reasons`: one row per neighbour and
    feature (see `model.reasons`). `own_missing`: features `kommune` itself has no figure for.
    """

    kommune: str
    weights: Weights
    preset: str | None
    table: pd.DataFrame
    reasons: pd.DataFrame
    typical_distance: float
    own_missing: tuple[str, ...]


@cached(maxsize=256)
def nearest(kommune_code: str, chosen: Weights | None = None, n: int = N_NEAREST) -> Neighbours:
    """The `n` municipalities nearest `kommune_code` under the weights (default preset if
    None), each with its similarity and the figures that make it close or set it apart.

    Raises ValueError for a code that is not a current municipality.
    """
    chosen = chosen or model.weights()
    scaled = standardised()
    pairs = pairwise_distances(chosen)
    try:
        row = pairs.codes.index(kommune_code)
    except ValueError:
        raise ValueError(f"{kommune_code!r} is not a current municipality code") from None
    d = pairs.matrix[row]
    w = model.weight_vector(chosen, scaled.z.columns)
    coverage = model.distances(scaled.z.to_numpy(), row, w)[1]
    order = [i for i in np.argsort(d, kind="stable") if i != row and not np.isnan(d[i])][:n]
    codes = [pairs.codes[i] for i in order]
    reasons = model.reasons(scaled.z, scaled.table.values, kommune_code, codes, chosen)
    table = pd.DataFrame(
        {
            "rank": np.arange(1, len(codes) + 1),
            "kommune_code": codes,
            "similarity": model.similarity(d[order], pairs.typical),
            "distance": d[order],
            "coverage": coverage[order],
            "close": reasons.close,
            "differs": reasons.differs,
        }
    )
    own = scaled.table.values.loc[kommune_code]
    return Neighbours(
        kommune_code,
        chosen,
        model.preset_of(chosen),
        table,
        reasons.frame,
        pairs.typical,
        tuple(own.index[own.isna()]),
    )


@cached(maxsize=64)
def figures(kommune_code: str, chosen: Weights | None = None, n: int = N_NEAREST) -> pd.DataFrame:
    """The municipality and its `n` nearest with every figure compared, for tables and
    exports: rank (0 for the municipality itself), kommune_code, similarity, then one column
    per feature in natural units (NaN where missing; sources in `standardised().table`)."""
    result = nearest(kommune_code, chosen, n)
    codes = [kommune_code, *result.table["kommune_code"]]
    values = standardised().table.values.loc[codes].reset_index()
    head = pd.DataFrame(
        {
            "rank": [0, *result.table["rank"]],
            "similarity": [np.nan, *result.table["similarity"]],
        }
    )
    return pd.concat([head, values], axis=1)[
        ["rank", "kommune_code", "similarity", *(f.code for f in FEATURES)]
    ]
