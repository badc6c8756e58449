"""Translation: pick the translator that matches the QGIS locale and install it once."""
from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

I18N_DIR = Path(__file__).resolve().parent.parent / "i18n"
#: translation context of strings that belong to no single class (groups, menu)
CONTEXT = "CimTwin"

_installed: dict[str, QTranslator] = {}


def tr(text: str) -> str:
    """Translate *text* in the plugin-wide context."""
    return QCoreApplication.translate(CONTEXT, text)


def qgis_locale() -> str:
    """The locale QGIS runs in: the user's override if set, else the system's (e.g. ``zh_CN``)."""
    settings = QgsSettings()
    if settings.value("locale/overrideFlag", False, type=bool):
        return str(settings.value("locale/userLocale", "en_US") or "en_US")
    return QgsApplication.locale() or "en_US"


def install_translator(locale: str | None = None) -> QTranslator | None:
    """Install the translator for *locale* (default: QGIS's locale); idempotent.

    Looks for ``i18n/cim_twin_<locale>.qm`` then ``cim_twin_<language>.qm``;
    returns the installed translator, or None for English or a missing file.
    """
    locale = locale or qgis_locale()
    for name in (locale, locale.split("_")[0]):
        qm = I18N_DIR / f"cim_twin_{name}.qm"
        if not qm.exists():
            continue
        if name in _installed:
            return _installed[name]
        translator = QTranslator()
        if translator.load(str(qm)):
            QCoreApplication.installTranslator(translator)
            _installed[name] = translator
            return translator
    return None


def remove_translators() -> None:
    """Remove every translator this module installed (plugin unload)."""
    for translator in _installed.values():
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
