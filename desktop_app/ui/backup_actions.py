"""文件 → 备份… / 恢复…: the dialogs around services/backup.py, run off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..config import DataPaths
from ..services import backup
from .tasks import TaskRunner


class BackupActions:
    def __init__(self, parent: QWidget, paths: DataPaths, on_changed: Callable[[], None]) -> None:
        self.parent = parent
        self.paths = paths
        self.on_changed = on_changed
        self.runner: TaskRunner | None = None

    def backup(self, dest: Path | None = None) -> None:
        if dest is None:
            suggested = str(self.paths.backups / backup.backup_file_name(datetime.now()))
            chosen, _ = QFileDialog.getSaveFileName(
                self.parent, self.parent.tr("备份数据到…"), suggested, self.parent.tr("数据备份 (*.db)")
            )
            if not chosen:
                return
            dest = Path(chosen)

        def work(report):
            report(10, self.parent.tr("正在备份…"))
            return backup.backup_now(self.paths, dest)

        self._run(self.parent.tr("备份"), work, lambda path: QMessageBox.information(
            self.parent, self.parent.tr("备份完成"),
            self.parent.tr("数据已备份并校验无误：\n{0}").format(path)))

    def restore(self, source: Path | None = None, confirm: bool = True) -> None:
        if source is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.parent, self.parent.tr("选择要恢复的备份"), str(self.paths.backups),
                self.parent.tr("数据备份 (*.db)"),
            )
            if not chosen:
                return
            source = Path(chosen)
        if confirm:
            answer = QMessageBox.question(
                self.parent, self.parent.tr("恢复数据"),
                self.parent.tr("将用备份“{0}”替换当前全部数据。\n当前数据会先自动备份到备份文件夹。\n"
                               "确定要恢复吗？").format(source.name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return

        def work(report):
            report(10, self.parent.tr("正在恢复…"))
            return backup.restore_from(self.paths, source)

        self._run(self.parent.tr("恢复"), work, lambda safety: QMessageBox.information(
            self.parent, self.parent.tr("恢复完成"),
            self.parent.tr("数据已从备份恢复。恢复前的数据保存在：\n{0}").format(safety)))

    def _run(self, title: str, work, on_done: Callable[[object], None]) -> None:
        runner = TaskRunner(self.parent, title, work)

        def finished(result: object) -> None:
            self.on_changed()
            on_done(result)

        runner.done.connect(finished)
        runner.error.connect(lambda exc: QMessageBox.critical(
            self.parent, self.parent.tr("{0}失败").format(title), str(exc)))
        self.runner = runner
        runner.start()
