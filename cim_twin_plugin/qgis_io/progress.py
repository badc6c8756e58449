"""Bridge for progress: the phases of an algorithm on the Processing progress bar."""
from __future__ import annotations

from qgis.core import QgsProcessingFeedback, QgsProcessingMultiStepFeedback


class Phases(QgsProcessingMultiStepFeedback):
    """QgsProcessingMultiStepFeedback whose every step starts at 0 % (its own progress would stay at the last
    step's 100 %, and QgsFeedback drops a value that does not change: a phase's 100 % would never show)."""

    def setCurrentStep(self, step: int) -> None:  # noqa: N802 (QGIS naming)
        super().setCurrentStep(step)
        self.setProgress(0.0)


def phases(feedback: QgsProcessingFeedback | None, count: int) -> Phases:
    """*count* equal phases of *feedback*: ``steps.setCurrentStep(i)`` starts phase *i*, whose progress then
    runs 0-100 % (hand ``qgis_io.FeedbackProgress(steps)`` to the core). Canceling *feedback* cancels the
    phases, also when it was canceled before they were made (QgsProcessingMultiStepFeedback only hears of a
    cancel that comes later)."""
    if feedback is None:
        feedback = QgsProcessingFeedback()
    steps = Phases(count, feedback)
    steps.parent_feedback = feedback  # the phases hold a C++ pointer to it: keep it alive with them
    if feedback.isCanceled():
        steps.cancel()
    return steps
