"""Teams: create and edit with their checks, counts, pinyin order, rename, merge, retire."""

from __future__ import annotations

from datetime import date, time

import pytest

from desktop_app.db.models import Activity, AuditLog, DutyPost, Member, Team
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.services.roster.members import MemberInput, delete_member, save_member
from desktop_app.services.roster.teams import (
    TeamInput,
    TeamInvalid,
    find_team_by_name,
    get_team,
    list_teams,
    merge_teams,
    reactivate_team,
    rename_team,
    retire_team,
    save_team,
    team_choices,
)


def team_errors(data: TeamInput, team_id: int | None = None) -> dict[str, str]:
    with pytest.raises(TeamInvalid) as info:
        save_team(data, team_id)
    return info.value.by_field()


def add_member(team_id: int | None, name: str = "王建国", status: str = "在队", sequence: int = 1) -> int:
    number = build_id_number("653123", date(1980, 1, 1 + sequence % 28), sequence)
    return save_member(MemberInput(name=name, team_id=team_id, status=status, id_number=number,
                                   phone="13912345678")).id


def test_create_and_read_back(data_paths):
    team_id = save_team(TeamInput(name="  石榴大妈义警队 ", station="夏普吐勒警务站", founded_on="2019.5.4",
                                  service_area="夏普吐勒镇", notes="以调解见长"))
    row = get_team(team_id)
    assert (row.name, row.station, row.founded_on) == ("石榴大妈义警队", "夏普吐勒警务站", date(2019, 5, 4))
    assert (row.service_area, row.notes, row.retired_on, row.leader_id) == ("夏普吐勒镇", "以调解见长", None, None)
    assert (row.members_active, row.members_total) == (0, 0)
    log = AuditLog.get()
    assert (log.action, log.table_name, log.record_uuid) == ("新增", "team", Team.get_by_id(team_id).uuid)


def test_list_is_in_pinyin_order_not_code_point_order(data_paths):
    for name in ("石榴大妈义警队", "红旗义警队", "阿克苏义警队"):
        save_team(TeamInput(name=name))
    # By code point 石 (U+77F3) < 红 (U+7EA2) < 阿 (U+963F); by pinyin shi > hong > a.
    assert [t.name for t in list_teams()] == ["阿克苏义警队", "红旗义警队", "石榴大妈义警队"]


def test_the_choices_of_a_team_box_are_the_listed_teams_without_counting_members(data_paths, monkeypatch):
    from desktop_app.services.roster import teams

    for name in ("石榴大妈义警队", "红旗义警队", "阿克苏义警队", "团结义警队"):
        save_team(TeamInput(name=name))
    add_member(find_team_by_name("红旗义警队"))
    retire_team(find_team_by_name("团结义警队"))
    listed = [(t.id, t.name) for t in list_teams()]
    monkeypatch.setattr(teams, "_member_counts", lambda _team_id: pytest.fail("members counted"))
    assert [(t.id, t.name) for t in team_choices()] == listed and len(listed) == 3
    rename_team(listed[0][0], "新和义警队")
    assert [t.name for t in team_choices()] == ["红旗义警队", "石榴大妈义警队", "新和义警队"]  # not kept past a change


@pytest.mark.parametrize(("name", "message"), [
    ("", "请填写队伍名称"),
    ("   ", "请填写队伍名称"),
    ("队" * 101, "队伍名称不能超过100个字"),
])
def test_bad_names(data_paths, name, message):
    assert team_errors(TeamInput(name=name))["name"] == message


def test_duplicate_name_is_refused_also_against_a_retired_team(data_paths):
    first = save_team(TeamInput(name="红旗义警队"))
    assert team_errors(TeamInput(name=" 红旗义警队"))["name"].startswith("已有同名队伍")
    retire_team(first)
    assert "已有同名队伍（已撤销）" in team_errors(TeamInput(name="红旗义警队"))["name"]
    # Saving the team under its own name is not a duplicate.
    assert save_team(TeamInput(name="红旗义警队", station="城关警务站"), first) == first
    assert save_team(TeamInput(name="队" * 100)) > first


