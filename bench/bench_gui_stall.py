"""The window never freezes: the longest stall of the GUI event loop during each user action.

A heartbeat (a QTimer every 5 ms) runs while the action is done the way a click does it; the figure is the
longest gap between two beats — the time the window could not repaint or answer a click. An action is
over when its handler has returned, no long-work helper (ops.TaskRunner) runs any more and no view waits for
an ops.Lookup (a search asked for off the GUI thread), so work handed to a worker thread counts only for
the stalls it causes. Dialogs that would wait for the user
(file choosers, message boxes, the print preview) answer at once. Baseline: the same heartbeat while the
window idles, the floor of any stall on this machine. Budget: 100 ms (the issue's) at every scale.

On a machine shared with other work a gap also holds the time the GUI thread waited for a CPU (or for the
GIL), so each `stall_*` has a `busy_*` twin: the most CPU time the GUI thread itself used between two beats
in the same run (`time.thread_time`), which the machine's load does not lengthen. No budget of its own; it
says how much of a stall is the program's.

Before each action the program is handed the input a click brings (a mouse move): the idle lock watches the
program's events until it sees input, then rests a second (ui/accounts/idle_lock.py) — the work a click
starts runs in that rest, and an action started without any input would pay for a watch no click leaves.

The "report" action (工作记录 → 工作简报) is measured when the program has a report page
(`desktop_app.ui.records.report_page`); before that it is left out.
"""

from __future__ import annotations

import gc
import importlib.util
import time
import weakref
from collections.abc import Callable
from typing import Any

from bench_roster_gui import _app
from harness import Benchmark, Context
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QEventLoop, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from desktop_app.ui import ops

BEAT_MS = 5
BUDGET_S = 0.1
_running: list[int] = [0]  # TaskRunners started and not finished
_patched: list[bool] = [False]
_busiest: list[float] = []  # the CPU figures of the action being measured
_lookups: weakref.WeakSet[Any] = weakref.WeakSet()  # every ops.Lookup made
_kept_busy: dict[tuple[str, str], float] = {}  # (action, data folder) → its CPU figure, for busy_*


def _track_runners() -> None:
    """Count the long-work helpers running, so an action is known to be over."""
    if _patched[0]:
        return
    _patched[0] = True
    start = ops.TaskRunner.start

    def counted(self: ops.TaskRunner) -> None:
        _running[0] += 1
        self.finished.connect(lambda: _running.__setitem__(0, _running[0] - 1))
        start(self)

    ops.TaskRunner.start = counted  # type: ignore[method-assign]
    made = ops.Lookup.__init__

    def kept(self: ops.Lookup, *args: Any, **kwargs: Any) -> None:
        made(self, *args, **kwargs)
        _lookups.add(self)

    ops.Lookup.__init__ = kept  # type: ignore[method-assign]


def _at_rest() -> bool:
    """No long work runs and no view waits for a lookup (between two lookups no runner runs)."""
    return _running[0] == 0 and not any(_alive(lookup) and lookup.pending for lookup in list(_lookups))


def _alive(obj: Any) -> bool:
    from shiboken6 import isValid

    return bool(isValid(obj))


def longest_stall(action: Callable[[], Any], timeout_s: float = 600) -> float:
    """Seconds of the longest gap between heartbeats while `action` and the work it starts run (the GUI
    thread's CPU figure is kept for the `busy_*` benchmarks)."""
    longest, busiest = stall_figures(action, timeout_s)
    _busiest.append(busiest)
    return longest


def stall_figures(action: Callable[[], Any], timeout_s: float = 600) -> tuple[float, float]:
    """(the longest gap between heartbeats, the most CPU time the GUI thread spent within one gap), seconds,
    while `action` and the work it starts run. The second figure leaves out the time the thread waited for
    a CPU or for the GIL: on a loaded machine it says what the program itself kept the window from doing."""
    _app()
    _track_runners()
    clock = QElapsedTimer()
    state = {"last": 0, "longest": 0, "cpu": time.thread_time_ns(), "busiest": 0, "done": False}

    def beat() -> None:
        now, cpu = clock.nsecsElapsed(), time.thread_time_ns()
        state["longest"] = max(state["longest"], now - state["last"])
        state["busiest"] = max(state["busiest"], cpu - state["cpu"])
        state["last"], state["cpu"] = now, cpu
        if state["done"] and _at_rest():
            loop.quit()

    def run() -> None:
        _input_of_a_click()
        action()
        state["done"] = True

    loop = QEventLoop()
    heart = QTimer()
    heart.setInterval(BEAT_MS)
    heart.timeout.connect(beat)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    clock.start()
    state["cpu"] = time.thread_time_ns()
    heart.start()
    QTimer.singleShot(0, run)
    loop.exec()
    heart.stop()
    QApplication.processEvents()
    return state["longest"] / 1e9, state["busiest"] / 1e9


_input_sink: list[QObject] = []


