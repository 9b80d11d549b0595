"""设置 → 操作员账号 (the administrator's): the office's accounts; add one, change a role, reset a password,
disable or re-enable. The services refuse anyone else and keep at least one administrator."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_date
from ...domain.vocabulary import CLERK, ROLES
from ...services.accounts import operators
from ...services.accounts.operators import AccountEntry, AccountError
from ..field_errors import FieldMessage
from ..i18n import shown
from ..id_table_model import Column
from ..rows_table_model import RowsTableModel
from .password_fields import NewPasswordFields, show_account_error


def _role(role: str) -> str:
    return QCoreApplication.translate("Vocabulary", role)


class _Row:
    def __init__(self, entry: AccountEntry) -> None:
        self.entry = entry
        self.id = entry.id
        self.username = entry.username
        self.display_name = entry.display_name
        self.role = _role(entry.role)
        self.state = (QCoreApplication.translate("AccountsDialog", "可用") if entry.active
                      else QCoreApplication.translate("AccountsDialog", "已停用"))
        self.last_login = (f"{format_date(entry.last_login_at.date())} {entry.last_login_at:%H:%M}"
                           if entry.last_login_at else "")


class NewAccountDialog(QDialog):
    """A new account: user name, name, role, password twice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("新增操作员账号"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.username = QLineEdit()
        self.username.setMaxLength(50)
        self.display_name = QLineEdit()
        self.display_name.setMaxLength(50)
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(_role(role), role)
        self.role.setCurrentIndex(ROLES.index(CLERK))
        fields = NewPasswordFields(self.username)
        self.password, self.repeat, self.strength = fields.password, fields.repeat, fields.strength
        self.messages = {key: FieldMessage(field) for key, field in (
            ("username", self.username), ("display_name", self.display_name), ("role", self.role))}
        self.messages.update(fields.messages)
        for key, label, field in (("username", self.tr("用户名"), self.username),
                                  ("display_name", self.tr("姓名"), self.display_name),
                                  ("role", self.tr("角色"), self.role)):
            form.addRow(label, field)
            form.addRow("", self.messages[key])
        fields.add_rows(form, self.tr("初始密码"), self.tr("再次输入密码"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("添加"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)

    def accept(self) -> None:
        for message in self.messages.values():
            message.clear_error()
        if self.password.text() != self.repeat.text():
            self.messages["repeat"].show_error(self.tr("两次输入的密码不一致"))
            return
        try:
            operators.create_user(self.username.text(), self.password.text(), self.role.currentData(),
                                 self.display_name.text())
        except AccountError as exc:
            show_account_error(self.messages, exc)
            return
        super().accept()


class ResetPasswordDialog(QDialog):
    def __init__(self, entry: AccountEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setWindowTitle(self.tr("重置“{0}”的密码").format(entry.username))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        fields = NewPasswordFields()
        self.password, self.repeat, self.strength = fields.password, fields.repeat, fields.strength
        self.messages = fields.messages
        fields.add_rows(form, self.tr("新密码"), self.tr("再次输入"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("重置"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)

    def accept(self) -> None:
        for message in self.messages.values():
            message.clear_error()
        try:
            operators.reset_password(self.entry.id, self.password.text(), self.repeat.text())
        except AccountError as exc:
            show_account_error(self.messages, exc)
            return
        super().accept()


class AccountsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("操作员账号"))
        self.resize(720, 420)
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        self.model = RowsTableModel([
            Column(self.tr("用户名"), "username"), Column(self.tr("姓名"), "display_name"),
            Column(self.tr("角色"), "role"), Column(self.tr("状态"), "state"),
            Column(self.tr("上次登录"), "last_login"),
        ])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        actions = QHBoxLayout()
        self.add_button = QPushButton(self.tr("新增账号…"))
        self.role_button = QPushButton(self.tr("修改角色…"))
        self.reset_button = QPushButton(self.tr("重置密码…"))
        self.active_button = QPushButton(self.tr("停用"))
        close = QPushButton(self.tr("关闭"))
        for button in (self.add_button, self.role_button, self.reset_button, self.active_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(close)
        layout.addLayout(actions)
        self.add_button.clicked.connect(self.add_account)
        self.role_button.clicked.connect(self.change_role)
        self.reset_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        close.clicked.connect(self.accept)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows([_Row(e) for e in operators.list_accounts()])
        self._selection_changed()

    def selected(self) -> AccountEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()).entry if rows else None

    def select_username(self, username: str) -> None:
        for row, record in enumerate(self.model.rows()):
            if record.username == username:
                self.table.selectRow(row)

    def _selection_changed(self, *_args) -> None:
        entry = self.selected()
        for button in (self.role_button, self.reset_button, self.active_button):
            button.setEnabled(entry is not None)
        self.active_button.setText(self.tr("启用") if entry is not None and not entry.active else self.tr("停用"))

    def add_account(self) -> NewAccountDialog:
        dialog = NewAccountDialog(self)
        dialog.accepted.connect(self.refresh)
        self.dialog = dialog
        dialog.open()
        return dialog

    def reset_password(self) -> ResetPasswordDialog | None:
        entry = self.selected()
        if entry is None:
            return None
        dialog = ResetPasswordDialog(entry, self)
        dialog.accepted.connect(self.refresh)
        self.dialog = dialog
        dialog.open()
        return dialog

    def change_role(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        names = [_role(r) for r in ROLES]
        chosen, ok = QInputDialog.getItem(self, self.tr("修改角色"), self.tr("“{0}”的角色：").format(entry.username),
                                          names, ROLES.index(entry.role) if entry.role in ROLES else 0, False)
        if not ok:
            return
        self._run(lambda: operators.set_role(entry.id, ROLES[names.index(chosen)]))

    def toggle_active(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        if entry.active:
            answer = QMessageBox.question(self, self.tr("停用账号"),
                                          self.tr("停用“{0}”后，该账号不能再登录（记录保留，可以重新启用）。停用吗？")
                                          .format(entry.username))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._run(lambda: operators.set_active(entry.id, not entry.active))

    def _run(self, action) -> None:
        selected = self.selected()
        try:
            action()
        except AccountError as exc:
            QMessageBox.warning(self, self.tr("未修改"), shown(exc.error.message))
        self.refresh()
        if selected is not None:
            self.select_username(selected.username)
