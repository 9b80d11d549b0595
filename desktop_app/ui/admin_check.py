"""Asks for an administrator's name and password before personal data leaves in full.
The first time, when no administrator exists yet, it sets one up."""

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

from ..domain.vocabulary import ADMIN
from ..services.accounts import AccountError, create_user, has_administrator, verify_administrator
from .field_errors import FieldMessage


class AdminCheckDialog(QDialog):
    def __init__(self, purpose: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first_time = not has_administrator()
        self.username_value = ""
        self.setWindowTitle(self.tr("设置管理员") if self.first_time else self.tr("管理员确认"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("{0}需要管理员确认。\n还没有管理员账号：请现在设置，以后由管理员输入密码确认。").format(purpose)
            if self.first_time else self.tr("{0}需要管理员确认，此操作将记入操作日志。").format(purpose))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.messages = {"username": FieldMessage(self.username), "password": FieldMessage(self.password)}
        form.addRow(self.tr("管理员用户名"), self.username)
        form.addRow("", self.messages["username"])
        form.addRow(self.tr("密码"), self.password)
        form.addRow("", self.messages["password"])
        if self.first_time:
            form.addRow(self.tr("再次输入密码"), self.repeat)
        else:
            self.repeat.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确认"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)

    def accept(self) -> None:
        for message in self.messages.values():
            message.clear_error()
        try:
            if self.first_time:
                if self.password.text() != self.repeat.text():
                    self.messages["password"].show_error(self.tr("两次输入的密码不一致"))
                    return
                user = create_user(self.username.text(), self.password.text(), ADMIN)
            else:
                user = verify_administrator(self.username.text(), self.password.text())
        except AccountError as exc:
            self.messages.get(exc.error.field, self.messages["password"]).show_error(exc.error.message)
            return
        self.username_value = user.username
        super().accept()


def confirm_administrator(parent: QWidget, purpose: str) -> str | None:
    """The administrator's user name when confirmed, else None."""
    dialog = AdminCheckDialog(purpose, parent)
    return dialog.username_value if dialog.exec() == QDialog.DialogCode.Accepted else None
