"""What the case forms share: `CaseInvalid` (one message per wrong field), reading a typed text, date,
date-time or choice into a list of field errors, and fetching a case that may still be changed."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Any, Protocol

from ...db.models import Case
from ...domain.dates import check_year, parse_loose_date
from ...domain.errors import FieldError, ValidationFailed
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.ranges import as_record_id
from ...domain.text_folding import fold_fullwidth
from ...domain.text_hygiene import text_value
from .workflow import CaseRefused

MAX_TEXT = 10_000
_DATETIME = re.compile(
    r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*[日号]?\s*[T ]?\s*(\d{1,2})\s*[:：时点]\s*(\d{1,2})"
    r"(?:\s*[:：分]\s*(\d{1,2})(?:\.\d+)?)?\s*[分秒]?")


class CaseInvalid(ValidationFailed):
    """What was typed cannot be saved; `errors` holds one message per wrong field."""


class Received(Protocol):
    """What the check of a session, investigation or visit reads of its case: a stored `Case`, or the
    case a batch import replays."""

    @property
    def received_at(self) -> datetime: ...


def text_field(value: Any, name: str, label: str, limit: int, errors: list[FieldError]) -> str:
    """A free text after the hygiene step (domain/text_hygiene.py); texts longer than one line's worth
    (over 200 characters allowed) keep their line breaks."""
    return text_value(value, name, label, limit, errors, multiline=limit > 200)


def date_field(value: Any, name: str, label: str, errors: list[FieldError],
               required: bool = False) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            errors.append(FieldError(name, Message(QT_TRANSLATE_NOOP("Messages", "请填写{label}"), label=label)))
        return None
    try:
        return parse_loose_date(value)
    except FieldError as exc:
        errors.append(FieldError(name, Message(QT_TRANSLATE_NOOP("Messages", "{label}：{message}"),
                                               label=label, message=exc.message)))
        return None


def parse_datetime(value: str | datetime | date) -> datetime:
    """A date with an optional time as typed ("2024-09-30 14:30", "2024年9月30日"), or FieldError."""
    if isinstance(value, datetime):
        check_year(value.date())
        return value.replace(microsecond=0)
    if isinstance(value, date):
        return datetime.combine(check_year(value), time())
    text = fold_fullwidth(str(value)).strip()
    match = _DATETIME.fullmatch(text)
    if match:
        year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
        moment_date = parse_loose_date(f"{year}-{month}-{day}")
        if hour > 23 or minute > 59 or second > 59:
            raise FieldError("date",
                Message(QT_TRANSLATE_NOOP("Messages", "时间不存在：{hour}:{minute:02d}"), hour=hour, minute=minute))
        return datetime.combine(moment_date, time(hour, minute, second))
    return datetime.combine(parse_loose_date(text), time())


def datetime_field(value: Any, name: str, label: str, errors: list[FieldError],
                   required: bool = False) -> datetime | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            errors.append(FieldError(name, Message(QT_TRANSLATE_NOOP("Messages", "请填写{label}"), label=label)))
        return None
    try:
        return parse_datetime(value)
    except FieldError as exc:
        errors.append(FieldError(name, Message(QT_TRANSLATE_NOOP("Messages", "{label}：{message}"),
                                               label=label, message=exc.message)))
        return None


def choice_field(value: str, name: str, label: str, choices: tuple[str, ...], errors: list[FieldError],
                 required: bool = True) -> str:
    text = (value or "").strip()
    if not text and not required:
        return ""
    if text not in choices:
        errors.append(FieldError(name,
            Message(QT_TRANSLATE_NOOP("Messages", "请选择{label}：{choices}"),
                    label=label, choices='、'.join(choices))))
    return text


def live_case(case_id: int) -> Case:
    case = Case.get_or_none(Case.id == as_record_id(case_id))
    if case is None:
        raise CaseRefused(QT_TRANSLATE_NOOP("Messages", "案件不存在"))
    if case.deleted_at is not None:
        raise CaseRefused(QT_TRANSLATE_NOOP("Messages", "案件已删除，请先恢复后再修改"))
    return case
