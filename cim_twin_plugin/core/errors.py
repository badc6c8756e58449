"""Domain errors of CIM Twin's core.

Every error the core raises on bad input subclasses a built-in exception, so
plain Python callers can catch ``ValueError``; the QGIS bridge turns them into
``QgsProcessingException`` with a translated message.
"""
from __future__ import annotations


class CimTwinError(Exception):
    """Base class of every error raised by CIM Twin's core."""


class ValidationError(CimTwinError, ValueError):
    """An input value is out of range or malformed (the message says which and why)."""


class GridCodeError(ValidationError):
    """A Beidou grid code cannot be computed or parsed (bad level, latitude, code string)."""


class TooLargeError(ValidationError):
    """A request would produce more output than the configured limit allows."""


class Canceled(CimTwinError):
    """The user canceled a long-running operation."""
