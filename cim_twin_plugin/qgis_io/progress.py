"""Bridge for progress: the phases of an algorithm on the Processing progress bar."""
from __future__ import annotations

from qgis.core import QgsProcessingFeedback, QgsProcessingMultiStepFeedback


def phases(feedback: QgsProcessingFeedback | None, count: int) -> QgsProcessingMultiStepFeedback:
    """*count* equal phases of *feedback*: ``steps.setCurrentStep(i)`` starts phase *i*, whose progress then
    runs 0-100 % (hand ``qgis_io.FeedbackProgress(steps)`` to the core). Canceling *feedback* cancels the
    phases, also when it was canceled before they were made (QgsProcessingMultiStepFeedback only hears of a
    cancel that comes later)."""
    if feedback is None:
        feedback = QgsProcessingFeedback()
    steps = QgsProcessingMultiStepFeedback(count, feedback)
    steps.parent_feedback = feedback  # the phases hold a C++ pointer to it: keep it alive with them
    if feedback.isCanceled():
        steps.cancel()
    return steps
