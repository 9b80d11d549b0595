"""The administrator's password before personal data leaves in full, and the first administrator.

- Where no administrator exists yet (the set-up of a new data folder, after the office's details, or a
  folder from before accounts) the dialog sets one up: name, password twice, its strength shown.
- Otherwise it asks again for the password of the administrator who is logged in
  (`confirm_administrator`) before a full-form export or print: the role decides (services/accounts/roles.py),
  the re-entry makes sure the administrator is still the one at the keyboard. A wrong password counts
  as a failed try of that account and is audit-logged.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ..domain.vocabulary import ADMIN
from ..services.accounts import roles
from ..services.accounts.operators import (
    AccountError,
    create_first_administrator,
    has_administrator,
    verify_administrator,
)
from .accounts.password_fields import NewPasswordFields, show_account_error
from .field_errors import FieldMessage


class AdminCheckDialog(QDialog):
    def __init__(self, purpose: str, parent: QWidget | None = None, username: str | None = None) -> None:
        """`username`: the administrator who must confirm (shown, not editable)."""
        super().__init__(parent)
        self.first_time = not has_administrator()
        self.username_value = ""
        self.password_value = ""
        self.setWindowTitle(self.tr("设置管理员") if self.first_time else self.tr("管理员确认"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("{0}需要一个管理员账号。\n请设置第一个管理员：以后每次启动都要登录，"
                    "由管理员添加其他操作员的账号。").format(purpose)
            if self.first_time else self.tr("{0}需要管理员再次输入密码确认，此操作将记入操作日志。").format(purpose))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.username = QLineEdit()
        self.username.setMaxLength(50)
        self.display_name = QLineEdit()
        self.display_name.setMaxLength(50)
        self.display_name.setPlaceholderText(self.tr("如 李所长；可不填"))
        fields = NewPasswordFields(self.username)
        self.password, self.repeat, self.strength = fields.password, fields.repeat, fields.strength
        self.messages = {"username": FieldMessage(self.username), **fields.messages}
        form.addRow(self.tr("管理员用户名"), self.username)
        form.addRow("", self.messages["username"])
        if self.first_time:
            form.addRow(self.tr("姓名"), self.display_name)
        else:
            self.display_name.hide()
        fields.add_rows(form, self.tr("密码"), self.tr("再次输入密码") if self.first_time else None)
        if username and not self.first_time:
            self.username.setText(username)
            self.username.setReadOnly(True)
            self.password.setFocus()
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
                user = create_first_administrator(self.username.text(), self.password.text(),
                                                  self.display_name.text(), repeat=self.repeat.text())
            else:
                user = verify_administrator(self.username.text(), self.password.text())
        except AccountError as exc:
            show_account_error(self.messages, exc)
            return
        self.username_value = user.username
        self.password_value = self.password.text()
        self.password.clear()
        self.repeat.clear()
        super().accept()


def confirm_administrator(parent: QWidget, purpose: str) -> str | None:
    """The logged-in administrator's name once they typed their password again, else None."""
    account = roles.current()
    if account is None or account.role != ADMIN:
        QMessageBox.information(parent, QCoreApplication.translate("AdminCheckDialog", "需要管理员"),
                                QCoreApplication.translate("AdminCheckDialog", "{0}只能由管理员办理。").format(purpose))
        return None
    dialog = AdminCheckDialog(purpose, parent, username=account.username)
    return dialog.username_value if dialog.exec() == QDialog.DialogCode.Accepted else None
