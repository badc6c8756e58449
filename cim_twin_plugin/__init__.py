"""CIM Twin plugin code: core (pure Python), the QGIS bridge, GUI and plugin class."""
