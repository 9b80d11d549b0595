"""设置备份密码 (set once by the administrator) and asking for it (an encrypted backup or restore)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..services.backup.password import (
    MIN_LENGTH,
    BackupPasswordError,
    has_backup_password,
    set_backup_password,
)
from .field_errors import FieldMessage


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class SetBackupPasswordDialog(QDialog):
    """Set or change the backup password; `acting_user` is the administrator who confirmed."""

    def __init__(self, acting_user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.acting_user = acting_user
        self.changing = has_backup_password()
        self.setWindowTitle(self.tr("设置备份密码"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "带出电脑的备份（备份到U盘）用此密码加密（AES-256，7-Zip 可以打开）。\n"
            "恢复加密备份时需要输入此密码。密码不保存在电脑上，忘记后无法找回，请妥善保管。"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.current = _password_edit()
        self.password = _password_edit()
        self.repeat = _password_edit()
        self.message = FieldMessage(self.password)
        if self.changing:
            form.addRow(self.tr("原密码"), self.current)
        else:
            self.current.hide()
        form.addRow(self.tr("新密码（至少{0}位）").format(MIN_LENGTH), self.password)
        form.addRow(self.tr("再次输入"), self.repeat)
        form.addRow("", self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.message.clear_error()
        if self.password.text() != self.repeat.text():
            self.message.show_error(self.tr("两次输入的密码不一致"))
            return
        try:
            set_backup_password(self.password.text(), self.current.text() if self.changing else None,
                                acting_user=self.acting_user)
        except BackupPasswordError as exc:
            self.message.show_error(exc.message)
            return
        super().accept()


class AskPasswordDialog(QDialog):
    """One password field; `check(text) -> message or ""` decides whether it is accepted."""

    def __init__(self, title: str, text: str, check, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        label = QLabel(text)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.password = _password_edit()
        self.message = FieldMessage(self.password)
        layout.addWidget(self.password)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.message.clear_error()
        problem = self.check(self.password.text())
        if problem:
            self.message.show_error(problem)
            return
        super().accept()

    def value(self) -> str:
        return self.password.text()
