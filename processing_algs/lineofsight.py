"""cimtwin:lineofsight: sight lines between observer and target points, with the first obstruction."""
from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsWkbTypes,
)

from ..cim_twin_plugin import qgis_io
from ..cim_twin_plugin.core.twin import tables as twin
from ..cim_twin_plugin.core.visibility import (
    DEFAULT_MAX_PAIRS,
    DEFAULT_REFRACTION,
    PAIRINGS,
    curvature_factor,
    pair_points,
    sight_lines,
)
from ..cim_twin_plugin.qgis_io import raster
from ..cim_twin_plugin.qgis_io import schema as schema_io
from ..cim_twin_plugin.qgis_io.common import report_features
from .visibility_common import VisibilityAlgorithm


class LineOfSightAlgorithm(VisibilityAlgorithm):
    """Is each target visible from its observer? Lines with the first obstruction point."""

    ALG_ID = "lineofsight"
    GROUP_ID = "visibility"
    NEEDS_CRS = ("DEM", "OBSERVERS", "TARGETS", "BUILDINGS")
    NEEDS_FEATURES = ("OBSERVERS", "TARGETS")

    OBSERVERS = "OBSERVERS"
    TARGETS = "TARGETS"
    PAIRING = "PAIRING"
    DEM = "DEM"
    OBSERVER_HEIGHT = "OBSERVER_HEIGHT"
    TARGET_HEIGHT = "TARGET_HEIGHT"
    CURVATURE = "CURVATURE"
    REFRACTION = "REFRACTION"
    MAX_PAIRS = "MAX_PAIRS"
    OUTPUT = "OUTPUT"
    VISIBLE = "VISIBLE"
    BLOCKED = "BLOCKED"
    FAILED = "FAILED"

    def displayName(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr("Line of sight")

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS naming)
        return self.tr(
            "Draws a sight line from each observer to its target (paired by order, or every observer to every "
            "target) over a DEM with optional buildings burnt in, and says whether the target is visible. "
            "Blocked lines carry the first obstruction point (x, y, height) and its distance from the "
            "observer. Pairs that cannot be computed (outside the DEM, on nodata) are kept with visible "
            "empty and the reason in los_reason. Output CRS: the DEM's (UTM when the DEM is geographic)."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS naming)
        for key, label, text in (
            (self.OBSERVERS, self.tr("Observer points"), self.tr("Points to look from (any CRS).")),
            (self.TARGETS, self.tr("Target points"), self.tr("Points to look at (any CRS).")),
        ):
            param = QgsProcessingParameterFeatureSource(key, label, [QgsProcessing.SourceType.TypeVectorPoint])
            param.setHelp(text)
            self.addParameter(param)
        param = QgsProcessingParameterEnum(
            self.PAIRING, self.tr("Pairing"),
            options=[self.tr("By order (1st observer - 1st target, ...)"), self.tr("All pairs")], defaultValue=0,
        )
        param.setHelp(
            self.tr("By order pairs the n-th observer with the n-th target; all pairs tests every combination."))
        self.addParameter(param)
        param = QgsProcessingParameterRasterLayer(self.DEM, self.tr("DEM"))
        param.setHelp(self.tr("Terrain (or a DSM) in metres, any CRS."))
        self.addParameter(param)
        self.add_building_parameters(optional=True)
        for key, label, default, text in (
            (self.OBSERVER_HEIGHT, self.tr("Observer height (m)"), 1.6, self.tr("Eye height above the surface.")),
            (self.TARGET_HEIGHT, self.tr("Target height (m)"), 0.0, self.tr("Height of the target above the surface.")),
        ):
            param = QgsProcessingParameterNumber(key, label, QgsProcessingParameterNumber.Type.Double,
                                                 defaultValue=default)
            param.setHelp(text)
            self.addParameter(param)
        param = QgsProcessingParameterBoolean(self.CURVATURE, self.tr("Earth curvature and refraction"), False)
        param.setHelp(self.tr("Lower distant points by the earth's curvature, reduced by refraction."))
        self.addParameter(param)
        param = QgsProcessingParameterNumber(self.REFRACTION, self.tr("Refraction coefficient"),
                                             QgsProcessingParameterNumber.Type.Double,
                                             defaultValue=DEFAULT_REFRACTION, minValue=0.0, maxValue=1.0)
        param.setHelp(self.tr("Coefficient of atmospheric refraction used with the curvature (0.13 by default)."))
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(param)
        param = QgsProcessingParameterNumber(self.MAX_PAIRS, self.tr("Largest number of pairs"),
                                             QgsProcessingParameterNumber.Type.Integer, defaultValue=DEFAULT_MAX_PAIRS,
                                             minValue=1)
        param.setHelp(self.tr("More pairs are refused (all pairs of large layers grow quickly)."))
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(param)
        self.add_max_cells()
        param = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Sight lines"),
                                                  QgsProcessing.SourceType.TypeVectorLine)
        param.setHelp(self.tr("One line per pair with visible, the obstruction and distances."))
        self.addParameter(param)
        self.addOutput(QgsProcessingOutputNumber(self.VISIBLE, self.tr("Visible pairs")))
        self.addOutput(QgsProcessingOutputNumber(self.BLOCKED, self.tr("Blocked pairs")))
        self.addOutput(QgsProcessingOutputNumber(self.FAILED, self.tr("Pairs not computed")))

    @staticmethod
    def _points(source, label, crs, context, feedback, not_used):
        """(fid, QgsPointXY or None, translated reason or None) of every feature; unusable ones are logged
        (the first 20), each as *not_used* (a translated text with {reason})."""
        rows = raster.read_points(source, crs, context, feedback=feedback)
        report_features(feedback, label,
                        [(row.fid, not_used.format(reason=row.reason)) for row in rows if row.reason is not None],
                        warning=True, limit=20)
        return [(row.fid, row.point, row.reason) for row in rows]

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS naming)
        self.check_building_fields(parameters, context)
        grid = self.load_dem(parameters, context, feedback)
        crs = raster.grid_crs(grid)
        observers = self.parameterAsSource(parameters, self.OBSERVERS, context)
        targets = self.parameterAsSource(parameters, self.TARGETS, context)
        if observers is None or targets is None:
            raise QgsProcessingException(self.tr("Both an observer layer and a target layer are needed."))
        obs = self._points(observers, self.layer_name(parameters, self.OBSERVERS, observers, context), crs, context,
                           feedback, self.tr("not used as an observer: {reason}"))
        tgs = self._points(targets, self.layer_name(parameters, self.TARGETS, targets, context), crs, context,
                           feedback, self.tr("not used as a target: {reason}"))
        with qgis_io.core_errors():
            pairs, note = pair_points(obs, tgs, PAIRINGS[self.parameterAsEnum(parameters, self.PAIRING, context)],
                                      self.parameterAsInt(parameters, self.MAX_PAIRS, context))
        if note is not None:
            feedback.reportError(qgis_io.error_text(note), False)
        self.burn(parameters, context, feedback, grid, 0.0, 20.0)
        oh = self.parameterAsDouble(parameters, self.OBSERVER_HEIGHT, context)
        th = self.parameterAsDouble(parameters, self.TARGET_HEIGHT, context)
        curv = curvature_factor(self.parameterAsBool(parameters, self.CURVATURE, context),
                                self.parameterAsDouble(parameters, self.REFRACTION, context))
        usable = [(i, o[1], t[1]) for i, (o, t) in enumerate(pairs) if o[1] is not None and t[1] is not None]
        with qgis_io.core_errors():
            answers = sight_lines(grid, [(o.x(), o.y(), oh, t.x(), t.y(), th) for _, o, t in usable], curv,
                                  qgis_io.FeedbackProgress(feedback, 20.0, 70.0))
        by_pair = {i: a for (i, _, _), a in zip(usable, answers)}
        fields = schema_io.qgs_fields(twin.LINE_OF_SIGHT)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.LineString, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        counts = {True: 0, False: 0, None: 0}
        for i, ((ofid, o, oreason), (tfid, t, treason)) in enumerate(pairs):
            feature = QgsFeature(fields)
            answer = by_pair.get(i)
            if answer is None:
                counts[None] += 1
                if oreason is not None:
                    why = self.tr("observer: {reason}").format(reason=oreason)
                else:
                    why = self.tr("target: {reason}").format(reason=treason)
                feature.setAttributes([ofid, tfid, None, None, None, None, None, None,
                                       self.tr("not computed: {detail}").format(detail=why)])
            else:
                counts[answer.visible] += 1
                feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(o), QgsPointXY(t)]))
                obst = answer.obstruction or (None, None, None)
                reason = None
                if answer.reason is not None:
                    reason = self.tr("not computed: {detail}").format(detail=qgis_io.error_text(answer.reason))
                feature.setAttributes([ofid, tfid, answer.visible, answer.distance, obst[0], obst[1], obst[2],
                                       answer.obstruction_distance, reason])
            schema_io.add_features(sink, [feature], self.OUTPUT)
        feedback.pushInfo(
            self.tr("{n} pairs = {v} visible + {b} blocked + {f} not computed (reason in los_reason); "
                    "output CRS {crs}.").format(n=len(pairs), v=counts[True], b=counts[False], f=counts[None],
                                                crs=crs.authid() or crs.description())
        )
        return {self.OUTPUT: dest, self.VISIBLE: counts[True], self.BLOCKED: counts[False], self.FAILED: counts[None]}
