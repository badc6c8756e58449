"""cimtwin:exportpopulationgraph: the relations of the population base as GraphML and Neo4j import files."""
from __future__ import annotations

import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
)

from ..cim_twin_plugin import qgis_io
from ..cim_twin_plugin.core.population import graph
from .base import CimTwinAlgorithm


class ExportPopulationGraphAlgorithm(CimTwinAlgorithm):
    """Relations + persons/households/buildings -> GraphML file and Neo4j bulk-import CSV files."""

    ALG_ID = "exportpopulationgraph"
    GROUP_ID = "population"
    NEEDS_FEATURES = ("RELATIONS",)

    RELATIONS = "RELATIONS"
    PERSONS = "PERSONS"
    HOUSEHOLDS = "HOUSEHOLDS"
    BUILDINGS = "BUILDINGS"
    OUTPUT_GRAPHML = "OUTPUT_GRAPHML"
    OUTPUT_NEO4J = "OUTPUT_NEO4J"
    NODES = "NODES"
    EDGES = "EDGES"
    IMPORT_COMMAND = "IMPORT_COMMAND"

    def displayName(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr("Export the population graph")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr(
            "Writes the entity-relation graph of the population base (the relations of Fuse persons from the "
            "sources: lives_in, registered_at, member_of, works_at, located_in, in) as a GraphML file (for "
            "networkx, Gephi, yEd) and as the CSV files of a Neo4j bulk import (neo4j-admin database import; "
            "the command is in the log).\n\n"
            "Nodes carry only non-personal attributes (sex, birth year, age group, residence status, tags ...): "
            "other fields of the tables are left out and named in the log. Relations whose ends are in no table "
            "given are left out and counted.")

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS naming)
        for name, label, help_text, optional in (
            (self.RELATIONS, self.tr("Relations"), self.tr("The relations output of Fuse persons from the sources."),
             False),
            (self.PERSONS, self.tr("Persons"), self.tr("The persons output (nodes Person)."), False),
            (self.HOUSEHOLDS, self.tr("Households"), self.tr("Optional: the households output (nodes Household)."),
             True),
            (self.BUILDINGS, self.tr("Buildings"), self.tr("Optional: the buildings (nodes Building, by "
                                                           "building_id)."), True),
        ):
            param = QgsProcessingParameterFeatureSource(name, label, [QgsProcessing.SourceType.TypeVector],
                                                        optional=optional)
            param.setHelp(help_text)
            self.addParameter(param)
        param = QgsProcessingParameterFileDestination(self.OUTPUT_GRAPHML, self.tr("GraphML file"),
                                                      self.tr("GraphML (*.graphml)"), optional=True)
        param.setHelp(self.tr("The graph as GraphML; leave empty to skip."))
        self.addParameter(param)
        param = QgsProcessingParameterFolderDestination(self.OUTPUT_NEO4J, self.tr("Neo4j import folder"),
                                                        optional=True)
        param.setHelp(self.tr("A folder for the Neo4j bulk-import CSV files (nodes_*.csv, rels_*.csv); leave "
                              "empty to skip."))
        self.addParameter(param)
        self.addOutput(QgsProcessingOutputNumber(self.NODES, self.tr("Nodes")))
        self.addOutput(QgsProcessingOutputNumber(self.EDGES, self.tr("Relations exported")))
        self.addOutput(QgsProcessingOutputString(self.IMPORT_COMMAND, self.tr("Neo4j import command")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS naming)
        graphml = self.parameterAsFileOutput(parameters, self.OUTPUT_GRAPHML, context)
        neo4j = self.parameterAsString(parameters, self.OUTPUT_NEO4J, context)
        neo4j = self.parameterAsFileOutput(parameters, self.OUTPUT_NEO4J, context) if neo4j else ""
        if not graphml and not neo4j:
            raise QgsProcessingException(self.tr("Give a GraphML file (OUTPUT_GRAPHML), a Neo4j folder "
                                                 "(OUTPUT_NEO4J) or both."))
        tables = {}
        for key, label in ((self.PERSONS, "Person"), (self.HOUSEHOLDS, "Household"), (self.BUILDINGS, "Building")):
            source = self.parameterAsSource(parameters, key, context)
            if source is not None:
                tables[label] = self._rows(source)
        relations_source = self.parameterAsSource(parameters, self.RELATIONS, context)
        relations = self._rows(relations_source)
        with qgis_io.core_errors():
            data = graph.build_graph_data(tables, relations)
            for message in data.messages():
                feedback.pushInfo(qgis_io.error_text(message))
            results = {}
            if graphml:
                graph.write_graphml(graph.to_networkx(data), graphml)
                results[self.OUTPUT_GRAPHML] = graphml
            command = ""
            if neo4j:
                os.makedirs(neo4j, exist_ok=True)
                files = graph.write_neo4j_csv(data, None, neo4j)
                command = graph.neo4j_import_command(files)
                results[self.OUTPUT_NEO4J] = neo4j
                feedback.pushInfo(self.tr("Neo4j: {n} files in {folder}; import with: {command}").format(
                    n=len(files), folder=neo4j, command=command))
        nodes = sum(len(t) for t in data.nodes.values())
        feedback.pushInfo(self.tr("{relations} relations in = {edges} exported + {rejected} left out; {nodes} "
                                  "nodes.").format(relations=len(relations), edges=len(data.relations),
                                                   rejected=sum(1 for r in data.rejected if r[0] == "relations"),
                                                   nodes=nodes))
        return {**results, self.NODES: nodes, self.EDGES: len(data.relations), self.IMPORT_COMMAND: command}

    @staticmethod
    def _rows(source) -> list[dict]:
        names = source.fields().names()
        return [{n: (None if v is None or (hasattr(v, "isNull") and v.isNull()) else
                     v.toPyDate() if hasattr(v, "toPyDate") else v)
                 for n, v in zip(names, feature.attributes())} for feature in source.getFeatures()]
