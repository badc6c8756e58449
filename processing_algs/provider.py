"""The CIM Twin Processing provider (id ``cimtwin``).

Algorithms are imported one by one when the provider loads. Each entry of
:data:`ALGORITHMS` says which Python packages its algorithm needs; when one is
missing (usual on Windows and macOS for jieba, numba or python-crfsuite), only
that algorithm is replaced by an :class:`UnavailableAlgorithm` with the same id,
name and group: it stays listed, and running it says which package is missing
and how to install it. Every other algorithm loads and runs.
"""
from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass

from qgis.core import Qgis, QgsMessageLog, QgsProcessingException, QgsProcessingOutputString, QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..cim_twin_plugin.resources import ICON_PATH, plugin_version
from .base import CimTwinAlgorithm


@dataclass(frozen=True)
class Package:
    """A Python package an algorithm imports, with the names to install it under."""

    module: str
    """the top-level module imported (``jieba``, ``pycrfsuite``)"""
    pip: str
    """the name on PyPI (Windows OSGeo4W shell, macOS)"""
    debian: str
    """the Debian/Ubuntu package"""


PACKAGES = {p.module: p for p in (
    Package("numpy", "numpy", "python3-numpy"),
    Package("osgeo", "gdal", "python3-gdal"),
    Package("scipy", "scipy", "python3-scipy"),
    Package("shapely", "shapely", "python3-shapely"),
    Package("networkx", "networkx", "python3-networkx"),
    Package("pyproj", "pyproj", "python3-pyproj"),
    Package("jieba", "jieba", "python3-jieba"),
    Package("jellyfish", "jellyfish", "python3-jellyfish"),
)}


@dataclass(frozen=True)
class Entry:
    """One algorithm of the provider: where it lives and what it needs (kept equal to the class by a test)."""

    module: str
    class_name: str
    alg_id: str
    group_id: str
    display_name: str
    """English display name, translated in the context of *class_name* (as the class itself does)"""
    requires: tuple[str, ...]
    """top-level modules the algorithm cannot run without"""


_CORE = ("numpy", "osgeo")
#: every algorithm the provider offers, in toolbox order
ALGORITHMS = (
    Entry("gridcode", "GridCodeAlgorithm", "gridcode", "entities", "Beidou grid codes of features", _CORE),
    Entry("gridcells", "GridCellsAlgorithm", "gridcells", "entities", "Beidou grid cells in an extent", _CORE),
    Entry("parseaddresses", "ParseAddressesAlgorithm", "parseaddresses", "population", "Parse Chinese addresses",
          _CORE + ("jieba",)),
    Entry("trainaddressmodel", "TrainAddressModelAlgorithm", "trainaddressmodel", "population",
          "Train an address model", _CORE + ("jieba",)),
    Entry("joinhouseholds", "JoinHouseholdsAlgorithm", "joinhouseholds", "population",
          "Join records to households", _CORE + ("jieba", "shapely")),
    Entry("fusepersons", "FusePersonsAlgorithm", "fusepersons", "population", "Fuse persons from the sources",
          _CORE + ("jieba", "shapely", "jellyfish")),
    Entry("aggregatepopulation", "AggregatePopulationAlgorithm", "aggregatepopulation", "population",
          "Aggregate the population with suppression", _CORE + ("scipy", "shapely")),
    Entry("exportpopulationgraph", "ExportPopulationGraphAlgorithm", "exportpopulationgraph", "population",
          "Export the population graph", _CORE + ("networkx",)),
    Entry("checkhierarchy", "CheckHierarchyAlgorithm", "checkhierarchy", "population",
          "Check the administrative hierarchy", _CORE + ("shapely",)),
    Entry("shortestpath", "ShortestPathAlgorithm", "shortestpath", "network", "Shortest path on the road network",
          _CORE + ("scipy", "shapely", "pyproj")),
    Entry("odmatrix", "OdMatrixAlgorithm", "odmatrix", "network", "OD cost matrix on the road network",
          _CORE + ("scipy", "shapely", "pyproj")),
    Entry("nearestfacility", "NearestFacilityAlgorithm", "nearestfacility", "network",
          "Nearest facilities on the road network", _CORE + ("scipy", "shapely", "pyproj")),
    Entry("servicearea", "ServiceAreaAlgorithm", "servicearea", "network", "Service areas on the road network",
          _CORE + ("scipy", "shapely", "pyproj")),
    Entry("lifecirclecoverage", "LifeCircleCoverageAlgorithm", "lifecirclecoverage", "network",
          "Life-circle coverage of the population", _CORE + ("scipy", "shapely", "pyproj")),
    Entry("buildingdsm", "BuildingDsmAlgorithm", "buildingdsm", "visibility", "Building surface model (DSM)",
          _CORE + ("shapely",)),
    Entry("viewshed", "ViewshedAlgorithm", "viewshed", "visibility", "Viewshed with buildings and view angles",
          _CORE + ("shapely",)),
    Entry("lineofsight", "LineOfSightAlgorithm", "lineofsight", "visibility", "Line of sight",
          _CORE + ("shapely",)),
    Entry("measure", "MeasureAlgorithm", "measure", "measurement", "Measure lengths, areas, heights and volumes",
          _CORE + ("shapely", "pyproj")),
    Entry("heightlimit", "HeightLimitAlgorithm", "heightlimit", "measurement", "Buildings over the height limit",
          _CORE),
)


