"""文件 → 备份… / 恢复…: the dialogs around services/backup.py, run off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..config import DataPaths
from ..services import backup
from ..services.files import FileWriteError
from ..services.progress import Progress
from .i18n import shown
from .ops import ALL, BACKUPS, TaskRunner

_REFUSALS = (backup.RestoreError, backup.BackupCheckFailed, FileWriteError)


class BackupActions:
    def __init__(self, parent: QWidget, paths: DataPaths) -> None:
        self.parent = parent
        self.paths = paths
        self.runner: TaskRunner | None = None

    def backup(self, dest: Path | None = None) -> None:
        if dest is None:
            suggested = str(self.paths.backups / backup.backup_file_name(datetime.now()))
            chosen, _ = QFileDialog.getSaveFileName(
                self.parent, QCoreApplication.translate("BackupActions", "备份数据到…"), suggested,
                QCoreApplication.translate("BackupActions", "数据备份 (*.db)"),
            )
            if not chosen:
                return
            dest = Path(chosen)

        def work(progress: Progress) -> Path:
            progress(10, 100, QCoreApplication.translate("BackupActions", "正在备份…"))
            return backup.backup_now(self.paths, dest)

        title = QCoreApplication.translate("BackupActions", "备份")
        self._run(title, work, {BACKUPS}, lambda path: QMessageBox.information(
            self.parent, QCoreApplication.translate("BackupActions", "备份完成"),
            QCoreApplication.translate("BackupActions", "数据已备份并校验无误：\n{0}").format(path)))

    def restore(self, source: Path | None = None, confirm: bool = True) -> None:
        if source is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.parent, QCoreApplication.translate("BackupActions", "选择要恢复的备份"), str(self.paths.backups),
                QCoreApplication.translate("BackupActions", "数据备份 (*.db)"),
            )
            if not chosen:
                return
            source = Path(chosen)
        if confirm:
            answer = QMessageBox.question(
                self.parent, QCoreApplication.translate("BackupActions", "恢复数据"),
                QCoreApplication.translate("BackupActions", "将用备份“{0}”替换当前全部数据。\n"
                                           "当前数据会先自动备份到备份文件夹。\n确定要恢复吗？").format(source.name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return

        def work(progress: Progress) -> Path:
            progress(10, 100, QCoreApplication.translate("BackupActions", "正在恢复…"))
            return backup.restore_from(self.paths, source)

        title = QCoreApplication.translate("BackupActions", "恢复")
        self._run(title, work, ALL, lambda safety: QMessageBox.information(
            self.parent, QCoreApplication.translate("BackupActions", "恢复完成"),
            QCoreApplication.translate("BackupActions", "数据已从备份恢复。恢复前的数据保存在：\n{0}").format(
                safety)))

    def _run(self, title: str, work: Callable[[Progress], Path], changes: frozenset[str] | set[str],
             on_done: Callable[[Any], object]) -> None:
        # source=None: every view refreshes, the main window's own status line included
        runner = TaskRunner(self.parent, title, work, changes=changes, expected=_REFUSALS, source=None)
        runner.done.connect(on_done)
        runner.error.connect(lambda exc: QMessageBox.critical(
            self.parent, QCoreApplication.translate("BackupActions", "{0}失败").format(title), shown(exc)))
        self.runner = runner
        runner.start()
