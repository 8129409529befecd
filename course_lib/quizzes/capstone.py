"""Check-yourself questions for lesson 10 (the capstone), used with
:func:`course_lib.explore.quiz`.

Each question is a dict with ``question``, ``options``, ``answer`` (index of the right
option) and ``explain`` (shown after any choice, right or wrong).
"""
from __future__ import annotations

__all__ = ["CAPSTONE"]

CAPSTONE = [
    {
        "question": "Why is every strategy played on the same seeds as the baseline?",
        "options": [
            "To save computing time",
            "So that the luck of the network cancels out of the difference (a paired comparison)",
            "Because the model is deterministic",
        ],
        "answer": 1,
        "explain": (
            "A seed fixes the network and every random step. Comparing two strategies seed by seed "
            "removes the part of the variation that comes from the network, so the interval of the "
            "difference is much narrower than the two intervals side by side."
        ),
    },
    {
        "question": "All on empowerment scores 0 in the lesson's market. Why?",
        "options": [
            "Empowerment is useless",
            "Nobody is a customer at the start, and only customers can be empowered into advocates",
            "The budget is too small",
        ],
        "answer": 1,
        "explain": (
            "Empowerment works near the advocate end of the continuum (Wu): it turns customers into "
            "advocates. Without marketing, ambassadors or existing customers there is nobody to empower. "
            "With a few ambassadors or some marketing first, empowerment pays."
        ),
    },
    {
        "question": "Removing 90 % of complaints from the company's platform...",
        "options": [
            "quiets detractors, so it raises market share",
            "drives the silenced to external platforms where their talk is louder, so it lowers market share",
            "changes nothing",
        ],
        "answer": 1,
        "explain": (
            "Past the tipping point of the platform model (lesson 09), suppression starts an exit "
            "cascade: the silenced leave for places where complaints are public and permanent. "
            "Answering complaints quiets talk at any level of suppression, at a cost."
        ),
    },
    {
        "question": "Your strategy's gain over all influence has a 95 % interval from +0.01 to +0.09. What can you say?",
        "options": [
            "It beats the baseline in this market, with 95 % confidence; by how much is uncertain",
            "It gains exactly 0.05",
            "Nothing: the interval is too wide",
        ],
        "answer": 0,
        "explain": (
            "The whole interval is above 0, so the gain is positive at 95 % confidence. Its size is known "
            "only to within the interval; more seeds would narrow it (the width shrinks like one over the "
            "square root of the number of seeds)."
        ),
    },
]
