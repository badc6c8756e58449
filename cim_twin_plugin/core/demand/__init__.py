"""Real demand: life-circle coverage of the population by facility type and group (issue 15).

Pure Python (numpy, scipy): no QGIS here. The QGIS side is processing_algs/lifecirclecoverage.py.
"""
from .coverage import (  # noqa: F401
    EPS,
    STATUSES,
    Coverage,
    Nearest,
    Requirement,
    UnitRow,
    coverage,
    facility_load,
    group_weights,
    nearest_by_type,
    unit_table,
)
from .standard import (  # noqa: F401
    DEFAULT_STANDARD,
    StandardRow,
    match_types,
    read_standard,
    requirements_for,
    requirements_given,
)
from .units import assign_units  # noqa: F401
