"""Dispute cases (纠纷调解): the register's queries, the case form's data and checks, parties, mediators,
sessions and follow-ups, and the plain data the case documents are printed from.

Every change is one transaction with an audit record. Status changes, numbers and deadlines are the
workflow's (case_workflow.py); a new case is registered (受理) and numbered in one step.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from peewee import JOIN, fn
from peewee import Case as SqlCase

from ..db.database import db
from ..db.models import Case, CaseEvent, CaseMediator, FollowUp, MediationSession, Member, Party, Team
from ..documents.case_data import CaseData, FollowUpData, PartyData, RegisterData, RegisterRow, SessionData
from ..domain.dates import format_date, parse_loose_date
from ..domain.errors import FieldError
from ..domain.ethnic_groups import ETHNIC_GROUPS, code_of
from ..domain.id_numbers import check_consistency, parse_id_number
from ..domain.masking import mask_address, mask_id, mask_phone
from ..domain.money import UPPER_LIMIT, to_amount
from ..domain.names import normalize_name, validate_name
from ..domain.phones import validate_phone
from ..domain.pinyin_keys import pinyin_keys, search_term
from ..domain.text_folding import fold_fullwidth
from . import audit
from .case_workflow import (
    ACCEPTED,
    AFTER_MEDIATION_STATUSES,
    CATEGORIES,
    KINDS,
    OPEN_STATUSES,
    PUBLIC_SECURITY_MEDIATION,
    SOURCES,
    STATUSES,
    CaseRefused,
    age_on,
    allowed_next,
    assign_number,
    case_outcomes,
    case_prefix,
    is_minor,
    is_overdue,
    minors_without_guardian,
    record_event,
    refresh_deadlines,
)
from .office import get_office

PARTY_ROLES = ("申请人", "被申请人", "其他当事人", "监护人")
GUARDIAN = "监护人"
GENDERS = ("男", "女")
MEDIATOR_ROLES = ("主持人", "调解员", "记录人")
PERFORMED_CHOICES = ("已履行", "部分履行", "未履行")
SATISFACTION_CHOICES = ("满意", "基本满意", "不满意")
DOCUMENT_KINDS = ("受理登记表", "调解记录", "调解协议书", "回访记录", "案件摘要")
SORT_KEYS = ("received_at", "number", "kind", "category", "status", "deadline")

MAX_TEXT = 10_000
MAX_COPIES = 20
MAX_AGE = 150
_IN_CHUNK = 500
_ONE_DAY = timedelta(days=1)
_DATETIME = re.compile(
    r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*[日号]?\s*[T ]?\s*(\d{1,2})\s*[:：时点]\s*(\d{1,2})"
    r"(?:\s*[:：分]\s*(\d{1,2})(?:\.\d+)?)?\s*[分秒]?")


class CaseInvalid(ValueError):
    """What was typed cannot be saved; `errors` holds one message per wrong field."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("；".join(e.message for e in errors))
        self.errors = errors

    def by_field(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for error in self.errors:
            out.setdefault(error.field, error.message)
        return out


# --- typed input ---------------------------------------------------------------------------------


@dataclass
class CaseInput:
    """The case form as typed; field names are the `field` of the errors."""

    kind: str = "人民调解"
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


@dataclass
class PartyInput:
    role: str = "申请人"
    name: str = ""
    gender: str = ""
    ethnic: str = ""  # code or name
    age: str | int | None = None
    birth_date: str | date | None = None
    id_number: str = ""
    phone: str = ""
    address: str = ""
    occupation: str = ""
    guardian_of_id: int | None = None  # for a 监护人: the party they act for


@dataclass
class SessionInput:
    held_at: str | datetime | date | None = None
    place: str = ""
    present: str = ""  # 参加人员
    record: str = ""
    result: str = ""


@dataclass
class FollowUpInput:
    date: str | date | None = None
    performed: str = ""  # 已履行 / 部分履行 / 未履行
    satisfaction: str = ""  # 满意 / 基本满意 / 不满意
    escalation_signs: str = ""
    visitor: str = ""
    notes: str = ""


# --- what the form shows -------------------------------------------------------------------------


@dataclass(frozen=True)
class PartyEntry:
    """One party in full (the case's own form); `is_minor` at today."""

    id: int
    role: str
    name: str
    gender: str
    ethnic_code: str
    ethnic: str
    age: int | None
    birth_date: date | None
    id_number: str
    phone: str
    address: str
    occupation: str
    guardian_of_id: int | None
    guardian_of_name: str
    position: int
    is_minor: bool

    def to_input(self) -> PartyInput:
        return PartyInput(role=self.role, name=self.name, gender=self.gender, ethnic=self.ethnic_code,
                          age=self.age, birth_date=self.birth_date, id_number=self.id_number,
                          phone=self.phone, address=self.address, occupation=self.occupation,
                          guardian_of_id=self.guardian_of_id)


@dataclass(frozen=True)
class MediatorEntry:
    id: int
    name: str
    role: str  # 主持人 / 调解员 / 记录人
    member_id: int | None  # a volunteer from the roster; None for an officer
    team: str = ""

    @property
    def is_volunteer(self) -> bool:
        return self.member_id is not None


@dataclass(frozen=True)
class SessionEntry:
    id: int
    held_at: datetime
    place: str
    present: str
    record: str
    result: str

    def to_input(self) -> SessionInput:
        return SessionInput(self.held_at, self.place, self.present, self.record, self.result)


@dataclass(frozen=True)
class FollowUpEntry:
    id: int
    date: date
    performed: str
    satisfaction: str
    escalation_signs: str
    visitor: str
    notes: str

    def to_input(self) -> FollowUpInput:
        return FollowUpInput(self.date, self.performed, self.satisfaction, self.escalation_signs,
                             self.visitor, self.notes)


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
    sessions: list[SessionEntry] = field(default_factory=list)
    follow_ups: list[FollowUpEntry] = field(default_factory=list)
    events: list[EventEntry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# --- parsing helpers -----------------------------------------------------------------------------


def _text(value: Any, name: str, label: str, limit: int, errors: list[FieldError]) -> str:
    text = str(value or "").strip()
    if len(text) > limit:
        errors.append(FieldError(name, f"{label}不能超过{limit}个字"))
    return text


def _date(value: Any, name: str, label: str, errors: list[FieldError], required: bool = False) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            errors.append(FieldError(name, f"请填写{label}"))
        return None
    try:
        return parse_loose_date(value)
    except FieldError as exc:
        errors.append(FieldError(name, f"{label}：{exc.message}"))
        return None


def parse_datetime(value: str | datetime | date) -> datetime:
    """A date with an optional time as typed ("2024-09-30 14:30", "2024年9月30日"), or FieldError."""
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    if isinstance(value, date):
        return datetime.combine(value, time())
    text = fold_fullwidth(str(value)).strip()
    match = _DATETIME.fullmatch(text)
    if match:
        year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
        moment_date = parse_loose_date(f"{year}-{month}-{day}")
        if hour > 23 or minute > 59 or second > 59:
            raise FieldError("date", f"时间不存在：{hour}:{minute:02d}")
        return datetime.combine(moment_date, time(hour, minute, second))
    return datetime.combine(parse_loose_date(text), time())


def _datetime(value: Any, name: str, label: str, errors: list[FieldError],
              required: bool = False) -> datetime | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            errors.append(FieldError(name, f"请填写{label}"))
        return None
    try:
        return parse_datetime(value)
    except FieldError as exc:
        errors.append(FieldError(name, f"{label}：{exc.message}"))
        return None


def _choice(value: str, name: str, label: str, choices: tuple[str, ...], errors: list[FieldError],
            required: bool = True) -> str:
    text = (value or "").strip()
    if not text and not required:
        return ""
    if text not in choices:
        errors.append(FieldError(name, f"请选择{label}：{'、'.join(choices)}"))
    return text


def _live_case(case_id: int) -> Case:
    case = Case.get_or_none(Case.id == case_id)
    if case is None:
        raise CaseRefused("案件不存在")
    if case.deleted_at is not None:
        raise CaseRefused("案件已删除，请先恢复后再修改")
    return case


# --- the case ------------------------------------------------------------------------------------


def validate_case(data: CaseInput, today: date | None = None) -> dict[str, Any]:
    """The values to store, or `CaseInvalid` listing every wrong field."""
    today = today or date.today()
    errors: list[FieldError] = []
    values: dict[str, Any] = {
        "kind": _choice(data.kind, "kind", "调解类型", KINDS, errors),
        "category": _choice(data.category, "category", "纠纷类别", CATEGORIES, errors),
        "source": _choice(data.source, "source", "案件来源", SOURCES, errors),
    }
    received = _datetime(data.received_at, "received_at", "受理时间", errors, required=True)
    if received and received.date() > today:
        errors.append(FieldError("received_at", "受理时间不能晚于今天"))
    values["received_at"] = received
    for key, label, limit in (("place", "地点", 200), ("summary", "简要案情", MAX_TEXT),
                              ("facts", "主要事实及争议事项", MAX_TEXT), ("responsibilities", "责任认定", MAX_TEXT),
                              ("outcome", "调解结果", MAX_TEXT), ("agreement_terms", "协议内容", MAX_TEXT),
                              ("performance_way", "履行方式", 200), ("performance_place", "履行地点", 200),
                              ("mediating_authority", "调解机关", 100), ("incident_place", "案发地点", 200),
                              ("incident_cause", "案件起因", MAX_TEXT), ("incident_course", "案件经过", MAX_TEXT),
                              ("incident_result", "案件后果", MAX_TEXT)):
        values[key] = _text(getattr(data, key), key, label, limit, errors)

    values["host_officer"] = ""
    if (data.host_officer or "").strip():
        try:
            values["host_officer"] = validate_name(data.host_officer)
        except FieldError as exc:
            errors.append(FieldError("host_officer", f"主持人：{exc.message}"))

    values["agreement_amount"] = None
    raw_amount = data.agreement_amount
    if raw_amount is not None and str(raw_amount).strip():
        try:
            amount = to_amount(fold_fullwidth(str(raw_amount)).strip().removesuffix("元"))
        except ValueError:
            errors.append(FieldError("agreement_amount", "协议金额应为数字，如 3500 或 3500.50"))
        else:
            if amount < 0:
                errors.append(FieldError("agreement_amount", "协议金额不能为负数"))
            elif amount >= UPPER_LIMIT:
                errors.append(FieldError("agreement_amount", "协议金额过大，请核对"))
            values["agreement_amount"] = amount

    try:
        copies = int(fold_fullwidth(str(data.copies if data.copies not in (None, "") else 3)).strip())
    except ValueError:
        errors.append(FieldError("copies", "协议份数应为整数"))
        copies = 3
    if not 1 <= copies <= MAX_COPIES:
        errors.append(FieldError("copies", f"协议份数应在1至{MAX_COPIES}份之间"))
    values["copies"] = copies
    values["oral_agreement"] = bool(data.oral_agreement)

    agreed = _date(data.agreement_date, "agreement_date", "协议日期", errors)
    perform_by = _date(data.performance_deadline, "performance_deadline", "履行期限", errors)
    if agreed and received and agreed < received.date():
        errors.append(FieldError("agreement_date", "协议日期不能早于受理日期"))
    if agreed and agreed > today:
        errors.append(FieldError("agreement_date", "协议日期不能晚于今天"))
    if agreed and perform_by and perform_by < agreed:
        errors.append(FieldError("performance_deadline", "履行期限不能早于协议日期"))
    values["agreement_date"], values["performance_deadline"] = agreed, perform_by

    incident = _datetime(data.incident_at, "incident_at", "案发时间", errors)
    if incident and received and incident > received:
        errors.append(FieldError("incident_at", "案发时间不能晚于受理时间"))
    values["incident_at"] = incident

    if errors:
        raise CaseInvalid(errors)
    return values


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


def save_case(data: CaseInput, case_id: int | None = None, today: date | None = None) -> Case:
    """Register a new case (case_id None) or store the form's changes to one; `CaseInvalid` if wrong.

    The number never changes; the deadlines follow the kind and acceptance date."""
    if case_id is None:
        return register_case(data, today)
    today = today or date.today()
    with db.atomic():
        values = validate_case(data, today)
        case = _live_case(case_id)
        for key, value in values.items():
            setattr(case, key, value)
        refresh_deadlines(case)
        case.save()
        audit.record("修改", "case", case.uuid, f"修改案件 {case.number}")
    return case


def delete_case(case_id: int, reason: str = "") -> None:
    """Soft delete: the case leaves the register, its number stays taken (register of deleted cases)."""
    with db.atomic():
        case = _live_case(case_id)
        case.deleted_at = datetime.now()
        case.save()
        why = f"，原因：{reason.strip()[:100]}" if reason.strip() else ""
        audit.record("删除", "case", case.uuid, f"删除案件 {case.number}{why}")


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
        warnings.append("尚未登记当事人")
    for name in minors_without_guardian(case.id, today):
        warnings.append(f"当事人“{name}”未满18周岁，请登记其监护人（达成协议前必须登记）")
    if case.deleted_at is None and is_overdue(case, today):
        warnings.append(f"已超过办理期限（{format_date(case.deadline)}）")
    return warnings


# --- parties -------------------------------------------------------------------------------------


def validate_party(data: PartyInput, case_id: int, party_id: int | None = None,
                   today: date | None = None) -> dict[str, Any]:
    today = today or date.today()
    errors: list[FieldError] = []
    values: dict[str, Any] = {"role": _choice(data.role, "role", "当事人身份", PARTY_ROLES, errors)}
    try:
        values["name"] = validate_name(data.name)
    except FieldError as exc:
        errors.append(exc)

    gender = (data.gender or "").strip().removesuffix("性")
    if gender and gender not in GENDERS:
        errors.append(FieldError("gender", "性别请选择“男”或“女”"))
    values["gender"] = gender if gender in GENDERS else ""
    birth = _date(data.birth_date, "birth_date", "出生日期", errors)
    if birth and birth > today:
        errors.append(FieldError("birth_date", "出生日期不能晚于今天"))

    values["id_number"] = ""
    if (data.id_number or "").strip():
        try:
            info = parse_id_number(data.id_number, today=today)
        except FieldError as exc:
            errors.append(exc)
        else:
            errors.extend(check_consistency(info, birth, gender or None))
            values["id_number"], birth, values["gender"] = info.number, info.birth_date, info.gender
            twin = Party.get_or_none(Party.case == case_id, Party.id_number == info.number,
                                     Party.id != (party_id or 0))
            if twin is not None:
                errors.append(FieldError("id_number", f"该身份证号码已登记为本案当事人“{twin.name}”"))
    values["birth_date"] = birth

    age: int | None = None
    raw_age = data.age
    if raw_age is not None and str(raw_age).strip():
        try:
            age = int(fold_fullwidth(str(raw_age)).strip().removesuffix("岁"))
        except ValueError:
            errors.append(FieldError("age", "年龄应为整数"))
        else:
            if not 0 <= age <= MAX_AGE:
                errors.append(FieldError("age", "年龄不合理，请核对"))
    if birth is not None:
        case = Case.get_or_none(Case.id == case_id)
        on = case.received_at.date() if case is not None else today
        derived = age_on(birth, max(on, birth))
        if age is not None and abs(age - derived) > 1:
            errors.append(FieldError("age", f"年龄与出生日期不符（应为{derived}岁）"))
        age = derived
    values["age"] = age

    values["ethnic_code"] = ""
    if (data.ethnic or "").strip():
        try:
            values["ethnic_code"] = code_of(data.ethnic)
        except FieldError as exc:
            errors.append(exc)
    values["phone"] = ""
    if (data.phone or "").strip():
        try:
            values["phone"] = validate_phone(data.phone)
        except FieldError as exc:
            errors.append(exc)
    values["address"] = _text(data.address, "address", "住址", 200, errors)
    values["occupation"] = _text(data.occupation, "occupation", "职业", 50, errors)

    values["guardian_of"] = None
    if values["role"] == GUARDIAN:
        ward = Party.get_or_none(Party.id == data.guardian_of_id) if data.guardian_of_id else None
        if ward is None or ward.case_id != case_id:
            errors.append(FieldError("guardian_of", "请选择由其监护的本案当事人"))
        elif ward.id == party_id:
            errors.append(FieldError("guardian_of", "监护人不能监护自己"))
        elif ward.role == GUARDIAN:
            errors.append(FieldError("guardian_of", "被监护人不能是另一名监护人"))
        else:
            values["guardian_of"] = ward.id
        if is_minor(birth, age, today):
            errors.append(FieldError("age", "监护人应年满18周岁"))
        if party_id is not None and Party.select().where(Party.guardian_of == party_id).exists():
            errors.append(FieldError("role", "此人本身登记有监护人，不能再作为监护人"))
    elif party_id is not None:
        wards = Party.select().where(Party.guardian_of == party_id).count()
        if wards:
            errors.append(FieldError("role", "此人是本案其他当事人的监护人，不能改为其他身份；请先修改被监护关系"))

    if errors:
        raise CaseInvalid(errors)
    values["pinyin_full"], values["pinyin_initials"] = pinyin_keys(values["name"])
    return values


def add_party(case_id: int, data: PartyInput, today: date | None = None) -> Party:
    """Add one party; a minor without a 监护人 is allowed here (see `case_warnings`) but not at 调解成功."""
    with db.atomic():
        case = _live_case(case_id)
        values = validate_party(data, case_id, None, today)
        position = (Party.select(fn.MAX(Party.position)).where(Party.case == case_id).scalar() or 0) + 1
        party = Party.create(case=case_id, position=position, **values)
        audit.record("新增", "party", party.uuid, f"案件 {case.number} 新增{values['role']}")
    return party


def update_party(party_id: int, data: PartyInput, today: date | None = None) -> Party:
    with db.atomic():
        party = Party.get_by_id(party_id)
        case = _live_case(party.case_id)
        values = validate_party(data, party.case_id, party_id, today)
        for key, value in values.items():
            setattr(party, key, value)
        party.save()
        audit.record("修改", "party", party.uuid, f"案件 {case.number} 修改当事人信息")
    return party


def delete_party(party_id: int) -> None:
    with db.atomic():
        party = Party.get_by_id(party_id)
        case = _live_case(party.case_id)
        guardian = Party.get_or_none(Party.guardian_of == party_id)
        if guardian is not None:
            raise CaseRefused(f"请先删除或修改其监护人“{guardian.name}”")
        audit.record("删除", "party", party.uuid, f"案件 {case.number} 删除{party.role}")
        party.delete_instance()


def reorder_parties(case_id: int, party_ids: Sequence[int]) -> None:
    """The order of the parties on the documents."""
    with db.atomic():
        case = _live_case(case_id)
        own = {p for (p,) in Party.select(Party.id).where(Party.case == case_id).tuples()}
        if set(party_ids) != own:
            raise CaseRefused("当事人列表已变化，请刷新后重试")
        for position, party_id in enumerate(party_ids, start=1):
            Party.update(position=position, updated_at=datetime.now()).where(Party.id == party_id).execute()
        audit.record("修改", "party", case.uuid, f"案件 {case.number} 调整当事人顺序")


def list_parties(case_id: int, today: date | None = None) -> list[PartyEntry]:
    today = today or date.today()
    rows = list(Party.select().where(Party.case == case_id).order_by(Party.position, Party.id))
    names = {p.id: p.name for p in rows}
    return [PartyEntry(
        id=p.id, role=p.role, name=p.name, gender=p.gender, ethnic_code=p.ethnic_code,
        ethnic=ETHNIC_GROUPS.get(p.ethnic_code, p.ethnic_code), age=p.age, birth_date=p.birth_date,
        id_number=p.id_number, phone=p.phone, address=p.address, occupation=p.occupation,
        guardian_of_id=p.guardian_of_id, guardian_of_name=names.get(p.guardian_of_id, ""),
        position=p.position, is_minor=is_minor(p.birth_date, p.age, today),
    ) for p in rows]


# --- mediators -----------------------------------------------------------------------------------


def add_mediator(case_id: int, member_id: int | None = None, officer_name: str = "",
                 role: str = "调解员") -> CaseMediator:
    """A volunteer from the roster (member_id) or an officer by name; the case then shows on the
    volunteer's page."""
    errors: list[FieldError] = []
    role = _choice(role, "mediator_role", "调解员角色", MEDIATOR_ROLES, errors)
    with db.atomic():
        case = _live_case(case_id)
        officer = ""
        if (member_id is None) == (not (officer_name or "").strip()):
            errors.append(FieldError("mediator", "请选择一名义警队员，或填写民警姓名（二者选一）"))
        elif member_id is not None:
            member = Member.get_or_none(Member.id == member_id)
            if member is None or member.deleted_at is not None:
                errors.append(FieldError("mediator", "所选队员不存在或已删除"))
            elif CaseMediator.select().where(CaseMediator.case == case_id, CaseMediator.member == member_id,
                                             CaseMediator.role == role).exists():
                errors.append(FieldError("mediator", f"“{member.name}”已是本案的{role}"))
        else:
            try:
                officer = validate_name(officer_name)
            except FieldError as exc:
                errors.append(FieldError("mediator", exc.message))
            else:
                if CaseMediator.select().where(CaseMediator.case == case_id, CaseMediator.member.is_null(),
                                               CaseMediator.officer_name == officer,
                                               CaseMediator.role == role).exists():
                    errors.append(FieldError("mediator", f"“{officer}”已是本案的{role}"))
        if errors:
            raise CaseInvalid(errors)
        mediator = CaseMediator.create(case=case_id, member=member_id, officer_name=officer, role=role)
        who = "义警队员" if member_id is not None else "民警"
        audit.record("新增", "case_mediator", mediator.uuid, f"案件 {case.number} 新增{role}（{who}）")
    return mediator


def update_mediator_role(mediator_id: int, role: str) -> None:
    errors: list[FieldError] = []
    role = _choice(role, "mediator_role", "调解员角色", MEDIATOR_ROLES, errors)
    if errors:
        raise CaseInvalid(errors)
    with db.atomic():
        mediator = CaseMediator.get_by_id(mediator_id)
        case = _live_case(mediator.case_id)
        mediator.role = role
        mediator.save()
        audit.record("修改", "case_mediator", mediator.uuid, f"案件 {case.number} 调解员改为{role}")


def delete_mediator(mediator_id: int) -> None:
    with db.atomic():
        mediator = CaseMediator.get_by_id(mediator_id)
        case = _live_case(mediator.case_id)
        audit.record("删除", "case_mediator", mediator.uuid, f"案件 {case.number} 删除{mediator.role}")
        mediator.delete_instance()


def list_mediators(case_id: int) -> list[MediatorEntry]:
    rank = SqlCase(CaseMediator.role, [(r, i) for i, r in enumerate(MEDIATOR_ROLES)], len(MEDIATOR_ROLES))
    query = (CaseMediator.select(CaseMediator.id, CaseMediator.member, CaseMediator.officer_name,
                                 CaseMediator.role, Member.name, Team.name)
             .join(Member, JOIN.LEFT_OUTER, on=(CaseMediator.member == Member.id))
             .join(Team, JOIN.LEFT_OUTER, on=(Member.team == Team.id))
             .where(CaseMediator.case == case_id).order_by(rank, CaseMediator.id).tuples())
    return [MediatorEntry(id=i, name=member_name or officer, role=role, member_id=member_id, team=team or "")
            for i, member_id, officer, role, member_name, team in query]


# --- sessions ------------------------------------------------------------------------------------


def validate_session(data: SessionInput, case: Case, today: date | None = None) -> dict[str, Any]:
    today = today or date.today()
    errors: list[FieldError] = []
    held = _datetime(data.held_at, "held_at", "调解时间", errors, required=True)
    if held and held.date() > today:
        errors.append(FieldError("held_at", "调解时间不能晚于今天"))
    if held and held.date() < case.received_at.date():
        errors.append(FieldError("held_at", "调解时间不能早于受理日期"))
    values: dict[str, Any] = {"held_at": held}
    values["place"] = _text(data.place, "place", "调解地点", 200, errors)
    values["present"] = _text(data.present, "present", "参加人员", MAX_TEXT, errors)
    values["record"] = _text(data.record, "record", "调解记录", MAX_TEXT, errors)
    values["result"] = _text(data.result, "result", "调解结果", MAX_TEXT, errors)
    if errors:
        raise CaseInvalid(errors)
    return values


def _after_sessions_changed(case: Case) -> None:
    if case.kind == PUBLIC_SECURITY_MEDIATION:
        refresh_deadlines(case)
        case.save()


def add_session(case_id: int, data: SessionInput, today: date | None = None) -> MediationSession:
    with db.atomic():
        case = _live_case(case_id)
        session = MediationSession.create(case=case_id, **validate_session(data, case, today))
        _after_sessions_changed(case)
        audit.record("新增", "mediation_session", session.uuid, f"案件 {case.number} 新增调解记录")
    return session


def update_session(session_id: int, data: SessionInput, today: date | None = None) -> MediationSession:
    with db.atomic():
        session = MediationSession.get_by_id(session_id)
        case = _live_case(session.case_id)
        for key, value in validate_session(data, case, today).items():
            setattr(session, key, value)
        session.save()
        _after_sessions_changed(case)
        audit.record("修改", "mediation_session", session.uuid, f"案件 {case.number} 修改调解记录")
    return session


def delete_session(session_id: int) -> None:
    with db.atomic():
        session = MediationSession.get_by_id(session_id)
        case = _live_case(session.case_id)
        audit.record("删除", "mediation_session", session.uuid, f"案件 {case.number} 删除调解记录")
        session.delete_instance()
        _after_sessions_changed(case)


def list_sessions(case_id: int) -> list[SessionEntry]:
    query = MediationSession.select().where(MediationSession.case == case_id).order_by(
        MediationSession.held_at, MediationSession.id)
    return [SessionEntry(s.id, s.held_at, s.place, s.present, s.record, s.result) for s in query]


# --- follow-ups ----------------------------------------------------------------------------------


def validate_follow_up(data: FollowUpInput, case: Case, today: date | None = None) -> dict[str, Any]:
    today = today or date.today()
    errors: list[FieldError] = []
    day = _date(data.date, "date", "回访日期", errors, required=True)
    if day and day > today:
        errors.append(FieldError("date", "回访日期不能晚于今天"))
    if day and day < case.received_at.date():
        errors.append(FieldError("date", "回访日期不能早于受理日期"))
    values: dict[str, Any] = {
        "date": day,
        "performed": _choice(data.performed, "performed", "履行情况", PERFORMED_CHOICES, errors, required=False),
        "satisfaction": _choice(data.satisfaction, "satisfaction", "满意度", SATISFACTION_CHOICES, errors,
                                required=False),
        "escalation_signs": _text(data.escalation_signs, "escalation_signs", "矛盾激化迹象", MAX_TEXT, errors),
        "visitor": _text(data.visitor, "visitor", "回访人", 50, errors),
        "notes": _text(data.notes, "notes", "备注", MAX_TEXT, errors),
    }
    if errors:
        raise CaseInvalid(errors)
    return values


def add_follow_up(case_id: int, data: FollowUpInput, today: date | None = None) -> FollowUp:
    """A follow-up visit; only once mediation has ended (调解成功 / 调解不成功 / 终止 or later)."""
    with db.atomic():
        case = _live_case(case_id)
        if case.status not in AFTER_MEDIATION_STATUSES:
            raise CaseRefused(f"案件尚在“{case.status}”阶段，调解结束后才能登记回访")
        follow_up = FollowUp.create(case=case_id, **validate_follow_up(data, case, today))
        audit.record("新增", "follow_up", follow_up.uuid, f"案件 {case.number} 新增回访记录")
    return follow_up


def update_follow_up(follow_up_id: int, data: FollowUpInput, today: date | None = None) -> FollowUp:
    with db.atomic():
        follow_up = FollowUp.get_by_id(follow_up_id)
        case = _live_case(follow_up.case_id)
        for key, value in validate_follow_up(data, case, today).items():
            setattr(follow_up, key, value)
        follow_up.save()
        audit.record("修改", "follow_up", follow_up.uuid, f"案件 {case.number} 修改回访记录")
    return follow_up


def delete_follow_up(follow_up_id: int) -> None:
    with db.atomic():
        follow_up = FollowUp.get_by_id(follow_up_id)
        case = _live_case(follow_up.case_id)
        audit.record("删除", "follow_up", follow_up.uuid, f"案件 {case.number} 删除回访记录")
        follow_up.delete_instance()


def list_follow_ups(case_id: int) -> list[FollowUpEntry]:
    query = FollowUp.select().where(FollowUp.case == case_id).order_by(FollowUp.date, FollowUp.id)
    return [FollowUpEntry(f.id, f.date, f.performed, f.satisfaction, f.escalation_signs, f.visitor, f.notes)
            for f in query]


# --- the register --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CaseFilter:
    text: str = ""  # case number, or a party's name / full pinyin / initials
    status: str | None = None
    category: str | None = None
    kind: str | None = None
    date_from: date | None = None  # received on or after
    date_to: date | None = None  # received on or before
    overdue_only: bool = False
    member_id: int | None = None  # cases a volunteer mediated
    deleted: bool = False  # True: the register of deleted cases instead


@dataclass(frozen=True)
class CaseRow:
    id: int
    number: str
    received_at: datetime
    kind: str
    category: str
    source: str
    parties: str  # "申请人：张三；被申请人：李四"
    mediators: str
    status: str
    deadline: date | None
    overdue: bool
    guardian_missing: bool  # a minor without 监护人 (warning mark)
    deleted: bool = False

    @property
    def received_on(self) -> date:
        return self.received_at.date()


def count_cases(deleted: bool = False) -> int:
    return Case.select().where(Case.deleted_at.is_null(not deleted)).count()


def search_case_ids(flt: CaseFilter | None = None, sort_key: str = "received_at", descending: bool = True,
                    today: date | None = None) -> list[int]:
    """The ids of the matching cases in register order (newest received first by default)."""
    if sort_key not in SORT_KEYS:
        raise ValueError(f"unknown sort key: {sort_key}")
    flt = flt or CaseFilter()
    conditions = _conditions(flt, today or date.today())
    if conditions is None:
        return []
    query = Case.select(Case.id).where(*conditions).order_by(*_ordering(sort_key, descending))
    sql, params = query.sql()
    return [row[0] for row in db.execute_sql(sql, params).fetchall()]


def _conditions(flt: CaseFilter, today: date) -> list | None:
    conditions = [Case.deleted_at.is_null(not flt.deleted)]
    if flt.status:
        conditions.append(Case.status == flt.status)
    if flt.category:
        conditions.append(Case.category == flt.category)
    if flt.kind:
        conditions.append(Case.kind == flt.kind)
    if flt.date_from:
        conditions.append(Case.received_at >= datetime.combine(flt.date_from, time()))
    if flt.date_to:
        conditions.append(Case.received_at < datetime.combine(flt.date_to, time()) + _ONE_DAY)
    if flt.overdue_only:
        conditions.extend([Case.status.in_(OPEN_STATUSES), Case.deadline < today])
    if flt.member_id is not None:
        conditions.append(Case.id.in_(CaseMediator.select(CaseMediator.case)
                                      .where(CaseMediator.member == flt.member_id)))
    if flt.text.strip():
        match = _text_match(flt.text)
        if match is None:
            return None
        conditions.append(match)
    return conditions


def _text_match(text: str):
    raw = text.strip()
    folded = fold_fullwidth(raw).strip()
    as_numbered = folded.translate(_NUMBER_BRACKETS)  # numbers are written with full-width brackets
    number = fn.instr(Case.number, raw) > 0
    if as_numbered != raw:
        number = number | (fn.instr(Case.number, as_numbered) > 0)
    party_terms = []
    name = normalize_name(raw)
    if name:
        party_terms.append(fn.instr(Party.name, name) > 0)
    term = search_term(folded)
    if term and term.isascii() and term.isalpha():
        party_terms.append((fn.instr(Party.pinyin_full, term) > 0) | (fn.instr(Party.pinyin_initials, term) > 0))
    if not party_terms:
        return number
    any_party = party_terms[0]
    for extra in party_terms[1:]:
        any_party = any_party | extra
    return number | Case.id.in_(Party.select(Party.case).where(any_party))


_NUMBER_BRACKETS = str.maketrans({"(": "（", ")": "）", "[": "（", "]": "）", "〔": "（", "〕": "）"})
_RANKS = {"status": (Case.status, STATUSES), "kind": (Case.kind, KINDS), "category": (Case.category, CATEGORIES)}


def _ordering(sort_key: str, descending: bool) -> list:
    def direction(column):
        return column.desc() if descending else column.asc()

    received = [direction(Case.received_at), direction(Case.id)]
    if sort_key == "received_at":
        return received
    if sort_key == "number":
        return [direction(Case.year), direction(Case.sequence), direction(Case.id)]
    if sort_key == "deadline":
        return [Case.deadline.is_null(), direction(Case.deadline), *received]
    column, order = _RANKS[sort_key]  # the form's order, not the code points of the words
    return [direction(SqlCase(column, [(v, i) for i, v in enumerate(order)], len(order))), *received]


def fetch_case_rows(ids: Sequence[int], today: date | None = None) -> list[CaseRow]:
    """The register's rows for these ids, in their order; three queries a chunk (cases, parties,
    mediators), whatever the page size."""
    today = today or date.today()
    found: dict[int, CaseRow] = {}
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), _IN_CHUNK):
        chunk = unique[start:start + _IN_CHUNK]
        parties = _party_summaries(chunk, today)
        mediators = _mediator_summaries(chunk)
        query = (Case.select(Case.id, Case.number, Case.received_at, Case.kind, Case.category, Case.source,
                             Case.status, Case.deadline, Case.deleted_at)
                 .where(Case.id.in_(chunk)).tuples())
        for case_id, number, received, kind, category, source, status, deadline, deleted_at in query:
            party_text, guardian_missing = parties.get(case_id, ("", False))
            found[case_id] = CaseRow(
                id=case_id, number=number or "", received_at=received, kind=kind, category=category,
                source=source, parties=party_text, mediators=mediators.get(case_id, ""), status=status,
                deadline=deadline, guardian_missing=guardian_missing, deleted=deleted_at is not None,
                overdue=deleted_at is None and status in OPEN_STATUSES and deadline is not None
                and deadline < today,
            )
    return [found[i] for i in ids if i in found]


