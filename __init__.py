"""CIM Twin: a QGIS plugin for city digital twins (城市信息模型 CIM)."""


def classFactory(iface):  # noqa: N802 (QGIS naming)
    """Called by QGIS to load the plugin; imports lazily so nothing registers at import."""
    from .cim_twin_plugin.plugin import CimTwinPlugin

    return CimTwinPlugin(iface)
