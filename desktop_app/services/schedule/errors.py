"""The errors the schedule services raise: a refused assignment, and an operation that cannot be done."""

from __future__ import annotations

from collections.abc import Sequence

from .rules import REFUSE, Problem


class AssignmentRefused(ValueError):
    """The assignment breaks a rule (`problems` lists every one found), or has warnings not confirmed."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("；".join(p.message for p in problems))
        self.problems = list(problems)

    @property
    def refused(self) -> bool:
        """True when a rule forbids it; False when only warnings wait for confirmation."""
        return any(p.level == REFUSE for p in self.problems)


class ScheduleError(ValueError):
    """An operation that cannot be done as asked (unknown assignment, attendance already recorded …)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