def _party_summaries(case_ids: list[int], today: date) -> dict[int, tuple[str, bool]]:
    query = (Party.select(Party.case, Party.id, Party.role, Party.name, Party.birth_date, Party.age,
                          Party.guardian_of)
             .where(Party.case.in_(case_ids)).order_by(Party.case, Party.position, Party.id).tuples())
    by_case: dict[int, list[tuple]] = {}
    for row in query:
        by_case.setdefault(row[0], []).append(row[1:])
    out: dict[int, tuple[str, bool]] = {}
    for case_id, rows in by_case.items():
        out[case_id] = (_parties_text([(role, name) for _i, role, name, _b, _a, _g in rows]),
                        _guardian_missing(rows, today))
    return out


def _parties_text(parties: list[tuple[str, str]]) -> str:
    grouped: dict[str, list[str]] = {}
    for role, name in parties:
        grouped.setdefault(role, []).append(name)
    ordered = [role for role in PARTY_ROLES if role in grouped] + [r for r in grouped if r not in PARTY_ROLES]
    return "；".join(f"{role}：{'、'.join(grouped[role])}" for role in ordered)


def _guardian_missing(rows: list[tuple], today: date) -> bool:
    guarded = {ward for _i, role, _n, _b, _a, ward in rows if role == GUARDIAN and ward is not None}
    return any(role != GUARDIAN and party_id not in guarded and is_minor(birth, age, today)
               for party_id, role, _n, birth, age, _w in rows)


