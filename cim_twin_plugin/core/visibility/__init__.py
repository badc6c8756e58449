"""Visibility on a surface: building DSM, viewshed (fast = GDAL, exact = sight-line sweep), line of sight."""
from .dsm import BASES, BurnResult, burn_buildings  # noqa: F401 (package API)
from .grid import (  # noqa: F401
    DEFAULT_MAX_CELLS,
    Grid,
    check_size,
    check_writable,
    gdal_exceptions,
    read_grid,
    write_grid,
)
from .los import SightLine, sight_line, sight_lines  # noqa: F401
from .observers import ObserverDefaults, ObserverPoint, ObserverSet, build_observers, make_observer  # noqa: F401
from .pairing import DEFAULT_MAX_PAIRS, PAIRINGS, pair_points  # noqa: F401
from .viewshed import (  # noqa: F401
    DEFAULT_REFRACTION,
    MODES,
    NODATA_COUNT,
    NODATA_SINGLE,
    Observer,
    ViewshedResult,
    area_polygons,
    building_visibility,
    curvature_factor,
    validate_observer,
    viewshed,
)
