"""Signing in through the real dialogs: the first run sets up the administrator after the office's
details; each later start asks for a login (wrong passwords wait longer); 切换用户 and 注销 hand the window
back to the login; a demo folder shows the demo password on the login dialog, and only a demo folder."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop_app import app as app_module
from desktop_app.db.models import AuditLog, User
from desktop_app.domain.vocabulary import ADMIN, CLERK, VIEWER
from desktop_app.services.accounts import operators, roles
from desktop_app.services.office.details import OfficeInfo, get_office, save_office
from desktop_app.ui.accounts.login_dialog import LoginDialog
from desktop_app.ui.admin_check import AdminCheckDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.office_dialog import OfficeDialog
from desktop_app.ui.store_choice_dialog import StoreChoiceDialog

LEFT = Qt.MouseButton.LeftButton


def when_open(kind, act, tries=400):
    """Run `act(dialog)` as soon as a modal dialog of `kind` is up (for dialogs started with exec())."""

    def poll(left=tries):
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            act(dialog)
        elif left:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)


def log_out_stand_in():
    roles.set_logged_in(None)


def office_accounts():
    save_office(OfficeInfo(unit_name="伽师县公安局夏普吐勒派出所", case_prefix="夏派调"))
    operators.create_user("suozhang", "Suozhang-2026", ADMIN, "李所长")
    operators.create_user("xiaowang", "Luruyuan-2026", CLERK, "王小红")
    operators.create_user("chakan", "Chakan-2026x", VIEWER, "阿依古丽")
    log_out_stand_in()


def choose(dialog: LoginDialog, username: str) -> None:
    dialog.user.setCurrentIndex(dialog.user.findData(username))


def test_the_first_run_sets_up_the_administrator_after_the_office(qtbot, tmp_path, type_text, monkeypatch):
    from desktop_app.config import DataPaths

    log_out_stand_in()
    paths = DataPaths(tmp_path / "新所")
    shown = []

    def exec_briefly(*_args) -> int:  # the window's event loop, for long enough to see who is logged in
        qtbot.waitUntil(lambda: bool(QApplication.topLevelWidgets()) and roles.logged_in() is not None)
        qtbot.wait(300)
        shown.append(roles.logged_in())
        for window in QApplication.topLevelWidgets():
            if isinstance(window, MainWindow):
                window.close()
                window.deleteLater()
        return 0

    monkeypatch.setattr(app_module.QApplication, "exec", exec_briefly)
    monkeypatch.setattr(app_module, "install_crash_handler", lambda _hint: None)  # pytest-qt reports errors

    def office(dialog: OfficeDialog):
        type_text(dialog.unit_name, "伽师县公安局夏普吐勒派出所")
        type_text(dialog.case_prefix, "夏派调")
        qtbot.mouseClick(dialog.buttons.buttons()[0], LEFT)
        when_open(AdminCheckDialog, administrator)

    def administrator(dialog: AdminCheckDialog):
        assert dialog.first_time and dialog.windowTitle() == "设置管理员"
        qtbot.keyClicks(dialog.username, "suozhang")
        type_text(dialog.display_name, "李所长")
        qtbot.keyClicks(dialog.password, "Suozhang-2026")
        assert "强" in dialog.strength.text()
        qtbot.keyClicks(dialog.repeat, "Suozhang-2026")
        qtbot.mouseClick(dialog.buttons.buttons()[0], LEFT)

    def this_pc(dialog: StoreChoiceDialog):
        assert dialog.local.isChecked() and not dialog.url.isEnabled()  # this PC's data file by default
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
        when_open(OfficeDialog, office)

    when_open(StoreChoiceDialog, this_pc)
    assert app_module.run_gui(paths) == 0
    assert shown and shown[0].username == "suozhang" and shown[0].role == ADMIN
    assert paths.database.exists() and not paths.server_file.exists()
    from desktop_app.services.storage.data_folder import close_store, open_store

    open_store(paths)
    try:
        assert get_office().unit_name == "伽师县公安局夏普吐勒派出所"
        user = User.get()
        assert (user.username, user.display_name, user.role) == ("suozhang", "李所长", ADMIN)
        assert [a.action for a in AuditLog.select().where(AuditLog.table_name == "user")] == ["新增", "登录"]
    finally:
        close_store()


def test_login_refuses_a_wrong_password_and_then_waits(qtbot, data_paths):
    office_accounts()
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.user.itemText(i) for i in range(dialog.user.count())] == [
        "李所长（管理员）", "王小红（录入员）", "阿依古丽（查看）"]
    assert dialog.demo_hint.isHidden()
    choose(dialog, "xiaowang")
    for _ in range(2):
        qtbot.keyClicks(dialog.password, "wrong-one")
        qtbot.mouseClick(dialog.login_button, LEFT)
        assert dialog.message.text() == "用户名或密码不对" and dialog.isVisible()
    qtbot.keyClicks(dialog.password, "wrong-one")
    qtbot.mouseClick(dialog.login_button, LEFT)
    assert "秒后再试" in dialog.message.text()
    assert not dialog.login_button.isEnabled() and "请稍候" in dialog.login_button.text()
    qtbot.keyClicks(dialog.password, "Luruyuan-2026")
    dialog.accept()  # Enter while waiting does nothing either
    assert roles.logged_in() is None and dialog.isVisible()
    User.update(last_failed_at=None).where(User.username == "xiaowang").execute()  # the wait is over
    dialog._tick(step=operators.LONGEST_WAIT_SECONDS)
    assert dialog.login_button.isEnabled() and dialog.login_button.text() == "登录"
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, "Luruyuan-2026")
    qtbot.mouseClick(dialog.login_button, LEFT)
    assert not dialog.isVisible() and roles.logged_in().username == "xiaowang"
    assert AuditLog.select().where(AuditLog.action == "登录失败", AuditLog.username == "xiaowang").count() == 3


def test_every_start_asks_for_a_login(qtbot, data_paths):
    office_accounts()

    def log_in(dialog: LoginDialog):
        choose(dialog, "chakan")
        qtbot.keyClicks(dialog.password, "Chakan-2026x")
        qtbot.mouseClick(dialog.login_button, LEFT)

    when_open(LoginDialog, log_in)
    assert app_module.sign_in()
    assert roles.logged_in().username == "chakan" and roles.logged_in().role == VIEWER

    roles.set_logged_in(None)
    when_open(LoginDialog, lambda dialog: qtbot.mouseClick(dialog.quit_button, LEFT))
    assert not app_module.sign_in() and roles.logged_in() is None


def test_switch_user_and_logout_give_the_window_to_the_next_account(qtbot, data_paths):
    office_accounts()
    operators.log_in("suozhang", "Suozhang-2026")
    signed = app_module.SignedInWindow(data_paths)
    window = signed.open_window()
    qtbot.addWidget(window)
    files = [a.text() for a in window.file_menu.actions() if a.text()]
    assert "切换用户…" in files and "注销" in files
    assert window.user_label.text() == "当前操作员：李所长（管理员）"
    assert window.windowTitle().endswith(" — 李所长（管理员）")
    assert window.accounts_action.isVisible() and window.backup_action.isVisible()

    window.switch_user_action.trigger()
    assert not window.isVisible() and roles.logged_in() is None
    login = signed.login
    qtbot.addWidget(login)
    assert login.isVisible()
    choose(login, "chakan")
    qtbot.keyClicks(login.password, "Chakan-2026x")
    qtbot.mouseClick(login.login_button, LEFT)
    viewer_window = signed.window
    qtbot.addWidget(viewer_window)
    assert viewer_window is not window and viewer_window.isVisible()
    assert viewer_window.user_label.text() == "当前操作员：阿依古丽（查看）"
    assert viewer_window.windowTitle().endswith(" — 阿依古丽（查看）")
    assert not viewer_window.accounts_action.isVisible() and not viewer_window.backup_action.isVisible()

    viewer_window.logout_action.trigger()
    assert roles.logged_in() is None and signed.login.isVisible()
    qtbot.addWidget(signed.login)
    entries = [(a.action, a.username) for a in AuditLog.select().where(AuditLog.action.in_(["登录", "注销"]))
               .order_by(AuditLog.id)]
    assert entries == [("登录", "suozhang"), ("注销", "suozhang"), ("登录", "chakan"), ("注销", "chakan")]


def test_a_demo_folder_shows_the_demo_password_on_the_login(qtbot, data_paths):
    log_out_stand_in()
    operators.create_demo_accounts()
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.demo_hint.isVisible() and "demo" in dialog.demo_hint.text()
    choose(dialog, VIEWER)
    qtbot.keyClicks(dialog.password, "demo")
    qtbot.mouseClick(dialog.login_button, LEFT)
    assert roles.logged_in().role == VIEWER
