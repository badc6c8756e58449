"""cimtwin:gridcode: Beidou grid location code (GB/T 39409-2020) for every feature."""
from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QCoreApplication, QVariant

from ..cim_twin_plugin import qgis_io
from ..cim_twin_plugin.core import gridcode
from ..cim_twin_plugin.core.twin import outputs as twin
from ..cim_twin_plugin.qgis_io import schema as schema_io
from ..cim_twin_plugin.qgis_io import vector
from .base import CimTwinAlgorithm

CODE_FIELD, ENTITY_FIELD, REASON_FIELD = twin.GRID_CODES.names


class GridCodeAlgorithm(CimTwinAlgorithm):
    """Adds the Beidou grid code (2D or 3D) and optionally the entity code to every feature."""

    ALG_ID = "gridcode"
    GROUP_ID = "entities"
    NEEDS_CRS = ("INPUT",)
    NEEDS_FEATURES = ("INPUT",)

    INPUT = "INPUT"
    LEVEL = "LEVEL"
    HEIGHT_FIELD = "HEIGHT_FIELD"
    HEIGHT_MODE = "HEIGHT_MODE"
    ADMIN_CODE_FIELD = "ADMIN_CODE_FIELD"
    OUTPUT = "OUTPUT"
    CODED = "CODED"
    FAILED = "FAILED"

    def displayName(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr("Beidou grid codes of features")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr(
            "Adds the Beidou grid location code (GB/T 39409-2020) of every feature in the field "
            "bd_code. Points use their own position, lines and polygons a point on their surface, "
            "transformed to CGCS2000 longitude/latitude (any input CRS works).\n\n"
            "With a height field the code is three-dimensional (height digits interleaved after "
            "each level). With an administrative code field, entity_code is the administrative "
            "code followed by the grid code: the unique entity code of the twin.\n\n"
            "Features that cannot be coded (no geometry, beyond 88 degrees latitude, empty height) "
            "are kept with an empty code and the reason in bd_reason; the log gives the counts."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS naming)
        param = QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Input layer"), [QgsProcessing.SourceType.TypeVector]
        )
        param.setHelp(self.tr("Any vector layer in any CRS: buildings, facilities, households, ..."))
        self.addParameter(param)

        param = QgsProcessingParameterNumber(
            self.LEVEL,
            self.tr("Grid level (1-10)"),
            QgsProcessingParameterNumber.Type.Integer,
            defaultValue=8,
            minValue=1,
            maxValue=10,
        )
        param.setHelp(
            self.tr(
                "Level of the grid cell: 1 = 6x4 degrees, 4 = 1 minute (about 1.8 km), "
                "5 = 4 seconds (about 124 m), 6 = 2 seconds (about 62 m), 7 = about 7.7 m, "
                "8 = about 1 m, 9 = about 12 cm, 10 = about 1.5 cm."
            )
        )
        self.addParameter(param)

        param = QgsProcessingParameterField(
            self.HEIGHT_FIELD,
            self.tr("Height field (makes 3D codes)"),
            parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric,
            optional=True,
        )
        param.setHelp(
            self.tr(
                "Optional numeric field with the height in metres (geodetic height). When set, "
                "bd_code is the 3D grid code; features with an empty height get no code."
            )
        )
        self.addParameter(param)

        param = QgsProcessingParameterEnum(
            self.HEIGHT_MODE,
            self.tr("Height digits"),
            options=[
                self.tr("Mixed radix (the standard's layer definition)"),
                self.tr("Bit fields (Appendix C, as some other implementations)"),
            ],
            defaultValue=0,
            optional=True,
        )
        param.setHelp(
            self.tr(
                "How the height layer number is written as digits. Both readings of the standard "
                "agree for heights from 0 to 1839 m; choose bit fields only to match codes made "
                "by other software that uses them."
            )
        )
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(param)

        param = QgsProcessingParameterField(
            self.ADMIN_CODE_FIELD,
            self.tr("Administrative code field"),
            parentLayerParameterName=self.INPUT,
            optional=True,
        )
        param.setHelp(
            self.tr(
                "Optional field with the administrative division code (e.g. the community code "
                "310115001001). When set, entity_code = administrative code + grid code."
            )
        )
        self.addParameter(param)

        param = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Coded features"))
        param.setHelp(
            self.tr(
                "The input features in their own CRS with bd_code, entity_code (with an "
                "administrative code field) and bd_reason (why a feature has no code)."
            )
        )
        self.addParameter(param)
        self.addOutput(QgsProcessingOutputNumber(self.CODED, self.tr("Features coded")))
        self.addOutput(QgsProcessingOutputNumber(self.FAILED, self.tr("Features without a code")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS naming)
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        level = self.parameterAsInt(parameters, self.LEVEL, context)
        height_field = self.parameterAsString(parameters, self.HEIGHT_FIELD, context)
        height_mode = gridcode.HEIGHT_MODES[self.parameterAsEnum(parameters, self.HEIGHT_MODE, context)]
        admin_field = self.parameterAsString(parameters, self.ADMIN_CODE_FIELD, context)
        layer = self.layer_name(parameters, self.INPUT, source, context)
        for key, name in ((self.HEIGHT_FIELD, height_field), (self.ADMIN_CODE_FIELD, admin_field)):
            qgis_io.check_field(source, key, name, layer)

        total = source.featureCount()  # an empty layer or one without a CRS is refused before (NEEDS_*)

        fields = QgsFields(source.fields())
        omit = () if admin_field else (ENTITY_FIELD,)
        ours = [f.name for f in twin.GRID_CODES.written(omit)]
        for name in ours:  # an input field of one of our names holds our values: it must be text
            index = fields.lookupField(name)
            if index >= 0 and fields.at(index).type() != QVariant.String:
                raise QgsProcessingException(
                    self.tr(
                        "The input layer {layer} already has a field {field} that is not text: "
                        "rename or delete it and run again."
                    ).format(layer=layer, field=name)
                )
        used = dict(zip(ours, schema_io.append_own_fields(fields, twin.GRID_CODES, layer, feedback,
                                                          omit)))
        slots = [fields.lookupField(used[name]) if name in used else -1 for name in twin.GRID_CODES.names]
        height_index = source.fields().lookupField(height_field) if height_field else -1
        admin_index = source.fields().lookupField(admin_field) if admin_field else -1
        width = fields.count()
        transform = QgsCoordinateTransform(
            source.sourceCrs(), qgis_io.cgcs2000_crs(), context.transformContext()
        )
        # the fast path: a file GDAL reads into numpy (and a GeoPackage written with SQLite)
        fast = vector.fast_input(self, parameters, self.INPUT, context)
        if fast is not None and context.transformContext().hasTransform(source.sourceCrs(), qgis_io.cgcs2000_crs()):
            fast = None  # a transformation chosen by the user: QGIS applies it
        writer, dest_id = vector.TableWriter.create(
            self, parameters, self.OUTPUT, context, fields, source.wkbType(), source.sourceCrs()
        )
        feedback.pushInfo(
            self.tr("Coding {n} features at level {level} in CGCS2000 (EPSG:4490).").format(
                n=total, level=level
            )
        )
        coded = failed = done = 0

        def code(lons, lats, reasons, rows):
            """Codes, entity codes and reasons of a batch into its attribute *rows* (in place)."""
            heights = None
            if height_index >= 0:
                heights = []
                for i, row in enumerate(rows):
                    height = qgis_io.to_float(row[height_index])
                    if height is None and reasons[i] is None:
                        reasons[i] = self.tr("height is empty or not a number")
                        lons[i] = float("nan")
                    heights.append(float("nan") if height is None else height)
            with qgis_io.core_errors():
                codes, errors = gridcode.encode_many_with_errors(
                    lons, lats, level, heights=heights, height_mode=height_mode
                )
            entities = entity_reasons = None
            if admin_index >= 0:
                entities, entity_reasons = gridcode.entity_codes(
                    codes, [qgis_io.to_text(row[admin_index]) for row in rows])
            count = 0
            for i, row in enumerate(rows):
                if len(row) < width:
                    row += [None] * (width - len(row))
                reason = reasons[i] or (None if codes[i] else self._reason(errors[i]))
                row[slots[0]] = codes[i]
                if entities is not None:
                    row[slots[1]] = entities[i]
                    if entity_reasons[i] == gridcode.ADMIN_EMPTY:
                        reason = self.tr("administrative code is empty: no entity code")
                row[slots[2]] = reason
                count += bool(codes[i])
            return count

        try:
            if fast is not None:
                to_cgcs = _pyproj_transformer(source.sourceCrs())
                for batch in vector.read_batches(fast):
                    if feedback.isCanceled():
                        break
                    lons, lats, reasons = _points(batch.wkbs, to_cgcs)
                    rows = batch.rows()
                    n = code(lons, lats, reasons, rows)
                    writer.add(rows, batch.wkbs)
                    coded += n
                    failed += len(rows) - n
                    done += len(rows)
                    feedback.setProgress(100.0 * done / total)
            else:
                every = QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks  # nothing is dropped
                for batch in qgis_io.features_in_batches(source.getFeatures(QgsFeatureRequest(), every), transform):
                    if feedback.isCanceled():
                        break
                    rows = [feature.attributes() for feature in batch.features]
                    n = code(list(batch.lons), batch.lats, list(batch.reasons), rows)
                    for feature, row in zip(batch.features, rows):
                        feature.setFields(fields, False)
                        feature.setAttributes(row)
                    writer.add_features(batch.features)
                    coded += n
                    failed += len(rows) - n
                    done += len(rows)
                    feedback.setProgress(100.0 * done / total)
            if feedback.isCanceled():
                raise qgis_io.canceled()
        except BaseException:
            writer.rollback()
            raise
        writer.commit()

        feedback.pushInfo(
            self.tr(
                "{total} features in = {coded} coded + {failed} without a code (reason in {field})."
            ).format(total=done, coded=coded, failed=failed, field=REASON_FIELD)
        )
        if failed:
            feedback.reportError(
                self.tr("{failed} features could not be coded; see the field {field}.").format(
                    failed=failed, field=REASON_FIELD
                ),
                False,
            )
        return {self.OUTPUT: dest_id, self.CODED: coded, self.FAILED: failed}

    def _reason(self, error) -> str:
        """Translated frame around the reason the core gave (the core's error names the value)."""
        detail = qgis_io.error_text(error) if error is not None else "?"
        return self.tr("cannot be coded: {detail}").format(detail=detail)


def _pyproj_transformer(crs):
    """pyproj's transformer from the layer's CRS to CGCS2000 longitude/latitude (the same PROJ as QGIS)."""
    from pyproj import CRS, Transformer

    wkt = crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT2_2019)
    return Transformer.from_crs(CRS.from_wkt(wkt), CRS.from_user_input(qgis_io.CGCS2000), always_xy=True)


def _points(wkbs, transformer):
    """Representative points of WKB geometries in CGCS2000 longitude/latitude, with the reasons
    of those that have none (the texts of the QGIS path)."""
    import numpy as np

    x, y, simple = vector.point_xy(wkbs)
    reasons = [None] * len(wkbs)
    for i in np.flatnonzero(~simple).tolist():
        point = vector.representative_xy(wkbs[i]) if wkbs[i] is not None else None
        if point is None:
            reasons[i] = QCoreApplication.translate("QgisIO", "feature has no geometry")
        else:
            x[i], y[i] = point
    lon, lat = transformer.transform(x, y, errcheck=False)
    lon = np.asarray(lon, dtype=np.float64)
    lat = np.asarray(lat, dtype=np.float64)
    bad = np.isfinite(x) & ~(np.isfinite(lon) & np.isfinite(lat))
    for i in np.flatnonzero(bad).tolist():
        reasons[i] = QCoreApplication.translate(
            "QgisIO", "coordinates cannot be transformed to CGCS2000 longitude/latitude")
        lon[i] = lat[i] = np.nan
    return lon.tolist(), lat.tolist(), reasons
