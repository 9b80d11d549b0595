"""Staffing many shifts at once (copying a roster in, an import, the demo data): each assignment is checked
exactly as `assignments.assign` checks one — `assignment_checks.problems_for` on the same facts, refused on
a broken rule, and on a warning unless `force_warnings` — and all are written in one transaction by `save`,
the 带班 leaders kept or chosen as `assignments.refresh_leader` does, with one audit entry for the batch.
The attendance of shifts staffed in the batch may be given too (`record_attendance`, checked by
`attendance.attendance_values` as `attendance.record_attendance` checks it) and is stored with them.

The facts (the period's shifts, the members, their leave and qualifications, the assignments already on
the roster around the period) are read once when the batch starts; each assignment added counts for the
checks that follow, as a saved one would.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from ...db.database import db
from ...db.models import Assignment, DutyPost, Leave, Member, Qualification, Shift, Team
from ...domain.dates import format_date
from ...domain.errors import FieldError
from ...domain.i18n import QT_TRANSLATE_NOOP
from ...domain.vocabulary import ON_LEAVE, PLANNED
from .. import audit
from ..accounts.roles import EDIT, requires
from ..roster.members import split_skills
from ..storage.bulk import ValueReader, insert_rows, raw_rows, update_rows
from . import rules
from .assignment_checks import BusyShift, MemberFacts, ShiftFacts, problems_for
from .assignments import _refuse_unless_allowed, clean_reason, leader_after_change
from .attendance import AttendanceInvalid, attendance_values
from .errors import AssignmentRefused, ScheduleError
from .rules import LeaderCandidate, Period, Problem, skill_periods
from .settings import max_shifts_per_week, min_rest_hours
from .shift_times import shift_datetimes

_MARGIN = timedelta(days=8)  # the checks look at the shift's ISO week and two days either side


class _Names(Mapping[int, str]):
    """The crew's names, for the messages of attendance that cannot be stored (looked up only then)."""

    def __init__(self, members: Mapping[int, MemberFacts], crew: Mapping[int, object]) -> None:
        self.members, self.crew = members, crew

    def __getitem__(self, member_id: int) -> str:
        if member_id not in self.crew:
            raise KeyError(member_id)
        return self.members[member_id].name

    def __iter__(self) -> Iterator[int]:
        return iter(self.crew)

    def __len__(self) -> int:
        return len(self.crew)


