"""文件 → 备份… / 备份到U盘… / 设置备份密码… / 恢复…: the dialogs around services/backup/ (copies, archive, restore).

The long parts run off the GUI thread (ops.TaskRunner): writing a backup, and copying and checking the
chosen backup for a restore. The swap that follows a check is quick and happens on the GUI thread,
which holds the program's database connection and closes it first.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from ..config import DataPaths
from ..services import audit, backup
from ..services.backup import restore
from ..services.backup.archive import ArchiveError, is_archive
from ..services.backup.password import has_backup_password
from ..services.backup.server import DUMP_SUFFIX, ServerBackupError, StagedDump, dump_file_name
from ..services.files.writer import FileWriteError
from ..services.progress import Progress
from ..services.storage.errors import StoreError
from .admin_check import confirm_administrator
from .backup_password_dialog import AskPasswordDialog, SetBackupPasswordDialog
from .i18n import shown
from .ops import ALL, BACKUPS, TaskRunner, announce

_REFUSALS = (restore.RestoreError, backup.BackupCheckFailed, FileWriteError, ArchiveError, StoreError,
             ServerBackupError)


class BackupActions:
    def __init__(self, parent: QWidget, paths: DataPaths) -> None:
        self.parent = parent
        self.paths = paths
        self.runner: TaskRunner | None = None
        self.dialog: QDialog | None = None

    def backup(self, dest: Path | None = None) -> None:
        if dest is None:
            server = bool(self.paths.database_url)
            name = dump_file_name(datetime.now()) if server else backup.backup_file_name(datetime.now())
            chosen, _ = QFileDialog.getSaveFileName(
                self.parent, QCoreApplication.translate("BackupActions", "备份数据到…"), str(self.paths.backups / name),
                QCoreApplication.translate("BackupActions", "数据库服务器备份 (*{0})").format(DUMP_SUFFIX) if server
                else QCoreApplication.translate("BackupActions", "数据备份 (*.db)"),
            )
            if not chosen:
                return
            dest = Path(chosen)

        def work(progress: Progress) -> Path:
            return backup.backup_now(self.paths, dest, progress=progress)

        title = QCoreApplication.translate("BackupActions", "备份")
        self._run(title, work, {BACKUPS}, lambda path: QMessageBox.information(
            self.parent, QCoreApplication.translate("BackupActions", "备份完成"),
            QCoreApplication.translate("BackupActions", "数据已备份并校验无误：\n{0}").format(path)))

    def backup_to_stick(self) -> None:
        """备份到U盘: the administrator sets the backup password first if there is none yet. A server's
        database is backed up by its dumps (备份…), not carried off on a stick."""
        if self.paths.database_url:
            QMessageBox.information(
                self.parent, QCoreApplication.translate("BackupActions", "备份到U盘"),
                QCoreApplication.translate("BackupActions", "数据在数据库服务器上：请用“备份…”写出服务器备份（.dump），"
                                           "或请服务器管理员备份。"))
            return
        if not has_backup_password():
            QMessageBox.information(
                self.parent, QCoreApplication.translate("BackupActions", "备份到U盘"),
                QCoreApplication.translate("BackupActions", "带出电脑的备份需要加密。请先由管理员设置备份密码。"))
            if not self.set_password():
                return
        from .usb_backup_dialog import UsbBackupDialog

        self.dialog = UsbBackupDialog(self.paths, self.parent)
        self.dialog.open()

    def set_password(self) -> bool:
        title = QCoreApplication.translate("BackupActions", "设置备份密码")
        admin = confirm_administrator(self.parent, title)
        if not admin:
            return False
        dialog = SetBackupPasswordDialog(admin, self.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        QMessageBox.information(self.parent, title, QCoreApplication.translate("BackupActions", "备份密码已设置。"))
        return True

    def restore(self, source: Path | None = None, confirm: bool = True) -> None:
        server = bool(self.paths.database_url)
        if source is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self.parent, QCoreApplication.translate("BackupActions", "选择要恢复的备份"), str(self.paths.backups),
                QCoreApplication.translate("BackupActions", "数据库服务器备份 (*{0})").format(DUMP_SUFFIX) if server
                else QCoreApplication.translate("BackupActions", "数据备份 (*.db *.7z)"),
            )
            if not chosen:
                return
            source = Path(chosen)
        if confirm:
            answer = QMessageBox.question(
                self.parent, QCoreApplication.translate("BackupActions", "恢复数据"),
                QCoreApplication.translate("BackupActions", "将用备份“{0}”替换服务器上的全部数据。\n"
                                           "其他电脑上打开的窗口会断开连接，需要重新打开。\n"
                                           "当前数据库会原样保留在服务器上（改名保存）。\n"
                                           "确定要恢复吗？").format(source.name) if server else
                QCoreApplication.translate("BackupActions", "将用备份“{0}”替换当前全部数据。\n"
                                           "当前数据会原样保留在备份文件夹中（恢复前备份）。\n"
                                           "确定要恢复吗？").format(source.name),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        password = None
        if is_archive(source):
            missing = QCoreApplication.translate("BackupActions", "请输入备份密码")
            dialog = AskPasswordDialog(
                QCoreApplication.translate("BackupActions", "恢复加密备份"),
                QCoreApplication.translate("BackupActions", "“{0}”是加密备份，请输入备份密码：").format(source.name),
                lambda text: "" if text else missing, self.parent)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            password = dialog.value()
        paths = self.paths
        title = QCoreApplication.translate("BackupActions", "恢复")

        def work(progress: Progress) -> restore.Staged | StagedDump:
            return restore.stage(paths, source, password, progress)

        def swap(staged: restore.Staged | StagedDump) -> None:
            try:
                kept = restore.finish_restore(paths, staged, acting_user=audit.current_user())
            except _REFUSALS as exc:
                staged.discard()
                self._failed(title, exc)
                return
            announce(ALL)
            QMessageBox.information(
                self.parent, QCoreApplication.translate("BackupActions", "恢复完成"),
                QCoreApplication.translate("BackupActions", "数据已从备份恢复。恢复前的数据保存在服务器上的数据库：\n{0}").format(
                    kept) if isinstance(kept, str) else
                QCoreApplication.translate("BackupActions", "数据已从备份恢复。恢复前的数据保存在：\n{0}").format(
                    kept or QCoreApplication.translate("BackupActions", "（原来没有数据）")))

        self._run(title, work, (), swap)

    def _run(self, title: str, work: Callable[[Progress], Any], changes: frozenset[str] | set[str] | tuple,
             on_done: Callable[[Any], object]) -> None:
        # source=None: every view refreshes, the main window's own status line included
        runner = TaskRunner(self.parent, title, work, changes=changes, expected=_REFUSALS, source=None)
        runner.done.connect(on_done)
        runner.error.connect(lambda exc: self._failed(title, exc))
        self.runner = runner
        runner.start()

    def _failed(self, title: str, exc: BaseException) -> None:
        QMessageBox.critical(self.parent, QCoreApplication.translate("BackupActions", "{0}失败").format(title),
                             shown(exc))
