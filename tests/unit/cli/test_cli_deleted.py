"""`deleted list` and `deleted restore` on the command line: the 回收站 without the window."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.cli import main as run_cli
from desktop_app.config import DataPaths
from desktop_app.db.models import Case, Member, Party
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.services.storage.data_folder import close_store, open_store


@pytest.fixture
def data_dir(tmp_path, cli_admin):
    from desktop_app.services.cases.bodies import save_body
    from desktop_app.services.cases.case_form import CaseInput, delete_case, register_case
    from desktop_app.services.cases.parties import PartyInput, add_party
    from desktop_app.services.office.details import OfficeInfo, save_office
    from desktop_app.services.roster.members import MemberInput, delete_member, save_member

    folder = tmp_path / "data"
    open_store(DataPaths(folder))
    save_office(OfficeInfo(unit_name="伽师县公安局夏普吐勒派出所", case_prefix="夏派调"))
    save_body(None, "夏普吐勒镇人民调解委员会", "夏人调")
    case = register_case(CaseInput(category="债务", received_at="2024-10-03 09:00"), today=date(2024, 11, 5))
    add_party(case.id, PartyInput(name="艾力·买买提", id_number=build_id_number("653129", date(1980, 5, 6), 31)),
              today=date(2024, 11, 5))
    member = save_member(MemberInput(name="王建国")).id
    delete_case(case.id, "录错了")
    delete_member(member)
    cli_admin()
    close_store()
    return folder, member, case.number


def test_list_then_restore_a_case_and_a_member(data_dir, capsys):
    folder, member, number = data_dir
    assert run_cli(["deleted", "list", "--data-dir", str(folder)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    fields = {line.split("\t")[0]: line.split("\t") for line in lines}
    assert fields["队员"][1:3] == [str(member), "王建国"]
    assert fields["案件"][2] == number and fields["案件"][3].startswith(str(date.today().year))
    assert run_cli(["deleted", "restore", "--data-dir", str(folder), "--case", number]) == 0
    assert f"已恢复案件：{number}" in capsys.readouterr().out
    assert run_cli(["deleted", "restore", "--data-dir", str(folder), "--member", str(member)]) == 0
    assert capsys.readouterr().out == "已恢复队员：王建国\n"
    open_store(DataPaths(folder))
    try:
        case = Case.get(Case.number == number)
        assert case.deleted_at is None and Party.select().where(Party.case == case.id).count() == 1
        assert Member.get_by_id(member).deleted_at is None
    finally:
        close_store()
    assert run_cli(["deleted", "list", "--data-dir", str(folder)]) == 0
    assert capsys.readouterr().out == ""


def test_restoring_what_is_not_there(data_dir, capsys):
    folder, member, _number = data_dir
    assert run_cli(["deleted", "restore", "--data-dir", str(folder), "--case", "（2099）无此案第1号"]) == 1
    assert "回收站中没有" in capsys.readouterr().err
    assert run_cli(["deleted", "restore", "--data-dir", str(folder), "--member", str(member + 99)]) == 1


def test_restore_needs_an_operator_account(data_dir, capsys, monkeypatch):
    folder, member, _number = data_dir
    monkeypatch.delenv("YIJING_USER")
    assert run_cli(["deleted", "restore", "--data-dir", str(folder), "--member", str(member)]) == 2
    assert "--user" in capsys.readouterr().err
    open_store(DataPaths(folder))
    try:
        assert Member.get_by_id(member).deleted_at is not None
    finally:
        close_store()
