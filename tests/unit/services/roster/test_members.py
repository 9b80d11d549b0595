"""The member service: every check of validate_member, saving, soft delete, and leave."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.db.models import AuditLog, Leave, Member, Team
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.domain.names import LOOKALIKE_DOTS
from desktop_app.services.roster.members import (
    MemberInput,
    MemberInvalid,
    add_leave,
    delete_leave,
    delete_member,
    list_leaves,
    load_member_input,
    restore_member,
    save_member,
    split_skills,
    validate_member,
)
from desktop_app.services.schedule.rules import leave_during

TODAY = date(2024, 6, 1)
ID_MAN = build_id_number("653123", date(1985, 3, 14), 31)  # odd sequence: a man
ID_WOMAN = build_id_number("653129", date(1992, 7, 2), 42)


def errors_of(data: MemberInput, member_id: int | None = None) -> dict[str, str]:
    with pytest.raises(MemberInvalid) as info:
        validate_member(data, member_id, today=TODAY)
    return info.value.by_field()


def ok(**fields) -> dict:
    return validate_member(MemberInput(**{"name": "王建国", **fields}), today=TODAY)


# --- name ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "message"), [
    ("", "请填写姓名"),
    ("   ", "请填写姓名"),
    ("王" * 51, "不能超过50个字"),
    ("王建国2", "不能有数字"),
    ("王建国！", "不能有“！”"),
    ("王建国 Li", "不能有空格"),
])
def test_bad_names_are_refused_at_the_name_field(data_paths, raw, message):
    assert message in errors_of(MemberInput(name=raw))["name"]


@pytest.mark.parametrize("dot", list(LOOKALIKE_DOTS))
def test_look_alike_dots_are_folded_to_the_middle_dot(data_paths, dot):
    member = save_member(MemberInput(name=f"努尔买买提{dot}西热甫"), today=TODAY)
    assert Member.get_by_id(member.id).name == "努尔买买提·西热甫"


def test_pinyin_keys_are_stored_for_search(data_paths):
    values = ok(name="努尔买买提·西热甫")
    assert "nuer" in values["pinyin_full"] and "nemmtxrf" in values["pinyin_initials"].split("|")


# --- gender, birth date, ID number --------------------------------------------------------------


def test_gender_must_be_male_or_female(data_paths):
    assert errors_of(MemberInput(name="王建国", gender="未知"))["gender"] == "性别请选择“男”或“女”"
    assert ok(gender="女性")["gender"] == "女"


def test_unreadable_birth_date_names_the_field(data_paths):
    assert errors_of(MemberInput(name="王建国", birth_date="去年"))["birth_date"].startswith("出生日期：")


def test_id_number_fills_birth_date_and_gender(data_paths):
    values = ok(id_number=ID_MAN)
    assert (values["id_number"], values["birth_date"], values["gender"]) == (ID_MAN, date(1985, 3, 14), "男")
    assert ok(id_number=ID_WOMAN)["gender"] == "女"


def test_id_number_lower_case_x_and_spaces_are_normalised(data_paths):
    number = next(build_id_number("653123", date(1990, 1, d), 11) for d in range(1, 29)
                  if build_id_number("653123", date(1990, 1, d), 11).endswith("X"))
    typed = f"{number[:6]} {number[6:14]} {number[14:].lower()}"
    assert ok(id_number=typed)["id_number"] == number


@pytest.mark.parametrize(("raw", "message"), [
    ("653123850314031", "15位旧身份证号码"),
    ("65312319850314", "应为18位"),
    ("65312319850314A31X", "只能由数字组成"),
    (ID_MAN[:-1] + ("0" if ID_MAN[-1] != "0" else "1"), "校验位错误"),
    (build_id_number("653123", date(2030, 1, 1), 31), "晚于今天"),
])
def test_bad_id_numbers(data_paths, raw, message):
    assert message in errors_of(MemberInput(name="王建国", id_number=raw))["id_number"]


def test_impossible_birth_date_in_id_number(data_paths):
    body = "65312319850230031"
    from stdnum.cn import ric
    number = body + ric.calc_check_digit(body + "0")
    assert "不是有效日期" in errors_of(MemberInput(name="王建国", id_number=number))["id_number"]


def test_birth_date_and_gender_typed_must_agree_with_the_id(data_paths):
    errors = errors_of(MemberInput(name="王建国", id_number=ID_MAN, birth_date="1985-03-15", gender="女"))
    assert errors["birth_date"] == "出生日期与身份证号码不符（号码中为1985年3月14日）"
    assert errors["gender"] == "性别与身份证号码不符（号码中为男）"
    assert ok(id_number=ID_MAN, birth_date="1985年3月14日", gender="男")["birth_date"] == date(1985, 3, 14)


def test_duplicate_id_number_names_the_member_who_has_it(data_paths):
    first = save_member(MemberInput(name="努尔买买提·西热甫", id_number=ID_MAN), today=TODAY)
    message = errors_of(MemberInput(name="王建国", id_number=ID_MAN))["id_number"]
    assert message == "该身份证号码已登记为队员“努尔买买提·西热甫”"
    # The member themself may keep their number when edited.
    assert validate_member(MemberInput(name="努尔买买提·西热甫", id_number=ID_MAN), first.id, TODAY)


def test_duplicate_id_of_a_deleted_member_says_it_can_be_restored(data_paths):
    first = save_member(MemberInput(name="阿依古丽·买买提", id_number=ID_WOMAN), today=TODAY)
    delete_member(first.id)
    message = errors_of(MemberInput(name="王建国", id_number=ID_WOMAN))["id_number"]
    assert "阿依古丽·买买提" in message and "已删除" in message


# --- ethnic group, phones ------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["05", "5", "维吾尔族", "维吾尔", "维族", "０５"])
def test_ethnic_group_by_code_name_or_short_form(data_paths, typed):
    assert ok(ethnic=typed)["ethnic_code"] == "05"


def test_unknown_ethnic_group(data_paths):
    assert "未知的民族" in errors_of(MemberInput(name="王建国", ethnic="火星族"))["ethnic"]


@pytest.mark.parametrize("typed", ["１３９１２３４５６７８", "139 1234 5678", "139-1234-5678", "+86 13912345678"])
def test_mobile_with_full_width_digits_spaces_and_dashes(data_paths, typed):
    assert ok(phone=typed)["phone"] == "13912345678"


@pytest.mark.parametrize("typed", ["1391234567", "23912345678", "0998-1234567"])
def test_bad_mobile(data_paths, typed):
    assert errors_of(MemberInput(name="王建国", phone=typed))["phone"] == "手机号码应为1开头的11位数字"


def test_emergency_phone_may_be_a_landline_and_errors_name_its_own_field(data_paths):
    assert ok(emergency_phone="0998 1234567")["emergency_phone"] == "0998-1234567"
    assert "emergency_phone" in errors_of(MemberInput(name="王建国", emergency_phone="12345"))


# --- dates, status, team, skills, lengths --------------------------------------------------------


def test_join_date_rules(data_paths):
    assert errors_of(MemberInput(name="王建国", join_date="2024-06-02"))["join_date"] == "入队日期不能晚于今天"
    assert errors_of(MemberInput(name="王建国", join_date="2024-01-01", leave_date="2023-12-31"))[
        "leave_date"] == "离队日期不能早于入队日期"
    assert errors_of(MemberInput(name="王建国", id_number=ID_MAN, join_date="1980-01-01"))[
        "join_date"] == "入队日期早于出生日期，请核对"
    assert ok(join_date="2023.9.1", leave_date=45400.0)["join_date"] == date(2023, 9, 1)


def test_unreadable_dates_name_their_fields(data_paths):
    errors = errors_of(MemberInput(name="王建国", join_date="abc", leave_date="x", insurance_expires_on="y"))
    assert errors["join_date"].startswith("入队日期：")
    assert errors["leave_date"].startswith("离队日期：")
    assert errors["insurance_expires_on"].startswith("保险到期日：")


def test_status_must_be_one_of_three(data_paths):
    assert errors_of(MemberInput(name="王建国", status="休假"))["status"] == "状态应为 在队 / 暂停 / 退出"
    assert ok(status="")["status"] == "在队"


def test_team_must_exist(data_paths):
    assert errors_of(MemberInput(name="王建国", team_id=999))["team"] == "所选队伍不存在"
    team = Team.create(name="红旗义警队")
    assert ok(team_id=team.id)["team"] == team.id


def test_skills_are_split_deduplicated_and_limited(data_paths):
    assert ok(skills="调解，巡逻 调解/驾驶")["skills"] == "调解、巡逻、驾驶"
    assert split_skills(["急救", " ", "急救"]) == ["急救"]
    assert "skills" in errors_of(MemberInput(name="王建国", skills=["一二三四五六七八九十零"]))


@pytest.mark.parametrize(("field", "limit"), [("address", 200), ("occupation", 50),
                                              ("political_status", 20), ("emergency_contact", 50)])
def test_text_length_limits(data_paths, field, limit):
    assert ok(**{field: "字" * limit})[field] == "字" * limit
    assert f"不能超过{limit}个字" in errors_of(MemberInput(name="王建国", **{field: "字" * (limit + 1)}))[field]


def test_every_wrong_field_is_reported_at_once_and_nothing_is_stored(data_paths):
    with pytest.raises(MemberInvalid) as info:
        save_member(MemberInput(name="", phone="123", ethnic="火星", status="?"), today=TODAY)
    assert {e.field for e in info.value.errors} == {"name", "phone", "ethnic", "status"}
    assert "请填写姓名" in str(info.value)
    assert Member.select().count() == 0 and AuditLog.select().count() == 0


# --- save, edit, delete ---------------------------------------------------------------------------


def test_save_edit_and_read_back_through_the_form(data_paths):
    team = Team.create(name="石榴大妈义警队")
    member = save_member(MemberInput(name="阿依古丽·买买提", id_number=ID_WOMAN, phone="13800001111",
                                     ethnic="维吾尔族", team_id=team.id, skills=["调解", "双语翻译"],
                                     join_date="2023-09-01", insurance_expires_on="2025-01-01"), today=TODAY)
    form = load_member_input(member.id)
    assert (form.name, form.gender, form.ethnic, form.birth_date) == ("阿依古丽·买买提", "女", "05", date(1992, 7, 2))
    assert (form.skills, form.team_id, form.join_date) == (["调解", "双语翻译"], team.id, date(2023, 9, 1))
    form.phone = "13800002222"
    save_member(form, member.id, today=TODAY)
    assert Member.get_by_id(member.id).phone == "13800002222"
    assert Member.select().count() == 1
    actions = [a.action for a in AuditLog.select().order_by(AuditLog.id)]
    assert actions == ["新增", "修改"]
    assert all("1380000" not in a.summary and ID_WOMAN not in a.summary for a in AuditLog.select())


def test_delete_is_soft_and_restorable(data_paths):
    member = save_member(MemberInput(name="王建国"), today=TODAY)
    delete_member(member.id)
    assert Member.get_by_id(member.id).deleted_at is not None
    restore_member(member.id)
    assert Member.get_by_id(member.id).deleted_at is None
    assert [a.action for a in AuditLog.select().order_by(AuditLog.id)] == ["新增", "删除", "恢复"]


# --- leave ---------------------------------------------------------------------------------------


@pytest.fixture
def member_id(data_paths) -> int:
    return save_member(MemberInput(name="王建国"), today=TODAY).id


def on_leave(member_id: int, day: date) -> bool:
    """The leave rule (services/schedule/rules.py) on the leave recorded for the member."""
    return leave_during([(e.from_date, e.to_date) for e in list_leaves(member_id)], day, day) is not None


def test_add_list_and_delete_leave(member_id):
    first = add_leave(member_id, "2024-06-03", "2024-06-05", "探亲")
    add_leave(member_id, date(2024, 7, 1), date(2024, 7, 1))
    assert [(e.from_date, e.reason) for e in list_leaves(member_id)] == [
        (date(2024, 7, 1), ""), (date(2024, 6, 3), "探亲")]
    assert on_leave(member_id, date(2024, 6, 5)) and not on_leave(member_id, date(2024, 6, 6))
    delete_leave(first.id)
    assert len(list_leaves(member_id)) == 1


@pytest.mark.parametrize(("start", "end", "field", "message"), [
    ("2024-06-05", "2024-06-03", "leave_to", "结束日期不能早于开始日期"),
    ("", "2024-06-03", "leave_from", "请填写开始日期"),
    ("2024-06-03", "", "leave_to", "请填写结束日期"),
    ("昨天", "2024-06-03", "leave_from", "开始日期："),
])
def test_bad_leave(member_id, start, end, field, message):
    with pytest.raises(MemberInvalid) as info:
        add_leave(member_id, start, end)
    assert message in info.value.by_field()[field]
    assert Leave.select().count() == 0


def test_leave_reason_length(member_id):
    with pytest.raises(MemberInvalid) as info:
        add_leave(member_id, "2024-06-03", "2024-06-04", "因" * 201)
    assert "leave_reason" in info.value.by_field()


@pytest.mark.parametrize(("start", "end"), [
    ("2024-06-01", "2024-06-03"),  # ends on the first day of the existing leave
    ("2024-06-10", "2024-06-12"),  # starts on its last day
    ("2024-06-04", "2024-06-05"),  # inside
    ("2024-05-01", "2024-07-01"),  # around
])
def test_overlapping_leave_is_refused(member_id, start, end):
    add_leave(member_id, "2024-06-03", "2024-06-10")
    with pytest.raises(MemberInvalid) as info:
        add_leave(member_id, start, end)
    assert info.value.by_field()["leave_from"] == "与已登记的请假（2024-06-03至2024-06-10）重叠"


def test_adjacent_leave_and_other_members_leave_do_not_overlap(member_id):
    other = save_member(MemberInput(name="李娜"), today=TODAY).id
    add_leave(member_id, "2024-06-03", "2024-06-10")
    add_leave(member_id, "2024-06-11", "2024-06-12")
    add_leave(other, "2024-06-03", "2024-06-10")
    assert Leave.select().count() == 3


# --- properties ----------------------------------------------------------------------------------

AREA_CODES = ["653123", "653129", "653101", "650102", "652201", "654002"]
han = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
name_parts = st.lists(st.text(han, min_size=1, max_size=6), min_size=1, max_size=4)
dots = st.sampled_from(["·", *LOOKALIKE_DOTS])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(area=st.sampled_from(AREA_CODES), birth=st.dates(date(1930, 1, 1), date(2010, 12, 31)),
       sequence=st.integers(0, 999), parts=name_parts, dot=dots)
def test_any_valid_id_and_name_saves_and_reads_back(data_paths, area, birth, sequence, parts, dot):
    number = build_id_number(area, birth, sequence)
    member = save_member(MemberInput(name=dot.join(parts), id_number=number), today=TODAY)
    try:
        stored = Member.get_by_id(member.id)
        assert stored.name == "·".join(parts)
        assert stored.id_number == number
        assert stored.birth_date == birth
        assert stored.gender == ("男" if sequence % 2 else "女")
        assert stored.pinyin_full and stored.pinyin_initials
    finally:
        Member.delete_by_id(member.id)
