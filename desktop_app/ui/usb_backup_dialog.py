"""备份到U盘: an encrypted backup (AES-256 .7z, services/backup/archive.py) on a removable drive chosen from a
list, or any folder. The backup password is asked each time and checked against the one the administrator
set; the dialog says "done" only after the archive was read back and decrypted again."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..config import DataPaths
from ..services import backup
from ..services.backup.archive import ArchiveError
from ..services.backup.password import BackupPasswordError, check_backup_password
from ..services.files.writer import FileWriteError
from ..services.progress import Progress
from .drive_picker import DrivePicker
from .field_errors import ERROR_STYLE, FieldMessage
from .i18n import shown
from .ops import BACKUPS, TaskRunner

_REFUSALS = (FileWriteError, backup.BackupCheckFailed, BackupPasswordError, ArchiveError)


class UsbBackupDialog(QDialog):
    def __init__(self, paths: DataPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.runner: TaskRunner | None = None
        self.written: Path | None = None
        self.setWindowTitle(self.tr("备份到U盘"))
        self.resize(620, 300)

        intro = QLabel(self.tr("带出电脑的备份一律加密（AES-256，7-Zip 格式），丢失U盘也不会泄露队员的身份证号。"
                               "恢复时需要输入备份密码。"))
        intro.setWordWrap(True)
        grid = QGridLayout()
        self.picker = DrivePicker(self, grid, none_found=self.tr("未找到U盘，请插入后点“刷新”"),
                                  choose_title=self.tr("选择备份位置"), nowhere=self.tr("尚未选择备份位置"))
        self.drives, self.target_label = self.picker.drives, self.picker.target_label
        self.refresh_button, self.folder_button = self.picker.refresh_button, self.picker.folder_button
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_message = FieldMessage(self.password)
        grid.addWidget(QLabel(self.tr("备份密码")), 2, 0)
        grid.addWidget(self.password, 2, 1, 1, 3)
        grid.addWidget(self.password_message, 3, 1, 1, 3)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.start_button = QPushButton(self.tr("开始备份"))
        self.start_button.setDefault(True)
        self.close_button = QPushButton(self.tr("关闭"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.picker.chosen.connect(self._folder_chosen)
        self.start_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        self.picker.refresh()

    @property
    def folder(self) -> Path | None:
        return self.picker.folder

    def set_folder(self, folder: Path | None) -> None:
        self.picker.set_folder(folder)

    def _folder_chosen(self, folder: Path | None) -> None:
        self.start_button.setEnabled(folder is not None and self.runner is None)

    def start(self) -> None:
        if self.folder is None or self.runner is not None:
            return
        self.password_message.clear_error()
        password = self.password.text()
        if not check_backup_password(password):
            self.password_message.show_error(self.tr("备份密码不对") if password else self.tr("请输入备份密码"))
            return
        folder, paths = self.folder, self.paths

        def work(progress: Progress) -> Path:
            return backup.backup_now(paths, folder, password=password, progress=progress)

        self._say(self.tr("正在备份…"))
        self.start_button.setEnabled(False)
        self.runner = TaskRunner(self, self.tr("备份到U盘"), work, changes={BACKUPS}, expected=_REFUSALS,
                                 source=None)
        self.runner.finished.connect(self._finish)
        self.runner.done.connect(self._done)
        self.runner.error.connect(self._failed)
        self.runner.start()

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "color: #1e7e34;")
        self.status.setText(text)

    def _finish(self) -> None:
        self.runner = None
        self.start_button.setEnabled(self.folder is not None)

    def _done(self, path: Path) -> None:
        self.written = path
        text = self.tr("加密备份已写入并读回校验无误：\n{0}\n用 7-Zip 打开需要备份密码。").format(path)
        self._say(text)
        QMessageBox.information(self, self.tr("备份完成"), text)

    def _failed(self, exc: Exception) -> None:
        message = shown(exc)
        self._say(message, error=True)
        QMessageBox.warning(self, self.tr("备份未完成"), message)

    def reject(self) -> None:
        if self.runner is not None:
            return
        super().reject()
