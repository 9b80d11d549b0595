"""The schedule's settings: weekly maximum of shifts, minimum rest between shifts, school vacations, and
whether the duty sheet shows the 带班 leaders' phones in full (it is the contact list on the wall)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ...db.database import db
from ...domain.dates import format_date
from ...domain.errors import FieldError
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from .. import audit
from ..accounts.roles import SETTINGS, requires
from ..office.settings import get_setting, set_setting

MAX_VACATION_DAYS = 100
MAX_SHIFTS_KEY = "schedule.max_shifts_per_week"
MIN_REST_KEY = "schedule.min_rest_hours"
VACATIONS_KEY = "schedule.school_vacations"
LEADER_PHONES_KEY = "duty_sheet.leader_phones_in_full"
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


@requires(SETTINGS)
def set_school_vacations(spans: Iterable[tuple[date, date]]) -> None:
    with db.atomic():
        set_setting(VACATIONS_KEY, [[a.isoformat(), b.isoformat()] for a, b in sorted(spans)])
        audit.record("修改", "setting", "", "修改学校假期")


@requires(SETTINGS)
def add_school_vacation(start: date, end: date) -> None:
    """One more 寒假/暑假; refused (FieldError) when it ends before it starts, runs over 100 days or overlaps
    one already set."""
    if end < start:
        raise FieldError("vacation", QT_TRANSLATE_NOOP("Messages", "结束日期不能早于开始日期"))
    if (end - start).days + 1 > MAX_VACATION_DAYS:
        raise FieldError("vacation",
            Message(QT_TRANSLATE_NOOP("Messages", "一段学校假期不能超过{max_vacation_days}天"),
                    max_vacation_days=MAX_VACATION_DAYS))
    spans = school_vacations()
    for a, b in spans:
        if start <= b and a <= end:
            raise FieldError("vacation",
                Message(QT_TRANSLATE_NOOP("Messages", "与已有的学校假期（{a}至{b}）重叠"),
                        a=format_date(a), b=format_date(b)))
    set_school_vacations([*spans, (start, end)])


@requires(SETTINGS)
def remove_school_vacation(start: date, end: date) -> None:
    set_school_vacations([span for span in school_vacations() if span != (start, end)])


def leader_phones_in_full() -> bool:
    """Whether the duty sheet prints the 带班 leaders' phones unmasked (off unless chosen)."""
    return bool(get_setting(LEADER_PHONES_KEY, False))


@requires(SETTINGS)
def set_leader_phones_in_full(on: bool) -> None:
    with db.atomic():
        set_setting(LEADER_PHONES_KEY, bool(on))
        audit.record("修改", "setting", "", "值班表带班人电话：" + ("完整显示" if on else "脱敏"))
