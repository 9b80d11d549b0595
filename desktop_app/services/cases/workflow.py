"""The dispute-case workflow: the only allowed status changes, case numbers (one never-reused series per
number prefix in services/numbering.py: a 调委会's for 人民调解, the office's for 治安调解) and deadlines; the
kind and status words themselves are in `domain.vocabulary`.

Transitions: 受理 → 调解中 → 调解成功 / 调解不成功 / 终止; 调解成功 → 回访 → 结案; a case that ended without
agreement (调解不成功, 终止) may be visited (回访) or closed at once (结案): there may be nothing to follow up.

Deadlines (DESIGN.md §3), the one rule behind "overdue" everywhere (the register, the 首页 counts in
services/dashboard/figures.py): open status and `deadline` before today.
- 人民调解: one month from acceptance (《人民调解工作若干规定》 Art. 33: "人民调解委员会调解纠纷，一般在一个月内
  调结"); longer only with the parties' consent, recorded with its date and the new deadline.
- 治安调解 (《公安机关治安调解工作规范》 Art. 9: "治安调解一般为一次，必要时可以增加一次。对明显不构成轻伤、不需要
  伤情鉴定以及损毁财物价值不大，不需要进行价值认定的治安案件，应当在受理案件后的3个工作日内完成调解；对需要伤情
  鉴定或者价值认定的治安案件，应当在伤情鉴定文书和价值认定结论出具后的3个工作日内完成调解。对一次调解不成，有必要
  再次调解的，应当在第一次调解后的7个工作日内完成"): three working days from acceptance, or from the day
  the 鉴定/认定 is issued (no deadline while it is awaited); a first session held in time opens the second,
  due seven working days after it (kept in `second_session_deadline`); a late first session leaves the missed
  deadline standing, so the case shows overdue. A third session is refused (sessions.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from peewee import fn

from ...db.database import db
from ...db.models import Case, CaseEvent, CaseMediator, FollowUp, MediationSession, Party
from ...domain.case_numbers import format_case_number
from ...domain.dates import add_months, format_date
from ...domain.errors import FieldError
from ...domain.i18n import QT_TRANSLATE_NOOP, Joined, Message
from ...domain.ranges import as_record_id
from ...domain.text_hygiene import clean_text
from ...domain.vocabulary import (
    ACCEPTED,
    AFTER_MEDIATION_STATUSES,
    CASE_STATUSES,
    CLOSED,
    FAILED,
    FOLLOW_UP,
    GUARDIAN,
    HOST,
    IN_MEDIATION,
    OFFENDER,
    OUTCOME_STATUSES,
    PEOPLES_MEDIATION,
    PUBLIC_SECURITY_MEDIATION,
    SUCCEEDED,
    TERMINATED,
    VICTIM,
)
from ...domain.vocabulary import OPEN_CASE_STATUSES as OPEN_STATUSES  # what is_overdue counts as open
from .. import audit
from ..accounts.roles import EDIT, requires
from ..calendar import working_days
from ..numbering import next_number, next_numbers
from ..office.details import get_office
from .sensitive import HIDDEN_MINOR, SENSITIVE_AGE, may_see_sensitive

TRANSITIONS: dict[str, tuple[str, ...]] = {
    ACCEPTED: (IN_MEDIATION,),
    IN_MEDIATION: (SUCCEEDED, FAILED, TERMINATED),
    SUCCEEDED: (FOLLOW_UP,),
    FAILED: (FOLLOW_UP, CLOSED),
    TERMINATED: (FOLLOW_UP, CLOSED),
    FOLLOW_UP: (CLOSED,),
    CLOSED: (),
}

COUNTER_NAME = "case"  # case numbers: series "case:<prefix>", one per number prefix
ADULT_AGE = 18
GUARDIAN_PRESENT_AGE = 16  # 治安调解工作规范 Art. 8: "当事人中有不满十六周岁未成年人的，调解时应当通知其父母或者其他监护人到场"
PEOPLES_MEDIATION_MONTHS = 1
FIRST_SESSION_WORKING_DAYS = 3
SECOND_SESSION_WORKING_DAYS = 7
MAX_SECURITY_SESSIONS = 2  # 治安调解工作规范 Art. 9: "一般为一次，必要时可以增加一次"
CONFIRMATION_DAYS = 30  # 人民调解法 Art. 33: "自调解协议生效之日起三十日内共同向人民法院申请司法确认"
MAX_NOTE_LENGTH = 500
_IN_CHUNK = 500


class CaseRefused(ValueError):
    """An action on a case that the rules do not allow; `message` says why, in Chinese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class TransitionNotAllowed(CaseRefused):
    """A status change outside TRANSITIONS."""


