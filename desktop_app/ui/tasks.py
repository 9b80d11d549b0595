"""Long work off the GUI thread, with a progress dialog that can cancel it.

`work(report)` runs in a worker thread; it calls `report(percent, text)` as it goes, and that call
raises `Cancelled` once the user has pressed 取消. The result or the error comes back on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..services.storage import release_thread_connection

log = logging.getLogger(__name__)

Report = Callable[[int, str], None]


class Cancelled(Exception):
    pass


class _Worker(QObject):
    progress = Signal(int, str)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[Report], Any]) -> None:
        super().__init__()
        self._work = work
        self.cancel_requested = False

    def report(self, percent: int, text: str) -> None:
        if self.cancel_requested:
            raise Cancelled
        self.progress.emit(percent, text)

    def run(self) -> None:
        try:
            result = self._work(self.report)
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread
            self.failed.emit(exc)
        else:
            self.finished.emit(result)
        finally:
            release_thread_connection()


class TaskRunner(QObject):
    """Runs one task with a modal progress dialog. Keep a reference until `done` or `error` fires."""

    done = Signal(object)
    error = Signal(object)
    cancelled = Signal()

    def __init__(self, parent: QWidget, title: str, work: Callable[[Report], Any]) -> None:
        super().__init__(parent)
        self._dialog = QProgressDialog(title, self.tr("取消"), 0, 100, parent)
        self._dialog.setWindowTitle(title)
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.setMinimumDuration(300)
        self._dialog.setAutoClose(False)
        self._dialog.setAutoReset(False)
        self._thread = QThread()
        self._worker = _Worker(work)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._dialog.canceled.connect(self._on_cancel)

    def start(self) -> None:
        self._dialog.setValue(0)
        self._thread.start()

    def wait(self) -> None:
        self._thread.wait()

    def _on_progress(self, percent: int, text: str) -> None:
        self._dialog.setValue(max(0, min(100, percent)))
        if text:
            self._dialog.setLabelText(text)

    def _on_cancel(self) -> None:
        self._worker.cancel_requested = True
        self._dialog.setLabelText(self.tr("正在取消…"))

    def _stop(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self._dialog.close()

    def _on_finished(self, result: object) -> None:
        self._stop()
        self.done.emit(result)

    def _on_failed(self, exc: object) -> None:
        self._stop()
        if isinstance(exc, Cancelled):
            self.cancelled.emit()
        else:
            log.error("后台任务失败: %s", type(exc).__name__)
            self.error.emit(exc)
