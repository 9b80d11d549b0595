"""Input that cannot break a record: each scenario of the data-safety issue, through the services."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from desktop_app.db.models import Member, Team
from desktop_app.services.cases.case_form import CaseInput, register_case
from desktop_app.services.cases.fields import CaseInvalid
from desktop_app.services.roster.export import export_roster_xlsx
from desktop_app.services.roster.members import MemberInput, MemberInvalid, save_member
from desktop_app.services.roster.teams import TeamInput, TeamInvalid, save_team


def _case(**changes) -> CaseInput:
    values = dict(kind="人民调解", category="邻里", source="当事人申请", received_at=datetime(2024, 4, 13, 9, 0),
                  summary="邻里噪音纠纷")
    values.update(changes)
    return CaseInput(**values)


def test_a_soft_line_break_from_a_form_is_cleaned_and_the_roster_export_works(data_paths, tmp_path):
    member = save_member(MemberInput(name="王建国", address="幸福路\x0b3号", notes="第一行\x0b第二行"))
    stored = Member.get_by_id(member.id)
    assert stored.address == "幸福路 3号" and stored.notes == "第一行\n第二行"
    out = tmp_path / "花名册.xlsx"
    assert export_roster_xlsx([member.id], out, full=True) == 1
    sheet = load_workbook(out).active
    assert "第一行\n第二行" in [cell.value for cell in sheet[3]]


@pytest.mark.sqlite_only  # rows of an old SQLite file; a server starts at step 1
def test_a_row_stored_before_the_hygiene_step_is_cleaned_by_the_migration_and_exports(data_paths, tmp_path):
    from desktop_app.db.database import db
    from desktop_app.db.migrations import m0004_clean_text

    member = save_member(MemberInput(name="李娜"))
    team = save_team(TeamInput(name="一队"))
    db.execute_sql('UPDATE member SET notes = ?, address = ? WHERE id = ?', ("甲\x0b乙\x00丙", "村\x0b口", member.id))
    db.execute_sql('UPDATE team SET name = ? WHERE id = ?', ("一队\x0b", team))
    save_team(TeamInput(name="一队"))  # cleaning the first would repeat this name
    assert export_roster_xlsx([member.id], tmp_path / "before.xlsx", full=True) == 1  # the writer copes
    assert "甲\n乙丙" in [cell.value for cell in load_workbook(tmp_path / "before.xlsx").active[3]]
    with db.atomic():
        m0004_clean_text.up(db.obj)
    stored = Member.get_by_id(member.id)
    assert (stored.notes, stored.address) == ("甲\n乙丙", "村 口")
    assert sorted(t.name for t in Team.select()) == ["一队", f"一队（{team}）"]
    assert export_roster_xlsx([member.id], tmp_path / "after.xlsx", full=True) == 1


def test_unpaired_surrogates_and_nul_are_refused_at_the_field(data_paths):
    with pytest.raises(MemberInvalid) as caught:
        save_member(MemberInput(name="王\ud800建国"))
    assert "name" in caught.value.by_field()
    with pytest.raises(MemberInvalid) as caught:
        save_member(MemberInput(name="王建国", notes="备\x00注"))
    assert "notes" in caught.value.by_field()
    with pytest.raises(TeamInvalid) as caught:
        save_team(TeamInput(name="\udfff队"))
    assert "name" in caught.value.by_field()
    assert Member.select().count() == 0 and Team.select().count() == 0


def test_an_id_beyond_sqlite_range_is_a_refusal_not_an_overflow(data_paths):
    with pytest.raises(MemberInvalid) as caught:
        save_member(MemberInput(name="王建国", team_id=2**63))
    assert caught.value.by_field() == {"team": "所选队伍不存在"}
    with pytest.raises(TeamInvalid) as caught:
        save_team(TeamInput(name="一队", leader_id=2**64))
    assert "leader" in caught.value.by_field()


def test_a_thirty_digit_amount_is_refused_at_the_field(data_paths, office):
    with pytest.raises(CaseInvalid) as caught:
        register_case(_case(agreement_amount="1" * 30))
    assert "agreement_amount" in caught.value.by_field()


@pytest.mark.parametrize("when", [datetime(270, 1, 1, 9, 0), date(1800, 1, 1), "1800-01-01 09:00"])
def test_dates_outside_1900_to_2100_are_refused_at_the_field(data_paths, office, when):
    with pytest.raises(CaseInvalid) as caught:
        register_case(_case(received_at=when))
    assert "1900" in caught.value.by_field()["received_at"]


def test_year_range_holds_for_dates_handed_over_as_objects(data_paths):
    with pytest.raises(MemberInvalid) as caught:
        save_member(MemberInput(name="王建国", join_date=date(1800, 1, 1)))
    assert "join_date" in caught.value.by_field()


def test_nothing_half_written_after_a_refusal(data_paths):
    save_member(MemberInput(name="王建国"))
    con_before = Member.select().count()
    with pytest.raises(MemberInvalid):
        save_member(MemberInput(name="李娜", address="\ud800"))
    assert Member.select().count() == con_before
    assert isinstance(sqlite3.sqlite_version, str)
