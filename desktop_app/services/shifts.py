"""Shifts: made from the posts' patterns, shown as a week grid and a month overview, and staffed by hand.

Rules a manual change is checked against (`check_assignment`), each a `Problem` with a Chinese message:

refused (`REFUSE`)
  - the member is deleted, not 在队, joined after the shift's day, or already on this shift;
  - on leave on a day the shift touches (an overnight shift touches two days);
  - overlapping another of the member's shifts (touching ends are not an overlap);
  - lacking the post's required skill on the shift's day. The qualification rule: when the member has
    `Qualification` rows for the skill, one of them must be valid that day (granted_on ≤ day ≤ expires_on,
    no expires_on = no end); when there is no such row, the skill listed in `Member.skills` counts, without
    expiry. A skill only listed in the record but backed by expired Qualification rows is expired;
  - insurance not valid on the last day the shift touches (no expiry date recorded = not insured), for the
    risky kinds (巡逻 / 交通劝导 / 救援待命, 志愿服务条例 Art. 17).
warned (`WARN`, the user may confirm with `force_warnings=True`)
  - insurance not valid for the other kinds;
  - more than the weekly maximum of shifts in the shift's ISO week (setting "schedule.max_shifts_per_week");
  - less than the minimum rest between the end of one shift and the start of the next
    (setting "schedule.min_rest_hours");
  - the shift is already fully staffed.

Assignments with status 请假 neither fill a shift nor count against the member's time.
The 带班 leader: see `choose_leader`.
"""

from __future__ import annotations

import calendar
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import chinese_calendar
from peewee import JOIN, fn

from ..db.database import db
from ..db.models import (
    Assignment,
    DutyPost,
    Leave,
    Member,
    Qualification,
    Shift,
    ShiftPattern,
    Swap,
    Team,
)
from ..domain.dates import format_date, is_school_day, is_workday
from ..domain.masking import mask_phone
from . import audit
from .members import split_skills
from .posts import RISKY_KINDS, WEEKDAY_NAMES, WORKWEEK, format_time_range, stored_weekdays
from .roster import pinyin_sort_key
from .settings_store import get_setting, set_setting

REFUSE = "refuse"
WARN = "warn"
ACTIVE_STATUS = "在队"
PLANNED = "已排"
ON_LEAVE_STATUS = "请假"  # an assignment with this status neither fills the shift nor occupies the member
MAX_SHIFTS_KEY = "schedule.max_shifts_per_week"
MIN_REST_KEY = "schedule.min_rest_hours"
VACATIONS_KEY = "schedule.school_vacations"
DEFAULT_MAX_SHIFTS = 3
DEFAULT_MIN_REST_HOURS = 10.0
DAY = 1440  # minutes
NIGHT_START, NIGHT_END = 22 * 60, 6 * 60
REASON_MAX = 200


class AssignmentRefused(ValueError):
    """The assignment breaks a rule (`problems` lists every one found), or has warnings not confirmed."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("；".join(p.message for p in problems))
        self.problems = list(problems)

    @property
    def refused(self) -> bool:
        """True when a rule forbids it; False when only warnings wait for confirmation."""
        return any(p.level == REFUSE for p in self.problems)


class ScheduleError(ValueError):
    """An operation that cannot be done as asked (unknown assignment, attendance already recorded …)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Problem:
    level: str  # REFUSE or WARN
    code: str  # deleted, status, joined, duplicate, leave, skill, insurance, overlap, rest, weekly, full
    message: str


# --- time arithmetic -----------------------------------------------------------------------------


def minute_of(t: time) -> int:
    return t.hour * 60 + t.minute


def interval(day: date, start: time, end: time) -> tuple[int, int]:
    """Absolute minutes (day ordinal × 1440 + minute) of a shift; an end not after the start is next day."""
    base = day.toordinal() * DAY
    s, e = minute_of(start), minute_of(end)
    return base + s, base + e + (DAY if e <= s else 0)


def shift_minutes(start: time, end: time) -> int:
    s, e = minute_of(start), minute_of(end)
    return e - s + (DAY if e <= s else 0)


def shift_hours(start: time, end: time) -> float:
    return round(shift_minutes(start, end) / 60, 1)


def shift_datetimes(day: date, start: time, end: time) -> tuple[datetime, datetime]:
    begin = datetime.combine(day, start)
    return begin, begin + timedelta(minutes=shift_minutes(start, end))


