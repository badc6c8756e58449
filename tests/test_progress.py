"""Progress in phases (qgis_io.phases): the bar only moves forward, and a cancel reaches every phase."""
from __future__ import annotations

import numpy as np
import pytest

pytest.importorskip("qgis.core")
pytestmark = pytest.mark.qgis

from qgis.core import QgsProcessingException, QgsProcessingFeedback  # noqa: E402
from test_visibility_algs import write_dem  # noqa: E402 (one DEM writer for the visibility tests)


class Recorder(QgsProcessingFeedback):
    """A feedback that keeps every progress value it is given."""

    def __init__(self):
        super().__init__()
        self.values = []
        self.progressChanged.connect(self.values.append)


def test_phases_split_the_bar_and_hear_a_cancel_made_before_or_after(cimtwin):
    from cim_twin.cim_twin_plugin import qgis_io

    feedback = Recorder()
    steps = qgis_io.phases(feedback, 4)
    steps.setCurrentStep(2)
    qgis_io.FeedbackProgress(steps).set_progress(50)
    assert feedback.values[-1] == pytest.approx(62.5)
    inner = qgis_io.phases(steps, 2)
    feedback.cancel()
    assert steps.isCanceled() and inner.isCanceled() and qgis_io.FeedbackProgress(inner).is_canceled()
    late = qgis_io.phases(feedback, 2)  # made after the cancel: QgsProcessingMultiStepFeedback alone misses it
    assert late.isCanceled() and qgis_io.phases(late, 3).isCanceled()


def _buildings(memory_layer):
    return memory_layer("Polygon", "EPSG:4547", [("h", "double")], [
        ("POLYGON((500040 3450040,500050 3450040,500050 3450050,500040 3450050,500040 3450040))", [20.0])])


def _network_run(memory_layer):
    roads = memory_layer("LineString", "EPSG:4547", [("id", "integer")], [
        ("LINESTRING(500000 3450000,500100 3450000)", [1]), ("LINESTRING(500100 3450000,500100 3450100)", [2])])
    points = memory_layer("Point", "EPSG:4547", [("pid", "integer")],
                          [("POINT(500010 3450001)", [1]), ("POINT(500100 3450090)", [2])])
    return {"NETWORK": roads, "FACILITIES": points, "COSTS": "50,150", "OUTPUT_LINES": "memory:",
            "OUTPUT_POLYGONS": "memory:"}


@pytest.mark.parametrize("algorithm", ["servicearea", "viewshed", "lineofsight", "buildingdsm"])
def test_the_bar_moves_forward_only_and_a_cancel_stops_the_run(cimtwin, memory_layer, tmp_path, algorithm):
    import processing

    dem = write_dem(tmp_path / "dem.tif", np.full((60, 60), 10.0, np.float32), y0=3450120.0)
    observers = memory_layer("Point", "EPSG:4547", [("id", "integer")], [("POINT(500010 3450010)", [1])])
    targets = memory_layer("Point", "EPSG:4547", [("id", "integer")], [("POINT(500090 3450090)", [1])])
    parameters = {
        "servicearea": _network_run(memory_layer),
        "viewshed": {"DEM": dem, "BUILDINGS": _buildings(memory_layer), "HEIGHT_FIELD": "h",
                     "OBSERVER": "500010,3450010 [EPSG:4547]", "OUTPUT": str(tmp_path / "vs.tif"),
                     "OUTPUT_BUILDINGS": "memory:"},
        "lineofsight": {"DEM": dem, "BUILDINGS": _buildings(memory_layer), "HEIGHT_FIELD": "h",
                        "OBSERVERS": observers, "TARGETS": targets, "OUTPUT": "memory:"},
        "buildingdsm": {"DEM": dem, "BUILDINGS": _buildings(memory_layer), "HEIGHT_FIELD": "h",
                        "OUTPUT": str(tmp_path / "dsm.tif")},
    }[algorithm]
    feedback = Recorder()
    processing.run(f"cimtwin:{algorithm}", parameters, feedback=feedback)
    values = feedback.values
    assert values and all(0 <= v <= 100 for v in values)
    assert all(b >= a - 1e-9 for a, b in zip(values, values[1:])), f"the bar went back: {values}"
    canceled = QgsProcessingFeedback()
    canceled.cancel()
    with pytest.raises(QgsProcessingException, match="Canceled"):
        processing.run(f"cimtwin:{algorithm}", dict(parameters, OUTPUT=str(tmp_path / "again.tif"))
                       if algorithm in ("viewshed", "buildingdsm") else parameters, feedback=canceled)
