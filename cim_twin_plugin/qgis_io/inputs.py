"""Checks on an algorithm's input layers before anything is read or written (issue 20).

An algorithm declares which of its layer parameters need a coordinate reference
system (``NEEDS_CRS``: their positions are measured, placed on the map or put
together with another layer) and which must hold features (``NEEDS_FEATURES``:
without them there is nothing to compute against). The base class runs
:func:`check_inputs` before the algorithm, so a layer without a CRS is refused
with a message naming the layer and the parameter, instead of ending in NULL
measurements, "invalid footprints" or "coordinates that are not finite numbers".
"""
from __future__ import annotations

from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingException, QgsProcessingParameterRasterLayer
from qgis.PyQt.QtCore import QCoreApplication

from .common import layer_label


def crs_is_defined(crs: QgsCoordinateReferenceSystem) -> bool:
    """False for a missing CRS (a shapefile without .prj, a CSV layer) and for the GeoPackage's
    'Undefined geographic SRS' / 'Undefined Cartesian SRS' (srs_id 0 and -1), which QGIS reads as a
    valid CRS without an authority."""
    if not crs.isValid():
        return False
    return bool(crs.authid()) or not crs.description().lower().startswith("undefined")


def _layer(algorithm, parameters, name: str, context):
    """(layer or None, source or None, label) of the layer parameter *name*; (None, None, '') when not given."""
    definition = algorithm.parameterDefinition(name)
    if definition is None or parameters.get(name) in (None, ""):
        return None, None, ""
    if isinstance(definition, QgsProcessingParameterRasterLayer):
        layer = algorithm.parameterAsRasterLayer(parameters, name, context)
        return layer, None, layer_label(layer, None, context.project()) if layer is not None else ""
    source = algorithm.parameterAsSource(parameters, name, context)
    if source is None:
        return None, None, ""
    layer = algorithm.parameterAsVectorLayer(parameters, name, context)
    return layer, source, layer_label(layer, source, context.project())


def check_inputs(algorithm, parameters, context) -> None:
    """Refuse a layer of ``algorithm.NEEDS_CRS`` without a defined CRS, and an empty layer of
    ``algorithm.NEEDS_FEATURES``; parameters not given are left to the algorithm."""
    for name in getattr(algorithm, "NEEDS_FEATURES", ()):
        _, source, label = _layer(algorithm, parameters, name, context)
        if source is not None and source.featureCount() == 0:
            raise QgsProcessingException(QCoreApplication.translate(
                "QgisIO", "{parameter}: the layer {layer} has no features, so there is nothing to work with. "
                "Give a layer that holds some.").format(layer=label, parameter=name))
    for name in getattr(algorithm, "NEEDS_CRS", ()):
        layer, source, label = _layer(algorithm, parameters, name, context)
        crs = source.sourceCrs() if source is not None else layer.crs() if layer is not None else None
        if crs is not None and not crs_is_defined(crs):
            raise QgsProcessingException(QCoreApplication.translate(
                "QgisIO", "{parameter}: the layer {layer} has no coordinate reference system, so its "
                "positions cannot be measured nor put together with other layers. Set the CRS its coordinates "
                "are in (Layer Properties > Source, or Processing's 'Assign projection') and run again."
            ).format(layer=label, parameter=name))
