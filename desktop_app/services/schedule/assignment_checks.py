"""The checks of a manual assignment: what would be wrong with putting this member on this shift.

Rules a manual change is checked against (`check_assignment`), each a `Problem` with a Chinese message:

refused (`REFUSE`)
  - the member is deleted, not 在队, joined after the shift's day, or already on this shift;
  - on leave on a day the shift touches (an overnight shift touches two days);
  - overlapping another of the member's shifts (touching ends are not an overlap);
  - lacking the post's required skill on the shift's day (the qualification rule of `duty_rules`);
  - insurance not valid on the last day the shift touches (no expiry date recorded = not insured), for the
    risky kinds (巡逻 / 交通劝导 / 救援待命, 志愿服务条例 Art. 17).
warned (`WARN`, the user may confirm with `force_warnings=True`)
  - insurance not valid for the other kinds;
  - more than the weekly maximum of shifts in the shift's ISO week (setting "schedule.max_shifts_per_week");
  - less than the minimum rest between the end of one shift and the start of the next
    (setting "schedule.min_rest_hours");
  - the shift is already fully staffed.

Assignments with status 请假 neither fill a shift nor count against the member's time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from ...db.models import Assignment, DutyPost, Leave, Member, Qualification, Shift
from ...domain.dates import format_date
from ...domain.vocabulary import ACTIVE, ON_LEAVE
from ..roster.members import split_skills
from .duty_rules import REFUSE, WARN, Period, Problem, insurance_problem, skill_periods, skill_problem
from .errors import ScheduleError
from .posts import format_time_range
from .settings import max_shifts_per_week, min_rest_hours
from .shift_times import days_touched, interval, iso_week_key


@dataclass(frozen=True)
class ShiftFacts:
    id: int
    post_id: int
    post_name: str
    kind: str
    required_skill: str
    post_team_id: int | None
    needs_leader: bool
    date: date
    start: time
    end: time
    headcount: int
    filled: int  # members on it now (status other than 请假)

    @property
    def bounds(self) -> tuple[int, int]:
        return interval(self.date, self.start, self.end)


@dataclass(frozen=True)
class BusyShift:
    assignment_id: int
    shift_id: int
    post_name: str
    date: date
    start: time
    end: time

    @property
    def bounds(self) -> tuple[int, int]:
        return interval(self.date, self.start, self.end)

    @property
    def text(self) -> str:
        return f"{self.post_name} {format_date(self.date)} {format_time_range(self.start, self.end)}"


@dataclass
class MemberFacts:
    id: int
    name: str
    status: str
    deleted: bool
    team_id: int | None
    join_date: date | None
    insurance_expires_on: date | None
    skills: str
    skill_periods: tuple[Period, ...] = ()
    leaves: list[tuple[date, date, str]] = field(default_factory=list)
    busy: list[BusyShift] = field(default_factory=list)  # other shifts near this one (status other than 请假)


def shift_facts(shift_id: int) -> ShiftFacts:
    row = (
        Shift.select(Shift.id, Shift.post, DutyPost.name, DutyPost.kind, DutyPost.required_skill, DutyPost.team,
                     DutyPost.needs_leader, Shift.date, Shift.start, Shift.end, Shift.headcount)
        .join(DutyPost, on=(Shift.post == DutyPost.id))
        .where(Shift.id == shift_id)
        .tuples()
        .first()
    )
    if row is None:
        raise ScheduleError("班次不存在")
    filled = Assignment.select().where(Assignment.shift == shift_id, Assignment.status != ON_LEAVE).count()
    sid, post_id, name, kind, skill, team, needs_leader, day, start, end, headcount = row
    return ShiftFacts(sid, post_id, name, kind, skill, team, bool(needs_leader), day, start, end, headcount, filled)


def _member_facts(shift: ShiftFacts, member_ids: Sequence[int] | None = None,
                  team_id: int | None = None) -> list[MemberFacts]:
    """The facts the checks need about these members (or every active member, of `team_id` if given),
    in five queries whatever their number."""
    query = Member.select(Member.id, Member.name, Member.status, Member.deleted_at, Member.team, Member.join_date,
                          Member.insurance_expires_on, Member.skills)
    if member_ids is not None:
        query = query.where(Member.id.in_(list(member_ids)))
    else:
        query = query.where(Member.deleted_at.is_null(), Member.status == ACTIVE)
        if team_id is not None:
            query = query.where(Member.team == team_id)
    facts = {
        mid: MemberFacts(mid, name, status, deleted is not None, team, join, insurance, skills or "")
        for mid, name, status, deleted, team, join, insurance, skills in query.order_by(Member.id).tuples()
    }
    if not facts:
        return []
    ids = list(facts)

    def id_filter(column):  # every member's rows are read when all active members are asked for
        return column.in_(ids) if member_ids is not None else column.is_null(False)

    touched = days_touched(shift.date, shift.start, shift.end)
    for mid, start, end, reason in Leave.select(Leave.member, Leave.from_date, Leave.to_date, Leave.reason).where(
            id_filter(Leave.member), Leave.from_date <= touched[-1], Leave.to_date >= touched[0]).tuples():
        if mid in facts:
            facts[mid].leaves.append((start, end, reason))
    if shift.required_skill:
        periods: dict[int, list[Period]] = {}
        for mid, granted, expires in Qualification.select(
                Qualification.member, Qualification.granted_on, Qualification.expires_on).where(
                id_filter(Qualification.member), Qualification.skill == shift.required_skill).tuples():
            periods.setdefault(mid, []).append((granted, expires))
        for m in facts.values():
            m.skill_periods = skill_periods(periods.get(m.id, []), shift.required_skill in split_skills(m.skills))
    # the ISO week of the shift, and a day either side for overlaps, rest and overnight shifts
    monday = shift.date - timedelta(days=shift.date.weekday())
    window = (min(monday, shift.date - timedelta(days=2)), max(monday + timedelta(days=6), shift.date + timedelta(days=2)))
    busy = (
        Assignment.select(Assignment.member, Assignment.id, Shift.id, DutyPost.name, Shift.date, Shift.start, Shift.end)
        .join(Shift, on=(Assignment.shift == Shift.id))
        .join(DutyPost, on=(Shift.post == DutyPost.id))
        .where(id_filter(Assignment.member), Shift.date.between(*window), Assignment.status != ON_LEAVE)
        .order_by(Shift.date, Shift.start, Assignment.id)
        .tuples()
    )
    for mid, aid, sid, post_name, day, start, end in busy:
        if mid in facts:
            facts[mid].busy.append(BusyShift(aid, sid, post_name, day, start, end))
    return list(facts.values())


def problems_for(shift: ShiftFacts, member: MemberFacts, max_per_week: int, min_rest: float,
                 ignoring: Iterable[int] = ()) -> list[Problem]:
    """Every rule this member on this shift would break; refusals first. `ignoring`: assignment ids to
    leave out (the one being moved or swapped away)."""
    ignored = set(ignoring)
    out: list[Problem] = []
    if member.deleted:
        out.append(Problem(REFUSE, "deleted", "该队员已删除"))
    if member.status != ACTIVE:
        out.append(Problem(REFUSE, "status", f"队员状态为“{member.status}”，只有“在队”的队员可以排班"))
    if member.join_date and member.join_date > shift.date:
        out.append(Problem(REFUSE, "joined", f"{format_date(member.join_date)}才入队"))
    busy = [b for b in member.busy if b.assignment_id not in ignored]
    if any(b.shift_id == shift.id for b in busy):
        out.append(Problem(REFUSE, "duplicate", "已安排在本班次"))
    touched = days_touched(shift.date, shift.start, shift.end)
    for start, end, reason in member.leaves:
        if start <= touched[-1] and end >= touched[0]:
            why = f"：{reason}" if reason else ""
            out.append(Problem(REFUSE, "leave", f"当日请假（{format_date(start)}至{format_date(end)}{why}）"))
            break
    if shift.required_skill:
        message = skill_problem(shift.required_skill, member.skill_periods, shift.date)
        if message:
            out.append(Problem(REFUSE, "skill", message))
    insurance = insurance_problem(member.insurance_expires_on, shift.kind, touched[-1])
    s, e = shift.bounds
    rest = int(round(min_rest * 60))
    others = [b for b in busy if b.shift_id != shift.id]
    for b in others:
        bs, be = b.bounds
        if bs < e and s < be:
            out.append(Problem(REFUSE, "overlap", f"与已排的“{b.text}”时间冲突"))
    if insurance:
        out.append(insurance)
    week = iso_week_key(shift.date)
    in_week = sum(1 for b in others if iso_week_key(b.date) == week)
    if in_week + 1 > max_per_week:
        out.append(Problem(WARN, "weekly", f"本周已排 {in_week} 班，再排将超过每周上限 {max_per_week} 班"))
    for b in others:
        bs, be = b.bounds
        if bs < e and s < be:
            continue
        gap = s - be if be <= s else bs - e
        if gap < rest:
            out.append(Problem(WARN, "rest", f"与“{b.text}”间隔仅 {gap / 60:.1f} 小时，"
                                             f"少于最少休息 {min_rest:g} 小时"))
    if shift.filled >= shift.headcount and not any(p.code == "duplicate" for p in out):
        out.append(Problem(WARN, "full", f"本班次已满员（{shift.filled}/{shift.headcount}人）"))
    out.sort(key=lambda p: p.level != REFUSE)
    return out


def check_assignment(shift_id: int, member_id: int, ignoring: Iterable[int] = ()) -> list[Problem]:
    """What would be wrong with putting this member on this shift (empty list: nothing)."""
    shift = shift_facts(shift_id)
    facts = _member_facts(shift, [member_id])
    if not facts:
        raise ScheduleError("队员不存在")
    return problems_for(shift, facts[0], max_shifts_per_week(), min_rest_hours(), ignoring)


@dataclass(frozen=True)
class Candidate:
    member_id: int
    name: str
    team_id: int | None
    own_team: bool
    shifts_this_week: int
    problems: tuple[Problem, ...]

    @property
    def refused(self) -> bool:
        return any(p.level == REFUSE for p in self.problems)


def candidates(shift_id: int, team_id: int | None = None) -> list[Candidate]:
    """Every active member (of `team_id` if given) with what would be wrong with putting them on the shift,
    for the assign dialog: those who may be assigned first, then own team, fewer shifts this week, id."""
    shift = shift_facts(shift_id)
    max_week, rest = max_shifts_per_week(), min_rest_hours()
    week = iso_week_key(shift.date)
    out = []
    for m in _member_facts(shift, team_id=team_id):
        problems = problems_for(shift, m, max_week, rest)
        in_week = sum(1 for b in m.busy if iso_week_key(b.date) == week and b.shift_id != shift.id)
        own = shift.post_team_id is not None and m.team_id == shift.post_team_id
        out.append(Candidate(m.id, m.name, m.team_id, own, in_week, tuple(problems)))
    out.sort(key=lambda c: (c.refused, len(c.problems), not c.own_team, c.shifts_this_week, c.member_id))
    return out
