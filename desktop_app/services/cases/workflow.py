"""The dispute-case workflow: the only allowed status changes, case numbers (the numbering series "case"
of services/numbering.py) and deadlines; the kind and status words themselves are in `domain.vocabulary`.

Transitions: 受理 → 调解中 → 调解成功 / 调解不成功 / 终止; 调解成功 → 回访 → 结案; a case that ended without
agreement (调解不成功, 终止) may be visited (回访) or closed at once (结案): there may be nothing to follow up.

Deadlines (DESIGN.md §3): 人民调解 one month from acceptance. 治安调解 three working days from acceptance;
once the first session is held, a second one must follow within seven working days of it, and that date
becomes the case's deadline (kept in `second_session_deadline` too), so that "overdue" everywhere (the
register, the 首页 counts in services/dashboard/figures.py) is the one rule: open status and `deadline` before today.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any, Protocol

from peewee import fn

from ...db.database import db
from ...db.models import Case, CaseEvent, FollowUp, MediationSession, Party
from ...domain.case_numbers import format_case_number
from ...domain.dates import add_months, format_date
from ...domain.errors import FieldError
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.ranges import as_record_id
from ...domain.text_hygiene import clean_text
from ...domain.vocabulary import (
    ACCEPTED,
    AFTER_MEDIATION_STATUSES,
    CASE_STATUSES,
    CLOSED,
    FAILED,
    FOLLOW_UP,
    IN_MEDIATION,
    OUTCOME_STATUSES,
    PUBLIC_SECURITY_MEDIATION,
    SUCCEEDED,
    TERMINATED,
)
from ...domain.vocabulary import OPEN_CASE_STATUSES as OPEN_STATUSES  # what is_overdue counts as open
from .. import audit, calendar
from ..numbering import next_number, next_numbers
from ..office import get_office
from ..session import EDIT, requires
from .sensitive import is_under_fourteen, shown_name

TRANSITIONS: dict[str, tuple[str, ...]] = {
    ACCEPTED: (IN_MEDIATION,),
    IN_MEDIATION: (SUCCEEDED, FAILED, TERMINATED),
    SUCCEEDED: (FOLLOW_UP,),
    FAILED: (FOLLOW_UP, CLOSED),
    TERMINATED: (FOLLOW_UP, CLOSED),
    FOLLOW_UP: (CLOSED,),
    CLOSED: (),
}

COUNTER_NAME = "case"  # the numbering series of case numbers
ADULT_AGE = 18
PEOPLES_MEDIATION_MONTHS = 1
FIRST_SESSION_WORKING_DAYS = 3
SECOND_SESSION_WORKING_DAYS = 7
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
    status: str
    deadline: date | None


ESTIMATE_NOTE = "按预估的放假安排计算"


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


def is_minor(birth_date: date | None, age: int | None, today: date) -> bool:
    """Under 18 by the birth date when known, else by the age recorded."""
    if birth_date is not None:
        return age_on(birth_date, today) < ADULT_AGE
    return age is not None and age < ADULT_AGE


PartyRow = tuple[int, str, str, date | None, int | None, int | None]  # id, role, name, birth, age, guardian_of


def unguarded_minors(rows: Iterable[PartyRow], today: date) -> list[str]:
    """Names of the minors among these parties (not themselves guardians) whom no 监护人 points to."""
    rows = list(rows)
    guarded = {ward for _id, role, _n, _b, _a, ward in rows if role == "监护人" and ward is not None}
    return [name for party_id, role, name, birth, age, _ward in rows
            if role != "监护人" and party_id not in guarded and is_minor(birth, age, today)]


def unguarded_children(rows: Iterable[PartyRow], today: date) -> list[str]:
    """Names of the parties under 14 (sensitive, services/cases/sensitive.py) whom no 监护人 points to."""
    rows = list(rows)
    guarded = {ward for _id, role, _n, _b, _a, ward in rows if role == "监护人" and ward is not None}
    return [shown_name(name, birth, age, today) for party_id, role, name, birth, age, _ward in rows
            if role != "监护人" and party_id not in guarded and is_under_fourteen(birth, age, today)]


def minors_without_guardian(case_id: int, today: date | None = None) -> list[str]:
    """Names of the case's minors (not themselves guardians) whom no 监护人 of the case points to."""
    today = today or date.today()
    rows = Party.select(Party.id, Party.role, Party.name, Party.birth_date, Party.age, Party.guardian_of) \
        .where(Party.case == case_id).order_by(Party.position, Party.id).tuples()
    return unguarded_minors(rows, today)


