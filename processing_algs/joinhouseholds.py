"""cimtwin:joinhouseholds: records with addresses -> households (户室) in building footprints."""
from __future__ import annotations

from collections import Counter

from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)

from ..cim_twin_plugin import qgis_io
from ..cim_twin_plugin.core.address.join import join_households
from ..cim_twin_plugin.core.twin import tables as twin
from ..cim_twin_plugin.qgis_io import schema as schema_io
from ..cim_twin_plugin.qgis_io import tables
from .address_common import AddressAlgorithm


class JoinHouseholdsAlgorithm(AddressAlgorithm):
    """Links records to households by address and writes the households as points in their buildings."""

    ALG_ID = "joinhouseholds"
    GROUP_ID = "population"

    INPUT = "INPUT"
    ADDRESS_FIELD = "ADDRESS_FIELD"
    KEY_FIELD = "KEY_FIELD"
    HOUSEHOLD_KEY_FIELDS = "HOUSEHOLD_KEY_FIELDS"
    KEEP_FIELDS = "KEEP_FIELDS"
    OUTPUT_HOUSEHOLDS = "OUTPUT_HOUSEHOLDS"
    OUTPUT_LINKS = "OUTPUT_LINKS"
    OUTPUT_UNMATCHED = "OUTPUT_UNMATCHED"
    RECORDS = "RECORDS"
    LINKED = "LINKED"
    UNMATCHED = "UNMATCHED"
    HOUSEHOLDS = "HOUSEHOLDS"

    def displayName(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr("Join records to households")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr(
            "Finds the household (户室: building, unit, room) of every record by its address and writes one "
            "household point inside its building footprint per distinct room, with the number of records.\n\n"
            "Links say how each record matched: exact, normalised (full-width digits, Chinese numerals, "
            "号楼...), inferred_district (no district in the address; the road is known in one district), "
            "fuzzy_road (one character of the road name differs, and only one road fits) or shared_key (the "
            "address lacks the room; records with the same 户号 or ID number name the household), with a score. "
            "Fuzzy matching is conservative: a wrong household is worse than none. Two footprints with one "
            "address are reported, never guessed between.\n\n"
            "Every record is either linked or unmatched with its reason: records in = linked + unmatched "
            "(stated in the log). Privacy: by default the outputs keep only a record key, not names, ID "
            "numbers or phones.\n\n"
            "Optional: an address model (MODEL, from Train an address model) parses the records' addresses; "
            "the buildings' addresses are parsed by the rules."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS naming)
        param = QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Records (table, layer or CSV file)"), [QgsProcessing.SourceType.TypeVector])
        param.setHelp(self.tr("Government records with an address column; CSV files in GBK are read correctly "
                              "when given by path."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.ADDRESS_FIELD, self.tr("Address field"),
                                            parentLayerParameterName=self.INPUT)
        param.setHelp(self.tr("The column with the address text, e.g. 户籍地址 or 现住址."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.KEY_FIELD, self.tr("Record key field"),
                                            parentLayerParameterName=self.INPUT, optional=True)
        param.setHelp(self.tr("Optional column that identifies a record (e.g. 档案编号); default: the feature id "
                              "or row number."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.HOUSEHOLD_KEY_FIELDS, self.tr("Household key fields"),
                                            parentLayerParameterName=self.INPUT, allowMultiple=True, optional=True)
        param.setHelp(self.tr(
            "Optional columns whose equal values tie records to one household: 户号, or the ID number when all "
            "addresses are of one kind (all registered or all current addresses). A record whose address names "
            "the building but not the room, or a road or number no building has, then takes the household its "
            "key's other records were linked to by address (method shared_key), only if they name one "
            "household and its own address agrees with it. The values are used for matching only and are not "
            "written to any output or to the log."))
        self.addParameter(param)
        self.add_building_address_parameters()
        self.addDefaultRegionParameter()
        self.addModelParameter()
        param = QgsProcessingParameterBoolean(self.KEEP_FIELDS, self.tr("Keep all input fields in the links"),
                                              defaultValue=False)
        param.setHelp(self.tr("Off by default (privacy): names, ID numbers and phones are not copied. Turn on "
                              "only if you are allowed to keep them in the output."))
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(param)
        for name, label, help_text in (
            (self.OUTPUT_HOUSEHOLDS, self.tr("Households"),
             self.tr("One point per household inside its building footprint: household_id, building_id, unit, "
                     "floor (given, or from the room number), room, room_key, records.")),
            (self.OUTPUT_LINKS, self.tr("Record links"),
             self.tr("One row per linked record: record key, household_id, building_id, method, score.")),
            (self.OUTPUT_UNMATCHED, self.tr("Unmatched records"),
             self.tr("One row per record without household: record key, address, reason, reason_code and the "
                     "building when it was found.")),
        ):
            kind = (QgsProcessing.SourceType.TypeVectorPoint if name == self.OUTPUT_HOUSEHOLDS
                    else QgsProcessing.SourceType.TypeVector)
            param = QgsProcessingParameterFeatureSink(name, label, kind)
            param.setHelp(help_text)
            self.addParameter(param)
        self.addOutput(QgsProcessingOutputNumber(self.RECORDS, self.tr("Records in")))
        self.addOutput(QgsProcessingOutputNumber(self.LINKED, self.tr("Records linked")))
        self.addOutput(QgsProcessingOutputNumber(self.UNMATCHED, self.tr("Records unmatched")))
        self.addOutput(QgsProcessingOutputNumber(self.HOUSEHOLDS, self.tr("Households")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS naming)
        value = parameters.get(self.INPUT)
        source = None if tables.is_csv_path(value) else self.parameterAsSource(parameters, self.INPUT, context)
        address_field = self.parameterAsString(parameters, self.ADDRESS_FIELD, context)
        key_field = self.parameterAsString(parameters, self.KEY_FIELD, context)
        household_key_fields = self.parameterAsFields(parameters, self.HOUSEHOLD_KEY_FIELDS, context)
        keep = self.parameterAsBool(parameters, self.KEEP_FIELDS, context)
        buildings_source = self.parameterAsSource(parameters, self.BUILDINGS, context)
        if buildings_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.BUILDINGS))
        if not address_field:
            raise QgsProcessingException(self.tr("Choose the address field (ADDRESS_FIELD)."))
        records = tables.read_records(value, source, address_field, key_field, keep, feedback,
                                      household_key_fields)
        buildings, geometries = self.read_building_addresses(parameters, buildings_source, context, feedback)
        if feedback.isCanceled():
            raise qgis_io.canceled()
        gazetteer = self.gazetteer(parameters, context)
        tagger = self.modelTagger(parameters, context, feedback)
        feedback.pushInfo(self.tr("Joining {n} records of {table} to {b} buildings.").format(
            n=len(records.addresses), table=records.name, b=len(buildings)))
        with qgis_io.core_errors():
            result = join_households(records.addresses, buildings, gazetteer,
                                     qgis_io.FeedbackProgress(feedback, 10.0, 80.0),
                                     records.household_keys if household_key_fields else None, tagger)

        index = result.index
        for key, ids in sorted(index.duplicates.items()):
            feedback.reportError(self.tr(
                "Buildings {ids} share the address {address}: records at this address are left unmatched "
                "(reason duplicate_building_address); give the buildings distinct addresses.").format(
                ids=", ".join(ids), address="".join(part for part in key if part)), False)
        if index.without_address:
            shown = ", ".join(index.without_address[:20]) + (" ..." if len(index.without_address) > 20 else "")
            feedback.pushWarning(self.tr(
                "{n} buildings have no usable address and cannot receive households: {ids}").format(
                n=len(index.without_address), ids=shown))

        # households: points inside their footprint
        crs = buildings_source.sourceCrs()
        h_fields = schema_io.qgs_fields(twin.HOUSEHOLDS)
        sink, households_id = self.parameterAsSink(parameters, self.OUTPUT_HOUSEHOLDS, context, h_fields,
                                                   QgsWkbTypes.Type.Point, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_HOUSEHOLDS))
        points = {}
        room_keys = {}
        for link in result.links:
            room_keys.setdefault(link.household_id, result.parsed[link.record].room_key)
        features = []
        for h in result.households:
            if h.building_id not in points:
                points[h.building_id] = qgis_io.representative_point(geometries.get(h.building_id))
            feature = QgsFeature(h_fields)
            if points[h.building_id] is not None:
                feature.setGeometry(points[h.building_id])
            feature.setAttributes([h.household_id, h.building_id, h.unit or None, h.floor or None, h.room,
                                   room_keys.get(h.household_id), h.records])
            features.append(feature)
        schema_io.add_features(sink, features, self.OUTPUT_HOUSEHOLDS)

        # links
        link_fields = schema_io.qgs_fields(twin.HOUSEHOLD_LINKS, {"record": records.key_field})
        extra, kept_index = records.kept(link_fields.names())
        l_fields = QgsFields()  # record, the kept input fields, then the link's own
        l_fields.append(link_fields.at(0))
        for f in extra:
            l_fields.append(f)
        for i in range(1, link_fields.count()):
            l_fields.append(link_fields.at(i))
        sink, links_id = self.parameterAsSink(parameters, self.OUTPUT_LINKS, context, l_fields,
                                              QgsWkbTypes.Type.NoGeometry, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_LINKS))
        features = []
        for link in result.links:
            feature = QgsFeature(l_fields)
            kept = [records.attributes[link.record][i] for i in kept_index]
            feature.setAttributes([records.keys[link.record]] + kept
                                  + [link.household_id, link.building_id, link.method, link.score])
            features.append(feature)
        schema_io.add_features(sink, features, self.OUTPUT_LINKS)

        # unmatched
        u_fields = schema_io.qgs_fields(twin.UNMATCHED, {"record": records.key_field})
        sink, unmatched_id = self.parameterAsSink(parameters, self.OUTPUT_UNMATCHED, context, u_fields,
                                                  QgsWkbTypes.Type.NoGeometry, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_UNMATCHED))
        features = []
        for u in result.unmatched:
            feature = QgsFeature(u_fields)
            feature.setAttributes([records.keys[u.record], records.addresses[u.record],
                                   tables.join_reason(u, result.parsed[u.record]), u.reason, u.building_id or None])
            features.append(feature)
        schema_io.add_features(sink, features, self.OUTPUT_UNMATCHED)
        feedback.setProgress(100.0)

        n_in, n_linked, n_unmatched = len(records.addresses), len(result.links), len(result.unmatched)
        if n_in != n_linked + n_unmatched:  # the core guarantees it; a broken promise must not pass silently
            raise QgsProcessingException(self.tr("Internal error: records were lost in the join."))
        feedback.pushInfo(self.tr("{n} records in = {linked} linked + {unmatched} unmatched.").format(
            n=n_in, linked=n_linked, unmatched=n_unmatched))
        methods = Counter(link.method for link in result.links)
        feedback.pushInfo(self.tr("Links by method: {methods}.").format(
            methods=", ".join(f"{k} {v}" for k, v in methods.most_common()) or "-"))
        reasons = Counter(u.reason for u in result.unmatched)
        if reasons:
            feedback.pushInfo(self.tr("Unmatched by reason: {reasons}.").format(
                reasons=", ".join(f"{k} {v}" for k, v in reasons.most_common())))
        feedback.pushInfo(self.tr("{n} households written (CRS {crs}).").format(
            n=len(result.households), crs=crs.authid() or crs.description()))
        return {self.OUTPUT_HOUSEHOLDS: households_id, self.OUTPUT_LINKS: links_id,
                self.OUTPUT_UNMATCHED: unmatched_id, self.RECORDS: n_in, self.LINKED: n_linked,
                self.UNMATCHED: n_unmatched, self.HOUSEHOLDS: len(result.households)}
