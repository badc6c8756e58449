"""Observers of a viewshed from plain values: the parameters' defaults, per-point overrides, validation.

The algorithm reads the parameters and the points through the bridge (points
in the grid's CRS, override values as floats or None) and hands them here; it
gets back the observers to use and, for every point that cannot be used, the
reason as a :class:`~..errors.ValidationError` (the bridge translates it).
Every point ends up in exactly one of the two lists.
"""
from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..errors import QT_TRANSLATE_NOOP, CimTwinError, ValidationError
from .grid import Grid
from .viewshed import Observer, validate_observer

#: Observer attributes a point may override (the viewshed's *_FIELD parameters)
OVERRIDABLE = ("height", "radius", "azimuth", "hfov", "vangle_up", "vangle_down")


@dataclass
class ObserverDefaults:
    """The values of the viewshed parameters (distances and heights in metres, angles in degrees)."""

    height: float = 1.6
    target_height: float = 0.0
    radius: float | None = None
    azimuth: float = 0.0
    hfov: float = 360.0
    vangle_up: float = 90.0
    vangle_down: float = 90.0

    def check(self) -> None:
        """Refuse parameter values no observer could use (naming the parameter)."""
        for key, value in (("OBSERVER_HEIGHT", self.height), ("TARGET_HEIGHT", self.target_height),
                           ("AZIMUTH", self.azimuth)):
            if not math.isfinite(value):
                raise ValidationError(QT_TRANSLATE_NOOP("CoreErrors", "{key} is not a number."),
                                      code="parameter_nan", key=key)
        if self.radius is not None and not (self.radius > 0 and math.isfinite(self.radius)):
            raise ValidationError(
                QT_TRANSLATE_NOOP("CoreErrors", "RADIUS must be greater than 0 m (got {value}); leave it empty "
                                                "for the whole DEM."),
                code="radius_range", value=self.radius)
        if not 0 < self.hfov <= 360:
            raise ValidationError(
                QT_TRANSLATE_NOOP("CoreErrors", "HFOV must be between 0 and 360 degrees (got {value})."),
                code="hfov_range", value=self.hfov)
        for key, value in (("VANGLE_UP", self.vangle_up), ("VANGLE_DOWN", self.vangle_down)):
            if not -90 <= value <= 90:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("CoreErrors", "{key} must be between -90 and 90 degrees (got {value})."),
                    code="vangle_range", key=key, value=value)


@dataclass
class ObserverPoint:
    """One point to look from as the bridge read it."""

    fid: object
    """the feature id (for messages and counts)"""
    x: float | None
    """x in the grid's CRS, None when the point could not be read"""
    y: float | None
    label: str = ""
    """how messages name it (translated by the caller, e.g. 'observer feature 12 of layer towers')"""
    overrides: dict = field(default_factory=dict)
    """Observer attribute -> value (None = use the default)"""
    problem: CimTwinError | str | None = None
    """why the bridge could not read the point (no geometry, coordinates not transformable)"""


@dataclass
class ObserverSet:
    """The observers to use and the points that cannot be used, with their reasons (in = used + skipped)."""

    observers: list = field(default_factory=list)
    fids: list = field(default_factory=list)
    """feature id of each observer"""
    skipped: list = field(default_factory=list)
    """(fid, reason): reason a CimTwinError or a text already translated by the bridge"""


def make_observer(x: float, y: float, defaults: ObserverDefaults, overrides: dict | None = None,
                  label: str = "") -> Observer:
    """An :class:`Observer` at (x, y): the defaults with the non-empty *overrides* applied."""
    values = dataclasses.asdict(defaults)  # the parameters' values are the Observer's view fields
    for key, value in (overrides or {}).items():
        if key not in OVERRIDABLE:
            raise ValueError(f"{key} cannot be overridden per observer")
        if value is not None:
            values[key] = float(value)
    values["azimuth"] = values["azimuth"] % 360.0 if math.isfinite(values["azimuth"]) else values["azimuth"]
    return Observer(x, y, label=label, **values)


def build_observers(grid: Grid, points: Iterable[ObserverPoint], defaults: ObserverDefaults) -> ObserverSet:
    """Observers of *points* on *grid*; a point that cannot be used is skipped with its reason."""
    out = ObserverSet()
    for point in points:
        if point.problem is not None:
            out.skipped.append((point.fid, point.problem))
            continue
        observer = make_observer(point.x, point.y, defaults, point.overrides, point.label)
        problem = validate_observer(grid, observer)
        if problem is not None:
            out.skipped.append((point.fid, problem))
            continue
        out.observers.append(observer)
        out.fids.append(point.fid)
    return out
