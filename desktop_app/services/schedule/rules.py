"""The rules of who may serve on a shift, each written once, as pure functions over plain facts (dates,
minutes, rows already loaded). The manual check (`assignment_checks`) calls them on the facts it loads for
one shift, the auto-scheduler (`auto_scheduler`) on its input in memory, and the tests' oracles call the same
functions. A broken rule is a `Problem` (`REFUSE` or `WARN`, with a Chinese message).

The hard rules, and what the manual check does when one is broken:
  standing       the member is 在队 and not deleted                                          refused
  joined         the member joined by the shift's day                                        refused
  leave          not on leave on a day the shift touches (an overnight shift touches two)    refused
  qualification  holds the post's required skill on the shift's day                          refused
  insurance      insured on the last day the shift touches (no expiry date recorded = not
                 insured): refused for the risky kinds (巡逻 / 交通劝导 / 救援待命, 志愿服务条例
                 Art. 17), warned for the others
  overlap        no two shifts of the member overlap (touching ends are not an overlap)      refused
  rest           at least the minimum rest between the end of one shift and the start of the
                 next (setting "schedule.min_rest_hours")                                     warned
  weekly         at most the weekly maximum of shifts in an ISO week
                 (setting "schedule.max_shifts_per_week")                                     warned
  headcount      no more members than the shift's headcount                                  warned
A person may confirm a warning; the auto-scheduler treats every rule as refusing (it never makes an
assignment a manual check would even warn about).

The qualification rule: when the member has `Qualification` rows for the skill, one of them must be valid
that day (granted_on ≤ day ≤ expires_on, no expires_on = no end); when there is no such row, the skill listed
in `Member.skills` counts, without expiry. A skill only listed in the record but backed by expired
Qualification rows is expired.
Assignments with status 请假 neither fill a shift nor count against the member's time (`occupies`).
Shift times are absolute minutes (`shift_times.interval`). The 带班 leader: see `choose_leader`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from ...domain.dates import format_date
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.vocabulary import ACTIVE, ON_LEAVE, RISKY_POST_KINDS

REFUSE = "refuse"
WARN = "warn"

Period = tuple[date | None, date | None]  # granted_on, expires_on (inclusive); None = open
LeaveT = TypeVar("LeaveT", bound=Sequence)  # (from_date, to_date, …), both days inclusive


@dataclass(frozen=True)
class Problem:
    level: str  # REFUSE or WARN
    code: str  # deleted, status, joined, duplicate, leave, skill, insurance, overlap, rest, weekly, full
    message: str


def occupies(status: str) -> bool:
    """Whether an assignment with this status fills its shift and takes the member's time (not 请假)."""
    return status != ON_LEAVE


# --- standing, joining, the same shift twice ----------------------------------------------------


def standing_problems(status: str, deleted: bool) -> list[Problem]:
    out = []
    if deleted:
        out.append(Problem(REFUSE, "deleted", QT_TRANSLATE_NOOP("Messages", "该队员已删除")))
    if status != ACTIVE:
        out.append(Problem(REFUSE, "status",
            Message(QT_TRANSLATE_NOOP("Messages", "队员状态为“{status}”，只有“{active}”的队员可以排班"),
                    status=status, active=ACTIVE)))
    return out


def joined_by(join_date: date | None, day: date) -> bool:
    """No join date recorded counts as joined."""
    return join_date is None or join_date <= day


def joined_problem(join_date: date | None, day: date) -> Problem | None:
    if join_date is None or joined_by(join_date, day):
        return None
    return Problem(REFUSE, "joined",
        Message(QT_TRANSLATE_NOOP("Messages", "{join_date}才入队"), join_date=format_date(join_date)))


DUPLICATE = Problem(REFUSE, "duplicate", QT_TRANSLATE_NOOP("Messages", "已安排在本班次"))


# --- leave ---------------------------------------------------------------------------------------


def leave_during(leaves: Iterable[LeaveT], first_day: date, last_day: date) -> LeaveT | None:
    """The first of the leaves that touches a day from `first_day` to `last_day`, or None."""
    for leave in leaves:
        if leave[0] <= last_day and leave[1] >= first_day:
            return leave
    return None


def leave_problem(leaves: Iterable[tuple[date, date, str]], first_day: date, last_day: date) -> Problem | None:
    leave = leave_during(leaves, first_day, last_day)
    if leave is None:
        return None
    start, end, reason = leave
    why = f"：{reason}" if reason else ""
    return Problem(REFUSE, "leave",
        Message(QT_TRANSLATE_NOOP("Messages", "当日请假（{start}至{end}{why}）"),
                start=format_date(start), end=format_date(end), why=why))


