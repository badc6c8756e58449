"""Bridge for visibility and measurement: raster layers, buildings and observers <-> core data."""
from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingException,
    QgsRasterLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..core.visibility import grid as core_grid
from .common import canceled, core_errors, has_geometry, representative_point, to_float, to_shapely


def check_raster_output(path: str) -> None:
    """Refuse a raster output whose folder cannot be written, before any work is done."""
    if path:
        with core_errors():
            core_grid.check_writable(path)


def transform_point(transform: QgsCoordinateTransform, point):
    """*point* (QgsPointXY) transformed, or None when the coordinates cannot be transformed."""
    import math

    try:
        out = transform.transform(point)
    except QgsCsException:
        return None
    if not (math.isfinite(out.x()) and math.isfinite(out.y())):
        return None
    return out


@dataclass
class PointRow:
    """A point feature read for the core: id, coordinates in the target CRS, values, or why not."""

    fid: int
    point: object = None
    """QgsPointXY in the target CRS, None when unusable"""
    values: dict = field(default_factory=dict)
    """attribute -> float or None, from the requested fields"""
    reason: str | None = None
    """translated reason when the point is unusable"""


def read_points(source, crs: QgsCoordinateReferenceSystem, context, value_fields: dict | None = None,
                feedback=None) -> list:
    """Every feature of *source* as a :class:`PointRow` in *crs* (no geometry / not transformable: a reason)."""
    transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    value_fields = {attr: name for attr, name in (value_fields or {}).items() if name}
    rows = []
    for i, feature in enumerate(source.getFeatures()):
        if feedback is not None and i % 2000 == 0 and feedback.isCanceled():
            raise canceled()
        row = PointRow(feature.id(), values={attr: to_float(feature[name]) for attr, name in value_fields.items()})
        geometry = representative_point(feature.geometry())
        if geometry is None:
            row.reason = QCoreApplication.translate("QgisIO", "no geometry")
        else:
            row.point = transform_point(transform, geometry.asPoint())
            if row.point is None:
                xy = geometry.asPoint()
                row.reason = QCoreApplication.translate(
                    "QgisIO", "its coordinates ({x}, {y}) cannot be transformed from {source} to {target}: check "
                              "the layer's CRS (longitude and latitude swapped?)"
                ).format(x=f"{xy.x():g}", y=f"{xy.y():g}", source=source.sourceCrs().authid(),
                         target=crs.authid() or crs.description())
        rows.append(row)
    return rows


def load_grid(layer: QgsRasterLayer, max_cells: int = core_grid.DEFAULT_MAX_CELLS, band: int = 1):
    """The layer's band as a core Grid (geographic rasters reprojected to UTM, said in ``note``;
    ``unit`` = metres per CRS unit)."""
    if layer is None:
        raise QgsProcessingException(QCoreApplication.translate("QgisIO", "The DEM raster layer is missing."))
    if layer.providerType() != "gdal":
        raise QgsProcessingException(
            QCoreApplication.translate(
                "QgisIO", "The raster {layer} is not a file raster: save it as a GeoTIFF and run again."
            ).format(layer=layer.name())
        )
    with core_errors():
        return core_grid.read_grid(layer.source(), band=band, max_cells=max_cells, name=layer.name())


def grid_crs(grid) -> QgsCoordinateReferenceSystem:
    return QgsCoordinateReferenceSystem.fromWkt(grid.crs_wkt)


def transformer_to_grid(crs: QgsCoordinateReferenceSystem, grid):
    """pyproj Transformer (always_xy) from *crs* to the grid's CRS, or None when they are the same."""
    from pyproj import CRS, Transformer

    source = CRS.from_wkt(crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT2_2019))
    target = CRS.from_wkt(grid.crs_wkt)
    return None if source == target else Transformer.from_crs(source, target, always_xy=True)


@dataclass
class Features:
    """Features of a source transformed to a target CRS, with what could not be used."""

    features: list = field(default_factory=list)
    """the QgsFeatures (original attributes, original geometry)"""
    geometries: list = field(default_factory=list)
    """shapely geometries in the target CRS (None where unusable)"""
    failed: dict = field(default_factory=dict)
    """feature index -> translated reason (reading failed)"""
    skipped: dict = field(default_factory=dict)
    """feature index -> translated reason for every feature left out (reading failed or the core skipped it)"""


def read_features(source, crs: QgsCoordinateReferenceSystem, context, feedback=None) -> Features:
    """All features of *source* with geometries transformed to *crs* (shapely); *feedback* (the reading
    phase's own) goes from 0 to 100 %."""
    transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
    out = Features()
    total = max(1, source.featureCount())
    for i, feature in enumerate(source.getFeatures(QgsFeatureRequest())):
        if feedback is not None and i % 2000 == 0:
            if feedback.isCanceled():
                raise canceled()
            feedback.setProgress(100.0 * i / total)
        out.features.append(feature)
        geometry = feature.geometry()
        if not has_geometry(geometry):
            out.geometries.append(None)
            out.failed[i] = QCoreApplication.translate("QgisIO", "feature has no geometry")
            continue
        geometry = geometry.constGet().clone()
        try:
            geometry.transform(transform)
        except QgsCsException:
            out.geometries.append(None)
            out.failed[i] = QCoreApplication.translate("QgisIO", "coordinates cannot be transformed")
            continue
        out.geometries.append(to_shapely(QgsGeometry(geometry)))
    return out


def field_values(features, name: str | None) -> list:
    """Numeric values of field *name* (None where empty), or Nones without a field."""
    if not name:
        return [None] * len(features)
    return [to_float(f[name]) for f in features]


def building_heights(features, height_field: str | None, floors_field: str | None, floor_height: float) -> list:
    """Height of every building: the height field, else floors x floor height, else None."""
    from ..core.measure import building_height

    heights = field_values(features, height_field)
    floors = field_values(features, floors_field)
    return [building_height(h, f, floor_height) for h, f in zip(heights, floors)]
