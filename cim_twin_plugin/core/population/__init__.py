"""The population base (issue 14): persons fused from government sources (see :mod:`.model`)."""
from .model import (  # noqa: F401 (package API)
    ENTERPRISE_FIELDS,
    LIVING_STATUSES,
    PERSON_FIELDS,
    RESIDENCE_TYPES,
    ROLE_NAMES,
    ROLES,
    Conflict,
    Identity,
    Person,
    Reject,
    SourceRecord,
)
