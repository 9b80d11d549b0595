"""The main window on a temporary database: title, every tab, menus, real counts, backup and restore."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop_app.db.models import Case, Member, Team
from desktop_app.services import backup
from desktop_app.ui.main_window import MainWindow

TAB_TITLES = ["首页", "队员花名册", "排班值班", "纠纷调解", "证书打印", "工作记录"]


def _window(qtbot, data_paths) -> MainWindow:
    window = MainWindow(data_paths)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_title_tabs_and_menus(qtbot, data_paths, office):
    window = _window(qtbot, data_paths)
    assert window.windowTitle() == "义警服务队管理系统 — 伽师县公安局夏普吐勒派出所"
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == TAB_TITLES
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        qtbot.wait(10)
        assert window.tabs.currentWidget().isVisible()
    assert [a.text() for a in window.file_menu.actions() if a.text()] == ["备份…", "恢复…", "回收站…", "导出数据包…",
                                                                          "导入参考数据包…", "单位信息…", "退出"]
    assert [a.text() for a in window.help_menu.actions()] == ["使用手册", "关于"]
    assert str(data_paths.database) in window.data_label.text()
    assert window.backup_label.text() == "尚未备份"


def test_dashboard_shows_real_counts(qtbot, data_paths, office):
    team = Team.create(name="石榴大妈义警队")
    for name, status in (("努尔买买提·西热甫", "在队"), ("阿依古丽·买买提", "在队"), ("王建国", "退出")):
        Member.create(team=team, name=name, status=status)
    Member.create(team=team, name="叶尔兰·努尔兰", insurance_expires_on=date.today() + timedelta(days=5))
    Case.create(category="邻里", received_at=datetime.now() - timedelta(days=40), status="调解中",
                deadline=date.today() - timedelta(days=10))
    Case.create(category="债务", received_at=datetime.now(), status="受理",
                deadline=date.today() + timedelta(days=20))
    window = _window(qtbot, data_paths)
    cards = window.dashboard.cards
    assert cards["members"].value.text() == "3"
    assert "共 4 人" in cards["members"].detail.text()
    assert cards["teams"].value.text() == "1"
    assert cards["cases"].value.text() == "2"
    assert cards["overdue"].value.text() == "1"
    assert cards["insurance"].value.text() == "1"

    Member.create(team=team, name="古丽娜尔·艾山")
    window.tabs.setCurrentIndex(1)
    window.tabs.setCurrentIndex(0)
    assert cards["members"].value.text() == "4"


def test_backup_from_the_menu_then_restore(qtbot, data_paths, office, monkeypatch):
    Member.create(name="艾尔肯·吐尔逊")
    window = _window(qtbot, data_paths)
    target = data_paths.backups / "备份-手动.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=5000)
    assert target.exists() and "校验无误" in shown[0]
    assert window.backup_label.text().startswith("上次备份：")

    Member.create(name="王建国")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.restore_action.trigger()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=5000)
    assert "恢复前的数据" in shown[1]
    assert [m.name for m in Member.select()] == ["艾尔肯·吐尔逊"]
    assert len(list(data_paths.backups.glob("恢复前备份-*.db"))) == 1


def test_restore_can_be_called_off(qtbot, data_paths, office, monkeypatch):
    Member.create(name="艾尔肯·吐尔逊")
    saved = backup.backup_now(data_paths)
    Member.create(name="王建国")
    window = _window(qtbot, data_paths)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window.backup_actions.restore(saved)
    assert Member.select().count() == 2


def test_office_details_can_be_edited(qtbot, data_paths, office, monkeypatch):
    window = _window(qtbot, data_paths)
    from desktop_app.ui import main_window

    def fake_exec(dialog):
        dialog.unit_name.setText("伽师县公安局城关派出所")
        dialog.accept()
        return True

    monkeypatch.setattr(main_window.OfficeDialog, "exec", fake_exec)
    window.office_action.trigger()
    assert window.windowTitle().endswith("伽师县公安局城关派出所")


def test_f1_opens_the_user_guide(qtbot, data_paths, office):
    from PySide6.QtCore import Qt

    window = _window(qtbot, data_paths)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.guide
    assert guide.windowTitle() == "使用手册" and guide.pdf.startswith(b"%PDF")
    assert guide.suggested_name.endswith(".pdf")
    guide.close()
