"""Dispute cases (纠纷调解): the case form's data and checks, and the case as the form shows it.

Every change is one transaction with an audit record. Status changes, numbers and deadlines are the
workflow's (workflow.py); a new case is registered (受理) and numbered in one step, in the series of its
kind: a 人民调解 case in its 调委会's (bodies.py), a 治安调解 case in the office's. Kind and 调委会 are fixed
once the number is given. The 治安调解 checks of 《公安机关治安调解工作规范》 live here (Art. 3: the 案由 and
consent, Art. 4: the cases that may not be mediated, Art. 10: a written agreement) and in workflow.py.
Parties and mediators are in parties.py, sessions and follow-ups in sessions.py, 调查记录 in
investigations.py, the register's queries in register.py and the plain data for the documents in
document_data.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from ...db.database import db
from ...db.models import Case, CaseEvent, Party
from ...documents.case_common import copies_for
from ...domain.dates import add_months, format_date
from ...domain.errors import FieldError
from ...domain.i18n import QT_TRANSLATE_NOOP, Joined, Message
from ...domain.money import UPPER_LIMIT, to_amount
from ...domain.names import validate_name
from ...domain.text_folding import fold_fullwidth
from ...domain.text_hygiene import storable
from ...domain.vocabulary import (
    ACCEPTED,
    APPRAISALS,
    CASE_CATEGORIES,
    CASE_KINDS,
    CONFIRMATION_RESULTS,
    OFFENDER,
    PEOPLES_MEDIATION,
    PEOPLES_MEDIATION_SOURCES,
    PUBLIC_SECURITY_MEDIATION,
    RETENTION_PERIODS,
    SECURITY_EXCLUSIONS,
    SECURITY_MEDIATION_SOURCES,
    SECURITY_OFFENCES,
)
from .. import audit
from ..accounts.roles import DELETE, EDIT, READ_FULL, requires
from ..clients.versions import check_version, save_checked
from .bodies import BodyInfo, default_body, get_body, list_officers
from .fields import MAX_TEXT, CaseInvalid, choice_field, date_field, datetime_field, live_case, text_field
from .investigations import InvestigationEntry, list_investigations
from .parties import MediatorEntry, PartyEntry, list_mediators, list_parties
from .sessions import FollowUpEntry, SessionEntry, list_follow_ups, list_sessions
from .workflow import (
    CONFIRMATION_DAYS,
    CaseRefused,
    allowed_next,
    assign_number,
    case_outcomes,
    confirmation_until,
    first_session_late,
    guardian_must_attend,
    is_overdue,
    minors_without_guardian,
    office_prefix,
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
    # 人民调解
    body_id: int | None = None  # the 调委会; None: the default one at registration
    requests: str = ""  # 当事人申请事项
    extension_agreed_on: str | date | None = None  # the parties agreed to continue past one month …
    extended_deadline: str | date | None = None  # … until this day
    confirmation_applied_on: str | date | None = None  # 司法确认
    confirmation_court: str = ""
    confirmation_result: str = ""
    # 治安调解
    offence: str = ""  # 案由 (Art. 3)
    circumstances: str = ""  # 情节
    parties_consent: bool = False  # 双方同意
    exclusions: tuple[str, ...] = ()  # Art. 4 circumstances found: refuse 治安调解 (never stored)
    appraisal: str = ""  # 伤情鉴定 / 价值认定 needed
    appraisal_issued_on: str | date | None = None
    others_present: str = ""  # 其他在场人员, one a line
    # the 卷宗
    filed_by: str = ""
    filed_on: str | date | None = None
    retention: str = ""
    version: int | None = field(default=None, compare=False)  # the stored record's, as the form loaded it


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
    investigations: list[InvestigationEntry] = field(default_factory=list)
    events: list[EventEntry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    body_name: str = ""  # the 调委会 of a 人民调解 case ("" unassigned)
    confirmation_until: date | None = None  # 司法确认 may be applied for until this day
    agreement_copies: int = 3  # 一式N份, from the kind and the parties

    @property
    def kind(self) -> str:
        return self.data.kind


class CaseFormLookups:
    """What `validate_case` and the numbering ask beyond the form: the officers' list and the 调委会; a batch
    of cases answers from what it read once."""

    def officers(self) -> list[str]:
        return list_officers()

    def body(self, body_id: int) -> BodyInfo | None:
        return get_body(body_id)

    def default_body(self) -> BodyInfo | None:
        return default_body()

    def office_prefix(self) -> str:
        return office_prefix()


_DATABASE_LOOKUPS = CaseFormLookups()


def validate_case(data: CaseInput, today: date | None = None, existing: Case | None = None,
                  lookups: CaseFormLookups | None = None) -> dict[str, Any]:
    """The values to store, or `CaseInvalid` listing every wrong field. `existing`: the stored case, whose
    kind and 调委会 may not change and whose older values (a source of the other kind, a 主持人 not on the
    officers' list) are kept without complaint."""
    today = today or date.today()
    lookups = lookups or _DATABASE_LOOKUPS
    errors: list[FieldError] = []
    kind = choice_field(data.kind, "kind", QT_TRANSLATE_NOOP("Messages", "调解类型"), CASE_KINDS, errors)
    security = kind == PUBLIC_SECURITY_MEDIATION
    values: dict[str, Any] = {
        "kind": kind,
        "category": choice_field(data.category, "category", QT_TRANSLATE_NOOP("Messages", "纠纷类别"),
                                 CASE_CATEGORIES, errors),
    }
    if existing is not None and kind and kind != existing.kind:
        errors.append(FieldError("kind", Message(QT_TRANSLATE_NOOP(
            "Messages", "调解类型在受理登记后不能更改：编号“{number}”已编入{kind}的编号序列。登记有误的，请删除本案"
                        "（编号保留、不再使用）后重新登记"), number=existing.number, kind=existing.kind)))
    sources = SECURITY_MEDIATION_SOURCES if security else PEOPLES_MEDIATION_SOURCES
    source = (data.source or "").strip()
    if existing is not None and source == existing.source and source:
        values["source"] = source  # an older source of the other kind stays (case_warnings says so)
    elif kind:
        values["source"] = choice_field(source, "source",
                                        Message(QT_TRANSLATE_NOOP("Messages", "{kind}的案件来源"), kind=kind),
                                        sources, errors)
    else:
        values["source"] = source
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
                              ("incident_result", QT_TRANSLATE_NOOP("Messages", "案件后果"), MAX_TEXT),
                              ("requests", QT_TRANSLATE_NOOP("Messages", "申请事项"), MAX_TEXT),
                              ("confirmation_court", QT_TRANSLATE_NOOP("Messages", "受理法院"), 100),
                              ("circumstances", QT_TRANSLATE_NOOP("Messages", "情节"), MAX_TEXT),
                              ("others_present", QT_TRANSLATE_NOOP("Messages", "其他在场人员"), MAX_TEXT)):
        values[key] = text_field(getattr(data, key), key, label, limit, errors)

    values["host_officer"] = ""
    if (data.host_officer or "").strip():
        try:
            values["host_officer"] = validate_name(data.host_officer)
        except FieldError as exc:
            errors.append(FieldError("host_officer",
                Message(QT_TRANSLATE_NOOP("Messages", "主持人：{message}"), message=exc.message)))
    values["filed_by"] = ""
    if (data.filed_by or "").strip():
        try:
            values["filed_by"] = validate_name(data.filed_by)
        except FieldError as exc:
            errors.append(FieldError("filed_by",
                Message(QT_TRANSLATE_NOOP("Messages", "立卷人：{message}"), message=exc.message)))
    values["filed_on"] = date_field(data.filed_on, "filed_on", QT_TRANSLATE_NOOP("Messages", "立卷日期"), errors)
    if values["filed_on"] and values["filed_on"] > today:
        errors.append(FieldError("filed_on", QT_TRANSLATE_NOOP("Messages", "立卷日期不能晚于今天")))
    values["retention"] = choice_field(data.retention, "retention", QT_TRANSLATE_NOOP("Messages", "保管期限"),
                                       RETENTION_PERIODS, errors, required=False)

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
    if security and values["oral_agreement"]:
        errors.append(FieldError("oral_agreement", QT_TRANSLATE_NOOP(
            "Messages", "治安调解达成协议的，应当制作治安调解协议书（《公安机关治安调解工作规范》第十条），不能采用口头协议")))

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

    if security:
        values.update(_security_values(data, values, received, today, existing, errors, lookups))
    else:
        values.update(_peoples_values(data, values, received, today, existing, errors, lookups))
    if errors:
        raise CaseInvalid(errors)
    return values


