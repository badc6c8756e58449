"""The shared base of the algorithms that parse addresses (parseaddresses, joinhouseholds,
trainaddressmodel): the gazetteer and the optional address model, loaded through the core."""
from __future__ import annotations

from ..cim_twin_plugin import qgis_io
from ..cim_twin_plugin.core.address import Gazetteer
from ..cim_twin_plugin.core.address.tagger import AddressTagger
from ..cim_twin_plugin.qgis_io import tables
from .base import CimTwinAlgorithm
from .parameters import AddressModelParameter, BuildingAddressParameters


def load_gazetteer(path: str, tr) -> Gazetteer:
    """The built-in gazetteer plus the user's CSV (if any), errors as QgsProcessingException."""
    gazetteer = Gazetteer.builtin()
    if path:
        with qgis_io.core_errors():
            gazetteer.load_csv(path)
    return gazetteer


class AddressAlgorithm(AddressModelParameter, BuildingAddressParameters, CimTwinAlgorithm):
    """Loads the address model of the MODEL parameter, the gazetteer and the buildings' addresses."""

    DEFAULT_REGION = "DEFAULT_REGION"

    def addDefaultRegionParameter(self) -> None:  # noqa: N802 (QGIS naming)
        """The optional DEFAULT_REGION parameter (a division name or code)."""
        from qgis.core import QgsProcessingParameterString

        param = QgsProcessingParameterString(self.DEFAULT_REGION, self.tr("Default region"), optional=True)
        param.setHelp(self.tr(
            "Optional division name or code, e.g. 上海市 or 310000. A district name that exists in several "
            "cities (普陀区, 朝阳区, 鼓楼区) written without its city is read inside this region. Without it "
            "such an address stays ambiguous: status partial, reason ambiguous_district with the candidates."))
        self.addParameter(param)

    def gazetteer(self, parameters, context) -> Gazetteer:
        """The built-in gazetteer plus the GAZETTEER additions, with the DEFAULT_REGION (if any)."""
        gazetteer = load_gazetteer(self.parameterAsFile(parameters, self.GAZETTEER, context), self.tr)
        region = self.parameterAsString(parameters, self.DEFAULT_REGION, context) \
            if self.DEFAULT_REGION in parameters else ""
        if region:
            with qgis_io.core_errors():
                gazetteer.set_default_region(region)
        return gazetteer

    def read_building_addresses(self, parameters, source, context, feedback):
        """(BuildingAddress list, {building id: geometry}) of the BUILDINGS *source* by its address fields."""
        return tables.read_buildings(
            source,
            self.parameterAsString(parameters, self.BUILDING_ID_FIELD, context),
            self.parameterAsString(parameters, self.BUILDING_ADDRESS_FIELD, context),
            self.parameterAsString(parameters, self.ROAD_FIELD, context),
            self.parameterAsString(parameters, self.LANE_FIELD, context),
            self.parameterAsString(parameters, self.NUMBER_FIELD, context),
            self.parameterAsString(parameters, self.FLOORS_FIELD, context),
            feedback,
        )

    def modelTagger(self, parameters, context, feedback):  # noqa: N802 (QGIS naming)
        """The tagger of the MODEL file, or None without one; errors as QgsProcessingException."""
        path = self.parameterAsFile(parameters, self.MODEL, context)
        if not path:
            return None
        with qgis_io.core_errors():
            tagger = AddressTagger(path)
        feedback.pushInfo(self.tr("Parsing with the address model {path}: it decides street ... room; "
                                    "divisions and codes come from the gazetteer.").format(path=path))
        return tagger
