"""Long work through ui/ops.py: off the GUI thread, progress and 取消, a failure's full traceback in the log
(redacted) with the Chinese error dialog, a refusal left to the caller, and the change notice reaching
the tabs that show the data."""

from __future__ import annotations

import logging
import threading
import time
from datetime import date

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressDialog, QPushButton, QWidget

from desktop_app.db.models import Member, Team
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.logging_setup import REDACTED, setup_logging
from desktop_app.services.progress import Cancelled
from desktop_app.services.roster.members import MemberInput, save_member
from desktop_app.ui import ops
from desktop_app.ui.ops import CASES, MEMBERS, TEAMS, TaskRunner, announce, follow_changes

MADE_UP_ID = build_id_number("650102", date(1985, 7, 1), 23)


@pytest.fixture
def log_file(tmp_path):
    handler = setup_logging(tmp_path / "logs" / "yijing.log")
    yield tmp_path / "logs" / "yijing.log"
    logging.getLogger().removeHandler(handler)
    handler.close()


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def run(qtbot, runner: TaskRunner, signal) -> list:
    with qtbot.waitSignal(signal, timeout=10000) as blocker:
        runner.start()
    return blocker.args


def test_work_runs_off_the_gui_thread_and_its_result_comes_back(qtbot, parent, data_paths):
    seen: dict[str, object] = {}
    released = []
    real_release = ops.release_thread_connection

    def work(progress):
        seen["thread"] = threading.current_thread()
        progress(1, 2, "第一步")
        Member.select().count()  # the worker's own database connection
        progress(2, 2, "第二步")
        return 42

    def release():
        released.append(threading.current_thread())
        real_release()

    ops.release_thread_connection = release
    try:
        runner = TaskRunner(parent, "测试", work)
        dialog = runner.progress_dialog
        assert dialog.windowModality() == Qt.WindowModality.WindowModal
        assert dialog.minimumDuration() == ops.SHOW_AFTER_MS
        assert run(qtbot, runner, runner.done) == [42]
    finally:
        ops.release_thread_connection = real_release
    assert seen["thread"] is not threading.main_thread()
    assert released == [seen["thread"]]  # the worker closed its own connection
    assert runner.progress_dialog is None  # closed and gone


def test_the_progress_dialog_shows_only_for_long_work_and_cancels_it(qtbot, parent, log_file):
    reached = []

    def work(progress):
        for step in range(200):
            progress(step, 200, f"第 {step} 步")
            reached.append(step)
            time.sleep(0.02)
        return "done"

    runner = TaskRunner(parent, "慢的工作", work)
    done, cancelled = [], []
    runner.done.connect(done.append)
    runner.cancelled.connect(lambda: cancelled.append(True))
    dialog: QProgressDialog = runner.progress_dialog
    runner.start()
    qtbot.waitUntil(dialog.isVisible, timeout=5000)  # after ~300 ms
    assert reached and reached[-1] < 199
    assert 0 <= dialog.value() <= 100 and "步" in dialog.labelText()
    button = dialog.findChild(QPushButton)
    assert button.text() == "取消"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: cancelled == [True], timeout=5000)
    assert done == [] and len(reached) < 200
    assert runner.progress_dialog is None  # closed


class ShowWatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.shown = 0

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Show:
            self.shown += 1
        return False


def test_quick_work_never_shows_the_dialog(qtbot, parent):
    runner = TaskRunner(parent, "快", lambda progress: progress(1, 1, "") or "ok")
    watcher = ShowWatcher()
    runner.progress_dialog.installEventFilter(watcher)
    assert run(qtbot, runner, runner.done) == ["ok"]
    assert watcher.shown == 0


def test_the_work_ending_inside_the_dialogs_own_update_leaves_it_whole_until_then(qtbot, parent):
    # A shown modal QProgressDialog's setValue processes events; when the work's end comes in there, the
    # dialog is closed but must not be deleted before setValue returns (a crash under load otherwise).
    runner = TaskRunner(parent, "测试", lambda progress: None)
    dialog = runner.progress_dialog
    real_set_value = dialog.setValue
    alive_inside = []

    def set_value_delivering_the_end(value: int) -> None:
        runner._on_succeeded("ok")
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        alive_inside.append(shiboken6.isValid(dialog))
        if alive_inside[-1]:
            real_set_value(value)

    dialog.setValue = set_value_delivering_the_end
    runner._on_progress(50, "一半")
    assert alive_inside == [True]
    assert runner.progress_dialog is None
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(dialog)  # deleted once its update was over