def exclusion_refusal(exclusions: tuple[str, ...] | list[str]) -> str:
    """Why Art. 4 refuses 治安调解 for these circumstances, and what to do instead; "" when none applies."""
    found = [e for e in SECURITY_EXCLUSIONS if e in exclusions]
    if not found:
        return ""
    items = Joined("、", [Message(QT_TRANSLATE_NOOP("Messages", "{exclusion}（第四条第（{ordinal}）项）"), exclusion=e,
                                  ordinal=chinese_ordinal(SECURITY_EXCLUSIONS.index(e) + 1)) for e in found])
    return Message(QT_TRANSLATE_NOOP("Messages", "有《公安机关治安调解工作规范》第四条所列情形：{items}，不适用治安调解。"
                                                 "应当依法处理；不构成违反治安管理行为的民间纠纷，可以告知当事人申请人民调解"
                                                 "（按人民调解登记）。"), items=items)


def chinese_ordinal(n: int) -> str:
    return "一二三四五六七八九十"[n - 1] if 1 <= n <= 10 else str(n)


def _security_values(data: CaseInput, values: dict[str, Any], received: datetime | None, today: date,
                     existing: Case | None, errors: list[FieldError], lookups: CaseFormLookups) -> dict[str, Any]:
    out: dict[str, Any] = {"body": None, "requests": "", "extension_agreed_on": None, "extended_deadline": None,
                           "confirmation_applied_on": None, "confirmation_court": "", "confirmation_result": ""}
    unknown = [e for e in data.exclusions if e not in SECURITY_EXCLUSIONS]
    if unknown:
        errors.append(FieldError("exclusions", Message(QT_TRANSLATE_NOOP("Messages", "未知的情形：{unknown}"),
                                                       unknown="、".join(unknown))))
    refusal = exclusion_refusal(data.exclusions)
    if refusal:
        errors.append(FieldError("exclusions", refusal))
    offence = (data.offence or "").strip()
    if offence and offence not in SECURITY_OFFENCES:
        errors.append(FieldError("offence", Message(QT_TRANSLATE_NOOP("Messages", "案由“{offence}”不属于《公安机关治安调解"
                                                                      "工作规范》第三条所列可以治安调解的行为（{offences}）："
                                                                      "应当依法处理"),
                                                    offence=offence, offences="、".join(SECURITY_OFFENCES))))
    out["offence"] = offence
    out["parties_consent"] = bool(data.parties_consent)
    out["appraisal"] = choice_field(data.appraisal, "appraisal", QT_TRANSLATE_NOOP("Messages", "鉴定/认定"), APPRAISALS,
                                    errors, required=False)
    issued = date_field(data.appraisal_issued_on, "appraisal_issued_on",
                        QT_TRANSLATE_NOOP("Messages", "鉴定/认定文书出具日期"), errors)
    if issued and not out["appraisal"]:
        errors.append(FieldError("appraisal_issued_on", QT_TRANSLATE_NOOP("Messages", "请先选择需要伤情鉴定还是价值认定")))
    if issued and received and issued < received.date():
        errors.append(FieldError("appraisal_issued_on",
                                 QT_TRANSLATE_NOOP("Messages", "鉴定/认定文书出具日期不能早于受理日期")))
    if issued and issued > today:
        errors.append(FieldError("appraisal_issued_on", QT_TRANSLATE_NOOP("Messages", "鉴定/认定文书出具日期不能晚于今天")))
    out["appraisal_issued_on"] = issued if out["appraisal"] else None
    host = values["host_officer"]
    kept = existing is not None and host == existing.host_officer
    if host and not kept:
        officers = lookups.officers()
        if not officers:
            errors.append(FieldError("host_officer", QT_TRANSLATE_NOOP(
                "Messages", "请先在“纠纷调解 → 调解组织与民警”中登记本所民警，再选择主持人")))
        elif host not in officers:
            errors.append(FieldError("host_officer", Message(QT_TRANSLATE_NOOP(
                "Messages", "治安调解由民警主持（《公安机关治安调解工作规范》第二条）：“{host}”不在本所民警名单中"), host=host)))
    return out


