"""Does the similarity model (kommuneokonomi.queries.liknende) make sense? Prints figures.

1. the features: source, year, coverage and robust scale;
2. the boundary areas against Kartverket's published areas;
3. the similarity scale: typical pair distance, nearest distances;
4. per KOSTRA group, the share of a member's 10 nearest that are in its group (against
   chance and against "nearest in population only");
5. stability: mean overlap of the 10-nearest sets when each weight moves ±20 %;
6. the 10 nearest of ten municipalities, with the figures that make each close and the one
   that differs most, for the hand check in docs/liknende.md.

    .venv/bin/python bench/liknende_check.py [--preset standard] [--only groups,stability,...]
"""

from __future__ import annotations

import argparse

import numpy as np
import pandas as pd

from kommuneokonomi import data
from kommuneokonomi.queries import liknende
from kommuneokonomi.queries.kommuner import index
from kommuneokonomi.queries.liknende import model
from kommuneokonomi.queries.liknende.areal import kommune_areas

N = liknende.N_NEAREST
HAND_CHECKED = (
    "0301",  # Oslo
    "4601",  # Bergen (city)
    "5001",  # Trondheim (city)
    "3201",  # Bærum (suburb)
    "3222",  # Lørenskog (suburb; no utgiftsbehov figure)
    "1508",  # Ålesund (regional centre; no ten-year growth: split in 2024)
    "4203",  # Arendal (regional centre)
    "1867",  # Bø i Nordland (small coastal)
    "4632",  # Austrheim (small coastal, industry)
    "3424",  # Rendalen (small inland)
)
# Kartverket, «Storleiken på landet», area per 1.1.2024 of land and fresh water without sea
# (Rendalen total with fresh water; Kvitsøy land area), km².
KARTVERKET_KM2 = {
    "0301": 454.12,
    "1101": 432.49,
    "1103": 262.35,
    "1106": 72.68,
    "1108": 1040.60,
    "1111": 294.98,
    "1112": 408.39,
    "1114": 650.55,
    "1120": 113.48,
    "1121": 183.18,
    "1122": 617.98,
    "1124": 69.04,
    "1127": 24.72,
    "1144": 6.29,
    "3424": 3179.51,
}
MAINLAND_KM2 = 323_810
BAND_WORDS = {"same": "om lag like", "somewhat": "litt", "clearly": "klart", "much": "mye"}
WORDS = {
    "folketall": ("flere innbyggere", "færre innbyggere", "like mange innbyggere"),
    "vekst_10ar": ("mer vekst siste 10 år", "mindre vekst siste 10 år", "lik vekst siste 10 år"),
    "vekst_2050": ("mer vekst til 2050", "mindre vekst til 2050", "lik vekst til 2050"),
    "andel_0_19": ("flere unge", "færre unge", "like stor andel unge"),
    "andel_67": ("flere 67+", "færre 67+", "like stor andel 67+"),
    "andel_80": ("flere 80+", "færre 80+", "like stor andel 80+"),
    "sentralitet": ("mer sentral", "mindre sentral", "like sentral"),
    "tetthet": ("tettere bosatt", "spredtere bosatt", "like tett bosatt"),
    "driftsinntekter": ("høyere inntekter", "lavere inntekter", "like store inntekter"),
    "utgiftsbehov": ("høyere utgiftsbehov", "lavere utgiftsbehov", "likt utgiftsbehov"),
}


def words(feature: str, band: str, direction: str | None) -> str:
    """A reason in plain words, as the UI might put it ('mye mer sentral')."""
    more, less, same = WORDS[feature]
    if band == "same":
        return same
    return f"{BAND_WORDS[band]} {more if direction == 'more' else less}"


def top_sets(matrix: np.ndarray, n: int = N) -> list[frozenset[int]]:
    """Each row's n nearest other rows (NaN distances excluded), as index sets."""
    out = []
    for i, row in enumerate(matrix):
        order = [j for j in np.argsort(row, kind="stable") if j != i and not np.isnan(row[j])]
        out.append(frozenset(order[:n]))
    return out