def days_touched(day: date, start: time, end: time) -> list[date]:
    """The day itself, and the next one for an overnight shift that runs past midnight."""
    s, e = interval(day, start, end)
    return [date.fromordinal(o) for o in range(s // DAY, (e - 1) // DAY + 1)]


def is_night(start: time, end: time) -> bool:
    """The shift overlaps 22:00–06:00 by at least one minute (19:00–22:00 is not a night shift)."""
    s, e = minute_of(start), minute_of(end)
    e += DAY if e <= s else 0
    return any(min(e, night_end) > max(s, night_start)
               for night_start, night_end in ((-DAY + NIGHT_START, NIGHT_END), (NIGHT_START, DAY + NIGHT_END),
                                              (DAY + NIGHT_START, 2 * DAY + NIGHT_END)))


def holiday_name(day: date) -> str:
    """The statutory holiday's Chinese name (国庆节 …) when `day` is a day off for it; "" otherwise
    (ordinary weekends are not holidays)."""
    try:
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:
        return ""
    if not on_holiday or not name:
        return ""
    try:
        return chinese_calendar.Holiday(name).chinese
    except ValueError:
        return str(name)


def iso_week_key(day: date) -> tuple[int, int]:
    year, week, _ = day.isocalendar()
    return year, week


# --- settings ------------------------------------------------------------------------------------


def max_shifts_per_week() -> int:
    return int(get_setting(MAX_SHIFTS_KEY, DEFAULT_MAX_SHIFTS))


def min_rest_hours() -> float:
    return float(get_setting(MIN_REST_KEY, DEFAULT_MIN_REST_HOURS))


def school_vacations() -> list[tuple[date, date]]:
    """School holidays (寒假/暑假) during which school-days-only posts make no shifts: setting
    "schedule.school_vacations" as [["2025-01-18", "2025-02-16"], …]."""
    spans = []
    for item in get_setting(VACATIONS_KEY, []) or []:
        try:
            spans.append((date.fromisoformat(item[0]), date.fromisoformat(item[1])))
        except (TypeError, ValueError, IndexError):
            continue
    return spans


def set_school_vacations(spans: Iterable[tuple[date, date]]) -> None:
    with db.atomic():
        set_setting(VACATIONS_KEY, [[a.isoformat(), b.isoformat()] for a, b in sorted(spans)])
        audit.record("修改", "setting", "", "修改学校假期")


# --- qualification rule --------------------------------------------------------------------------

Period = tuple[date | None, date | None]  # granted_on, expires_on (inclusive); None = open


def skill_periods(qualifications: Sequence[Period], listed_in_record: bool) -> tuple[Period, ...]:
    """The periods in which the member holds a skill: the Qualification rows when there are any,
    otherwise the skill listed in Member.skills, valid without end."""
    if qualifications:
        return tuple(sorted(qualifications, key=lambda p: (p[0] or date.min, p[1] or date.max)))
    return ((None, None),) if listed_in_record else ()


def valid_on(periods: Sequence[Period], day: date) -> bool:
    return any((a is None or a <= day) and (b is None or day <= b) for a, b in periods)


def skill_problem(skill: str, periods: Sequence[Period], day: date) -> str:
    """"" when valid on `day`, else the Chinese reason."""
    if not skill or valid_on(periods, day):
        return ""
    if not periods:
        return f"不具备岗位所需的“{skill}”资质"
    expired = [b for a, b in periods if b is not None and b < day]
    if expired:
        return f"“{skill}”资质已于{format_date(max(expired))}到期"
    later = [a for a, b in periods if a is not None and a > day]
    return f"“{skill}”资质自{format_date(min(later))}起才生效" if later else f"“{skill}”资质当日无效"


def insurance_valid(expires_on: date | None, day: date) -> bool:
    return expires_on is not None and day <= expires_on


def insurance_problem(expires_on: date | None, kind: str, last_day: date) -> Problem | None:
    if insurance_valid(expires_on, last_day):
        return None
    text = "未登记意外保险" if expires_on is None else f"意外保险已于{format_date(expires_on)}到期"
    if kind in RISKY_KINDS:
        return Problem(REFUSE, "insurance", f"{text}，不能参加{kind}勤务")
    return Problem(WARN, "insurance", f"{text}，请尽快续保")


# --- the 带班 leader -----------------------------------------------------------------------------


@dataclass(frozen=True)
class LeaderCandidate:
    member_id: int
    team_id: int | None
    join_date: date | None


def choose_leader(candidates: Sequence[LeaderCandidate], post_team_id: int | None,
                  team_leader_id: int | None) -> tuple[int | None, str]:
    """The 带班 leader among the shift's members, and why: the post's team leader (Team.leader) when on
    the shift; otherwise a member of the post's own team before others, the one who joined earliest
    (no join date = last), then the lowest member id."""
    if not candidates:
        return None, ""
    best = min(candidates, key=lambda c: (
        c.member_id != team_leader_id,
        post_team_id is not None and c.team_id != post_team_id,
        c.join_date or date.max,
        c.member_id,
    ))
    if best.member_id == team_leader_id:
        return best.member_id, "本队队长"
    if best.join_date:
        return best.member_id, f"入队最早（{best.join_date.year}年{best.join_date.month}月）"
    return best.member_id, "本班次队员"


# --- shifts from patterns ------------------------------------------------------------------------


@dataclass(frozen=True)
class PlannedShift:
    post_id: int
    date: date
    start: time
    end: time
    headcount: int
    pattern_id: int


def pattern_applies(weekdays: tuple[int, ...], valid_from: date | None, valid_to: date | None,
                    school_days_only: bool, day: date, vacations: Sequence[tuple[date, date]] = ()) -> bool:
    """Whether a pattern makes a shift on `day`. For a school-days-only post the day must be a school day
    (statutory holidays and school vacations skipped); a 调休 weekend working day counts as a school day for
    the patterns that run every weekday Monday–Friday ("every school day")."""
    if (valid_from and day < valid_from) or (valid_to and day > valid_to):
        return False
    if not school_days_only:
        return day.isoweekday() in weekdays
    if not is_school_day(day, vacations):
        return False
    if day.isoweekday() in weekdays:
        return True
    return day.isoweekday() > 5 and all(d in weekdays for d in WORKWEEK)


def plan_shifts(date_from: date, date_to: date, post_ids: Iterable[int] | None = None) -> list[PlannedShift]:
    """The shifts the active posts' patterns call for in the period and that do not exist yet (same post,
    date and start time), in (date, post, start) order."""
    posts = DutyPost.select(DutyPost.id, DutyPost.school_days_only).where(
        DutyPost.active == True, DutyPost.deleted_at.is_null())  # noqa: E712
    if post_ids is not None:
        posts = posts.where(DutyPost.id.in_(list(post_ids)))
    school_only = dict(posts.tuples())
    if not school_only or date_to < date_from:
        return []
    patterns = sorted(
        (post_id, minute_of(start), pattern_id, stored_weekdays(weekdays), start, end, headcount, valid_from, valid_to)
        for pattern_id, post_id, weekdays, start, end, headcount, valid_from, valid_to in ShiftPattern.select(
            ShiftPattern.id, ShiftPattern.post, ShiftPattern.weekdays, ShiftPattern.start, ShiftPattern.end,
            ShiftPattern.headcount, ShiftPattern.valid_from, ShiftPattern.valid_to,
        ).where(ShiftPattern.post.in_(list(school_only))).tuples()
    )
    existing = {
        (post_id, day, minute_of(start))
        for post_id, day, start in Shift.select(Shift.post, Shift.date, Shift.start).where(
            Shift.date.between(date_from, date_to), Shift.post.in_(list(school_only))).tuples()
    }
    vacations = school_vacations()
    planned = []
    day = date_from
    while day <= date_to:
        for post_id, start_minute, pattern_id, weekdays, start, end, headcount, valid_from, valid_to in patterns:
            key = (post_id, day, start_minute)
            if key in existing or not pattern_applies(weekdays, valid_from, valid_to, school_only[post_id], day,
                                                      vacations):
                continue
            existing.add(key)
            planned.append(PlannedShift(post_id, day, start.replace(second=0, microsecond=0),
                                        end.replace(second=0, microsecond=0), headcount, pattern_id))
        day += timedelta(days=1)
    return planned


def generate_shifts(date_from: date, date_to: date, post_ids: Iterable[int] | None = None) -> int:
    """Make the missing shifts of the period from the patterns (idempotent); returns how many were made."""
    with db.atomic():
        planned = plan_shifts(date_from, date_to, post_ids)
        now = datetime.now()
        rows = [{"uuid": uuid.uuid4().hex, "created_at": now, "updated_at": now, "post": p.post_id, "date": p.date,
                 "start": p.start, "end": p.end, "headcount": p.headcount, "pattern": p.pattern_id}
                for p in planned]
        for start in range(0, len(rows), 500):
            Shift.insert_many(rows[start:start + 500]).execute()
        if rows:
            audit.record("新增", "shift", "", f"按班次规律生成 {format_date(date_from)}至{format_date(date_to)} "
                                              f"的班次 {len(rows)} 个")
    return len(rows)


# --- the week grid and the month overview --------------------------------------------------------


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
        return sum(1 for m in self.members if m.status != ON_LEAVE_STATUS)

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
    return GridDay(day, WEEKDAY_NAMES[day.weekday()], is_workday(day), holiday_name(day))


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


@dataclass(frozen=True)
class MonthDay:
    date: date
    is_workday: bool
    holiday: str
    shifts: int
    needed: int  # sum of headcounts
    filled: int  # capped at each shift's headcount
    gaps: int  # missing people
    shifts_with_gaps: int


@dataclass(frozen=True)
class MonthOverview:
    year: int
    month: int
    team_id: int | None
    days: tuple[MonthDay, ...]

    @property
    def shifts(self) -> int:
        return sum(d.shifts for d in self.days)

    @property
    def needed(self) -> int:
        return sum(d.needed for d in self.days)

    @property
    def filled(self) -> int:
        return sum(d.filled for d in self.days)

    @property
    def gaps(self) -> int:
        return sum(d.gaps for d in self.days)


def month_overview(year: int, month: int, team_id: int | None = None) -> MonthOverview:
    """Per day of the month: shifts, people needed and planned, gaps. One query."""
    first = date(year, month, 1)
    last = date(year, month, calendar.monthrange(year, month)[1])
    staffed = fn.COUNT(Assignment.id)
    query = (
        Shift.select(Shift.date, Shift.headcount, staffed)
        .join(DutyPost, on=(Shift.post == DutyPost.id))
        .switch(Shift)
        .join(Assignment, JOIN.LEFT_OUTER,
              on=((Assignment.shift == Shift.id) & (Assignment.status != ON_LEAVE_STATUS)))
        .where(Shift.date.between(first, last), DutyPost.deleted_at.is_null())
        .group_by(Shift.id)
        .tuples()
    )
    if team_id is not None:
        query = query.where(DutyPost.team == team_id)
    per_day: dict[date, list[int]] = {}
    for day, headcount, count in query:
        entry = per_day.setdefault(day, [0, 0, 0, 0])
        filled = min(count, headcount)
        entry[0] += 1
        entry[1] += headcount
        entry[2] += filled
        entry[3] += 1 if filled < headcount else 0
    days = []
    for n in range(last.day):
        day = first + timedelta(days=n)
        shifts, needed, filled, with_gaps = per_day.get(day, [0, 0, 0, 0])
        days.append(MonthDay(day, is_workday(day), holiday_name(day), shifts, needed, filled, needed - filled,
                             with_gaps))
    return MonthOverview(year, month, team_id, tuple(days))


# --- checks --------------------------------------------------------------------------------------


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


def _shift_facts(shift_id: int) -> ShiftFacts:
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
    filled = Assignment.select().where(Assignment.shift == shift_id, Assignment.status != ON_LEAVE_STATUS).count()
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
        query = query.where(Member.deleted_at.is_null(), Member.status == ACTIVE_STATUS)
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
        .where(id_filter(Assignment.member), Shift.date.between(*window), Assignment.status != ON_LEAVE_STATUS)
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
    if member.status != ACTIVE_STATUS:
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
    shift = _shift_facts(shift_id)
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
    shift = _shift_facts(shift_id)
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


# --- manual changes ------------------------------------------------------------------------------


def _refuse_unless_allowed(problems: list[Problem], force_warnings: bool) -> None:
    if any(p.level == REFUSE for p in problems) or (problems and not force_warnings):
        raise AssignmentRefused(problems)


def refresh_leader(shift_id: int) -> int | None:
    """Keep the shift's 带班 leader one of its members: a leader who left the shift is replaced (posts
    that want a leader) or cleared; a post that wants one and has none gets one by `choose_leader`."""
    shift = Shift.get_by_id(shift_id)
    post = DutyPost.get_by_id(shift.post_id)
    crew = list(
        Member.select(Member.id, Member.team, Member.join_date)
        .join(Assignment, on=(Assignment.member == Member.id))
        .where(Assignment.shift == shift_id, Assignment.status != ON_LEAVE_STATUS)
        .tuples()
    )
    ids = {mid for mid, _, _ in crew}
    leader = shift.leader_id if shift.leader_id in ids else None
    if leader is None and post.needs_leader and crew:
        team_leader = Team.get_by_id(post.team_id).leader_id if post.team_id else None
        leader, _ = choose_leader([LeaderCandidate(*c) for c in crew], post.team_id, team_leader)
    if leader != shift.leader_id:
        Shift.update(leader=leader, updated_at=datetime.now()).where(Shift.id == shift_id).execute()
    return leader


def _where(shift: ShiftFacts) -> str:
    return f"“{shift.post_name}” {shift.date:%Y-%m-%d} {format_time_range(shift.start, shift.end)}"


def assign(shift_id: int, member_id: int, locked: bool = True, force_warnings: bool = False,
           reason: str = "手工安排") -> Assignment:
    """Put the member on the shift; `AssignmentRefused` when a rule forbids it, or when there are warnings
    and `force_warnings` is False. Manual assignments are locked by default (the auto-scheduler keeps them)."""
    with db.atomic():
        problems = check_assignment(shift_id, member_id)
        _refuse_unless_allowed(problems, force_warnings)
        assignment = Assignment.create(shift=shift_id, member=member_id, status=PLANNED, locked=locked,
                                       reason=reason)
        refresh_leader(shift_id)
        confirmed = f"（已确认提示：{'、'.join(p.code for p in problems)}）" if problems else ""
        audit.record("排班", "assignment", assignment.uuid, f"手工排班 {_where(_shift_facts(shift_id))}{confirmed}")
    return assignment


def _planned_assignment(assignment_id: int) -> Assignment:
    assignment = Assignment.get_or_none(Assignment.id == assignment_id)
    if assignment is None:
        raise ScheduleError("该安排不存在")
    if assignment.status != PLANNED:
        raise ScheduleError(f"已登记考勤（{assignment.status}），不能再调整，请修改考勤记录")
    return assignment


def unassign(assignment_id: int) -> None:
    """Take the member off the shift (only while no attendance is recorded)."""
    with db.atomic():
        assignment = _planned_assignment(assignment_id)
        shift_id = assignment.shift_id
        audit.record("取消排班", "assignment", assignment.uuid, f"取消排班 {_where(_shift_facts(shift_id))}")
        assignment.delete_instance()
        refresh_leader(shift_id)


def set_leader(shift_id: int, member_id: int | None) -> None:
    """Make one of the shift's members its 带班 leader (None: no leader)."""
    with db.atomic():
        shift = Shift.get_or_none(Shift.id == shift_id)
        if shift is None:
            raise ScheduleError("班次不存在")
        if member_id is not None and not Assignment.select().where(
                Assignment.shift == shift_id, Assignment.member == member_id,
                Assignment.status != ON_LEAVE_STATUS).exists():
            raise ScheduleError("带班人员须是本班次的队员")
        Shift.update(leader=member_id, updated_at=datetime.now()).where(Shift.id == shift_id).execute()
        audit.record("修改", "shift", shift.uuid, "指定带班" if member_id else "取消带班")


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
        audit.record("调整排班", "assignment", assignment.uuid, f"调整到 {_where(_shift_facts(to_shift_id))}")
    return assignment


def _assignment_of(shift_id: int, member_id: int) -> Assignment:
    assignment = Assignment.get_or_none(Assignment.shift == shift_id, Assignment.member == member_id)
    if assignment is None:
        raise ScheduleError("该队员不在这个班次上")
    return _planned_assignment(assignment.id)


def _operator() -> str:
    return audit.current_user()


def _check_reason(reason: str) -> str:
    text = (reason or "").strip()
    if len(text) > REASON_MAX:
        raise ScheduleError(f"换班事由不能超过{REASON_MAX}个字")
    return text


def swap_members(shift_a_id: int, member_a_id: int, shift_b_id: int, member_b_id: int, reason: str = "",
                 force_warnings: bool = False) -> Swap:
    """换班: member A (on shift A) and member B (on shift B) trade places. Both sides are checked; a Swap
    row is kept for each shift (from → to); a 带班 leader's role passes to the one who takes the place.
    Returns the Swap of shift A."""
    text = _check_reason(reason)
    if shift_a_id == shift_b_id:
        raise ScheduleError("两人在同一班次，无需换班")
    if member_a_id == member_b_id:
        raise ScheduleError("请选择两名不同的队员")
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


def substitute(assignment_id: int, member_id: int, reason: str = "", force_warnings: bool = False) -> Swap:
    """替班: another member takes this assignment's place (one-sided swap), kept as a Swap row."""
    text = _check_reason(reason)
    with db.atomic():
        assignment = _planned_assignment(assignment_id)
        old = assignment.member_id
        if old == member_id:
            raise ScheduleError("请选择另一名队员")
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


def lock(assignment_id: int, locked: bool) -> None:
    """A locked assignment is kept by the auto-scheduler."""
    with db.atomic():
        assignment = Assignment.get_or_none(Assignment.id == assignment_id)
        if assignment is None:
            raise ScheduleError("该安排不存在")
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


def week_monday(day: date) -> date:
    return day - timedelta(days=day.weekday())

