"""Qualifications (资质): a member holds a skill from a day, until an expiry day or without end — from a
training passed (source 培训) or recorded by hand (手工, e.g. a certificate brought from elsewhere). The
duty rules read them (`schedule.duty_rules`): a post's required skill must be held on the shift's day.

`validate_qualification` is the one place the rules are applied; `add_qualification` stores one and
`add_qualifications` many in one transaction, each checked the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ...db.database import db
from ...db.models import Member, Qualification, Training
from ...domain.dates import parse_loose_date
from ...domain.errors import FieldError, ValidationFailed
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.ranges import as_record_id
from ...domain.text_hygiene import text_value
from .. import audit
from ..accounts.roles import EDIT, requires
from ..storage.bulk import insert_rows

SOURCES = (QT_TRANSLATE_NOOP("Vocabulary", "培训"), QT_TRANSLATE_NOOP("Vocabulary", "手工"))
SKILL_MAX = 20
NOTES_MAX = 500


class QualificationInvalid(ValidationFailed):
    """The qualification cannot be saved as given; `errors` holds one message per wrong field."""


@dataclass
class QualificationInput:
    member_id: int
    skill: str
    granted_on: str | date | None
    expires_on: str | date | None = None
    source: str = "手工"
    training_id: int | None = None
    notes: str = ""


class QualificationLookups:
    """Whether a member may hold a qualification (exists, not deleted) and whether a training exists;
    `load_all` reads every member and training once, for a batch."""

    def __init__(self, load_all: bool = False) -> None:
        self.members: dict[int, bool] | None = None
        self.trainings: set[int] | None = None
        if load_all:
            self.members = {mid: deleted is None for mid, deleted in Member.select(Member.id, Member.deleted_at).tuples()}
            self.trainings = {tid for (tid,) in Training.select(Training.id).tuples()}

    def member_live(self, member_id: int) -> bool | None:
        """True on the roster, False deleted, None unknown."""
        if self.members is not None:
            return self.members.get(member_id)
        row = Member.select(Member.deleted_at).where(Member.id == as_record_id(member_id)).tuples().first()
        return None if row is None else row[0] is None

    def training_exists(self, training_id: int) -> bool:
        if self.trainings is not None:
            return training_id in self.trainings
        return Training.select().where(Training.id == as_record_id(training_id)).exists()


def _date(value: str | date | None, name: str, label: str, errors: list[FieldError], required: bool) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            errors.append(FieldError(name, Message(QT_TRANSLATE_NOOP("Messages", "请填写{label}"), label=label)))
        return None
    try:
        return parse_loose_date(value)
    except FieldError as exc:
        errors.append(FieldError(name, Message(QT_TRANSLATE_NOOP("Messages", "{label}：{message}"), label=label,
                                               message=exc.message)))
        return None


def validate_qualification(data: QualificationInput, today: date | None = None,
                           lookups: QualificationLookups | None = None) -> dict[str, Any]:
    """The values to store, or `QualificationInvalid` listing every wrong field."""
    today = today or date.today()
    lookups = lookups or QualificationLookups()
    errors: list[FieldError] = []
    live = lookups.member_live(data.member_id)
    if live is None:
        errors.append(FieldError("member", QT_TRANSLATE_NOOP("Messages", "队员不存在")))
    elif not live:
        errors.append(FieldError("member", QT_TRANSLATE_NOOP("Messages", "该队员已删除")))
    skill = text_value(data.skill, "skill", QT_TRANSLATE_NOOP("Messages", "资质名称"), None, errors)
    if any(e.field == "skill" for e in errors):
        pass
    elif not skill:
        errors.append(FieldError("skill", QT_TRANSLATE_NOOP("Messages", "请填写资质（技能）名称")))
    elif len(skill) > SKILL_MAX:
        errors.append(FieldError("skill", Message(QT_TRANSLATE_NOOP("Messages", "资质名称不能超过{limit}个字"),
                                                  limit=SKILL_MAX)))
    granted = _date(data.granted_on, "granted_on", QT_TRANSLATE_NOOP("Messages", "取得日期"), errors, required=True)
    expires = _date(data.expires_on, "expires_on", QT_TRANSLATE_NOOP("Messages", "有效期至"), errors, required=False)
    if granted and granted > today:
        errors.append(FieldError("granted_on", QT_TRANSLATE_NOOP("Messages", "取得日期不能晚于今天")))
    if granted and expires and expires < granted:
        errors.append(FieldError("expires_on", QT_TRANSLATE_NOOP("Messages", "有效期不能早于取得日期")))
    source = (data.source or "").strip()
    if source not in SOURCES:
        errors.append(FieldError("source", QT_TRANSLATE_NOOP("Messages", "来源应为 培训 / 手工")))
    if source == "培训" and data.training_id is None:
        errors.append(FieldError("training", QT_TRANSLATE_NOOP("Messages", "培训取得的资质请注明培训")))
    if data.training_id is not None and not lookups.training_exists(data.training_id):
        errors.append(FieldError("training", QT_TRANSLATE_NOOP("Messages", "所选培训不存在")))
    notes = text_value(data.notes, "notes", QT_TRANSLATE_NOOP("Messages", "备注"), None, errors, multiline=True)
    if len(notes) > NOTES_MAX:
        errors.append(FieldError("notes", Message(QT_TRANSLATE_NOOP("Messages", "备注不能超过{limit}个字"), limit=NOTES_MAX)))
    if errors:
        raise QualificationInvalid(errors)
    return {"member": data.member_id, "skill": skill, "granted_on": granted, "expires_on": expires,
            "source": source, "training": data.training_id, "notes": notes}


_FIELDS = ("member", "skill", "granted_on", "expires_on", "source", "training", "notes")


@requires(EDIT)
def add_qualification(data: QualificationInput, today: date | None = None) -> Qualification:
    """Check and store one qualification in one transaction with its audit entry."""
    with db.atomic():
        row = Qualification.create(**validate_qualification(data, today))
        audit.record("新增", "qualification", row.uuid, f"登记资质“{row.skill}”")
    return row


@requires(EDIT)
def add_qualifications(entries: Sequence[QualificationInput], today: date | None = None,
                       lookups: QualificationLookups | None = None) -> list[int]:
    """Check and store many qualifications in one transaction, each checked by `validate_qualification`;
    the first refused one raises `QualificationInvalid` (its `item` says which) and nothing is stored.
    One audit entry for the batch."""
    with db.atomic():
        lookups = lookups or QualificationLookups(load_all=len(entries) > 50)
        rows = []
        for index, data in enumerate(entries):
            try:
                values = validate_qualification(data, today, lookups)
            except QualificationInvalid as exc:
                raise QualificationInvalid(exc.errors, item=index) from None
            rows.append(tuple(values[key] for key in _FIELDS))
        ids = insert_rows(Qualification, _FIELDS, rows)
        if ids:
            audit.record("新增", "qualification", "", f"批量登记资质 {len(ids)} 条")
    return ids