def deliberately_failing_step(member_name: str) -> None:
    raise ZeroDivisionError(f"计算{member_name}的时长时出错（身份证号 {MADE_UP_ID}）")


def test_a_failing_task_logs_its_full_traceback_and_shows_the_error_dialog(qtbot, parent, log_file):
    def work(progress):
        progress(0, 1, "开始")
        deliberately_failing_step("努尔买买提·西热甫")

    runner = TaskRunner(parent, "统计服务时长", work)
    errors, done = [], []
    runner.error.connect(errors.append)
    runner.done.connect(done.append)
    run(qtbot, runner, runner.finished)

    box = runner.error_dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.windowTitle() == "程序出错"
    assert "刚才的操作没有完成" in box.text() and str(log_file) in box.text()
    assert "ZeroDivisionError" in box.detailedText() and MADE_UP_ID not in box.detailedText()
    assert errors == [] and done == []  # the caller's handlers are for refusals it knows

    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "后台任务“统计服务时长”失败" in text
    assert "Traceback (most recent call last)" in text
    assert "in work" in text and "in deliberately_failing_step" in text  # every frame, the worker's too
    assert "ZeroDivisionError: 计算努尔买买提·西热甫的时长时出错" in text
    assert MADE_UP_ID not in text and REDACTED in text
    box.close()


def test_a_refusal_goes_to_the_caller_without_a_dialog(qtbot, parent, log_file):
    class Refused(ValueError):
        pass

    def work(progress):
        raise Refused("所选范围内没有案件")

    runner = TaskRunner(parent, "导出", work, expected=(Refused,))
    errors = []
    runner.error.connect(errors.append)
    run(qtbot, runner, runner.error)
    assert [str(e) for e in errors] == ["所选范围内没有案件"] and runner.error_dialog is None
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "导出未完成：所选范围内没有案件" in text and "Traceback" not in text


def test_cancelled_raised_by_the_work_itself_is_a_cancel(qtbot, parent):
    class ExportStopped(Cancelled):
        pass

    def work(progress):
        raise ExportStopped

    runner = TaskRunner(parent, "导出", work, changes={CASES})
    changes = []
    ops.change_bus().changed.connect(changes.append)
    run(qtbot, runner, runner.cancelled)
    assert runner.error_dialog is None and changes == []


# --- what changed ---------------------------------------------------------------------------------


class CountingView(QLabel):
    def __init__(self, kinds, parent=None, **kwargs) -> None:
        super().__init__(parent)
        self.refreshes = 0
        follow_changes(self, kinds, self.refresh, **kwargs)

    def refresh(self) -> None:
        self.refreshes += 1


def test_a_visible_view_refreshes_at_once_a_hidden_one_when_shown(qtbot):
    visible = CountingView({MEMBERS}, stale=False)
    hidden = CountingView({MEMBERS, TEAMS}, stale=False)
    other = CountingView({CASES}, stale=False)
    for view in (visible, hidden, other):
        qtbot.addWidget(view)
    visible.show()
    other.show()
    announce({MEMBERS})
    assert (visible.refreshes, hidden.refreshes, other.refreshes) == (1, 0, 0)
    announce({TEAMS})
    hidden.show()
    assert hidden.refreshes == 1
    hidden.hide()
    hidden.show()
    assert hidden.refreshes == 1  # nothing changed since


def test_a_view_skips_what_its_own_dialogs_announce(qtbot):
    view = CountingView({MEMBERS}, stale=False)
    qtbot.addWidget(view)
    view.show()
    dialog = QWidget(view, Qt.WindowType.Dialog)
    announce({MEMBERS}, dialog)
    assert view.refreshes == 0
    announce({MEMBERS}, QWidget())
    assert view.refreshes == 1


def test_a_task_announces_what_it_changed_before_done(qtbot, parent, data_paths):
    view = QWidget()
    qtbot.addWidget(view)
    view.show()
    order = []
    follow_changes(view, {MEMBERS}, lambda: order.append("refresh"), stale=False)
    runner = TaskRunner(parent, "导入", lambda progress: Member.create(name="王建国").id, changes={MEMBERS})
    runner.done.connect(lambda _id: order.append("done"))
    run(qtbot, runner, runner.done)
    assert order == ["refresh", "done"]


