"""The rules of who may serve on a shift, as pure functions: the qualification rule, the insurance rule and
the choice of the 带班 leader; a broken rule is a `Problem` (`REFUSE` or `WARN`).

The qualification rule: when the member has `Qualification` rows for the skill, one of them must be valid
that day (granted_on ≤ day ≤ expires_on, no expires_on = no end); when there is no such row, the skill listed
in `Member.skills` counts, without expiry. A skill only listed in the record but backed by expired
Qualification rows is expired.
The insurance rule: insured on the last day the shift touches (no expiry date recorded = not insured);
refused for the risky kinds (巡逻 / 交通劝导 / 救援待命, 志愿服务条例 Art. 17), warned for the others.
Assignments with status 请假 neither fill a shift nor count against the member's time.
The 带班 leader: see `choose_leader`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ...domain.dates import format_date
from ...domain.vocabulary import RISKY_POST_KINDS

REFUSE = "refuse"
WARN = "warn"


@dataclass(frozen=True)
class Problem:
    level: str  # REFUSE or WARN
    code: str  # deleted, status, joined, duplicate, leave, skill, insurance, overlap, rest, weekly, full
    message: str


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
    if kind in RISKY_POST_KINDS:
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
