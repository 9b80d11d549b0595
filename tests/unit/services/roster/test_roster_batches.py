"""The roster's batch entry points refuse what the single-item paths refuse: save_members (validate_member on
each, a number used twice in one batch), add_leaves (add_leave's checks, overlaps within the batch), and the
qualifications service; all or nothing, one audit entry."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.db.models import AuditLog, Leave, Member, Qualification, Team
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.services.roster.members import (
    LeaveInput,
    MemberInput,
    MemberInvalid,
    add_leave,
    add_leaves,
    save_member,
    save_members,
    validate_member,
)
from desktop_app.services.roster.qualifications import (
    QualificationInput,
    QualificationInvalid,
    add_qualification,
    add_qualifications,
)

TODAY = date(2024, 6, 1)
ID_A = build_id_number("653123", date(1985, 3, 14), 31)
ID_B = build_id_number("653129", date(1992, 7, 2), 42)
ID_C = build_id_number("650102", date(1979, 1, 9), 11)


def test_save_members_stores_what_save_member_would(data_paths):
    team = Team.create(name="石榴大妈义警队").id
    inputs = [MemberInput(name="努尔买买提 · 西热甫", id_number=ID_A, team_id=team, phone="139 1234 5678",
                          skills="巡逻，调解", join_date="2023-05-01"),
              MemberInput(name="古丽娜尔·艾山", id_number=ID_B, team_id=team)]
    before = AuditLog.select().count()
    ids = save_members(inputs, TODAY)
    assert len(ids) == 2 and AuditLog.select().count() == before + 1
    first = Member.get_by_id(ids[0])
    expected = validate_member(MemberInput(name="努尔买买提 · 西热甫", id_number=ID_C, team_id=team,
                                           phone="139 1234 5678", skills="巡逻，调解", join_date="2023-05-01"),
                               today=TODAY)
    assert (first.name, first.phone, first.skills, first.pinyin_full, first.join_date, first.gender) == (
        expected["name"], expected["phone"], expected["skills"], expected["pinyin_full"], expected["join_date"],
        "男")
    assert first.birth_date == date(1985, 3, 14) and first.uuid and first.created_at is not None


@pytest.mark.parametrize(("second", "field", "message"), [
    (MemberInput(name="王建国", id_number=ID_A), "id_number", "已登记为队员“努尔买买提·西热甫”"),
    (MemberInput(name="王建国2"), "name", "不能有数字"),
    (MemberInput(name="王建国", team_id=999), "team", "所选队伍不存在"),
    (MemberInput(name="王建国", join_date="2099-01-01"), "join_date", "不能晚于今天"),
])
def test_save_members_refuses_the_whole_batch_naming_the_item(data_paths, second, field, message):
    inputs = [MemberInput(name="努尔买买提·西热甫", id_number=ID_A), second]
    with pytest.raises(MemberInvalid) as refused:
        save_members(inputs, TODAY)
    assert refused.value.item == 1 and str(refused.value).startswith("第2项：")
    assert message in refused.value.by_field()[field]
    assert Member.select().count() == 0


def test_a_number_already_stored_is_refused_as_by_save_member(data_paths):
    save_member(MemberInput(name="王建国", id_number=ID_A), today=TODAY)
    with pytest.raises(MemberInvalid) as single:
        save_member(MemberInput(name="李娜", id_number=ID_A), today=TODAY)
    with pytest.raises(MemberInvalid) as batch:
        save_members([MemberInput(name="李娜", id_number=ID_A)], TODAY)
    assert batch.value.errors[0].message == single.value.errors[0].message


def test_add_leaves_checks_each_as_add_leave_and_overlaps_within_the_batch(data_paths):
    a = save_member(MemberInput(name="王建国"), today=TODAY).id
    b = save_member(MemberInput(name="李娜"), today=TODAY).id
    add_leave(a, "2024-06-10", "2024-06-12", "探亲")
    with pytest.raises(MemberInvalid) as single:
        add_leave(a, "2024-06-12", "2024-06-14")
    cases = [
        ([LeaveInput(b, "2024-06-01", "2024-06-03"), LeaveInput(a, "2024-06-12", "2024-06-14")], 1,
         single.value.errors[0].message),
        ([LeaveInput(b, "2024-06-01", "2024-06-03"), LeaveInput(b, "2024-06-03", "2024-06-04")], 1, "重叠"),
        ([LeaveInput(b, "2024-06-05", "2024-06-01")], 0, "结束日期不能早于开始日期"),
        ([LeaveInput(b, "", "2024-06-01")], 0, "请填写开始日期"),
        ([LeaveInput(999, "2024-06-01", "2024-06-01")], 0, "队员不存在"),
    ]
    for entries, item, message in cases:
        with pytest.raises(MemberInvalid) as refused:
            add_leaves(entries)
        assert refused.value.item == item and message in str(refused.value)
    assert Leave.select().count() == 1
    assert add_leaves([LeaveInput(b, "2024-06-01", "2024-06-03", " 农忙 "), LeaveInput(a, "2024-06-20",
                                                                                   "2024-06-20")]) == 2
    assert Leave.get(Leave.member == b).reason == "农忙"


def test_qualifications_one_and_many(data_paths):
    a = save_member(MemberInput(name="王建国"), today=TODAY).id
    row = add_qualification(QualificationInput(a, " 救援 ", "2024-01-01", "2026-01-01"), TODAY)
    assert (row.skill, row.source, row.expires_on) == ("救援", "手工", date(2026, 1, 1))
    bad = [
        (QualificationInput(999, "救援", "2024-01-01"), "member", "队员不存在"),
        (QualificationInput(a, "", "2024-01-01"), "skill", "请填写"),
        (QualificationInput(a, "救援", None), "granted_on", "请填写取得日期"),
        (QualificationInput(a, "救援", "2024-07-01"), "granted_on", "不能晚于今天"),
        (QualificationInput(a, "救援", "2024-01-01", "2023-01-01"), "expires_on", "不能早于取得日期"),
        (QualificationInput(a, "救援", "2024-01-01", source="培训"), "training", "注明培训"),
        (QualificationInput(a, "救援", "2024-01-01", source="其他"), "source", "培训 / 手工"),
    ]
    for data, field, message in bad:
        with pytest.raises(QualificationInvalid) as single:
            add_qualification(data, TODAY)
        assert message in single.value.by_field()[field]
        with pytest.raises(QualificationInvalid) as many:
            add_qualifications([QualificationInput(a, "急救", "2024-01-01"), data], TODAY)
        assert many.value.item == 1 and many.value.by_field() == single.value.by_field()
    Member.update(deleted_at=date(2024, 5, 1)).where(Member.id == a).execute()
    with pytest.raises(QualificationInvalid, match="已删除"):
        add_qualifications([QualificationInput(a, "急救", "2024-01-01")], TODAY)
    assert Qualification.select().count() == 1
