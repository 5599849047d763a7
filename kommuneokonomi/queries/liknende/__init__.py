"""Liknende kommuner: the municipalities most like a given one on structural figures, and why.

`features` builds the figures from the served datasets, `model` holds the method (robust
z-scores, weighted distance, similarity 0–100, reasons), and this module the cached queries
a view calls: `nearest(kommune, weights)` for the list, `standardised()` for the figures and
their sources. The method and its check are described in docs/liknende.md.
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
    "PRESETS",
    "Neighbours",
    "Standardised",
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
    role = reasons.groupby("kommune_code", sort=False)
    table = pd.DataFrame(
        {
            "rank": np.arange(1, len(codes) + 1),
            "kommune_code": codes,
            "similarity": model.similarity(d[order], pairs.typical),
            "distance": d[order],
            "coverage": coverage[order],
            "close": [_by_gap(g.loc[g["role"] == "close"]) for _, g in role],
            "differs": [
                next(iter(g.loc[g["role"] == "differs", "feature"]), None) for _, g in role
            ],
        }
    )
    own = scaled.table.values.loc[kommune_code]
    return Neighbours(
        kommune_code,
        chosen,
        model.preset_of(chosen),
        table,
        reasons,
        pairs.typical,
        tuple(own.index[own.isna()]),
    )


def _by_gap(rows: pd.DataFrame) -> tuple[str, ...]:
    """Feature codes, the smallest absolute z difference first."""
    return tuple(rows.sort_values("z_diff", key=np.abs, kind="stable")["feature"])
