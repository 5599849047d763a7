"""The similarity model: robust standardisation, weighted distance, similarity 0–100 and
the reasons a municipality is near another. Pure functions over frames and arrays.

- Each figure (log-transformed where it is a size or a ratio) is standardised robustly:
  z = (x − median) / (IQR / 1.349), so one unit is the spread a normal distribution's
  standard deviation would have, and a few extreme municipalities do not set the scale.
- The distance between two municipalities is the weighted root mean square of their
  z differences over the figures both have: a missing figure drops out and the weights of
  the others are renormalised, so nothing is filled in. A pair that shares less than
  `MIN_COVERAGE` of the total weight is not compared.
- Similarity = 100 × (1 − d / d_typical), at least 0, where d_typical is the median distance
  between all pairs of municipalities under the same weights: 100 is identical on every
  figure compared, 0 is no more alike than two municipalities picked at random.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from kommuneokonomi.queries.liknende.features import FEATURE_CODES, FEATURES, Feature

IQR_NORMAL = 1.349  # IQR of a standard normal distribution
MIN_COVERAGE = 0.5  # share of the total weight two municipalities must both have figures for
MAX_WEIGHT = 5.0
Z_CAP = 3.0  # in distances a figure counts at most this many robust spreads from the median

# How far apart two municipalities are on one figure, in robust standard deviations (|Δz|):
# below 0.15 "about the same", below 0.4 "somewhat", below 1 "clearly", else "much". For the
# population (one spread is a factor 3.8) that is within 22 %, within a factor 1.7, 3.8.
BANDS: tuple[tuple[float, str], ...] = ((0.15, "same"), (0.4, "somewhat"), (1.0, "clearly"))
MUCH = "much"
CLOSE_BANDS = 2  # a reason for closeness is at most 'somewhat' apart
CLOSE_REASONS = 3

Weights = tuple[tuple[str, float], ...]

PRESETS: dict[str, dict[str, float]] = {
    "standard": {
        "folketall": 2.0,
        "vekst_10ar": 1.0,
        "vekst_2050": 1.0,
        "andel_0_19": 0.5,
        "andel_67": 1.0,
        "andel_80": 0.5,
        "sentralitet": 1.5,
        "tetthet": 1.0,
        "driftsinntekter": 1.0,
        "utgiftsbehov": 1.0,
    },
    "struktur": {
        "folketall": 3.0,
        "sentralitet": 2.0,
        "tetthet": 2.0,
        "utgiftsbehov": 1.0,
        "vekst_10ar": 0.5,
        "vekst_2050": 0.5,
    },
    "demografi": {
        "folketall": 1.0,
        "vekst_10ar": 2.0,
        "vekst_2050": 2.0,
        "andel_0_19": 2.0,
        "andel_67": 2.0,
        "andel_80": 2.0,
    },
    "okonomi": {
        "folketall": 1.0,
        "sentralitet": 1.0,
        "driftsinntekter": 3.0,
        "utgiftsbehov": 3.0,
    },
}
DEFAULT_PRESET = "standard"


def weights(preset: str = DEFAULT_PRESET, changes: Mapping[str, float] | None = None) -> Weights:
    """A preset's weights with some changed, checked, in feature order (hashable for caches).

    Raises ValueError naming the problem: unknown preset or feature, a weight that is not a
    number from 0 to MAX_WEIGHT, or every weight zero.
    """
    if preset not in PRESETS:
        raise ValueError(f"unknown preset {preset!r}; known: {', '.join(PRESETS)}")
    chosen = {**PRESETS[preset], **(changes or {})}
    unknown = set(chosen) - set(FEATURE_CODES)
    if unknown:
        raise ValueError(
            f"unknown feature(s) {', '.join(sorted(unknown))}; known: {', '.join(FEATURE_CODES)}"
        )
    out = []
    for code in FEATURE_CODES:
        value = chosen.get(code, 0.0)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"weight of {code} must be a number, got {value!r}")
        if not 0 <= value <= MAX_WEIGHT:  # also rejects NaN
            raise ValueError(f"weight of {code} must be from 0 to {MAX_WEIGHT:g}, got {value!r}")
        out.append((code, float(value)))
    if not any(w > 0 for _, w in out):
        raise ValueError("at least one weight must be above 0")
    return tuple(out)


def preset_of(chosen: Weights) -> str | None:
    """The preset these weights equal, or None when they have been changed."""
    return next((name for name in PRESETS if weights(name) == chosen), None)


@dataclass(frozen=True)
class Scale:
    """How one feature was standardised: centre (median), spread (IQR / 1.349) and method:
    'iqr', or 'constant' when the middle half of the values are all equal (or there are
    none), so the feature cannot tell most municipalities apart and drops out."""

    center: float
    spread: float
    method: str


def robust_scale(values: pd.Series) -> Scale:
    """Median and normal-consistent IQR of the non-missing values.

    NOTE: no MAD fallback: when the IQR is 0 more than half the values equal the median, so
    the MAD is 0 as well.
    """
    x = values.dropna().to_numpy(dtype=float)
    if len(x) == 0:
        return Scale(np.nan, np.nan, "constant")
    center = float(np.median(x))
    q1, q3 = np.quantile(x, [0.25, 0.75])
    if q3 > q1:
        return Scale(center, float(q3 - q1) / IQR_NORMAL, "iqr")
    return Scale(center, np.nan, "constant")


def transformed(values: pd.DataFrame, features: Sequence[Feature] = FEATURES) -> pd.DataFrame:
    """The features on the scale they are compared on: log for sizes and ratios."""
    out = values[[f.code for f in features]].astype(float)
    for feature in features:
        if feature.log:
            column = out[feature.code]
            if (column <= 0).any():
                raise ValueError(f"{feature.code} must be above 0 to be compared as a ratio")
            out[feature.code] = np.log(column)
    return out


def standardise(
    values: pd.DataFrame, features: Sequence[Feature] = FEATURES
) -> tuple[pd.DataFrame, dict[str, Scale]]:
    """Robust z-scores of every feature (NaN stays NaN) and the scale used for each.

    A feature with no spread (or no values) gets NaN throughout, so it drops out of every
    distance instead of dividing by zero.
    """
    logged = transformed(values, features)
    scales = {code: robust_scale(logged[code]) for code in logged.columns}
    z = pd.DataFrame(
        {code: (logged[code] - s.center) / s.spread for code, s in scales.items()},
        index=values.index,
    )
    return z, scales


def weight_vector(chosen: Weights, columns: Sequence[str]) -> np.ndarray:
    """The weights in the order of `columns` (0 for a feature the weights do not name)."""
    lookup = dict(chosen)
    return np.array([lookup.get(code, 0.0) for code in columns], dtype=float)


def distances(z: np.ndarray, target: int, w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distance from row `target` to every row, and the share of the total weight each
    distance rests on. z beyond ±Z_CAP counts as ±Z_CAP, so one extreme figure cannot decide
    a list alone. Features either side lacks drop out and the weights are renormalised over
    the rest; below MIN_COVERAGE the distance is NaN (not comparable)."""
    capped = np.clip(z, -Z_CAP, Z_CAP)
    return _weighted_rms(capped - capped[target], w, _available_weight(z, w))