def _peoples_values(data: CaseInput, values: dict[str, Any], received: datetime | None, today: date,
                    existing: Case | None, errors: list[FieldError], lookups: CaseFormLookups) -> dict[str, Any]:
    out: dict[str, Any] = {"offence": "", "parties_consent": False, "appraisal": "", "appraisal_issued_on": None,
                           "others_present": values["others_present"], "circumstances": ""}
    body_id = data.body_id
    if existing is not None and existing.body_id is not None:
        if body_id is not None and body_id != existing.body_id:
            errors.append(FieldError("body", QT_TRANSLATE_NOOP(
                "Messages", "调委会在受理登记后不能更改：本案编号已编入该调委会的编号序列")))
        out["body"] = existing.body_id
    elif body_id is not None:
        body = lookups.body(body_id)
        if body is None or not body.active:
            errors.append(FieldError("body", QT_TRANSLATE_NOOP("Messages", "所选人民调解委员会不存在或已停用")))
        out["body"] = body_id
    elif existing is None:
        body = lookups.default_body()
        out["body"] = body.id if body else None
    else:
        out["body"] = None

    agreed_on = date_field(data.extension_agreed_on, "extension_agreed_on",
                           QT_TRANSLATE_NOOP("Messages", "同意延期的日期"), errors)
    extended = date_field(data.extended_deadline, "extended_deadline", QT_TRANSLATE_NOOP("Messages", "延长后的期限"),
                          errors)
    if (agreed_on is None) != (extended is None):
        field_name = "extended_deadline" if agreed_on else "extension_agreed_on"
        errors.append(FieldError(field_name, QT_TRANSLATE_NOOP(
            "Messages", "当事人同意延期调解的，请同时填写同意日期和延长后的期限")))
    if agreed_on and received and agreed_on < received.date():
        errors.append(FieldError("extension_agreed_on", QT_TRANSLATE_NOOP("Messages", "同意延期的日期不能早于受理日期")))
    if agreed_on and agreed_on > today:
        errors.append(FieldError("extension_agreed_on", QT_TRANSLATE_NOOP("Messages", "同意延期的日期不能晚于今天")))
    if extended and received and extended <= add_months(received.date(), 1):
        errors.append(FieldError("extended_deadline", Message(QT_TRANSLATE_NOOP(
            "Messages", "延长后的期限应晚于一个月的调解期限（{deadline}）"),
            deadline=format_date(add_months(received.date(), 1)))))
    if agreed_on and extended and extended < agreed_on:
        errors.append(FieldError("extended_deadline", QT_TRANSLATE_NOOP("Messages", "延长后的期限不能早于同意日期")))
    out["extension_agreed_on"], out["extended_deadline"] = agreed_on, extended

    applied = date_field(data.confirmation_applied_on, "confirmation_applied_on",
                         QT_TRANSLATE_NOOP("Messages", "申请司法确认的日期"), errors)
    result = choice_field(data.confirmation_result, "confirmation_result",
                          QT_TRANSLATE_NOOP("Messages", "司法确认结果"), CONFIRMATION_RESULTS, errors, required=False)
    agreed = values["agreement_date"]
    if applied:
        if values["oral_agreement"]:
            errors.append(FieldError("confirmation_applied_on", QT_TRANSLATE_NOOP(
                "Messages", "司法确认须有书面调解协议，口头协议不能申请")))
        elif agreed is None:
            errors.append(FieldError("confirmation_applied_on", QT_TRANSLATE_NOOP(
                "Messages", "调解协议生效后才能申请司法确认")))
        elif applied < agreed:
            errors.append(FieldError("confirmation_applied_on", QT_TRANSLATE_NOOP(
                "Messages", "申请日期不能早于调解协议生效日期")))
        elif (applied - agreed).days > CONFIRMATION_DAYS:
            errors.append(FieldError("confirmation_applied_on", Message(QT_TRANSLATE_NOOP(
                "Messages", "司法确认应自调解协议生效之日起三十日内共同申请（《人民调解法》第三十三条），本案申请期限至{until}"),
                until=format_date(agreed + timedelta(days=CONFIRMATION_DAYS)))))
        if applied > today:
            errors.append(FieldError("confirmation_applied_on", QT_TRANSLATE_NOOP("Messages", "申请日期不能晚于今天")))
        if not values["confirmation_court"]:
            errors.append(FieldError("confirmation_court", QT_TRANSLATE_NOOP("Messages", "请填写受理申请的人民法院")))
    elif result or values["confirmation_court"]:
        errors.append(FieldError("confirmation_applied_on", QT_TRANSLATE_NOOP(
            "Messages", "请填写双方共同申请司法确认的日期")))
    out["confirmation_applied_on"], out["confirmation_result"] = applied, result
    return out


