"""The member page: masked record, age, star level, and the counts of each section."""

from __future__ import annotations

from datetime import date, datetime, time

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
    PointEntry,
    Qualification,
    Shift,
    Team,
    Training,
    TrainingAttendee,
)
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.services.roster.member_detail import age_on, member_sections, member_summary
from desktop_app.services.roster.members import MemberInput, add_leave, delete_member, save_member

TODAY = date(2024, 6, 1)
ID_NUR = build_id_number("653123", date(1985, 6, 2), 31)


@pytest.fixture
def nur(data_paths) -> int:
    team = Team.create(name="石榴大妈义警队")
    return save_member(MemberInput(
        name="努尔买买提·西热甫", id_number=ID_NUR, phone="13912345678", ethnic="维吾尔族", team_id=team.id,
        address="伽师县夏普吐勒镇某某村3组12号", skills="调解、双语翻译", join_date="2020-03-01",
        insurance_expires_on="2024-06-20"), today=TODAY).id


@pytest.fixture
def other(data_paths) -> int:
    return save_member(MemberInput(name="阿依古丽·买买提"), today=TODAY).id


def duty(member_id: int, day: date, status: str, hours: float, post: DutyPost | None = None) -> None:
    post = post or DutyPost.create(name="第一小学护学岗", kind="护学岗")
    shift = Shift.create(post=post, date=day, start=time(7, 30), end=time(8, 10))
    Assignment.create(shift=shift, member=member_id, status=status, hours=hours)


def activity(member_id: int, day: date, hours: float, deleted: bool = False) -> None:
    record = Activity.create(date=day, kind="巡逻", deleted_at=datetime(2024, 5, 1) if deleted else None)
    ActivityParticipant.create(activity=record, member=member_id, hours=hours)


def training(member_id: int, day: date, hours: float, deleted: bool = False) -> None:
    record = Training.create(title="急救培训", date=day, hours=hours,
                             deleted_at=datetime(2024, 5, 1) if deleted else None)
    TrainingAttendee.create(training=record, member=member_id, hours=hours)


def case(member_id: int, number: str, deleted: bool = False) -> Case:
    record = Case.create(number=number, category="邻里", received_at=datetime(2024, 3, 1, 10),
                         deleted_at=datetime(2024, 5, 1) if deleted else None)
    CaseMediator.create(case=record, member=member_id)
    return record


def test_a_new_member_has_empty_sections(nur):
    sections = member_sections(nur, today=TODAY)
    assert sections.duties == sections.activities == sections.cases_mediated == sections.leaves == 0
    assert (sections.hours_total, sections.hours_this_year, sections.points) == (0.0, 0.0, 0.0)


def test_duty_counts_and_only_attended_hours(nur, other):
    post = DutyPost.create(name="中山路商圈巡逻", kind="巡逻")
    duty(nur, date(2024, 5, 6), "已到", 2.0, post)
    duty(nur, date(2024, 5, 7), "迟到", 1.5, post)
    duty(nur, date(2024, 5, 8), "缺勤", 2.0, post)
    duty(nur, date(2024, 5, 9), "已排", 2.0, post)
    duty(nur, date(2024, 5, 10), "请假", 2.0, post)
    duty(nur, date(2023, 12, 30), "已到", 4.0, post)
    duty(other, date(2024, 5, 6), "已到", 8.0, post)
    sections = member_sections(nur, today=TODAY)
    assert (sections.duties, sections.duties_attended) == (6, 3)
    assert sections.hours_total == 7.5
    assert sections.hours_this_year == 3.5


def test_hours_add_activities_and_trainings_but_not_deleted_ones(nur, other):
    duty(nur, date(2024, 1, 2), "已到", 1.0)
    activity(nur, date(2024, 2, 1), 3.0)
    activity(nur, date(2023, 2, 1), 5.0)
    activity(nur, date(2024, 2, 2), 100.0, deleted=True)
    activity(other, date(2024, 2, 1), 50.0)
    training(nur, date(2024, 3, 1), 4.0)
    training(nur, date(2023, 3, 1), 2.0)
    training(nur, date(2024, 3, 2), 100.0, deleted=True)
    sections = member_sections(nur, today=TODAY)
    assert sections.hours_total == 1 + 3 + 5 + 4 + 2
    assert sections.hours_this_year == 1 + 3 + 4
    assert (sections.activities, sections.trainings) == (2, 2)


