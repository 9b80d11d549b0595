"""The idle lock: after N minutes (setting, default 15) without a key press, click or mouse movement, every
open window of the program is covered by a curtain and the login dialog asks for the logged-in
account's password. Nothing is closed, so a half-filled form is exactly as it was after unlocking."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QVBoxLayout, QWidget

from ...services.accounts import operators, roles
from .login_dialog import LoginDialog

_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.InputMethod,
})


class Curtain(QWidget):
    """Covers one window's content while the program is locked; follows the window's size."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("idleCurtain")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#idleCurtain { background-color: #2c3e50; } QLabel { color: white; font-size: 14pt; }")
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("已锁定"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        window = self.parentWidget()
        if watched is window and window is not None and event.type() == QEvent.Type.Resize:
            self.setGeometry(window.rect())
            self.raise_()
        elif watched is self.parent() and event.type() == QEvent.Type.ChildAdded:
            self.raise_()
        return False


class IdleLock(QObject):
    """One per main window. `lock()` locks at once (also what the timer does)."""

    locked = Signal()
    unlocked = Signal()
    quit_requested = Signal()

    def __init__(self, window: QWidget, minutes: int) -> None:
        super().__init__(window)
        self._window = window
        self.curtains: list[Curtain] = []
        self._disabled: list[QWidget] = []
        self.dialog: LoginDialog | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_minutes(minutes)
        app = QApplication.instance()
        assert app is not None  # made before any window
        app.installEventFilter(self)
        self.timer.start()

    @property
    def is_locked(self) -> bool:
        return self.dialog is not None

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(int(minutes) * 60_000)

    def set_interval_ms(self, milliseconds: int) -> None:
        self.timer.setInterval(max(1, milliseconds))
        if not self.is_locked:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _ACTIVITY and not self.is_locked:
            self.timer.start()
        return False

    def lock(self) -> None:
        account = roles.logged_in()
        if self.is_locked or account is None:
            return
        self.timer.stop()
        with roles.acting_as(account):
            operators.record_idle_lock()
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and not isinstance(widget, Curtain):
                self.curtains.append(Curtain(widget))
                if widget.isEnabled():  # no input reaches it, whatever sends it; Qt keeps its children's own state
                    widget.setEnabled(False)
                    self._disabled.append(widget)
        self.dialog = LoginDialog(self._window, locked=account)
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.dialog.accepted.connect(self._unlocked)
        self.dialog.rejected.connect(self._quit)
        self.dialog.show()  # open() would make it modal to the main window only, not to the other dialogs
        self.dialog.raise_()
        self.dialog.activateWindow()
        self.locked.emit()

    def _unlocked(self) -> None:
        for widget in self._disabled:
            with contextlib.suppress(RuntimeError):  # a window closed meanwhile (a finished progress dialog)
                widget.setEnabled(True)
        self._disabled.clear()
        for curtain in self.curtains:
            with contextlib.suppress(RuntimeError):
                curtain.hide()
                curtain.deleteLater()
        self.curtains.clear()
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        self.timer.start()
        self.unlocked.emit()

    def _quit(self) -> None:
        answer = QMessageBox.question(
            self.dialog, self.tr("退出程序"),
            self.tr("退出后，打开着的窗口中尚未保存的内容将会丢失。确定退出吗？"))
        if answer != QMessageBox.StandardButton.Yes:
            if self.dialog is not None:
                self.dialog.show()
            return
        self.quit_requested.emit()