class _HasDeadline(Protocol):
    @property
    def status(self) -> str: ...
    @property
    def deadline(self) -> date | None: ...


ESTIMATE_NOTE = QT_TRANSLATE_NOOP("Messages", "按预估的放假安排计算")


# --- transitions ---------------------------------------------------------------------------------


def allowed_next(status: str) -> tuple[str, ...]:
    return TRANSITIONS.get(status, ())


def check_transition(from_status: str, to_status: str) -> None:
    """Raise `TransitionNotAllowed` naming the allowed next steps unless from → to is in TRANSITIONS."""
    if to_status not in CASE_STATUSES:
        raise TransitionNotAllowed(
            Message(QT_TRANSLATE_NOOP("Messages", "未知的案件状态“{to_status}”"), to_status=to_status))
    if to_status == from_status:
        raise TransitionNotAllowed(
            Message(QT_TRANSLATE_NOOP("Messages", "案件已处于“{to_status}”状态"), to_status=to_status))
    allowed = allowed_next(from_status)
    if to_status in allowed:
        return
    if not allowed:
        raise TransitionNotAllowed(
            Message(QT_TRANSLATE_NOOP("Messages", "案件已“{from_status}”，不能再转为“{to_status}”"),
                    from_status=from_status, to_status=to_status))
    raise TransitionNotAllowed(
        Message(QT_TRANSLATE_NOOP("Messages", "不能从“{from_status}”直接转为“{to_status}”；当前只能转为：{allowed}"),
                from_status=from_status, to_status=to_status, allowed='、'.join(allowed)))


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def is_minor(birth_date: date | None, age: int | None, today: date, below: int = ADULT_AGE) -> bool:
    """Under 18 (or `below`) by the birth date when known, else by the age recorded."""
    if birth_date is not None:
        return age_on(birth_date, today) < below
    return age is not None and age < below


PartyRow = tuple[int, str, str, date | None, int | None, int | None]  # id, role, name, birth, age, guardian_of


def unguarded_minors(rows: Iterable[PartyRow], today: date, below: int = ADULT_AGE) -> list[str]:
    """Names of the parties under `below` among these (not themselves guardians) whom no 监护人 points to."""
    rows = list(rows)
    guarded = {ward for _id, role, _n, _b, _a, ward in rows if role == GUARDIAN and ward is not None}
    return [name for party_id, role, name, birth, age, _ward in rows
            if role != GUARDIAN and party_id not in guarded and is_minor(birth, age, today, below)]


def children_without_guardian(case_id: int, today: date | None = None,
                              lookups: CaseLookups | None = None) -> list[str]:
    """The parties under 14 (sensitive, services/cases/sensitive.py) whom no 监护人 points to, named as the
    acting account may see them."""
    names = (lookups or _DATABASE_LOOKUPS).unguarded_minors(case_id, today, SENSITIVE_AGE)
    return names if may_see_sensitive() else [HIDDEN_MINOR] * len(names)


def minors_without_guardian(case_id: int, today: date | None = None, below: int = ADULT_AGE) -> list[str]:
    """Names of the case's parties under `below` (not themselves guardians) whom no 监护人 of the case
    points to."""
    today = today or date.today()
    rows = Party.select(Party.id, Party.role, Party.name, Party.birth_date, Party.age, Party.guardian_of) \
        .where(Party.case == case_id).order_by(Party.position, Party.id).tuples()
    return unguarded_minors(rows, today, below)