def matrix_for(chosen: model.Weights) -> np.ndarray:
    """All pairwise distances under the weights (not cached: the check tries many)."""
    z = liknende.standardised().z
    return model.pairwise(z.to_numpy(), model.weight_vector(chosen, z.columns))


def show_features() -> None:
    scaled = liknende.standardised()
    print("## Features\n")
    print("| feature | source | year / period | with value | median | spread (z = 1) | log |")
    print("|---|---|---|---|---|---|---|")
    for feature in liknende.FEATURES:
        source = scaled.table.sources[feature.code]
        scale = scaled.scales[feature.code]
        centre = np.exp(scale.center) if feature.log else scale.center
        spread = f"× {np.exp(scale.spread):.2f}" if feature.log else f"± {scale.spread:.2f}"
        count = int(scaled.table.values[feature.code].notna().sum())
        print(
            f"| {feature.code} | {source.table_id}{' (tredjepart)' if source.third_party else ''}"
            f" | {source.period} | {count} | {centre:,.2f} | {spread} | {feature.log} |"
        )
    print("\nMissing:", scaled.table.missing.to_dict("records"))


def show_areas() -> None:
    areas = kommune_areas(data.geojson("kommunegrenser"))
    ix = index()
    print("\n## Boundary areas against Kartverket (land and fresh water, no sea)\n")
    print("| kommune | polygon km² | Kartverket km² | difference |")
    print("|---|---|---|---|")
    for code, official in KARTVERKET_KM2.items():
        ours = areas[code]
        gap = 100 * (ours / official - 1)
        print(f"| {ix.label(code)} | {ours:,.1f} | {official:,.2f} | {gap:+.1f} % |")
    total = sum(areas.values())
    print(
        f"| mainland Norway | {total:,.0f} | {MAINLAND_KM2:,} | "
        f"{100 * (total / MAINLAND_KM2 - 1):+.1f} % |"
    )


def show_scale(chosen: model.Weights) -> None:
    pairs = liknende.pairwise_distances(chosen)
    m = pairs.matrix.copy()
    np.fill_diagonal(m, np.nan)
    ordered = np.sort(m, axis=1)
    print(f"\n## Similarity scale ({model.preset_of(chosen) or 'changed weights'})\n")
    print(f"typical (median) pair distance: {pairs.typical:.3f}")
    for k in (1, N):
        d = ordered[:, k - 1]
        q = np.nanquantile(d, [0.1, 0.5, 0.9])
        s = model.similarity(q, pairs.typical)
        print(
            f"nearest #{k}: distance p10/p50/p90 {q[0]:.2f} / {q[1]:.2f} / {q[2]:.2f}"
            f" → similarity {s[0]:.0f} / {s[1]:.0f} / {s[2]:.0f}"
        )


def show_groups(chosen: model.Weights) -> None:
    members = data.frame("kostragruppe_medlemskap")
    year = int(members["year"].max())
    group = members[members["year"] == year].set_index("kommune_code")["kostragruppe_code"]
    codes = list(liknende.standardised().z.index)
    labels = group.reindex(codes).to_numpy()
    model_sets = top_sets(matrix_for(chosen))
    size_only = top_sets(matrix_for((("folketall", 1.0),)))
    rows = []
    for g in sorted(set(labels)):
        idx = np.flatnonzero(labels == g)
        share = [np.mean([labels[j] == g for j in model_sets[i]]) for i in idx]
        share_size = [np.mean([labels[j] == g for j in size_only[i]]) for i in idx]
        chance = (len(idx) - 1) / (len(codes) - 1)
        rows.append((g, len(idx), np.mean(share), np.mean(share_size), chance))
    print(f"\n## KOSTRA groups ({year}): share of the {N} nearest in the own group\n")
    print("| group | members | model | population only | chance |")
    print("|---|---|---|---|---|")
    for g, n, s, s_size, chance in rows:
        print(f"| {g} | {n} | {100 * s:.0f} % | {100 * s_size:.0f} % | {100 * chance:.1f} % |")
    weights_n = np.array([r[1] for r in rows])
    for label, column in (("model", 2), ("population only", 3), ("chance", 4)):
        mean = np.average([r[column] for r in rows], weights=weights_n)
        print(f"all municipalities, {label}: {100 * mean:.0f} %")