def _input_of_a_click() -> None:
    """What the program sees of the click that starts an action, before its handler runs: a mouse move (sent
    to an object of no window, so that nothing answers it but the application's event filters)."""
    if not _input_sink:
        _input_sink.append(QObject())
    move = QMouseEvent(QEvent.Type.MouseMove, QPointF(0, 0), QPointF(0, 0), Qt.MouseButton.NoButton,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QCoreApplication.sendEvent(_input_sink[0], move)


class _World:
    """The main window on the context's data, with the dialogs that would wait for a person answered."""

    def __init__(self, ctx: Context) -> None:
        from desktop_app.ui import print_preview
        from desktop_app.ui.main_window import MainWindow

        paths = ctx.store()
        _app()
        _track_runners()
        self.ctx = ctx
        self.previews: list[bytes] = []
        print_preview.preview_pdf = lambda parent, pdf, title, name: self.previews.append(pdf)  # type: ignore
        QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (str(ctx.scratch("out.xlsx")), ""))  # type: ignore
        QMessageBox.information = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok)  # type: ignore
        QMessageBox.warning = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok)  # type: ignore
        QMessageBox.exec = lambda box: 0  # type: ignore[method-assign]
        QMessageBox.clickedButton = lambda box: box.buttons()[0] if box.buttons() else None  # type: ignore
        self.window = MainWindow(paths)
        self.window.resize(1280, 800)
        self.window.show()
        QApplication.processEvents()
        from desktop_app.app import preload_in_background

        # what the program loads in the background after its first paint (a person clicks later than that):
        # the fonts, the lookups, the tabs' modules
        preload_in_background().join()

    def tab(self, index: int) -> Any:
        self.window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
        return self.window.tabs.widget(index).content if hasattr(self.window.tabs.widget(index), "content") \
            else self.window.tabs.widget(index)

    def find_tab(self, name: str) -> Any:
        for index in range(self.window.tabs.count()):
            page = self.window.tabs.widget(index)
            if type(getattr(page, "_content", None) or page).__name__ == name or (
                    hasattr(page, "_factory") and name.lower().removesuffix("tab") in page._factory.__name__):
                return self.tab(index)
        raise LookupError(name)

    def close(self) -> None:
        self.window.close()
        self.window.deleteLater()
        QApplication.processEvents()
        # and destroyed now: a deferred delete is not run by processEvents, so the window went in the next
        # action's event loop, counted in its first stall (~50 ms of a prefecture's window)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


_worlds: dict[str, _World] = {}


def _world(ctx: Context) -> _World:
    key = str(ctx.workdir)
    if key not in _worlds:
        _drop_worlds()
        _worlds[key] = _World(ctx)
    return _worlds[key]


def _drop_worlds() -> None:
    """Close the window of an earlier benchmark and collect it now, outside any timing: a window only let go
    of was collected by the first full pass of the cyclic collector — the one after the next long work, on
    the GUI thread, in the middle of the next benchmark's action (seconds for a prefecture's window, which
    the program, with its one window, never pays)."""
    for world in _worlds.values():
        world.close()
    _worlds.clear()
    gc.collect()


def _every_tab(ctx: Context) -> float:
    _drop_worlds()
    world = _World(ctx)  # each run on a new window: a tab is built the first time it is shown
    try:
        # each tab the first time it is shown, then back to the 首页 (which reads its figures at every show)
        return max(longest_stall(lambda i=i: world.tab(i)) for i in [*range(world.window.tabs.count()), 0])
    finally:
        world.close()
        gc.collect()


def _roster(ctx: Context) -> Any:
    tab = _world(ctx).find_tab("RosterTab")
    _settled(tab)
    return tab


def _settled(tab: Any) -> None:
    """Until no long work runs and the roster's search asked for while setting up has come back."""
    while not _at_rest():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def _keystroke(ctx: Context) -> float:
    tab = _roster(ctx)
    stalls = []
    for text in ("a", "ay", "nemm", "王", "5678", ""):
        stalls.append(longest_stall(lambda text=text: tab.search.setText(text)))
    return max(stalls)


def _scroll_to_end(ctx: Context) -> float:
    tab = _roster(ctx)
    tab.search.setText("")
    _settled(tab)
    QApplication.processEvents()
    tab.table.scrollToTop()
    return longest_stall(tab.table.scrollToBottom)


def _open_member(ctx: Context) -> float:
    tab = _roster(ctx)
    member_id = tab.model.id_at(0)

    def open_it() -> None:
        dialog = tab.open_member(member_id)
        QApplication.processEvents()
        dialog.reject()

    return longest_stall(open_it)


def _schedule(ctx: Context) -> Any:
    tab = _world(ctx).find_tab("ScheduleTab")
    tab.team_filter.setCurrentIndex(0)
    return tab


def _auto_schedule(ctx: Context) -> float:
    tab = _schedule(ctx)

    def run() -> None:
        dialog = tab.open_auto_schedule()
        dialog.start()

    stall = longest_stall(run)
    tab.dialog.reject()
    return stall


def _fairness(ctx: Context) -> float:
    tab = _schedule(ctx)
    stall = longest_stall(tab.open_fairness)
    tab.dialog.reject()
    return stall


