"""Points and stars: the ledger from the records with the rules, equal to hand-computed cases, the same each
time it is recomputed; the rules as the administrator keeps them; stars from service hours only; rankings."""

from __future__ import annotations

from datetime import date, time

import pytest

from desktop_app.db.models import (
    Activity,
    ActivityParticipant,
    Assignment,
    AuditLog,
    DutyPost,
    PointEntry,
    Shift,
    Training,
    TrainingAttendee,
)
from desktop_app.domain.points import PointsRules, RulesInvalid
from desktop_app.services.accounts.roles import ADMIN, CLERK, VIEWER, PermissionDenied
from desktop_app.services.progress import Cancelled
from desktop_app.services.records.points import (
    ThresholdsInvalid,
    ledger_rows,
    points_by_member,
    points_rules,
    ranking,
    recompute_ledger,
    save_points_rules,
    save_star_thresholds,
    star_levels,
    star_thresholds,
)
from desktop_app.services.roster.members import MemberInput, save_member
from desktop_app.services.roster.teams import TeamInput, save_team

TODAY = date(2026, 6, 1)
RULES = {"per_duty_hour": 1, "per_activity_hour": 1.5, "per_kind": {"协助抓获": 5, "救援": 3},
         "per_training": 2, "per_training_hour": 0.5, "absence_cost": 3}


@pytest.fixture
def office(data_paths):
    team = save_team(TeamInput(name="石榴大妈义警队"))
    other = save_team(TeamInput(name="花城义警队"))
    ids = {name: save_member(MemberInput(name=name, team_id=t, join_date="2020-01-01"), today=TODAY).id
           for name, t in (("张鹏", team), ("李娜", team), ("王芳", other))}
    patrol = DutyPost.create(name="中山路巡逻", kind="巡逻")
    for day, member, status, hours in ((3, "张鹏", "已到", 4), (4, "张鹏", "迟到", 3.5), (5, "张鹏", "缺勤", 4),
                                       (6, "张鹏", "请假", 4), (7, "张鹏", "已排", 4), (3, "李娜", "已到", 2)):
        shift = Shift.create(post=patrol, date=date(2026, 3, day), start=time(19), end=time(23))
        Assignment.create(shift=shift, member=ids[member], status=status, hours=hours)
    catch = Activity.create(date=date(2026, 3, 10), kind="协助抓获", suspects_caught=2)
    ActivityParticipant.create(activity=catch, member=ids["张鹏"], hours=2)
    ActivityParticipant.create(activity=catch, member=ids["王芳"], hours=1)
    gone = Activity.create(date=date(2026, 3, 11), kind="救援", deleted_at=date(2026, 3, 12))
    ActivityParticipant.create(activity=gone, member=ids["张鹏"], hours=5)
    training = Training.create(title="应急救护培训", date=date(2026, 4, 2), hours=4)
    TrainingAttendee.create(training=training, member=ids["李娜"], hours=4)
    return {"team": team, "other": other, **ids}


def test_the_ledger_equals_the_hand_computed_points(office):
    save_points_rules(RULES)
    rules = points_rules()
    assert (rules.per_activity_hour, rules.kind_points("协助抓获"), rules.absence()) == (1.5, 5, -3)
    by_member = points_by_member()
    # 张鹏: 4 + 3.5 duty, −3 absence, 2 h × 1.5 + 5 for 协助抓获 (the deleted 救援 counts nothing)
    assert by_member[office["张鹏"]] == 4 + 3.5 - 3 + 2 * 1.5 + 5
    assert by_member[office["李娜"]] == 2 + (2 + 4 * 0.5)  # duty + training
    assert by_member[office["王芳"]] == 1 * 1.5 + 5
    rows = [(r.date, r.points, r.reason) for r in ledger_rows(member_id=office["张鹏"])]
    assert rows == [(date(2026, 3, 3), 4.0, "值班：巡逻"), (date(2026, 3, 4), 3.5, "值班：巡逻"),
                    (date(2026, 3, 5), -3.0, "缺勤（未请假）"), (date(2026, 3, 10), 8.0, "工作记录：协助抓获")]
    assert points_by_member(date(2026, 4, 1), date(2026, 4, 30)) == {office["李娜"]: 4.0}


def test_recomputing_gives_the_same_ledger_every_time(office):
    save_points_rules(RULES)

    def stored():
        return sorted((e.member_id, e.date, e.points, e.reason, e.source_table, e.source_uuid)
                      for e in PointEntry.select())

    first = stored()
    assert len(first) == 4 + 2 + 1  # 张鹏: two shifts, an absence, an activity; 李娜: a shift, a training
    assert recompute_ledger() == 7
    assert stored() == first
    assert sorted((r.member_id, r.date, r.points, r.reason, r.source_table, r.source_uuid)
                  for r in ledger_rows()) == first
    total = {m: round(sum(e[2] for e in first if e[0] == m), 2) for m in {e[0] for e in first}}
    assert total == points_by_member()


def _stored_in_order():
    return [(e.member_id, e.date, e.points, e.reason, e.source_table, e.source_uuid)
            for e in PointEntry.select().order_by(PointEntry.id)]


