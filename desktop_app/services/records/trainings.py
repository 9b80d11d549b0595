"""Trainings (培训): title, day, hours, host, content and who attended; a training may grant a skill
(`grants_skill`, valid `valid_months` months or without end), given as a qualification (source 培训) to
each attendee who passed.

`validate_training` is the one place the rules are applied; `save_training` stores one training and
`save_trainings` many in one transaction, each checked the same way, their qualifications checked by
`roster.qualifications.validate_qualification`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ...db.database import db
from ...db.models import Training, TrainingAttendee
from ...domain.dates import add_months
from ...domain.errors import FieldError, ValidationFailed
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from .. import audit
from ..accounts.roles import EDIT, PRINT, requires
from ..cases.fields import MAX_TEXT, date_field, text_field
from ..roster.qualifications import (
    QualificationInput,
    QualificationInvalid,
    QualificationLookups,
    add_qualifications,
)
from ..storage.bulk import insert_rows, next_id
from .participation import RecordLookups, hours_value, serving_problem

MAX_TRAINING_HOURS = 200.0
MAX_VALID_MONTHS = 120
MAX_ATTENDEES = 1_000


class TrainingInvalid(ValidationFailed):
    """The training cannot be saved as typed; `errors` holds one message per wrong field."""


@dataclass
class AttendeeInput:
    member_id: int
    hours: float | str | None = None  # None: the training's hours
    passed: bool = True


@dataclass
class TrainingInput:
    title: str = ""
    date: str | date | None = None
    hours: float | str = 0
    host: str = ""
    content: str = ""
    grants_skill: str = ""
    valid_months: int | str | None = None
    attendees: list[AttendeeInput] = field(default_factory=list)


def validate_training(data: TrainingInput, today: date | None = None, lookups: RecordLookups | None = None
                      ) -> tuple[dict[str, Any], list[tuple[int, float, bool]]]:
    """(the training's values, [(member id, hours, passed)]) to store, or `TrainingInvalid`."""
    today = today or date.today()
    lookups = lookups or RecordLookups()
    errors: list[FieldError] = []
    title = text_field(data.title, "title", QT_TRANSLATE_NOOP("Messages", "培训名称"), 200, errors)
    if not title:
        errors.append(FieldError("title", QT_TRANSLATE_NOOP("Messages", "请填写培训名称")))
    day = date_field(data.date, "date", QT_TRANSLATE_NOOP("Messages", "培训日期"), errors, required=True)
    if day and day > today:
        errors.append(FieldError("date", QT_TRANSLATE_NOOP("Messages", "培训日期不能晚于今天")))
    hours = hours_value(data.hours, "hours", QT_TRANSLATE_NOOP("Messages", "培训学时"), errors, MAX_TRAINING_HOURS)
    skill = text_field(data.grants_skill, "grants_skill", QT_TRANSLATE_NOOP("Messages", "授予资质"), 20, errors)
    months: int | None = None
    if data.valid_months not in (None, ""):
        try:
            months = int(str(data.valid_months).strip())
        except ValueError:
            errors.append(FieldError("valid_months", QT_TRANSLATE_NOOP("Messages", "有效期应为整数（月）")))
        else:
            if not 1 <= months <= MAX_VALID_MONTHS:
                errors.append(FieldError("valid_months", Message(
                    QT_TRANSLATE_NOOP("Messages", "有效期应在1至{limit}个月之间"), limit=MAX_VALID_MONTHS)))
            if not skill:
                errors.append(FieldError("valid_months", QT_TRANSLATE_NOOP("Messages", "不授予资质的培训不填写有效期")))
    values = {"title": title, "date": day, "hours": hours,
              "host": text_field(data.host, "host", QT_TRANSLATE_NOOP("Messages", "主办单位"), 100, errors),
              "content": text_field(data.content, "content", QT_TRANSLATE_NOOP("Messages", "培训内容"), MAX_TEXT,
                                    errors),
              "grants_skill": skill, "valid_months": months}
    if len(data.attendees) > MAX_ATTENDEES:
        errors.append(FieldError("attendees", Message(QT_TRANSLATE_NOOP("Messages", "参训人员不能超过{limit}人"),
                                                      limit=MAX_ATTENDEES)))
    lookups.prefetch(a.member_id for a in data.attendees)
    attendees: list[tuple[int, float, bool]] = []
    seen: set[int] = set()
    for entry in data.attendees:
        span = lookups.span(entry.member_id)
        name = span.name if span else ""
        if entry.member_id in seen:
            errors.append(FieldError("attendees", Message(QT_TRANSLATE_NOOP("Messages", "“{name}”重复登记"), name=name)))
            continue
        seen.add(entry.member_id)
        if day is not None:
            problem = serving_problem(span, day)
            if problem:
                errors.append(FieldError("attendees", problem))
        own = hours_value(entry.hours if entry.hours is not None else hours, "attendees",
                          Message(QT_TRANSLATE_NOOP("Messages", "“{name}”的学时"), name=name), errors,
                          MAX_TRAINING_HOURS)
        if own > hours:
            errors.append(FieldError("attendees",
                                     Message(QT_TRANSLATE_NOOP("Messages", "“{name}”的学时不能超过培训学时"), name=name)))
        attendees.append((entry.member_id, own, bool(entry.passed)))
    if errors:
        raise TrainingInvalid(errors)
    return values, attendees


_FIELDS = ("title", "date", "hours", "host", "content", "grants_skill", "valid_months")


@requires(EDIT)
def save_training(data: TrainingInput, today: date | None = None) -> int:
    """Check and store one training, its attendees and the qualifications it grants; returns its id."""
    return _save([data], today, single=True)[0]


@requires(EDIT)
def save_trainings(inputs: Sequence[TrainingInput], today: date | None = None) -> list[int]:
    """Check and store many trainings in one transaction, each checked by `validate_training`; the first
    refused one raises `TrainingInvalid` (its `item` says which) and nothing is stored. One audit entry."""
    return _save(inputs, today, single=False)


def _save(inputs: Sequence[TrainingInput], today: date | None, single: bool) -> list[int]:
    today = today or date.today()
    lookups = RecordLookups(load_all=not single and len(inputs) > 20)
    with db.atomic():
        first = next_id(Training)
        rows, people, granted = [], [], []
        for index, data in enumerate(inputs):
            try:
                values, attendees = validate_training(data, today, lookups)
            except TrainingInvalid as exc:
                raise TrainingInvalid(exc.errors, item=None if single else index) from None
            training_id = first + index
            rows.append(tuple(values[key] for key in _FIELDS))
            people += [(training_id, member_id, hours, passed) for member_id, hours, passed in attendees]
            if values["grants_skill"]:
                expires = add_months(values["date"], values["valid_months"]) if values["valid_months"] else None
                granted += [QualificationInput(member_id, values["grants_skill"], values["date"], expires, "培训",
                                               training_id) for member_id, _hours, passed in attendees if passed]
        ids = insert_rows(Training, _FIELDS, rows, first)
        insert_rows(TrainingAttendee, ("training", "member", "hours", "passed"), people)
        try:
            add_qualifications(granted, today, QualificationLookups(load_all=len(granted) > 50))
        except QualificationInvalid as exc:
            raise TrainingInvalid(exc.errors) from None
        if single and ids:
            audit.record("新增", "training", Training.get_by_id(ids[0]).uuid, f"新增培训“{rows[0][0]}”")
        elif ids:
            audit.record("新增", "training", "", f"批量新增培训 {len(ids)} 次，参训 {len(people)} 人次")
    return ids


def training_input(training_id: int) -> TrainingInput:
    """A stored training as the form shows it."""
    row = Training.get_by_id(training_id)
    attendees = [AttendeeInput(mid, hours, passed) for mid, hours, passed in
                 TrainingAttendee.select(TrainingAttendee.member, TrainingAttendee.hours, TrainingAttendee.passed)
                 .where(TrainingAttendee.training == training_id).order_by(TrainingAttendee.id).tuples()]
    return TrainingInput(row.title, row.date, row.hours, row.host, row.content, row.grants_skill, row.valid_months,
                         attendees)


@requires(PRINT)
def sign_in_sheet_pdf(title: str, day: date | None, hours: float | None, host: str, place: str,
                      team_id: int | None, path: str | Path | None = None) -> bytes:
    """The blank sign-in sheet of a training, listing the team's members on the roster (all teams' when
    `team_id` is None) with blank lines for others; written to `path` through the verified writer."""
    from peewee import JOIN

    from ...db.models import Member, Team
    from ...documents.sign_in_sheet import SignInSheet, build_sign_in_pdf
    from ...domain.vocabulary import ACTIVE
    from ..files.writer import write_verified
    from ..office.details import get_office

    query = (Member.select(Member.name, Team.name).join(Team, JOIN.LEFT_OUTER, on=(Member.team == Team.id))
             .where(Member.deleted_at.is_null(), Member.status == ACTIVE))
    if team_id is not None:
        query = query.where(Member.team == team_id)
    people = [(name, team or "") for name, team in query.order_by(Team.name, Member.pinyin_full, Member.name).tuples()]
    office = get_office()
    pdf = build_sign_in_pdf(SignInSheet(office.unit_name if office else "", title.strip() or "（培训名称）", day, hours,
                                        host, place, people))
    if path is not None:
        write_verified(Path(path), pdf)
    audit.record("打印", "training", "", f"打印培训签到表（{len(people)}人）")
    return pdf
