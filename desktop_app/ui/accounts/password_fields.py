"""A new password typed twice with its strength shown as it is typed; and changing one's own password."""

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

from ...services.accounts import AccountError, change_own_password, password_strength
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


class ChangePasswordDialog(QDialog):
    """文件 → 修改密码: the old password, then the new one twice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("修改密码"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.old = password_line()
        self.new = password_line()
        self.repeat = password_line()
        self.strength = StrengthLabel(self.new)
        self.messages = {key: FieldMessage(field) for key, field in
                         (("old_password", self.old), ("password", self.new), ("repeat", self.repeat))}
        form.addRow(self.tr("原密码"), self.old)
        form.addRow("", self.messages["old_password"])
        form.addRow(self.tr("新密码"), self.new)
        form.addRow("", self.strength)
        form.addRow("", self.messages["password"])
        form.addRow(self.tr("再次输入新密码"), self.repeat)
        form.addRow("", self.messages["repeat"])
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
            self.messages.get(exc.error.field, self.messages["password"]).show_error(exc.error.message)
            return
        super().accept()