def test_the_change_reaches_the_tabs_of_the_main_window(qtbot, data_paths, office):
    from desktop_app.ui.main_window import MainWindow

    team = Team.create(name="石榴大妈义警队")
    window = MainWindow(data_paths)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(window.roster_page)
    roster = window.roster
    assert roster.count_label.text() == "共 0 人"
    window.tabs.setCurrentWidget(window.dashboard)
    assert window.dashboard.cards["members"].value.text() == "0"

    def work(progress):
        progress(0, 1, "正在保存")
        return save_member(MemberInput(name="古丽娜尔·艾山", team_id=team.id, id_number=MADE_UP_ID)).id

    runner = TaskRunner(window, "导入花名册", work, changes={MEMBERS})
    run(qtbot, runner, runner.done)
    assert window.dashboard.cards["members"].value.text() == "1"  # visible: refreshed at once
    assert roster.count_label.text() == "共 0 人"  # hidden: refreshed when shown
    window.tabs.setCurrentWidget(window.roster_page)
    assert roster.count_label.text() == "共 1 人"


def test_the_cyclic_collector_waits_while_long_work_runs(qtbot, parent):
    import gc

    seen = []
    assert gc.isenabled()

    def failing(_progress):
        seen.append(gc.isenabled())
        raise RuntimeError("测试失败")

    def work(_progress):
        seen.append(gc.isenabled())
        return 1

    runner = TaskRunner(parent, "测试", work)
    assert run(qtbot, runner, runner.done) == [1]
    assert seen == [False] and gc.isenabled()  # paused for the work (a full pass would stall the window)
    runner = TaskRunner(parent, "测试", failing, expected=(RuntimeError,))
    run(qtbot, runner, runner.error)
    assert seen == [False, False] and gc.isenabled()  # on again after a failure too



def test_the_gil_is_handed_over_often_while_long_work_runs(qtbot, parent):
    """The GUI thread waits at most ops.GIL_SWITCH_S for the GIL behind a worker, not Python's 5 ms."""
    import sys

    before = sys.getswitchinterval()
    assert before > ops.GIL_SWITCH_S
    seen = []

    def work(_progress):
        seen.append(sys.getswitchinterval())
        return 1

    runner = TaskRunner(parent, "测试", work)
    run(qtbot, runner, runner.done)
    runner = TaskRunner(parent, "测试", lambda _progress: seen.append(sys.getswitchinterval()) or 1 / 0,
                        expected=(ZeroDivisionError,))
    run(qtbot, runner, runner.error)
    assert seen == [ops.GIL_SWITCH_S] * 2 and sys.getswitchinterval() == before  # put back after a failure too

def test_a_lookup_delivers_only_the_newest_answer(qtbot, parent, data_paths):
    lookup = ops.Lookup(parent, "查找")
    found: list = []
    lookup.found.connect(found.append)
    threads = set()
    gate = threading.Event()

    def slow_first():
        threads.add(threading.current_thread())
        gate.wait(5)
        return "旧的"

    def answer(text):
        def work():
            threads.add(threading.current_thread())
            return text
        return work

    lookup.ask(slow_first)
    lookup.ask(answer("过时的"))  # asked over before it ran: never runs
    lookup.ask(answer("最新的"))
    assert lookup.pending
    gate.set()
    qtbot.waitUntil(lambda: not lookup.pending, timeout=10000)
    assert found == ["最新的"]  # the first one's answer came too late, the second one was never asked
    assert threading.main_thread() not in threads
    lookup.ask(answer("再一次"))
    qtbot.waitUntil(lambda: found == ["最新的", "再一次"], timeout=10000)


def test_a_lookup_whose_view_is_gone_ends_quietly(qtbot, data_paths):
    view = QWidget()
    lookup = ops.Lookup(view, "查找")
    gate = threading.Event()
    lookup.ask(lambda: gate.wait(5))
    view.deleteLater()
    qtbot.waitUntil(lambda: not _valid(lookup), timeout=5000)
    gate.set()
    qtbot.waitUntil(lambda: not ops._alive, timeout=10000)  # the worker ended and its runner went


def _valid(obj) -> bool:
    from shiboken6 import isValid

    return isValid(obj)
