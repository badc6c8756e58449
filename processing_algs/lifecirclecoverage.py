"""cimtwin:lifecirclecoverage: who lives within the life circle of each facility type, per unit (issue 15)."""
from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..cim_twin_plugin import qgis_io
from ..cim_twin_plugin.core import demand
from ..cim_twin_plugin.core import network as core
from ..cim_twin_plugin.core.twin import outputs as twin
from ..cim_twin_plugin.qgis_io import network as bridge
from ..cim_twin_plugin.qgis_io import schema as schema_io
from .network_common import UNITS as COST_UNITS
from .network_common import NetworkAlgorithm

STANDARD_CHOICES = ("gb50180", "file", "distances")


class LifeCircleCoverageAlgorithm(NetworkAlgorithm):
    """Population points x facilities by type on the walking network -> coverage per unit, point and facility."""

    ALG_ID = "lifecirclecoverage"
    NEEDS_CRS = NetworkAlgorithm.NEEDS_CRS + ("FACILITIES", "POPULATION", "UNITS")
    NEEDS_FEATURES = NetworkAlgorithm.NEEDS_FEATURES + ("FACILITIES", "POPULATION", "UNITS")

    FACILITIES = "FACILITIES"
    FACILITY_ID_FIELD = "FACILITY_ID_FIELD"
    TYPE_FIELD = "TYPE_FIELD"
    CAPACITY_FIELD = "CAPACITY_FIELD"
    POPULATION = "POPULATION"
    WEIGHT_FIELDS = "WEIGHT_FIELDS"
    UNITS = "UNITS"
    UNIT_ID_FIELD = "UNIT_ID_FIELD"
    STANDARD = "STANDARD"
    STANDARD_FILE = "STANDARD_FILE"
    DISTANCES = "DISTANCES"
    MIN_COUNT = "MIN_COUNT"
    OUTPUT_UNITS = "OUTPUT_UNITS"
    OUTPUT_POPULATION = "OUTPUT_POPULATION"
    OUTPUT_UNCOVERED = "OUTPUT_UNCOVERED"
    OUTPUT_FACILITIES = "OUTPUT_FACILITIES"
    COVERED = "COVERED"
    UNCOVERED = "UNCOVERED"
    POINT_ID_FIELDS = ((FACILITIES, FACILITY_ID_FIELD),)

    def displayName(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr("Life-circle coverage of the population")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr(
            "How many of the people who need a facility live within its life circle on the road network, per "
            "unit (community or any polygon), facility type and population group; who is left out and why; "
            "the load of every facility against its capacity.\n\n"
            "The default standard is GB 50180-2018 城市居住区规划设计标准 (第3.0.4条 表3.0.4: 5-minute life "
            "circle about 300 m, 10-minute 500 m, 15-minute 800-1000 m on foot; 附录B 表B.0.1/B.0.2: the facilities "
            "of each level; 附录C: the service radii of kindergartens 300 m, primary schools 500 m, middle schools "
            "1000 m): kindergarten -> 3-5 within 300 m, primary school -> 6-11 within 500 m, elderly care -> 60+ "
            "within 1000 m, ... (the CSV in core/demand/data, with its notes; give your own copy as the standard "
            "file). Every level is checked on its own: a 15-minute facility does not stand in for a 5-minute "
            "one. Or give your own distances: every facility type x every weight field x every distance.\n\n"
            "Distance = the point's connector to the road + the network + the facility's connector, as in the OD "
            "matrix; walking ignores one-way rules. The nearest facility of each type is found for all points "
            "with one search per type (exact, not service-area polygons). Points in no unit are counted in an "
            "'outside units' row; the rows add up to the input totals exactly and the log says so. Counts below "
            "the smallest published count are withheld as in Aggregate the population.")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS naming)
        self.add_network_parameters()
        self.parameterDefinition(self.MODE).setDefaultValue(1)  # walking: life circles are walking distances
        param = QgsProcessingParameterFeatureSource(self.FACILITIES, self.tr("Facilities"),
                                                    [QgsProcessing.SourceType.TypeVectorPoint])
        param.setHelp(self.tr("Points of the facilities (kindergartens, schools, elderly care ...), any CRS."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.TYPE_FIELD, self.tr("Facility type field"),
                                            parentLayerParameterName=self.FACILITIES)
        param.setHelp(self.tr("Field with the facility type: a code of the standard (kindergarten, "
                              "primary_school, elderly_care ...) or its Chinese name or alias (幼儿园, 小学, "
                              "长者照护之家 ...). With given distances every value is a type of its own."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.FACILITY_ID_FIELD, self.tr("Facility ID field"),
                                            parentLayerParameterName=self.FACILITIES, optional=True)
        param.setHelp(self.tr("Field copied to facility_id and nearest_id; the feature id when empty. Ids given "
                              "twice are listed in the log; both facilities are kept."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.CAPACITY_FIELD, self.tr("Capacity field"),
                                            parentLayerParameterName=self.FACILITIES, optional=True,
                                            type=QgsProcessingParameterField.DataType.Numeric)
        param.setHelp(self.tr("Optional: places, beds ... of each facility; the load is served / capacity. Null "
                              "or zero capacities are listed and get no load."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSource(self.POPULATION, self.tr("Population points"),
                                                    [QgsProcessing.SourceType.TypeVectorPoint])
        param.setHelp(self.tr("The households of Fuse persons from the sources (n_0_2 ... n_80p, members) or "
                              "any point layer with counts of people."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.WEIGHT_FIELDS, self.tr("Count fields (groups)"),
                                            parentLayerParameterName=self.POPULATION, optional=True,
                                            allowMultiple=True, type=QgsProcessingParameterField.DataType.Numeric)
        param.setHelp(self.tr("Fields with the number of people of a group at each point (whole numbers; null "
                              "counts 0). With the standard, empty = the groups of the standard (its "
                              "group_fields, e.g. n_60_64 + n_65_79 + n_80p for 60+); given = each field is a "
                              "group checked against every facility type. Needed with given distances."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSource(self.UNITS, self.tr("Units"),
                                                    [QgsProcessing.SourceType.TypeVectorPolygon])
        param.setHelp(self.tr("Communities, streets or any polygons to count in."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.UNIT_ID_FIELD, self.tr("Unit id field"),
                                            parentLayerParameterName=self.UNITS)
        param.setHelp(self.tr("Field with unique unit ids, e.g. the community code."))
        self.addParameter(param)
        param = QgsProcessingParameterEnum(self.STANDARD, self.tr("Standard"), options=[
            self.tr("GB 50180-2018 life circles (built in)"), self.tr("Standard file (CSV)"),
            self.tr("Given distances")], defaultValue=0)
        param.setHelp(self.tr("Where the distance and the group of each facility type come from."))
        self.addParameter(param)
        param = QgsProcessingParameterFile(self.STANDARD_FILE, self.tr("Standard file"), extension="csv",
                                           optional=True)
        param.setHelp(self.tr("A CSV laid out as core/demand/data/gb50180_life_circles.csv (facility_type, "
                              "name_zh, aliases, level, minutes, distance_m, group, group_fields, clause)."))
        self.addParameter(param)
        param = QgsProcessingParameterString(self.DISTANCES, self.tr("Given distances"), defaultValue="300,500,1000",
                                             optional=True)
        param.setHelp(self.tr("Comma-separated limits for 'Given distances': metres, or minutes when the cost is "
                              "travel time."))
        self.addParameter(param)
        param = QgsProcessingParameterNumber(self.MIN_COUNT, self.tr("Smallest published count"),
                                             QgsProcessingParameterNumber.Type.Integer, defaultValue=10, minValue=1)
        param.setHelp(self.tr("Unit counts from 1 to this value minus 1 are withheld, and more to protect them "
                              "(1 = publish everything)."))
        self.addParameter(param)
        for key, label, kind, optional, text in (
            (self.OUTPUT_UNITS, self.tr("Coverage per unit"), QgsProcessing.SourceType.TypeVectorPolygon, False,
             self.tr("Unit x facility type x group: population, covered, uncovered, share; plus an outside-units "
                     "and a total row.")),
            (self.OUTPUT_UNCOVERED, self.tr("Uncovered points"), QgsProcessing.SourceType.TypeVectorPoint, True,
             self.tr("One row per point and check not covered (points with people of the group), with the "
                     "point's fields and why: beyond the distance, not reachable, no facility, not on the "
                     "network.")),
            (self.OUTPUT_FACILITIES, self.tr("Facility load"), QgsProcessing.SourceType.TypeVectorPoint, True,
             self.tr("Every facility x check: the people it serves (covered, nearest) and its load against "
                     "its capacity.")),
            (self.OUTPUT_POPULATION, self.tr("Coverage per point"), QgsProcessing.SourceType.TypeVectorPoint, True,
             self.tr("Every point x check: nearest facility, cost, covered (large: not created by default).")),
        ):
            param = QgsProcessingParameterFeatureSink(key, label, kind, optional=optional,
                                                      createByDefault=key != self.OUTPUT_POPULATION)
            param.setHelp(text)
            self.addParameter(param)
        self.addOutput(QgsProcessingOutputNumber(self.COVERED, self.tr("People covered (all checks)")))
        self.addOutput(QgsProcessingOutputNumber(self.UNCOVERED, self.tr("People not covered (all checks)")))
        self.add_components_output()

    # -- reading -------------------------------------------------------------------------------
    def _facility_attributes(self, source, fids, type_index, cap_index):
        types, caps = {}, {}
        request = QgsFeatureRequest()
        request.setSubsetOfAttributes([i for i in (type_index, cap_index) if i >= 0])
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
        for feature in source.getFeatures(request):
            types[feature.id()] = qgis_io.to_text(feature.attribute(type_index))
            caps[feature.id()] = qgis_io.to_float(feature.attribute(cap_index)) if cap_index >= 0 else None
        return [types.get(f) for f in fids], [caps.get(f) for f in fids]

    def _weights(self, source, fids, names, layer, feedback):
        index = [source.fields().lookupField(n) for n in names]
        position = {f: k for k, f in enumerate(fids)}
        values = {n: np.zeros(len(fids)) for n in names}
        nulls = 0
        request = QgsFeatureRequest()
        request.setSubsetOfAttributes(index)
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
        for feature in source.getFeatures(request):
            if feedback.isCanceled():
                raise qgis_io.canceled()
            k = position[feature.id()]
            for name, i in zip(names, index):
                raw = feature.attribute(i)
                value = qgis_io.to_float(raw)
                if value is None:
                    if raw is not None and qgis_io.to_text(raw) not in (None, ""):
                        raise QgsProcessingException(self.tr(
                            "{layer}, feature {fid}: the count in {field} is not a number.").format(
                            layer=layer, fid=feature.id(), field=name))
                    nulls += 1
                    value = 0.0
                if value < 0 or value != int(value):
                    raise QgsProcessingException(self.tr(
                        "{layer}, feature {fid}: the count in {field} must be a whole number >= 0.").format(
                        layer=layer, fid=feature.id(), field=name))
                values[name][k] = value
        if nulls:
            feedback.pushWarning(self.tr("{layer}: {n} empty counts are taken as 0.").format(layer=layer, n=nulls))
        return values

    def _units(self, parameters, context, net_crs):
        units = self.parameterAsSource(parameters, self.UNITS, context)
        name = self.layer_name(parameters, self.UNITS, units, context)
        id_index = qgis_io.check_field(units, self.UNIT_ID_FIELD,
                                       self.parameterAsString(parameters, self.UNIT_ID_FIELD, context), name)
        read = qgis_io.read_units(units, id_index, name, net_crs, context.transformContext())
        return units, name, id_index, read.ids, read.shapes, read.geometries

    def _requirements(self, parameters, context, feedback, cost, f_types, population, p_name):
        choice = STANDARD_CHOICES[self.parameterAsEnum(parameters, self.STANDARD, context)]
        weights = self.parameterAsFields(parameters, self.WEIGHT_FIELDS, context) or []
        for name in weights:
            qgis_io.check_field(population, self.WEIGHT_FIELDS, name, p_name)
        present = sorted({t for t in f_types if t is not None})
        if choice == "distances":
            text = self.parameterAsString(parameters, self.DISTANCES, context) or ""
            try:
                limits = [float(v) for v in text.split(",") if v.strip()]
            except ValueError:
                limits = []
            if not limits or any(not (v > 0) for v in limits):
                raise QgsProcessingException(self.tr("Given distances '{text}': give numbers above 0, separated by "
                                                     "commas.").format(text=text))
            if not weights:
                raise QgsProcessingException(self.tr("Given distances need the count fields (groups)."))
            return demand.requirements_given(present, limits, weights, cost), {t: t for t in present}
        path = self.parameterAsFile(parameters, self.STANDARD_FILE, context) if choice == "file" else None
        if choice == "file" and not path:
            raise QgsProcessingException(self.tr("Choose the standard file, or the built-in standard."))
        with qgis_io.core_errors():
            rows = demand.read_standard(path)
        matched = demand.match_types(present, rows)
        other = [t for t in present if t not in matched]
        if other:
            feedback.pushWarning(self.tr("Facility types not in the standard, not checked: {types}.").format(
                types=", ".join(other)))
        used = [r for r in rows if r in set(matched.values())]
        feedback.pushInfo(self.tr("Standard: {source}; checked: {rows}.").format(
            source=path or "GB 50180-2018", rows="; ".join(
                f"{r.facility_type} ({r.name_zh}) {r.level} {r.distance_m:g} m / {r.minutes:g} min -> {r.group}"
                for r in used)))
        if weights:
            reqs = demand.requirements_given([r.facility_type for r in used], [0], weights, cost)
            by_type = {r.facility_type: r for r in used}
            reqs = [demand.Requirement(q.facility_type, by_type[q.facility_type].level,
                                       by_type[q.facility_type].distance_m if cost == "length"
                                       else 60.0 * by_type[q.facility_type].minutes, q.group, q.fields)
                    for q in reqs]
        else:
            reqs = demand.requirements_for(used, cost)
            names = set(population.fields().names())
            missing = [q for q in reqs if not set(q.fields) <= names]
            for q in missing:
                feedback.reportError(self.tr("{layer} has no field {fields}: {type} -> {group} is not checked.").format(
                    layer=p_name, fields=", ".join(f for f in q.fields if f not in names), type=q.facility_type,
                    group=q.group), False)
            reqs = [q for q in reqs if q not in missing]
        if not reqs:
            raise QgsProcessingException(self.tr("Nothing to check: no facility type of the standard with its "
                                                 "count fields in the population (see the log)."))
        return reqs, {t: r.facility_type for t, r in matched.items()}

    # -- run -------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS naming)
        steps = qgis_io.phases(feedback, 4)  # reading; the searches; the tables; writing
        min_count = self.parameterAsInt(parameters, self.MIN_COUNT, context)
        read, net_source, cost, max_snap = self.read_network(parameters, context, feedback)
        network = read.network
        net_crs = net_source.sourceCrs()
        facilities = self.read_points(parameters, self.FACILITIES, self.FACILITY_ID_FIELD, net_source, context,
                                      feedback)
        population = self.read_points(parameters, self.POPULATION, "", net_source, context, feedback)
        f_source = self.parameterAsSource(parameters, self.FACILITIES, context)
        p_source = self.parameterAsSource(parameters, self.POPULATION, context)
        type_index = qgis_io.check_field(f_source, self.TYPE_FIELD,
                                         self.parameterAsString(parameters, self.TYPE_FIELD, context), facilities.name)
        cap_name = self.parameterAsString(parameters, self.CAPACITY_FIELD, context)
        cap_index = qgis_io.check_field(f_source, self.CAPACITY_FIELD, cap_name, facilities.name)
        f_raw_types, f_caps = self._facility_attributes(f_source, facilities.fids, type_index, cap_index)
        reqs, type_map = self._requirements(parameters, context, feedback, cost, f_raw_types, p_source,
                                            population.name)
        types = sorted({q.facility_type for q in reqs})
        f_types = [type_map.get(t) if t is not None else None for t in f_raw_types]
        f_type_index = np.array([types.index(t) if t in types else -1 for t in f_types], np.int64)
        fields_needed = sorted({f for q in reqs for f in q.fields})
        values = self._weights(p_source, population.fids, fields_needed, population.name, feedback)
        with qgis_io.core_errors():
            weights = demand.group_weights(values, reqs)
        # duplicate facility ids and capacities: listed, nothing dropped
        seen, twice = set(), []
        for value in facilities.ids:
            if value in seen:
                twice.append(value)
            seen.add(value)
        if twice:
            feedback.reportError(self.tr("{layer}: {n} facility ids are given more than once ({ids}); both "
                                         "facilities are kept, tell them apart by facility_fid.").format(
                layer=facilities.name, n=len(twice), ids=", ".join(str(v) for v in twice[:10])), False)
        if cap_index >= 0:
            bad = [fid for fid, c, t in zip(facilities.fids, f_caps, f_type_index) if t >= 0 and not (c and c > 0)]
            if bad:
                feedback.reportError(self.tr("{layer}: {n} facilities have no capacity above 0 (features {fids}): "
                                             "they serve people but get no load.").format(
                    layer=facilities.name, n=len(bad), fids=", ".join(str(f) for f in bad[:10])), False)
        p_snap, p_reason = self.snap(network, population, max_snap)
        f_snap, f_reason = self.snap(network, facilities, max_snap)
        self.report_points(feedback, [(self.tr("Population"), population, p_reason),
                                      (self.tr("Facilities"), facilities, f_reason)])
        self.isolated_points(feedback, read, f_snap, self.tr("Facilities"), facilities.name)
        units, u_name, u_index, unit_ids, shapes, unit_geometries = self._units(parameters, context, net_crs)
        unit_of, several = demand.assign_units(population.xy, shapes)
        outside = int((unit_of < 0).sum())
        if outside:
            feedback.reportError(self.tr("{n} points of {layer} lie in no unit of {units}: they are counted in the "
                                         "'outside units' row.").format(n=outside, layer=population.name,
                                                                         units=u_name), False)
        if several:
            feedback.pushWarning(self.tr("{n} points lie in several units (overlapping units): each is counted in "
                                         "the first.").format(n=several))
        steps.setCurrentStep(1)
        graph, (p_nodes, f_nodes) = core.build_query_graph(network, [p_snap, f_snap], cost)
        with qgis_io.core_errors():
            near = demand.nearest_by_type(graph, p_snap, p_nodes, f_snap, f_nodes, f_type_index, types,
                                          progress=qgis_io.FeedbackProgress(steps))
            cov = demand.coverage(near, reqs, weights)
        steps.setCurrentStep(2)
        with qgis_io.core_errors():
            table = demand.unit_table(cov, unit_of, unit_ids, min_count=min_count,
                                      progress=qgis_io.FeedbackProgress(steps))
        for message in table.messages[:4]:
            feedback.pushInfo(qgis_io.error_text(message))
        for q in reqs:
            total, summed, covered, uncovered = table.totals[q.label]
            feedback.pushInfo(self.tr("{type} {level} {limit:g} {unit} -> {group}: {total} people in = {summed} in "
                                      "the unit rows (outside units included): {covered} covered + {uncovered} not "
                                      "covered; equal to the input total: {equal}.").format(
                type=q.facility_type, level=q.level, limit=q.limit, unit=COST_UNITS[cost], group=q.group,
                total=total, summed=summed, covered=covered, uncovered=uncovered,
                equal=self.tr("yes") if summed == total == covered + uncovered else self.tr("NO")))
        steps.setCurrentStep(3)
        unit = COST_UNITS[cost]
        results = {}
        texts = self._status_texts(p_reason, COST_UNITS[cost])
        # units
        fields = schema_io.qgs_fields(twin.LIFE_CIRCLE_UNITS, {"unit": units.fields().at(u_index)})
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_UNITS, context, fields,
                                          QgsWkbTypes.Type.MultiPolygon, units.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_UNITS))
        position = {u: k for k, u in enumerate(unit_ids)}
        batch = []
        for row in table.rows:
            q = row.requirement
            geometry = unit_geometries[position[row.unit]] if row.kind == "unit" else None
            if geometry is not None and qgis_io.has_geometry(geometry):
                geometry = type(geometry)(geometry)
                geometry.convertToMultiType()
            batch.append(schema_io.feature(fields, [
                row.unit, row.kind, q.facility_type, q.level, q.group, q.limit, unit, row.population, row.covered,
                row.uncovered, row.share, row.withheld, row.reason], geometry))
        schema_io.add_features(sink, batch, self.OUTPUT_UNITS)
        results[self.OUTPUT_UNITS] = dest
        point_geometry = {}
        if any(parameters.get(k) not in (None, "") for k in (self.OUTPUT_UNCOVERED, self.OUTPUT_POPULATION)):
            request = QgsFeatureRequest()
            request.setNoAttributes()
            for feature in p_source.getFeatures(request):
                point_geometry[feature.id()] = feature.geometry()
        f_ids = facilities.ids
        if parameters.get(self.OUTPUT_POPULATION) not in (None, ""):
            fields = schema_io.qgs_fields(twin.LIFE_CIRCLE_POPULATION,
                                          {"nearest_id": bridge.id_field("nearest_id", facilities)})
            sink, dest = self.parameterAsSink(parameters, self.OUTPUT_POPULATION, context, fields,
                                              QgsWkbTypes.Type.Point, p_source.sourceCrs())
            if sink is None:
                raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_POPULATION))
            batch = []
            for k, fid in enumerate(population.fids):
                for r, q in enumerate(reqs):
                    status = demand.STATUSES[cov.status[k, r]]
                    f = int(cov.facility[k, r])
                    c = float(cov.cost[k, r])
                    batch.append(schema_io.feature(fields, [
                        fid, q.facility_type, q.level, q.group, q.limit, unit, int(cov.weight[k, r]),
                        f_ids[f] if f >= 0 else None, c if np.isfinite(c) else None, status == "covered",
                        "ok" if status == "covered" else status, texts(status, k, q, c)],
                        point_geometry.get(fid)))
                if len(batch) > 50000:
                    schema_io.add_features(sink, batch, self.OUTPUT_POPULATION)
                    batch = []
            schema_io.add_features(sink, batch, self.OUTPUT_POPULATION)
            results[self.OUTPUT_POPULATION] = dest
        if parameters.get(self.OUTPUT_UNCOVERED) not in (None, ""):
            fields = p_source.fields()
            own = schema_io.append_own_fields(fields, twin.LIFE_CIRCLE_UNCOVERED, population.name, feedback)
            sink, dest = self.parameterAsSink(parameters, self.OUTPUT_UNCOVERED, context, fields,
                                              QgsWkbTypes.Type.Point, p_source.sourceCrs())
            if sink is None:
                raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_UNCOVERED))
            todo = np.nonzero(((~cov.covered) & (cov.weight > 0)).any(axis=1))[0]
            wanted = {population.fids[k] for k in todo.tolist()}
            attributes = {}
            if wanted:
                request = QgsFeatureRequest()
                request.setFilterFids(list(wanted))
                request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
                for feature in p_source.getFeatures(request):
                    attributes[feature.id()] = feature.attributes()
            # a point's GeoPackage key (fid) repeats on its rows of several checks: it is left for the output to
            # number (the point's other fields, e.g. household_id, say which point it is)
            keys = [i for i, f in enumerate(p_source.fields()) if f.name().lower() == "fid"]
            for values in attributes.values():
                for i in keys:
                    values[i] = None
            batch = []
            n_own = len(own)
            for k in todo.tolist():
                fid = population.fids[k]
                for r, q in enumerate(reqs):
                    if cov.covered[k, r] or cov.weight[k, r] <= 0:
                        continue
                    status = demand.STATUSES[cov.status[k, r]]
                    f = int(cov.facility[k, r])
                    c = float(cov.cost[k, r])
                    ours = [q.facility_type, q.level, q.group, q.limit, unit, int(cov.weight[k, r]),
                            qgis_io.to_text(f_ids[f]) if f >= 0 else None, c if np.isfinite(c) else None,
                            status, texts(status, k, q, c)]
                    values = list(attributes.get(fid, [None] * (fields.count() - n_own)))
                    feature = schema_io.feature(fields, values + ours[:n_own], point_geometry.get(fid))
                    batch.append(feature)
            schema_io.add_features(sink, batch, self.OUTPUT_UNCOVERED)
            results[self.OUTPUT_UNCOVERED] = dest
        if parameters.get(self.OUTPUT_FACILITIES) not in (None, ""):
            load = demand.facility_load(cov, len(facilities.fids))
            fields = schema_io.qgs_fields(twin.LIFE_CIRCLE_FACILITIES,
                                          {"facility_id": bridge.id_field("facility_id", facilities)})
            sink, dest = self.parameterAsSink(parameters, self.OUTPUT_FACILITIES, context, fields,
                                              QgsWkbTypes.Type.Point, f_source.sourceCrs())
            if sink is None:
                raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_FACILITIES))
            request = QgsFeatureRequest()
            request.setNoAttributes()
            f_geometry = {f.id(): f.geometry() for f in f_source.getFeatures(request)}
            batch = []
            for k, fid in enumerate(facilities.fids):
                mine = [r for r, q in enumerate(reqs) if q.facility_type == f_types[k]]
                if not mine:
                    batch.append(schema_io.feature(fields, [
                        f_ids[k], fid, f_raw_types[k], None, None, None, unit, None, f_caps[k], None, "no_type",
                        self.tr("the type {type} is not checked").format(type=f_raw_types[k])], f_geometry.get(fid)))
                    continue
                for r in mine:
                    q = reqs[r]
                    cap = f_caps[k]
                    status, reason = "ok", None
                    if not f_snap.ok[k]:
                        status, reason = "not_snapped", f_reason[k]
                    elif cap_index >= 0 and not (cap and cap > 0):
                        status, reason = "no_capacity", self.tr("no capacity above 0: no load")
                    served = int(load[k, r])
                    batch.append(schema_io.feature(fields, [
                        f_ids[k], fid, q.facility_type, q.level, q.group, q.limit, unit, served, cap,
                        served / cap if cap and cap > 0 else None, status, reason], f_geometry.get(fid)))
            schema_io.add_features(sink, batch, self.OUTPUT_FACILITIES)
            results[self.OUTPUT_FACILITIES] = dest
        covered = int(cov.weight[cov.covered].sum())
        uncovered = int(cov.weight.sum()) - covered
        return {**results, self.COVERED: covered, self.UNCOVERED: uncovered, **read.outputs}

    def _status_texts(self, p_reason, unit):
        beyond = self.tr("beyond the distance: the nearest is {cost:.0f} {unit}, the limit {limit:g}")
        unreachable = self.tr("not reachable: no facility of the type on the connected part of the network")
        none = self.tr("no facility of the type on the network")

        def text(status, k, q, c):
            if status == "covered":
                return None
            if status == "beyond":
                return beyond.format(cost=c, unit=unit, limit=q.limit)
            if status == "unreachable":
                return unreachable
            if status == "no_facility":
                return none
            return self.tr("not on the network: {reason}").format(reason=p_reason[k])
        return text
