"""The administrator's dialogs through their widgets: accounts (add, role, reset, disable), the audit viewer
(filters, archiving), security and personal-data settings with anonymisation; one's own password."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog

from desktop_app.db.models import AuditLog, Member, User
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.domain.vocabulary import ADMIN, CLERK, VIEWER
from desktop_app.services import audit
from desktop_app.services.accounts import operators, roles
from desktop_app.services.roster.members import MemberInput, save_member
from desktop_app.ui.accounts.accounts_dialog import AccountsDialog
from desktop_app.ui.accounts.audit_viewer import AuditViewer
from desktop_app.ui.accounts.privacy_dialog import PrivacyDialog
from desktop_app.ui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton


def test_the_administrator_adds_resets_and_disables_accounts(qtbot, data_paths, type_text, messages, monkeypatch):
    operators.create_user("suozhang", "Suozhang-2026", ADMIN)
    dialog = AccountsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert [r.username for r in dialog.model.rows()] == ["suozhang"]
    new = dialog.add_account()
    qtbot.addWidget(new)
    qtbot.keyClicks(new.username, "xiaowang")
    type_text(new.display_name, "王小红")
    qtbot.keyClicks(new.password, "Luruyuan-2026")
    qtbot.keyClicks(new.repeat, "Luruyuan-2025")
    qtbot.mouseClick(new.buttons.buttons()[0], LEFT)
    assert new.messages["repeat"].text() == "两次输入的密码不一致" and new.isVisible()
    new.repeat.clear()
    qtbot.keyClicks(new.repeat, "Luruyuan-2026")
    qtbot.mouseClick(new.buttons.buttons()[0], LEFT)
    assert not new.isVisible()
    assert [(r.username, r.role, r.state) for r in dialog.model.rows()] == [
        ("suozhang", "管理员", "可用"), ("xiaowang", "录入员", "可用")]

    dialog.select_username("xiaowang")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("查看", True))
    qtbot.mouseClick(dialog.role_button, LEFT)
    assert User.get(User.username == "xiaowang").role == VIEWER
    reset = dialog.reset_password()
    qtbot.addWidget(reset)
    qtbot.keyClicks(reset.password, "New-start-2026")
    qtbot.keyClicks(reset.repeat, "New-start-2026")
    qtbot.mouseClick(reset.buttons.buttons()[0], LEFT)
    assert operators.authenticate("xiaowang", "New-start-2026").role == VIEWER
    dialog.select_username("xiaowang")
    qtbot.mouseClick(dialog.active_button, LEFT)
    assert dialog.model.rows()[1].state == "已停用" and dialog.active_button.text() == "启用"
    dialog.select_username("suozhang")
    qtbot.mouseClick(dialog.active_button, LEFT)
    assert messages[-1] == ("warning", "至少要保留一个可用的管理员账号")
    assert User.get(User.username == "suozhang").active


def test_the_audit_viewer_filters_and_archives(qtbot, data_paths, tmp_path, monkeypatch, messages):
    with roles.acting_as(roles.Account("xiaowang", CLERK)):
        save_member(MemberInput(name="王建国"))
    save_member(MemberInput(name="李娜"))
    today = date(2026, 3, 2)
    long_ago = datetime(2021, 5, 1, 9, 0)
    AuditLog.create(at=long_ago, username="admin", action="导出", table_name="member", summary="导出花名册 3 人（已脱敏）")
    viewer = AuditViewer(today=today)
    qtbot.addWidget(viewer)
    viewer.show()
    assert viewer.count_label.text() == "共 3 条"
    assert viewer.model.rows()[0].table_name == "队员"
    viewer.user.setCurrentIndex(viewer.user.findData("xiaowang"))
    assert [(r.username, r.action) for r in viewer.model.rows()] == [("xiaowang", "新增")]
    viewer.user.setCurrentIndex(0)
    viewer.period.setChecked(True)
    viewer.date_from.setDate(QDate(2021, 1, 1))
    viewer.date_to.setDate(QDate(2021, 12, 31))
    assert [r.action for r in viewer.model.rows()] == ["导出"]
    viewer.period.setChecked(False)
    member_uuid = Member.get(Member.name == "李娜").uuid
    qtbot.keyClicks(viewer.record, member_uuid)
    assert [r.username for r in viewer.model.rows()] == ["admin"]
    viewer.record.clear()

    assert viewer.archive_button.isEnabled() and "1 条可以归档" in viewer.archive_label.text()
    out = tmp_path / "归档.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    qtbot.mouseClick(viewer.archive_button, LEFT)
    assert messages[-1][0] == "information" and "1 条" in messages[-1][1]
    cells = [c for row in load_workbook(out).active.iter_rows(values_only=True) for c in row]
    assert "导出花名册 3 人（已脱敏）" in cells
    assert not viewer.archive_button.isEnabled()
    assert [r.action for r in viewer.model.rows()][0] == "归档"


def test_privacy_settings_and_anonymising_a_member_who_left_long_ago(qtbot, data_paths, messages):
    left_long_ago = save_member(MemberInput(
        name="叶尔兰·努尔兰", id_number=build_id_number("654001", date(1970, 2, 3), 11), phone="13512345678",
        address="伊宁市解放路5号", status="退出", join_date="2010-03-01", leave_date="2018-06-30",
        notes="2018年迁居"))
    recent = save_member(MemberInput(name="王建国", status="退出", join_date="2020-01-01", leave_date="2025-06-30"))
    dialog = PrivacyDialog(today=date(2026, 3, 2))
    qtbot.addWidget(dialog)
    dialog.show()
    assert [r.name for r in dialog.model.rows()] == ["叶尔兰·努尔兰"]
    assert dialog.model.rows()[0].id_masked.count("*") == 8
    dialog.idle_minutes.setValue(5)
    dialog.audit_months.setValue(24)
    dialog.member_years.setValue(8)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert (operators.idle_lock_minutes(), audit.retention_months()) == (5, 24)
    assert dialog.model.rows() == []  # 2018 is not eight years ago yet
    dialog.member_years.setValue(5)
    qtbot.mouseClick(dialog.save_button, LEFT)
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.anonymise_button, LEFT)
    member = Member.get_by_id(left_long_ago.id)
    assert member.name == f"已匿名队员{member.id:04d}" and member.id_number is None
    assert (member.phone, member.address, member.notes, member.anonymised_at is not None) == ("", "", "", True)
    assert Member.get_by_id(recent.id).name == "王建国"
    assert dialog.model.rows() == []
    assert AuditLog.get(AuditLog.action == "匿名化").record_uuid == member.uuid


def test_change_own_password_from_the_account_menu(qtbot, data_paths, office, messages):
    operators.create_user("xiaowang", "Luruyuan-2026", CLERK)
    operators.log_in("xiaowang", "Luruyuan-2026")
    window = MainWindow(data_paths)
    qtbot.addWidget(window)
    assert window.own_password_action.isVisible()
    dialog = window.change_password()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.old, "wrong")
    qtbot.keyClicks(dialog.new, "Changed-2026!")
    qtbot.keyClicks(dialog.repeat, "Changed-2026!")
    qtbot.mouseClick(dialog.buttons.buttons()[0], LEFT)
    assert dialog.messages["old_password"].text() == "原密码不对"
    dialog.old.clear()
    qtbot.keyClicks(dialog.old, "Luruyuan-2026")
    qtbot.mouseClick(dialog.buttons.buttons()[0], LEFT)
    assert not dialog.isVisible() and messages[-1][0] == "information"
    assert operators.authenticate("xiaowang", "Changed-2026!").username == "xiaowang"
    assert (datetime.now() - AuditLog.get(AuditLog.action == "修改密码").at) < timedelta(minutes=1)
