"""The schedule's settings: weekly maximum of shifts, minimum rest between shifts, school vacations."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ...db.database import db
from .. import audit
from ..settings import get_setting, set_setting

MAX_SHIFTS_KEY = "schedule.max_shifts_per_week"
MIN_REST_KEY = "schedule.min_rest_hours"
VACATIONS_KEY = "schedule.school_vacations"
DEFAULT_MAX_SHIFTS = 3
DEFAULT_MIN_REST_HOURS = 10.0


def max_shifts_per_week() -> int:
    return int(get_setting(MAX_SHIFTS_KEY, DEFAULT_MAX_SHIFTS))


def min_rest_hours() -> float:
    return float(get_setting(MIN_REST_KEY, DEFAULT_MIN_REST_HOURS))


def school_vacations() -> list[tuple[date, date]]:
    """School holidays (寒假/暑假) during which school-days-only posts make no shifts: setting
    "schedule.school_vacations" as [["2025-01-18", "2025-02-16"], …]."""
    spans = []
    for item in get_setting(VACATIONS_KEY, []) or []:
        try:
            spans.append((date.fromisoformat(item[0]), date.fromisoformat(item[1])))
        except (TypeError, ValueError, IndexError):
            continue
    return spans


def set_school_vacations(spans: Iterable[tuple[date, date]]) -> None:
    with db.atomic():
        set_setting(VACATIONS_KEY, [[a.isoformat(), b.isoformat()] for a, b in sorted(spans)])
        audit.record("修改", "setting", "", "修改学校假期")
