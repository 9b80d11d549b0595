"""The duty roster: posts and their patterns (`save_post`, `save_pattern`), the school vacations, the shifts
the patterns make (`generate_shifts_in_bulk`), members put on them (`AssignmentBatch`, each checked as a
manual assignment is: on the roster, not on leave, qualified, insured, no overlap, enough rest, the weekly
limit, not over the headcount) and the attendance of the shifts that are over, checked as
`record_attendance` checks it and saved with them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

from ..domain.vocabulary import ABSENT, LATE, ON_LEAVE
from ..services.schedule.assignment_batch import AssignmentBatch
from ..services.schedule.posts import PatternInput, PostInput, list_posts, save_pattern, save_post
from ..services.schedule.settings import school_vacations, set_school_vacations
from ..services.schedule.shift_batch import generate_shifts_in_bulk
from ..services.schedule.shift_times import shift_datetimes
from .context import Demo
from .posts import post_specs
from .scales import FUTURE_DAYS

REASON = "按队伍轮流安排"
LATE_MARGIN = timedelta(minutes=15)  # attendance is recorded for shifts over by then
_MINUTES = {k: timedelta(minutes=k) for k in range(-10, 41)}  # how early or late members come and go


def _made_up_vacations(first: date, last: date) -> list[tuple[date, date]]:
    """School holidays (寒假, 暑假) for the years covered: 护学岗 pause during them."""
    spans = []
    for year in range(first.year - 1, last.year + 2):
        spans.append((date(year, 1, 18), date(year, 2, 20)))
        spans.append((date(year, 7, 10), date(year, 8, 28)))
    return spans


def period(demo: Demo) -> tuple[date, date]:
    """The days with shifts: `days` of them, the last FUTURE_DAYS after the reference date."""
    first = demo.today - timedelta(days=demo.scale.days - 1 - FUTURE_DAYS)
    return first, demo.today + timedelta(days=FUTURE_DAYS)


def posts(demo: Demo) -> set[int]:
    """Save the posts with their patterns; returns the new posts' ids."""
    first, last = period(demo)
    if not school_vacations():
        set_school_vacations(_made_up_vacations(first, last))
    taken = {p.name for p in list_posts(include_inactive=True)}
    valid_from = first - timedelta(days=demo.rng.randint(30, 90))
    made: set[int] = set()
    specs = post_specs(demo)
    for k, spec in enumerate(specs):
        name = spec.name
        while name in taken:
            name += "（演示）"
        taken.add(name)
        head = max(p.headcount for p in spec.patterns)
        post = save_post(PostInput(name=name, kind=spec.kind, place=spec.place, team_id=demo.teams[spec.team].id,
                                   default_start=spec.patterns[0].start, default_end=spec.patterns[0].end,
                                   headcount=head, required_skill=spec.skill, school_days_only=spec.school_days_only,
                                   needs_leader=spec.needs_leader, notes=spec.notes))
        for pattern in spec.patterns:
            save_pattern(post.id, PatternInput(weekdays=pattern.weekdays, start=pattern.start, end=pattern.end,
                                               headcount=pattern.headcount, valid_from=valid_from))
        made.add(post.id)
        if k % 20 == 0:
            demo.progress.report(k / len(specs))
    return made


class _Rota:
    """A team's members on duty who are insured at all (the others may serve on no shift), with the post's
    skill when some have it, taken in turn: each shift goes on from where the last one stopped."""

    def __init__(self, demo: Demo, team: int, skill: str) -> None:
        members = demo.members
        active = [m for m in demo.teams[team].active if members[m].insurance is not None]
        demo.rng.shuffle(active)
        self.pool = [m for m in active if not skill or skill in members[m].skills] or active
        self.demo, self.next = demo, 0

    def turns(self, day: date, limit: int) -> Iterator[int]:
        """Up to `limit` members in turn (then the slot stays open, as a planner would leave it); those plainly
        not available that day are passed over, which spares their check."""
        pool, size, members, leaves = self.pool, len(self.pool), self.demo.members, self.demo.leaves
        for _ in range(min(size, limit)):
            m = pool[self.next]
            self.next = self.next + 1 if self.next + 1 < size else 0
            info = members[m]
            if info.join > day or info.insurance is None or info.insurance < day or (m in leaves and self.demo.on_leave(m, day)):
                continue
            yield info.id


def duty(demo: Demo, own_posts: set[int]) -> None:
    """The shifts of the period, staffed by their teams in turn; attendance of those that are over."""
    rng, today = demo.rng, demo.today
    first, last = period(demo)
    generate_shifts_in_bulk(first, last, sorted(own_posts))
    demo.progress.report(0.1)
    batch = AssignmentBatch(first, last)
    team_of = {team.id: t for t, team in enumerate(demo.teams)}
    rotas: dict[tuple[int, str], _Rota] = {}
    crews: dict[int, list[int]] = {}
    shifts = [s for s in batch.shifts if s.post_id in own_posts]
    step = max(1, len(shifts) // 40)
    soon = today + timedelta(days=2)
    for done, shift in enumerate(shifts):
        t = team_of.get(shift.post_team_id) if shift.post_team_id is not None else None
        if t is None:
            continue
        key = (t, shift.required_skill)
        rota = rotas.get(key)
        if rota is None:
            rota = rotas[key] = _Rota(demo, t, shift.required_skill)
        want = shift.headcount - shift.filled
        if shift.date > soon and rng.random() < 0.15:
            want = rng.randrange(want + 1)  # next week is not fully planned yet
        chosen = batch.fill(shift.id, rota.turns(shift.date, want * 6 + 10), want, REASON)
        if chosen:
            crews[shift.id] = chosen
        if done % step == 0:
            demo.progress.report(0.1 + 0.6 * done / len(shifts))
    demo.progress.report(0.75)
    now = demo.now
    over_by = now - LATE_MARGIN
    served = demo.served
    for shift in shifts:
        crew = crews.get(shift.id)
        if not crew:
            continue
        start, end = shift_datetimes(shift.date, shift.start, shift.end)
        if end > over_by:
            continue
        absent: dict[int, str] = {}
        actual: dict[int, tuple[datetime, datetime]] = {}
        for member_id in crew:
            roll = rng.random()
            if roll < 0.91:
                served[member_id] = served.get(member_id, 0) + 1
            if roll < 0.86:
                actual[member_id] = (start + _MINUTES[rng.randint(-10, 3)], end + _MINUTES[rng.randint(-5, 10)])
            elif roll < 0.91:
                absent[member_id] = LATE
                late = rng.randint(10, max(10, min(40, int((end - start).total_seconds()) // 120)))
                actual[member_id] = (start + _MINUTES[late], end + _MINUTES[rng.randint(0, 10)])
            else:
                absent[member_id] = ABSENT if roll < 0.96 else ON_LEAVE
        batch.record_attendance(shift.id, absent, actual, now)
    demo.progress.report(0.85)
    batch.save()
