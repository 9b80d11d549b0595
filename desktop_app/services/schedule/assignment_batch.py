"""Staffing many shifts at once (copying a roster in, an import, the demo data): each assignment is checked
exactly as `assignments.assign` checks one — `assignment_checks.problems_for` on the same facts, refused on
a broken rule, and on a warning unless `force_warnings` — and all are written in one transaction by `save`,
the 带班 leaders kept or chosen as `assignments.refresh_leader` does, with one audit entry for the batch.

The facts (the period's shifts, the members, their leave and qualifications, the assignments already on
the roster around the period) are read once when the batch starts; each assignment added counts for the
checks that follow, as a saved one would.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from ...db.database import db
from ...db.models import Assignment, DutyPost, Leave, Member, Qualification, Shift, Team
from ...domain.dates import format_date
from .. import audit
from ..bulk import insert_rows, update_rows
from ..roster.members import split_skills
from .assignment_checks import BusyShift, MemberFacts, ShiftFacts, problems_for
from .assignments import _refuse_unless_allowed, leader_after_change
from .duty_rules import ON_LEAVE_STATUS, PLANNED, LeaderCandidate, Period, Problem, skill_periods
from .errors import ScheduleError
from .settings import max_shifts_per_week, min_rest_hours

_MARGIN = timedelta(days=8)  # the checks look at the shift's ISO week and two days either side


class AssignmentBatch:
    def __init__(self, date_from: date, date_to: date, force_warnings: bool = False) -> None:
        if date_to < date_from:
            raise ScheduleError("结束日期不能早于开始日期")
        self.date_from, self.date_to = date_from, date_to
        self.force_warnings = force_warnings
        self.max_week, self.min_rest = max_shifts_per_week(), min_rest_hours()
        self._shifts: dict[int, ShiftFacts] = {}
        self._leaders: dict[int, int | None] = {}
        rows = (Shift.select(Shift.id, Shift.post, DutyPost.name, DutyPost.kind, DutyPost.required_skill,
                             DutyPost.team, DutyPost.needs_leader, Shift.date, Shift.start, Shift.end,
                             Shift.headcount, Shift.leader)
                .join(DutyPost, on=(Shift.post == DutyPost.id))
                .where(Shift.date.between(date_from, date_to))
                .order_by(Shift.date, Shift.start, Shift.post, Shift.id).tuples())
        for sid, post_id, name, kind, skill, team, needs_leader, day, start, end, headcount, leader in rows:
            self._shifts[sid] = ShiftFacts(sid, post_id, name, kind, skill or "", team, bool(needs_leader), day,
                                           start, end, headcount, 0)
            self._leaders[sid] = leader
        self._members = {
            mid: MemberFacts(mid, name, status, deleted is not None, team, join, insurance, skills or "")
            for mid, name, status, deleted, team, join, insurance, skills in Member.select(
                Member.id, Member.name, Member.status, Member.deleted_at, Member.team, Member.join_date,
                Member.insurance_expires_on, Member.skills).tuples()
        }
        for mid, start, end, reason in Leave.select(Leave.member, Leave.from_date, Leave.to_date, Leave.reason).where(
                Leave.from_date <= date_to + timedelta(days=1), Leave.to_date >= date_from - timedelta(days=1)).tuples():
            self._members[mid].leaves.append((start, end, reason))
        skills = sorted({s.required_skill for s in self._shifts.values() if s.required_skill})
        self._qualifications: dict[tuple[int, str], list[Period]] = {}
        if skills:
            for mid, skill, granted, expires in Qualification.select(
                    Qualification.member, Qualification.skill, Qualification.granted_on,
                    Qualification.expires_on).where(Qualification.skill.in_(skills)).tuples():
                self._qualifications.setdefault((mid, skill), []).append((granted, expires))
        self._periods: dict[tuple[int, str], tuple[Period, ...]] = {}
        self._busy: dict[int, dict[int, list[BusyShift]]] = {}  # member → day ordinal → shifts
        self._crew: dict[int, list[int]] = {}  # shift of the period → members on it (not 请假)
        rows = (Assignment.select(Assignment.member, Assignment.id, Shift.id, DutyPost.name, Shift.date, Shift.start,
                                  Shift.end)
                .join(Shift, on=(Assignment.shift == Shift.id))
                .join(DutyPost, on=(Shift.post == DutyPost.id))
                .where(Shift.date.between(date_from - _MARGIN, date_to + _MARGIN),
                       Assignment.status != ON_LEAVE_STATUS)
                .order_by(Shift.date, Shift.start, Assignment.id).tuples())
        for mid, aid, sid, post_name, day, start, end in rows:
            self._book(mid, BusyShift(aid, sid, post_name, day, start, end))
        self._added: list[tuple[int, int, bool, str]] = []
        self._next_assignment = -1  # ids of assignments not saved yet

    @property
    def shifts(self) -> list[ShiftFacts]:
        """The period's shifts in (date, start, post) order, with how many members are on each now."""
        return [replace(s, filled=len(self._crew.get(s.id, ()))) for s in self._shifts.values()]

    def _book(self, member_id: int, busy: BusyShift) -> None:
        self._busy.setdefault(member_id, {}).setdefault(busy.date.toordinal(), []).append(busy)
        if busy.shift_id in self._shifts:
            self._crew.setdefault(busy.shift_id, []).append(member_id)

    def _facts(self, shift_id: int, member_id: int) -> tuple[ShiftFacts, MemberFacts]:
        shift = self._shifts.get(shift_id)
        if shift is None:
            raise ScheduleError("班次不存在或不在本批次的日期范围内")
        member = self._members.get(member_id)
        if member is None:
            raise ScheduleError("队员不存在")
        if shift.required_skill:
            key = (member_id, shift.required_skill)
            if key not in self._periods:
                self._periods[key] = skill_periods(self._qualifications.get(key, []),
                                                   shift.required_skill in split_skills(member.skills))
            member.skill_periods = self._periods[key]
        # the same window of other shifts `assignment_checks` reads: the ISO week and two days either side
        monday = shift.date - timedelta(days=shift.date.weekday())
        first = min(monday, shift.date - timedelta(days=2)).toordinal()
        last = max(monday + timedelta(days=6), shift.date + timedelta(days=2)).toordinal()
        days = self._busy.get(member_id, {})
        member.busy = [b for o in range(first, last + 1) for b in days.get(o, ())]
        return replace(shift, filled=len(self._crew.get(shift_id, ()))), member

    def check(self, shift_id: int, member_id: int) -> list[Problem]:
        """What would be wrong with putting this member on this shift now (empty list: nothing)."""
        shift, member = self._facts(shift_id, member_id)
        return problems_for(shift, member, self.max_week, self.min_rest)

    def add(self, shift_id: int, member_id: int, reason: str = "批量安排", locked: bool = False) -> None:
        """Put the member on the shift in this batch; `AssignmentRefused` as `assign` would refuse it."""
        _refuse_unless_allowed(self.check(shift_id, member_id), self.force_warnings)
        shift = self._shifts[shift_id]
        self._book(member_id, BusyShift(self._next_assignment, shift_id, shift.post_name, shift.date, shift.start,
                                        shift.end))
        self._next_assignment -= 1
        self._added.append((shift_id, member_id, locked, reason))

    def save(self) -> int:
        """Write the batch in one transaction; returns how many assignments were added."""
        with db.atomic():
            insert_rows(Assignment, ("shift", "member", "status", "locked", "reason"),
                        [(sid, mid, PLANNED, locked, reason) for sid, mid, locked, reason in self._added])
            touched = sorted({sid for sid, _m, _l, _r in self._added})
            team_leaders = dict(Team.select(Team.id, Team.leader).tuples())
            changes = []
            for sid in touched:
                shift = self._shifts[sid]
                crew = [LeaderCandidate(mid, self._members[mid].team_id, self._members[mid].join_date)
                        for mid in self._crew.get(sid, ())]
                team = shift.post_team_id
                leader = leader_after_change(self._leaders[sid], crew, shift.needs_leader, team,
                                             team_leaders.get(team) if team else None)
                if leader != self._leaders[sid]:
                    changes.append((leader, sid))
                    self._leaders[sid] = leader
            update_rows(Shift, ("leader",), changes)
            if self._added:
                audit.record("排班", "assignment", "",
                             f"批量排班 {format_date(self.date_from)}至{format_date(self.date_to)}："
                             f"班次 {len(touched)} 个，安排 {len(self._added)} 人次")
            count = len(self._added)
            self._added = []
        return count