class AssignmentBatch:
    def __init__(self, date_from: date, date_to: date, force_warnings: bool = False) -> None:
        if date_to < date_from:
            raise ScheduleError(QT_TRANSLATE_NOOP("Messages", "结束日期不能早于开始日期"))
        self.date_from, self.date_to = date_from, date_to
        self.force_warnings = force_warnings
        self.max_week, self.min_rest = max_shifts_per_week(), min_rest_hours()
        read = ValueReader()
        self._shifts: dict[int, ShiftFacts] = {}
        self._leaders: dict[int, int | None] = {}
        query = (Shift.select(Shift.id, Shift.post, DutyPost.name, DutyPost.kind, DutyPost.required_skill,
                              DutyPost.team, DutyPost.needs_leader, Shift.date, Shift.start, Shift.end,
                              Shift.headcount, Shift.leader)
                 .join(DutyPost, on=(Shift.post == DutyPost.id))
                 .where(Shift.date.between(date_from, date_to))
                 .order_by(Shift.date, Shift.start, Shift.post, Shift.id))
        for sid, post_id, name, kind, skill, team, needs_leader, day, start, end, headcount, leader in raw_rows(query):
            self._shifts[sid] = ShiftFacts.of(sid, post_id, name, kind, skill or "", team, bool(needs_leader),
                                           read.day(day), read.time(start), read.time(end), headcount, 0)
            self._leaders[sid] = leader
        query = Member.select(Member.id, Member.name, Member.status, Member.deleted_at, Member.team, Member.join_date,
                              Member.insurance_expires_on, Member.skills)
        self._members = {
            mid: MemberFacts(mid, name, status, deleted is not None, team, read.date(join), read.date(insurance),
                             skills or "")
            for mid, name, status, deleted, team, join, insurance, skills in raw_rows(query)
        }
        query = Leave.select(Leave.member, Leave.from_date, Leave.to_date, Leave.reason).where(
            Leave.from_date <= date_to + timedelta(days=1), Leave.to_date >= date_from - timedelta(days=1))
        for mid, start, end, reason in raw_rows(query):
            self._members[mid].leaves.append((read.day(start), read.day(end), reason))
        skills = sorted({s.required_skill for s in self._shifts.values() if s.required_skill})
        self._qualifications: dict[tuple[int, str], list[Period]] = {}
        if skills:
            query = Qualification.select(Qualification.member, Qualification.skill, Qualification.granted_on,
                                         Qualification.expires_on).where(Qualification.skill.in_(skills))
            for mid, skill, granted, expires in raw_rows(query):
                self._qualifications.setdefault((mid, skill), []).append((read.date(granted), read.date(expires)))
        self._periods: dict[tuple[int, str], tuple[Period, ...]] = {}
        # member → their shifts by day (ordinal), and those days in the same order, for bisection
        self._busy: dict[int, list[BusyShift]] = {}
        self._busy_days: dict[int, list[int]] = {}
        self._crew: dict[int, list[int]] = {}  # shift of the period → members on it (not 请假)
        self._saved_on: set[int] = set()  # shifts of the period with saved assignments
        query = (Assignment.select(Assignment.member, Assignment.id, Shift.id, DutyPost.name, Shift.date, Shift.start,
                                   Shift.end)
                 .join(Shift, on=(Assignment.shift == Shift.id))
                 .join(DutyPost, on=(Shift.post == DutyPost.id))
                 .where(Shift.date.between(date_from - _MARGIN, date_to + _MARGIN),
                        Assignment.status != ON_LEAVE)
                 .order_by(Shift.date, Shift.start, Assignment.id))
        for mid, aid, sid, post_name, day, start, end in raw_rows(query):
            self._book(mid, BusyShift.of(aid, sid, post_name, read.day(day), read.time(start), read.time(end)))
            self._saved_on.add(sid)
        self._now = {sid: self._with_filled(s) if sid in self._crew else s for sid, s in self._shifts.items()}
        self._stale: set[int] = set()  # shifts in `_now` with a member added since (brought up to date when asked)
        self._windows: dict[date, tuple[int, int]] = {}
        # shift → the assignments added to it: [member, locked, reason, status, actual start, actual end, hours]
        self._added: dict[int, list[list[Any]]] = {}
        self._count = 0
        self._excused: set[tuple[int, int]] = set()  # (shift, member) added in the batch and marked 请假
        self._next_assignment = -1  # ids of the assignments not saved yet

    @property
    def shifts(self) -> list[ShiftFacts]:
        """The period's shifts in (date, start, post) order, with how many members are on each now."""
        for shift_id in list(self._stale):
            self._current(shift_id)
        return list(self._now.values())

    def _current(self, shift_id: int) -> ShiftFacts:
        """The shift with the members on it now; `ScheduleError` when it is not one of the period's."""
        if shift_id in self._stale:
            self._stale.discard(shift_id)
            self._now[shift_id] = self._with_filled(self._now[shift_id])
        shift = self._now.get(shift_id)
        if shift is None:
            raise ScheduleError(QT_TRANSLATE_NOOP("Messages", "班次不存在或不在本批次的日期范围内"))
        return shift

    def _with_filled(self, shift: ShiftFacts) -> ShiftFacts:
        return shift.with_filled(len(self._crew.get(shift.id, ())))

    def _book(self, member_id: int, busy: BusyShift) -> None:
        """The member on the shift, after their other shifts of the same day."""
        shifts = self._busy.get(member_id)
        if shifts is None:
            shifts, days = self._busy[member_id], self._busy_days[member_id] = [], []
        else:
            days = self._busy_days[member_id]
        day = busy.date.toordinal()
        at = bisect_right(days, day)
        shifts.insert(at, busy)
        days.insert(at, day)
        if busy.shift_id in self._shifts:
            crew = self._crew.get(busy.shift_id)
            if crew is None:
                self._crew[busy.shift_id] = [member_id]
            else:
                crew.append(member_id)

    def _window(self, day: date) -> tuple[int, int]:
        """The days of other shifts `assignment_checks` reads: the ISO week and two days either side."""
        found = self._windows.get(day)
        if found is None:
            monday = day - timedelta(days=day.weekday())
            found = self._windows[day] = (min(monday, day - timedelta(days=2)).toordinal(),
                                          max(monday + timedelta(days=6), day + timedelta(days=2)).toordinal())
        return found

    def check(self, shift_id: int, member_id: int) -> list[Problem]:
        """What would be wrong with putting this member on this shift now (empty list: nothing)."""
        shift = self._current(shift_id)
        return self._problems(shift, member_id)

    def _problems(self, shift: ShiftFacts, member_id: int) -> list[Problem]:
        member = self._members.get(member_id)
        if member is None:
            raise ScheduleError(QT_TRANSLATE_NOOP("Messages", "队员不存在"))
        skill = shift.required_skill
        if skill:
            key = (member_id, skill)
            periods = self._periods.get(key)
            if periods is None:
                periods = self._periods[key] = skill_periods(
                    self._qualifications.get(key, []), skill in split_skills(member.skills))
            member.skill_periods = periods
        days = self._busy_days.get(member_id)
        if days:
            first, last = self._window(shift.date)
            member.busy = self._busy[member_id][bisect_left(days, first):bisect_right(days, last)]
        else:
            member.busy = []
        return problems_for(shift, member, self.max_week, self.min_rest)

    def add(self, shift_id: int, member_id: int, reason: str = "批量安排", locked: bool = False) -> None:
        """Put the member on the shift in this batch; `AssignmentRefused` as `assign` would refuse it."""
        shift = self._current(shift_id)
        problems = self._try(shift, member_id, clean_reason(reason), locked)
        if problems:
            raise AssignmentRefused(problems)

    def fill(self, shift_id: int, candidates: Iterable[int], want: int, reason: str = "批量安排",
             locked: bool = False) -> list[int]:
        """Put on the shift the first `want` of `candidates` that `add` would take (the others are passed
        over, nothing raised); returns the members put on it."""
        shift = self._current(shift_id)
        taken: list[int] = []
        if want <= 0:
            return taken
        reason = clean_reason(reason)
        for member_id in candidates:
            if not self._try(shift, member_id, reason, locked):
                taken.append(member_id)
                if len(taken) >= want:
                    break
                shift = self._current(shift_id)  # the next one is checked with this one on it
        return taken

    def _try(self, shift: ShiftFacts, member_id: int, reason: str, locked: bool) -> list[Problem]:
        """Add the member when the checks allow it; the problems that stopped it otherwise."""
        # on it already, marked 请假: the checks no longer see it
        if self._excused and (shift.id, member_id) in self._excused:
            return [rules.DUPLICATE]
        problems = self._problems(shift, member_id)
        if problems:
            try:
                _refuse_unless_allowed(problems, self.force_warnings)
            except AssignmentRefused:
                return problems
        self._book(member_id, BusyShift.on(shift, self._next_assignment))
        self._next_assignment -= 1
        self._stale.add(shift.id)
        entry = [member_id, locked, reason, PLANNED, None, None, 0.0]
        added = self._added.get(shift.id)
        if added is None:
            self._added[shift.id] = [entry]
        else:
            added.append(entry)
        self._count += 1
        return []

    def record_attendance(self, shift_id: int, absent: Mapping[int, str] | None = None,
                          actual: Mapping[int, tuple[datetime, datetime]] | None = None,
                          now: datetime | None = None) -> None:
        """The attendance of a shift staffed in this batch, as `attendance.record_attendance` takes it;
        stored with the assignments by `save`."""
        shift = self._shifts.get(shift_id)
        if shift is None:
            raise ScheduleError(QT_TRANSLATE_NOOP("Messages", "班次不存在或不在本批次的日期范围内"))
        if shift_id in self._saved_on:
            raise ScheduleError(QT_TRANSLATE_NOOP("Messages", "本班次已有保存的安排，请保存后再登记考勤"))
        crew = {entry[0]: entry for entry in self._added.get(shift_id, ())}
        errors: list[FieldError] = []
        names = _Names(self._members, crew)
        values = attendance_values(shift_datetimes(shift.date, shift.start, shift.end), crew, names,
                                   dict(absent or {}), dict(actual or {}), now or datetime.now(), errors)
        if errors:
            raise AttendanceInvalid(errors)
        for mid, (status, start, end, hours) in values.items():
            entry = crew[mid]
            was_on_leave = entry[3] == ON_LEAVE
            entry[3:] = [status, start, end, hours]
            if (status == ON_LEAVE) != was_on_leave:
                self._on_leave_changed(shift, mid, status == ON_LEAVE)

    def _on_leave_changed(self, shift: ShiftFacts, member_id: int, on_leave: bool) -> None:
        """An assignment marked 请假 neither fills the shift nor occupies the member (and back)."""
        if on_leave:
            shifts, days = self._busy[member_id], self._busy_days[member_id]
            day = shift.date.toordinal()  # the member's shifts of that day, found by bisection
            for k in range(bisect_left(days, day), bisect_right(days, day)):
                if shifts[k].shift_id == shift.id:
                    del shifts[k], days[k]
                    break
            self._crew[shift.id].remove(member_id)
            self._excused.add((shift.id, member_id))
        else:
            self._excused.discard((shift.id, member_id))
            self._book(member_id, BusyShift.on(shift, self._next_assignment))
            self._next_assignment -= 1
        self._stale.add(shift.id)

    @requires(EDIT)
    def save(self) -> int:
        """Write the batch in one transaction; returns how many assignments were added."""
        with db.atomic():
            insert_rows(Assignment, ("shift", "member", "locked", "reason", "status", "actual_start", "actual_end",
                                     "hours"),
                        ((sid, *entry) for sid, entries in self._added.items() for entry in entries))
            touched = sorted(self._added)
            team_leaders = dict(Team.select(Team.id, Team.leader).tuples())
            changes = []
            candidates: dict[int, LeaderCandidate] = {}  # one per member, whatever the number of their shifts
            for sid in touched:
                shift = self._shifts[sid]
                crew = []
                for mid in self._crew.get(sid, ()):
                    candidate = candidates.get(mid)
                    if candidate is None:
                        member = self._members[mid]
                        candidate = candidates[mid] = LeaderCandidate(mid, member.team_id, member.join_date)
                    crew.append(candidate)
                team = shift.post_team_id
                leader = leader_after_change(self._leaders[sid], crew, shift.needs_leader, team,
                                             team_leaders.get(team) if team else None)
                if leader != self._leaders[sid]:
                    changes.append((leader, sid))
                    self._leaders[sid] = leader
            update_rows(Shift, ("leader",), changes)
            count = self._count
            if count:
                attended = sum(1 for entries in self._added.values() for entry in entries if entry[3] != PLANNED)
                audit.record("排班", "assignment", "",
                             f"批量排班 {format_date(self.date_from)}至{format_date(self.date_to)}："
                             f"班次 {len(touched)} 个，安排 {count} 人次，其中已登记考勤 {attended} 人次")
            self._saved_on.update(touched)
            self._added, self._count = {}, 0
        return count
