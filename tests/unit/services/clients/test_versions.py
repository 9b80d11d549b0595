"""Two PCs on the same record (issue 19): every form's save carries the version it loaded; a save over a
newer version is refused with who changed it and when, and stores nothing; saving again over the version
the refusal named is the deliberate overwrite. On both engines."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from desktop_app.db.models import Case, Certificate, DutyPost, Member, Team
from desktop_app.domain.vocabulary import ADMIN, CLERK, HONOUR
from desktop_app.services.accounts import roles
from desktop_app.services.cases.case_form import CaseInput, load_case, register_case, save_case
from desktop_app.services.cases.parties import PartyInput, add_party
from desktop_app.services.cases.workflow import change_status
from desktop_app.services.certificates import issuing as certs
from desktop_app.services.certificates import register as cert_register
from desktop_app.services.clients.versions import RecordChanged, changed_message
from desktop_app.services.roster.members import MemberInput, load_member_input, save_member
from desktop_app.services.roster.teams import TeamInput, get_team, merge_teams, save_team
from desktop_app.services.schedule.posts import PostInput, post_input, save_post

OFFICER = roles.Account("zhang", CLERK, display_name="张警官")


def as_zhang():
    return roles.acting_as(OFFICER)


def test_the_message_names_who_and_when_with_the_date_when_not_today():
    at = datetime(2026, 3, 4, 10, 42)
    assert changed_message("张警官", at, today=date(2026, 3, 4)) == "此记录已被 张警官 于 10:42 修改"
    assert changed_message("张警官", at, today=date(2026, 3, 5)) == "此记录已被 张警官 于 2026-03-04 10:42 修改"
    assert changed_message("", at, today=date(2026, 3, 4)) == "此记录已被其他操作员于 10:42 修改"
    assert changed_message("", None) == "此记录已被其他操作员修改"


def test_a_member_saved_over_a_newer_version_is_refused_and_nothing_stored(data_paths):
    member_id = save_member(MemberInput(name="王小明", phone="13800000000")).id
    mine, theirs = load_member_input(member_id), load_member_input(member_id)
    assert mine.version == theirs.version == 1
    with as_zhang():
        save_member(replace(theirs, address="团结路1号"), member_id)
    stored = Member.get_by_id(member_id)
    assert (stored.version, stored.changed_by, stored.address) == (2, "张警官", "团结路1号")

    with pytest.raises(RecordChanged) as refused:
        save_member(replace(mine, address="中山路2号", notes="我的修改"), member_id)
    assert str(refused.value) == f"此记录已被 张警官 于 {stored.changed_at:%H:%M} 修改"
    assert refused.value.current_version == 2
    stored = Member.get_by_id(member_id)
    assert (stored.version, stored.address, stored.notes) == (2, "团结路1号", "")

    # saving again over the version the refusal named: the deliberate overwrite
    save_member(replace(mine, address="中山路2号", version=refused.value.current_version), member_id)
    stored = Member.get_by_id(member_id)
    assert (stored.version, stored.address, stored.changed_by) == (3, "中山路2号", roles.current().shown_name)


def test_a_save_without_a_version_still_raises_it(data_paths):
    member_id = save_member(MemberInput(name="王小明")).id
    save_member(MemberInput(name="王小明", address="团结路"), member_id)  # the CLI, an import
    save_member(MemberInput(name="王小明", address="团结路3号"), member_id)
    assert Member.get_by_id(member_id).version == 3


def test_a_team_form_is_refused_after_another_save(data_paths):
    team_id = save_team(TeamInput(name="一中队"))
    loaded = get_team(team_id)
    with as_zhang():
        save_team(TeamInput(name="一中队", station="夏普吐勒镇警务站", version=loaded.version), team_id)
    with pytest.raises(RecordChanged, match="张警官"):
        save_team(TeamInput(name="一中队（改）", version=loaded.version), team_id)
    assert Team.get_by_id(team_id).name == "一中队" and get_team(team_id).version == 2


def test_merging_teams_raises_the_versions_of_the_members_it_moves(data_paths):
    first, second = save_team(TeamInput(name="一中队")), save_team(TeamInput(name="二中队"))
    member_id = save_member(MemberInput(name="王小明", team_id=first)).id
    loaded = load_member_input(member_id)
    merge_teams(first, second)
    with pytest.raises(RecordChanged):
        save_member(replace(loaded, notes="改"), member_id)
    assert Member.get_by_id(member_id).team_id == second


def test_a_duty_post_form_is_refused_after_another_save(data_paths):
    post_id = save_post(PostInput(name="中山路商圈巡逻")).id
    loaded = post_input(post_id)
    with as_zhang():
        save_post(replace(loaded, headcount=3), post_id)
    with pytest.raises(RecordChanged, match="张警官"):
        save_post(replace(loaded, place="中山路"), post_id)
    stored = DutyPost.get_by_id(post_id)
    assert (stored.headcount, stored.place, stored.version) == (3, "", 2)


def test_a_case_form_is_refused_after_another_save_and_after_a_status_change(data_paths, office):
    case = register_case(CaseInput(kind="人民调解", category="邻里", source="当事人申请",
                                   received_at="2024-10-08 09:30", summary="邻里因排水沟发生纠纷"))
    loaded = load_case(case.id).data
    with as_zhang():
        save_case(replace(loaded, place="团结路"), case.id)
    with pytest.raises(RecordChanged, match="张警官"):
        save_case(replace(loaded, facts="我的修改"), case.id)
    assert Case.get_by_id(case.id).facts == ""
    add_party(case.id, PartyInput(role="申请人", name="王建国", age=40))
    reloaded = load_case(case.id).data
    change_status(case.id, "调解中")
    with pytest.raises(RecordChanged):
        save_case(replace(reloaded, facts="我的修改"), case.id)
    save_case(replace(load_case(case.id).data, facts="我的修改"), case.id)
    assert Case.get_by_id(case.id).facts == "我的修改"


def test_voiding_a_certificate_another_pc_changed_is_refused(data_paths, office):
    member_id = save_member(MemberInput(name="王小明")).id
    issued = certs.issue_certificate(member_id, HONOUR, title="优秀义警", reason="2024年度表现突出")
    shown = cert_register.certificate_row(issued.id)
    Certificate.update(**Certificate.bumped()).where(Certificate.id == issued.id).execute()  # another PC
    with pytest.raises(RecordChanged):
        certs.void(issued.id, "信息有误", shown.version)
    assert Certificate.get_by_id(issued.id).status == "有效"
    certs.void(issued.id, "信息有误", cert_register.certificate_row(issued.id).version)
    assert Certificate.get_by_id(issued.id).status == "作废"


def test_another_client_s_save_through_its_own_connection_is_seen(data_paths, other_connection):
    member_id = save_member(MemberInput(name="王小明")).id
    loaded = load_member_input(member_id)
    with other_connection(data_paths) as (con, mark):
        con.execute(f"UPDATE member SET address = {mark}, version = version + 1, changed_by = {mark}, "
                    f"changed_at = {mark} WHERE id = {mark}",
                    ("团结路", "李警官", datetime(2024, 5, 6, 8, 5), member_id))
    with pytest.raises(RecordChanged) as refused:
        save_member(replace(loaded, notes="我的"), member_id)
    assert str(refused.value) == "此记录已被 李警官 于 2024-05-06 08:05 修改"


def test_the_administrator_s_shown_name_is_the_username_without_a_display_name(data_paths):
    with roles.acting_as(roles.Account("admin2", ADMIN)):
        member_id = save_member(MemberInput(name="王小明")).id
    assert Member.get_by_id(member_id).changed_by == "admin2"
