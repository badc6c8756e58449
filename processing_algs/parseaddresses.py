"""cimtwin:parseaddresses: split Chinese addresses into their parts, with keys and a parse status."""
from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsWkbTypes,
)

from ..cim_twin_plugin import qgis_io
from ..cim_twin_plugin.core.address import AddressParser
from ..cim_twin_plugin.core.twin import outputs as twin
from ..cim_twin_plugin.qgis_io import schema as schema_io
from ..cim_twin_plugin.qgis_io import tables
from .address_common import AddressAlgorithm

#: the parts written after the record, its address (and the kept input fields): parser fields, keys, status
PARSED_FIELDS = twin.PARSED_ADDRESSES.names[2:]


class ParseAddressesAlgorithm(AddressAlgorithm):
    """Parses the address field of a table into province ... room, building_key, room_key and status."""

    ALG_ID = "parseaddresses"
    GROUP_ID = "population"

    INPUT = "INPUT"
    ADDRESS_FIELD = "ADDRESS_FIELD"
    GAZETTEER = "GAZETTEER"
    KEY_FIELD = "KEY_FIELD"
    KEEP_FIELDS = "KEEP_FIELDS"
    OUTPUT = "OUTPUT"
    OK = "OK"
    PARTIAL = "PARTIAL"
    FAILED = "FAILED"

    def displayName(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr("Parse Chinese addresses")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr(
            "Splits the addresses of a table into province, city, district, street, community, road, lane (弄), "
            "number (号), building (幢/栋), unit, floor, room, POI and the rest, with a dictionary (jieba and the "
            "built-in national division list, plus your gazetteer) and rules. Full-width digits, Chinese "
            "numerals, 号楼/号, blanks and traditional characters are normalised first.\n\n"
            "building_key and room_key are shared by all spellings of one building or room. status is ok, "
            "partial (reason says what is missing) or failed (reason says why).\n\n"
            "Optional: an address model trained with Train an address model on your own labelled addresses "
            "(MODEL) decides street ... room instead of the rules; it needs python-crfsuite.\n\n"
            "The input may be a layer or a CSV file in UTF-8, UTF-8 with BOM or GBK/GB18030 (detected). "
            "Privacy: by default the output keeps only a record key and the address, not the other input "
            "fields (names, ID numbers, phones)."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS naming)
        param = QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Records (table, layer or CSV file)"), [QgsProcessing.SourceType.TypeVector]
        )
        param.setHelp(self.tr("Any table with an address column; CSV files in GBK are read correctly when "
                              "given by path."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.ADDRESS_FIELD, self.tr("Address field"),
                                            parentLayerParameterName=self.INPUT)
        param.setHelp(self.tr("The column with the address text, e.g. 户籍地址 or 现住址."))
        self.addParameter(param)
        param = QgsProcessingParameterFile(
            self.GAZETTEER, self.tr("Gazetteer additions (CSV)"), extension="csv", optional=True
        )
        param.setHelp(self.tr(
            "Optional CSV with the columns level, name, code, parent: streets, communities, roads and POIs "
            "of your area (level street/community/road/poi). Roads known in one district let addresses "
            "without district get it. The national streets.csv of the division list is accepted as is."))
        self.addParameter(param)
        self.addDefaultRegionParameter()
        self.addModelParameter()
        param = QgsProcessingParameterField(self.KEY_FIELD, self.tr("Record key field"),
                                            parentLayerParameterName=self.INPUT, optional=True)
        param.setHelp(self.tr("Optional column that identifies a record (e.g. 档案编号); default: the feature id "
                              "or row number."))
        self.addParameter(param)
        param = QgsProcessingParameterBoolean(self.KEEP_FIELDS, self.tr("Keep all input fields"), defaultValue=False)
        param.setHelp(self.tr("Off by default (privacy): names, ID numbers and phones are not copied. Turn on "
                              "only if you are allowed to keep them in the output."))
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Parsed addresses"),
                                                  QgsProcessing.SourceType.TypeVector)
        param.setHelp(self.tr("One row per record: record key, address, the parsed fields, building_key, "
                              "room_key, status and reason (and the input fields if asked)."))
        self.addParameter(param)
        self.addOutput(QgsProcessingOutputNumber(self.OK, self.tr("Addresses parsed completely")))
        self.addOutput(QgsProcessingOutputNumber(self.PARTIAL, self.tr("Addresses parsed in part")))
        self.addOutput(QgsProcessingOutputNumber(self.FAILED, self.tr("Addresses not parsed")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS naming)
        value = parameters.get(self.INPUT)
        source = None if tables.is_csv_path(value) else self.parameterAsSource(parameters, self.INPUT, context)
        address_field = self.parameterAsString(parameters, self.ADDRESS_FIELD, context)
        key_field = self.parameterAsString(parameters, self.KEY_FIELD, context)
        keep = self.parameterAsBool(parameters, self.KEEP_FIELDS, context)
        if not address_field:
            raise QgsProcessingException(self.tr("Choose the address field (ADDRESS_FIELD)."))
        steps = qgis_io.phases(feedback, 2)  # reading the records; parsing them
        records = tables.read_records(value, source, address_field, key_field, keep, steps, span=100.0)
        gazetteer = self.gazetteer(parameters, context)
        parser = AddressParser(gazetteer, tagger=self.modelTagger(parameters, context, feedback))
        steps.setCurrentStep(1)

        extra, kept_index = records.kept(twin.PARSED_ADDRESSES.names)  # input fields named as ours are left out
        fields = schema_io.qgs_fields(twin.PARSED_ADDRESSES, inputs=extra)
        wkb_type = records.wkb_type if keep else QgsWkbTypes.Type.NoGeometry
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, wkb_type, records.crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))

        total = len(records.addresses)
        feedback.pushInfo(self.tr("Parsing {n} addresses of {table}.").format(n=total, table=records.name))
        counts = {"ok": 0, "partial": 0, "failed": 0}
        batch = []
        for i, address in enumerate(records.addresses):
            if i % 2000 == 0:
                if feedback.isCanceled():
                    raise qgis_io.canceled()
                steps.setProgress(100.0 * i / max(1, total))
            parsed = parser.parse(address)
            counts[parsed.status] += 1
            values = parsed.as_dict()
            values["reason"] = tables.parse_reason(parsed)
            attributes = [records.keys[i], address]
            geometry = None
            if keep:
                row = records.attributes[i]
                attributes += [row[k] for k in kept_index]
                if records.geometries:
                    geometry = records.geometries[i]
            attributes += [values[name] or None for name in PARSED_FIELDS]
            batch.append(schema_io.feature(fields, attributes, geometry))
            if len(batch) >= 5000:
                schema_io.add_features(sink, batch, self.OUTPUT)
                batch = []
        schema_io.add_features(sink, batch, self.OUTPUT)
        feedback.pushInfo(self.tr(
            "{total} records in = {ok} parsed completely + {partial} in part + {failed} not parsed (reason in "
            "the field reason).").format(total=total, **counts))
        if counts["failed"]:
            feedback.reportError(self.tr("{n} addresses could not be parsed; see the field reason.").format(
                n=counts["failed"]), False)
        return {self.OUTPUT: dest_id, self.OK: counts["ok"], self.PARTIAL: counts["partial"],
                self.FAILED: counts["failed"]}
