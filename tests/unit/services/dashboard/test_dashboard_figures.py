"""The 首页's numbers: each equals the count of the records it opens; insurance and qualifications expired
and expiring apart; the coming week's short shifts; this month's figures (counted ones included) equal the
records the 工作记录 tab lists for them; the first steps of a new office."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from desktop_app.db.models import (
    Activity,
    ActivityParticipant,
    Assignment,
    Case,
    CaseMediator,
    Certificate,
    DutyPost,
    Member,
    Qualification,
    Shift,
    Team,
)
from desktop_app.services.dashboard import drilldown as dd
from desktop_app.services.dashboard.figures import dashboard_counts, first_steps, month_work, trends
from desktop_app.services.records.activity_list import ActivityFilter, activity_ids, figure_sums

TODAY = date(2026, 11, 18)


@pytest.fixture
def office(data_paths):
    team = Team.create(name="石榴大妈义警队")
    other = Team.create(name="花城义警队")
    people = {}
    for name, t, insured in (("张鹏", team, TODAY - timedelta(days=3)), ("李娜", team, TODAY + timedelta(days=10)),
                             ("王芳", other, TODAY + timedelta(days=29)), ("赵强", other, TODAY + timedelta(days=30)),
                             ("钱进", other, None)):
        people[name] = Member.create(name=name, team=t, insurance_expires_on=insured).id
    Member.create(name="孙退", team=team, status="退出", insurance_expires_on=TODAY - timedelta(days=1))
    Qualification.create(member=people["张鹏"], skill="急救", granted_on=date(2024, 1, 1), expires_on=TODAY - timedelta(1))
    Qualification.create(member=people["李娜"], skill="急救", granted_on=date(2024, 1, 1), expires_on=TODAY - timedelta(1))
    Qualification.create(member=people["李娜"], skill="急救", granted_on=date(2026, 1, 1), expires_on=date(2028, 1, 1))
    Qualification.create(member=people["王芳"], skill="救援", granted_on=date(2024, 1, 1), expires_on=TODAY + timedelta(5))
    Qualification.create(member=people["赵强"], skill="调解", granted_on=date(2024, 1, 1))
    gate = DutyPost.create(name="第一小学护学岗", kind="护学岗", headcount=2)
    for offset, assigned in ((0, ["张鹏", "李娜"]), (2, ["张鹏"]), (6, []), (7, []), (-1, ["王芳"])):
        shift = Shift.create(post=gate, date=TODAY + timedelta(days=offset), start=time(7, 30), end=time(8, 10),
                             headcount=2)
        for name in assigned:
            Assignment.create(shift=shift, member=people[name], status="已到" if offset <= 0 else "已排", hours=0.7)
    for kind, team_id, figures in (("交通劝导", team, {"people_persuaded": 35}),
                                   ("交通劝导", other, {"people_persuaded": 20}),
                                   ("救援", team, {"vehicles_helped": 3, "people_served": 7}),
                                   ("护学岗", team, {}), ("护学岗", other, {})):
        activity = Activity.create(date=TODAY - timedelta(days=1), kind=kind, team=team_id, **figures)
        ActivityParticipant.create(activity=activity, member=people["张鹏" if team_id == team else "王芳"], hours=2)
    Activity.create(date=TODAY - timedelta(days=40), kind="交通劝导", team=team, people_persuaded=99)
    Activity.create(date=TODAY, kind="交通劝导", team=team, people_persuaded=5, deleted_at=datetime.now())
    mediated = Case.create(category="邻里", received_at=datetime(2026, 11, 2, 9), status="调解中",
                           deadline=TODAY - timedelta(days=1))
    CaseMediator.create(case=mediated, member=people["李娜"])
    Case.create(category="债务", received_at=datetime(2026, 10, 2, 9), status="受理", deadline=TODAY + timedelta(9))
    Case.create(category="合同", received_at=datetime(2026, 11, 3, 9), status="结案")
    return {"team": team.id, "other": other.id, **people}


def test_each_number_equals_the_records_it_opens(office):
    counts = dashboard_counts(TODAY)
    pairs = {
        dd.INSURANCE_EXPIRED: counts.insurance_expired, dd.INSURANCE_EXPIRING: counts.insurance_expiring,
        dd.QUALIFICATIONS_EXPIRED: counts.qualifications_expired,
        dd.QUALIFICATIONS_EXPIRING: counts.qualifications_expiring, dd.SHORT_SHIFTS: counts.short_shifts_coming,
        dd.UNFILLED_WEEK: counts.unfilled_shifts_this_week, dd.OPEN_CASES: counts.open_cases,
        dd.OVERDUE_CASES: counts.overdue_cases, dd.MEMBERS: counts.members_active, dd.TEAMS: counts.teams,
        dd.CERTIFICATES: counts.certificates_this_year,
        dd.MEDIATED_MONTH: month_work(TODAY).figures["调解纠纷"],
        dd.SCHOOL_GATE_MONTH: month_work(TODAY).figures["护学岗执勤"],
        dd.WEEK_SHIFTS: counts.shifts_this_week, dd.CONFIRMATIONS: counts.confirmation_reminders,
    }
    hours = dd.drilldown(dd.HOURS_MONTH, TODAY)
    assert round(sum(float(row[4]) for row in hours.rows), 1) == counts.hours_this_month
    assert all(float(row[2]) + float(row[3]) == float(row[4]) for row in hours.rows)
    assert len(hours.ids) == len(hours.rows) == len({*hours.ids})
    pairs[dd.HOURS_MONTH] = len(hours.rows)
    assert set(pairs) == set(dd.KEYS)
    for key, number in pairs.items():
        records = dd.drilldown(key, TODAY)
        assert len(records.rows) == len(records.ids) == number, key
    assert (counts.insurance_expired, counts.insurance_expiring) == (1, 2)  # 赵强's 30th day is not "within 30"
    assert [r[0] for r in dd.drilldown(dd.INSURANCE_EXPIRED, TODAY).rows] == ["张鹏"]
    assert [r[0] for r in dd.drilldown(dd.INSURANCE_EXPIRING, TODAY).rows] == ["李娜", "王芳"]
    assert [r[:3] for r in dd.drilldown(dd.QUALIFICATIONS_EXPIRED, TODAY).rows] == [("张鹏", "石榴大妈义警队", "急救")]
    assert [r[0] for r in dd.drilldown(dd.QUALIFICATIONS_EXPIRING, TODAY).rows] == ["王芳"]
    # today's shift is full; the ones in 2 and 6 days are short; the one in 7 days is beyond the week
    assert counts.short_shifts_coming == 2 and counts.shifts_coming == 3
    assert [r[0] for r in dd.drilldown(dd.SHORT_SHIFTS, TODAY).rows] == ["2026年11月20日", "2026年11月24日"]
    assert (counts.open_cases, counts.overdue_cases) == (2, 1)


def test_this_months_figures_equal_the_records_they_open(office):
    work = month_work(TODAY)
    assert work.figures["劝导交通违法行为"] == 55
    assert work.figures["救助被困车辆"] == 3
    # 调解纠纷: the two cases received this month; 护学岗执勤: the attended shifts (yesterday's 王芳 and
    # today's) and 石榴大妈's 护学岗 record of yesterday, which no attended shift of that team covers
    assert work.figures["调解纠纷"] == 2
    assert work.figures["护学岗执勤"] == 2 + 1
    month = ActivityFilter(date_from=TODAY.replace(day=1), date_to=TODAY)
    assert figure_sums(ActivityFilter(month.date_from, month.date_to, figure="people_persuaded"))[
        "劝导交通违法行为"] == 55
    for kind, numbers in work.by_kind.items():
        assert len(activity_ids(ActivityFilter(month.date_from, month.date_to, kind=kind))) == numbers.records
        assert {k: v for k, v in figure_sums(ActivityFilter(month.date_from, month.date_to, kind=kind)).items()
                if v} == numbers.figures
    for team_id, numbers in work.by_team.items():
        assert len(activity_ids(ActivityFilter(month.date_from, month.date_to, team_id=team_id))) == numbers.records
    assert work.by_team[office["team"]].figures == {"劝导交通违法行为": 35, "救助被困车辆": 3, "服务群众": 7}


def test_trends_by_month(office):
    months = trends(TODAY)
    assert list(months)[0] == "2025-12" and list(months)[-1] == "2026-11"
    assert months["2026-11"]["劝导交通违法行为"] == 55 and months["2026-10"]["劝导交通违法行为"] == 99
    assert months["2026-11"]["工作记录"] == 5 and months["2026-10"]["工作记录"] == 1
    assert months["2026-10"]["调解纠纷"] == 1


def test_a_new_database_says_what_to_do_first(data_paths):
    assert first_steps() == {"teams": False, "members": False, "posts": False, "shifts": False}
    counts = dashboard_counts(TODAY)
    assert counts.shifts_coming == 0 and counts.short_shifts_coming == 0
    Team.create(name="石榴大妈义警队")
    assert first_steps()["teams"] and not first_steps()["members"]
    assert dashboard_counts(TODAY).certificates_this_year == Certificate.select().count() == 0