def _duty_sheet(team: bool) -> Callable[[Context], float]:
    def run(ctx: Context) -> float:
        tab = _schedule(ctx)
        tab.team_filter.setCurrentIndex(1 if team else 0)
        QApplication.processEvents()
        stall = longest_stall(tab.print_week)
        tab.team_filter.setCurrentIndex(0)
        return stall

    return run


def _roster_export(ctx: Context) -> float:
    tab = _roster(ctx)
    tab.search.setText("")
    _settled(tab)
    return longest_stall(tab.export_roster)


def _roster_print(ctx: Context) -> float:
    tab = _roster(ctx)
    tab.search.setText("")
    _settled(tab)
    return longest_stall(tab.print_roster)


def _batch_find(ctx: Context) -> float:
    tab = _world(ctx).find_tab("CertificatesTab")
    dialog = tab.batch()
    dialog.year.setValue(ctx.today.year)
    stall = longest_stall(dialog.find_candidates)
    dialog.reject()
    return stall


def _case_filter(ctx: Context) -> float:
    tab = _world(ctx).find_tab("CasesTab")
    stalls = []
    for index in (1, 2, 0):
        stalls.append(longest_stall(lambda index=index: tab.status_filter.setCurrentIndex(index)))
    stalls.append(longest_stall(lambda: tab.search.setText("nuer")))
    stalls.append(longest_stall(lambda: tab.search.setText("")))
    return max(stalls)


def _report(ctx: Context) -> float:
    from desktop_app.ui.records.report_page import ReportPage

    page = ReportPage()
    page.resize(1200, 760)
    page.show()
    QApplication.processEvents()
    try:
        return longest_stall(page.make_draft)
    finally:
        page.close()
        page.deleteLater()


def _idle(ctx: Context) -> float:
    _world(ctx)

    def wait_a_little() -> None:
        # an event loop that sleeps until the next event, as the window's own does when nobody acts (a loop
        # of processEvents would keep the GUI thread busy and give the busy_* figures a false floor)
        pause = QEventLoop()
        QTimer.singleShot(300, pause.quit)
        pause.exec()

    wait_a_little()  # not timed: what a window just built still had queued (its first paints, the 首页's charts)
    return longest_stall(wait_a_little)


def _has_reports() -> bool:
    try:
        return importlib.util.find_spec("desktop_app.ui.records.report_page") is not None
    except ModuleNotFoundError:
        return False


SCALES = ("village", "county", "prefecture")
ACTIONS: list[tuple[str, str, Callable[[Context], float]]] = [
    ("stall_tabs", "打开每个标签页", _every_tab),
    ("stall_keystroke", "花名册搜索框输入", _keystroke),
    ("stall_scroll", "花名册滚动到底", _scroll_to_end),
    ("stall_member", "打开队员", _open_member),
    ("stall_auto_schedule", "自动排班（本周，全部队伍）", _auto_schedule),
    ("stall_fairness", "公平性（全部队伍）", _fairness),
    ("stall_duty_team", "打印值班表（一个队伍）", _duty_sheet(True)),
    ("stall_duty_all", "打印值班表（全部队伍）", _duty_sheet(False)),
    ("stall_roster_export", "导出花名册（全部队员）", _roster_export),
    ("stall_roster_print", "打印花名册（全部队员）", _roster_print),
    ("stall_batch_find", "批量证书：查找", _batch_find),
    ("stall_case_filter", "案件登记簿筛选", _case_filter),
]
if _has_reports():
    ACTIONS.append(("stall_report", "工作简报：统计并生成草稿", _report))

def _stall(name: str, action: Callable[[Context], float]) -> Callable[[Context], float]:
    def run(ctx: Context) -> float:
        _busiest.clear()
        longest = action(ctx)
        _kept_busy[(name, ctx.scale)] = max(_busiest, default=0.0)
        return longest

    return run


def _busy(name: str, action: Callable[[Context], float]) -> Callable[[Context], float]:
    """The GUI thread's figure of the stall benchmark `name` measured just before in this run (the same
    action at the same scale), or of a run of its own."""

    def run(ctx: Context) -> float:
        kept = _kept_busy.pop((name, ctx.scale), None)
        if kept is None:
            _stall(name, action)(ctx)
            kept = _kept_busy.pop((name, ctx.scale))
        return kept

    return run


def _idle_busy(ctx: Context) -> float:
    _busiest.clear()
    _idle(ctx)
    return max(_busiest, default=0.0)


BENCHMARKS = [
    Benchmark(
        name=name,
        what=f"界面最长卡顿：{what} / longest GUI stall (5 ms heartbeat)",
        run=_stall(name, run),
        baseline=_idle,
        baseline_name="heartbeat of the idle window",
        budget_s=BUDGET_S,
        scales=SCALES,
        repeat=1,
        warmup=0,
    )
    for name, what, run in ACTIONS
] + [
    Benchmark(
        name=name.replace("stall_", "busy_", 1),
        what=f"界面线程最长连续占用：{what} / most GUI-thread CPU between two heartbeats (machine load left out)",
        run=_busy(name, run),
        baseline=_idle_busy,
        baseline_name="the idle window",
        scales=SCALES,
        repeat=1,
        warmup=0,
    )
    for name, what, run in ACTIONS
]
