"""The command line acts as an account: --user with the password from $YIJING_PASSWORD (or the terminal);
a full-form export without an administrator's credentials exits 2 and writes nothing; each role gets what
the services allow it; `init` sets up a folder from a script; `demo-data` makes the three demo accounts."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook

from desktop_app.cli import main
from desktop_app.config import DataPaths
from desktop_app.db.models import AuditLog, Member, User
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.domain.vocabulary import ADMIN, CLERK, VIEWER
from desktop_app.services.accounts import operators, roles
from desktop_app.services.office.details import get_office
from desktop_app.services.storage.data_folder import close_store, open_store

ID_1 = build_id_number("653123", date(1985, 3, 14), 31)
PASSWORDS = {ADMIN: "Suozhang-2026", CLERK: "Luruyuan-2026", VIEWER: "Chakan-2026x"}
NAMES = {ADMIN: "suozhang", CLERK: "xiaowang", VIEWER: "chakan"}


def in_store(folder, fn):
    open_store(DataPaths(folder))
    try:
        return fn()
    finally:
        close_store()


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A set-up folder with one account of each role and one member."""
    from desktop_app.services.roster.members import MemberInput, save_member

    monkeypatch.delenv("YIJING_USER", raising=False)
    monkeypatch.delenv("YIJING_PASSWORD", raising=False)
    path = tmp_path / "data"

    def setup():
        with roles.acting_as(None):
            operators.create_first_administrator(NAMES[ADMIN], PASSWORDS[ADMIN])
        for role in (CLERK, VIEWER):
            operators.create_user(NAMES[role], PASSWORDS[role], role)
        save_member(MemberInput(name="努尔买买提·西热甫", id_number=ID_1, phone="13912345678",
                                notes="紧急时打 139 1234 5678"))

    in_store(path, setup)
    return path


def as_role(monkeypatch, role, password=None):
    monkeypatch.setenv("YIJING_PASSWORD", password or PASSWORDS[role])
    return ["--user", NAMES[role]]


def test_a_full_export_without_an_administrator_is_refused_and_writes_nothing(folder, tmp_path, monkeypatch,
                                                                               capsys):
    out = tmp_path / "全部.xlsx"
    base = ["export-roster", "--data-dir", str(folder), "--out", str(out), "--full"]
    assert main(base) == 2
    assert "--user" in capsys.readouterr().err and not out.exists()
    assert main([*base, *as_role(monkeypatch, CLERK)]) == 2
    assert "无权导出或打印完整的个人信息" in capsys.readouterr().err and not out.exists()
    assert main([*base, *as_role(monkeypatch, ADMIN, "wrong-password")]) == 2
    assert "用户名或密码不对" in capsys.readouterr().err and not out.exists()
    cases_dir = tmp_path / "stick"
    cases_dir.mkdir()
    assert main(["export-cases", "--data-dir", str(folder), "--from", "2024-01-01", "--to", "2030-01-01",
                 "--to-dir", str(cases_dir), "--full", *as_role(monkeypatch, CLERK)]) == 2
    assert list(cases_dir.iterdir()) == []
    failed = in_store(folder, lambda: [(a.username, a.summary) for a in AuditLog.select()
                                       .where(AuditLog.action == "登录失败")])
    assert failed == [("suozhang", "用户名或密码不对（命令行）")]


@pytest.mark.full_form_output
def test_the_administrator_exports_in_full_and_the_clerk_masked(folder, tmp_path, monkeypatch, capsys):
    full, masked = tmp_path / "完整.xlsx", tmp_path / "脱敏.xlsx"
    assert main(["export-roster", "--data-dir", str(folder), "--out", str(full), "--full",
                 *as_role(monkeypatch, ADMIN)]) == 0
    assert main(["export-roster", "--data-dir", str(folder), "--out", str(masked), *as_role(monkeypatch, CLERK)]) == 0
    full_cells = [c for row in load_workbook(full).active.iter_rows(values_only=True) for c in row]
    masked_cells = [c for row in load_workbook(masked).active.iter_rows(values_only=True) for c in row]
    assert ID_1 in full_cells and ID_1 not in masked_cells
    assert "紧急时打 139****5678" in masked_cells and "紧急时打 139 1234 5678" in full_cells
    exports = in_store(folder, lambda: [(a.username, a.summary) for a in AuditLog.select()
                                        .where(AuditLog.action == "导出").order_by(AuditLog.id)])
    assert exports == [("suozhang", "导出花名册 1 人（完整信息）"), ("xiaowang", "导出花名册 1 人（已脱敏）")]


def test_the_viewer_prints_masked_but_neither_exports_nor_writes(folder, tmp_path, monkeypatch, capsys):
    viewer = as_role(monkeypatch, VIEWER)
    assert main(["export-roster", "--data-dir", str(folder), "--out", str(tmp_path / "x.xlsx"), *viewer]) == 2
    assert "无权导出文件" in capsys.readouterr().err
    assert main(["duty-sheet", "--data-dir", str(folder), "--week", "2024-W15", "--out",
                 str(tmp_path / "值班表.pdf"), *viewer]) == 0
    assert main(["duty-sheet", "--data-dir", str(folder), "--week", "2024-W15", "--out",
                 str(tmp_path / "值班表.xlsx"), *viewer]) == 2
    sheet = tmp_path / "roster.xlsx"
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["姓名", "身份证号"])
    book.active.append(["王建国", ""])
    book.save(sheet)
    assert main(["import-roster", str(sheet), "--data-dir", str(folder), *viewer]) == 2
    assert main(["backup", "--data-dir", str(folder), "--out", str(tmp_path / "b.db"), *viewer]) == 2
    assert main(["auto-schedule", "--data-dir", str(folder), "--from", "2024-04-15", "--to", "2024-04-21",
                 *viewer]) == 2
    assert not (tmp_path / "x.xlsx").exists() and not (tmp_path / "值班表.xlsx").exists()
    assert not (tmp_path / "b.db").exists()
    assert in_store(folder, lambda: Member.select().count()) == 1
    assert main(["backup", "--data-dir", str(folder), "--out", str(tmp_path / "b.db"),
                 *as_role(monkeypatch, CLERK)]) == 0


