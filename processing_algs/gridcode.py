"""cimtwin:gridcode: Beidou grid location code (GB/T 39409-2020) for every feature."""
from __future__ import annotations

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QVariant

from ..cim_twin_plugin import qgis_io
from ..cim_twin_plugin.core import gridcode
from .base import CimTwinAlgorithm

CODE_FIELD = "bd_code"
ENTITY_FIELD = "entity_code"
REASON_FIELD = "bd_reason"


class GridCodeAlgorithm(CimTwinAlgorithm):
    """Adds the Beidou grid code (2D or 3D) and optionally the entity code to every feature."""

    ALG_ID = "gridcode"
    GROUP_ID = "entities"

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

        total = source.featureCount()
        if total == 0:
            raise QgsProcessingException(
                self.tr("The input layer {layer} has no features: there is nothing to code.").format(
                    layer=source.sourceName()
                )
            )
        if not source.sourceCrs().isValid():
            raise QgsProcessingException(
                self.tr(
                    "The input layer {layer} has no coordinate reference system: set its CRS "
                    "(Layer Properties > Source) and run again."
                ).format(layer=source.sourceName())
            )

        fields = QgsFields(source.fields())
        added = [(CODE_FIELD, 40)]
        if admin_field:
            added.append((ENTITY_FIELD, 80))
        added.append((REASON_FIELD, 254))
        for name, length in added:
            index = fields.lookupField(name)
            if index >= 0 and fields.at(index).type() != QVariant.String:
                raise QgsProcessingException(
                    self.tr(
                        "The input layer {layer} already has a field {field} that is not text: "
                        "rename or delete it and run again."
                    ).format(layer=source.sourceName(), field=name)
                )
            if index < 0:
                fields.append(QgsField(name, QVariant.String, len=length))
        code_index = fields.lookupField(CODE_FIELD)
        entity_index = fields.lookupField(ENTITY_FIELD) if admin_field else -1
        reason_index = fields.lookupField(REASON_FIELD)
        height_index = source.fields().lookupField(height_field) if height_field else -1
        admin_index = source.fields().lookupField(admin_field) if admin_field else -1

        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, source.wkbType(), source.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))

        transform = QgsCoordinateTransform(
            source.sourceCrs(), qgis_io.cgcs2000_crs(), context.transformContext()
        )
        feedback.pushInfo(
            self.tr("Coding {n} features at level {level} in CGCS2000 (EPSG:4490).").format(
                n=total, level=level
            )
        )
        coded = failed = done = 0
        for batch in qgis_io.features_in_batches(source.getFeatures(), transform):
            if feedback.isCanceled():
                break
            heights = None
            reasons = list(batch.reasons)
            lons = list(batch.lons)
            if height_index >= 0:
                heights = []
                for i, feature in enumerate(batch.features):
                    height = qgis_io.to_float(feature.attribute(height_index))
                    if height is None and reasons[i] is None:
                        reasons[i] = self.tr("height is empty or not a number")
                        lons[i] = float("nan")
                    heights.append(float("nan") if height is None else height)
            with qgis_io.core_errors():
                codes, core_reasons = gridcode.encode_many_with_reasons(
                    lons, batch.lats, level, heights=heights, height_mode=height_mode
                )
            for i, feature in enumerate(batch.features):
                code = codes[i]
                reason = reasons[i] or (None if code else self._reason(core_reasons[i]))
                attributes = feature.attributes() + [None] * (fields.count() - len(feature.attributes()))
                attributes[code_index] = code
                attributes[reason_index] = reason
                if entity_index >= 0:
                    admin_text = qgis_io.to_text(feature.attribute(admin_index))
                    if code and admin_text:
                        attributes[entity_index] = admin_text + code
                    else:
                        attributes[entity_index] = None
                        if code:
                            attributes[reason_index] = self.tr(
                                "administrative code is empty: no entity code"
                            )
                feature.setFields(fields, False)
                feature.setAttributes(attributes)
                if code:
                    coded += 1
                else:
                    failed += 1
            sink.addFeatures(batch.features, QgsFeatureSink.Flag.FastInsert)
            done += len(batch.features)
            feedback.setProgress(100.0 * done / total)
        if feedback.isCanceled():
            raise qgis_io.canceled()

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

    def _reason(self, core_reason: str | None) -> str:
        """Translated frame around the reason the core gave (the core's detail names the value)."""
        return self.tr("cannot be coded: {detail}").format(detail=core_reason or "?")
