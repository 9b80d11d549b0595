"""The idle lock covers every open window behind the login without closing anything: a half-filled member
form is exactly as it was after the password, and can then be saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.db.models import AuditLog, Member
from desktop_app.domain.vocabulary import ADMIN, CLERK
from desktop_app.services.accounts import operators, roles
from desktop_app.ui.accounts.idle_lock import Curtain
from desktop_app.ui.accounts.login_dialog import LoginDialog
from desktop_app.ui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton


def clerk_window(qtbot, data_paths) -> MainWindow:
    operators.create_user("suozhang", "Suozhang-2026", ADMIN)
    operators.create_user("xiaowang", "Luruyuan-2026", CLERK, "王小红")
    operators.log_in("xiaowang", "Luruyuan-2026")
    window = MainWindow(data_paths, signed_in=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_lock_keeps_a_half_filled_member_form(qtbot, data_paths, office, type_text, messages):
    window = clerk_window(qtbot, data_paths)
    window.tabs.setCurrentIndex(1)
    form_dialog = window.roster.open_member(None)
    qtbot.addWidget(form_dialog)
    type_text(form_dialog.form.name, "古丽娜尔·艾山")
    qtbot.keyClicks(form_dialog.form.phone, "13912345678")
    type_text(form_dialog.form.notes, "夜班可联系")

    window.idle_lock.set_interval_ms(50)  # as if the clerk walked away for the set minutes
    qtbot.waitUntil(lambda: window.idle_lock.is_locked, timeout=3000)
    unlock = window.idle_lock.dialog
    qtbot.addWidget(unlock)
    covered = {c.parentWidget() for c in window.idle_lock.curtains}
    assert window in covered and form_dialog in covered
    assert all(c.isVisible() and c.geometry() == c.parentWidget().rect() for c in window.idle_lock.curtains)
    assert isinstance(unlock, LoginDialog) and unlock.isVisible() and unlock.windowTitle() == "已锁定"
    assert unlock.user.currentData() == "xiaowang" and not unlock.user.isEnabled()
    assert unlock.windowModality() == Qt.WindowModality.ApplicationModal
    assert form_dialog.isVisible() and form_dialog.form.name.text() == "古丽娜尔·艾山"
    qtbot.keyClicks(form_dialog.form.phone, "0")  # the windows behind the lock take no input
    assert form_dialog.form.phone.text() == "13912345678"

    qtbot.keyClicks(unlock.password, "not-it")
    qtbot.mouseClick(unlock.login_button, LEFT)
    assert window.idle_lock.is_locked and unlock.message.text() == "用户名或密码不对"
    qtbot.keyClicks(unlock.password, "Luruyuan-2026")
    qtbot.mouseClick(unlock.login_button, LEFT)
    assert not window.idle_lock.is_locked
    qtbot.waitUntil(lambda: not any(isinstance(w, Curtain) for w in form_dialog.findChildren(Curtain)
                                    if w.isVisible()))
    value = form_dialog.form.value()
    assert (value.name, value.phone, value.notes) == ("古丽娜尔·艾山", "13912345678", "夜班可联系")
    assert form_dialog.form.is_dirty() and form_dialog.isVisible()
    assert form_dialog.save()
    assert Member.get().name == "古丽娜尔·艾山"
    assert [a.action for a in AuditLog.select().where(AuditLog.username == "xiaowang").order_by(AuditLog.id)] == [
        "登录", "锁定", "登录失败", "登录", "新增"]
    assert roles.logged_in().username == "xiaowang"


def test_input_keeps_the_window_unlocked_and_quitting_from_the_lock_asks_first(qtbot, data_paths, office,
                                                                              messages):
    window = clerk_window(qtbot, data_paths)
    window.idle_lock.set_interval_ms(400)
    for _ in range(4):
        qtbot.wait(150)
        qtbot.keyClick(window.tabs, Qt.Key.Key_Right)
    assert not window.idle_lock.is_locked
    window.idle_lock.lock()
    qtbot.addWidget(window.idle_lock.dialog)
    quit_asked = []
    window.quit_requested.connect(lambda: quit_asked.append(True))
    qtbot.mouseClick(window.idle_lock.dialog.quit_button, LEFT)
    assert quit_asked and messages[-1][0] == "question" and "尚未保存的内容将会丢失" in messages[-1][1]
    assert QApplication.instance() is not None