def test_the_user_can_come_from_the_environment(folder, tmp_path, monkeypatch):
    monkeypatch.setenv("YIJING_USER", NAMES[CLERK])
    monkeypatch.setenv("YIJING_PASSWORD", PASSWORDS[CLERK])
    assert main(["backup", "--data-dir", str(folder), "--out", str(tmp_path / "b.db")]) == 0
    assert in_store(folder, lambda: AuditLog.get(AuditLog.action == "备份").username) == NAMES[CLERK]


def test_init_sets_up_a_folder_from_a_script(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "新所"
    monkeypatch.setenv("YIJING_PASSWORD", "Chushi-hua-2026")
    assert main(["init", "--data-dir", str(folder), "--office", "伽师县公安局夏普吐勒派出所", "--admin", "suozhang",
                 "--admin-name", "李所长"]) == 0
    out = capsys.readouterr().out
    assert "夏派调" in out and "suozhang" in out and "Chushi" not in out
    office = in_store(folder, get_office)
    assert (office.unit_name, office.case_prefix) == ("伽师县公安局夏普吐勒派出所", "夏派调")
    user = in_store(folder, lambda: User.get())
    assert (user.username, user.display_name, user.role) == ("suozhang", "李所长", ADMIN)
    assert in_store(folder, lambda: operators.authenticate("suozhang", "Chushi-hua-2026").role) == ADMIN
    assert main(["init", "--data-dir", str(folder), "--office", "别的单位", "--admin", "x"]) == 2
    assert "已有操作员账号" in capsys.readouterr().err
    assert in_store(folder, lambda: User.select().count()) == 1


def test_init_refuses_a_weak_password_and_needs_one(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "data"
    monkeypatch.delenv("YIJING_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", None)
    assert main(["init", "--data-dir", str(folder), "--office", "团结路警务室", "--admin", "a"]) == 2
    assert "YIJING_PASSWORD" in capsys.readouterr().err
    monkeypatch.setenv("YIJING_PASSWORD", "12345678")
    assert main(["init", "--data-dir", str(folder), "--office", "团结路警务室", "--admin", "a"]) == 2
    assert "太容易被猜到" in capsys.readouterr().err
    assert in_store(folder, lambda: (User.select().count(), get_office())) == (0, None)


def test_init_at_a_terminal_asks_twice(tmp_path, monkeypatch, capsys):
    from desktop_app.cli import common

    typed = iter(["Terminal-pass-26", "Terminal-pass-27"])
    monkeypatch.delenv("YIJING_PASSWORD", raising=False)
    monkeypatch.setattr(common, "read_password", lambda prompt, stream=None: next(typed))
    from desktop_app.cli import maintenance

    monkeypatch.setattr(maintenance, "read_password", common.read_password)
    assert main(["init", "--data-dir", str(tmp_path / "d"), "--office", "团结路警务室", "--admin", "a"]) == 2
    assert "不一致" in capsys.readouterr().err


def test_demo_data_makes_three_demo_accounts(tmp_path, capsys):
    folder = tmp_path / "demo"
    assert main(["demo-data", "--data-dir", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "演示账号：管理员、录入员、查看，密码均为 demo" in out
    roles = in_store(folder, lambda: {u.username: u.role for u in User.select()})
    assert roles == {ADMIN: ADMIN, CLERK: CLERK, VIEWER: VIEWER}
    assert in_store(folder, operators.demo_password) == "demo"
    assert in_store(folder, lambda: Member.select().count()) > 0
    logins = in_store(folder, lambda: [(a.username, a.summary) for a in AuditLog.select()
                                       .where(AuditLog.action == "登录")])
    assert logins == [(ADMIN, "登录（演示数据）")]
    assert main(["demo-data", "--data-dir", str(folder)]) == 2


def test_wrong_passwords_on_the_command_line_make_the_next_try_wait(folder, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(operators, "FIRST_WAIT_SECONDS", 120)  # however slow the machine, the wait is not over
    out = tmp_path / "b.db"
    command = ["backup", "--data-dir", str(folder), "--out", str(out)]
    for _ in range(operators.FREE_TRIES):
        assert main([*command, *as_role(monkeypatch, CLERK, "wrong-password")]) == 2
    assert "秒后再试" in capsys.readouterr().err
    assert main([*command, *as_role(monkeypatch, CLERK)]) == 2  # the right password waits too
    assert "秒后再试" in capsys.readouterr().err and not out.exists()
    failed = in_store(folder, lambda: AuditLog.select().where(AuditLog.action == "登录失败").count())
    assert failed == operators.FREE_TRIES + 1
