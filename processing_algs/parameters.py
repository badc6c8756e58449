"""Parameter declarations shared by several algorithms (one module; no algorithm module imports another).

Only declarations live here (keys, types, help texts); reading the values is
done in the algorithms' shared bases (``visibility_common``, ``address_common``,
``network_common``) through the bridge. The module imports nothing but QGIS, so
a missing optional library cannot take it down.
"""
from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)

#: default of MAX_CELLS (the same as core.visibility.grid.DEFAULT_MAX_CELLS; a test keeps them equal)
DEFAULT_MAX_CELLS = 100_000_000


class BuildingParameters:
    """The building parameters of buildingdsm, viewshed and lineofsight (declared by the algorithm)."""

    BUILDINGS = "BUILDINGS"
    HEIGHT_FIELD = "HEIGHT_FIELD"
    FLOORS_FIELD = "FLOORS_FIELD"
    FLOOR_HEIGHT = "FLOOR_HEIGHT"
    BASE = "BASE"
    MAX_CELLS = "MAX_CELLS"
    DEM = "DEM"

    def add_building_parameters(self, optional: bool) -> None:
        param = QgsProcessingParameterFeatureSource(
            self.BUILDINGS, self.tr("Buildings"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=optional
        )
        param.setHelp(self.tr("Building footprints (any CRS) with a height or a number of floors."))
        self.addParameter(param)
        param = QgsProcessingParameterField(
            self.HEIGHT_FIELD, self.tr("Building height field (m)"), parentLayerParameterName=self.BUILDINGS,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True,
        )
        param.setHelp(self.tr("Height above ground in metres. Where it is empty the floors field is used."))
        self.addParameter(param)
        param = QgsProcessingParameterField(
            self.FLOORS_FIELD, self.tr("Floors field"), parentLayerParameterName=self.BUILDINGS,
            type=QgsProcessingParameterField.DataType.Numeric, optional=True,
        )
        param.setHelp(self.tr("Number of floors; height = floors x floor height where the height is empty."))
        self.addParameter(param)
        param = QgsProcessingParameterNumber(
            self.FLOOR_HEIGHT, self.tr("Floor height (m)"), QgsProcessingParameterNumber.Type.Double,
            defaultValue=3.0, minValue=0.1,
        )
        param.setHelp(self.tr("Metres per floor when heights come from the floors field."))
        self.addParameter(param)
        param = QgsProcessingParameterEnum(
            self.BASE, self.tr("Ground level under a building"),
            options=[self.tr("Lowest DEM value under the footprint"), self.tr("Mean DEM value under the footprint")],
            defaultValue=0,
        )
        param.setHelp(self.tr("The roof is this ground level plus the building height."))
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(param)

    def add_max_cells(self) -> None:
        param = QgsProcessingParameterNumber(
            self.MAX_CELLS, self.tr("Largest raster accepted (cells)"), QgsProcessingParameterNumber.Type.Integer,
            defaultValue=DEFAULT_MAX_CELLS, minValue=1,
        )
        param.setHelp(self.tr("Rasters with more cells are refused with an estimate of the memory they need."))
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(param)


class AddressModelParameter:
    """The optional MODEL parameter (a file of cimtwin:trainaddressmodel) of the algorithms that parse addresses."""

    MODEL = "MODEL"

    def addModelParameter(self) -> None:  # noqa: N802 (QGIS naming)
        param = QgsProcessingParameterFile(self.MODEL, self.tr("Address model"), extension="model", optional=True)
        param.setHelp(self.tr(
            "Optional model file written by Train an address model: it decides street, community, road, lane, "
            "number, building, unit, floor, room and POI (divisions and codes stay with the gazetteer). Use "
            "the gazetteer additions it was trained with. Needs python-crfsuite in QGIS's Python (pip install "
            "python-crfsuite); without a model the rules parse."))
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(param)

class BuildingAddressParameters:
    """The building footprints with their addresses, as the household join reads them (joinhouseholds,
    fusepersons; declared by the algorithm, read by address_common.AddressAlgorithm)."""

    BUILDINGS = "BUILDINGS"
    BUILDING_ID_FIELD = "BUILDING_ID_FIELD"
    BUILDING_ADDRESS_FIELD = "BUILDING_ADDRESS_FIELD"
    ROAD_FIELD = "ROAD_FIELD"
    LANE_FIELD = "LANE_FIELD"
    NUMBER_FIELD = "NUMBER_FIELD"
    FLOORS_FIELD = "FLOORS_FIELD"
    GAZETTEER = "GAZETTEER"

    def add_building_address_parameters(self) -> None:
        param = QgsProcessingParameterFeatureSource(
            self.BUILDINGS, self.tr("Building footprints"), [QgsProcessing.SourceType.TypeVectorPolygon])
        param.setHelp(self.tr("Polygons of the buildings with their address (one field or road/lane/number "
                              "fields), in any CRS; households are written in this CRS."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.BUILDING_ID_FIELD, self.tr("Building id field"),
                                            parentLayerParameterName=self.BUILDINGS, optional=True)
        param.setHelp(self.tr("Field with unique building ids (e.g. building_id); default: the feature id."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.BUILDING_ADDRESS_FIELD, self.tr("Building address field"),
                                            parentLayerParameterName=self.BUILDINGS, optional=True)
        param.setHelp(self.tr("Field with the building's full address (上海市浦东新区锦绣路1000弄12号). Or give "
                              "the road and number fields instead."))
        self.addParameter(param)
        for name, label, help_text in (
            (self.ROAD_FIELD, self.tr("Building road field"), self.tr("Field with the road name (锦绣路).")),
            (self.LANE_FIELD, self.tr("Building lane field"), self.tr("Field with the lane number (弄), if any.")),
            (self.NUMBER_FIELD, self.tr("Building number field"), self.tr("Field with the house number (号).")),
            (self.FLOORS_FIELD, self.tr("Building floors field"),
             self.tr("Field with the number of floors; fuzzy matches must fit in the building.")),
        ):
            param = QgsProcessingParameterField(name, label, parentLayerParameterName=self.BUILDINGS, optional=True)
            param.setHelp(help_text)
            if name in (self.FLOORS_FIELD, self.LANE_FIELD):
                param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(param)
        param = QgsProcessingParameterFile(self.GAZETTEER, self.tr("Gazetteer additions (CSV)"), extension="csv",
                                           optional=True)
        param.setHelp(self.tr("Optional CSV with the columns level, name, code, parent (streets, communities, "
                              "roads, POIs); the buildings' roads are added automatically."))
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(param)
