"""Start-up: one running copy per data folder, the crash dialog, and the log file."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop_app import app as app_module
from desktop_app.config import DataPaths

ROOT = Path(__file__).resolve().parents[2]


def test_second_start_on_the_same_folder_says_so_and_changes_nothing(qtbot, tmp_path, monkeypatch):
    paths = DataPaths(tmp_path / "data").ensure()
    lock = app_module.acquire_lock(paths)
    assert lock is not None
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    assert app_module.run_gui(paths) == 1
    assert "只能由一个程序打开" in warnings[0]
    assert not paths.database.exists()
    lock.unlock()


def test_a_folder_on_a_server_takes_no_lock_several_windows_may_open_it(qtbot, tmp_path, monkeypatch):
    """On a PostgreSQL server each window is its own session: a second window on the same folder opens."""
    paths = DataPaths(tmp_path / "data").ensure()
    paths.server_file.write_text("postgresql://yijing@10.0.0.5/yijing\n", encoding="utf-8")
    first_window = app_module.acquire_lock(paths)  # the lock a window on this PC's file would hold
    assert first_window is not None
    warnings, opened = [], []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warnings.append(a[2]))
    monkeypatch.setattr(app_module, "_open_or_repair", lambda p, parent: opened.append(p.database_url) or 0)
    monkeypatch.setattr(app_module, "acquire_lock", lambda p: pytest.fail("no lock on a server"))
    try:
        assert app_module.run_gui(paths) == 0
        assert app_module.run_gui(paths) == 0
    finally:
        first_window.unlock()
    assert warnings == [] and opened == ["postgresql://yijing@10.0.0.5/yijing"] * 2


def test_lock_is_held_against_another_process_and_released_after(tmp_path):
    paths = DataPaths(tmp_path / "data").ensure()
    probe = textwrap.dedent(f"""
        from pathlib import Path
        from desktop_app.app import acquire_lock
        from desktop_app.config import DataPaths
        print("locked" if acquire_lock(DataPaths(Path({str(paths.root)!r}))) else "busy")
    """)
    lock = app_module.acquire_lock(paths)
    run = lambda: subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,  # noqa: E731
                                 text=True, timeout=60).stdout.strip()
    assert run() == "busy"
    lock.unlock()
    assert run() == "locked"


def test_uncaught_exception_shows_a_chinese_dialog_and_is_logged(qtbot, tmp_path, monkeypatch):
    from desktop_app.logging_setup import setup_logging

    log_file = tmp_path / "logs" / "yijing.log"
    handler = setup_logging(log_file)
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.text(), box.detailedText())))
    old_hook = sys.excepthook
    try:
        app_module.install_crash_handler(str(log_file))
        try:
            raise KeyError("队员 11010519491231002X 不存在")
        except KeyError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old_hook
        import logging

        logging.getLogger().removeHandler(handler)
        handler.close()
    text, detail = shown[0]
    assert "意外错误" in text and str(log_file) in text
    assert "KeyError" in detail and "11010519491231002X" not in detail
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "test_app_start.py" in logged
    assert "11010519491231002X" not in logged


def test_first_run_cancelled_leaves_without_a_window(qtbot, tmp_path, monkeypatch):
    from desktop_app.ui import office_dialog, store_choice_dialog

    paths = DataPaths(tmp_path / "data")
    monkeypatch.setattr(store_choice_dialog.StoreChoiceDialog, "exec", lambda self: 1)  # this PC's data file
    monkeypatch.setattr(office_dialog.OfficeDialog, "exec", lambda self: 0)
    assert app_module.run_gui(paths) == 0
    assert paths.database.exists() and paths.log_file.exists()
    assert app_module.acquire_lock(paths) is not None


def test_damage_found_after_start_offers_the_newest_good_backup(qtbot, data_paths, office, monkeypatch):
    from desktop_app.db.models import Member
    from desktop_app.services import backup
    from desktop_app.ui.main_window import MainWindow

    Member.create(name="艾尔肯·吐尔逊")
    good = backup.backup_now(data_paths)
    window = MainWindow(data_paths)
    qtbot.addWidget(window)
    asked, restored = [], []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(window.backup_actions, "restore", lambda source, confirm: restored.append(source))
    app_module.report_damage(window, ["*** in database main ***\nPage 7: btreeInitPage() returns error"])
    assert "损坏" in asked[0] and good.name in asked[0]
    assert restored == [good]


def test_background_check_reports_a_sound_file_as_sound(qtbot, data_paths):
    check = app_module.IntegrityCheck(data_paths)
    with qtbot.waitSignal(check.problems, timeout=10000) as signal:
        check.start()
    check.wait()
    assert signal.args == [[]]


def test_the_background_check_ends_at_exit_without_the_event_loop(qtbot, data_paths):
    # The window closed before the check's result reached the GUI thread: the program must still end.
    check = app_module.IntegrityCheck(data_paths)
    check.start()
    assert check.wait(timeout_ms=20000)
    assert check.runner._thread.isFinished()


def test_qt_standard_buttons_are_in_chinese(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    app_module.make_application()
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Discard
                               | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert {b.text() for b in buttons.buttons()} == {"保存", "丢弃", "取消"}


def test_the_first_start_asks_where_the_data_lives(qtbot, tmp_path, type_text):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop_app.ui.store_choice_dialog import StoreChoiceDialog

    paths = DataPaths(tmp_path / "data")
    dialog = StoreChoiceDialog(paths)
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(dialog.server, Qt.MouseButton.LeftButton)
    assert dialog.url.isEnabled()
    qtbot.keyClicks(dialog.url, "10.0.0.5")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "postgresql://" in dialog.message.text()  # said at the field, input kept
    assert dialog.url.text() == "10.0.0.5"
    dialog.url.clear()
    qtbot.keyClicks(dialog.url, "postgresql://yijing:Secret-1@10.0.0.5/yijing")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == 1
    chosen = dialog.chosen_paths()
    assert chosen.root == paths.root and chosen.database_url == "postgresql://yijing@10.0.0.5/yijing"
    dialog.grab().save(str(tmp_path / "store_choice.png"))