class CaseLookups:
    """What the workflow's checks ask the database about a case's records; a batch answers from memory."""

    def has_parties(self, case_id: int) -> bool:
        return Party.select().where(Party.case == case_id).exists()

    def unguarded_minors(self, case_id: int, today: date | None, below: int = ADULT_AGE) -> list[str]:
        return minors_without_guardian(case_id, today, below)

    def party_roles(self, case_id: int) -> set[str]:
        return {role for (role,) in Party.select(Party.role).where(Party.case == case_id).tuples()}

    def officer_hosts(self, case_id: int) -> bool:
        """Whether an officer (not a volunteer) is registered as the case's 主持人."""
        return CaseMediator.select().where(CaseMediator.case == case_id, CaseMediator.role == HOST,
                                           CaseMediator.member.is_null()).exists()

    def has_follow_ups(self, case_id: int) -> bool:
        return FollowUp.select().where(FollowUp.case == case_id).exists()


_DATABASE_LOOKUPS = CaseLookups()


class _CaseState(Protocol):
    """What the checks read of the case itself: a stored `Case`, or a batch's case being replayed."""

    id: int
    kind: str
    status: str
    agreement_terms: str
    oral_agreement: bool
    offence: str
    parties_consent: bool
    host_officer: str


def guardian_must_attend(case: _CaseState, today: date | None = None,
                         lookups: CaseLookups | None = None) -> list[str]:
    """治安调解 only: the parties under 16 whose parent or guardian is not registered to attend (Art. 8)."""
    if case.kind != PUBLIC_SECURITY_MEDIATION:
        return []
    return (lookups or _DATABASE_LOOKUPS).unguarded_minors(case.id, today, GUARDIAN_PRESENT_AGE)


def security_mediation_missing(case: _CaseState, today: date | None = None,
                               lookups: CaseLookups | None = None) -> list[str]:
    """What a 治安调解 needs before it may be mediated: a 案由 of Art. 3, both parties' consent, an officer as
    主持人, a 违法行为人 and a 被侵害人, and the guardian of a party under 16 called (Art. 8)."""
    if case.kind != PUBLIC_SECURITY_MEDIATION:
        return []
    lookups = lookups or _DATABASE_LOOKUPS
    problems: list[str] = []
    if not case.offence:
        problems.append(QT_TRANSLATE_NOOP("Messages", "请选择案由（《公安机关治安调解工作规范》第三条所列违反治安管理行为）"))
    if not case.parties_consent:
        problems.append(QT_TRANSLATE_NOOP("Messages", "治安调解须经双方当事人同意（第三条），请在“基本情况”中记录双方同意"))
    if not case.host_officer and not lookups.officer_hosts(case.id):
        problems.append(QT_TRANSLATE_NOOP("Messages", "治安调解在公安机关主持下进行（第二条），请选择主持调解的民警"))
    if not {OFFENDER, VICTIM} <= lookups.party_roles(case.id):
        problems.append(QT_TRANSLATE_NOOP("Messages", "请登记违法行为人和被侵害人"))
    for name in guardian_must_attend(case, today, lookups):
        problems.append(Message(QT_TRANSLATE_NOOP(
            "Messages", "当事人“{name}”不满十六周岁，调解时应当通知其父母或者其他监护人到场（第八条），请先登记其监护人"),
            name=name))
    return problems


def transition_problems(case: _CaseState, to_status: str, note: str = "", today: date | None = None,
                        lookups: CaseLookups | None = None) -> list[str]:
    """What must be recorded before the case may move to `to_status` (empty when nothing is missing)."""
    lookups = lookups or _DATABASE_LOOKUPS
    problems: list[str] = []
    if to_status == IN_MEDIATION and not lookups.has_parties(case.id):
        problems.append(QT_TRANSLATE_NOOP("Messages", "开始调解前请至少登记一名当事人"))
    elif to_status == IN_MEDIATION:
        problems.extend(security_mediation_missing(case, today, lookups))
        if case.kind != PUBLIC_SECURITY_MEDIATION:  # 治安调解 asks the same of every party under 16
            for name in children_without_guardian(case.id, today, lookups):
                problems.append(Message(
                    QT_TRANSLATE_NOOP("Messages", "当事人“{name}”未满十四周岁，开始调解前须登记其监护人"), name=name))
    if to_status == SUCCEEDED:
        if not case.agreement_terms.strip() and not case.oral_agreement:
            problems.append(QT_TRANSLATE_NOOP("Messages", "请先填写调解协议内容（口头协议请勾选“口头协议”并记录协议内容）"))
        for name in lookups.unguarded_minors(case.id, today):
            problems.append(
                Message(QT_TRANSLATE_NOOP("Messages", "当事人“{name}”未满18周岁，达成协议前须登记其监护人"), name=name))
    if to_status == TERMINATED and not note.strip():
        problems.append(QT_TRANSLATE_NOOP("Messages", "请填写终止调解的原因"))
    if to_status == CLOSED and case.status == FOLLOW_UP and not lookups.has_follow_ups(case.id):
        problems.append(QT_TRANSLATE_NOOP("Messages", "结案前请至少登记一次回访记录"))
    return problems


