"""A new password typed twice with its strength shown as it is typed (`NewPasswordFields`, used wherever a
password is chosen: the first administrator, a new account, a reset, one's own), a refusal of the account
services shown at its field (`show_account_error`); and changing one's own password."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...services.accounts.operators import AccountError, change_own_password, password_strength
from ..field_errors import FieldMessage
from ..i18n import shown

STRENGTH_COLOURS = ("#c0392b", "#d35400", "#b7950b", "#1e8449")


def password_line() -> QLineEdit:
    line = QLineEdit()
    line.setEchoMode(QLineEdit.EchoMode.Password)
    line.setMaxLength(200)
    return line


class StrengthLabel(QLabel):
    """Says how strong the password in `field` is, and why it cannot be used when it cannot."""

    def __init__(self, field: QLineEdit, username: QLineEdit | None = None) -> None:
        super().__init__()
        self.setWordWrap(True)
        self._field, self._username = field, username
        field.textChanged.connect(self.update_hint)
        if username is not None:
            username.textChanged.connect(self.update_hint)
        self.update_hint()

    def update_hint(self) -> None:
        password = self._field.text()
        if not password:
            self.setText(self.tr("至少8位；建议混用字母、数字和符号"))
            self.setStyleSheet("color: #555555;")
            return
        level, hint = password_strength(password, self._username.text() if self._username else "")
        self.level = level
        self.setText(shown(hint))
        self.setStyleSheet(f"color: {STRENGTH_COLOURS[level]};")


class NewPasswordFields:
    """A new password typed twice: the two lines, its strength under the first as it is typed, and a message
    under each for what the account services refuse ("password", "repeat")."""

    def __init__(self, username: QLineEdit | None = None) -> None:
        self.password = password_line()
        self.repeat = password_line()
        self.strength = StrengthLabel(self.password, username)
        self.messages = {"password": FieldMessage(self.password), "repeat": FieldMessage(self.repeat)}

    def add_rows(self, form: QFormLayout, label: str, repeat_label: str | None) -> None:
        """The password, its strength and message, then the repeat and its message; without `repeat_label`
        the password alone (a password asked for, not chosen: the strength and the repeat stay hidden)."""
        form.addRow(label, self.password)
        if repeat_label is None:
            self.strength.hide()
            self.repeat.hide()
            form.addRow("", self.messages["password"])
            return
        form.addRow("", self.strength)
        form.addRow("", self.messages["password"])
        form.addRow(repeat_label, self.repeat)
        form.addRow("", self.messages["repeat"])


def show_account_error(messages: Mapping[str, FieldMessage], exc: AccountError) -> None:
    """The refusal under the field it names (under the password when it names none of the form's)."""
    messages.get(exc.error.field, messages["password"]).show_error(exc.error.message)


class ChangePasswordDialog(QDialog):
    """文件 → 修改密码: the old password, then the new one twice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("修改密码"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.old = password_line()
        fields = NewPasswordFields()
        self.new, self.repeat, self.strength = fields.password, fields.repeat, fields.strength
        self.messages = {"old_password": FieldMessage(self.old), **fields.messages}
        form.addRow(self.tr("原密码"), self.old)
        form.addRow("", self.messages["old_password"])
        fields.add_rows(form, self.tr("新密码"), self.tr("再次输入新密码"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("修改"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)

    def accept(self) -> None:
        for message in self.messages.values():
            message.clear_error()
        try:
            change_own_password(self.old.text(), self.new.text(), self.repeat.text())
        except AccountError as exc:
            show_account_error(self.messages, exc)
            return
        super().accept()
