"""The one bridge between QGIS and the pure-Python core, one module per topic.

``common`` holds what every algorithm uses (feedback adapter, error conversion,
representative points, CGCS2000); topic modules (network, raster, tables, ...)
convert their own QGIS types to core data. Algorithms and docks go through
here; ``core`` never sees a QGIS object.
"""
from .common import (  # noqa: F401 (re-exported: the bridge's common API)
    CGCS2000,
    FeedbackProgress,
    PointBatch,
    canceled,
    cgcs2000_crs,
    check_field,
    check_fields,
    core_errors,
    error_text,
    features_in_batches,
    from_shapely,
    has_geometry,
    layer_label,
    metric_crs,
    read_units,
    representative_point,
    require_fields,
    to_float,
    to_shapely,
    to_text,
)
from .progress import phases  # noqa: F401 (re-exported: every algorithm's progress bar)
