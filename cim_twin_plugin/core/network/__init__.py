"""Road network analysis: graph model, snapping, Dijkstra, OD matrices, service areas.

Pure Python (numpy, scipy, shapely, pyproj, networkx): no QGIS here. The QGIS
side converts layers with ``cim_twin_plugin.qgis_io.network``.
"""
from .build import build_network, fingerprint, part_lengths  # noqa: F401
from .cache import CACHE, NetworkCache, load_network, save_network  # noqa: F401
from .classes import DRIVE_EXCLUDED, WALK_EXCLUDED, excluded_classes, excluded_value, length_by_class  # noqa: F401
from .components import SMALL_SHARE, Components, components, point_parts  # noqa: F401
from .graph import QueryGraph, build_query_graph  # noqa: F401
from .model import (  # noqa: F401
    BACKWARD,
    BOTH,
    FORWARD,
    NetworkError,
    NetworkSettings,
    Problem,
    RoadNetwork,
)
from .projection import metres_per_unit  # noqa: F401
from .routes import (  # noqa: F401
    FOUND,
    ODMatrix,
    Route,
    all_pairs,
    nearest_facilities,
    od_matrix,
    od_routes,
    od_statuses,
    shortest_paths,
)
from .service import ServiceArea, area_m2, area_polygon, check_bands, service_areas  # noqa: F401
from .snap import SegmentIndex, Snapped, snap_points  # noqa: F401