def _mediator_summaries(case_ids: list[int]) -> dict[int, str]:
    query = (CaseMediator.select(CaseMediator.case, CaseMediator.officer_name, Member.name)
             .join(Member, JOIN.LEFT_OUTER, on=(CaseMediator.member == Member.id))
             .where(CaseMediator.case.in_(case_ids)).order_by(CaseMediator.case, CaseMediator.id).tuples())
    names: dict[int, list[str]] = {}
    for case_id, officer, member_name in query:
        name = member_name or officer
        if name and name not in names.setdefault(case_id, []):
            names[case_id].append(name)
    return {case_id: "、".join(items) for case_id, items in names.items()}


# --- plain data for the documents ----------------------------------------------------------------


def _party_data(parties: list[PartyEntry], masked: bool) -> list[PartyData]:
    def hide(value: str, mask) -> str:
        return mask(value) if masked and value else value

    names = {p.id: p.name for p in parties}
    return [PartyData(
        role=p.role, name=p.name, gender=p.gender, ethnic=p.ethnic, age=p.age, birth_date=p.birth_date,
        id_number=hide(p.id_number, mask_id), phone=hide(p.phone, mask_phone),
        address=hide(p.address, mask_address), occupation=p.occupation,
        guardian_of=names.get(p.guardian_of_id, "") if p.guardian_of_id else "",
    ) for p in parties]


