"""A case's 调查记录 (人民调解调查记录, 司法部 2010 formats): who was asked, by whom, when and where, who else
was there, and what was said. Every change is one transaction with an audit record."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ...db.database import db
from ...db.models import Investigation
from ...domain.errors import FieldError
from ...domain.i18n import QT_TRANSLATE_NOOP
from .. import audit
from ..accounts.roles import DELETE, EDIT, requires
from ..clients.versions import check_version, save_checked
from .fields import MAX_TEXT, CaseInvalid, Received, datetime_field, live_case, text_field


@dataclass
class InvestigationInput:
    held_at: str | datetime | date | None = None
    place: str = ""
    subject: str = ""  # 被调查人
    investigators: str = ""  # 调查人
    recorder: str = ""
    present: str = ""  # 在场人
    record: str = ""
    version: int | None = field(default=None, compare=False)  # the stored record's, as the form loaded it


@dataclass(frozen=True)
class InvestigationEntry:
    id: int
    held_at: datetime
    place: str
    subject: str
    investigators: str
    recorder: str
    present: str
    record: str
    version: int = 1

    def to_input(self) -> InvestigationInput:
        return InvestigationInput(self.held_at, self.place, self.subject, self.investigators, self.recorder,
                                  self.present, self.record, version=self.version)


def validate_investigation(data: InvestigationInput, case: Received, today: date | None = None) -> dict[str, Any]:
    today = today or date.today()
    errors: list[FieldError] = []
    held = datetime_field(data.held_at, "held_at", QT_TRANSLATE_NOOP("Messages", "调查时间"), errors, required=True)
    if held and held.date() > today:
        errors.append(FieldError("held_at", QT_TRANSLATE_NOOP("Messages", "调查时间不能晚于今天")))
    if held and held.date() < case.received_at.date():
        errors.append(FieldError("held_at", QT_TRANSLATE_NOOP("Messages", "调查时间不能早于受理日期")))
    values: dict[str, Any] = {"held_at": held}
    values["place"] = text_field(data.place, "place", QT_TRANSLATE_NOOP("Messages", "调查地点"), 200, errors)
    values["subject"] = text_field(data.subject, "subject", QT_TRANSLATE_NOOP("Messages", "被调查人"), 200, errors)
    values["investigators"] = text_field(data.investigators, "investigators", QT_TRANSLATE_NOOP("Messages", "调查人"),
                                         200, errors)
    values["recorder"] = text_field(data.recorder, "recorder", QT_TRANSLATE_NOOP("Messages", "记录人"), 50, errors)
    values["present"] = text_field(data.present, "present", QT_TRANSLATE_NOOP("Messages", "在场人"), MAX_TEXT, errors)
    values["record"] = text_field(data.record, "record", QT_TRANSLATE_NOOP("Messages", "调查记录"), MAX_TEXT, errors)
    if not values["subject"]:
        errors.append(FieldError("subject", QT_TRANSLATE_NOOP("Messages", "请填写被调查人")))
    if errors:
        raise CaseInvalid(errors)
    return values


@requires(EDIT)
def add_investigation(case_id: int, data: InvestigationInput, today: date | None = None) -> Investigation:
    with db.atomic():
        case = live_case(case_id)
        row = Investigation.create(case=case_id, **validate_investigation(data, case, today))
        audit.record("新增", "investigation", row.uuid, f"案件 {case.number} 新增调查记录")
    return row


@requires(EDIT)
def update_investigation(investigation_id: int, data: InvestigationInput,
                         today: date | None = None) -> Investigation:
    with db.atomic():
        row = Investigation.get_by_id(investigation_id)
        case = live_case(row.case_id)
        check_version(row, data.version)
        for key, value in validate_investigation(data, case, today).items():
            setattr(row, key, value)
        save_checked(row, data.version)
        audit.record("修改", "investigation", row.uuid, f"案件 {case.number} 修改调查记录")
    return row


@requires(DELETE)
def delete_investigation(investigation_id: int) -> None:
    with db.atomic():
        row = Investigation.get_by_id(investigation_id)
        case = live_case(row.case_id)
        audit.record("删除", "investigation", row.uuid, f"案件 {case.number} 删除调查记录")
        row.delete_instance()


def list_investigations(case_id: int) -> list[InvestigationEntry]:
    query = Investigation.select().where(Investigation.case == case_id).order_by(Investigation.held_at,
                                                                                  Investigation.id)
    return [InvestigationEntry(r.id, r.held_at, r.place, r.subject, r.investigators, r.recorder, r.present,
                               r.record, r.version) for r in query]
