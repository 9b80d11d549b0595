"""Full-form exports ask for an administrator; the first time the dialog sets one up."""

from __future__ import annotations

from desktop_app.services.accounts.operators import has_administrator
from desktop_app.ui.admin_check import AdminCheckDialog


def test_first_time_sets_up_then_asks_for_the_password(qtbot, data_paths):
    dialog = AdminCheckDialog("导出完整信息")
    qtbot.addWidget(dialog)
    assert dialog.first_time and dialog.windowTitle() == "设置管理员"
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, "secret123")
    qtbot.keyClicks(dialog.repeat, "secret124")
    dialog.accept()
    assert dialog.messages["password"].text() == "两次输入的密码不一致" and not has_administrator()
    dialog.repeat.clear()
    qtbot.keyClicks(dialog.repeat, "secret123")
    dialog.accept()
    assert dialog.username_value == "admin" and has_administrator()

    again = AdminCheckDialog("导出完整信息")
    qtbot.addWidget(again)
    assert not again.first_time and again.repeat.isHidden()
    qtbot.keyClicks(again.username, "admin")
    qtbot.keyClicks(again.password, "wrong-one")
    again.accept()
    assert again.messages["password"].text() == "用户名或密码不对" and not again.username_value
    again.password.clear()
    qtbot.keyClicks(again.password, "secret123")
    again.accept()
    assert again.username_value == "admin"