def _case_data(case: Case, masked: bool, today: date) -> CaseData:
    office = get_office()
    mediators = list_mediators(case.id)
    hosts = [m.name for m in mediators if m.role == "主持人"]
    unit = office.unit_name if office else ""
    return CaseData(
        unit_name=unit, parent_unit=office.parent_unit if office else "", number=case.number or "",
        kind=case.kind, category=case.category, source=case.source, received_at=case.received_at,
        status=case.status, place=case.place, summary=case.summary, facts=case.facts,
        responsibilities=case.responsibilities, deadline=case.deadline, outcome=case.outcome,
        agreement_terms=case.agreement_terms,
        agreement_amount=Decimal(case.agreement_amount) if case.agreement_amount is not None else None,
        performance_way=case.performance_way, performance_place=case.performance_place,
        performance_deadline=case.performance_deadline, copies=case.copies,
        oral_agreement=bool(case.oral_agreement), agreement_date=case.agreement_date,
        mediating_authority=case.mediating_authority or (unit if case.kind == PUBLIC_SECURITY_MEDIATION else ""),
        host_officer=case.host_officer or (hosts[0] if hosts else ""), incident_at=case.incident_at,
        incident_place=case.incident_place, incident_cause=case.incident_cause,
        incident_course=case.incident_course, incident_result=case.incident_result, closed_on=case.closed_on,
        mediators=list(dict.fromkeys(m.name for m in mediators if m.role != "记录人")),
        recorder=next((m.name for m in mediators if m.role == "记录人"), ""),
        parties=_party_data(list_parties(case.id, today), masked),
        sessions=[SessionData(s.held_at, s.place, s.present, s.record, s.result) for s in list_sessions(case.id)],
        follow_ups=[FollowUpData(f.date, f.performed, f.satisfaction, f.escalation_signs, f.visitor, f.notes)
                    for f in list_follow_ups(case.id)],
        masked=masked, printed_on=today,
    )


