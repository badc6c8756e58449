"""The shared base of the algorithms that parse addresses (parseaddresses, joinhouseholds,
trainaddressmodel): the gazetteer and the optional address model, loaded through the core."""
from __future__ import annotations

from ..cim_twin_plugin import qgis_io
from ..cim_twin_plugin.core.address import Gazetteer
from ..cim_twin_plugin.core.address.tagger import AddressTagger
from .base import CimTwinAlgorithm
from .parameters import AddressModelParameter


def load_gazetteer(path: str, tr) -> Gazetteer:
    """The built-in gazetteer plus the user's CSV (if any), errors as QgsProcessingException."""
    gazetteer = Gazetteer.builtin()
    if path:
        with qgis_io.core_errors():
            gazetteer.load_csv(path)
    return gazetteer


class AddressAlgorithm(AddressModelParameter, CimTwinAlgorithm):
    """Loads the address model of the MODEL parameter."""

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
