"""The one way to run long work in the window, and the one way views learn that data changed (in the
spirit of Anki's CollectionOp / QueryOp and its operation_did_execute hook).

    runner = TaskRunner(self, self.tr("导入花名册"), lambda progress: run_import(plan, progress),
                        changes={MEMBERS, TEAMS}, expected=(RosterImportError,))
    runner.finished.connect(...)  # always, first: re-enable buttons
    runner.done.connect(...)      # the result
    runner.error.connect(...)     # an exception of an `expected` type: the caller has the better words
    runner.cancelled.connect(...)
    runner.start()                # keep a reference to `runner` until `finished`

`work(progress)` runs on a worker thread and must not touch widgets; it acts as the account that started
it (services/accounts/roles.py), even if someone else logs in before it ends. `progress` is the services' one
protocol (services/progress.py): `progress(done, total, text)`, raising `Cancelled` once 取消 was
pressed. The worker closes its own database connection at the end. While long work runs, Python's cyclic
garbage collector waits (a full pass holds the GIL and would stall the window), and the GIL is handed over
every GIL_SWITCH_S instead of Python's 5 ms: the GUI thread takes it back after each Qt call that let it go
(many do), and waiting 5 ms each time behind a worker's Python loop froze the window for hundreds of ms
(a roster print: 558 ms with 28 ms of its own work). A window-modal QProgressDialog appears when the work
takes longer than 300 ms.

What comes back, on the GUI thread:
- the result: the ChangeBus announces `changes` (so the tabs showing that data refresh), then `done`;
- `Cancelled` (or a subclass, e.g. ExportCancelled): `cancelled`;
- an `expected` exception: `error`; logged as a warning, without a traceback (it is a refusal);
- anything else: the full traceback goes to the log (redacted like every log line) and the Chinese error
  dialog opens (`error_box`, the crash handler's); `error` is not emitted.

`run_and_wait(parent, title, work)` is the same helper for a caller that wants the result where it stands (a
button's handler that then shows a preview): the work runs off the GUI thread while a local event loop keeps
the window painting and the 取消 button answering; the result is returned, an `expected` exception raised
again, and `STOPPED` returned after a cancel or a failure (already reported by the error dialog).

The ChangeBus: `announce({MEMBERS}, source=dialog)` after any write. Views call
`follow_changes(self, {MEMBERS, TEAMS}, self.refresh)`: the refresh runs at once when the view is visible,
or the next time it is shown; a notice whose `source` is the view itself or inside it (its own dialogs,
which it updates itself after) is skipped.
"""

from __future__ import annotations

import atexit
import logging
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from ..logging_setup import redact
from ..services.accounts import roles
from ..services.clients.versions import RecordChanged, StaleVersion
from ..services.progress import Cancelled, Progress, collector_paused, percent
from ..services.storage.data_folder import release_thread_connection
from .error_dialog import error_box
from .i18n import shown
from .record_changed import show_record_changed

log = logging.getLogger(__name__)

MEMBERS = "members"
TEAMS = "teams"
SHIFTS = "shifts"  # posts, shifts, assignments, attendance (and so hours)
CASES = "cases"
CERTIFICATES = "certificates"
RECORDS = "records"  # work records, trainings, points
SETTINGS = "settings"  # office details, templates, settings
BACKUPS = "backups"
ALL = frozenset({MEMBERS, TEAMS, SHIFTS, CASES, CERTIFICATES, RECORDS, SETTINGS, BACKUPS})
DATA = ALL - {BACKUPS}

SHOW_AFTER_MS = 300
GIL_SWITCH_S = 0.001  # while long work runs: how long the GUI thread waits at most for the GIL
ROSTER_SEARCH_AT_ONCE = 20_000  # members; a bigger roster is searched off the GUI thread (a search: 50 ms+)


class _Default(Enum):
    """`TaskRunner(source=…)` left out: the change is the parent's."""

    PARENT = "parent"


_PARENT = _Default.PARENT

# --- what changed ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Changes:
    kinds: frozenset[str]
    source: QObject | None = None  # who made the change (it updates its own view)


class ChangeBus(QObject):
    """One per application: `changed` carries a `Changes` after every write that other views may show."""

    changed = Signal(object)

    def announce(self, kinds: Iterable[str], source: QObject | None = None) -> None:
        kinds = frozenset(kinds)
        if kinds:
            self.changed.emit(Changes(kinds, source))


_bus: ChangeBus | None = None


def change_bus() -> ChangeBus:
    global _bus
    if _bus is None:
        _bus = ChangeBus()
    return _bus


def announce(kinds: Iterable[str], source: QObject | None = None) -> None:
    change_bus().announce(kinds, source)


def announce_on(signal: Any, kinds: Iterable[str], source: QObject) -> None:
    """Announce `kinds` (by `source`) whenever `signal` fires: for a dialog's own saved/changed signal."""
    kinds = frozenset(kinds)
    signal.connect(lambda *_args: announce(kinds, source))


