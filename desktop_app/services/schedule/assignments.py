"""Manual staffing of shifts: assign, unassign, move, 换班/替班, the 带班 leader, locks, and the swap records.
Every change is checked by `assignment_checks` (the rules of `rules`); a refusal raises `AssignmentRefused`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from ...db.database import db
from ...db.models import Assignment, DutyPost, Member, Shift, Swap, Team
from ...domain.errors import FieldError
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.text_hygiene import clean_text
from ...domain.vocabulary import ON_LEAVE, PLANNED
from .. import audit
from ..accounts.roles import EDIT, requires
from .assignment_checks import ShiftFacts, check_assignment, shift_facts
from .errors import AssignmentRefused, ScheduleError
from .posts import format_time_range
from .rules import REFUSE, LeaderCandidate, Problem, choose_leader

REASON_MAX = 200


def _refuse_unless_allowed(problems: list[Problem], force_warnings: bool) -> None:
    if any(p.level == REFUSE for p in problems) or (problems and not force_warnings):
        raise AssignmentRefused(problems)


def leader_after_change(current: int | None, crew: Sequence[LeaderCandidate], needs_leader: bool,
                        post_team_id: int | None, team_leader_id: int | None) -> int | None:
    """The shift's 带班 leader once its crew has changed: the current one while still on it; otherwise, for
    a post that wants one, the choice of `choose_leader` among the crew; else none."""
    if current in {c.member_id for c in crew}:
        return current
    if needs_leader and crew:
        return choose_leader(crew, post_team_id, team_leader_id)[0]
    return None


def refresh_leader(shift_id: int) -> int | None:
    """Keep the shift's 带班 leader one of its members: a leader who left the shift is replaced (posts
    that want a leader) or cleared; a post that wants one and has none gets one by `choose_leader`."""
    shift = Shift.get_by_id(shift_id)
    post = DutyPost.get_by_id(shift.post_id)
    crew = list(
        Member.select(Member.id, Member.team, Member.join_date)
        .join(Assignment, on=(Assignment.member == Member.id))
        .where(Assignment.shift == shift_id, Assignment.status != ON_LEAVE)
        .tuples()
    )
    team_leader = Team.get_by_id(post.team_id).leader_id if post.team_id and post.needs_leader and crew else None
    leader = leader_after_change(shift.leader_id, [LeaderCandidate(*c) for c in crew], post.needs_leader,
                                 post.team_id, team_leader)
    if leader != shift.leader_id:
        Shift.update(leader=leader, updated_at=datetime.now()).where(Shift.id == shift_id).execute()
    return leader


def _where(shift: ShiftFacts) -> str:
    return f"“{shift.post_name}” {shift.date:%Y-%m-%d} {format_time_range(shift.start, shift.end)}"


@requires(EDIT)
def assign(shift_id: int, member_id: int, locked: bool = True, force_warnings: bool = False,
           reason: str = "手工安排") -> Assignment:
    """Put the member on the shift; `AssignmentRefused` when a rule forbids it, or when there are warnings
    and `force_warnings` is False. Manual assignments are locked by default (the auto-scheduler keeps them)."""
    reason = clean_reason(reason)
    with db.atomic():
        problems = check_assignment(shift_id, member_id)
        _refuse_unless_allowed(problems, force_warnings)
        assignment = Assignment.create(shift=shift_id, member=member_id, status=PLANNED, locked=locked,
                                       reason=reason)
        refresh_leader(shift_id)
        confirmed = f"（已确认提示：{'、'.join(p.code for p in problems)}）" if problems else ""
        audit.record("排班", "assignment", assignment.uuid, f"手工排班 {_where(shift_facts(shift_id))}{confirmed}")
    return assignment


def _planned_assignment(assignment_id: int) -> Assignment:
    assignment = Assignment.get_or_none(Assignment.id == assignment_id)
    if assignment is None:
        raise ScheduleError(QT_TRANSLATE_NOOP("Messages", "该安排不存在"))
    if assignment.status != PLANNED:
        raise ScheduleError(
            Message(QT_TRANSLATE_NOOP("Messages", "已登记考勤（{status}），不能再调整，请修改考勤记录"), status=assignment.status))
    return assignment


@requires(EDIT)
def unassign(assignment_id: int) -> None:
    """Take the member off the shift (only while no attendance is recorded)."""
    with db.atomic():
        assignment = _planned_assignment(assignment_id)
        shift_id = assignment.shift_id
        audit.record("取消排班", "assignment", assignment.uuid, f"取消排班 {_where(shift_facts(shift_id))}")
        assignment.delete_instance()
        refresh_leader(shift_id)


@requires(EDIT)
def set_leader(shift_id: int, member_id: int | None) -> None:
    """Make one of the shift's members its 带班 leader (None: no leader)."""
    with db.atomic():
        shift = Shift.get_or_none(Shift.id == shift_id)
        if shift is None:
            raise ScheduleError(QT_TRANSLATE_NOOP("Messages", "班次不存在"))
        if member_id is not None and not Assignment.select().where(
                Assignment.shift == shift_id, Assignment.member == member_id,
                Assignment.status != ON_LEAVE).exists():
            raise ScheduleError(QT_TRANSLATE_NOOP("Messages", "带班人员须是本班次的队员"))
        Shift.update(leader=member_id, updated_at=datetime.now()).where(Shift.id == shift_id).execute()
        audit.record("修改", "shift", shift.uuid, "指定带班" if member_id else "取消带班")


