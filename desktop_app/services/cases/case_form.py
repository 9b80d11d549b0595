"""Dispute cases (纠纷调解): the case form's data and checks, and the case as the form shows it.

Every change is one transaction with an audit record. Status changes, numbers and deadlines are the
workflow's (workflow.py); a new case is registered (受理) and numbered in one step. Parties and
mediators are in parties.py, sessions and follow-ups in sessions.py, the register's queries in
register.py and the plain data for the documents in document_data.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from ...db.database import db
from ...db.models import Case, CaseEvent
from ...domain.dates import format_date
from ...domain.errors import FieldError
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.money import UPPER_LIMIT, to_amount
from ...domain.names import validate_name
from ...domain.text_folding import fold_fullwidth
from ...domain.text_hygiene import storable
from ...domain.vocabulary import ACCEPTED, CASE_CATEGORIES, CASE_KINDS, CASE_SOURCES, PEOPLES_MEDIATION
from .. import audit
from ..session import DELETE, EDIT, READ_FULL, requires
from .fields import MAX_TEXT, CaseInvalid, choice_field, date_field, datetime_field, live_case, text_field
from .parties import MediatorEntry, PartyEntry, list_mediators, list_parties
from .sessions import FollowUpEntry, SessionEntry, list_follow_ups, list_sessions
from .workflow import (
    CaseRefused,
    allowed_next,
    assign_number,
    case_outcomes,
    case_prefix,
    is_overdue,
    minors_without_guardian,
    record_event,
    refresh_deadlines,
)

MAX_COPIES = 20


@dataclass
class CaseInput:
    """The case form as typed; field names are the `field` of the errors."""

    kind: str = PEOPLES_MEDIATION
    category: str = ""
    source: str = "当事人申请"
    received_at: str | datetime | date | None = None
    place: str = ""
    summary: str = ""
    facts: str = ""  # 主要事实、争议事项
    responsibilities: str = ""
    outcome: str = ""
    agreement_terms: str = ""
    agreement_amount: str | Decimal | int | float | None = None
    performance_way: str = ""
    performance_place: str = ""
    performance_deadline: str | date | None = None
    copies: str | int = 3
    oral_agreement: bool = False
    agreement_date: str | date | None = None
    mediating_authority: str = ""  # 治安调解
    host_officer: str = ""
    incident_at: str | datetime | date | None = None
    incident_place: str = ""
    incident_cause: str = ""
    incident_course: str = ""
    incident_result: str = ""


@dataclass(frozen=True)
class EventEntry:
    at: datetime
    from_status: str
    to_status: str
    username: str
    note: str


@dataclass(frozen=True)
class CaseDetail:
    id: int
    uuid: str
    number: str
    status: str
    deadline: date | None
    second_session_deadline: date | None
    closed_on: date | None
    deleted: bool
    overdue: bool
    outcome_status: str  # 调解成功 / 调解不成功 / 终止 reached, "" while open
    allowed_next: tuple[str, ...]
    data: CaseInput
    parties: list[PartyEntry] = field(default_factory=list)
    mediators: list[MediatorEntry] = field(default_factory=list)

    @property
    def kind(self) -> str:
        return self.data.kind
    sessions: list[SessionEntry] = field(default_factory=list)
    follow_ups: list[FollowUpEntry] = field(default_factory=list)
    events: list[EventEntry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def validate_case(data: CaseInput, today: date | None = None) -> dict[str, Any]:
    """The values to store, or `CaseInvalid` listing every wrong field."""
    today = today or date.today()
    errors: list[FieldError] = []
    values: dict[str, Any] = {
        "kind": choice_field(data.kind, "kind", QT_TRANSLATE_NOOP("Messages", "调解类型"), CASE_KINDS, errors),
        "category": choice_field(data.category, "category", QT_TRANSLATE_NOOP("Messages", "纠纷类别"),
                                 CASE_CATEGORIES, errors),
        "source": choice_field(data.source, "source", QT_TRANSLATE_NOOP("Messages", "案件来源"), CASE_SOURCES,
                               errors),
    }
    received = datetime_field(data.received_at, "received_at", QT_TRANSLATE_NOOP("Messages", "受理时间"), errors,
                              required=True)
    if received and received.date() > today:
        errors.append(FieldError("received_at", QT_TRANSLATE_NOOP("Messages", "受理时间不能晚于今天")))
    values["received_at"] = received
    for key, label, limit in (("place", QT_TRANSLATE_NOOP("Messages", "地点"), 200),
                              ("summary", QT_TRANSLATE_NOOP("Messages", "简要案情"), MAX_TEXT),
                              ("facts", QT_TRANSLATE_NOOP("Messages", "主要事实及争议事项"), MAX_TEXT),
                              ("responsibilities", QT_TRANSLATE_NOOP("Messages", "责任认定"), MAX_TEXT),
                              ("outcome", QT_TRANSLATE_NOOP("Messages", "调解结果"), MAX_TEXT),
                              ("agreement_terms", QT_TRANSLATE_NOOP("Messages", "协议内容"), MAX_TEXT),
                              ("performance_way", QT_TRANSLATE_NOOP("Messages", "履行方式"), 200),
                              ("performance_place", QT_TRANSLATE_NOOP("Messages", "履行地点"), 200),
                              ("mediating_authority", QT_TRANSLATE_NOOP("Messages", "调解机关"), 100),
                              ("incident_place", QT_TRANSLATE_NOOP("Messages", "案发地点"), 200),
                              ("incident_cause", QT_TRANSLATE_NOOP("Messages", "案件起因"), MAX_TEXT),
                              ("incident_course", QT_TRANSLATE_NOOP("Messages", "案件经过"), MAX_TEXT),
                              ("incident_result", QT_TRANSLATE_NOOP("Messages", "案件后果"), MAX_TEXT)):
        values[key] = text_field(getattr(data, key), key, label, limit, errors)

    values["host_officer"] = ""
    if (data.host_officer or "").strip():
        try:
            values["host_officer"] = validate_name(data.host_officer)
        except FieldError as exc:
            errors.append(FieldError("host_officer",
                Message(QT_TRANSLATE_NOOP("Messages", "主持人：{message}"), message=exc.message)))

    values["agreement_amount"] = None
    raw_amount = data.agreement_amount
    if raw_amount is not None and str(raw_amount).strip():
        try:
            amount = to_amount(fold_fullwidth(str(raw_amount)).strip().removesuffix("元"))
        except ValueError:
            errors.append(FieldError("agreement_amount",
                QT_TRANSLATE_NOOP("Messages", "协议金额应为数字，如 3500 或 3500.50")))
        else:
            if amount < 0:
                errors.append(FieldError("agreement_amount", QT_TRANSLATE_NOOP("Messages", "协议金额不能为负数")))
            elif amount >= UPPER_LIMIT:
                errors.append(FieldError("agreement_amount", QT_TRANSLATE_NOOP("Messages", "协议金额过大，请核对")))
            values["agreement_amount"] = amount

    try:
        copies = int(fold_fullwidth(str(data.copies if data.copies not in (None, "") else 3)).strip())
    except ValueError:
        errors.append(FieldError("copies", QT_TRANSLATE_NOOP("Messages", "协议份数应为整数")))
        copies = 3
    if not 1 <= copies <= MAX_COPIES:
        errors.append(FieldError("copies",
            Message(QT_TRANSLATE_NOOP("Messages", "协议份数应在1至{max_copies}份之间"), max_copies=MAX_COPIES)))
    values["copies"] = copies
    values["oral_agreement"] = bool(data.oral_agreement)

    agreed = date_field(data.agreement_date, "agreement_date", QT_TRANSLATE_NOOP("Messages", "协议日期"), errors)
    perform_by = date_field(data.performance_deadline, "performance_deadline",
                            QT_TRANSLATE_NOOP("Messages", "履行期限"), errors)
    if agreed and received and agreed < received.date():
        errors.append(FieldError("agreement_date", QT_TRANSLATE_NOOP("Messages", "协议日期不能早于受理日期")))
    if agreed and agreed > today:
        errors.append(FieldError("agreement_date", QT_TRANSLATE_NOOP("Messages", "协议日期不能晚于今天")))
    if agreed and perform_by and perform_by < agreed:
        errors.append(FieldError("performance_deadline", QT_TRANSLATE_NOOP("Messages", "履行期限不能早于协议日期")))
    values["agreement_date"], values["performance_deadline"] = agreed, perform_by

    incident = datetime_field(data.incident_at, "incident_at", QT_TRANSLATE_NOOP("Messages", "案发时间"), errors)
    if incident and received and incident > received:
        errors.append(FieldError("incident_at", QT_TRANSLATE_NOOP("Messages", "案发时间不能晚于受理时间")))
    values["incident_at"] = incident

    if errors:
        raise CaseInvalid(errors)
    return values


@requires(EDIT)
def register_case(data: CaseInput, today: date | None = None) -> Case:
    """受理: check and store a new case in status 受理 with its number and deadlines, in one transaction."""
    today = today or date.today()
    with db.atomic():
        values = validate_case(data, today)
        try:
            prefix = case_prefix()
        except CaseRefused as exc:
            raise CaseInvalid([FieldError("number", exc.message)]) from None
        case = Case(status=ACCEPTED, **values)
        refresh_deadlines(case)
        number = assign_number(case, prefix)
        case.save(force_insert=True)
        audit.record("新增", "case", case.uuid, f"受理案件 {number}")
        record_event(case, "", ACCEPTED, "受理登记")
    return case


@requires(EDIT)
def save_case(data: CaseInput, case_id: int | None = None, today: date | None = None) -> Case:
    """Register a new case (case_id None) or store the form's changes to one; `CaseInvalid` if wrong.

    The number never changes; the deadlines follow the kind and acceptance date."""
    if case_id is None:
        return register_case(data, today)
    today = today or date.today()
    with db.atomic():
        values = validate_case(data, today)
        case = live_case(case_id)
        for key, value in values.items():
            setattr(case, key, value)
        refresh_deadlines(case)
        case.save()
        audit.record("修改", "case", case.uuid, f"修改案件 {case.number}")
    return case


@requires(DELETE)
def delete_case(case_id: int, reason: str = "") -> None:
    """Soft delete: the case leaves the register, its number stays taken (register of deleted cases)."""
    with db.atomic():
        case = live_case(case_id)
        case.deleted_at = datetime.now()
        case.save()
        reason = storable(reason or "", multiline=False).strip()
        why = f"，原因：{reason[:100]}" if reason else ""
        audit.record("删除", "case", case.uuid, f"删除案件 {case.number}{why}")


@requires(DELETE)
def restore_case(case_id: int) -> None:
    with db.atomic():
        case = Case.get_by_id(case_id)
        case.deleted_at = None
        case.save()
        audit.record("恢复", "case", case.uuid, f"恢复案件 {case.number}")


def case_input(case: Case) -> CaseInput:
    return CaseInput(
        kind=case.kind, category=case.category, source=case.source, received_at=case.received_at,
        place=case.place, summary=case.summary, facts=case.facts, responsibilities=case.responsibilities,
        outcome=case.outcome, agreement_terms=case.agreement_terms, agreement_amount=case.agreement_amount,
        performance_way=case.performance_way, performance_place=case.performance_place,
        performance_deadline=case.performance_deadline, copies=case.copies, oral_agreement=case.oral_agreement,
        agreement_date=case.agreement_date, mediating_authority=case.mediating_authority,
        host_officer=case.host_officer, incident_at=case.incident_at, incident_place=case.incident_place,
        incident_cause=case.incident_cause, incident_course=case.incident_course,
        incident_result=case.incident_result,
    )


@requires(READ_FULL)
def load_case(case_id: int, today: date | None = None) -> CaseDetail:
    """Everything the case form shows, personal data in full (the record's own form)."""
    today = today or date.today()
    case = Case.get_by_id(case_id)
    parties = list_parties(case_id, today)
    return CaseDetail(
        id=case.id, uuid=case.uuid, number=case.number or "", status=case.status, deadline=case.deadline,
        second_session_deadline=case.second_session_deadline, closed_on=case.closed_on,
        deleted=case.deleted_at is not None, overdue=case.deleted_at is None and is_overdue(case, today),
        outcome_status=case_outcomes([case.id]).get(case.id, ""),
        allowed_next=() if case.deleted_at else allowed_next(case.status),
        data=case_input(case), parties=parties, mediators=list_mediators(case_id),
        sessions=list_sessions(case_id), follow_ups=list_follow_ups(case_id),
        events=[EventEntry(e.at, e.from_status, e.to_status, e.username, e.note)
                for e in CaseEvent.select().where(CaseEvent.case == case_id).order_by(CaseEvent.at, CaseEvent.id)],
        warnings=case_warnings(case, parties, today),
    )


def case_warnings(case: Case | int, parties: list[PartyEntry] | None = None,
                  today: date | None = None) -> list[str]:
    """What the form should point out without refusing to save (a minor without guardian, …)."""
    today = today or date.today()
    case = case if isinstance(case, Case) else Case.get_by_id(case)
    parties = parties if parties is not None else list_parties(case.id, today)
    warnings = []
    if not parties:
        warnings.append(QT_TRANSLATE_NOOP("Messages", "尚未登记当事人"))
    for name in minors_without_guardian(case.id, today):
        warnings.append(Message(QT_TRANSLATE_NOOP("Messages", "当事人“{name}”未满18周岁，请登记其监护人（达成协议前必须登记）"),
                                name=name))
    if case.deleted_at is None and is_overdue(case, today):
        warnings.append(Message(QT_TRANSLATE_NOOP("Messages", "已超过办理期限（{deadline}）"),
                                deadline=format_date(case.deadline)))
    return warnings