def _is_inside(source: QObject | None, widget: QObject) -> bool:
    while source is not None:
        if source is widget:
            return True
        source = source.parent()
    return False


class ChangeFollower(QObject):
    """Keeps one view current (see the module's note). `every_show`: refresh at each show as well, for
    figures that also change with the date (the 首页)."""

    def __init__(self, widget: QWidget, kinds: Iterable[str], refresh: Callable[[], Any], *,
                 stale: bool = True, every_show: bool = False) -> None:
        super().__init__(widget)
        self._widget = widget
        self.kinds = frozenset(kinds)
        self._refresh = refresh
        self.stale = stale
        self.every_show = every_show
        widget.installEventFilter(self)
        change_bus().changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if not (changes.kinds & self.kinds) or _is_inside(changes.source, self._widget):
            return
        if self._widget.isVisible():
            self.refresh()
        else:
            self.stale = True

    def refresh(self) -> None:
        self.stale = False
        self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self._widget and event.type() == QEvent.Type.Show and (self.stale or self.every_show):
            self.refresh()
        return False


def follow_changes(widget: QWidget, kinds: Iterable[str], refresh: Callable[[], Any], *, stale: bool = True,
                   every_show: bool = False) -> ChangeFollower:
    return ChangeFollower(widget, kinds, refresh, stale=stale, every_show=every_show)


# --- long work ------------------------------------------------------------------------------------

_gil_lock = threading.Lock()
_gil_state: dict[str, Any] = {"works": 0, "interval": None}  # works running; the interval before the first


@contextmanager
def _gil_handed_over_often() -> Iterator[None]:
    """Python's switch interval at GIL_SWITCH_S while any long work runs (see the module's note); nested and
    concurrent works count, the last one to end puts back the interval from before the first."""
    with _gil_lock:
        _gil_state["works"] += 1
        if _gil_state["works"] == 1:
            _gil_state["interval"] = sys.getswitchinterval()
            sys.setswitchinterval(min(GIL_SWITCH_S, _gil_state["interval"]))
    try:
        yield
    finally:
        with _gil_lock:
            _gil_state["works"] -= 1
            if _gil_state["works"] == 0:
                sys.setswitchinterval(_gil_state["interval"])


class _Worker(QObject):
    progressed = Signal(int, str)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self._work = work
        self.account: roles.Account | None = roles.current()
        self.cancel_requested = False

    def progress(self, done: int, total: int, text: str = "") -> None:
        """The `Progress` handed to the work."""
        self.report(percent(done, total), text)

    def report(self, value: int, text: str) -> None:
        if self.cancel_requested:
            raise Cancelled
        self.progressed.emit(value, shown(text))  # translated here: a signal carries plain text

    def run(self) -> None:
        try:
            with roles.acting_as(self.account), collector_paused(), _gil_handed_over_often():
                result = self._work(self.progress)
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, which decides
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
        finally:
            release_thread_connection()


class TaskRunner(QObject):
    """Runs `work` once off the GUI thread (see the module's note)."""

    finished = Signal()
    done = Signal(object)
    error = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None, title: str, work: Callable[[Progress], Any], *,
                 changes: Iterable[str] = (), expected: tuple[type[BaseException], ...] = (),
                 source: QObject | _Default | None = _PARENT, show_progress: bool = True) -> None:
        """`changes`: the kinds announced on success, by `source` (default `parent`, whose view updates
        itself; None when every view should refresh, e.g. after a restore). `show_progress=False` for
        quiet background checks."""
        super().__init__(parent)
        self.title = title
        self.changes = frozenset(changes)
        self.expected = (*expected, roles.PermissionDenied)  # a role's refusal is never a crash
        self.source: QObject | None = parent if source is _PARENT else source
        self.error_dialog: QMessageBox | None = None
        self._parent = parent
        self._dialog: QProgressDialog | None = None
        if show_progress:
            self._dialog = QProgressDialog(title, self.tr("取消"), 0, 100, parent)
            self._dialog.setWindowTitle(title)
            self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self._dialog.setMinimumDuration(SHOW_AFTER_MS)
            self._dialog.setAutoClose(False)
            self._dialog.setAutoReset(False)
            self._dialog.canceled.connect(self.cancel)
            self._dialog.reset()  # not shown until start()
        self._thread = QThread()
        self._worker = _Worker(work)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._on_progress)
        self._worker.succeeded.connect(self._on_succeeded)
        self._worker.failed.connect(self._on_failed)

    @property
    def progress_dialog(self) -> QProgressDialog | None:
        return self._dialog

    def start(self) -> None:
        self._worker.account = roles.current()
        if self._dialog is not None:
            self._dialog.setValue(0)  # starts the 300 ms clock
            self._dialog.setRange(0, 0)  # a busy bar until the work says how far it is
        self._thread.start()

    def wait(self, timeout_ms: int | None = None) -> bool:
        """Let the work end and stop its thread without the GUI thread's event loop (at exit, after
        `app.exec()` has returned, the queued `succeeded` that would stop it is never delivered); False
        when `timeout_ms` ran out first."""
        self._thread.quit()
        if timeout_ms is None:
            return self._thread.wait()
        return self._thread.wait(timeout_ms)

    def cancel(self) -> None:
        self._worker.cancel_requested = True
        if self._dialog is not None:
            self._dialog.setLabelText(self.tr("正在取消…"))

    def _on_progress(self, value: int, text: str) -> None:
        dialog = self._dialog
        if dialog is None or self._worker.cancel_requested:
            return
        if text:
            dialog.setLabelText(text)
        if dialog.maximum() == 0:  # the first figure: from a busy bar to a percentage
            dialog.setRange(0, 100)
        dialog.setValue(max(0, min(100, value)))  # may process events, the work's end among them: last

    def _stop(self) -> None:
        self._thread.quit()
        self._thread.wait()
        if self._dialog is not None:
            self._dialog.canceled.disconnect(self.cancel)
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None

    def _on_succeeded(self, result: object) -> None:
        self._stop()
        self.finished.emit()
        if self.changes:
            announce(self.changes, self.source)
        self.done.emit(result)

    def _on_failed(self, exc: BaseException) -> None:
        self._stop()
        self.finished.emit()
        if isinstance(exc, Cancelled):
            log.info("%s：已取消", self.title)
            self.cancelled.emit()
        elif isinstance(exc, self.expected):
            log.warning("%s未完成：%s", self.title, redact(str(exc)))
            self.error.emit(exc)
        elif isinstance(exc, (RecordChanged, StaleVersion)):  # another PC saved the record a moment before
            log.warning("%s未完成：记录已被其他电脑修改", self.title)
            show_record_changed(self._parent, exc)
            self.error.emit(exc)
        else:
            log.error("后台任务“%s”失败", self.title, exc_info=(type(exc), exc, exc.__traceback__))
            self.error_dialog = error_box(self._parent, exc)
            self.error_dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.error_dialog.open()