@requires(EDIT)
def register_case(data: CaseInput, today: date | None = None) -> Case:
    """受理: check and store a new case in status 受理 with its number (in its kind's series) and deadlines,
    in one transaction."""
    today = today or date.today()
    with db.atomic():
        values = validate_case(data, today)
        try:
            prefix = number_prefix(values)
        except CaseRefused as exc:
            raise CaseInvalid([FieldError("number", exc.message)]) from None
        case = Case(status=ACCEPTED, **values)
        refresh_deadlines(case)
        number = assign_number(case, prefix)
        case.save(force_insert=True)
        audit.record("新增", "case", case.uuid, f"受理案件 {number}")
        record_event(case, "", ACCEPTED, "受理登记")
    return case


def number_prefix(values: dict[str, Any], lookups: CaseFormLookups | None = None) -> str:
    """The series a new case is numbered in: its 调委会's for 人民调解, the office's for 治安调解; `CaseRefused`
    when there is none."""
    lookups = lookups or _DATABASE_LOOKUPS
    if values["kind"] == PUBLIC_SECURITY_MEDIATION:
        return lookups.office_prefix()
    body = lookups.body(values["body"]) if values["body"] is not None else None
    if body is None:
        raise CaseRefused(QT_TRANSLATE_NOOP("Messages", "请先登记人民调解委员会及其案件编号前缀（纠纷调解 → 调解组织与民警），"
                                                        "再受理人民调解案件：人民调解协议书须以调委会名义出具并加盖其印章"
                                                        "（《人民调解法》第二十九条）"))
    return body.number_prefix


