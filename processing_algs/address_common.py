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

    def gazetteer(self, parameters, context) -> Gazetteer:
        """The built-in gazetteer plus the GAZETTEER additions."""
        return load_gazetteer(self.parameterAsFile(parameters, self.GAZETTEER, context), self.tr)

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
