"""What the import dialogs (导入花名册, 导入工作台账) share: a file chosen to read, a column's mapping chosen from
the service's fields, each step (reading, checking, importing) run off the GUI thread with cancel, and the
report of every row saved as .xlsx where the user says."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QFileDialog, QLayout, QMessageBox, QWidget

from ..services.files.writer import FileWriteError
from ..services.progress import Progress
from .i18n import shown
from .ops import TaskRunner


def chosen_file(parent: QWidget, title: str, filter_text: str) -> Path | None:
    """The file the user picks to import, or None."""
    name, _ = QFileDialog.getOpenFileName(parent, title, "", filter_text)
    return Path(name) if name else None


def mapping_combo(fields: Mapping[str, str], current: str | None) -> QComboBox:
    """A column's field: （不导入） or one of the service's `fields` (key → label), `current` chosen."""
    combo = QComboBox()
    combo.addItem(QCoreApplication.translate("ImportFlow", "（不导入）"), None)
    for key, label in fields.items():
        combo.addItem(label, key)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


def clear_layout(layout: QLayout) -> None:
    """The mapping of the sheet shown before goes (its widgets deleted)."""
    while layout.count():
        item = layout.takeAt(0)
        if item.widget():
            item.widget().deleteLater()


def start_step(parent: QWidget, title: str, work: Callable[[Progress], Any], done: Callable[[Any], None], *,
               expected: tuple[type[BaseException], ...], changes: Collection[str] = (),
               failed: Callable[[BaseException], None] | None = None,
               cancelled: Callable[[], None] | None = None,
               finished: Callable[[], None] | None = None,
               refusal_text: Callable[[BaseException], str] = shown) -> TaskRunner:
    """One step in the background: `done(result)` after it, the service's refusal (`expected`) said in a
    warning box by `refusal_text` and then `failed(exc)`, `cancelled()` when the user stops it, `finished()`
    first whichever way it ends; `changes` announced after an import."""
    runner = TaskRunner(parent, title, work, changes=changes, expected=expected)
    if finished is not None:
        runner.finished.connect(finished)
    runner.done.connect(done)

    def refused(exc: BaseException) -> None:
        QMessageBox.warning(parent, title, refusal_text(exc))
        if failed is not None:
            failed(exc)

    runner.error.connect(refused)
    if cancelled is not None:
        runner.cancelled.connect(cancelled)
    runner.start()
    return runner


def save_report_as(parent: QWidget, title: str, default_name: str, filter_text: str,
                   save: Callable[[Path], Any], path: Path | None = None) -> None:
    """Ask where (unless `path` is given) and `save(path)` the report; a failed write says why."""
    if path is None:
        chosen, _ = QFileDialog.getSaveFileName(parent, title, default_name, filter_text)
        if not chosen:
            return
        path = Path(chosen)
    try:
        save(path)
    except FileWriteError as exc:
        QMessageBox.warning(parent, title, shown(exc.message))
