"""A case's mediation sessions (调解记录) and follow-up visits (回访): their typed input, checks, changes
and lists. Every change is one transaction with an audit record.

A session's 参加人 are the others invited to help (a 村委会 member, a relative), never the parties, mediators
or recorder; `rights_notified` records that the parties were told their rights and duties first. A
治安调解 has at most two sessions (《公安机关治安调解工作规范》 Art. 9: "治安调解一般为一次，必要时可以增加一次"),
and none before the parent or guardian of a party under 16 is called (Art. 8)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ...db.database import db
from ...db.models import Case, FollowUp, MediationSession
from ...domain.errors import FieldError
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.vocabulary import AFTER_MEDIATION_STATUSES, PUBLIC_SECURITY_MEDIATION
from .. import audit
from ..accounts.roles import DELETE, EDIT, requires
from ..clients.versions import check_version, save_checked
from .fields import (
    MAX_TEXT,
    CaseInvalid,
    Received,
    choice_field,
    date_field,
    datetime_field,
    live_case,
    text_field,
)
from .workflow import MAX_SECURITY_SESSIONS, CaseLookups, CaseRefused, guardian_must_attend, refresh_deadlines

PERFORMED_CHOICES = (QT_TRANSLATE_NOOP("Vocabulary", "已履行"), QT_TRANSLATE_NOOP("Vocabulary", "部分履行"),
                     QT_TRANSLATE_NOOP("Vocabulary", "未履行"))
SATISFACTION_CHOICES = (QT_TRANSLATE_NOOP("Vocabulary", "满意"), QT_TRANSLATE_NOOP("Vocabulary", "基本满意"),
                        QT_TRANSLATE_NOOP("Vocabulary", "不满意"))


@dataclass
class SessionInput:
    held_at: str | datetime | date | None = None
    place: str = ""
    present: str = ""  # 参加人: others invited, not the parties, mediators or recorder
    record: str = ""
    result: str = ""
    rights_notified: bool = True  # 已告知当事人权利义务
    version: int | None = field(default=None, compare=False)  # the stored record's, as the form loaded it


@dataclass
class FollowUpInput:
    date: str | date | None = None
    performed: str = ""  # 已履行 / 部分履行 / 未履行
    satisfaction: str = ""  # 满意 / 基本满意 / 不满意
    escalation_signs: str = ""
    visitor: str = ""
    notes: str = ""
    reason: str = ""  # 回访事由
    measures: str = ""  # 采取的措施
    version: int | None = field(default=None, compare=False)  # the stored record's, as the form loaded it


@dataclass(frozen=True)
class SessionEntry:
    id: int
    held_at: datetime
    place: str
    present: str
    record: str
    result: str
    rights_notified: bool = False
    version: int = 1

    def to_input(self) -> SessionInput:
        return SessionInput(self.held_at, self.place, self.present, self.record, self.result, self.rights_notified,
                            version=self.version)


@dataclass(frozen=True)
class FollowUpEntry:
    id: int
    date: date
    performed: str
    satisfaction: str
    escalation_signs: str
    visitor: str
    notes: str
    reason: str = ""
    measures: str = ""
    version: int = 1

    def to_input(self) -> FollowUpInput:
        return FollowUpInput(self.date, self.performed, self.satisfaction, self.escalation_signs,
                             self.visitor, self.notes, self.reason, self.measures, version=self.version)


# --- sessions ------------------------------------------------------------------------------------


def validate_session(data: SessionInput, case: Received, today: date | None = None) -> dict[str, Any]:
    today = today or date.today()
    errors: list[FieldError] = []
    held = datetime_field(data.held_at, "held_at",
        QT_TRANSLATE_NOOP("Messages", "调解时间"), errors, required=True)
    if held and held.date() > today:
        errors.append(FieldError("held_at", QT_TRANSLATE_NOOP("Messages", "调解时间不能晚于今天")))
    if held and held.date() < case.received_at.date():
        errors.append(FieldError("held_at", QT_TRANSLATE_NOOP("Messages", "调解时间不能早于受理日期")))
    values: dict[str, Any] = {"held_at": held}
    values["place"] = text_field(data.place, "place", QT_TRANSLATE_NOOP("Messages", "调解地点"), 200, errors)
    values["present"] = text_field(data.present, "present",
        QT_TRANSLATE_NOOP("Messages", "参加人"), MAX_TEXT, errors)
    values["record"] = text_field(data.record, "record",
        QT_TRANSLATE_NOOP("Messages", "调解记录"), MAX_TEXT, errors)
    values["result"] = text_field(data.result, "result",
        QT_TRANSLATE_NOOP("Messages", "调解结果"), MAX_TEXT, errors)
    values["rights_notified"] = bool(data.rights_notified)
    if errors:
        raise CaseInvalid(errors)
    return values


def check_new_session(case: Any, held: int, today: date | None = None, lookups: CaseLookups | None = None) -> None:
    """`CaseRefused` when a 治安调解 that has had `held` sessions may not have another: a third one (Art. 9),
    or one before the parent or guardian of a party under 16 is called (Art. 8)."""
    if case.kind != PUBLIC_SECURITY_MEDIATION:
        return
    if held >= MAX_SECURITY_SESSIONS:
        raise CaseRefused(Message(QT_TRANSLATE_NOOP(
            "Messages", "治安调解一般为一次，必要时可以增加一次（《公安机关治安调解工作规范》第九条）：本案已调解"
                        "{held}次，不能再增加。调解不成的，应当依法处罚，并告知当事人可以就民事争议依法向人民法院"
                        "提起民事诉讼"), held=held))
    missing = guardian_must_attend(case, today, lookups)
    if missing:
        raise CaseRefused(Message(QT_TRANSLATE_NOOP(
            "Messages", "当事人“{missing}”不满十六周岁，调解时应当通知其父母或者其他监护人到场（《公安机关治安调解"
                        "工作规范》第八条）：请先在“当事人”中登记其监护人"), missing="、".join(missing)))


def _after_sessions_changed(case: Case) -> None:
    if case.kind == PUBLIC_SECURITY_MEDIATION:
        refresh_deadlines(case)
        case.save_derived(Case.deadline, Case.second_session_deadline)


@requires(EDIT)
def add_session(case_id: int, data: SessionInput, today: date | None = None) -> MediationSession:
    """Record a session; a third 治安调解 session, or one before an under-16 party's guardian is called,
    is refused with the rule."""
    with db.atomic():
        case = live_case(case_id)
        values = validate_session(data, case, today)
        if case.kind == PUBLIC_SECURITY_MEDIATION:
            check_new_session(case, MediationSession.select().where(MediationSession.case == case_id).count(),
                              today)
        session = MediationSession.create(case=case_id, **values)
        _after_sessions_changed(case)
        audit.record("新增", "mediation_session", session.uuid, f"案件 {case.number} 新增调解记录")
    return session


@requires(EDIT)
def update_session(session_id: int, data: SessionInput, today: date | None = None) -> MediationSession:
    with db.atomic():
        session = MediationSession.get_by_id(session_id)
        case = live_case(session.case_id)
        check_version(session, data.version)
        for key, value in validate_session(data, case, today).items():
            setattr(session, key, value)
        save_checked(session, data.version)
        _after_sessions_changed(case)
        audit.record("修改", "mediation_session", session.uuid, f"案件 {case.number} 修改调解记录")
    return session


@requires(DELETE)
def delete_session(session_id: int) -> None:
    with db.atomic():
        session = MediationSession.get_by_id(session_id)
        case = live_case(session.case_id)
        audit.record("删除", "mediation_session", session.uuid, f"案件 {case.number} 删除调解记录")
        session.delete_instance()
        _after_sessions_changed(case)


def list_sessions(case_id: int) -> list[SessionEntry]:
    query = MediationSession.select().where(MediationSession.case == case_id).order_by(
        MediationSession.held_at, MediationSession.id)
    return [SessionEntry(s.id, s.held_at, s.place, s.present, s.record, s.result, bool(s.rights_notified),
                         s.version)
            for s in query]


# --- follow-ups ----------------------------------------------------------------------------------


def validate_follow_up(data: FollowUpInput, case: Received, today: date | None = None) -> dict[str, Any]:
    today = today or date.today()
    errors: list[FieldError] = []
    day = date_field(data.date, "date", QT_TRANSLATE_NOOP("Messages", "回访日期"), errors, required=True)
    if day and day > today:
        errors.append(FieldError("date", QT_TRANSLATE_NOOP("Messages", "回访日期不能晚于今天")))
    if day and day < case.received_at.date():
        errors.append(FieldError("date", QT_TRANSLATE_NOOP("Messages", "回访日期不能早于受理日期")))
    values: dict[str, Any] = {
        "date": day,
        "performed": choice_field(data.performed, "performed",
            QT_TRANSLATE_NOOP("Messages", "履行情况"), PERFORMED_CHOICES, errors,
                                  required=False),
        "satisfaction": choice_field(data.satisfaction, "satisfaction",
            QT_TRANSLATE_NOOP("Messages", "满意度"), SATISFACTION_CHOICES, errors,
                                     required=False),
        "escalation_signs": text_field(data.escalation_signs, "escalation_signs",
            QT_TRANSLATE_NOOP("Messages", "矛盾激化迹象"), MAX_TEXT, errors),
        "visitor": text_field(data.visitor, "visitor", QT_TRANSLATE_NOOP("Messages", "回访人"), 50, errors),
        "notes": text_field(data.notes, "notes", QT_TRANSLATE_NOOP("Messages", "备注"), MAX_TEXT, errors),
        "reason": text_field(data.reason, "reason", QT_TRANSLATE_NOOP("Messages", "回访事由"), 200, errors),
        "measures": text_field(data.measures, "measures", QT_TRANSLATE_NOOP("Messages", "采取的措施"), MAX_TEXT,
                               errors),
    }
    if errors:
        raise CaseInvalid(errors)
    return values


def check_follow_up_allowed(status: str) -> None:
    """`CaseRefused` unless mediation has ended (调解成功 / 调解不成功 / 终止 or later)."""
    if status not in AFTER_MEDIATION_STATUSES:
        raise CaseRefused(
            Message(QT_TRANSLATE_NOOP("Messages", "案件尚在“{status}”阶段，调解结束后才能登记回访"), status=status))


@requires(EDIT)
def add_follow_up(case_id: int, data: FollowUpInput, today: date | None = None) -> FollowUp:
    """A follow-up visit; only once mediation has ended (调解成功 / 调解不成功 / 终止 or later)."""
    with db.atomic():
        case = live_case(case_id)
        check_follow_up_allowed(case.status)
        follow_up = FollowUp.create(case=case_id, **validate_follow_up(data, case, today))
        audit.record("新增", "follow_up", follow_up.uuid, f"案件 {case.number} 新增回访记录")
    return follow_up


@requires(EDIT)
def update_follow_up(follow_up_id: int, data: FollowUpInput, today: date | None = None) -> FollowUp:
    with db.atomic():
        follow_up = FollowUp.get_by_id(follow_up_id)
        case = live_case(follow_up.case_id)
        check_version(follow_up, data.version)
        for key, value in validate_follow_up(data, case, today).items():
            setattr(follow_up, key, value)
        save_checked(follow_up, data.version)
        audit.record("修改", "follow_up", follow_up.uuid, f"案件 {case.number} 修改回访记录")
    return follow_up


@requires(DELETE)
def delete_follow_up(follow_up_id: int) -> None:
    with db.atomic():
        follow_up = FollowUp.get_by_id(follow_up_id)
        case = live_case(follow_up.case_id)
        audit.record("删除", "follow_up", follow_up.uuid, f"案件 {case.number} 删除回访记录")
        follow_up.delete_instance()


def list_follow_ups(case_id: int) -> list[FollowUpEntry]:
    query = FollowUp.select().where(FollowUp.case == case_id).order_by(FollowUp.date, FollowUp.id)
    return [FollowUpEntry(f.id, f.date, f.performed, f.satisfaction, f.escalation_signs, f.visitor, f.notes,
                          f.reason, f.measures, f.version) for f in query]
