"""The check of a manual assignment: what would be wrong with putting this member on this shift.

`check_assignment` loads the facts about one shift and one member (`shift_facts`, `_member_facts`: the
member's leave, qualifications and the shifts near this one) and `problems_for` asks each rule of `rules`
about them: refusals first, then the warnings the user may confirm with `force_warnings=True`. Which rules
refuse and which warn is described in `rules`. `candidates` does the same for every active member at once,
for the assign dialog.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from typing import NamedTuple

from ...db.models import Assignment, DutyPost, Leave, Member, Qualification, Shift
from ...domain.dates import format_date
from ...domain.i18n import QT_TRANSLATE_NOOP
from ...domain.vocabulary import ACTIVE, ON_LEAVE
from ..roster.members import split_skills
from . import rules
from .errors import ScheduleError
from .posts import format_time_range
from .rules import REFUSE, Period, Problem, skill_periods
from .settings import max_shifts_per_week, min_rest_hours
from .shift_times import days_touched, interval, iso_week_key

_Day = date  # (inside the classes below `date` is a field)


class ShiftFacts(NamedTuple):
    """A shift as the checks see it. A tuple: a batch makes a copy for each member it adds (`with_filled`),
    about a million for a prefecture's demo roster, so each is small and quick to make. Made by `of`, which
    works out the times once."""

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
    bounds: tuple[int, int]  # absolute minutes (shift_times.interval)
    touched: tuple[_Day, ...]  # the day, and the next for an overnight shift
    week: tuple[int, int]  # ISO year and week

    @classmethod
    def of(cls, id: int, post_id: int, post_name: str, kind: str, required_skill: str, post_team_id: int | None,
           needs_leader: bool, day: _Day, start: time, end: time, headcount: int, filled: int) -> ShiftFacts:
        return cls(id, post_id, post_name, kind, required_skill, post_team_id, needs_leader, day, start, end,
                   headcount, filled, interval(day, start, end), tuple(days_touched(day, start, end)),
                   iso_week_key(day))

    def with_filled(self, filled: int) -> ShiftFacts:
        """The same shift with `filled` members on it."""
        return tuple.__new__(ShiftFacts, (*self[:_FILLED], filled, *self[_FILLED + 1:]))


_FILLED = ShiftFacts._fields.index("filled")


class BusyShift(NamedTuple):
    """One of a member's other shifts, as the checks compare it with the one asked about (a tuple: a batch
    keeps one for every assignment of the period)."""

    assignment_id: int
    shift_id: int
    post_name: str
    date: date
    start: time
    end: time
    bounds: tuple[int, int]
    week: tuple[int, int]

    @classmethod
    def of(cls, assignment_id: int, shift_id: int, post_name: str, day: _Day, start: time, end: time) -> BusyShift:
        return cls(assignment_id, shift_id, post_name, day, start, end, interval(day, start, end), iso_week_key(day))

    @property
    def text(self) -> str:
        return f"{self.post_name} {format_date(self.date)} {format_time_range(self.start, self.end)}"

    @classmethod
    def on(cls, shift: ShiftFacts, assignment_id: int) -> BusyShift:
        """The shift as one of a member's busy shifts, its times taken over as the shift worked them out."""
        return tuple.__new__(cls, (assignment_id, shift.id, shift.post_name, shift.date, shift.start, shift.end,
                                   shift.bounds, shift.week))


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
        raise ScheduleError(QT_TRANSLATE_NOOP("Messages", "班次不存在"))
    filled = Assignment.select().where(Assignment.shift == shift_id, Assignment.status != ON_LEAVE).count()
    sid, post_id, name, kind, skill, team, needs_leader, day, start, end, headcount = row
    return ShiftFacts.of(sid, post_id, name, kind, skill, team, bool(needs_leader), day, start, end, headcount,
                         filled)


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
            facts[mid].busy.append(BusyShift.of(aid, sid, post_name, day, start, end))
    return list(facts.values())


def problems_for(shift: ShiftFacts, member: MemberFacts, max_per_week: int, min_rest: float,
                 ignoring: Iterable[int] = ()) -> list[Problem]:
    """Every rule this member on this shift would break; refusals first. `ignoring`: assignment ids to
    leave out (the one being moved or swapped away)."""
    # asked about a million times for a prefecture's demo roster: one pass over the member's other shifts,
    # and a rule's None (nothing wrong) not kept
    if ignoring:
        ignored = set(ignoring)
        busy = [b for b in member.busy if b.assignment_id not in ignored]
    else:
        busy = member.busy
    out = rules.standing_problems(member.status, member.deleted)
    found = rules.joined_problem(member.join_date, shift.date)
    if found is not None:
        out.append(found)
    shift_id = shift.id
    others = [b for b in busy if b.shift_id != shift_id]
    duplicate = len(others) != len(busy)
    if duplicate:
        out.append(rules.DUPLICATE)
    touched = shift.touched
    found = rules.leave_problem(member.leaves, touched[0], touched[-1])
    if found is not None:
        out.append(found)
    if shift.required_skill:
        found = rules.qualification_problem(shift.required_skill, member.skill_periods, shift.date)
        if found is not None:
            out.append(found)
    in_week = 0
    rested: list[Problem] = []
    if others:
        s, e = shift.bounds
        week = shift.week
        rest = rules.rest_minutes(min_rest)
        for b in others:
            bs, be = b.bounds
            if rules.overlaps(s, e, bs, be):
                out.append(rules.overlap_problem(b.text))
            elif rules.too_little_rest(s, e, bs, be, rest):
                rested.append(rules.rest_problem(b.text, rules.rest_between(s, e, bs, be), min_rest))
            if b.week == week:
                in_week += 1
    found = rules.insurance_problem(member.insurance_expires_on, shift.kind, touched[-1])
    if found is not None:
        out.append(found)
    found = rules.weekly_problem(in_week, max_per_week)
    if found is not None:
        out.append(found)
    out.extend(rested)
    if not duplicate:
        found = rules.full_problem(shift.headcount, shift.filled)
        if found is not None:
            out.append(found)
    if len(out) > 1:
        out.sort(key=lambda p: p.level != REFUSE)
    return out


def check_assignment(shift_id: int, member_id: int, ignoring: Iterable[int] = ()) -> list[Problem]:
    """What would be wrong with putting this member on this shift (empty list: nothing)."""
    shift = shift_facts(shift_id)
    facts = _member_facts(shift, [member_id])
    if not facts:
        raise ScheduleError(QT_TRANSLATE_NOOP("Messages", "队员不存在"))
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
