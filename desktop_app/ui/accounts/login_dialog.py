"""登录: the office's accounts in a list and the password. Wrong passwords make the next try wait (the
service counts them, so closing the dialog does not help); the button counts the seconds down. The same
dialog unlocks the window after the idle lock, for the account that was logged in. A demo folder says
the demo accounts' password on the dialog (and only a demo folder)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...services.accounts import operators
from ...services.accounts.operators import AccountError, LoginThrottled
from ...services.accounts.roles import Account
from ...services.office.details import get_office
from ..field_errors import FieldMessage
from .password_fields import password_line


class LoginDialog(QDialog):
    """`exec()` is Accepted once an account is logged in (`account`); the 退出 button rejects."""

    def __init__(self, parent: QWidget | None = None, locked: Account | None = None) -> None:
        super().__init__(parent)
        self.locked = locked
        self.account: Account | None = None
        self._wait = 0
        self.setWindowTitle(self.tr("已锁定") if locked else self.tr("登录"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        office = get_office()
        heading = QLabel(office.unit_name if office else self.tr("义警服务队管理系统"))
        heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(heading)
        if locked:
            intro = QLabel(self.tr("长时间无操作，窗口已锁定，未保存的内容都还在。请输入“{0}”的密码继续。")
                           .format(locked.shown_name))
            intro.setWordWrap(True)
            layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.user = QComboBox()
        if locked:
            self.user.addItem(self._label(locked.shown_name, locked.role), locked.username)
            self.user.setEnabled(False)
        else:
            for entry in operators.login_choices():
                self.user.addItem(self._label(entry.display_name or entry.username, entry.role), entry.username)
        self.password = password_line()
        self.message = FieldMessage(self.password)
        form.addRow(self.tr("操作员"), self.user)
        form.addRow(self.tr("密码"), self.password)
        form.addRow("", self.message)
        demo = operators.demo_password()
        self.demo_hint = QLabel(self.tr("这是演示数据文件夹：演示账号（管理员、录入员、查看）的密码均为 {0}").format(demo)
                                if demo else "")
        self.demo_hint.setWordWrap(True)
        self.demo_hint.setStyleSheet("color: #1f4e79;")
        self.demo_hint.setVisible(bool(demo))
        layout.addWidget(self.demo_hint)
        buttons = QDialogButtonBox()
        self.login_button = buttons.addButton(self.tr("解锁") if locked else self.tr("登录"),
                                              QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = buttons.addButton(self.tr("退出程序"), QDialogButtonBox.ButtonRole.RejectRole)
        self.login_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        self.password.setFocus()

    def _label(self, name: str, role: str) -> str:
        return self.tr("{0}（{1}）").format(name, QCoreApplication.translate("Vocabulary", role))

    def accept(self) -> None:
        if self._wait:
            return
        self.message.clear_error()
        username = self.user.currentData()
        if not username:
            self.message.show_error(self.tr("这个数据文件夹还没有可用的账号，请联系管理员"))
            return
        try:
            self.account = operators.log_in(username, self.password.text(),
                                           via=operators.UNLOCK if self.locked else operators.WINDOW)
        except LoginThrottled as exc:
            self.password.clear()
            self.message.show_error(exc.error.message)
            self._start_wait(exc.wait_seconds)
            return
        except AccountError as exc:
            self.password.clear()
            self.message.show_error(exc.error.message)
            return
        self.password.clear()
        super().accept()

    def _start_wait(self, seconds: int) -> None:
        self._wait = seconds
        self.login_button.setEnabled(False)
        self._tick(step=0)
        self._timer.start()

    def _tick(self, step: int = 1) -> None:
        self._wait = max(0, self._wait - step)
        if self._wait:
            self.login_button.setText(self.tr("请稍候（{0}秒）").format(self._wait))
            return
        self._timer.stop()
        self.login_button.setEnabled(True)
        self.login_button.setText(self.tr("解锁") if self.locked else self.tr("登录"))

    def reject(self) -> None:
        self._timer.stop()
        super().reject()