@requires(EDIT)
def move_assignment(assignment_id: int, to_shift_id: int, force_warnings: bool = False) -> Assignment:
    """Move a member to another shift (drag and drop); checked like a new assignment, then locked."""
    with db.atomic():
        assignment = _planned_assignment(assignment_id)
        from_shift = assignment.shift_id
        if from_shift == to_shift_id:
            return assignment
        problems = check_assignment(to_shift_id, assignment.member_id, ignoring=[assignment_id])
        _refuse_unless_allowed(problems, force_warnings)
        assignment.shift = to_shift_id
        assignment.locked = True
        assignment.reason = "手工调整"
        assignment.save()
        refresh_leader(from_shift)
        refresh_leader(to_shift_id)
        audit.record("调整排班", "assignment", assignment.uuid, f"调整到 {_where(shift_facts(to_shift_id))}")
    return assignment


def _assignment_of(shift_id: int, member_id: int) -> Assignment:
    assignment = Assignment.get_or_none(Assignment.shift == shift_id, Assignment.member == member_id)
    if assignment is None:
        raise ScheduleError(QT_TRANSLATE_NOOP("Messages", "该队员不在这个班次上"))
    return _planned_assignment(assignment.id)


def _operator() -> str:
    return audit.current_user()


def clean_reason(reason: str) -> str:
    """A stored reason (of an assignment, a swap) after the hygiene step (domain/text_hygiene.py);
    `ScheduleError` when it holds what cannot be stored."""
    try:
        return clean_text(reason, "reason", QT_TRANSLATE_NOOP("Messages", "事由"), None)
    except FieldError as exc:
        raise ScheduleError(exc.message) from None


def _check_reason(reason: str) -> str:
    text = clean_reason(reason)
    if len(text) > REASON_MAX:
        raise ScheduleError(
            Message(QT_TRANSLATE_NOOP("Messages", "换班事由不能超过{reason_max}个字"), reason_max=REASON_MAX))
    return text