def check_note(note: str) -> str:
    """The note of a status change after the hygiene step (domain/text_hygiene.py); `CaseRefused` when it
    holds what cannot be stored or is too long."""
    try:
        note = clean_text(note, "note", QT_TRANSLATE_NOOP("Messages", "说明"), None, multiline=True)
    except FieldError as exc:
        raise CaseRefused(exc.message) from None
    if len(note) > MAX_NOTE_LENGTH:
        raise CaseRefused(
            Message(QT_TRANSLATE_NOOP("Messages", "说明不能超过{max_note_length}个字"),
                    max_note_length=MAX_NOTE_LENGTH))
    return note


@requires(EDIT)
def change_status(case_id: int, to_status: str, note: str = "", today: date | None = None) -> Case:
    """Move the case to `to_status` in one transaction, with a CaseEvent and an audit record; raise
    `TransitionNotAllowed` / `CaseRefused` (and change nothing) when the rules say no."""
    today = today or date.today()
    note = check_note(note)
    with db.atomic():
        case = Case.get_or_none(Case.id == as_record_id(case_id))
        if case is None:
            raise CaseRefused(QT_TRANSLATE_NOOP("Messages", "案件不存在"))
        if case.deleted_at is not None:
            raise CaseRefused(QT_TRANSLATE_NOOP("Messages", "案件已删除，请先恢复后再办理"))
        from_status = case.status
        check_transition(from_status, to_status)
        problems = transition_problems(case, to_status, note, today)
        if problems:
            raise CaseRefused(Joined("；", problems))
        case.status = to_status
        if to_status == SUCCEEDED and case.agreement_date is None:
            case.agreement_date = today
        if to_status == CLOSED:
            case.closed_on = today
        case.save()
        record_event(case, from_status, to_status, note)
    return case


def record_event(case: Case, from_status: str, to_status: str, note: str = "") -> CaseEvent:
    """The history row and the audit record of one status change (call inside the action's transaction)."""
    entry = audit.record("状态变更", "case", case.uuid, f"{from_status or '新建'}→{to_status}")
    return CaseEvent.create(case=case.id, from_status=from_status, to_status=to_status,
                            username=entry.username, note=note)


def case_outcomes(case_ids: Iterable[int] | None = None, where: Any = None) -> dict[int, str]:
    """The outcome each case reached (调解成功 / 调解不成功 / 终止), from its history; cases still open
    are left out. A case in 回访/结案 without history (imported) counts as 调解成功 when it has an agreement.

    The cases are `case_ids`, or those matching `where` (a condition on Case, one query for any number)."""
    events = (CaseEvent.select(CaseEvent.case, CaseEvent.to_status).join(Case, on=(CaseEvent.case == Case.id))
              .where(CaseEvent.to_status.in_(OUTCOME_STATUSES)).order_by(CaseEvent.at, CaseEvent.id))
    cases = Case.select(Case.id, Case.status, Case.agreement_terms, Case.agreement_date).where(
        Case.status.in_(AFTER_MEDIATION_STATUSES))
    if case_ids is None:
        batches = [(events.where(where), cases.where(where)) if where is not None else (events, cases)]
    else:
        ids = list(case_ids)
        batches = [(events.where(Case.id.in_(chunk)), cases.where(Case.id.in_(chunk)))
                   for chunk in (ids[i:i + _IN_CHUNK] for i in range(0, len(ids), _IN_CHUNK))]
    outcomes: dict[int, str] = {}
    for batch_events, batch_cases in batches:
        # read through the raw cursor: tens of thousands of rows, no value needs converting
        for case_id, to_status in db.execute_sql(*batch_events.sql()):
            outcomes[case_id] = to_status
        for case_id, status, terms, agreed_on in db.execute_sql(*batch_cases.sql()):
            if status in OUTCOME_STATUSES:
                outcomes[case_id] = status
            elif case_id not in outcomes and (terms.strip() or agreed_on is not None):
                outcomes[case_id] = SUCCEEDED
    return outcomes


