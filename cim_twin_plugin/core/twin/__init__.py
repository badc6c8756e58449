"""The data model of the twin: layer categories and the schemas of its tables and of our outputs.

Pure Python (no QGIS): the bridge turns schemas into fields and writes rows;
the CIM panel, "Open twin" and the styles read the categories.
"""
from .categories import CATEGORIES, Category, category, guess_from_name  # noqa: F401 (package API)
from .outputs import OUTPUTS  # noqa: F401
from .schema import CLASHES, GEOMETRIES, TYPES, Field, Schema  # noqa: F401
from .tables import SCHEMAS, TWIN_TABLES, WRITTEN, output_schema, recognise, schema  # noqa: F401