def test_cases_certificates_qualifications_points_and_leaves(nur, other):
    first = case(nur, "（2024）夏派调字第001号")
    CaseMediator.create(case=first, member=nur, role="记录人")  # two roles in one case count once
    case(nur, "（2024）夏派调字第002号")
    case(nur, "（2024）夏派调字第003号", deleted=True)
    case(other, "（2024）夏派调字第004号")
    for n, status in enumerate(("有效", "作废")):
        Certificate.create(serial=f"YJ2024{n:04d}", type="荣誉证书", year=2024, sequence=n, member=nur,
                           issued_on=TODAY, status=status, verification_code=f"CODE{n}")
    Qualification.create(member=nur, skill="急救", granted_on=date(2023, 1, 1))
    PointEntry.create(member=nur, date=TODAY, points=12.5, reason="值班")
    PointEntry.create(member=nur, date=TODAY, points=-2, reason="缺勤")
    PointEntry.create(member=other, date=TODAY, points=99)
    add_leave(nur, "2024-06-03", "2024-06-05")
    sections = member_sections(nur, today=TODAY)
    assert sections.cases_mediated == 2
    assert sections.certificates == 2
    assert sections.qualifications == 1
    assert sections.points == 10.5
    assert sections.leaves == 1


def test_summary_is_masked_and_derived(nur):
    summary = member_summary(nur, today=TODAY)
    assert (summary.name, summary.team, summary.status) == ("努尔买买提·西热甫", "石榴大妈义警队", "在队")
    assert (summary.ethnic, summary.gender, summary.birth_date) == ("维吾尔族", "男", date(1985, 6, 2))
    assert summary.age == 38  # the birthday is tomorrow
    assert summary.id_masked == ID_NUR[:6] + "********" + ID_NUR[-4:]
    assert summary.phone_masked == "139****5678"
    assert summary.address_masked == "伽师县夏普吐勒镇****"
    assert (summary.join_date, summary.skills) == (date(2020, 3, 1), "调解、双语翻译")
    assert (summary.insurance_expires_on, summary.insurance_state) == (date(2024, 6, 20), "即将到期")
    assert (summary.star_label, summary.hours_total, summary.deleted) == ("未评星", 0.0, False)


def test_star_label_follows_total_hours(nur):
    activity(nur, date(2023, 5, 1), 99.5)
    assert member_summary(nur, today=TODAY).star_label == "未评星"
    training(nur, date(2023, 5, 2), 0.5)
    assert member_summary(nur, today=TODAY).star_label == "一星"
    activity(nur, date(2023, 5, 3), 1300)
    assert member_summary(nur, today=TODAY).star_label == "四星"


def test_summary_of_a_sparse_deleted_member(other):
    delete_member(other)
    summary = member_summary(other, today=TODAY)
    assert (summary.team, summary.age, summary.id_masked, summary.phone_masked) == ("", None, "", "")
    assert (summary.ethnic, summary.address_masked, summary.insurance_state) == ("", "", "")
    assert summary.deleted


def test_unknown_member_raises(data_paths):
    with pytest.raises(Member.DoesNotExist):
        member_summary(404)


@pytest.mark.parametrize(("birth", "today", "age"), [
    (date(2000, 2, 29), date(2024, 2, 28), 23),
    (date(2000, 2, 29), date(2024, 2, 29), 24),
    (date(2000, 2, 29), date(2023, 3, 1), 23),
    (date(1985, 6, 2), date(2024, 6, 2), 39),
    (None, date(2024, 6, 2), None),
])
def test_age(birth, today, age):
    assert age_on(birth, today) == age
