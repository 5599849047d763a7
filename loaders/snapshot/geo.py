"""Municipality and county boundaries (Kartverket, 2024 codes) and the neighbours they imply."""

from __future__ import annotations

import json

import pandas as pd
from shapely import make_valid
from shapely.geometry import shape
from shapely.strtree import STRtree

from kommuneokonomi.datasets import LICENCE_KARTVERKET
from loaders.snapshot.base import Built, Seed
from loaders.store import Source

KOMMUNER = "geo/kommuner_2024.geojson"
FYLKER = "geo/fylker_2024.geojson"

SOURCE_KOMMUNER = Source(
    title="Kommunegrenser 2024 (forenklet, WGS84)",
    publisher="Kartverket",
    licence=LICENCE_KARTVERKET,
    file=KOMMUNER,
    origin="robhop/fylker-og-kommuner@ae878250",
    period="2024",
    reference_date="2024-01-01",
)
SOURCE_FYLKER = Source(
    title="Fylkesgrenser 2024 (forenklet, WGS84)",
    publisher="Kartverket",
    licence=LICENCE_KARTVERKET,
    file=FYLKER,
    origin="robhop/fylker-og-kommuner@ae878250",
    period="2024",
    reference_date="2024-01-01",
)


def _normalised(features: list[dict], code_key: str, name_key: str) -> bytes:
    """GeoJSON with `id` = region code, properties {code, name}, in code order, compact."""
    out = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": f["properties"][code_key],
                "properties": {
                    "code": f["properties"][code_key],
                    "name": f["properties"][name_key],
                },
                "geometry": f["geometry"],
            }
            for f in sorted(features, key=lambda f: f["properties"][code_key])
        ],
    }
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def _features(seed: Seed, relative: str) -> list[dict]:
    return json.loads(seed.path(relative).read_text(encoding="utf-8"))["features"]


def build_kommunegrenser(seed: Seed, kommuner: pd.DataFrame) -> Built:
    """Municipality polygons keyed by the 2024 code; every current municipality must have one."""
    features = _features(seed, KOMMUNER)
    codes = {f["properties"]["kommunenummer"] for f in features}
    if codes != set(kommuner["kommune_code"]):
        diff = codes ^ set(kommuner["kommune_code"])
        raise ValueError(f"{KOMMUNER} codes differ from the municipality list: {sorted(diff)}")
    payload = _normalised(features, "kommunenummer", "kommunenavn")
    return Built("kommunegrenser", [SOURCE_KOMMUNER], payload=payload)


def build_fylkesgrenser(seed: Seed) -> Built:
    """County polygons keyed by the 2024 county code."""
    payload = _normalised(_features(seed, FYLKER), "fylkesnummer", "fylkesnavn")
    return Built("fylkesgrenser", [SOURCE_FYLKER], payload=payload)


def build_naboer(seed: Seed) -> Built:
    """Pairs of municipalities whose (land) boundaries touch, in both directions."""
    features = _features(seed, KOMMUNER)
    codes = [f["properties"]["kommunenummer"] for f in features]
    # NOTE: some simplified polygons self-intersect; make_valid repairs them before the test.
    geoms = [make_valid(shape(f["geometry"])) for f in features]
    tree = STRtree(geoms)
    pairs = {
        (codes[i], codes[j])
        for i, geom in enumerate(geoms)
        for j in tree.query(geom, predicate="intersects")
        if i != j
    }
    pairs |= {(b, a) for a, b in pairs}
    frame = pd.DataFrame(sorted(pairs), columns=["kommune_code", "nabo_code"])
    note = (
        "Naboer er beregnet fra forenklede kommunegrenser på land: kommuner uten landgrense "
        "mot andre (øykommuner) har ingen naboer her."
    )
    return Built("naboer", [SOURCE_KOMMUNER], frame=frame, notes=[note])