def missing_modules(entry: Entry) -> list[str]:
    """The modules of *entry.requires* that are not installed here (looked up, not imported: loading
    the provider stays as cheap as it was; a module hidden as ``sys.modules[name] = None`` counts as missing)."""
    missing = []
    for module in entry.requires:
        try:
            found = importlib.util.find_spec(module) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            missing.append(module)
    return missing


def install_hint(modules) -> str:
    """How to install *modules* on Windows (OSGeo4W), macOS and Debian/Ubuntu (translated)."""
    packages = [PACKAGES.get(m, Package(m, m, f"python3-{m}")) for m in modules]
    return QCoreApplication.translate(
        "CimTwinProvider",
        "Install it in the Python that QGIS runs: on Windows in the OSGeo4W Shell: python -m pip install {pip}; "
        "on macOS: /Applications/QGIS.app/Contents/MacOS/bin/python3 -m pip install {pip}; on Debian/Ubuntu: "
        "sudo apt install {debian}. Then restart QGIS.").format(
        pip=" ".join(p.pip for p in packages), debian=" ".join(p.debian for p in packages))


class UnavailableAlgorithm(CimTwinAlgorithm):
    """Stands in for an algorithm whose Python packages are missing: listed, and says what to install."""

    NOTE = "NOTE"

    def __init__(self, entry: Entry, missing: list[str], detail: str = ""):
        super().__init__()
        self.entry = entry
        self.missing = list(missing)
        self.detail = detail
        self.ALG_ID = entry.alg_id
        self.GROUP_ID = entry.group_id

    def createInstance(self):  # noqa: N802 (QGIS naming)
        return UnavailableAlgorithm(self.entry, self.missing, self.detail)

    def displayName(self) -> str:  # noqa: N802 (QGIS naming)
        return QCoreApplication.translate(self.entry.class_name, self.entry.display_name)

    def message(self) -> str:
        text = QCoreApplication.translate(
            "CimTwinProvider", "{name} cannot run: the Python package {packages} is not installed.").format(
            name=self.displayName(), packages=", ".join(self.missing) or self.detail)
        return text + " " + install_hint(self.missing)

    def shortHelpString(self) -> str:  # noqa: N802 (QGIS naming)
        return self.message()

    def initAlgorithm(self, config=None):  # noqa: N802 (QGIS naming)
        self.addOutput(QgsProcessingOutputString(self.NOTE, QCoreApplication.translate("CimTwinProvider", "Note")))

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS naming)
        return False, self.message()

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 (QGIS naming)
        raise QgsProcessingException(self.message())


def load_entry(entry: Entry) -> CimTwinAlgorithm:
    """An instance of *entry*'s algorithm, or an :class:`UnavailableAlgorithm` saying what is missing."""
    missing = missing_modules(entry)
    if not missing:
        try:
            module = importlib.import_module(f"{__package__}.{entry.module}")
            return getattr(module, entry.class_name)()
        except ImportError as exc:  # a package the entry does not list: still only this algorithm is lost
            missing = [exc.name.split(".")[0]] if exc.name else []
            detail = str(exc)
            return UnavailableAlgorithm(entry, missing, detail)
    return UnavailableAlgorithm(entry, missing)


def algorithm_classes() -> list[type]:
    """The algorithm classes that import here (tests, scripts)."""
    classes = []
    for entry in ALGORITHMS:
        algorithm = load_entry(entry)
        if not isinstance(algorithm, UnavailableAlgorithm):
            classes.append(type(algorithm))
    return classes


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
        for entry in ALGORITHMS:
            algorithm = load_entry(entry)
            if isinstance(algorithm, UnavailableAlgorithm):
                QgsMessageLog.logMessage(algorithm.message(), "CIM Twin", Qgis.MessageLevel.Warning)
            self.addAlgorithm(algorithm)