class CaseLookups:
    """What `transition_problems` asks the database about the case's records; a batch answers from memory."""

    def has_parties(self, case_id: int) -> bool:
        return Party.select().where(Party.case == case_id).exists()

    def unguarded_minors(self, case_id: int, today: date | None) -> list[str]:
        return minors_without_guardian(case_id, today)

    def unguarded_children(self, case_id: int, today: date | None) -> list[str]:
        rows = Party.select(Party.id, Party.role, Party.name, Party.birth_date, Party.age, Party.guardian_of) \
            .where(Party.case == case_id).order_by(Party.position, Party.id).tuples()
        return unguarded_children(rows, today or date.today())

    def has_follow_ups(self, case_id: int) -> bool:
        return FollowUp.select().where(FollowUp.case == case_id).exists()


_DATABASE_LOOKUPS = CaseLookups()


class _Agreement(Protocol):
    id: int
    status: str
    agreement_terms: str
    oral_agreement: bool


def transition_problems(case: _Agreement, to_status: str, note: str = "", today: date | None = None,
                        lookups: CaseLookups | None = None) -> list[str]:
    """What must be recorded before the case may move to `to_status` (empty when nothing is missing)."""
    lookups = lookups or _DATABASE_LOOKUPS
    problems: list[str] = []
    if to_status == IN_MEDIATION and not lookups.has_parties(case.id):
        problems.append(QT_TRANSLATE_NOOP("Messages", "开始调解前请至少登记一名当事人"))
    if to_status == IN_MEDIATION:
        for name in lookups.unguarded_children(case.id, today):
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
            raise CaseRefused("；".join(problems))
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


def case_prefix() -> str:
    office = get_office()
    prefix = office.case_prefix.strip() if office else ""
    if not prefix:
        raise CaseRefused(QT_TRANSLATE_NOOP("Messages", "请先在“单位信息”中填写案件编号前缀（如“夏派调”），再受理案件"))
    return prefix


def next_sequence(year: int) -> int:
    """Take the next case number of `year` (call inside the registering transaction): never one a case
    already carries, even a case that came in by import without moving the counter."""
    highest = Case.select(fn.MAX(Case.sequence)).where(Case.year == year).scalar() or 0
    return next_number(COUNTER_NAME, year, highest)


def next_sequences(year: int, count: int) -> list[int]:
    """Take the next `count` case numbers of `year` at once (a batch of cases; call inside its transaction),
    by the rule of `next_sequence`."""
    highest = Case.select(fn.MAX(Case.sequence)).where(Case.year == year).scalar() or 0
    return next_numbers(COUNTER_NAME, year, count, highest)


def assign_number(case: Case, prefix: str | None = None) -> str:
    """Give the case its number for the year it was received (call inside the registering transaction)."""
    year = case.received_at.year
    sequence = next_sequence(year)
    case.year, case.sequence = year, sequence
    case.number = format_case_number(year, prefix or case_prefix(), sequence)
    return case.number


# --- deadlines -----------------------------------------------------------------------------------


def compute_deadlines(kind: str, received: date, first_session: date | None = None) -> tuple[date, date | None]:
    """(deadline, second_session_deadline) for a case of `kind` received on `received`."""
    if kind == PUBLIC_SECURITY_MEDIATION:
        if first_session is None:
            return calendar.add_working_days(received, FIRST_SESSION_WORKING_DAYS), None
        second = calendar.add_working_days(first_session, SECOND_SESSION_WORKING_DAYS)
        return second, second
    return add_months(received, PEOPLES_MEDIATION_MONTHS), None


def refresh_deadlines(case: Case) -> None:
    """Recompute the case's deadlines from its kind, acceptance date and first session (not saved)."""
    first = (MediationSession.select(fn.MIN(MediationSession.held_at))
             .where(MediationSession.case == case.id).scalar()) if case.id else None
    if isinstance(first, str):
        first = datetime.fromisoformat(first)
    received = case.received_at.date() if isinstance(case.received_at, datetime) else case.received_at
    case.deadline, case.second_session_deadline = compute_deadlines(
        case.kind, received, first.date() if first else None)


def deadline_is_estimate(kind: str, deadline: date | None, second_session_deadline: date | None = None) -> bool:
    """Whether a deadline counted in working days steps over (or lands on) a day the calendar only estimates
    (a year whose notice is not entered, an estimated 古尔邦节): it may move once the notice is entered."""
    if kind != PUBLIC_SECURITY_MEDIATION or deadline is None:
        return False
    n = SECOND_SESSION_WORKING_DAYS if second_session_deadline else FIRST_SESSION_WORKING_DAYS
    work_calendar = calendar.current()
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
                case.save()
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