def test_founded_on_must_be_a_past_date(data_paths):
    assert team_errors(TeamInput(name="红旗义警队", founded_on="去年"))["founded_on"].startswith("成立日期：")
    assert team_errors(TeamInput(name="红旗义警队", founded_on="2099-01-01"))["founded_on"] == "成立日期不能晚于今天"
    assert get_team(save_team(TeamInput(name="红旗义警队", founded_on=""))).founded_on is None


def test_station_and_service_area_lengths(data_paths):
    errors = team_errors(TeamInput(name="红旗义警队", station="站" * 101, service_area="区" * 201))
    assert errors["station"] == "所属警务站不能超过100个字"
    assert errors["service_area"] == "服务区域不能超过200个字"


def test_leader_must_be_a_member_of_the_team(data_paths):
    ours = save_team(TeamInput(name="石榴大妈义警队"))
    theirs = save_team(TeamInput(name="红旗义警队"))
    inside = add_member(ours, "阿依古丽·买买提", sequence=2)
    outside = add_member(theirs, "王建国", sequence=3)
    assert team_errors(TeamInput(name="石榴大妈义警队", leader_id=outside), ours)["leader"] == "队长必须是本队队员"
    save_team(TeamInput(name="石榴大妈义警队", leader_id=inside), ours)
    row = get_team(ours)
    assert (row.leader_id, row.leader_name) == (inside, "阿依古丽·买买提")


def test_leader_who_left_or_was_deleted_is_refused(data_paths):
    team = save_team(TeamInput(name="石榴大妈义警队"))
    left = add_member(team, "李娜", status="退出", sequence=4)
    gone = add_member(team, "张伟", sequence=5)
    delete_member(gone)
    assert "已退出" in team_errors(TeamInput(name="石榴大妈义警队", leader_id=left), team)["leader"]
    assert "不存在或已删除" in team_errors(TeamInput(name="石榴大妈义警队", leader_id=gone), team)["leader"]
    assert "不存在或已删除" in team_errors(TeamInput(name="石榴大妈义警队", leader_id=9999), team)["leader"]


def test_member_counts_leave_out_deleted_members(data_paths):
    team = save_team(TeamInput(name="石榴大妈义警队"))
    other = save_team(TeamInput(name="红旗义警队"))
    add_member(team, "甲", sequence=1)
    add_member(team, "乙", status="暂停", sequence=2)
    delete_member(add_member(team, "丙", sequence=3))
    add_member(other, "丁", sequence=4)
    add_member(None, "戊", sequence=5)
    emptied = save_team(TeamInput(name="团结义警队"))
    delete_member(add_member(emptied, "己", status="暂停", sequence=6))
    counts = {t.name: (t.members_active, t.members_total) for t in list_teams()}
    assert counts == {"石榴大妈义警队": (1, 2), "红旗义警队": (1, 1), "团结义警队": (0, 0)}
    assert (get_team(team).members_active, get_team(team).members_total) == (1, 2)


def test_get_unknown_team_raises(data_paths):
    with pytest.raises(Team.DoesNotExist):
        get_team(12345)


def test_find_team_by_name(data_paths):
    team = save_team(TeamInput(name="红旗义警队"))
    assert find_team_by_name("  红旗义警队 ") == team
    assert find_team_by_name("红旗") is None
    assert find_team_by_name("") is None
    retire_team(team)
    assert find_team_by_name("红旗义警队") == team


def test_rename(data_paths):
    team = save_team(TeamInput(name="红旗义警队"))
    save_team(TeamInput(name="石榴大妈义警队"))
    rename_team(team, " 红旗义警服务队 ")
    assert get_team(team).name == "红旗义警服务队"
    assert AuditLog.select().order_by(AuditLog.id.desc()).get().summary == "队伍“红旗义警队”更名为“红旗义警服务队”"
    for bad, message in (("石榴大妈义警队", "已有同名队伍"), ("", "请填写队伍名称")):
        with pytest.raises(TeamInvalid) as info:
            rename_team(team, bad)
        assert info.value.by_field()["name"].startswith(message)
    assert get_team(team).name == "红旗义警服务队"


