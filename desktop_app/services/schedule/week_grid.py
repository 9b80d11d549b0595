"""The week grid (days × posts, each cell the shifts with their members) and one shift as the grid shows it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta

from peewee import JOIN

from ...db.models import Assignment, DutyPost, Member, Shift, Team
from ...domain.masking import mask_phone
from ...domain.vocabulary import ON_LEAVE
from ..calendar import working_days
from ..roster.search import pinyin_sort_key
from .posts import WEEKDAY_NAMES, format_time_range
from .shift_times import is_night


@dataclass(frozen=True)
class GridMember:
    assignment_id: int
    member_id: int
    name: str
    phone_masked: str
    team_id: int | None
    status: str
    locked: bool
    is_leader: bool
    hours: float


@dataclass(frozen=True)
class GridShift:
    id: int
    post_id: int
    date: date
    start: time
    end: time
    headcount: int
    leader_id: int | None
    leader_name: str
    members: tuple[GridMember, ...]
    notes: str = ""

    @property
    def time_text(self) -> str:
        return format_time_range(self.start, self.end)

    @property
    def filled(self) -> int:
        return sum(1 for m in self.members if m.status != ON_LEAVE)

    @property
    def missing(self) -> int:
        return max(0, self.headcount - self.filled)

    @property
    def gap(self) -> bool:
        """Shown in red: fewer members than the shift needs."""
        return self.filled < self.headcount

    @property
    def night(self) -> bool:
        return is_night(self.start, self.end)

    @property
    def names(self) -> list[str]:
        return [m.name for m in self.members]


@dataclass(frozen=True)
class GridPost:
    id: int
    name: str
    kind: str
    place: str
    team_id: int | None
    team_name: str
    required_skill: str
    needs_leader: bool
    school_days_only: bool
    active: bool


@dataclass(frozen=True)
class GridDay:
    date: date
    weekday: str  # 周一 …
    is_workday: bool  # counting 调休
    holiday: str  # 国庆节 …, or ""
    estimated: bool = False  # the year's arrangement is not entered yet: 预估

    @property
    def label(self) -> str:
        extra = f"（{self.holiday}）" if self.holiday else ("（调休上班）" if self.is_workday and self.date.isoweekday() > 5
                                                           else "")
        return f"{self.date.month}月{self.date.day}日 {self.weekday}{extra}"


@dataclass(frozen=True)
class WeekGrid:
    monday: date
    team_id: int | None
    days: tuple[GridDay, ...]
    posts: tuple[GridPost, ...]
    cells: dict[tuple[int, date], tuple[GridShift, ...]] = field(default_factory=dict)

    @property
    def week_label(self) -> str:
        year, week, _ = self.monday.isocalendar()
        return f"{year}-W{week:02d}"

    def cell(self, post_id: int, day: date) -> tuple[GridShift, ...]:
        return self.cells.get((post_id, day), ())

    def shifts(self) -> list[GridShift]:
        return [s for key in sorted(self.cells, key=lambda k: (k[1], k[0])) for s in self.cells[key]]

    @property
    def slots_needed(self) -> int:
        return sum(s.headcount for s in self.shifts())

    @property
    def slots_missing(self) -> int:
        return sum(s.missing for s in self.shifts())


def _day_info(day: date) -> GridDay:
    info = working_days.day_info(day)
    return GridDay(day, WEEKDAY_NAMES[day.weekday()], info.is_workday, info.holiday_name, info.estimated)


def _grid_posts(date_from: date, date_to: date, team_id: int | None) -> list[GridPost]:
    with_shifts = Shift.select(Shift.post).where(Shift.date.between(date_from, date_to))
    query = (
        DutyPost.select(DutyPost.id, DutyPost.name, DutyPost.kind, DutyPost.place, DutyPost.team,
                        Team.name, DutyPost.required_skill, DutyPost.needs_leader, DutyPost.school_days_only,
                        DutyPost.active)
        .join(Team, JOIN.LEFT_OUTER, on=(DutyPost.team == Team.id))
        .where(DutyPost.deleted_at.is_null(), (DutyPost.active == True) | DutyPost.id.in_(with_shifts))  # noqa: E712
    )
    if team_id is not None:
        query = query.where(DutyPost.team == team_id)
    posts = [GridPost(pid, name, kind, place, tid, tname or "", skill, bool(leader), bool(school), bool(active))
             for pid, name, kind, place, tid, tname, skill, leader, school, active in query.tuples()]
    posts.sort(key=lambda p: (pinyin_sort_key(p.team_name), pinyin_sort_key(p.name), p.id))
    return posts


def week_grid(monday: date, team_id: int | None = None) -> WeekGrid:
    """Days × posts of the week starting `monday` (any day of the week is taken back to its Monday):
    three queries (posts, shifts, assignments with names), whatever the number of posts."""
    monday = monday - timedelta(days=monday.weekday())
    sunday = monday + timedelta(days=6)
    posts = _grid_posts(monday, sunday, team_id)
    post_ids = [p.id for p in posts]
    cells: dict[tuple[int, date], list[GridShift]] = {}
    if post_ids:
        Leader = Member.alias()
        shift_rows = (
            Shift.select(Shift.id, Shift.post, Shift.date, Shift.start, Shift.end, Shift.headcount, Shift.leader,
                         Leader.name, Shift.notes)
            .join(Leader, JOIN.LEFT_OUTER, on=(Shift.leader == Leader.id))
            .where(Shift.date.between(monday, sunday), Shift.post.in_(post_ids))
            .order_by(Shift.date, Shift.start, Shift.id)
            .tuples()
        )
        members: dict[int, list[GridMember]] = {}
        leaders: dict[int, int | None] = {}
        shifts = list(shift_rows)
        for sid, _post, _day, _s, _e, _h, leader_id, _ln, _n in shifts:
            leaders[sid] = leader_id
        assignment_rows = (
            Assignment.select(Assignment.id, Assignment.shift, Member.id, Member.name, Member.phone, Member.team,
                              Assignment.status, Assignment.locked, Assignment.hours)
            .join(Member, on=(Assignment.member == Member.id))
            .switch(Assignment)
            .join(Shift, on=(Assignment.shift == Shift.id))
            .where(Shift.date.between(monday, sunday), Shift.post.in_(post_ids))
            .order_by(Assignment.shift, Assignment.id)
            .tuples()
        )
        for aid, sid, mid, name, phone, member_team, status, locked, hours in assignment_rows:
            members.setdefault(sid, []).append(GridMember(
                aid, mid, name, mask_phone(phone), member_team, status, bool(locked), leaders.get(sid) == mid,
                float(hours or 0)))
        for sid, post_id, day, start, end, headcount, leader_id, leader_name, notes in shifts:
            crew = members.get(sid, [])
            crew.sort(key=lambda m: (not m.is_leader, m.assignment_id))
            cells.setdefault((post_id, day), []).append(GridShift(
                sid, post_id, day, start, end, headcount, leader_id, leader_name or "", tuple(crew), notes))
    days = tuple(_day_info(monday + timedelta(days=i)) for i in range(7))
    return WeekGrid(monday, team_id, days, tuple(posts), {k: tuple(v) for k, v in cells.items()})


def shift_detail(shift_id: int) -> GridShift:
    """One shift as the grid shows it (for a dialog); raises `Shift.DoesNotExist`."""
    shift = Shift.get_by_id(shift_id)
    grid_members = []
    query = (Assignment.select(Assignment, Member.name, Member.phone, Member.team)
             .join(Member).where(Assignment.shift == shift_id).order_by(Assignment.id).objects())
    for a in query:
        grid_members.append(GridMember(a.id, a.member_id, a.name, mask_phone(a.phone), a.team, a.status,
                                       bool(a.locked), shift.leader_id == a.member_id, float(a.hours or 0)))
    grid_members.sort(key=lambda m: (not m.is_leader, m.assignment_id))
    leader_name = next((m.name for m in grid_members if m.is_leader), "")
    if shift.leader_id and not leader_name:
        leader_name = Member.get_by_id(shift.leader_id).name
    return GridShift(shift.id, shift.post_id, shift.date, shift.start, shift.end, shift.headcount, shift.leader_id,
                     leader_name, tuple(grid_members), shift.notes)