# --- numbers -------------------------------------------------------------------------------------


def office_prefix() -> str:
    """The office's own prefix: the series of its 治安调解 cases (e.g. 夏派调)."""
    office = get_office()
    prefix = office.case_prefix.strip().removesuffix("字") if office else ""
    if not prefix:
        raise CaseRefused(QT_TRANSLATE_NOOP("Messages", "请先在“单位信息”中填写治安调解案件编号前缀（如“夏派调”），再受理案件"))
    return prefix


case_prefix = office_prefix  # the name the callers of the single shared series knew


def series_name(prefix: str) -> str:
    return f"{COUNTER_NAME}:{prefix.removesuffix('字')}"


def next_sequence(year: int, prefix: str) -> int:
    """Take the next number of `prefix`'s series for `year` (call inside the registering transaction): never
    one a case already carries, even a case that came in by import without moving the counter."""
    prefix = prefix.removesuffix("字")
    return next_number(series_name(prefix), year, _highest_taken(year, prefix))


def _highest_taken(year: int, prefix: str) -> int:
    """The highest number of the series that a case already carries (imported ones included)."""
    return (Case.select(fn.MAX(Case.sequence))
            .where(Case.year == year, Case.number.startswith(f"（{year}）{prefix}字第")).scalar() or 0)


def next_sequences(year: int, prefix: str, count: int) -> list[int]:
    """Take the next `count` numbers of `prefix`'s series for `year` at once (a batch of cases; call inside
    its transaction), by the rule of `next_sequence`."""
    prefix = prefix.removesuffix("字")
    return next_numbers(series_name(prefix), year, count, _highest_taken(year, prefix))


def assign_number(case: Case, prefix: str | None = None) -> str:
    """Give the case its number in `prefix`'s series (default: the office's) for the year it was received
    (call inside the registering transaction)."""
    prefix = (prefix or office_prefix()).removesuffix("字")
    year = case.received_at.year
    sequence = next_sequence(year, prefix)
    case.year, case.sequence = year, sequence
    case.number = format_case_number(year, prefix, sequence)
    return case.number


# --- deadlines -----------------------------------------------------------------------------------


def compute_deadlines(kind: str, received: date, first_session: date | None = None, *,
                      needs_appraisal: bool = False, appraisal_issued: date | None = None,
                      extended_to: date | None = None) -> tuple[date | None, date | None]:
    """(deadline, second_session_deadline) for a case of `kind` received on `received` (see the module's
    note). 治安调解 needing a 伤情鉴定/价值认定 has no deadline until the document is issued."""
    if kind == PUBLIC_SECURITY_MEDIATION:
        if needs_appraisal and appraisal_issued is None:
            return None, None
        start = appraisal_issued if needs_appraisal and appraisal_issued else received
        first_due = working_days.add_working_days(start, FIRST_SESSION_WORKING_DAYS)
        if first_session is None:
            return first_due, None
        second_due = working_days.add_working_days(first_session, SECOND_SESSION_WORKING_DAYS)
        return (second_due if first_session <= first_due else first_due), second_due
    return extended_to or add_months(received, PEOPLES_MEDIATION_MONTHS), None


def first_session_date(case_id: int | None) -> date | None:
    if not case_id:
        return None
    first = (MediationSession.select(fn.MIN(MediationSession.held_at))
             .where(MediationSession.case == case_id).scalar())
    if isinstance(first, str):
        first = datetime.fromisoformat(first)
    return first.date() if first else None


def deadlines_for(case: Any, first_session: date | None) -> tuple[date | None, date | None]:
    """`compute_deadlines` from what the case records (kind, acceptance, 鉴定/认定, an agreed extension)
    and the day of its first session."""
    received = case.received_at.date() if isinstance(case.received_at, datetime) else case.received_at
    return compute_deadlines(case.kind, received, first_session,
                             needs_appraisal=bool(case.appraisal), appraisal_issued=case.appraisal_issued_on,
                             extended_to=case.extended_deadline if case.kind == PEOPLES_MEDIATION else None)


def case_deadlines(case: Case) -> tuple[date | None, date | None]:
    return deadlines_for(case, first_session_date(case.id))


