"""cimtwin:fusepersons: one person base fused from the government sources (issue 14)."""
from __future__ import annotations

import json
from collections import Counter
from datetime import date

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..cim_twin_plugin import qgis_io
from ..cim_twin_plugin.core.population import pipeline
from ..cim_twin_plugin.core.population.sources import load_config
from ..cim_twin_plugin.core.twin import outputs as twin
from ..cim_twin_plugin.core.twin import tables as twin_tables
from ..cim_twin_plugin.qgis_io import population as bridge
from ..cim_twin_plugin.qgis_io import schema as schema_io
from .address_common import AddressAlgorithm


class FusePersonsAlgorithm(AddressAlgorithm):
    """Sources -> persons, households with member counts, relations, conflicts and rejects."""

    ALG_ID = "fusepersons"
    GROUP_ID = "population"
    NEEDS_CRS = ()

    SOURCES = "SOURCES"
    CONFIG = "CONFIG"
    COMMUNITY_FIELD = "COMMUNITY_FIELD"
    SECRET_KEY = "SECRET_KEY"
    REFERENCE_DATE = "REFERENCE_DATE"
    TAG_RULES = "TAG_RULES"
    OUTPUT_PERSONS = "OUTPUT_PERSONS"
    OUTPUT_HOUSEHOLDS = "OUTPUT_HOUSEHOLDS"
    OUTPUT_RELATIONS = "OUTPUT_RELATIONS"
    OUTPUT_CONFLICTS = "OUTPUT_CONFLICTS"
    OUTPUT_REJECTS = "OUTPUT_REJECTS"
    RECORDS = "RECORDS"
    PERSONS = "PERSONS"
    HOUSEHOLDS = "HOUSEHOLDS"
    REJECTED = "REJECTED"
    CONFLICTS = "CONFLICTS"

    def displayName(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr("Fuse persons from the sources")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr(
            "Builds the population base: the government tables a street office holds (户籍, 居委台账, 卫健, 民政, "
            "社保, 企业) are read with their own columns and encodings, their records are linked into persons "
            "(by validated ID number; records without a valid ID by a conservative match on name, birth date "
            "and address: a wrong merge is worse than a missed one), each person's fields are fused by trust "
            "priority with the source of each value, and everyone is placed in the household where they live "
            "and the one where they are registered (the household join of Join records to households).\n\n"
            "Outputs: persons (no name, no ID number, no phone: a person_key, the keyed hash of the ID number, "
            "with sex, birth year, age group, residence status 人户一致 / 人在户不在 / 人不在户在, 常住 / 流动 / 外出, "
            "the 1+9 profile and the X tags of your rules), households with member counts per age group and "
            "status, the relations (lives_in, registered_at, member_of, works_at, located_in, in), the "
            "conflicts between sources and the rejected rows with their reason. Per source, rows in = in "
            "persons + in enterprises + rejected (in the log).\n\n"
            "Without a CONFIG the role and columns of each table are recognised from its headers (the log says "
            "what was recognised). Keep the key file safe: the same key gives the same person_keys."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS naming)
        param = QgsProcessingParameterMultipleLayers(self.SOURCES, self.tr("Source tables"),
                                                     QgsProcessing.SourceType.TypeFile)
        param.setHelp(self.tr(
            "The government tables: CSV (UTF-8, UTF-8 with BOM, GBK or GB18030), Excel (.xlsx) or any table "
            "QGIS opens. Their role (户籍 hukou, 居委台账 ledger, 卫健 health, 民政 civil_affairs, 社保 "
            "social_security, 企业 enterprise) is recognised from the columns and the file name."))
        self.addParameter(param)
        param = QgsProcessingParameterFile(self.CONFIG, self.tr("Configuration (TOML)"), extension="toml",
                                           optional=True)
        param.setHelp(self.tr(
            "Optional: each source's role, column mapping, date formats and trust priority per field (see the "
            "example sample_district.toml in the plugin's core/population/data folder). Without it, roles and "
            "columns come from the usual Chinese headers and the default priorities (户籍 > 民政 > 社保 > 卫健 > "
            "居委台账 for identity fields; 居委台账 first for where a person lives)."))
        self.addParameter(param)
        self.add_building_address_parameters()
        param = QgsProcessingParameterField(self.COMMUNITY_FIELD, self.tr("Building community code field"),
                                            parentLayerParameterName=self.BUILDINGS, optional=True)
        param.setHelp(self.tr("Optional: the buildings' 12-digit community code (community_code), for the "
                              "building -> community relations."))
        self.addParameter(param)
        param = QgsProcessingParameterFile(self.SECRET_KEY, self.tr("Secret key file"))
        param.setHelp(self.tr(
            "The file holding the secret of the keyed hashes (person_key, family_key). If it does not exist a "
            "new random key is written there with a warning. The key is never written into an output or the "
            "log; keep the file safe and use the same one in every run."))
        self.addParameter(param)
        param = QgsProcessingParameterString(self.REFERENCE_DATE, self.tr("Reference date (YYYY-MM-DD)"),
                                             defaultValue="", optional=True)
        param.setHelp(self.tr("Ages and age groups are computed as of this date; default: today."))
        self.addParameter(param)
        param = QgsProcessingParameterString(self.TAG_RULES, self.tr("Tag rules (X)"), multiLine=True,
                                             optional=True, defaultValue="")
        param.setHelp(self.tr(
            "Optional: one rule per line, 'name: condition' over the person fields, e.g. 独居老人: age >= 65 and "
            "living_alone, or 学龄儿童: 6 <= age < 12. Conditions use comparisons, and, or, not, in, numbers and "
            "text; the tags go to the persons' tags field."))
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(param)
        for name, label, help_text, kind in (
            (self.OUTPUT_PERSONS, self.tr("Persons"),
             self.tr("One row per person, no geometry: person_key, sex, birth year, age and age group, residence "
                     "status, where they live and are registered, the profile, tags and the source of each "
                     "value. Personal data under PIPL: no names, ID numbers or phones."),
             QgsProcessing.SourceType.TypeVector),
            (self.OUTPUT_HOUSEHOLDS, self.tr("Households"),
             self.tr("One point per lived-in household inside its building, with members per age group and "
                     "residence status."), QgsProcessing.SourceType.TypeVectorPoint),
            (self.OUTPUT_RELATIONS, self.tr("Relations"),
             self.tr("The entity-relation graph: subject, predicate, object, source, valid_from."),
             QgsProcessing.SourceType.TypeVector),
            (self.OUTPUT_CONFLICTS, self.tr("Conflicts"),
             self.tr("Fields on which the sources of a person disagree, and the source kept."),
             QgsProcessing.SourceType.TypeVector),
            (self.OUTPUT_REJECTS, self.tr("Rejected rows"),
             self.tr("Source rows in no person and no enterprise, with the reason (source and row only)."),
             QgsProcessing.SourceType.TypeVector),
        ):
            param = QgsProcessingParameterFeatureSink(name, label, kind)
            param.setHelp(help_text)
            self.addParameter(param)
        for name, label in ((self.RECORDS, self.tr("Source rows")), (self.PERSONS, self.tr("Persons")),
                            (self.HOUSEHOLDS, self.tr("Lived-in households")),
                            (self.REJECTED, self.tr("Rows rejected")), (self.CONFLICTS, self.tr("Conflicts"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS naming)
        steps = qgis_io.phases(feedback, 3)  # reading, building the base, writing
        steps.setCurrentStep(0)
        tables = bridge.read_tables(self.parameterAsFileList(parameters, self.SOURCES, context), context, steps)
        config_path = self.parameterAsFile(parameters, self.CONFIG, context)
        with qgis_io.core_errors():
            config = load_config(config_path) if config_path else None
        buildings_source = self.parameterAsSource(parameters, self.BUILDINGS, context)
        if buildings_source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.BUILDINGS))
        buildings, geometries = self.read_building_addresses(parameters, buildings_source, context, feedback)
        communities = self._communities(parameters, buildings_source, context)
        secret = bridge.secret_key(self.parameterAsFile(parameters, self.SECRET_KEY, context), feedback)
        reference = self._reference_date(parameters, context)
        rules = self.parameterAsString(parameters, self.TAG_RULES, context)
        steps.setCurrentStep(1)
        with qgis_io.core_errors():
            population = pipeline.build(tables, buildings, secret, reference, config, rules,
                                        self.gazetteer(parameters, context), communities,
                                        qgis_io.FeedbackProgress(steps))
        for note in population.notes:
            feedback.pushInfo(qgis_io.error_text(note))
        steps.setCurrentStep(2)
        result = population.result
        crs = buildings_source.sourceCrs()
        ids = {}
        ids[self.OUTPUT_PERSONS] = self._write(
            parameters, context, self.OUTPUT_PERSONS, twin_tables.PERSONS, QgsWkbTypes.Type.NoGeometry, crs,
            ((bridge.person_values(p, twin_tables.PERSONS.names), None) for p in result.persons))
        ids[self.OUTPUT_HOUSEHOLDS] = self._write(
            parameters, context, self.OUTPUT_HOUSEHOLDS, twin.POPULATION_HOUSEHOLDS, QgsWkbTypes.Type.Point, crs,
            ((self._household_values(h), qgis_io.representative_point(geometries.get(h.building_id)))
             for h in result.households))
        ids[self.OUTPUT_RELATIONS] = self._write(
            parameters, context, self.OUTPUT_RELATIONS, twin_tables.RELATIONS, QgsWkbTypes.Type.NoGeometry, crs,
            (([r.subject, r.predicate, r.object, r.source, r.valid_from, None], None) for r in result.relations))
        ids[self.OUTPUT_CONFLICTS] = self._write(
            parameters, context, self.OUTPUT_CONFLICTS, twin.POPULATION_CONFLICTS, QgsWkbTypes.Type.NoGeometry, crs,
            (([c.person_key, c.field, json.dumps(c.values, ensure_ascii=False, default=str), c.chosen], None)
             for c in result.conflicts))
        ids[self.OUTPUT_REJECTS] = self._write(
            parameters, context, self.OUTPUT_REJECTS, twin.POPULATION_REJECTS, QgsWkbTypes.Type.NoGeometry, crs,
            (([r.source, r.row, r.reason, r.detail], None) for r in result.rejects))
        rows = sum(b.rows for b in result.balance.values())
        reasons = Counter(r.reason for r in result.rejects)
        feedback.pushInfo(self.tr("{rows} source rows = {persons} in persons + {enterprises} in enterprises + "
                                  "{rejected} rejected ({reasons}).").format(
            rows=rows, persons=sum(b.in_persons for b in result.balance.values()),
            enterprises=sum(b.in_enterprises for b in result.balance.values()), rejected=len(result.rejects),
            reasons=", ".join(f"{k} {v}" for k, v in reasons.most_common()) or "-"))
        if not result.balanced:
            raise QgsProcessingException(self.tr("Internal error: source rows were lost in the fusion."))
        feedback.pushInfo(self.tr("{persons} persons in {households} lived-in households; {conflicts} conflicts "
                                  "between sources.").format(persons=len(result.persons),
                                                             households=len(result.households),
                                                             conflicts=len(result.conflicts)))
        return {**ids, self.RECORDS: rows, self.PERSONS: len(result.persons),
                self.HOUSEHOLDS: len(result.households), self.REJECTED: len(result.rejects),
                self.CONFLICTS: len(result.conflicts)}

    # -- helpers ------------------------------------------------------------------------------------------
    def _write(self, parameters, context, key, schema, wkb, crs, rows) -> str:
        fields = schema_io.qgs_fields(schema)
        sink, dest = self.parameterAsSink(parameters, key, context, fields, wkb, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, key))
        batch = []
        for values, geometry in rows:
            batch.append(schema_io.feature(fields, values, geometry))
            if len(batch) >= 10000:
                schema_io.add_features(sink, batch, key)
                batch = []
        schema_io.add_features(sink, batch, key)
        return dest

    @staticmethod
    def _household_values(h) -> list:
        ages = [h.by_age_group.get(group, 0) for group in twin.AGE_GROUP_FIELDS]
        statuses = [h.by_status.get(status, 0) for status in twin.STATUS_FIELDS]
        return [h.household_id, h.building_id, h.unit or None, h.floor or None, h.room or None, h.members,
                *ages, *statuses, h.registered, h.away]

    def _communities(self, parameters, source, context) -> dict:
        name = self.parameterAsString(parameters, self.COMMUNITY_FIELD, context)
        if not name and source.fields().lookupField("community_code") >= 0:
            name = "community_code"
        if not name:
            return {}
        index = qgis_io.check_field(source, self.COMMUNITY_FIELD, name,
                                    self.layer_name(parameters, self.BUILDINGS, source, context))
        id_name = self.parameterAsString(parameters, self.BUILDING_ID_FIELD, context)
        id_index = source.fields().lookupField(id_name) if id_name else -1
        out = {}
        for feature in source.getFeatures():
            building = qgis_io.to_text(feature.attribute(id_index)) if id_index >= 0 else str(feature.id())
            code = qgis_io.to_text(feature.attribute(index))
            if building and code:
                out[building] = code
        return out

    def _reference_date(self, parameters, context) -> date:
        text = (self.parameterAsString(parameters, self.REFERENCE_DATE, context) or "").strip()
        if not text:
            return date.today()
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise QgsProcessingException(self.tr(
                "REFERENCE_DATE: {value} is not a date of the form YYYY-MM-DD (e.g. 2026-12-01).").format(
                value=text)) from None
