"""The quicker ways of reading the hours, the best volunteers' points and the 首页's shift counts give exactly
what the first, plain queries gave, on generated data (a village's year of duty, work records, trainings):
every member's hours up to a day (the stars), the ranking by hours with its points, points for some members,
and the week's and coming days' shifts short of people."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from peewee import JOIN, fn

from desktop_app.config import DataPaths
from desktop_app.db.database import db
from desktop_app.db.models import (
    Activity,
    ActivityParticipant,
    Assignment,
    DutyPost,
    Member,
    Shift,
    Team,
)
from desktop_app.demo.generator import SCALES, generate
from desktop_app.domain.periods import Period
from desktop_app.domain.service_levels import STAR_LABELS, star_level
from desktop_app.domain.vocabulary import ATTENDED_STATUSES
from desktop_app.services.dashboard.figures import (
    _staffed,
    coming_days,
    dashboard_counts,
    short_shifts_query,
    week_of,
    week_shifts_query,
)
from desktop_app.services.records.points import (
    RankRow,
    _ledger_sql,
    points_by_member,
    points_rules,
    ranking,
    star_levels,
    star_thresholds,
)
from desktop_app.services.records.reports import report_data
from desktop_app.services.records.service_hours import (
    SOURCE_ACTIVITY,
    SOURCE_DUTY,
    hours_by_member,
    service_hours_by_source,
)
from desktop_app.services.storage.data_folder import close_store, open_store

TODAY = date(2026, 11, 29)


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("village")
    open_store(DataPaths(folder))
    try:
        generate(SCALES["village"], seed=2024, today=TODAY)
    finally:
        close_store()
    return folder


@pytest.fixture(params=["as generated", "with deleted records"])
def store(request, generated, tmp_path):
    """A copy of the generated data, opened; the second time with a few work records deleted (soft)."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(DataPaths(generated).database, DataPaths(folder).database)
    open_store(DataPaths(folder))
    if request.param == "with deleted records":
        some = [aid for (aid,) in Activity.select(Activity.id).order_by(Activity.id).limit(40).tuples()][::4]
        Activity.update(deleted_at=datetime(2026, 11, 1)).where(Activity.id.in_(some)).execute()
    yield folder
    close_store()


def _old_by_source(member_ids: list[int] | None, date_to: date | None,
                   date_from: date | None = None) -> dict[int, dict[str, float]]:
    """Service hours per member and source (值班, 活动) as first written: duty joined to its shift and post,
    work records joined to the record."""
    out: dict[int, dict[str, float]] = {}
    duty = (Assignment.select(Assignment.member, fn.SUM(Assignment.hours)).join(Shift).join(DutyPost)
            .where(Assignment.status.in_(ATTENDED_STATUSES)))
    work = (ActivityParticipant.select(ActivityParticipant.member, fn.SUM(ActivityParticipant.hours)).join(Activity)
            .where(Activity.deleted_at.is_null()))
    if date_to is not None:
        duty, work = duty.where(Shift.date <= date_to), work.where(Activity.date <= date_to)
    if date_from is not None:
        duty, work = duty.where(Shift.date >= date_from), work.where(Activity.date >= date_from)
    if member_ids is not None:
        duty, work = duty.where(Assignment.member.in_(member_ids)), work.where(ActivityParticipant.member.in_(member_ids))
    for source, query, member in ((SOURCE_DUTY, duty, Assignment.member), (SOURCE_ACTIVITY, work,
                                                                          ActivityParticipant.member)):
        for mid, total in query.group_by(member).tuples():
            if total and round(total, 2) > 0:
                out.setdefault(mid, {SOURCE_DUTY: 0.0, SOURCE_ACTIVITY: 0.0})[source] = total
    return out


def _old_hours(member_ids: list[int] | None, date_to: date | None, date_from: date | None = None) -> dict[int, float]:
    totals = {mid: sum(by.values()) for mid, by in _old_by_source(member_ids, date_to, date_from).items()}
    return {mid: round(total, 2) for mid, total in totals.items() if round(total, 2) > 0}


def _old_points(date_from: date | None, date_to: date | None) -> dict[int, float]:
    """Points per member as first written: the whole ledger, the period applied outside it."""
    sql, params = _ledger_sql(points_rules())
    where, extra = [], []
    if date_from is not None:
        where.append("date >= ?")
        extra.append(date_from.isoformat())
    if date_to is not None:
        where.append("date <= ?")
        extra.append(date_to.isoformat())
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    rows = db.execute_sql(f"SELECT member_id, SUM(points) FROM ({sql}){clause} GROUP BY member_id", [*params, *extra])
    return {mid: round(total, 2) for mid, total in rows if round(total or 0, 2) != 0}