def show_stability(chosen: model.Weights) -> None:
    base = top_sets(matrix_for(chosen))
    print(f"\n## Stability: overlap of the {N} nearest when one weight moves ±20 %\n")
    print("| feature | weight | −20 % mean overlap | −20 % min | +20 % mean overlap | +20 % min |")
    print("|---|---|---|---|---|---|")
    summary = []
    for code, weight in chosen:
        if weight == 0:
            print(f"| {code} | 0 | – | – | – | – |")
            continue
        cells = []
        for factor in (0.8, 1.2):
            moved = tuple((c, w * factor if c == code else w) for c, w in chosen)
            sets = top_sets(matrix_for(moved))
            overlap = np.array([len(a & b) / N for a, b in zip(base, sets, strict=True)])
            summary.append(overlap.mean())
            cells += [f"{100 * overlap.mean():.1f} %", f"{100 * overlap.min():.0f} %"]
        print(f"| {code} | {weight:g} | " + " | ".join(cells) + " |")
    print(f"mean over all moves: {100 * np.mean(summary):.1f} %")


def show_lists(chosen: model.Weights, codes: tuple[str, ...]) -> None:
    ix = index()
    print(f"\n## The {N} nearest ({model.preset_of(chosen) or 'changed weights'})")
    for code in codes:
        result = liknende.nearest(code, chosen)
        own = liknende.standardised().table.values.loc[code]
        print(f"\n### {ix.label(code)}")
        print(
            f"folketall {own['folketall']:,.0f}, sentralitet {own['sentralitet']:.0f}, "
            f"tetthet {own['tetthet']:.1f}/km², driftsinntekter {own['driftsinntekter']:,.0f} kr, "
            f"utgiftsbehov {own['utgiftsbehov']:.3f}"
            + (f"; mangler: {', '.join(result.own_missing)}" if result.own_missing else "")
        )
        print("\n| # | kommune | likhet | nær fordi | skiller seg mest |")
        print("|---|---|---|---|---|")
        for row in result.table.itertuples():
            reasons = result.reasons[result.reasons["kommune_code"] == row.kommune_code]
            by_feature = reasons.set_index("feature")

            def said(feature: str, by_feature: pd.DataFrame = by_feature) -> str:
                row = by_feature.loc[feature]
                return words(feature, row["band"], row["direction"])

            close = ", ".join(said(f) for f in row.close)
            differs = said(row.differs) if row.differs else "–"
            name = ix.name(row.kommune_code)
            print(f"| {row.rank} | {name} | {row.similarity:.0f} | {close} | {differs} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--preset", default=model.DEFAULT_PRESET, choices=list(model.PRESETS))
    parser.add_argument(
        "--only",
        default="features,areas,scale,groups,stability,lists",
        help="comma-separated sections",
    )
    parser.add_argument("--kommune", action="append", help="list these instead of the ten")
    args = parser.parse_args()
    chosen = model.weights(args.preset)
    sections = set(args.only.split(","))
    print(f"weights ({args.preset}): {dict(chosen)}")
    if "features" in sections:
        show_features()
    if "areas" in sections:
        show_areas()
    if "scale" in sections:
        show_scale(chosen)
    if "groups" in sections:
        show_groups(chosen)
    if "stability" in sections:
        show_stability(chosen)
    if "lists" in sections:
        show_lists(chosen, tuple(args.kommune or HAND_CHECKED))


if __name__ == "__main__":
    main()