def refresh_deadlines(case: Case) -> None:
    """Recompute the case's deadlines from its kind, acceptance (or appraisal) date, first session and an
    agreed extension (not saved)."""
    case.deadline, case.second_session_deadline = case_deadlines(case)


def first_session_late(case: Case) -> date | None:
    """治安调解: the deadline the first session missed (Art. 9), or None when it was held in time or not yet."""
    if case.kind != PUBLIC_SECURITY_MEDIATION:
        return None
    first = first_session_date(case.id)
    if first is None:
        return None
    received = case.received_at.date() if isinstance(case.received_at, datetime) else case.received_at
    due, _second = compute_deadlines(case.kind, received, needs_appraisal=bool(case.appraisal),
                                     appraisal_issued=case.appraisal_issued_on)
    return due if due is not None and first > due else None


def confirmation_until(case: Any) -> date | None:
    """The last day the parties may jointly apply for 司法确认 (人民调解法 Art. 33), for a written 人民调解
    agreement not yet applied for; None otherwise."""
    if (case.kind != PEOPLES_MEDIATION or case.oral_agreement or case.agreement_date is None
            or case.confirmation_applied_on is not None or case.status not in (SUCCEEDED, FOLLOW_UP, CLOSED)):
        return None
    return case.agreement_date + timedelta(days=CONFIRMATION_DAYS)


def deadline_is_estimate(kind: str, deadline: date | None, second_session_deadline: date | None = None) -> bool:
    """Whether a deadline counted in working days steps over (or lands on) a day the calendar only estimates
    (a year whose notice is not entered, an estimated 古尔邦节): it may move once the notice is entered."""
    if kind != PUBLIC_SECURITY_MEDIATION or deadline is None:
        return False
    second = second_session_deadline is not None and deadline == second_session_deadline
    n = SECOND_SESSION_WORKING_DAYS if second else FIRST_SESSION_WORKING_DAYS
    work_calendar = working_days.current()
    return work_calendar.estimated_between(work_calendar.add_working_days(deadline, -n), deadline)


def recompute_deadlines(changed_from: date) -> int:
    """After the holiday table changed from `changed_from` on: recompute the deadlines of the open cases
    counted in working days that could reach that far, saving those that moved; returns how many moved."""
    query = Case.select().where(Case.kind == PUBLIC_SECURITY_MEDIATION, Case.status.in_(OPEN_STATUSES),
                                Case.deleted_at.is_null(), Case.deadline >= changed_from)
    moved = 0
    with db.atomic():
        for case in query:
            before = (case.deadline, case.second_session_deadline)
            refresh_deadlines(case)
            if (case.deadline, case.second_session_deadline) != before:
                case.save_derived(Case.deadline, Case.second_session_deadline)
                moved += 1
        if moved:
            audit.record("修改", "case", "", f"放假安排变更后重算办理期限 {moved} 件")
    return moved


def is_overdue(case: _HasDeadline, today: date | None = None) -> bool:
    """Still open (受理, 调解中) and past its deadline — the same rule as the 首页 count."""
    today = today or date.today()
    return case.status in OPEN_STATUSES and case.deadline is not None and case.deadline < today


def deadline_text(case: _HasDeadline, today: date | None = None) -> str:
    """"2024年10月10日（已超期3天）" / "（还剩2天）" for the case form."""
    if case.deadline is None:
        return ""
    today = today or date.today()
    text = format_date(case.deadline)
    if case.status not in OPEN_STATUSES:
        return text
    estimate = Message(QT_TRANSLATE_NOOP("Messages", "，{note}"), note=ESTIMATE_NOTE) if deadline_is_estimate(
        getattr(case, "kind", ""), case.deadline, getattr(case, "second_session_deadline", None)) else ""
    days = (case.deadline - today).days
    if days < 0:
        return Message(QT_TRANSLATE_NOOP("Messages", "{text}（已超期{days}天{estimate}）"), text=text, days=-days,
                       estimate=estimate)
    if days == 0:
        return Message(QT_TRANSLATE_NOOP("Messages", "{text}（今天到期{estimate}）"), text=text, estimate=estimate)
    return Message(QT_TRANSLATE_NOOP("Messages", "{text}（还剩{days}天{estimate}）"), text=text, days=days,
                   estimate=estimate)