def case_document_data(case_id: int, masked: bool = True, today: date | None = None, *,
                       audit_full: bool = True) -> CaseData:
    """The case as plain data for the documents; ID numbers, phones and addresses masked unless
    `masked=False` (a legal original such as the 协议书), which is audit-logged (`audit_full=False`
    only for a caller that records the whole batch itself, as the export does)."""
    today = today or date.today()
    case = Case.get_by_id(case_id)
    if not masked and audit_full:
        audit.record("完整信息", "case", case.uuid, f"案件 {case.number} 生成含完整身份信息的文书数据")
    return _case_data(case, masked, today)


def register_data(case_ids: Sequence[int] | None = None, period: tuple[date, date] | None = None,
                  today: date | None = None) -> RegisterData:
    """The register of cases for a period (received dates, inclusive) or of chosen cases, oldest first."""
    today = today or date.today()
    if case_ids is None:
        if period is None:
            raise ValueError("register_data needs case_ids or a period")
        case_ids = search_case_ids(CaseFilter(date_from=period[0], date_to=period[1]), descending=False,
                                   today=today)
    else:
        case_ids = [c for c, _r in sorted(Case.select(Case.id, Case.received_at).where(Case.id.in_(list(case_ids)))
                                          .tuples(), key=lambda item: (item[1], item[0]))]
    rows = fetch_case_rows(case_ids, today)
    outcomes = case_outcomes([r.id for r in rows])
    if period is None:
        received = [r.received_on for r in rows] or [today]
        period = (min(received), max(received))
    office = get_office()
    return RegisterData(
        unit_name=office.unit_name if office else "", period_from=period[0], period_to=period[1],
        rows=[RegisterRow(number=r.number, received_on=r.received_on, kind=r.kind, category=r.category,
                          parties=r.parties, mediators=r.mediators, status=r.status, deadline=r.deadline,
                          outcome=outcomes.get(r.id, ""), overdue=r.overdue) for r in rows],
        printed_on=today,
    )


