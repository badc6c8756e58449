"""Small base class shared by every CIM Twin algorithm (STYLE.md: our own, not QgisAlgorithm)."""
from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..cim_twin_plugin.i18n import tr as plugin_tr
from ..cim_twin_plugin.resources import ICON_PATH

HELP_URL = "https://example.org/cim-twin/docs/algorithms#{id}"

#: group ids (stable, used in model files) -> English display names (translated at run time)
GROUPS = {
    "entities": QT_TRANSLATE_NOOP("CimTwin", "Twin entities"),
    "population": QT_TRANSLATE_NOOP("CimTwin", "Population"),
    "network": QT_TRANSLATE_NOOP("CimTwin", "Network"),
    "visibility": QT_TRANSLATE_NOOP("CimTwin", "Visibility"),
    "measurement": QT_TRANSLATE_NOOP("CimTwin", "Measurement"),
}


def group_name(group_id: str) -> str:
    """Translated display name of a group."""
    return plugin_tr(GROUPS[group_id])



class CimTwinAlgorithm(QgsProcessingAlgorithm):
    """Base of all CIM Twin algorithms: translation, instance creation, group, help URL.

    Subclasses set ``ALG_ID``, ``GROUP_ID`` and implement ``displayName``,
    ``shortHelpString``, ``initAlgorithm`` and ``processAlgorithm``. No state is
    kept on instances between runs.
    """

    ALG_ID = ""
    GROUP_ID = "entities"
    #: layer parameters whose CRS must be defined (their positions are measured or combined)
    NEEDS_CRS: tuple[str, ...] = ()
    #: layer parameters that must hold features (there is nothing to compute against without them)
    NEEDS_FEATURES: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs):
        """Every subclass's processAlgorithm runs guarded: its inputs are checked first (NEEDS_CRS,
        NEEDS_FEATURES: qgis_io.inputs), outputs never overwrite inputs or each other, their folders are
        checked first, and they are complete or absent (qgis_io.outputs)."""
        super().__init_subclass__(**kwargs)
        run = cls.__dict__.get("processAlgorithm")
        if run is None or getattr(run, "guarded", False):
            return

        def processAlgorithm(self, parameters, context, feedback, _run=run):  # noqa: N802 (QGIS naming)
            from ..cim_twin_plugin.qgis_io.inputs import check_inputs
            from ..cim_twin_plugin.qgis_io.outputs import guarded_run

            check_inputs(self, parameters, context)
            return guarded_run(self, lambda p, c, f: _run(self, p, c, f), parameters, context, feedback)

        processAlgorithm.guarded = True
        processAlgorithm.__doc__ = run.__doc__
        cls.processAlgorithm = processAlgorithm

    def tr(self, text: str) -> str:
        """Translate *text* in the context of the class that holds the call.

        pylupdate files ``self.tr("...")`` under the class whose body holds it,
        and that is often a shared base or a parameter mixin (VisibilityAlgorithm,
        BuildingParameters, NetworkAlgorithm), not the concrete algorithm: so the
        contexts of the instance's classes are tried in MRO order, the concrete
        class first. One convention for the whole plugin: the context of a string
        is the name of the class it is written in.
        """
        for klass in type(self).__mro__:
            if klass is CimTwinAlgorithm:
                break
            translated = QCoreApplication.translate(klass.__name__, text)
            if translated != text:
                return translated
        return text

    #: the range of QGIS's integer parameters (parameterAsInt returns a 32-bit int)
    INT_RANGE = (-(2 ** 31), 2 ** 31 - 1)

    def parameterAsInt(self, parameters, name, context):  # noqa: N802 (QGIS naming)
        """As QGIS's, but a value beyond the 32-bit range is clamped to it instead of wrapping around
        (MAX_CELLS=99999999999 used to become a limit of 0 and N a count of 0)."""
        value = super().parameterAsDouble(parameters, name, context)
        low, high = self.INT_RANGE
        if value != value:  # NaN: not given
            return super().parameterAsInt(parameters, name, context)
        if value > high:
            return high
        if value < low:
            return low
        return super().parameterAsInt(parameters, name, context)

    def layer_name(self, parameters, key, source, context) -> str:
        """The name of the layer of parameter *key* in messages: "roads (twin.gpkg)" for a layer read from a
        file, the layers panel's name for a project layer (qgis_io.layer_label)."""
        from ..cim_twin_plugin.qgis_io.common import layer_label

        return layer_label(self.parameterAsVectorLayer(parameters, key, context), source, context.project())

    def createInstance(self):  # noqa: N802 (QGIS naming)
        return type(self)()

    def name(self) -> str:
        return self.ALG_ID

    def group(self) -> str:
        return group_name(self.GROUP_ID)

    def groupId(self) -> str:  # noqa: N802 (QGIS naming)
        return self.GROUP_ID

    def icon(self) -> QIcon:
        return QIcon(ICON_PATH)

    def helpUrl(self) -> str:  # noqa: N802 (QGIS naming)
        return HELP_URL.format(id=self.ALG_ID)
