"""Import leniency with honesty (issue 17 part 5): dates to the month become the 1st with a note, columns
that map to nothing are kept in 备注 and said so, a space between name parts is proposed as "·" and applied
only when the user accepts it, and every look-alike dot folds to "·"."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.db.models import Member
from desktop_app.domain.errors import FieldError
from desktop_app.domain.names import normalize_name, proposed_name, validate_name
from desktop_app.services.roster.importer import ADDED, REFUSED, plan_import, read_sheet, run_import

TODAY = date(2026, 12, 1)


@pytest.fixture
def sheet(office, tmp_path):
    path = tmp_path / "花名册.csv"
    path.write_text("序号,姓名,入队日期,服装尺码,车牌号\n"
                    "1,王建国,2020.05,L,新Q12345\n"
                    "2,李秀英,2021年6月,M,\n"
                    "3,阿依古丽 买买提,2022-03-04,S,\n", encoding="utf-8")
    return read_sheet(path)


def test_month_dates_become_the_first_with_a_note(sheet):
    plan = plan_import(sheet, today=TODAY)
    wang, li = plan.verdicts[0], plan.verdicts[1]
    assert wang.action == ADDED and "入队时间只写到月，按2020年5月1日登记" in wang.reasons
    assert li.action == ADDED and "入队时间只写到月，按2021年6月1日登记" in li.reasons
    run_import(plan)
    assert Member.get(Member.name == "王建国").join_date == date(2020, 5, 1)
    assert Member.get(Member.name == "李秀英").join_date == date(2021, 6, 1)


def test_columns_that_map_to_nothing_go_into_the_notes(sheet):
    plan = plan_import(sheet, today=TODAY)
    assert "没有对应栏目的列已写入备注：服装尺码、车牌号" in plan.verdicts[0].reasons
    assert "没有对应栏目的列已写入备注：服装尺码" in plan.verdicts[1].reasons  # an empty cell is not kept
    run_import(plan)
    assert Member.get(Member.name == "王建国").notes == "服装尺码：L；车牌号：新Q12345"


def test_a_space_between_name_parts_is_proposed_and_applied_only_when_accepted(sheet):
    plan = plan_import(sheet, today=TODAY)
    refused = plan.verdicts[2]
    assert refused.action == REFUSED and any("是“阿依古丽·买买提”吗" in reason for reason in refused.reasons)
    accepted = plan_import(sheet, today=TODAY, accept_proposed_names=True)
    assert accepted.verdicts[2].action == ADDED
    assert "姓名中的空格按建议改为“·”：阿依古丽·买买提" in accepted.verdicts[2].reasons
    run_import(accepted)
    assert Member.get(Member.name == "阿依古丽·买买提").join_date == date(2022, 3, 4)
    assert not Member.select().where(Member.name == "阿依古丽买买提").exists()  # never joined silently


def test_names_with_a_space_are_never_joined_silently():
    assert normalize_name("阿依古丽 买买提") == "阿依古丽 买买提"
    assert proposed_name("阿依古丽  买买提") == "阿依古丽·买买提"
    assert proposed_name("张 三") is None and normalize_name("张 三") == "张三"  # padding, as before
    with pytest.raises(FieldError, match="阿依古丽·买买提"):
        validate_name("阿依古丽 买买提")


@pytest.mark.parametrize("dot", ["\ua78f", "\ufe52", "\u2219", "\u2022", "\u30fb", "\u16eb", "\u2e31"])
def test_every_look_alike_dot_folds(dot):
    assert validate_name(f"努尔买买提{dot}西热甫") == "努尔买买提·西热甫"
