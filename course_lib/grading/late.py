"""A late-submission penalty that grows with each day late, for nbgrader's autograde.

nbgrader's own plugin knows two rules: no penalty, or a score of zero for any lateness.
:class:`PenaltyPerDay` takes a share of the score for each started day past the due
date, after an optional grace period. Turn it on in ``assignments/nbgrader_config.py``::

    c.AssignLatePenalties.plugin_class = "course_lib.grading.late.PenaltyPerDay"
    c.PenaltyPerDay.percent_per_day = 10
    c.PenaltyPerDay.grace_minutes = 15

Examples
--------
>>> rule = PenaltyPerDay(percent_per_day=10, grace_minutes=15)
>>> rule.late_submission_penalty("alice", 13.0, total_seconds_late=10 * 60)   # in grace
>>> rule.late_submission_penalty("alice", 13.0, total_seconds_late=3600)      # day 1
1.3
>>> rule.late_submission_penalty("alice", 13.0, total_seconds_late=86400 + 1) # day 2
2.6
>>> rule.late_submission_penalty("alice", 13.0, total_seconds_late=30 * 86400)
13.0
"""
import math

from nbgrader.plugins import LateSubmissionPlugin
from traitlets import Float, TraitError, validate

__all__ = ["PenaltyPerDay"]

SECONDS_PER_DAY = 86400


class PenaltyPerDay(LateSubmissionPlugin):
    """Take ``percent_per_day`` of the score for each started day late, at most all of it."""

    percent_per_day = Float(10.0, help="Share of the score lost per started day late, in percent.").tag(config=True)
    grace_minutes = Float(0.0, help="Minutes after the due date that cost nothing.").tag(config=True)

    @validate("percent_per_day")
    def _check_percent(self, proposal):
        if not 0 <= proposal["value"] <= 100:
            raise TraitError(f"percent_per_day must be between 0 and 100, got {proposal['value']}")
        return proposal["value"]

    @validate("grace_minutes")
    def _check_grace(self, proposal):
        if proposal["value"] < 0:
            raise TraitError(f"grace_minutes must be 0 or more, got {proposal['value']}")
        return proposal["value"]

    def late_submission_penalty(self, student_id, score, total_seconds_late):
        if total_seconds_late <= self.grace_minutes * 60:
            return None
        days = math.ceil(total_seconds_late / SECONDS_PER_DAY)
        return round(min(score, score * self.percent_per_day / 100 * days), 6)
