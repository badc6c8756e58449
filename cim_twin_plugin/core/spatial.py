"""A box index over shapely geometries that answers with list positions, on shapely 1.8 and 2.x alike.

shapely 1.8's ``STRtree.query`` returns geometries (``query_items`` returns the items given), 2.x's
returns integer positions; Debian 12 ships 1.8, a pip install may bring 2.x.  Code that indexes
geometries uses this class and never depends on which.
"""
from __future__ import annotations

import warnings

import shapely
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

__all__ = ["BoxIndex", "polygonal_part"]


class BoxIndex:
    """Positions (in the list given) of the geometries whose boxes meet a query geometry."""

    def __init__(self, geometries: list[BaseGeometry]):
        if shapely.__version__.startswith("1."):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # 1.8 warns that 2.0 changes the API: handled here
                self._tree = STRtree(geometries, items=list(range(len(geometries))))
            self._query = self._tree.query_items
        else:
            self._tree = STRtree(geometries)
            self._query = self._tree.query

    def query(self, geometry: BaseGeometry) -> list[int]:
        return [int(k) for k in self._query(geometry)]


def polygonal_part(geom: BaseGeometry | None) -> BaseGeometry | None:
    """The polygons of *geom* (of a collection: their union), or None if it has none."""
    from shapely.ops import unary_union

    if geom is None or geom.is_empty:
        return None
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in getattr(geom, "geoms", [geom])
             if g.geom_type in ("Polygon", "MultiPolygon") and not g.is_empty]
    return unary_union(parts) if parts else None