def document_file_name(case_id: int, kind: str) -> str:
    """The name the print dialog suggests: "（2024）夏派调字第012号-调解协议书.pdf"."""
    number = Case.select(Case.number).where(Case.id == case_id).scalar() or f"案件{case_id}"
    return f"{number}-{kind}.pdf"


def render_document(case_id: int, kind: str, masked: bool = True, session_index: int | None = None,
                    today: date | None = None) -> bytes:
    """One of DOCUMENT_KINDS as PDF bytes, for the preview-and-print dialog; audit-logged as 打印."""
    if kind not in DOCUMENT_KINDS:
        raise ValueError(f"unknown document kind: {kind}")
    today = today or date.today()
    case = Case.get_by_id(case_id)
    if kind == "调解记录":
        count = MediationSession.select().where(MediationSession.case == case_id).count()
        if not count:
            raise CaseRefused("本案尚无调解记录")
        if session_index is not None and not 0 <= session_index < count:
            raise CaseRefused(f"本案只有{count}次调解记录")
    if kind == "回访记录" and not FollowUp.select().where(FollowUp.case == case_id).exists():
        raise CaseRefused("本案尚无回访记录")
    if kind == "调解协议书":
        if not case.agreement_terms.strip():
            raise CaseRefused("尚未填写协议内容，无法打印调解协议书")
        missing = minors_without_guardian(case_id, today)
        if missing:
            raise CaseRefused(f"当事人“{'、'.join(missing)}”未满18周岁，须先登记其监护人")
    from ..documents import case_documents

    data = _case_data(case, masked, today)
    builders = {
        "受理登记表": case_documents.build_acceptance_form,
        "调解协议书": case_documents.build_agreement,
        "回访记录": case_documents.build_follow_up_record,
        "案件摘要": case_documents.build_case_summary,
    }
    if kind == "调解记录":
        pdf = case_documents.build_session_record(data, session_index=session_index)
    else:
        pdf = builders[kind](data)
    form = "脱敏" if masked else "完整身份信息"
    audit.record("打印", "case", case.uuid, f"案件 {case.number} {kind}（{form}）")
    return pdf


def render_register(case_ids: Sequence[int] | None = None, period: tuple[date, date] | None = None,
                    today: date | None = None) -> bytes:
    """The register of these cases (or of a period) as PDF bytes for the preview-and-print dialog;
    audit-logged as 打印 (the register shows names, no ID numbers or phones)."""
    from ..documents import case_documents

    data = register_data(case_ids, period, today)
    pdf = case_documents.build_case_register(data)
    audit.record("打印", "case", "", f"案件登记表（{len(data.rows)}件）")
    return pdf