# --- qualification -------------------------------------------------------------------------------


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
        return Message(QT_TRANSLATE_NOOP("Messages", "不具备岗位所需的“{skill}”资质"), skill=skill)
    expired = [b for a, b in periods if b is not None and b < day]
    if expired:
        return Message(QT_TRANSLATE_NOOP("Messages", "“{skill}”资质已于{expired}到期"), skill=skill,
                       expired=format_date(max(expired)))
    later = [a for a, b in periods if a is not None and a > day]
    return (Message(QT_TRANSLATE_NOOP("Messages", "“{skill}”资质自{later}起才生效"), skill=skill,
                    later=format_date(min(later))) if later
            else Message(QT_TRANSLATE_NOOP("Messages", "“{skill}”资质当日无效"), skill=skill))


def qualification_problem(skill: str, periods: Sequence[Period], day: date) -> Problem | None:
    message = skill_problem(skill, periods, day)
    return Problem(REFUSE, "skill", message) if message else None


# --- insurance -----------------------------------------------------------------------------------


def insured_on(expires_on: date | None, day: date) -> bool:
    return expires_on is not None and day <= expires_on


def insurance_problem(expires_on: date | None, kind: str, last_day: date) -> Problem | None:
    if insured_on(expires_on, last_day):
        return None
    text = (QT_TRANSLATE_NOOP("Messages", "未登记意外保险") if expires_on is None
            else Message(QT_TRANSLATE_NOOP("Messages", "意外保险已于{expires_on}到期"),
                         expires_on=format_date(expires_on)))
    if kind in RISKY_POST_KINDS:
        return Problem(REFUSE, "insurance",
            Message(QT_TRANSLATE_NOOP("Messages", "{text}，不能参加{kind}勤务"), text=text, kind=kind))
    return Problem(WARN, "insurance", Message(QT_TRANSLATE_NOOP("Messages", "{text}，请尽快续保"), text=text))


# --- overlap and rest (absolute minutes) ---------------------------------------------------------


def overlaps(start: int, end: int, other_start: int, other_end: int) -> bool:
    """Touching ends (one ends when the other starts) are not an overlap."""
    return start < other_end and other_start < end


def rest_between(start: int, end: int, other_start: int, other_end: int) -> int:
    """Minutes between two shifts that do not overlap."""
    return start - other_end if other_end <= start else other_start - end


def rest_minutes(min_rest_hours: float) -> int:
    return int(round(min_rest_hours * 60))


def too_little_rest(start: int, end: int, other_start: int, other_end: int, min_rest: int) -> bool:
    """Less than `min_rest` minutes between two shifts that do not overlap (an overlap is its own rule)."""
    return not overlaps(start, end, other_start, other_end) and rest_between(
        start, end, other_start, other_end) < min_rest


def overlap_problem(other: str) -> Problem:
    return Problem(REFUSE, "overlap",
        Message(QT_TRANSLATE_NOOP("Messages", "与已排的“{other}”时间冲突"), other=other))


def rest_problem(other: str, gap: int, min_rest_hours: float) -> Problem:
    return Problem(WARN, "rest",
        Message(QT_TRANSLATE_NOOP("Messages", "与“{other}”间隔仅 {gap_hours:.1f} 小时，少于最少休息 {min_rest_hours:g} 小时"),
                other=other, gap_hours=gap / 60, min_rest_hours=min_rest_hours))


# --- the weekly maximum and the headcount --------------------------------------------------------


def week_full(shifts_in_week: int, max_per_week: int) -> bool:
    """One more shift in the ISO week would exceed the maximum."""
    return shifts_in_week >= max_per_week


def weekly_problem(shifts_in_week: int, max_per_week: int) -> Problem | None:
    if not week_full(shifts_in_week, max_per_week):
        return None
    return Problem(WARN, "weekly",
        Message(QT_TRANSLATE_NOOP("Messages", "本周已排 {shifts_in_week} 班，再排将超过每周上限 {max_per_week} 班"),
                shifts_in_week=shifts_in_week, max_per_week=max_per_week))


def places_left(headcount: int, filled: int) -> int:
    """How many more members the shift takes (`filled`: members on it, 请假 not counted)."""
    return max(0, headcount - filled)


def full_problem(headcount: int, filled: int) -> Problem | None:
    if places_left(headcount, filled):
        return None
    return Problem(WARN, "full",
        Message(QT_TRANSLATE_NOOP("Messages", "本班次已满员（{filled}/{headcount}人）"),
                filled=filled, headcount=headcount))


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