def pairwise(z: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Distances between every pair of rows (n × n, NaN where not comparable): what
    `distances` gives row by row, as matrix products (Σ w(a−b)² = Σ wa² + Σ wb² − 2 Σ wab
    over the features both have), so new weights cost milliseconds."""
    capped = np.clip(z, -Z_CAP, Z_CAP)
    has = (~np.isnan(capped)).astype(float)
    a = np.nan_to_num(capped)
    weighted = has * w
    # NOTE: einsum, not @: BLAS would start a thread pool for these small products, and on a
    # busy two-core server its threads made a 5 ms computation take 100 ms.
    used = np.einsum("ik,jk->ij", weighted, has)
    a2 = weighted * a**2
    cross = np.einsum("ik,jk->ij", weighted * a, a)
    squared = np.maximum(
        np.einsum("ik,jk->ij", a2, has) + np.einsum("ik,jk->ij", has, a2) - 2 * cross, 0.0
    )
    with np.errstate(invalid="ignore", divide="ignore"):
        d = np.sqrt(squared / used)
    available = _available_weight(z, w)
    coverage = used / available if available > 0 else np.zeros_like(used)
    d[coverage < MIN_COVERAGE] = np.nan
    np.fill_diagonal(d, 0.0)
    return d


def _available_weight(z: np.ndarray, w: np.ndarray) -> float:
    """The weight of the features anyone has a figure for (a feature nobody has, such as a
    figure the served data lacks altogether, costs no one coverage)."""
    return float(w[~np.isnan(z).all(axis=0)].sum())


def _weighted_rms(
    diff: np.ndarray, w: np.ndarray, available: float
) -> tuple[np.ndarray, np.ndarray]:
    """sqrt(Σ w·Δ² / Σ w) over the last axis, skipping NaN differences, and the coverage."""
    have = ~np.isnan(diff) & (w > 0)
    used = have @ w
    squared = np.where(have, diff, 0.0) ** 2 @ w
    with np.errstate(invalid="ignore", divide="ignore"):
        d = np.sqrt(squared / used)
    coverage = used / available if available > 0 else np.zeros_like(used)
    d[coverage < MIN_COVERAGE] = np.nan
    return d, coverage


def typical_distance(matrix: np.ndarray) -> float:
    """Median distance over all distinct pairs: the 'no more alike than chance' level."""
    upper = matrix[np.triu_indices_from(matrix, k=1)]
    return float(np.nanmedian(upper))


def similarity(d: np.ndarray | float, typical: float) -> np.ndarray:
    """0–100: 100 identical on every figure compared, 0 at or beyond the typical distance."""
    return np.clip(100 * (1 - np.asarray(d, dtype=float) / typical), 0, 100)


BAND_NAMES = (*(name for _, name in BANDS), MUCH)


@dataclass(frozen=True)
class Reasons:
    """Why each neighbour is near: `frame` has a row per neighbour and feature (see
    `reasons`); `close` and `differs` summarise it per neighbour, in the order given."""

    frame: pd.DataFrame
    close: list[tuple[str, ...]]
    differs: list[str | None]


def reasons(
    z: pd.DataFrame,
    raw: pd.DataFrame,
    own: str,
    others: Sequence[str],
    chosen: Weights,
    features: Sequence[Feature] = FEATURES,
) -> Reasons:
    """Per neighbour in `others` and feature, how it compares with `own`.

    Frame columns: kommune_code (the neighbour), feature, own_value, other_value, weight, z_diff
    (other − own, as the figures are, not capped), band (how far apart, see BANDS), direction
    ('more'/'less', missing when about the same, in the sense of the feature's name: a lower
    centrality class is 'more' central), share (of the pair's weighted squared difference)
    and role: 'differs' for the feature that adds most to the difference, 'close' for up to
    three with the smallest |Δz| that are at most 'somewhat' apart and carry at least half
    the mean weight of the features compared (a feature weighted near zero is no reason),
    else missing. A feature without weight or without a figure on either side has no
    z_diff, band or role. `close` lists each neighbour's close features, nearest first.
    """
    codes = [f.code for f in features]
    w = weight_vector(chosen, codes)
    gap = z.loc[list(others), codes].to_numpy(dtype=float) - z.loc[own, codes].to_numpy(dtype=float)
    compared = ~np.isnan(gap) & (w > 0)
    gap = np.where(compared, gap, np.nan)
    size = np.abs(gap)
    level = np.digitize(np.nan_to_num(size, nan=np.inf), [limit for limit, _ in BANDS])
    contribution = np.where(compared, w * np.nan_to_num(gap) ** 2, 0.0)
    total = contribution.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(compared, contribution / total, np.nan)
    inverted = np.array([-1.0 if f.inverted else 1.0 for f in features])
    sign = np.sign(np.nan_to_num(gap)) * inverted
    role = np.full(gap.shape, None, dtype=object)
    close: list[tuple[str, ...]] = []
    differs: list[str | None] = []
    for i in range(len(gap)):
        row = compared[i].copy()
        differs.append(None)
        if not row.any():
            close.append(())
            continue
        if total[i, 0] > 0:
            most = int(np.argmax(contribution[i]))
            role[i, most] = "differs"
            differs[i] = codes[most]
            row[most] = False
        strong = row & (w >= 0.5 * w[compared[i]].mean()) & (level[i] < CLOSE_BANDS)
        candidates = np.flatnonzero(strong)
        ranked = candidates[np.lexsort((-w[candidates], size[i, candidates]))][:CLOSE_REASONS]
        role[i, ranked] = "close"
        close.append(tuple(codes[j] for j in ranked))
    band_names = np.array(BAND_NAMES, dtype=object)[np.minimum(level, len(BANDS))]
    direction = np.where(sign > 0, "more", "less").astype(object)
    direction[~compared | (level == 0)] = None
    m, k = gap.shape
    frame = pd.DataFrame(
        {
            "kommune_code": np.repeat(list(others), k),
            "feature": np.tile(codes, m),
            "own_value": np.tile(raw.loc[own, codes].to_numpy(dtype=float), m),
            "other_value": raw.loc[list(others), codes].to_numpy(dtype=float).ravel(),
            "weight": np.tile(w, m),
            "z_diff": gap.ravel(),
            "band": np.where(compared, band_names, None).ravel(),
            "direction": direction.ravel(),
            "share": share.ravel(),
            "role": role.ravel(),
        }
    )
    return Reasons(frame, close, differs)