def test_merge_moves_members_posts_and_activities_and_retires_the_source(data_paths):
    source = save_team(TeamInput(name="红旗义警队", notes="2019年成立"))
    target = save_team(TeamInput(name="石榴大妈义警队"))
    leader = add_member(source, "甲", sequence=1)
    save_team(TeamInput(name="红旗义警队", leader_id=leader, notes="2019年成立"), source)
    second = add_member(source, "乙", sequence=2)
    deleted = add_member(source, "丙", sequence=3)
    delete_member(deleted)
    stays = add_member(target, "丁", sequence=4)
    post = DutyPost.create(name="中山路商圈巡逻", kind="巡逻", team=source, default_start=time(19, 0))
    activity = Activity.create(date=date(2024, 5, 1), kind="巡逻", team=source)

    assert merge_teams(source, target, today=date(2024, 6, 1)) == 2

    assert {m.id for m in Member.select().where(Member.team == target)} == {leader, second, deleted, stays}
    assert DutyPost.get_by_id(post.id).team_id == target
    assert Activity.get_by_id(activity.id).team_id == target
    retired = get_team(source)
    assert retired.retired_on == date(2024, 6, 1)
    assert retired.notes == "2019年成立\n已并入 石榴大妈义警队"
    assert retired.leader_id is None and retired.members_total == 0
    assert [t.id for t in list_teams()] == [target]
    assert get_team(target).members_total == 3
    assert AuditLog.select().order_by(AuditLog.id.desc()).get().action == "合并"


def test_merge_refuses_itself_and_a_retired_target(data_paths):
    source = save_team(TeamInput(name="红旗义警队"))
    target = save_team(TeamInput(name="石榴大妈义警队"))
    member = add_member(source)
    with pytest.raises(TeamInvalid, match="不能把队伍并入它自己"):
        merge_teams(source, source)
    retire_team(target)
    with pytest.raises(TeamInvalid, match="已撤销，不能并入"):
        merge_teams(source, target)
    assert Member.get_by_id(member).team_id == source
    assert get_team(source).retired_on is None


def test_retire_and_reactivate(data_paths):
    team = save_team(TeamInput(name="红旗义警队"))
    retire_team(team, on=date(2024, 3, 1))
    assert list_teams() == []
    assert [(t.id, t.retired_on) for t in list_teams(include_retired=True)] == [(team, date(2024, 3, 1))]
    with pytest.raises(TeamInvalid, match="已于2024-03-01撤销"):
        retire_team(team)
    reactivate_team(team)
    assert get_team(team).retired_on is None
    with pytest.raises(TeamInvalid, match="未撤销"):
        reactivate_team(team)
    assert [a.action for a in AuditLog.select().order_by(AuditLog.id)] == ["新增", "撤销", "恢复"]


def test_retire_today_by_default(data_paths):
    team = save_team(TeamInput(name="红旗义警队"))
    retire_team(team)
    assert get_team(team).retired_on == date.today()


def test_audit_summaries_hold_no_personal_data(data_paths):
    source = save_team(TeamInput(name="红旗义警队"))
    target = save_team(TeamInput(name="石榴大妈义警队"))
    member = add_member(source, "努尔买买提·西热甫")
    save_team(TeamInput(name="红旗义警队", leader_id=member), source)
    merge_teams(source, target)
    number = Member.get_by_id(member).id_number
    for log in AuditLog.select().where(AuditLog.table_name == "team"):
        assert number not in log.summary and "13912345678" not in log.summary
        assert "努尔买买提" not in log.summary


def test_the_kept_list_follows_every_change(data_paths, other_connection):
    team = save_team(TeamInput(name="石榴大妈义警队"))
    assert [t.name for t in list_teams()] == ["石榴大妈义警队"]
    add_member(team, "甲", sequence=1)  # a change through this connection
    assert list_teams()[0].members_total == 1
    with other_connection(data_paths) as (other, mark):  # another program's (or thread's) commit
        other.execute(f"UPDATE team SET name = '红旗义警队' WHERE id = {mark}", (team,))
    assert [t.name for t in list_teams()] == ["红旗义警队"]
    listed = list_teams()
    listed.clear()  # a caller's list is its own
    assert len(list_teams()) == 1
