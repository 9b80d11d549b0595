"""The window offers each role what the services allow it, logged in through the real login dialog:
a 查看 account sees no edit, delete or full-export controls (and a case only as its masked summary); a
录入员 enters and edits and exports masked, without the full-form choices; the administrator sees them."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.domain.id_numbers import build_id_number
from desktop_app.domain.vocabulary import ADMIN, CLERK, VIEWER
from desktop_app.services.accounts import operators, roles
from desktop_app.services.cases.case_form import CaseInput, register_case
from desktop_app.services.cases.parties import PartyInput, add_party
from desktop_app.services.roster.members import MemberInput, save_member
from desktop_app.ui import print_preview
from desktop_app.ui.accounts.login_dialog import LoginDialog
from desktop_app.ui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton
ID_NUR = build_id_number("653123", date(1985, 3, 14), 31)
ID_PARTY = build_id_number("653129", date(1980, 5, 6), 31)
PASSWORDS = {ADMIN: "Suozhang-2026", CLERK: "Luruyuan-2026", VIEWER: "Chakan-2026x"}


@pytest.fixture
def office_data(office):
    for role in (ADMIN, CLERK, VIEWER):
        operators.create_user(f"user-{role}", PASSWORDS[role], role)
    member = save_member(MemberInput(name="努尔买买提·西热甫", id_number=ID_NUR, phone="13912345678",
                                     address="伽师县夏普吐勒镇团结路12号", notes="手机 139 1234 5678"))
    case = register_case(CaseInput(category="邻里", received_at=datetime.now() - timedelta(days=2),
                                   facts="申请人电话 139-1234-5678，要求赔偿"))
    add_party(case.id, PartyInput(role="申请人", name="艾力·买买提", id_number=ID_PARTY, phone="13912345678"))
    roles.set_logged_in(None)
    return {"member": member.id, "case": case.id}


def window_for(qtbot, data_paths, role) -> MainWindow:
    """Log in as `role` through the login dialog, then open the window as the program does."""
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.user.setCurrentIndex(dialog.user.findData(f"user-{role}"))
    qtbot.keyClicks(dialog.password, PASSWORDS[role])
    qtbot.mouseClick(dialog.login_button, LEFT)
    assert roles.logged_in().role == role
    window = MainWindow(data_paths, signed_in=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def previews(monkeypatch):
    shown = []
    monkeypatch.setattr(print_preview, "preview_pdf", lambda parent, pdf, title, name: shown.append(
        "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)))
    return shown


def visible(*controls) -> list[bool]:
    return [c.isVisible() for c in controls]


def test_the_viewer_sees_no_edit_delete_or_full_export_controls(qtbot, data_paths, office_data, previews, messages):
    window = window_for(qtbot, data_paths, VIEWER)
    assert visible(window.backup_action, window.restore_action, window.office_action) == [False] * 3
    assert not window.settings_menu.menuAction().isVisible()
    assert visible(window.accounts_action, window.audit_action, window.privacy_action) == [False] * 3
    assert window.own_password_action.isVisible()

    window.tabs.setCurrentIndex(1)
    roster = window.roster
    assert visible(roster.add_button, roster.import_button, roster.export_button, roster.teams_button) == [False] * 4
    assert roster.print_button.isVisible()
    member = roster.open_member(office_data["member"])
    qtbot.addWidget(member)
    assert member.read_only and not member.save_button.isVisible() and not member.delete_button.isVisible()
    assert not member.form.isEnabled()
    assert member.form.id_number.text() == ID_NUR[:6] + "********" + ID_NUR[-4:]
    assert member.form.phone.text() == "139****5678" and member.form.notes.toPlainText() == "手机 139****5678"
    assert member.form.address.text() == "伽师县夏普吐勒镇****"
    assert not member.leave.add_button.isVisibleTo(member.leave)
    member.reject()

    window.tabs.setCurrentIndex(2)
    schedule = window.schedule_page.content
    assert visible(schedule.generate_button, schedule.assign_button, schedule.attendance_button,
                   schedule.auto_button, schedule.posts_button, schedule.export_button) == [False] * 6
    assert schedule.print_button.isVisible()
    assert [a.text() for a in schedule.cell_menu(0, 0, None).actions() if a.text()] == []

    window.tabs.setCurrentIndex(3)
    cases = window.cases_page.content
    assert visible(cases.add_button, cases.delete_button, cases.export_button) == [False] * 3
    assert visible(cases.bodies_button, cases.wording_button) == [False] * 2
    assert cases.open_button.text() == "查看摘要"
    cases.refresh()
    cases.open_case(office_data["case"])
    summary = previews[-1]
    assert "艾力·买买提" in summary and ID_PARTY not in summary and "139****5678" in summary
    assert "139-1234-5678" not in summary and "13912345678" not in summary

    window.tabs.setCurrentIndex(4)
    certificates = window.certificates_page.content
    assert visible(certificates.batch_button, certificates.templates_button, certificates.issue_box,
                   certificates.register.void_button) == [False] * 4
    assert certificates.register.preview_button.isVisible()


def test_the_clerk_enters_and_exports_masked_without_the_full_form(qtbot, data_paths, office_data, monkeypatch,
                                                                    messages):
    window = window_for(qtbot, data_paths, CLERK)
    assert visible(window.backup_action, window.restore_action, window.office_action) == [True, False, False]
    assert visible(window.accounts_action, window.audit_action, window.privacy_action) == [False] * 3
    window.tabs.setCurrentIndex(1)
    roster = window.roster
    assert visible(roster.add_button, roster.import_button, roster.export_button) == [True] * 3
    member = roster.open_member(office_data["member"])
    qtbot.addWidget(member)
    assert member.save_button.isVisible() and member.delete_button.isVisible()
    assert member.form.id_number.text() == ID_NUR  # the record's own form shows it in full
    member.reject()

    offered = []

    def clicked(box):
        offered.append({b.text(): not b.isHidden() for b in box.buttons()})
        return box.buttons()[-1]  # 取消

    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    monkeypatch.setattr(QMessageBox, "clickedButton", clicked)
    roster.refresh()
    roster.export_roster()
    assert offered[-1]["导出（隐去敏感信息）"] and not offered[-1]["导出完整信息"]

    window.tabs.setCurrentIndex(3)
    cases = window.cases_page.content
    assert visible(cases.add_button, cases.delete_button, cases.export_button) == [True] * 3
    assert visible(cases.bodies_button, cases.wording_button) == [False] * 2  # the office's settings
    dialog = cases.open_case(office_data["case"])
    qtbot.addWidget(dialog)
    assert not dialog.documents.full_identity.isVisibleTo(dialog.documents)
    stick = cases.export_to_stick()
    qtbot.addWidget(stick)
    assert not stick.full.isVisibleTo(stick)


def test_the_administrator_sees_the_full_form_choices(qtbot, data_paths, office_data, messages):
    window = window_for(qtbot, data_paths, ADMIN)
    assert visible(window.backup_action, window.restore_action, window.office_action, window.accounts_action,
                   window.audit_action, window.privacy_action) == [True] * 6
    window.tabs.setCurrentIndex(3)
    cases = window.cases_page.content
    assert visible(cases.bodies_button, cases.wording_button) == [True] * 2
    dialog = cases.open_case(office_data["case"])
    qtbot.addWidget(dialog)
    assert dialog.documents.full_identity.isVisibleTo(dialog.documents)
    stick = cases.export_to_stick()
    qtbot.addWidget(stick)
    assert stick.full.isVisibleTo(stick)


@pytest.mark.parametrize(("role", "enters", "deletes", "settings", "exports"), [
    (VIEWER, False, False, False, False), (CLERK, True, True, False, True), (ADMIN, True, True, True, True)])
def test_the_work_records_tab_offers_what_the_role_may(qtbot, data_paths, office_data, messages, role, enters,
                                                       deletes, settings, exports):
    window = window_for(qtbot, data_paths, role)
    window.tabs.setCurrentWidget(window.records_page)
    records = window.records_page.content
    activities = records.activities
    assert visible(activities.form, activities.import_button) == [enters] * 2
    assert visible(activities.delete_button) == [deletes]
    records.pages.setCurrentWidget(records.trainings)
    assert visible(records.trainings.save_button) == [enters] and records.trainings.sheet_button.isVisible()
    records.pages.setCurrentWidget(records.points)
    assert visible(records.points.save_rules_button, records.points.save_stars_button) == [settings] * 2
    assert visible(records.points.recompute_button) == [enters]
    records.pages.setCurrentWidget(records.report)
    assert records.report.pdf_button.isVisible()
    assert visible(records.report.xlsx_button, records.report.json_button) == [exports] * 2
