"""The CIM Twin Processing provider (id ``cimtwin``)."""
from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..cim_twin_plugin.resources import ICON_PATH, plugin_version
from .buildingdsm import BuildingDsmAlgorithm
from .checkhierarchy import CheckHierarchyAlgorithm
from .gridcells import GridCellsAlgorithm
from .gridcode import GridCodeAlgorithm
from .heightlimit import HeightLimitAlgorithm
from .joinhouseholds import JoinHouseholdsAlgorithm
from .lineofsight import LineOfSightAlgorithm
from .measure import MeasureAlgorithm
from .nearestfacility import NearestFacilityAlgorithm
from .odmatrix import OdMatrixAlgorithm
from .parseaddresses import ParseAddressesAlgorithm
from .servicearea import ServiceAreaAlgorithm
from .shortestpath import ShortestPathAlgorithm
from .trainaddressmodel import TrainAddressModelAlgorithm
from .viewshed import ViewshedAlgorithm

#: every algorithm the provider offers, in toolbox order
ALGORITHMS = (GridCodeAlgorithm, GridCellsAlgorithm, ParseAddressesAlgorithm, TrainAddressModelAlgorithm,
              JoinHouseholdsAlgorithm, CheckHierarchyAlgorithm,
              ShortestPathAlgorithm, OdMatrixAlgorithm, NearestFacilityAlgorithm, ServiceAreaAlgorithm,
              BuildingDsmAlgorithm, ViewshedAlgorithm, LineOfSightAlgorithm, MeasureAlgorithm, HeightLimitAlgorithm)


class CimTwinProvider(QgsProcessingProvider):
    """Offers CIM Twin's algorithms in the toolbox, the model designer and qgis_process."""

    def id(self) -> str:
        return "cimtwin"

    def name(self) -> str:
        return QCoreApplication.translate("CimTwin", "CIM Twin")

    def longName(self) -> str:  # noqa: N802 (QGIS naming)
        return QCoreApplication.translate("CimTwin", "CIM Twin: city digital twin analysis")

    def icon(self) -> QIcon:
        return QIcon(ICON_PATH)

    def svgIconPath(self) -> str:  # noqa: N802 (QGIS naming)
        return ICON_PATH

    def versionInfo(self) -> str:  # noqa: N802 (QGIS naming)
        return plugin_version()

    def loadAlgorithms(self) -> None:  # noqa: N802 (QGIS naming)
        for algorithm in ALGORITHMS:
            self.addAlgorithm(algorithm())