@requires(EDIT)
def save_case(data: CaseInput, case_id: int | None = None, today: date | None = None) -> Case:
    """Register a new case (case_id None) or store the form's changes to one; `CaseInvalid` if wrong.

    The number, the kind and the 调委会 never change; the deadlines follow the kind, the acceptance (or
    appraisal) date and an agreed extension."""
    if case_id is None:
        return register_case(data, today)
    today = today or date.today()
    with db.atomic():
        case = live_case(case_id)
        check_version(case, data.version)
        values = validate_case(data, today, existing=case)
        for key, value in values.items():
            setattr(case, key, value)
        refresh_deadlines(case)
        save_checked(case, data.version)
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
        incident_result=case.incident_result, body_id=case.body_id, requests=case.requests,
        extension_agreed_on=case.extension_agreed_on, extended_deadline=case.extended_deadline,
        confirmation_applied_on=case.confirmation_applied_on, confirmation_court=case.confirmation_court,
        confirmation_result=case.confirmation_result, offence=case.offence, circumstances=case.circumstances,
        parties_consent=bool(case.parties_consent), appraisal=case.appraisal,
        appraisal_issued_on=case.appraisal_issued_on, others_present=case.others_present,
        filed_by=case.filed_by, filed_on=case.filed_on, retention=case.retention, version=case.version,
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
        investigations=list_investigations(case_id),
        events=[EventEntry(e.at, e.from_status, e.to_status, e.username, e.note)
                for e in CaseEvent.select().where(CaseEvent.case == case_id).order_by(CaseEvent.at, CaseEvent.id)],
        warnings=case_warnings(case, parties, today),
        body_name=case.body.name if case.body_id else "", confirmation_until=confirmation_until(case),
        agreement_copies=copies_for(case.kind == PUBLIC_SECURITY_MEDIATION, [p.role for p in parties]),
    )


