"""The auto-scheduler: fills the shifts of a period fairly, by rules it can explain.

`auto_schedule` = `load_input` (queries) → `plan` (pure: plain data in, plain data out, no database) →
`save_plan` (one transaction). `progress(percent, 100, text)` is called as it goes; raising `Cancelled` in it
cancels the run: nothing has been written before the final transaction.

Hard rules: those of `rules`, asked of the input in memory, each one refusing (a member is never put on a
shift that breaks one, nor on one a manual check would only warn about): only members who are 在队 and not
deleted are candidates (the standing rule, in the query); joined by the shift's day; not on leave on any day
the shift touches; the post's required skill held on the shift's day; insured on the last day the shift
touches (for every kind of post); no overlapping shift (overnight shifts included); at least
`min_rest_hours` between shifts; within `max_shifts_per_week` shifts in each ISO week (counting every shift
already on the roster, of any post); no more members than the headcount. School-days-only posts only have
shifts on school days (the patterns see to that), and every shift of a post that wants one gets a 带班
leader among its members (`rules.choose_leader`).

What stays: locked assignments and assignments with recorded attendance; unlocked 已排 assignments on the
shifts being scheduled are replaced (whether the scheduler or a person made them). Shifts that have already
started are history: neither staffed nor changed. Shifts the patterns call for that do not exist yet are
made (in the same transaction as the assignments).

Who gets a slot (greedy, shift by shift; shifts whose required skill is scarce first, then by time): the
eligible member with the lowest
    load + (`other_team_hours` if not of the post's team) + (`night_hours` × night shifts, for a night
    shift) + (`holiday_hours` × holiday shifts, for a shift on a statutory holiday),
then fewer night/holiday shifts, own team, lowest member id. `load` is the duty time over the rolling
window: the four weeks before the period plus the period so far (attended hours for attended shifts,
planned length for planned ones). The weights are settings ("schedule.other_team_hours" 4,
"schedule.night_weight_hours" 2, "schedule.holiday_weight_hours" 2), like the limits
("schedule.max_shifts_per_week" 3, "schedule.min_rest_hours" 10). The counters are exact integers (minutes), the members are kept in a
list sorted by (load, id), and every choice is made on sorted keys: the same input gives the same roster.
The members are indexed by team and skill (each list in (load, id) order; who can serve on no shift of the
period left out): a slot walks its own team first and the other teams only while one of them could still
come first, so a slot costs about the members it could take, not the whole roster (`plan(exhaustive=True)`
weighs everyone and gives the same plan; the tests compare the two).
When `team_id` is given, only that team's posts are scheduled and only its members are candidates.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import time as timer
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple

from peewee import JOIN, fn

from ...db.database import db
from ...db.dialect import binary, is_postgres, unindexed
from ...db.models import Assignment, DutyPost, Leave, Member, Qualification, Shift, Team
from ...domain.dates import format_date
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.vocabulary import ABSENT, ACTIVE, ATTENDED_STATUSES, ON_LEAVE, PLANNED
from .. import audit
from ..accounts.roles import EDIT, requires
from ..office.settings import get_setting
from ..progress import Progress, collector_paused
from ..roster.members import split_skills
from ..storage.bulk import ValueReader, advance_sequence, execute_many, raw_rows
from ..storage.bulk import next_id as bulk_next_id
from .errors import ScheduleError
from .posts import format_time_range
from .rules import (
    LeaderCandidate,
    Period,
    choose_leader,
    insured_on,
    joined_by,
    leave_during,
    occupies,
    overlaps,
    places_left,
    rest_minutes,
    skill_periods,
    too_little_rest,
    valid_on,
    week_full,
)
from .settings import DEFAULT_MAX_SHIFTS, DEFAULT_MIN_REST_HOURS, MAX_SHIFTS_KEY, MIN_REST_KEY
from .shift_generation import plan_shifts
from .shift_times import DAY, holiday_name, interval, is_night, shift_minutes

WINDOW_DAYS = 28  # the rolling window before the period
MAX_PERIOD_DAYS = 93
OTHER_TEAM_KEY = "schedule.other_team_hours"
NIGHT_KEY = "schedule.night_weight_hours"
HOLIDAY_KEY = "schedule.holiday_weight_hours"

# blocking rules in the order they are tried: the static ones first, so that the last rule to block
# anybody says what really stopped the slot (the qualified members are all on leave, not "no one qualified")
SKILL, INSURANCE, JOINED, LEAVE, OVERLAP, REST, WEEKLY = "缺少资质", "保险无效", "尚未入队", ON_LEAVE, "时间冲突", \
    "休息不足", "达每周上限"
RULE_ORDER = (SKILL, INSURANCE, JOINED, LEAVE, OVERLAP, REST, WEEKLY)


@dataclass(frozen=True)
class Rules:
    max_shifts_per_week: int = DEFAULT_MAX_SHIFTS
    min_rest_hours: float = DEFAULT_MIN_REST_HOURS
    other_team_hours: float = 4.0  # a member of another team counts as having worked this much more
    night_hours: float = 2.0  # for a night shift: each night shift already done counts this much more
    holiday_hours: float = 2.0  # for a holiday shift: each holiday shift already done counts this much more

    @classmethod
    def from_settings(cls) -> Rules:
        def number(key: str, default: float) -> float:
            try:
                return max(0.0, float(get_setting(key, default)))
            except (TypeError, ValueError):
                return default

        return cls(
            max_shifts_per_week=int(number(MAX_SHIFTS_KEY, DEFAULT_MAX_SHIFTS)),
            min_rest_hours=number(MIN_REST_KEY, DEFAULT_MIN_REST_HOURS),
            other_team_hours=number(OTHER_TEAM_KEY, cls.other_team_hours),
            night_hours=number(NIGHT_KEY, cls.night_hours),
            holiday_hours=number(HOLIDAY_KEY, cls.holiday_hours),
        )


# --- the plain data the planner works on ---------------------------------------------------------


@dataclass(frozen=True)
class MemberInfo:
    """A candidate: an active member."""

    id: int
    name: str
    team_id: int | None
    join_date: date | None
    insurance_expires_on: date | None
    skills: Mapping[str, tuple[Period, ...]] = field(default_factory=dict)  # the skills the posts require
    leaves: tuple[tuple[date, date], ...] = ()


@dataclass(frozen=True)
class PostInfo:
    id: int
    name: str
    kind: str
    team_id: int | None
    required_skill: str = ""
    needs_leader: bool = False


@dataclass(frozen=True)
class ShiftInfo:
    """A shift to staff; a negative id is a shift the patterns call for that is not saved yet."""

    id: int
    post_id: int
    date: date
    start: time
    end: time
    headcount: int
    leader_id: int | None = None
    pattern_id: int | None = None


@dataclass(frozen=True)
class BookedInfo:
    """An assignment that stays (locked, attended, or outside what is being scheduled)."""

    id: int
    shift_id: int
    member_id: int
    date: date
    start: time
    end: time
    status: str = PLANNED
    hours: float = 0.0  # recorded hours (attended)
    member_team_id: int | None = None
    member_join_date: dt.date | None = None  # `date` is a field above

    @property
    def minutes(self) -> int:
        """What it counts for the rolling window."""
        if self.status in ATTENDED_STATUSES:
            return int(round(self.hours * 60))
        if self.status == PLANNED:
            return shift_minutes(self.start, self.end)
        return 0


@dataclass
class ScheduleInput:
    date_from: date
    date_to: date
    members: list[MemberInfo]
    posts: dict[int, PostInfo]
    shifts: list[ShiftInfo]
    booked: list[BookedInfo]
    rules: Rules = field(default_factory=Rules)
    team_leaders: dict[int, int] = field(default_factory=dict)
    replaced: list[int] = field(default_factory=list)  # assignment ids the plan replaces (for saving)
    team_id: int | None = None


@dataclass(frozen=True)
class PlannedAssignment:
    shift_id: int
    member_id: int
    reason: str


@dataclass(frozen=True)
class UnfilledSlot:
    shift_id: int
    post_id: int
    post_name: str
    date: date
    start: time
    end: time
    headcount: int
    missing: int
    reason: str  # the rule that stopped the last candidates
    blocked: tuple[tuple[str, int], ...]  # (rule, members it stopped), in RULE_ORDER

    @property
    def time_text(self) -> str:
        return format_time_range(self.start, self.end)

    @property
    def detail(self) -> str:
        return "，".join(f"{rule} {count} 人" for rule, count in self.blocked)

    @property
    def text(self) -> str:
        where = f"{format_date(self.date)} {self.time_text} {self.post_name}"
        detail = f"（{self.detail}）" if self.detail else ""
        return f"{where} 缺 {self.missing} 人：{self.reason}{detail}"


@dataclass
class SchedulePlan:
    assignments: list[PlannedAssignment]
    leaders: dict[int, int | None]  # shift id → leader, for shifts whose leader is new or changes
    unfilled: list[UnfilledSlot]
    slots_needed: int
    slots_kept: int
    slots_filled: int


@dataclass(frozen=True)
class ScheduleResult:
    date_from: date
    date_to: date
    team_id: int | None
    shifts: int
    shifts_generated: int
    slots_needed: int
    slots_kept: int  # staffed by assignments that stayed
    slots_filled: int  # staffed now
    replaced: int  # unlocked planned assignments taken away and planned anew
    unfilled: tuple[UnfilledSlot, ...]
    seconds: float

    @property
    def slots_missing(self) -> int:
        return sum(s.missing for s in self.unfilled)

    @property
    def summary(self) -> str:
        text = (f"{format_date(self.date_from)}至{format_date(self.date_to)}：班次 {self.shifts} 个，"
                f"需 {self.slots_needed} 人次，保留 {self.slots_kept}，新排 {self.slots_filled}")
        return text + (f"，仍缺 {self.slots_missing} 人次" if self.unfilled else "，已全部排满")


# --- the planner ---------------------------------------------------------------------------------


def _hours_text(minutes: float) -> str:
    return f"{minutes / 60:.1f}".removesuffix(".0")


def _unfilled_reason(rule: str, skill: str, rules: Rules) -> str:
    return {
        SKILL: Message(QT_TRANSLATE_NOOP("Messages", "无人具备有效的“{skill}”资质"), skill=skill),
        INSURANCE: QT_TRANSLATE_NOOP("Messages", "符合条件的队员保险均已过期或未登记"),
        JOINED: QT_TRANSLATE_NOOP("Messages", "符合条件的队员均在该日之后入队"),
        LEAVE: QT_TRANSLATE_NOOP("Messages", "符合条件的队员均在请假"),
        OVERLAP: QT_TRANSLATE_NOOP("Messages", "符合条件的队员均与其他班次时间冲突"),
        REST: Message(QT_TRANSLATE_NOOP("Messages", "符合条件的队员均不满足两班之间至少休息 {hours:g} 小时"),
                      hours=rules.min_rest_hours),
        WEEKLY: Message(QT_TRANSLATE_NOOP("Messages", "符合条件的队员均已达每周上限（{most} 班）"),
                        most=rules.max_shifts_per_week),
    }[rule]


class _Planner:
    """Running counters over the candidates, indexed 0..n-1 in member id order."""

    def __init__(self, data: ScheduleInput, exhaustive: bool = False) -> None:
        """`exhaustive`: weigh every member for every slot, without the index (the tests' oracle)."""
        self.data = data
        rules = data.rules
        self.rest = rest_minutes(rules.min_rest_hours)
        self.other_team = int(round(rules.other_team_hours * 60))
        self.night_weight = int(round(rules.night_hours * 60))
        self.holiday_weight = int(round(rules.holiday_hours * 60))
        self.members = sorted(data.members, key=lambda m: m.id)
        self.index = {m.id: i for i, m in enumerate(self.members)}
        n = len(self.members)
        self.team = [m.team_id for m in self.members]
        # the last day insured and the day joined as ordinals, for the walk's checks (no set of a day's
        # insured members made for each day: a prefecture has 90,000 of them)
        self.insured_until = [m.insurance_expires_on.toordinal() if m.insurance_expires_on is not None else -1
                              for m in self.members]
        self.joined_from = [m.join_date.toordinal() if m.join_date is not None else 0 for m in self.members]
        self.load = [0] * n
        self.nights = [0] * n
        self.holidays = [0] * n
        self.period_shifts = [0] * n
        # only the members with a shift have these (most of a prefecture's have none in the window)
        self.week_counts: dict[tuple[int, int], int] = {}  # (member, Monday's ordinal) → shifts that week
        self.starts: dict[int, list[int]] = {}  # member → the minutes their shifts start, in order
        self.ends: dict[int, list[int]] = {}  # … and end, in the same order
        self.with_leave = [(i, m.leaves) for i, m in enumerate(self.members) if m.leaves]
        self.window_from = data.date_from.toordinal() - WINDOW_DAYS
        self.period_from, self.period_to = data.date_from.toordinal(), data.date_to.toordinal()
        # who passes a rule on a day (or on the days a shift touches), asked once per day
        self._qualified: dict[tuple[str, int], frozenset[int]] = {}
        self._insured: dict[int, frozenset[int]] = {}
        self._joined: dict[int, frozenset[int]] = {}
        self._on_leave: dict[tuple[int, int], frozenset[int]] = {}
        self._night: dict[tuple[time, time], bool] = {}
        self._holiday: dict[int, bool] = {}
        for b in data.booked:
            i = self.index.get(b.member_id)
            if i is not None and occupies(b.status):
                self._book(i, b.date, b.start, b.end, b.minutes, counted=b.status != ABSENT)
        self.total_load = sum(self.load)
        self.total_period_shifts = sum(self.period_shifts)
        # the candidates indexed by team and skill, each list in (load, id) order: a slot's own team is
        # walked first, the other teams only while one of them could still be better (see `fill`)
        self.exhaustive = exhaustive
        skills_needed = sorted({p.required_skill for p in data.posts.values() if p.required_skill})
        self.holders = {skill: [i for i, m in enumerate(self.members) if skill in m.skills]
                        for skill in skills_needed}
        self.by_skill: dict[str, dict[int | None, list[tuple[int, int, int]]]] = {
            skill: {} for skill in ("", *skills_needed)}
        self.lists_of: list[list[list[tuple[int, int, int]]]] = [[] for _ in range(n)]
        self.everyone = sorted((self.load[i], m.id, i) for i, m in enumerate(self.members))
        shift_days = sorted({s.date for s in data.shifts}) or [data.date_from]
        for i, m in enumerate(self.members):
            if exhaustive:
                self.lists_of[i].append(self.everyone)
                continue
            # left out of the index: who can serve on no shift of the period (insurance lapsed before it
            # starts, joining after it ends); still counted among those a rule stops (`_static_blocked`)
            if not insured_on(m.insurance_expires_on, shift_days[0]) or not joined_by(m.join_date, shift_days[-1]):
                continue
            held = [s for s in skills_needed if s in m.skills and any(valid_on(m.skills[s], d) for d in shift_days)]
            for skill in ("", *held):
                candidates = self.by_skill[skill].setdefault(m.team_id, [])
                candidates.append((self.load[i], m.id, i))
                self.lists_of[i].append(candidates)
        for teams in self.by_skill.values():
            for candidates in teams.values():
                candidates.sort()
        # the indexed members whose insurance ends within the period, the soonest last
        self.lapsing = sorted(((m.insurance_expires_on.toordinal(), i) for i, m in enumerate(self.members)
                               if self.lists_of[i] and m.insurance_expires_on is not None
                               and m.insurance_expires_on < shift_days[-1] + timedelta(days=1)), reverse=True)
        self._static_counts: dict[tuple[str, int, int, int], dict[str, int]] = {}
        self.least_load = min(self.load, default=0)  # loads only grow as the plan books members

    def is_night(self, start: time, end: time) -> bool:
        key = (start, end)
        if key not in self._night:
            self._night[key] = is_night(start, end)
        return self._night[key]

    def is_holiday(self, ordinal: int) -> bool:
        if ordinal not in self._holiday:
            self._holiday[ordinal] = bool(holiday_name(date.fromordinal(ordinal)))
        return self._holiday[ordinal]

    def qualified(self, skill: str, ordinal: int) -> frozenset[int]:
        key = (skill, ordinal)
        found = self._qualified.get(key)
        if found is None:
            day = date.fromordinal(ordinal)
            members = self.members
            found = frozenset(i for i in self.holders[skill] if valid_on(members[i].skills[skill], day))
            self._qualified[key] = found
        return found

    def insured(self, ordinal: int) -> frozenset[int]:
        found = self._insured.get(ordinal)
        if found is None:
            day = date.fromordinal(ordinal)
            found = frozenset(i for i, m in enumerate(self.members) if insured_on(m.insurance_expires_on, day))
            self._insured[ordinal] = found
        return found

    def joined(self, ordinal: int) -> frozenset[int]:
        found = self._joined.get(ordinal)
        if found is None:
            day = date.fromordinal(ordinal)
            found = frozenset(i for i, m in enumerate(self.members) if joined_by(m.join_date, day))
            self._joined[ordinal] = found
        return found

    def on_leave(self, first: int, last: int) -> frozenset[int]:
        """Members on leave on a day from `first` to `last` (ordinals)."""
        key = (first, last)
        found = self._on_leave.get(key)
        if found is None:
            a, b = date.fromordinal(first), date.fromordinal(last)
            found = frozenset(i for i, leaves in self.with_leave if leave_during(leaves, a, b) is not None)
            self._on_leave[key] = found
        return found

    def _book(self, i: int, day: date, start: time, end: time, minutes: int, counted: bool = True) -> None:
        s, e = interval(day, start, end)
        starts = self.starts.get(i)
        if starts is None:
            starts = self.starts[i] = []
            self.ends[i] = []
        k = bisect.bisect_left(starts, s)
        starts.insert(k, s)
        self.ends[i].insert(k, e)
        o = day.toordinal()
        monday = o - day.weekday()
        self.week_counts[(i, monday)] = self.week_counts.get((i, monday), 0) + 1
        if counted and self.window_from <= o <= self.period_to:
            self.load[i] += minutes
            if self.is_night(start, end):
                self.nights[i] += 1
            if self.is_holiday(o):
                self.holidays[i] += 1
        if counted and self.period_from <= o <= self.period_to:
            self.period_shifts[i] += 1

    def conflict(self, i: int, s: int, e: int) -> str:
        """OVERLAP, REST or "" for member i on [s, e)."""
        starts = self.starts.get(i)
        if starts is None:
            return ""
        ends = self.ends[i]
        rest = self.rest
        k = bisect.bisect_left(starts, s - rest - DAY)
        found = ""
        while k < len(starts) and starts[k] < e + rest:
            bs, be = starts[k], ends[k]
            if overlaps(s, e, bs, be):
                return OVERLAP
            if too_little_rest(s, e, bs, be, rest):
                found = REST
            k += 1
        return found

    def run(self, progress: Progress | None) -> SchedulePlan:
        data = self.data
        posts = data.posts
        booked_on: dict[int, list[BookedInfo]] = {}
        for b in data.booked:
            booked_on.setdefault(b.shift_id, []).append(b)
        pool_size = {skill: sum(1 for m in self.members if skill in m.skills)
                     for skill in sorted({p.required_skill for p in posts.values() if p.required_skill})}
        n = len(self.members)
        shifts = sorted(
            (s for s in data.shifts if s.post_id in posts),
            key=lambda s: (pool_size.get(posts[s.post_id].required_skill, n), s.date, s.start, s.post_id, s.id),
        )
        out = SchedulePlan([], {}, [], 0, 0, 0)
        step = max(1, len(shifts) // 50)
        # the earliest last day touched by a shift still to come: whose insurance has lapsed by then can serve on
        # none of them and leaves the index (insurance only lapses), so the walk no longer passes them by
        still_to_come = [0] * len(shifts)
        earliest = None
        for k in range(len(shifts) - 1, -1, -1):
            s, e = interval(shifts[k].date, shifts[k].start, shifts[k].end)
            earliest = (e - 1) // DAY if earliest is None else min(earliest, (e - 1) // DAY)
            still_to_come[k] = earliest
        for done, shift in enumerate(shifts):
            if not self.exhaustive:
                self._drop_lapsed(still_to_come[done])
            if progress is not None and done % step == 0:
                progress(10 + done * 80 // len(shifts), 100,
                    Message(QT_TRANSLATE_NOOP("Messages", "正在排班：第 {number}/{count} 个班次"),
                            number=done + 1, count=len(shifts)))
            everyone = booked_on.get(shift.id, [])
            crew = [b for b in everyone if occupies(b.status)]
            out.slots_needed += shift.headcount
            out.slots_kept += min(len(crew), shift.headcount)
            post = posts[shift.post_id]
            chosen = self.fill(shift, post, places_left(shift.headcount, len(crew)), {b.member_id for b in everyone},
                               out)
            out.slots_filled += len(chosen)
            self.lead(shift, post, crew, chosen, out)
        if progress is not None:
            progress(90, 100, QT_TRANSLATE_NOOP("Messages", "排班完成"))
        return out

    def fill(self, shift: ShiftInfo, post: PostInfo, need: int, on_shift: set[int],
             out: SchedulePlan) -> list[tuple[int, str]]:
        if need <= 0:
            return []
        s, e = interval(shift.date, shift.start, shift.end)
        o = shift.date.toordinal()
        touched = range(s // DAY, (e - 1) // DAY + 1)
        last_day = touched[-1]  # insured on the last day the shift touches
        insured_until, joined_from = self.insured_until, self.joined_from
        away = self.on_leave(touched[0], touched[-1])
        skill = post.required_skill
        qualified = self.qualified(skill, o) if skill else None
        night = self.is_night(shift.start, shift.end)
        holiday = self.is_holiday(o)
        monday = o - shift.date.weekday()
        max_week = self.data.rules.max_shifts_per_week
        post_team = post.team_id
        blocked: dict[str, int] = {}
        best: list[tuple[tuple[int, int, int, bool, int], int]] = []
        exhaustive = self.exhaustive
        for candidates, of_other_team in self._streams(post_team, skill, need, best):
            # candidate i's key is at least (load + other_team if other, 0, 0, other, id), and these bounds
            # grow along the (load, id) order: once one is above the worst key kept, no later one can enter
            bump = self.other_team if of_other_team else 0
            for load, member_id, i in candidates:
                if not exhaustive and len(best) >= need:
                    worst = best[-1][0]
                    bound = load + bump
                    if bound > worst[0] or (bound == worst[0] and (0, 0, of_other_team, member_id) > worst[1:]):
                        break
                if member_id in on_shift:
                    continue
                if qualified is not None and i not in qualified:
                    rule = SKILL
                elif insured_until[i] < last_day:
                    rule = INSURANCE
                elif joined_from[i] > o:
                    rule = JOINED
                elif i in away:
                    rule = LEAVE
                else:
                    rule = ""
                if rule:
                    if exhaustive:  # otherwise counted all at once for an unfilled slot (`_static_blocked`)
                        blocked[rule] = blocked.get(rule, 0) + 1
                    continue
                rule = self.conflict(i, s, e)
                if not rule and week_full(self.week_counts.get((i, monday), 0), max_week):
                    rule = WEEKLY
                if rule:
                    blocked[rule] = blocked.get(rule, 0) + 1
                    continue
                other = post_team is not None and self.team[i] != post_team
                eff = load + (self.other_team if other else 0)
                if night:
                    eff += self.night_weight * self.nights[i]
                if holiday:
                    eff += self.holiday_weight * self.holidays[i]
                key = (eff, self.nights[i] if night else 0, self.holidays[i] if holiday else 0, other, member_id)
                if len(best) < need or key < best[-1][0]:
                    bisect.insort(best, (key, i))
                    if len(best) > need:
                        best.pop()
        if len(best) < need and not exhaustive:
            for rule, count in self._static_blocked(skill, o, touched[0], touched[-1], on_shift).items():
                if count:
                    blocked[rule] = blocked.get(rule, 0) + count
        chosen = []
        average_shifts = self.total_period_shifts / max(1, len(self.members))
        average_load = self.total_load / max(1, len(self.members))
        for key, i in best:
            chosen.append((i, self.explain(i, post, key[3], night, holiday, average_shifts, average_load, o)))
        for i, reason in chosen:
            old = (self.load[i], self.members[i].id, i)
            minutes = shift_minutes(shift.start, shift.end)
            self._book(i, shift.date, shift.start, shift.end, minutes)
            self.total_load += self.load[i] - old[0]
            self.total_period_shifts += 1
            new = (self.load[i], self.members[i].id, i)
            for candidates in self.lists_of[i]:
                del candidates[bisect.bisect_left(candidates, old)]
                bisect.insort(candidates, new)
            out.assignments.append(PlannedAssignment(shift.id, self.members[i].id, reason))
        if len(chosen) < need:
            last_rule = next((r for r in reversed(RULE_ORDER) if blocked.get(r)), "")
            reason = _unfilled_reason(last_rule, skill, self.data.rules) if last_rule else "没有可排班的在队队员"
            out.unfilled.append(UnfilledSlot(
                shift.id, post.id, post.name, shift.date, shift.start, shift.end, shift.headcount,
                need - len(chosen), reason, tuple((r, blocked[r]) for r in RULE_ORDER if blocked.get(r))))
        return chosen

    def _drop_lapsed(self, ordinal: int) -> None:
        """Take out of the index the members not insured on day `ordinal` (nor, so, later)."""
        lapsing = self.lapsing
        while lapsing and lapsing[-1][0] < ordinal:
            _, i = lapsing.pop()
            if insured_on(self.members[i].insurance_expires_on, date.fromordinal(ordinal)):
                continue
            entry = (self.load[i], self.members[i].id, i)
            for candidates in self.lists_of[i]:
                del candidates[bisect.bisect_left(candidates, entry)]
            self.lists_of[i] = []

    def _streams(self, post_team: int | None, skill: str, need: int,
                 best: list[tuple[tuple[int, int, int, bool, int], int]]) -> Iterator[tuple[Iterable[tuple[int, int, int]], bool]]:
        """The candidates for a slot, each stream in (load, id) order with whether it is of another team
        than the post's: the post's own team, then (merged) every other team, only when one of them could
        still come before the worst kept so far (they count `other_team_hours` more)."""
        if self.exhaustive:
            yield self.everyone, False
            return
        teams = self.by_skill[skill]
        if post_team is None:
            yield heapq.merge(*teams.values()), False
            return
        yield teams.get(post_team, ()), False
        if len(best) >= need and best[-1][0][0] < self.least_load + self.other_team:
            return
        others = [candidates for team, candidates in teams.items() if team != post_team]
        if others:
            yield heapq.merge(*others), True

    def _static_blocked(self, skill: str, ordinal: int, first: int, last: int, on_shift: set[int]) -> dict[str, int]:
        """How many members not on the shift each day rule stops (skill, insurance, joining, leave), each
        counted under the first of them it breaks, as the walk would count them one by one."""
        key = (skill, ordinal, first, last)
        counts = self._static_counts.get(key)
        if counts is None:
            qualified = self.qualified(skill, ordinal) if skill else None
            insured, joined, away = self.insured(last), self.joined(ordinal), self.on_leave(first, last)
            n = len(self.members)
            passed = insured if qualified is None else qualified & insured
            after_join = passed & joined
            counts = {SKILL: n - len(qualified) if qualified is not None else 0,
                      INSURANCE: (n if qualified is None else len(qualified)) - len(passed),
                      JOINED: len(passed) - len(after_join), LEAVE: len(after_join & away)}
            self._static_counts[key] = counts
        counts = dict(counts)
        qualified = self.qualified(skill, ordinal) if skill else None
        insured, joined, away = self.insured(last), self.joined(ordinal), self.on_leave(first, last)
        for member_id in on_shift:
            i = self.index.get(member_id)
            if i is None:
                continue
            if qualified is not None and i not in qualified:
                counts[SKILL] -= 1
            elif i not in insured:
                counts[INSURANCE] -= 1
            elif i not in joined:
                counts[JOINED] -= 1
            elif i in away:
                counts[LEAVE] -= 1
        return counts

    def explain(self, i: int, post: PostInfo, other_team: bool, night: bool, holiday: bool,
                average_shifts: float, average_load: float, ordinal: int) -> str:
        parts = [
            f"本期已排 {self.period_shifts[i]} 班（平均 {average_shifts:.1f} 班）",
            f"近四周 {_hours_text(self.load[i])} 小时（平均 {_hours_text(average_load)} 小时）",
        ]
        if night:
            parts.append(f"近四周夜班 {self.nights[i]} 次")
        if holiday:
            parts.append(f"近四周节假日值班 {self.holidays[i]} 次")
        if post.team_id is not None:
            parts.append("外队队员（本队无更合适人选）" if other_team else "本队队员")
        if post.required_skill:
            periods = self.members[i].skills[post.required_skill]
            day = date.fromordinal(ordinal)
            ends = [b for a, b in periods if valid_on(((a, b),), day)]
            known_ends = [b for b in ends if b is not None]
            until = "" if len(known_ends) < len(ends) or not ends else f"（有效期至{format_date(max(known_ends))}）"
            parts.append(f"具备 {post.required_skill} 资质{until}")
        return "，".join(parts)

    def lead(self, shift: ShiftInfo, post: PostInfo, crew: list[BookedInfo], chosen: list[tuple[int, str]],
             out: SchedulePlan) -> None:
        people = [LeaderCandidate(b.member_id, b.member_team_id, b.member_join_date) for b in crew
                  if b.status != ABSENT]
        people += [LeaderCandidate(self.members[i].id, self.team[i], self.members[i].join_date) for i, _ in chosen]
        ids = {p.member_id for p in people}
        leader = shift.leader_id if shift.leader_id in ids else None
        why = ""
        if leader is None and post.needs_leader and people:
            team_leader = self.data.team_leaders.get(post.team_id) if post.team_id is not None else None
            leader, why = choose_leader(people, post.team_id, team_leader)
        if leader != shift.leader_id or shift.id < 0:
            out.leaders[shift.id] = leader
        first = len(out.assignments) - len(chosen)  # this shift's new assignments are the last ones
        for k in range(first, len(out.assignments)):
            a = out.assignments[k]
            if why and a.member_id == leader:
                out.assignments[k] = PlannedAssignment(a.shift_id, a.member_id, f"{a.reason}；任带班（{why}）")


def plan(data: ScheduleInput, progress: Progress | None = None, exhaustive: bool = False) -> SchedulePlan:
    """Staff `data.shifts` by the rules above; pure: reads only `data`. `exhaustive` weighs every member
    for every slot instead of walking the index: the same plan, slower (the tests compare the two)."""
    return _Planner(data, exhaustive).run(progress)


# --- loading and saving --------------------------------------------------------------------------


def _check_period(date_from: date, date_to: date) -> None:
    if date_to < date_from:
        raise ScheduleError(QT_TRANSLATE_NOOP("Messages", "结束日期不能早于开始日期"))
    if (date_to - date_from).days + 1 > MAX_PERIOD_DAYS:
        raise ScheduleError(
            Message(QT_TRANSLATE_NOOP("Messages", "一次最多排 {max_period_days} 天"),
                    max_period_days=MAX_PERIOD_DAYS))


def load_input(date_from: date, date_to: date, team_id: int | None = None, progress: Progress | None = None,
               now: datetime | None = None) -> tuple[ScheduleInput, list[ShiftInfo]]:
    """Everything `plan` needs, from the database; the second item lists the shifts the patterns call for
    that are not saved yet (negative ids, also in the input's shifts). Shifts that have started by `now`
    are left as they are: not staffed, their assignments kept, none made for them from the patterns."""
    _check_period(date_from, date_to)
    now = now or datetime.now()
    rules = Rules.from_settings()
    read = ValueReader()
    # the posts and members taken part are selected by joins on these conditions (never a list of ids)
    post_filter = [DutyPost.deleted_at.is_null(), DutyPost.active == True]  # noqa: E712
    # on SQLite the members' (deleted_at, status) index is kept from leading the joins below: reached
    # through it, the join walks every active member's rows of all time (the assignments of years), where
    # the period's shifts (their date index) or the smaller table lead and each member is found by id; one
    # team's members come through their (team, status) index
    joined_filter = [unindexed(Member.deleted_at).is_null(), unindexed(Member.status) == ACTIVE]
    if team_id is not None:
        post_filter.append(DutyPost.team == team_id)
        joined_filter.append(Member.team == team_id)
    post_query = DutyPost.select(DutyPost.id, DutyPost.name, DutyPost.kind, DutyPost.team, DutyPost.required_skill,
                                 DutyPost.needs_leader).where(*post_filter).order_by(DutyPost.id)
    posts = {pid: PostInfo(pid, name, kind, team, skill or "", bool(leader))
             for pid, name, kind, team, skill, leader in raw_rows(post_query)}
    team_leaders = {tid: leader for tid, leader in Team.select(Team.id, Team.leader).where(
        Team.leader.is_null(False)).tuples()}
    if progress is not None:
        progress(2, 100, QT_TRANSLATE_NOOP("Messages", "正在读取班次"))

    planned = [p for p in plan_shifts(date_from, date_to, list(posts) if team_id is not None else None)
               if p.post_id in posts and datetime.combine(p.date, p.start) >= now]
    new_shifts = [ShiftInfo(-(k + 1), p.post_id, p.date, p.start, p.end, p.headcount, None, p.pattern_id)
                  for k, p in enumerate(planned)]
    shift_query = (Shift.select(Shift.id, Shift.post, Shift.date, Shift.start, Shift.end, Shift.headcount,
                                Shift.leader)
                   .join(DutyPost, on=(Shift.post == DutyPost.id))
                   .where(Shift.date.between(date_from, date_to), *post_filter).order_by(Shift.id))
    shifts = []
    for sid, post, day, start, end, headcount, leader in raw_rows(shift_query):
        day, start = read.day(day), read.time(start)
        if datetime.combine(day, start) >= now:
            shifts.append(ShiftInfo(sid, post, day, start, read.time(end), headcount, leader))
    shift_ids = {s.id for s in shifts}

    members_rows = raw_rows(Member.select(Member.id, Member.name, Member.team, Member.join_date,
                                          Member.insurance_expires_on, Member.skills)
                            .where(*joined_filter).order_by(Member.id))
    skills_needed = sorted({p.required_skill for p in posts.values() if p.required_skill})
    quals: dict[tuple[int, str], list[Period]] = {}
    if skills_needed:
        for mid, skill, granted, expires in raw_rows(
                Qualification.select(Qualification.member, Qualification.skill, Qualification.granted_on,
                                     Qualification.expires_on)
                .join(Member, on=(Qualification.member == Member.id))
                .where(*joined_filter, Qualification.skill.in_(skills_needed))):
            quals.setdefault((mid, skill), []).append((read.date(granted), read.date(expires)))
    leaves: dict[int, list[tuple[date, date]]] = {}
    for mid, start, end in raw_rows(
            Leave.select(Leave.member, Leave.from_date, Leave.to_date)
            .join(Member, on=(Leave.member == Member.id))
            .where(*joined_filter, Leave.from_date <= date_to + timedelta(days=1),
                   Leave.to_date >= date_from - timedelta(days=1))
            .order_by(Leave.member, Leave.from_date, Leave.id)):
        leaves.setdefault(mid, []).append((read.day(start), read.day(end)))
    members = []
    listed_of: dict[str, frozenset[str]] = {}  # a skills text → its skills (a few texts recur)
    for mid, name, team, join, insurance, skills_text in members_rows:
        listed = listed_of.get(skills_text)
        if listed is None:
            listed = listed_of[skills_text] = frozenset(split_skills(skills_text or ""))
        held = {}
        for skill in skills_needed:
            periods = skill_periods(quals.get((mid, skill), []), skill in listed)
            if periods:
                held[skill] = periods
        members.append(MemberInfo(mid, name, team, read.date(join), read.date(insurance), held,
                                  tuple(leaves.get(mid, ()))))
    if progress is not None:
        progress(5, 100, QT_TRANSLATE_NOOP("Messages", "正在读取已有安排"))

    # assignments on the shifts being scheduled: kept (locked, attendance recorded) or replaced
    booked: list[BookedInfo] = []
    replaced: list[int] = []
    columns = (Assignment.id, Assignment.shift, Assignment.member, Shift.date, Shift.start, Shift.end,
               Assignment.status, Assignment.hours, Member.team, Member.join_date, Assignment.locked)
    seen: set[int] = set()
    if shift_ids:
        query = (Assignment.select(*columns).join(Shift, on=(Assignment.shift == Shift.id))
                 .join(DutyPost, on=(Shift.post == DutyPost.id))
                 .switch(Assignment).join(Member, on=(Assignment.member == Member.id))
                 .where(Shift.date.between(date_from, date_to), *post_filter)
                 .order_by(Assignment.id))
        for aid, sid, mid, day, start, end, status, hours, team, join, locked in raw_rows(query):
            if sid not in shift_ids:
                continue  # a shift that has started: its assignments stay, like any other
            seen.add(aid)
            if status == PLANNED and not locked:
                replaced.append(aid)
            else:
                booked.append(BookedInfo(aid, sid, mid, read.day(day), read.time(start), read.time(end), status,
                                         float(hours or 0), team, read.date(join)))
    # the candidates' other assignments: the rolling window before, the period, and a week after
    query = (Shift.select(*columns).join(Assignment, on=(Assignment.shift == Shift.id))
             .join(Member, on=(Assignment.member == Member.id))
             .where(Shift.date.between(date_from - timedelta(days=WINDOW_DAYS + 1), date_to + timedelta(days=7)),
                    *joined_filter, Assignment.status != ON_LEAVE))  # put in id order below
    for aid, sid, mid, day, start, end, status, hours, team, join, _locked in raw_rows(query):
        if aid not in seen:
            booked.append(BookedInfo(aid, sid, mid, read.day(day), read.time(start), read.time(end), status,
                                     float(hours or 0), team, read.date(join)))
    booked.sort(key=lambda b: b.id)
    data = ScheduleInput(date_from, date_to, members, posts, shifts + new_shifts, booked, rules, team_leaders,
                         replaced, team_id)
    if progress is not None:
        progress(10, 100, QT_TRANSLATE_NOOP("Messages", "数据已读取"))
    return data, new_shifts


def _now_text() -> str:
    return datetime.now().isoformat(sep=" ")


@requires(EDIT)
def save_plan(data: ScheduleInput, new_shifts: Sequence[ShiftInfo], result: SchedulePlan) -> dict[int, int]:
    """Write the plan in one transaction; returns the real ids of the new shifts (negative id → id)."""
    now = _now_text()
    ids: dict[int, int] = {}
    false = "false" if is_postgres() else "0"
    with db.atomic():
        if new_shifts:
            next_id = bulk_next_id(Shift)
            rows = []
            for k, s in enumerate(new_shifts):
                ids[s.id] = next_id + k
                rows.append((next_id + k, uuid.uuid4().hex, now, now, s.post_id, s.date.isoformat(),
                             s.start.strftime("%H:%M:%S"), s.end.strftime("%H:%M:%S"), s.headcount,
                             result.leaders.get(s.id), s.pattern_id, ""))
            execute_many(
                'INSERT INTO shift (id, uuid, created_at, updated_at, post_id, date, "start", "end", headcount, '
                "leader_id, pattern_id, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            advance_sequence(Shift)
        for k in range(0, len(data.replaced), 500):
            Assignment.delete().where(Assignment.id.in_(data.replaced[k:k + 500])).execute()
        execute_many(
            "INSERT INTO assignment (uuid, created_at, updated_at, shift_id, member_id, status, actual_start, "
            f"actual_end, hours, locked, reason, notes) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, 0, {false}, ?, '')",
            [(uuid.uuid4().hex, now, now, ids.get(a.shift_id, a.shift_id), a.member_id, PLANNED, a.reason)
             for a in result.assignments])
        execute_many(
            "UPDATE shift SET leader_id = ?, updated_at = ? WHERE id = ?",
            [(leader, now, shift_id) for shift_id, leader in sorted(result.leaders.items()) if shift_id > 0])
        missing = sum(s.missing for s in result.unfilled)
        audit.record("自动排班", "shift", "",
                     f"自动排班 {data.date_from:%Y-%m-%d}至{data.date_to:%Y-%m-%d}：新增班次 {len(new_shifts)} 个，"
                     f"新排 {len(result.assignments)} 人次，替换 {len(data.replaced)} 人次，仍缺 {missing} 人次")
    return ids


@requires(EDIT)
def auto_schedule(date_from: date, date_to: date, team_id: int | None = None, progress: Progress | None = None,
                  now: datetime | None = None) -> ScheduleResult:
    """Fill the period's shifts that have not started by `now` (of one team's posts, with its members, when
    `team_id` is given). `progress(percent, 100, text)` is called as the work goes on; if it raises, nothing
    is saved."""
    started = timer.perf_counter()
    if progress is not None:
        progress(0, 100, QT_TRANSLATE_NOOP("Messages", "正在读取队员、岗位和已有安排"))
    with collector_paused():  # a prefecture's input is some million objects: no collections over them
        data, new_shifts = load_input(date_from, date_to, team_id, progress, now)
        result = plan(data, progress)
        if progress is not None:
            progress(92, 100, QT_TRANSLATE_NOOP("Messages", "正在保存"))
        ids = save_plan(data, new_shifts, result)
    unfilled = sorted(
        (UnfilledSlot(ids.get(u.shift_id, u.shift_id), u.post_id, u.post_name, u.date, u.start, u.end, u.headcount,
                      u.missing, u.reason, u.blocked) for u in result.unfilled),
        key=lambda u: (u.date, u.start, u.post_id, u.shift_id))
    if progress is not None:
        progress(100, 100, QT_TRANSLATE_NOOP("Messages", "完成"))
    return ScheduleResult(date_from, date_to, team_id, len(data.shifts), len(new_shifts), result.slots_needed,
                          result.slots_kept, result.slots_filled, len(data.replaced), tuple(unfilled),
                          timer.perf_counter() - started)


# --- explaining ----------------------------------------------------------------------------------


def explain(assignment_id: int) -> str:
    """Why this member is on this shift: the scheduler's reason, or how it was put there by hand."""
    assignment = Assignment.get_or_none(Assignment.id == assignment_id)
    if assignment is None:
        raise ScheduleError(QT_TRANSLATE_NOOP("Messages", "该安排不存在"))
    reason = (assignment.reason or "").strip()
    if not reason:
        reason = "手工安排"
    if assignment.locked:
        reason += "（已锁定，自动排班时保留）"
    if assignment.status != PLANNED:
        reason += f"；考勤：{assignment.status}"
    return reason


class FairnessRow(NamedTuple):
    """One member's line (a tuple: a prefecture's table has about 90,000 of them)."""

    member_id: int
    name: str
    team_name: str
    shifts: int  # in the period (请假/缺勤 not counted)
    hours: float  # in the period: recorded hours when attended, planned length when planned
    night_shifts: int
    holiday_shifts: int
    hours_4w: float  # the four weeks before the period plus the period
    average_4w: float  # of hours_4w over the rows

    @property
    def difference(self) -> float:
        return round(self.hours_4w - self.average_4w, 1)


def fairness(date_from: date, date_to: date, team_id: int | None = None) -> list[FairnessRow]:
    """Duty per active member (of `team_id`, if given) for the period and its rolling four-week window,
    against the average; members without any duty included. Ordered by team, then pinyin."""
    _check_period(date_from, date_to)
    with collector_paused():  # a row per member: a prefecture's 90,000, and as many lists to count in
        return _fairness(date_from, date_to, team_id)


def _fairness(date_from: date, date_to: date, team_id: int | None) -> list[FairnessRow]:
    member_filter = [Member.deleted_at.is_null(), Member.status == ACTIVE]
    if team_id is not None:
        member_filter.append(Member.team == team_id)
    # in the table's order (team name, pinyin, id; by code point on either engine, as Python compares)
    rows = raw_rows(Member.select(Member.id, Member.name, Team.name)
                    .join(Team, JOIN.LEFT_OUTER, on=(Member.team == Team.id))
                    .where(*member_filter)
                    .order_by(binary(fn.COALESCE(Team.name, "")), binary(Member.pinyin_full), Member.id))
    stats = {mid: [0, 0, 0, 0, 0] for mid, _, _ in rows}  # shifts, minutes, nights, holidays, minutes_4w
    window_from = date_from - timedelta(days=WINDOW_DAYS)
    # Driven from the window's shifts (their date index); the members are never a list of ids in the SQL
    # (SQLite would test every assignment against every id). For all teams the assignments of the window
    # are read without the member table and those of members not in `stats` (not active) skipped here:
    # joining the member row of each costs more than the few rows it would leave out. For one team its
    # members are joined (on SQLite kept off the (deleted_at, status) index, which would lead the join and
    # walk those members' assignments of all time)
    query = (Shift.select(Assignment.member, Shift.date, Shift.start, Shift.end, Assignment.status,
                          Assignment.hours)
             .join(Assignment, on=(Assignment.shift == Shift.id)))
    if team_id is not None:
        query = query.join(Member, on=(Assignment.member == Member.id)).where(
            unindexed(Member.deleted_at).is_null(), unindexed(Member.status) == ACTIVE, Member.team == team_id)
    query = query.where(Shift.date.between(window_from, date_to), Assignment.status.not_in((ON_LEAVE, ABSENT)))
    read = ValueReader()
    first = date_from.isoformat()
    # what a shift of (day, start, end) with (status, hours) counts: minutes, in the period, night, holiday
    counts: dict[tuple[Any, Any, Any, str, float], tuple[int, bool, bool, bool]] = {}
    nights: dict[tuple[Any, Any], bool] = {}
    holidays: dict[Any, bool] = {}
    for mid, day, start, end, status, hours in raw_rows(query):
        entry = stats.get(mid)
        if entry is None:
            continue
        key = (day, start, end, status, hours)
        counted = counts.get(key)
        if counted is None:
            minutes = BookedInfo(0, 0, mid, read.day(day), read.time(start), read.time(end), status,
                                 float(hours or 0)).minutes
            night = nights.get((start, end))
            if night is None:
                night = nights[(start, end)] = is_night(read.time(start), read.time(end))
            holiday = holidays.get(day)
            if holiday is None:
                holiday = holidays[day] = bool(holiday_name(read.day(day)))
            counted = counts[key] = (minutes, str(day)[:10] >= first, night, holiday)
        minutes, in_period, night, holiday = counted
        entry[4] += minutes
        if in_period:
            entry[0] += 1
            entry[1] += minutes
            entry[2] += night
            entry[3] += holiday
    average = round(sum(e[4] for e in stats.values()) / 60 / max(1, len(stats)), 1)
    out = []
    for mid, name, team in rows:
        shifts, minutes, night_count, holiday_count, minutes_4w = stats[mid]
        out.append(FairnessRow(mid, name, team or "", shifts, round(minutes / 60, 1), night_count, holiday_count,
                               round(minutes_4w / 60, 1), average))
    return out
