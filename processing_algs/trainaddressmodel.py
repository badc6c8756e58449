"""cimtwin:trainaddressmodel: train the optional address tagger (a CRF) on the user's labelled addresses."""
from __future__ import annotations

import time
from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from ..cim_twin_plugin import qgis_io
from ..cim_twin_plugin.core.address import AddressParser
from ..cim_twin_plugin.core.address.tagger import read_conll, train, unknown_tags
from ..cim_twin_plugin.resources import plugin_version
from .address_common import load_gazetteer
from .base import CimTwinAlgorithm


class TrainAddressModelAlgorithm(CimTwinAlgorithm):
    """Trains an address model from addresses labelled in CoNLL form; parseaddresses uses it with MODEL."""

    ALG_ID = "trainaddressmodel"
    GROUP_ID = "population"

    INPUT = "INPUT"
    GAZETTEER = "GAZETTEER"
    MAX_ITERATIONS = "MAX_ITERATIONS"
    OUTPUT = "OUTPUT"
    ADDRESSES = "ADDRESSES"
    TOKENS = "TOKENS"

    def displayName(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr("Train an address model")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr(
            "Trains a statistical address tagger (a CRF) on addresses you have labelled, and writes it to a "
            "model file. Give the model to Parse Chinese addresses (parameter MODEL): it then takes street, "
            "community, road, lane, number, building, unit, floor, room and POI from the model, which learns "
            "the conventions of your sources (is the last 号 after 栋 a unit or a room?). Province, city, "
            "district and their codes still come from the gazetteer.\n\n"
            "The labelled addresses are a text file in CoNLL form: one 'token TAG' per line (a character, or "
            "a run of digits), BIO tags, a blank line after each address. Tags may be our field names "
            "(province, city, district, street, community, road, lane, number, building, unit, floor, room, "
            "poi) or those of the NAACL 2019 / CCKS 2021 address data (prov, town, road, roadno, subroad, "
            "houseno, cellno, floorno, roomno, poi ...).\n\n"
            "No model is shipped with the plugin: the public labelled data (NAACL 2019) has no licence. The "
            "model is optional: the rules parse addresses without it. Training and parsing with a model need "
            "the Python package python-crfsuite in QGIS's Python (pip install python-crfsuite). A model "
            "belongs with the rules and gazetteer of the plugin version that trained it: train it again "
            "after an update, with the same gazetteer additions you parse with."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS naming)
        # no extension filter: labelled files come as .txt, .conll, .bio, .tsv; a wrong file gets a message
        # naming it and its bad line instead of "Incorrect parameter value"
        param = QgsProcessingParameterFile(self.INPUT, self.tr("Labelled addresses (CoNLL text file)"))
        param.setHelp(self.tr(
            "UTF-8 text, one 'token TAG' per line with BIO tags (B-road, I-road, O ...), a blank line between "
            "addresses, e.g. 杭 B-city / 州 I-city / 市 I-city. A bad line stops the run with its number."))
        self.addParameter(param)
        param = QgsProcessingParameterFile(
            self.GAZETTEER, self.tr("Gazetteer additions (CSV)"), extension="csv", optional=True
        )
        param.setHelp(self.tr(
            "Optional CSV with the columns level, name, code, parent (streets, communities, roads, POIs), as "
            "for Parse Chinese addresses. What the rules and the gazetteer make of an address is part of what "
            "the model learns: parse with the same gazetteer additions."))
        self.addParameter(param)
        param = QgsProcessingParameterNumber(
            self.MAX_ITERATIONS, self.tr("Maximum training iterations"),
            QgsProcessingParameterNumber.Type.Integer, defaultValue=150, minValue=10)
        param.setHelp(self.tr(
            "How many passes the training may make over the labelled addresses; more passes take longer and "
            "may fit the data more closely. At least 10."))
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(param)
        param = QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("Address model"),
                                                      fileFilter=self.tr("Address model (*.model)"))
        param.setHelp(self.tr("The model file to write; give it to Parse Chinese addresses as MODEL."))
        self.addParameter(param)
        self.addOutput(QgsProcessingOutputNumber(self.ADDRESSES, self.tr("Labelled addresses")))
        self.addOutput(QgsProcessingOutputNumber(self.TOKENS, self.tr("Labelled tokens")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS naming)
        path = self.parameterAsFile(parameters, self.INPUT, context)
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        iterations = self.parameterAsInt(parameters, self.MAX_ITERATIONS, context)
        if not path:
            raise QgsProcessingException(self.tr("Choose the file of labelled addresses (INPUT)."))
        if not output:
            raise QgsProcessingException(self.tr("Choose where to write the model (OUTPUT)."))
        with qgis_io.core_errors():
            samples = read_conll(path)
        unknown = unknown_tags(samples)
        if unknown:
            feedback.pushWarning(self.tr(
                "The tags {tags} are not address fields: the model learns them, and parsing puts their text "
                "in the field rest.").format(tags=", ".join(unknown)))
        gazetteer = load_gazetteer(self.parameterAsFile(parameters, self.GAZETTEER, context), self.tr)
        if feedback.isCanceled():
            raise qgis_io.canceled()
        try:
            Path(output).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise QgsProcessingException(self.tr("Cannot create the folder of {path}: {error}").format(
                path=output, error=exc)) from exc
        feedback.pushInfo(self.tr("Training on {n} labelled addresses of {file} (at most {iterations} "
                                  "iterations).").format(n=len(samples), file=Path(path).name,
                                                         iterations=iterations))
        started = time.monotonic()
        try:
            with qgis_io.core_errors():
                stats = train(samples, output, AddressParser(gazetteer), max_iterations=iterations,
                              progress=qgis_io.FeedbackProgress(feedback))
        except OSError as exc:
            raise QgsProcessingException(self.tr("Cannot write the model {path}: {error}").format(
                path=output, error=exc)) from exc
        if feedback.isCanceled():  # the CRF's own iterations cannot be interrupted: drop their result
            Path(output).unlink(missing_ok=True)
            raise qgis_io.canceled()
        feedback.pushInfo(self.tr(
            "{addresses} addresses, {tokens} tokens and {labels} labels learnt in {seconds:.1f} s; model "
            "written to {path}.").format(seconds=time.monotonic() - started, path=output, **stats))
        feedback.pushInfo(self.tr(
            "The model belongs with the rules and gazetteer of CIM Twin {version}: parse with this version "
            "and the same gazetteer additions, and train it again after updating the plugin.").format(
            version=plugin_version()))
        feedback.setProgress(100.0)
        return {self.OUTPUT: output, self.ADDRESSES: stats["addresses"], self.TOKENS: stats["tokens"]}