class Lookup(QObject):
    """A view's reads off the GUI thread, the newest request winning: `ask(work)` runs `work()` (no
    arguments, no widgets) in a worker once the one running has ended; `found(result)` comes on the GUI
    thread for the newest request only, the results of requests asked over are dropped. Quiet: no progress
    dialog; a failure opens the error dialog as any long work's does. `pending` is True from `ask` until the
    newest result was delivered (or failed). Runners are kept alive until they end, even when the view is
    gone; their results then go nowhere."""

    found = Signal(object)

    def __init__(self, parent: QObject, title: str) -> None:
        super().__init__(parent)
        self.title = title
        self._asked = 0  # requests so far: a result is delivered when its number is still the last
        self._next: tuple[int, Callable[[], Any]] | None = None
        self._running: TaskRunner | None = None

    @property
    def pending(self) -> bool:
        return self._running is not None or self._next is not None

    def ask(self, work: Callable[[], Any]) -> None:
        self._asked += 1
        self._next = (self._asked, work)
        if self._running is None:
            self._start()

    def _start(self) -> None:
        if self._next is None:
            return
        (number, work), self._next = self._next, None
        runner = TaskRunner(None, self.title, lambda _progress: work(), show_progress=False, source=None)
        _alive.add(runner)
        self._running = runner
        receiver = self

        def delivered(result: object) -> None:
            if _valid(receiver) and number == receiver._asked:
                receiver.found.emit(result)

        def ended() -> None:
            _alive.discard(runner)
            runner.deleteLater()
            if _valid(receiver):
                receiver._ended(runner)

        runner.done.connect(delivered)
        runner.finished.connect(ended)
        runner.start()

    def _ended(self, runner: TaskRunner) -> None:
        if self._running is runner:
            self._running = None
        QTimer.singleShot(0, self, self._start)  # after `done` (emitted just after `finished`)


_alive: set[TaskRunner] = set()


def wait_for_lookups(timeout_ms: int = 5000) -> None:
    """Let the lookups still running end (at exit: a QThread destroyed while it runs takes the process
    down)."""
    for runner in list(_alive):
        runner.wait(timeout_ms)


atexit.register(wait_for_lookups)


def _valid(obj: QObject) -> bool:
    from shiboken6 import isValid

    return bool(isValid(obj))


STOPPED = object()  # what `run_and_wait` returns when the work was cancelled or failed


def run_and_wait(parent: QWidget | None, title: str, work: Callable[[Progress], Any], *,
                 changes: Iterable[str] = (), expected: tuple[type[BaseException], ...] = ()) -> Any:
    """Run `work` through a TaskRunner and wait for it in a local event loop (see the module's note)."""
    runner = TaskRunner(parent, title, work, changes=changes, expected=expected)
    outcome: dict[str, Any] = {}
    loop = QEventLoop()
    runner.done.connect(lambda result: outcome.update(result=result))
    runner.error.connect(lambda exc: outcome.update(error=exc))
    runner.finished.connect(loop.quit)  # done or error follow in the same call, before exec() returns
    runner.start()
    loop.exec()
    runner.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result", STOPPED)
