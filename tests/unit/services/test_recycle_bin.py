"""The 回收站 service: deleted members, cases and posts listed with who deleted them, restored with what
hangs on them."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from desktop_app.db.models import Assignment, DutyPost, Member, Shift, Team
from desktop_app.services import audit, recycle_bin
from desktop_app.services.roster.members import MemberInput, delete_member, save_member
from desktop_app.services.schedule.assignments import assign
from desktop_app.services.schedule.posts import PostInput, delete_post, save_post

INSURED = date.today() + timedelta(days=400)


@pytest.fixture
def member(office):
    team = Team.create(name="石榴大妈义警队").id
    member_id = save_member(MemberInput(name="王建国", team_id=team, insurance_expires_on=INSURED)).id
    post = DutyPost.create(name="中山路商圈巡逻", kind="巡逻").id
    shift = Shift.create(post=post, date=date.today() - timedelta(days=3), start=time(19), end=time(22),
                         headcount=1).id
    assign(shift, member_id, force_warnings=True)
    return member_id


def test_a_deleted_member_is_listed_with_who_and_comes_back_with_their_duties(member):
    with audit.acting_as("李警官"):
        delete_member(member)
    listed = recycle_bin.deleted_records()
    assert [(r.kind, r.id, r.label, r.deleted_by) for r in listed] == [("队员", member, "王建国", "李警官")]
    restored = recycle_bin.restore("队员", member)
    assert restored.label == "王建国"
    assert Member.get_by_id(member).deleted_at is None
    assert Assignment.select().where(Assignment.member == member).count() == 1
    assert recycle_bin.deleted_records() == []


def test_a_post_and_the_newest_first(member):
    post = save_post(PostInput(name="第一小学护学岗", kind="护学岗", headcount=1)).id
    delete_member(member)
    delete_post(post)
    assert [r.kind for r in recycle_bin.deleted_records()] == ["岗位", "队员"]
    assert [r.label for r in recycle_bin.deleted_records(("岗位",))] == ["第一小学护学岗"]
    recycle_bin.restore("岗位", post)
    assert DutyPost.get_by_id(post).active


def test_restoring_what_is_not_deleted_is_refused(member):
    with pytest.raises(recycle_bin.RestoreRefused, match="回收站中没有这条队员记录"):
        recycle_bin.restore("队员", member)
    with pytest.raises(recycle_bin.RestoreRefused):
        recycle_bin.restore("证书", 1)


def test_purge_removes_only_what_is_past_retention_and_has_nothing_attached(member):
    from datetime import datetime

    from desktop_app.db.models import AuditLog

    lone = save_member(MemberInput(name="李秀英")).id
    post = save_post(PostInput(name="第一小学护学岗", kind="护学岗", headcount=1)).id
    delete_member(member)  # has a duty attached
    delete_member(lone)
    delete_post(post)
    assert recycle_bin.purge_expired().purged == []  # deleted just now: within the retention period
    later = datetime.now() + timedelta(days=recycle_bin.RETENTION_DAYS + 1)
    result = recycle_bin.purge_expired(now=later)
    assert sorted(r.label for r in result.purged) == ["李秀英", "第一小学护学岗"]
    assert [r.label for r in result.kept] == ["王建国"]
    assert Member.get_or_none(Member.id == lone) is None and Member.get_by_id(member).deleted_at is not None
    assert Assignment.select().where(Assignment.member == member).count() == 1
    entries = [e.summary for e in AuditLog.select().where(AuditLog.action == "清除")]
    assert len(entries) == 2 and not any("李秀英" in e for e in entries)  # no personal names in the log


def test_a_deleted_work_record_comes_back(office):
    from desktop_app.db.models import Activity
    from desktop_app.services.records.activities import delete_activity

    activity = Activity.create(date=date(2026, 11, 20), kind="巡逻", place="中山路")
    delete_activity(activity.id)
    assert [(r.kind, r.label) for r in recycle_bin.deleted_records()] == [("工作记录", "2026-11-20 巡逻")]
    recycle_bin.restore("工作记录", activity.id)
    assert Activity.get_by_id(activity.id).deleted_at is None