@requires(EDIT)
def swap_members(shift_a_id: int, member_a_id: int, shift_b_id: int, member_b_id: int, reason: str = "",
                 force_warnings: bool = False) -> Swap:
    """换班: member A (on shift A) and member B (on shift B) trade places. Both sides are checked; a Swap
    row is kept for each shift (from → to); a 带班 leader's role passes to the one who takes the place.
    Returns the Swap of shift A."""
    text = _check_reason(reason)
    if shift_a_id == shift_b_id:
        raise ScheduleError(QT_TRANSLATE_NOOP("Messages", "两人在同一班次，无需换班"))
    if member_a_id == member_b_id:
        raise ScheduleError(QT_TRANSLATE_NOOP("Messages", "请选择两名不同的队员"))
    with db.atomic():
        a = _assignment_of(shift_a_id, member_a_id)
        b = _assignment_of(shift_b_id, member_b_id)
        problems = [
            *check_assignment(shift_a_id, member_b_id, ignoring=[a.id, b.id]),
            *check_assignment(shift_b_id, member_a_id, ignoring=[a.id, b.id]),
        ]
        problems = [p for p in problems if p.code != "full"]  # a swap keeps both shifts' numbers
        _refuse_unless_allowed(problems, force_warnings)
        Assignment.update(member=member_b_id, locked=True, reason="换班", updated_at=datetime.now()).where(
            Assignment.id == a.id).execute()
        Assignment.update(member=member_a_id, locked=True, reason="换班", updated_at=datetime.now()).where(
            Assignment.id == b.id).execute()
        for shift_id, old, new in ((shift_a_id, member_a_id, member_b_id), (shift_b_id, member_b_id, member_a_id)):
            Shift.update(leader=new, updated_at=datetime.now()).where(
                Shift.id == shift_id, Shift.leader == old).execute()
        swap_a = Swap.create(shift=shift_a_id, from_member=member_a_id, to_member=member_b_id, reason=text,
                             recorded_by=_operator())
        swap_b = Swap.create(shift=shift_b_id, from_member=member_b_id, to_member=member_a_id, reason=text,
                             recorded_by=_operator())
        audit.record("换班", "swap", swap_a.uuid, "两名队员互换班次")
        audit.record("换班", "swap", swap_b.uuid, "两名队员互换班次")
    return swap_a


@requires(EDIT)
def substitute(assignment_id: int, member_id: int, reason: str = "", force_warnings: bool = False) -> Swap:
    """替班: another member takes this assignment's place (one-sided swap), kept as a Swap row."""
    text = _check_reason(reason)
    with db.atomic():
        assignment = _planned_assignment(assignment_id)
        old = assignment.member_id
        if old == member_id:
            raise ScheduleError(QT_TRANSLATE_NOOP("Messages", "请选择另一名队员"))
        problems = [p for p in check_assignment(assignment.shift_id, member_id, ignoring=[assignment_id])
                    if p.code != "full"]
        _refuse_unless_allowed(problems, force_warnings)
        Assignment.update(member=member_id, locked=True, reason="替班", updated_at=datetime.now()).where(
            Assignment.id == assignment_id).execute()
        Shift.update(leader=member_id, updated_at=datetime.now()).where(
            Shift.id == assignment.shift_id, Shift.leader == old).execute()
        swap = Swap.create(shift=assignment.shift_id, from_member=old, to_member=member_id, reason=text,
                           recorded_by=_operator())
        audit.record("替班", "swap", swap.uuid, "队员替班")
    return swap


@requires(EDIT)
def lock(assignment_id: int, locked: bool) -> None:
    """A locked assignment is kept by the auto-scheduler."""
    with db.atomic():
        assignment = Assignment.get_or_none(Assignment.id == assignment_id)
        if assignment is None:
            raise ScheduleError(QT_TRANSLATE_NOOP("Messages", "该安排不存在"))
        Assignment.update(locked=locked, updated_at=datetime.now()).where(Assignment.id == assignment_id).execute()
        audit.record("锁定" if locked else "解锁", "assignment", assignment.uuid,
                     "锁定排班" if locked else "解除排班锁定")


@dataclass(frozen=True)
class SwapRow:
    id: int
    shift_id: int
    date: date
    post_name: str
    time_text: str
    from_member: str
    to_member: str
    reason: str
    recorded_by: str
    recorded_at: datetime


def list_swaps(date_from: date, date_to: date) -> list[SwapRow]:
    """The 换班/替班 records of shifts in the period, newest first."""
    From, To = Member.alias(), Member.alias()
    query = (
        Swap.select(Swap.id, Shift.id, Shift.date, DutyPost.name, Shift.start, Shift.end, From.name, To.name,
                    Swap.reason, Swap.recorded_by, Swap.created_at)
        .join(Shift, on=(Swap.shift == Shift.id))
        .join(DutyPost, on=(Shift.post == DutyPost.id))
        .switch(Swap)
        .join(From, on=(Swap.from_member == From.id))
        .switch(Swap)
        .join(To, on=(Swap.to_member == To.id))
        .where(Shift.date.between(date_from, date_to))
        .order_by(Swap.created_at.desc(), Swap.id.desc())
        .tuples()
    )
    return [SwapRow(sid, shift_id, day, post, format_time_range(s, e), a, b, reason, by, at)
            for sid, shift_id, day, post, s, e, a, b, reason, by, at in query]
