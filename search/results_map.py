"""A small map of results over the local authority boundaries (data/reference/lcr_lad_boundaries.geojson,
ONS/OS, OGL v3.0; conversion by Martin Chorley, CC BY 4.0), drawn as SVG by the platform itself:
no tile server, no script, no tracker. The list of results stays the primary, accessible view.
Results and the searched place sit at their postcodes' points (OS Code-Point Open, OGL v3.0)."""

import json
from dataclasses import dataclass
from functools import lru_cache
from math import cos, radians

from django.conf import settings

WIDTH = 400
# Shown under the map, as the licences ask (data/reference/README.md).
CREDITS = (
    "Boundaries: Contains OS data © Crown copyright and database right; ONS, OGL v3.0; Martin Chorley, CC BY 4.0. "
    "Postcode points: Contains OS data © Crown copyright and database right 2025. Contains Royal Mail data © Royal "
    "Mail copyright and database right 2025. Contains National Statistics data © Crown copyright and database right "
    "2025."
)
BOUNDARIES_FILE = settings.BASE_DIR / "data" / "reference" / "lcr_lad_boundaries.geojson"


@dataclass(frozen=True)
class Projection:
    west: float
    north: float
    scale: float
    height: int

    def point(self, lat: float, lon: float) -> tuple[float, float]:
        x = (lon - self.west) * self.scale * cos(radians(54))
        y = (self.north - lat) * self.scale
        return round(x, 1), round(y, 1)


def _rings(geometry: dict):
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for polygon in polygons:
        yield from polygon


@lru_cache(maxsize=1)
def _boundaries():
    with open(BOUNDARIES_FILE, encoding="utf-8") as file:
        features = json.load(file)["features"]
    lons = [lon for f in features for ring in _rings(f["geometry"]) for lon, _ in ring]
    lats = [lat for f in features for ring in _rings(f["geometry"]) for _, lat in ring]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    scale = WIDTH / ((east - west) * cos(radians(54)))
    projection = Projection(west=west, north=north, scale=scale, height=round((north - south) * scale))
    areas = []
    for feature in features:
        parts = []
        for ring in _rings(feature["geometry"]):
            points, last = [], None
            for lon, lat in ring:
                x, y = projection.point(lat, lon)
                point = (round(x), round(y))
                if point != last:  # at this size, most vertices land on the same pixel
                    points.append(point)
                    last = point
            parts.append("M" + "L".join(f"{x} {y}" for x, y in points) + "Z")
        areas.append((feature["properties"]["lad_name"], "".join(parts)))
    return projection, areas


def boundaries_svg() -> str:
    projection, areas = _boundaries()
    paths = "".join(f'<path d="{d}"><title>{name}</title></path>' for name, d in areas)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {projection.height}">'
        f'<g fill="#f3f2f1" stroke="#505a5f" stroke-width="1">{paths}</g></svg>'
    )


def result_points(hits, near=None) -> dict:
    """Where to draw each result (its nearest location) and the searched place, in map coordinates."""
    projection, _ = _boundaries()
    points = []
    for number, hit in enumerate(hits, start=1):
        if not hit.locations:
            continue
        if near:
            location = min(hit.locations, key=lambda p: (p["lat"] - near.latitude) ** 2 + (p["lon"] - near.longitude) ** 2)
        else:
            location = hit.locations[0]
        x, y = projection.point(location["lat"], location["lon"])
        if 0 <= x <= WIDTH and 0 <= y <= projection.height:
            points.append({"x": x, "y": y, "number": number, "title": hit.title})
    centre = projection.point(near.latitude, near.longitude) if near else None
    return {"width": WIDTH, "height": projection.height, "points": points, "near": centre, "credits": CREDITS}
