"""Expression functions for the field calculator: cim_grid_code() and cim_grid_decode()."""
from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsExpression,
    QgsExpressionFunction,
    QgsGeometry,
    QgsProject,
)
from qgis.PyQt.QtCore import QCoreApplication

from . import qgis_io
from .core import gridcode
from .core.errors import CimTwinError

GROUP = "CIM Twin"


def _source_crs(context) -> QgsCoordinateReferenceSystem:
    """The CRS of the geometry being evaluated: the layer's, else the project's, else CGCS2000."""
    for name in ("layer_crs", "project_crs"):
        if context is not None and context.hasVariable(name):
            crs = QgsCoordinateReferenceSystem(str(context.variable(name)))
            if crs.isValid():
                return crs
    return qgis_io.cgcs2000_crs()


class GridCodeFunction(QgsExpressionFunction):
    """cim_grid_code(geometry, level[, height]): Beidou grid code of a geometry."""

    NAME = "cim_grid_code"

    def __init__(self):
        params = [
            QgsExpressionFunction.Parameter("geometry"),
            QgsExpressionFunction.Parameter("level", True, 8),
            QgsExpressionFunction.Parameter("height", True, None),
        ]
        help_text = QCoreApplication.translate(
            "Expressions", "<h3>cim_grid_code(geometry, level, height)</h3>"
            "<p>Returns the Beidou grid location code (GB/T 39409-2020) of a geometry: the point "
            "itself, or a point on the surface of a line or polygon, in CGCS2000 longitude/latitude "
            "(the geometry is taken to be in the layer's CRS).</p>"
            "<h4>Arguments</h4><p><b>geometry</b>: a geometry, e.g. $geometry<br>"
            "<b>level</b>: grid level 1-10 (default 8, about 1 m)<br>"
            "<b>height</b>: optional height in metres; gives the 3D code</p>"
            "<h4>Example</h4><p>cim_grid_code($geometry, 8) &rarr; 'N51H...'</p>"
        )
        super().__init__(self.NAME, params, GROUP, help_text)
        self._transforms: dict[str, QgsCoordinateTransform] = {}

    def usesGeometry(self, node) -> bool:  # noqa: N802 (QGIS naming)
        return True

    def handlesNull(self) -> bool:  # noqa: N802 (QGIS naming)
        return True

    def _to_cgcs2000(self, context) -> QgsCoordinateTransform:
        """The transform from the evaluated geometry's CRS to CGCS2000, made once per CRS (not per feature)."""
        key = "|".join(str(context.variable(name)) if context is not None and context.hasVariable(name) else ""
                       for name in ("layer_crs", "project_crs"))
        transform = self._transforms.get(key)
        if transform is None:
            transform = QgsCoordinateTransform(_source_crs(context), qgis_io.cgcs2000_crs(), QgsProject.instance())
            self._transforms[key] = transform
        return transform

    def func(self, values, context, parent, node):
        geometry, level, height = (list(values) + [None, 8, None])[:3]
        if not isinstance(geometry, QgsGeometry) or geometry.isNull():
            return None
        point = qgis_io.representative_point(geometry)
        if point is None:
            return None
        try:
            level = int(level if level is not None else 8)
            lonlat = self._to_cgcs2000(context).transform(point.asPoint())
            height_value = qgis_io.to_float(height)
            if height is not None and height_value is not None:
                return gridcode.encode_3d(lonlat.x(), lonlat.y(), height_value, level)
            return gridcode.encode(lonlat.x(), lonlat.y(), level)
        except (CimTwinError, QgsCsException, TypeError, ValueError) as exc:
            parent.setEvalErrorString(qgis_io.error_text(exc))
            return None


class GridDecodeFunction(QgsExpressionFunction):
    """cim_grid_decode(code): the cell a Beidou grid code names, as a map."""

    NAME = "cim_grid_decode"

    def __init__(self):
        help_text = QCoreApplication.translate(
            "Expressions", "<h3>cim_grid_decode(code)</h3>"
            "<p>Decodes a Beidou grid location code (2D or 3D) and returns a map with the keys "
            "level, is_3d, corner_lon, corner_lat, centre_lon, centre_lat, west, south, east, "
            "north (CGCS2000 degrees), height_bottom and height_top (metres, 3D codes only) "
            "and wkt (the cell polygon).</p>"
            "<h4>Example</h4><p>map_get(cim_grid_decode(\"bd_code\"), 'centre_lon')</p>"
        )
        super().__init__(self.NAME, [QgsExpressionFunction.Parameter("code")], GROUP, help_text)

    def handlesNull(self) -> bool:  # noqa: N802 (QGIS naming)
        return True

    def func(self, values, context, parent, node):
        code = values[0] if values else None
        if code is None or str(code) in ("", "NULL"):
            return None
        try:
            cell = gridcode.decode(str(code))
            ring = cell.ring()
        except CimTwinError as exc:
            parent.setEvalErrorString(qgis_io.error_text(exc))
            return None
        wkt = "POLYGON((" + ",".join(f"{x!r} {y!r}" for x, y in ring) + "))"
        return {
            "level": cell.level,
            "is_3d": cell.is_3d,
            "corner_lon": cell.corner[0],
            "corner_lat": cell.corner[1],
            "centre_lon": cell.centre[0],
            "centre_lat": cell.centre[1],
            "west": cell.west,
            "south": cell.south,
            "east": cell.east,
            "north": cell.north,
            "height_bottom": cell.height_bottom,
            "height_top": cell.height_top,
            "wkt": wkt,
        }


_registered: list[QgsExpressionFunction] = []


def register_functions() -> None:
    """Register the functions (idempotent); keep references so Python does not collect them."""
    for cls in (GridCodeFunction, GridDecodeFunction):
        mine = [f for f in _registered if f.name() == cls.NAME]
        if mine and QgsExpression.isFunctionName(cls.NAME):
            continue
        for stale in mine:  # unregistered behind our back: QGIS no longer points at it
            _registered.remove(stale)
        if QgsExpression.isFunctionName(cls.NAME):
            QgsExpression.unregisterFunction(cls.NAME)
        function = cls()
        if QgsExpression.registerFunction(function):
            _registered.append(function)


def unregister_functions() -> None:
    """Remove every function registered by :func:`register_functions`.

    Unregister while we still hold the reference: QGIS keeps a raw pointer, and
    dropping the last Python reference first would delete the C++ object under it.
    """
    for function in _registered:
        QgsExpression.unregisterFunction(function.name())
    _registered.clear()
