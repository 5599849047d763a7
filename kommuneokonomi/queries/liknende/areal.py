"""The area of each municipality's boundary polygon, measured on the ellipsoid.

The boundaries (Kartverket 2024, simplified, WGS84 longitude/latitude) are measured as
geodesic polygons on the GRS80 ellipsoid, so no map projection distorts the areas.
NOTE: the polygons follow the coastline: they hold land and fresh water (lakes, rivers) but
no sea, like Kartverket's «fastland og øyer» figure (Oslo 454 km², not 481 km² with the
fjord). The simplification drops small islands, so island municipalities come out smaller
than Kartverket's own figure, a few far smaller (Kvitsøy 2.2 km², Kartverket 6.3 km²);
docs/liknende.md has the check.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from pyproj import Geod

ELLIPSOID = "GRS80"


def area_km2(geometry: dict[str, Any]) -> float:
    """Area of a GeoJSON Polygon or MultiPolygon in longitude/latitude degrees, in km².

    Each polygon is its outer ring less its holes; rings are measured unsigned, since GeoJSON
    files do not all draw rings in the orientation RFC 7946 asks for.
    """
    kind = geometry.get("type")
    if kind == "Polygon":
        polygons = [geometry["coordinates"]]
    elif kind == "MultiPolygon":
        polygons = geometry["coordinates"]
    else:
        raise ValueError(f"expected a Polygon or MultiPolygon, got {kind!r}")
    geod = Geod(ellps=ELLIPSOID)

    def ring_m2(ring: list[list[float]]) -> float:
        points = np.asarray(ring, dtype=float)
        return abs(geod.polygon_area_perimeter(points[:, 0], points[:, 1])[0])

    total = sum(ring_m2(outer) - sum(ring_m2(hole) for hole in holes) for outer, *holes in polygons)
    return total / 1e6


def kommune_areas(collection: dict[str, Any]) -> dict[str, float]:
    """km² per municipality code for a boundary FeatureCollection (property `code`)."""
    return {
        feature["properties"]["code"]: area_km2(feature["geometry"])
        for feature in collection["features"]
    }