def test_the_ledger_is_stored_month_by_month_in_the_ledgers_order_with_progress(office):
    seen: list[tuple[int, int]] = []
    save_points_rules(RULES, progress=lambda done, total, _text: seen.append((done, total)))
    # March and April: a step before, one after each month, the last one still inside the transaction
    assert seen == [(0, 1), (1, 3), (2, 3), (1, 1)]
    assert [row[1:5] for row in _stored_in_order()] == [
        (r.date, r.points, r.reason, r.source_table) for r in ledger_rows()]


def test_a_cancelled_recomputation_keeps_the_ledger_and_the_rules(office):
    save_points_rules(RULES)
    before, audits = _stored_in_order(), AuditLog.select().count()
    ids = [e.id for e in PointEntry.select().order_by(PointEntry.id)]
    calls: list[int] = []

    def cancel_after_the_first_month(done: int, total: int, _text: str) -> None:
        calls.append(done)
        if len(calls) == 2:  # March written, inside the transaction
            raise Cancelled

    with pytest.raises(Cancelled):
        save_points_rules({**RULES, "per_duty_hour": 2}, progress=cancel_after_the_first_month)
    assert points_rules().per_duty_hour == 1 and _stored_in_order() == before
    assert [e.id for e in PointEntry.select().order_by(PointEntry.id)] == ids
    calls.clear()
    with pytest.raises(Cancelled):
        recompute_ledger(progress=cancel_after_the_first_month)
    assert _stored_in_order() == before and AuditLog.select().count() == audits


def test_only_a_role_that_edits_recomputes_and_only_the_administrator_changes_the_rules(office, acting):
    save_points_rules(RULES)
    before = _stored_in_order()
    with acting(VIEWER), pytest.raises(PermissionDenied):
        recompute_ledger()
    for role in (CLERK, VIEWER):
        with acting(role), pytest.raises(PermissionDenied):
            save_points_rules({**RULES, "per_duty_hour": 2})
    assert _stored_in_order() == before and points_rules().per_duty_hour == 1
    with acting(CLERK):
        assert recompute_ledger() == len(before)
    with acting(ADMIN):
        save_points_rules({**RULES, "per_duty_hour": 2})
    assert points_rules().per_duty_hour == 2


def test_changed_rules_change_the_ledger_and_bad_ones_are_refused(office):
    save_points_rules(RULES)
    save_points_rules({**RULES, "absence_cost": 0, "per_duty_hour": 2})
    assert points_by_member()[office["张鹏"]] == 2 * (4 + 3.5) + 2 * 1.5 + 5
    assert not any(e.reason == "缺勤（未请假）" for e in PointEntry.select())
    for wrong, message in (({"per_duty_hour": -1}, "应在0至"), ({"per_training": "两分"}, "应为数字"),
                           ({"per_kind": {"打扫卫生": 1}}, "没有“打扫卫生”")):
        with pytest.raises(RulesInvalid, match=message):
            save_points_rules({**RULES, **wrong})
    assert points_rules().per_duty_hour == 2


def test_default_rules_are_one_point_an_hour(office):
    assert points_rules() == PointsRules()
    assert points_by_member()[office["李娜"]] == 2 + 2


def test_stars_from_service_hours_only_with_configured_thresholds(office):
    assert star_thresholds() == (100, 300, 600, 1000, 1500)
    assert star_levels() == {office["张鹏"]: 0, office["李娜"]: 0, office["王芳"]: 0}
    save_star_thresholds([2, 5, 8, 10, 20])
    levels = star_levels()
    # 张鹏: 7.5 h duty + 2 h activity = 9.5 → 三星; 李娜: 2 h duty (her 4 h training do not count) → 一星
    assert (levels[office["张鹏"]], levels[office["李娜"]], levels[office["王芳"]]) == (3, 1, 0)
    for wrong in ([1, 2, 3], [5, 4, 6, 7, 8], ["a", 1, 2, 3, 4]):
        with pytest.raises(ThresholdsInvalid):
            save_star_thresholds(wrong)


def test_rankings_by_team_and_period(office):
    save_points_rules(RULES)
    everyone = ranking(date(2026, 3, 1), date(2026, 3, 31))
    assert [(r.rank, r.name, r.points) for r in everyone] == [(1, "张鹏", 12.5), (2, "王芳", 6.5), (3, "李娜", 2.0)]
    team = ranking(date(2026, 3, 1), date(2026, 3, 31), office["team"], by="hours")
    assert [(r.rank, r.name, r.hours, r.team) for r in team] == [(1, "张鹏", 9.5, "石榴大妈义警队"),
                                                                  (2, "李娜", 2.0, "石榴大妈义警队")]
    assert ranking(date(2026, 5, 1), date(2026, 5, 31)) == []


def test_the_member_page_star_follows_the_configured_thresholds(office):
    from desktop_app.services.roster.member_detail import member_summary

    assert member_summary(office["张鹏"], today=TODAY).star_label == "未评星"
    save_star_thresholds([2, 5, 8, 10, 20])
    assert member_summary(office["张鹏"], today=TODAY).star_label == "三星"  # 9.5 h, as star_levels counts
    assert member_summary(office["王芳"], today=TODAY).star_label == "未评星"  # 1 h
