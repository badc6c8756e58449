"""cimtwin:aggregatepopulation: persons per unit x group, small counts suppressed and audited (issue 14)."""
from __future__ import annotations

from qgis.core import (
    QgsCoordinateTransform,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..cim_twin_plugin import qgis_io
from ..cim_twin_plugin.core.demand.units import assign_units
from ..cim_twin_plugin.core.population.aggregate import count_columns, suppress
from ..cim_twin_plugin.core.twin import outputs as twin
from ..cim_twin_plugin.qgis_io import schema as schema_io
from .base import CimTwinAlgorithm

#: the dimensions a household layer of fusepersons can be counted by: dimension -> {group: count field}
DIMENSIONS = {
    "age_group": dict(twin.AGE_GROUP_FIELDS),
    "living_status": {"人户一致": "n_same_room", "人在户不在": "n_registered_elsewhere"},
    "residence_type": {"常住": "n_resident", "流动": "n_floating"},
}
UNKNOWN = "unknown"


class AggregatePopulationAlgorithm(CimTwinAlgorithm):
    """Households with member counts + units -> a published table of counts."""

    ALG_ID = "aggregatepopulation"
    GROUP_ID = "population"
    NEEDS_CRS = ("INPUT", "UNITS")
    NEEDS_FEATURES = ("UNITS",)

    INPUT = "INPUT"
    MEMBERS_FIELD = "MEMBERS_FIELD"
    UNITS = "UNITS"
    UNIT_ID_FIELD = "UNIT_ID_FIELD"
    PARENT_FIELD = "PARENT_FIELD"
    GROUPS = "GROUPS"
    MIN_COUNT = "MIN_COUNT"
    SUPPRESS_ZERO = "SUPPRESS_ZERO"
    OUTPUT = "OUTPUT"
    PUBLISHED = "PUBLISHED"
    WITHHELD = "WITHHELD"
    SMALLEST_RANGE = "SMALLEST_RANGE"

    def displayName(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr("Aggregate the population with suppression")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr(
            "Counts the persons of the population base (the households of Fuse persons from the sources, with "
            "their member counts) per unit (communities, streets, grid cells or any polygons) and group (age "
            "group, residence status) for publication.\n\n"
            "Primary suppression withholds every count from 1 to MIN_COUNT - 1. Secondary suppression withholds "
            "more counts until none of the withheld ones can be worked out from the published counts and the "
            "unit, group and parent-unit totals; an audit by linear programming (HiGHS) computes each withheld "
            "count's feasible range, and the log gives the smallest. Totals are published only when safe.\n\n"
            "Every household is counted in the unit that holds its point; households in no unit are counted "
            "apart and said in the log.")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS naming)
        param = QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Households with member counts"),
                                                    [QgsProcessing.SourceType.TypeVectorPoint])
        param.setHelp(self.tr("The households output of Fuse persons from the sources (members, n_0_2 ... n_80p, "
                              "n_same_room, n_registered_elsewhere, n_resident, n_floating)."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.MEMBERS_FIELD, self.tr("Members field"), defaultValue="members",
                                            parentLayerParameterName=self.INPUT,
                                            type=QgsProcessingParameterField.DataType.Numeric, optional=True)
        param.setHelp(self.tr("Persons per household; groups that leave some members out count them as "
                              "unknown, so every dimension adds up to the members."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSource(self.UNITS, self.tr("Units"),
                                                    [QgsProcessing.SourceType.TypeVectorPolygon])
        param.setHelp(self.tr("Polygons to count in: communities, streets, grid cells or any areas."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.UNIT_ID_FIELD, self.tr("Unit id field"),
                                            parentLayerParameterName=self.UNITS)
        param.setHelp(self.tr("Field with unique unit ids, e.g. the 12-digit community code."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.PARENT_FIELD, self.tr("Parent unit field"),
                                            parentLayerParameterName=self.UNITS, optional=True)
        param.setHelp(self.tr("Optional: the unit each unit lies in (e.g. the street code of a community); the "
                              "parents' totals are published too, and protected with the units."))
        self.addParameter(param)
        param = QgsProcessingParameterEnum(self.GROUPS, self.tr("Groups"), options=[
            self.tr("Age group"), self.tr("Living status (人户一致 / 人在户不在)"),
            self.tr("Residence type (常住 / 流动)")], allowMultiple=True, defaultValue=[0])
        param.setHelp(self.tr("The dimensions to count by; several are protected together (they share the "
                              "unit totals)."))
        self.addParameter(param)
        param = QgsProcessingParameterNumber(self.MIN_COUNT, self.tr("Smallest published count"),
                                             QgsProcessingParameterNumber.Type.Integer, defaultValue=10, minValue=1)
        param.setHelp(self.tr("Counts from 1 to this value minus 1 are withheld (default 10)."))
        self.addParameter(param)
        param = QgsProcessingParameterBoolean(self.SUPPRESS_ZERO, self.tr("Withhold zeros too"), defaultValue=False)
        param.setHelp(self.tr("A zero names nobody and is published by default; withhold it when an empty group "
                              "would itself tell something about the others of the unit."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Counts"), QgsProcessing.SourceType.TypeVector)
        param.setHelp(self.tr("One row per unit x group and per total: count (empty when withheld), withheld, "
                              "reason."))
        self.addParameter(param)
        self.addOutput(QgsProcessingOutputNumber(self.PUBLISHED, self.tr("Counts published")))
        self.addOutput(QgsProcessingOutputNumber(self.WITHHELD, self.tr("Counts withheld")))
        self.addOutput(QgsProcessingOutputNumber(self.SMALLEST_RANGE, self.tr("Smallest range of a withheld count")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS naming)
        steps = qgis_io.phases(feedback, 3)  # reading and placing, suppression, writing
        steps.setCurrentStep(0)
        households = self.parameterAsSource(parameters, self.INPUT, context)
        units = self.parameterAsSource(parameters, self.UNITS, context)
        h_name = self.layer_name(parameters, self.INPUT, households, context)
        u_name = self.layer_name(parameters, self.UNITS, units, context)
        members = self.parameterAsString(parameters, self.MEMBERS_FIELD, context) or "members"
        chosen = [list(DIMENSIONS)[i] for i in self.parameterAsEnums(parameters, self.GROUPS, context)] or ["age_group"]
        columns = {d: DIMENSIONS[d] for d in chosen}
        qgis_io.check_fields(households, {self.MEMBERS_FIELD: members}, h_name)
        for groups in columns.values():
            for name in groups.values():
                qgis_io.check_field(households, self.GROUPS, name, h_name)
        id_index = qgis_io.check_field(units, self.UNIT_ID_FIELD,
                                       self.parameterAsString(parameters, self.UNIT_ID_FIELD, context), u_name)
        parent_name = self.parameterAsString(parameters, self.PARENT_FIELD, context)
        parent_index = qgis_io.check_field(units, self.PARENT_FIELD, parent_name, u_name)
        read = qgis_io.read_units(units, id_index, u_name, units.sourceCrs(), context.transformContext(),
                                  parent_index)
        unit_ids, parents = read.ids, read.parents
        to_units = QgsCoordinateTransform(households.sourceCrs(), units.sourceCrs(), context.transformContext())
        rows, points = [], []
        names = households.fields().names()
        for feature in households.getFeatures():
            if feedback.isCanceled():
                raise qgis_io.canceled()
            point = qgis_io.representative_point(feature.geometry())
            if point is None:
                points.append((float("nan"), float("nan")))
            else:
                point.transform(to_units)
                points.append((point.asPoint().x(), point.asPoint().y()))
            values = dict(zip(names, feature.attributes()))
            row = {name: qgis_io.to_float(values.get(name)) or 0 for g in columns.values() for name in g.values()}
            total = qgis_io.to_float(values.get(members)) or 0
            for dimension, groups in columns.items():  # members no group of the dimension holds: unknown
                row[f"{dimension}|{UNKNOWN}"] = max(0, total - sum(row[name] for name in groups.values()))
            rows.append(row)
        unit_of, several = assign_units(points, read.shapes)
        outside = 0
        for row, k in zip(rows, unit_of.tolist()):
            row["unit"] = unit_ids[k] if k >= 0 else None
            outside += k < 0
        if outside:
            feedback.reportError(self.tr("{n} households of {layer} lie in no unit of {units}: they are not "
                                         "counted.").format(n=outside, layer=h_name, units=u_name), False)
        if several:
            feedback.pushWarning(self.tr("{n} households lie in several units (overlapping units): each is counted "
                                         "in the first.").format(n=several))
        with_unknown = {d: {**groups, UNKNOWN: f"{d}|{UNKNOWN}"} for d, groups in columns.items()}
        steps.setCurrentStep(1)
        with qgis_io.core_errors():
            table = count_columns(rows, "unit", with_unknown)
            result = suppress(table, parents, min_count=self.parameterAsInt(parameters, self.MIN_COUNT, context),
                              suppress_zero=self.parameterAsBool(parameters, self.SUPPRESS_ZERO, context),
                              progress=qgis_io.FeedbackProgress(steps))
        for message in result.messages:
            feedback.pushInfo(qgis_io.error_text(message))
        if result.unprotected:
            feedback.reportError(self.tr("{n} withheld counts could not be fully protected: publish fewer groups or "
                                         "larger units.").format(n=len(result.unprotected)), False)
        steps.setCurrentStep(2)
        unit_field = units.fields().at(id_index)
        fields = schema_io.qgs_fields(twin.POPULATION_COUNTS, {"unit": unit_field})
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        features = [schema_io.feature(fields, [r.unit, None if r.parent is None else str(r.parent), r.level, r.kind,
                                               r.dimension, r.group, r.count, r.withheld, r.reason])
                    for r in result.rows]
        schema_io.add_features(sink, features, self.OUTPUT)
        withheld = sum(r.withheld for r in result.rows)
        feedback.pushInfo(self.tr("{n} households in = {placed} in units + {outside} in no unit; {rows} counts: "
                                  "{published} published, {withheld} withheld.").format(
            n=len(rows), placed=len(rows) - outside, outside=outside, rows=len(result.rows),
            published=len(result.rows) - withheld, withheld=withheld))
        return {self.OUTPUT: dest, self.PUBLISHED: len(result.rows) - withheld, self.WITHHELD: withheld,
                self.SMALLEST_RANGE: result.smallest_range}