def case_warnings(case: Case | int, parties: list[PartyEntry] | None = None,
                  today: date | None = None) -> list[str]:
    """What the form should point out without refusing to save (a minor without guardian, …)."""
    today = today or date.today()
    case = case if isinstance(case, Case) else Case.get_by_id(case)
    parties = parties if parties is not None else list_parties(case.id, today)
    warnings = []
    if case.kind == PEOPLES_MEDIATION and case.body_id is None:
        warnings.append(QT_TRANSLATE_NOOP("Messages", "本案尚未指定人民调解委员会：人民调解的文书须以调委会名义出具并加盖其印章"
                                                      "（《人民调解法》第二十九条），请在“基本情况”中选择调委会（编号不变）"))
    sources = SECURITY_MEDIATION_SOURCES if case.kind == PUBLIC_SECURITY_MEDIATION else PEOPLES_MEDIATION_SOURCES
    if case.source and case.source not in sources:
        warnings.append(Message(QT_TRANSLATE_NOOP("Messages", "案件来源“{source}”不是{kind}的来源，请核实"),
                                source=case.source, kind=case.kind))
    if not parties:
        warnings.append(QT_TRANSLATE_NOOP("Messages", "尚未登记当事人"))
    for name in minors_without_guardian(case.id, today):
        warnings.append(Message(QT_TRANSLATE_NOOP("Messages", "当事人“{name}”未满18周岁，请登记其监护人（达成协议前必须登记）"),
                                name=name))
    for name in guardian_must_attend(case, today):
        warnings.append(Message(QT_TRANSLATE_NOOP(
            "Messages", "当事人“{name}”不满十六周岁：调解时应当通知其父母或者其他监护人到场（《公安机关治安调解工作规范》第八条）"),
            name=name))
    if case.kind == PUBLIC_SECURITY_MEDIATION:
        warnings.extend(_security_warnings(case, parties))
    if case.deleted_at is None and is_overdue(case, today):
        warnings.append(Message(QT_TRANSLATE_NOOP("Messages", "已超过办理期限（{deadline}）"),
                                deadline=format_date(case.deadline)))
    until = confirmation_until(case)
    if until is not None and until >= today:
        warnings.append(Message(QT_TRANSLATE_NOOP(
            "Messages", "调解协议于{agreed}生效：双方当事人认为有必要的，可于{until}前共同向人民法院申请司法确认"
                        "（《人民调解法》第三十三条）"), agreed=format_date(case.agreement_date), until=format_date(until)))
    return warnings


def _security_warnings(case: Case, parties: list[PartyEntry]) -> list[str]:
    warnings: list[str] = []
    if case.appraisal and case.appraisal_issued_on is None and case.status == ACCEPTED:
        warnings.append(Message(QT_TRANSLATE_NOOP(
            "Messages", "需要{appraisal}：应当在{appraisal}文书出具后的3个工作日内完成调解（第九条），文书出具后请填写出具日期"),
            appraisal=case.appraisal))
    missed = first_session_late(case)
    if missed is not None:
        warnings.append(Message(QT_TRANSLATE_NOOP("Messages", "首次调解晚于第九条规定的期限（{deadline}）"),
                                deadline=format_date(missed)))
    offenders = {p.id_number for p in parties if p.role == OFFENDER and p.id_number}
    if offenders:
        others = (Case.select(Case.number).join(Party, on=(Party.case == Case.id))
                  .where(Case.id != case.id, Case.kind == PUBLIC_SECURITY_MEDIATION, Case.deleted_at.is_null(),
                         Party.role == OFFENDER, Party.id_number.in_(list(offenders))).distinct())
        numbers = [number for (number,) in others.tuples()]
        if numbers:
            warnings.append(Message(QT_TRANSLATE_NOOP(
                "Messages", "违法行为人在本所另有治安调解案件（{numbers}）：多次实施违反治安管理行为的，不适用治安调解"
                            "（第四条第（四）项），请核实"), numbers="、".join(numbers[:5])))
    return warnings