def _old_ranking(date_from: date, date_to: date, team_id: int | None, limit: int | None) -> list[RankRow]:
    """The ranking by hours as first written: every member's points, then the first `limit`."""
    members = Member.select(Member.id, Member.name, Team.name).join(Team, JOIN.LEFT_OUTER).where(
        Member.deleted_at.is_null())
    if team_id is not None:
        members = members.where(Member.team == team_id)
    known = {mid: (name, team or "") for mid, name, team in members.tuples()}
    points = _old_points(date_from, date_to)
    hours = {mid: h for mid, h in _period_hours(date_from, date_to).items() if mid in known}
    stars = {mid: star_level(h, star_thresholds()) for mid, h in _old_hours(None, date_to).items()}
    scored = [(mid, points.get(mid, 0.0), hours.get(mid, 0.0)) for mid in known if points.get(mid) or hours.get(mid)]
    scored.sort(key=lambda row: (-row[2], known[row[0]][0], row[0]))
    rows: list[RankRow] = []
    previous, rank = None, 0
    for position, (mid, score_points, score_hours) in enumerate(scored, start=1):
        if score_hours != previous:
            rank, previous = position, score_hours
        rows.append(RankRow(rank, mid, known[mid][0], known[mid][1], score_points, score_hours, stars.get(mid, 0)))
        if limit is not None and len(rows) >= limit:
            break
    return rows


def _period_hours(date_from: date, date_to: date) -> dict[int, float]:
    return _old_hours(None, date_to, date_from)


def test_hours_in_a_period_equal_the_joined_queries(store):
    for date_from, date_to in ((date(2026, 1, 1), date(2026, 12, 31)), (date(2025, 12, 1), date(2026, 11, 30)),
                               (date(2026, 11, 1), date(2026, 11, 29)), (date(2026, 7, 1), date(2026, 9, 30))):
        expected = _old_by_source(None, date_to, date_from)
        assert service_hours_by_source(date_from, date_to) == {
            mid: {source: round(h, 2) for source, h in by.items()} for mid, by in expected.items()}
        assert hours_by_member(None, date_from, date_to, training=False) == _old_hours(None, date_to, date_from)
        assert expected, date_from


def test_hours_up_to_a_day_equal_the_joined_queries(store):
    first_shift = Shift.select(fn.MIN(Shift.date)).scalar()
    first_shift = first_shift if isinstance(first_shift, date) else date.fromisoformat(str(first_shift))
    some = [mid for (mid,) in Member.select(Member.id).order_by(Member.id).tuples()][::7]
    days = [None, TODAY, TODAY + timedelta(days=30), date(2026, 6, 30), first_shift, first_shift - timedelta(days=1)]
    for day in days:
        expected = _old_hours(None, day)
        assert hours_by_member(None, None, day, training=False) == expected, day
        assert hours_by_member(some, None, day, training=False) == _old_hours(some, day), day
        assert star_levels(None, day) == {mid: star_level(h, star_thresholds()) for mid, h in expected.items()}
    assert _old_hours(None, TODAY), "the generated data has service hours"
    assert _old_hours(None, first_shift - timedelta(days=1)) != _old_hours(None, TODAY)


def test_ranking_by_hours_and_points_of_some_members_equal_the_whole_ledger(store):
    year = (date(2026, 1, 1), date(2026, 12, 31))
    teams = [tid for (tid,) in Team.select(Team.id).order_by(Team.id).tuples()]
    for date_from, date_to in (year, (date(2026, 11, 1), date(2026, 11, 30)), (TODAY, TODAY)):
        with_hours = len(_period_hours(date_from, date_to))
        for limit in (10, 1, with_hours, with_hours + 5, None):
            for team_id in (None, teams[0]):
                got = ranking(date_from, date_to, team_id, by="hours", limit=limit)
                assert got == _old_ranking(date_from, date_to, team_id, limit), (date_from, limit, team_id)
        whole = _old_points(date_from, date_to)
        some = sorted(whole)[::3] + [10**9]
        assert points_by_member(date_from, date_to, member_ids=some) == {mid: whole[mid] for mid in some if mid in whole}
        assert points_by_member(date_from, date_to) == whole
    assert _old_ranking(*year, None, 10)[0].points != 0, "the best volunteer has points"


def test_report_stars_and_best_volunteers_equal_the_old_computation(store):
    data = report_data(Period("year", 2026, 0), None, today=TODAY)
    levels = {mid: star_level(h, star_thresholds()) for mid, h in _old_hours(None, date(2026, 12, 31)).items()}
    assert data.stars == {STAR_LABELS[level]: sum(1 for v in levels.values() if v == level) for level in range(1, 6)}
    best = _old_ranking(date(2026, 1, 1), date(2026, 12, 31), None, 10)
    assert [(v.rank, v.name, v.hours, v.points, v.stars) for v in data.best] == [
        (r.rank, r.name, r.hours, r.points, STAR_LABELS[r.stars]) for r in best]


def test_dashboard_shift_counts_equal_one_query_each(store):
    last = Shift.select(fn.MAX(Shift.date)).scalar()
    last = last if isinstance(last, date) else date.fromisoformat(str(last))
    for today in (TODAY, TODAY - timedelta(days=3), TODAY + timedelta(days=2), last, last + timedelta(days=10)):
        counts = dashboard_counts(today)
        week_start, week_end = week_of(today)
        first, final = coming_days(today)
        week = week_shifts_query(week_start, week_end)
        assert counts.shifts_this_week == week.count(), today
        assert counts.unfilled_shifts_this_week == week.where(_staffed() < Shift.headcount).count(), today
        assert counts.shifts_coming == week_shifts_query(first, final).count(), today
        assert counts.short_shifts_coming == short_shifts_query(first, final).count(), today
    assert dashboard_counts(TODAY).shifts_this_week > 0
