"""cimtwin:checkhierarchy: do the administrative units nest, and which community holds each building?"""
from __future__ import annotations

from collections import Counter

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..cim_twin_plugin import qgis_io
from ..cim_twin_plugin.core.hierarchy import AdminUnit, check_hierarchy
from ..cim_twin_plugin.core.spatial import polygonal_part
from ..cim_twin_plugin.core.twin import outputs as twin
from ..cim_twin_plugin.qgis_io import schema as schema_io
from .base import CimTwinAlgorithm


class CheckHierarchyAlgorithm(CimTwinAlgorithm):
    """Reports gaps, overlaps and units outside their parent; places buildings in communities."""

    ALG_ID = "checkhierarchy"
    GROUP_ID = "population"
    NEEDS_CRS = ("ADMIN_UNITS", "BUILDINGS")
    NEEDS_FEATURES = ("ADMIN_UNITS",)

    ADMIN_UNITS = "ADMIN_UNITS"
    CODE_FIELD = "CODE_FIELD"
    LEVEL_FIELD = "LEVEL_FIELD"
    PARENT_FIELD = "PARENT_FIELD"
    BUILDINGS = "BUILDINGS"
    BUILDING_ID_FIELD = "BUILDING_ID_FIELD"
    TOLERANCE = "TOLERANCE"
    OUTPUT = "OUTPUT"
    OUTPUT_BUILDINGS = "OUTPUT_BUILDINGS"
    FINDINGS = "FINDINGS"

    def displayName(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr("Check the administrative hierarchy")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr(
            "Checks that administrative units nest without gaps or overlaps (province > city > district > "
            "street > community > grid): gaps in a parent not covered by its children, overlaps between units "
            "of one parent, parts of units outside their parent, parent codes that do not exist. With "
            "buildings, it reports buildings in no community or split between several, and writes the "
            "buildings with the community and street code they lie in (the community holding most of the "
            "footprint).\n\nAreas are in square metres, computed in the layer CRS if it is projected, else "
            "in the UTM zone of the data; the report is written in that CRS."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS naming)
        param = QgsProcessingParameterFeatureSource(
            self.ADMIN_UNITS, self.tr("Administrative units"), [QgsProcessing.SourceType.TypeVectorPolygon])
        param.setHelp(self.tr("Polygons of all levels in one layer, with code, level and parent code fields."))
        self.addParameter(param)
        for name, label, default, help_text in (
            (self.CODE_FIELD, self.tr("Code field"), "code", self.tr("Field with the unit's code.")),
            (self.LEVEL_FIELD, self.tr("Level field"), "level",
             self.tr("Field with the level: province, city, district, street, community or grid.")),
            (self.PARENT_FIELD, self.tr("Parent code field"), "parent_code",
             self.tr("Field with the code of the parent unit.")),
        ):
            # optional with a default: QGIS 3.22 refuses a missing non-optional field even with a default
            param = QgsProcessingParameterField(name, label, defaultValue=default,
                                                parentLayerParameterName=self.ADMIN_UNITS, optional=True)
            param.setHelp(help_text)
            self.addParameter(param)
        param = QgsProcessingParameterFeatureSource(
            self.BUILDINGS, self.tr("Building footprints"), [QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True)
        param.setHelp(self.tr("Optional: buildings to place in communities (any CRS)."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.BUILDING_ID_FIELD, self.tr("Building id field"),
                                            parentLayerParameterName=self.BUILDINGS, optional=True)
        param.setHelp(self.tr("Field with unique building ids; default: the feature id."))
        self.addParameter(param)
        param = QgsProcessingParameterNumber(self.TOLERANCE, self.tr("Area tolerance (m²)"),
                                             QgsProcessingParameterNumber.Type.Double, defaultValue=1.0, minValue=0)
        param.setHelp(self.tr("Gaps, overlaps and parts outside the parent smaller than this are ignored "
                              "(digitising slivers)."))
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Hierarchy report"))
        param.setHelp(self.tr("One row per finding: kind, code, other code, level, area_m2 and the problem's "
                              "polygon (gap, overlap, part outside, building)."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSink(
            self.OUTPUT_BUILDINGS, self.tr("Buildings with community codes"),
            QgsProcessing.SourceType.TypeVectorPolygon, optional=True, createByDefault=False)
        param.setHelp(self.tr("Optional: the buildings with community_code, street_code and n_communities."))
        self.addParameter(param)
        self.addOutput(QgsProcessingOutputNumber(self.FINDINGS, self.tr("Findings")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS naming)
        admin = self.parameterAsSource(parameters, self.ADMIN_UNITS, context)
        if admin is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.ADMIN_UNITS))
        admin_name = self.layer_name(parameters, self.ADMIN_UNITS, admin, context)
        defaults = {self.CODE_FIELD: "code", self.LEVEL_FIELD: "level", self.PARENT_FIELD: "parent_code"}
        fields_used = {key: qgis_io.check_field(admin, key, self.parameterAsString(parameters, key, context)
                                                or default, admin_name)
                       for key, default in defaults.items()}
        crs = qgis_io.metric_crs(admin.sourceCrs(), admin.sourceExtent())
        to_metric = QgsCoordinateTransform(admin.sourceCrs(), crs, context.transformContext())
        units = []
        for feature in admin.getFeatures():
            if feedback.isCanceled():
                raise qgis_io.canceled()
            geometry = feature.geometry()
            if not qgis_io.has_geometry(geometry):
                raise QgsProcessingException(self.tr(
                    "The layer {layer}: feature {fid} has no geometry; fix or delete it.").format(
                    layer=admin_name, fid=feature.id()))
            geometry.transform(to_metric)

            def text(key, feature=feature):  # codes kept in numeric fields read as digits (310115.0 -> 310115)
                return qgis_io.to_text(feature.attribute(fields_used[key])) or ""

            units.append(AdminUnit(text(self.CODE_FIELD), text(self.LEVEL_FIELD).lower(), text(self.PARENT_FIELD),
                                   qgis_io.to_shapely(geometry),
                                   feature=self.tr("{layer}, feature {fid}").format(layer=admin_name,
                                                                                     fid=feature.id())))
        buildings = []
        source = self.parameterAsSource(parameters, self.BUILDINGS, context)
        building_features = []
        if source is not None:
            id_field = self.parameterAsString(parameters, self.BUILDING_ID_FIELD, context)
            id_index = qgis_io.check_field(source, self.BUILDING_ID_FIELD, id_field,
                                           self.layer_name(parameters, self.BUILDINGS, source, context))
            to_b = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
            for feature in source.getFeatures():
                if feedback.isCanceled():
                    raise qgis_io.canceled()
                building_id = (qgis_io.to_text(feature.attribute(id_index)) or "") if id_index >= 0 \
                    else str(feature.id())
                geometry = feature.geometry()
                if not geometry.isNull():
                    geometry.transform(to_b)
                buildings.append((building_id, qgis_io.to_shapely(geometry)))
                building_features.append(feature)
        tolerance = self.parameterAsDouble(parameters, self.TOLERANCE, context)
        with qgis_io.core_errors():
            report = check_hierarchy(units, buildings, tolerance, progress=qgis_io.FeedbackProgress(feedback))

        fields = schema_io.qgs_fields(twin.HIERARCHY_FINDINGS)
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields,
                                             QgsWkbTypes.Type.MultiPolygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        features = []
        for finding in report.findings:
            feature = QgsFeature(fields)
            shape = polygonal_part(finding.geometry)  # an overlap may also hold lines or points
            if shape is not None:
                geometry = qgis_io.from_shapely(shape)
                geometry.convertToMultiType()
                feature.setGeometry(geometry)
            feature.setAttributes([finding.kind, finding.code, finding.other or None, finding.level or None,
                                   round(finding.area, 2)])
            features.append(feature)
        schema_io.add_features(sink, features, self.OUTPUT)

        results = {self.OUTPUT: dest_id, self.FINDINGS: len(report.findings)}
        if source is not None and self.OUTPUT_BUILDINGS in parameters and parameters[self.OUTPUT_BUILDINGS]:
            b_fields = QgsFields(source.fields())  # a building field of one of our names holds the value (reuse)
            schema_io.append_own_fields(b_fields, twin.HIERARCHY_BUILDINGS,
                                        self.layer_name(parameters, self.BUILDINGS, source, context), feedback)
            sink, b_id = self.parameterAsSink(parameters, self.OUTPUT_BUILDINGS, context, b_fields,
                                              source.wkbType(), source.sourceCrs())
            if sink is not None:
                out = []
                for feature, place in zip(building_features, report.buildings):
                    attributes = feature.attributes() + [None] * (b_fields.count() - len(feature.attributes()))
                    attributes[b_fields.lookupField("community_code")] = place.community or None
                    attributes[b_fields.lookupField("street_code")] = place.street or None
                    attributes[b_fields.lookupField("n_communities")] = place.communities
                    feature.setFields(b_fields, False)
                    feature.setAttributes(attributes)
                    out.append(feature)
                schema_io.add_features(sink, out, self.OUTPUT_BUILDINGS)
                results[self.OUTPUT_BUILDINGS] = b_id
        kinds = Counter(f.kind for f in report.findings)
        feedback.pushInfo(self.tr("{units} units and {buildings} buildings checked in {crs}: {n} findings ({kinds}).")
                          .format(units=len(units), buildings=len(buildings), crs=crs.authid(),
                                  n=len(report.findings),
                                  kinds=", ".join(f"{k} {v}" for k, v in kinds.most_common()) or "-"))
        return results
