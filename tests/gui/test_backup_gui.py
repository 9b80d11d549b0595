"""备份到U盘, 设置备份密码 and restoring an encrypted backup, through the real dialogs."""

from __future__ import annotations

import py7zr
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from desktop_app.db.models import Member
from desktop_app.services.backup.password import check_backup_password, set_backup_password
from desktop_app.ui import backup_actions as backup_actions_module
from desktop_app.ui.backup_password_dialog import SetBackupPasswordDialog
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.usb_backup_dialog import UsbBackupDialog

PASSWORD = "xiapu-2024-backup"


def _window(qtbot, data_paths) -> MainWindow:
    window = MainWindow(data_paths)
    qtbot.addWidget(window)
    window.show()
    return window


def test_setting_the_backup_password_checks_both_entries(qtbot, data_paths, type_text):
    dialog = SetBackupPasswordDialog("admin")
    qtbot.addWidget(dialog)
    type_text(dialog.password, PASSWORD)
    type_text(dialog.repeat, PASSWORD + "x")
    dialog.accept()
    assert dialog.message.text() == "两次输入的密码不一致" and not check_backup_password(PASSWORD)
    dialog.repeat.clear()
    type_text(dialog.repeat, PASSWORD)
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted and check_backup_password(PASSWORD)


def test_backup_to_a_stick_writes_an_encrypted_archive(qtbot, data_paths, office, tmp_path, type_text, monkeypatch):
    Member.create(name="阿依古丽·买买提")
    set_backup_password(PASSWORD, acting_user="admin")
    stick = tmp_path / "KINGSTON"
    stick.mkdir()
    window = _window(qtbot, data_paths)
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(stick))
    window.usb_backup_action.trigger()
    dialog = window.backup_actions.dialog
    assert isinstance(dialog, UsbBackupDialog)
    qtbot.addWidget(dialog)
    dialog.folder_button.click()
    assert dialog.folder == stick
    type_text(dialog.password, "wrong-password")
    dialog.start_button.click()
    assert dialog.password_message.text() == "备份密码不对" and list(stick.iterdir()) == []
    dialog.password.clear()
    type_text(dialog.password, PASSWORD)
    dialog.start_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    made = list(stick.glob("义警数据备份-*.7z"))
    assert len(made) == 1 and "读回校验无误" in shown[0]
    with py7zr.SevenZipFile(made[0], "r", password=PASSWORD) as archive:
        assert archive.getnames() == ["yijing.db"]
    assert window.backup_label.text().startswith("上次备份：")


def test_backup_to_a_stick_asks_an_administrator_to_set_the_password_first(qtbot, data_paths, office, monkeypatch,
                                                                             messages):
    window = _window(qtbot, data_paths)
    asked = []
    monkeypatch.setattr(backup_actions_module, "confirm_administrator",
                        lambda parent, purpose: asked.append(purpose) and None)
    window.usb_backup_action.trigger()
    assert asked == ["设置备份密码"] and window.backup_actions.dialog is None
    assert "请先由管理员设置备份密码" in messages[0][1]


def test_restoring_an_encrypted_backup_from_the_menu_asks_for_its_password(qtbot, data_paths, office, tmp_path,
                                                                           monkeypatch):
    from desktop_app.services import backup

    Member.create(name="艾尔肯·吐尔逊")
    set_backup_password(PASSWORD, acting_user="admin")
    made = backup.backup_now(data_paths, tmp_path, password=PASSWORD)
    Member.create(name="王建国")
    window = _window(qtbot, data_paths)
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(made), ""))

    def answer(dialog):
        dialog.password.setText(PASSWORD)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(backup_actions_module.AskPasswordDialog, "exec", answer)
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    assert "恢复前的数据" in shown[0]
    assert [m.name for m in Member.select()] == ["艾尔肯·吐尔逊"]
