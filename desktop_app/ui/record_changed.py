"""An edit form's save refused because another PC saved the record after the form loaded it
(services/clients/versions.py): the form keeps what the user typed, and this red line above the buttons says who
changed it and when, and that saving again overwrites their change with what the form shows."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from ..services.clients.versions import RecordChanged, StaleVersion, refusal
from .field_errors import ERROR_STYLE
from .i18n import shown


class RecordChangedBanner(QLabel):
    """Hidden until a save is refused; `refused(exc)` shows it, `clear_refusal()` hides it again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        self.setWordWrap(True)
        self.hide()

    def refused(self, exc: RecordChanged) -> None:
        self.setText(self.tr("{0}，您的修改尚未保存，仍保留在窗口中。请核对对方的修改后再保存："
                             "再次点击“保存”将以窗口中的内容覆盖对方的修改。").format(shown(exc.message)))
        self.show()

    def clear_refusal(self) -> None:
        self.clear()
        self.hide()


def show_record_changed(parent: QWidget | None, exc: RecordChanged | StaleVersion) -> None:
    """A save refused outside the edit forms (a rename, a status change while another PC saved the same
    record a moment before): nothing was stored; said in a message instead of the error dialog."""
    if isinstance(exc, StaleVersion):
        exc = refusal(exc.model, exc.record_id)
    QMessageBox.warning(parent, QCoreApplication.translate("RecordChanged", "记录已被修改"),
                        QCoreApplication.translate("RecordChanged", "{0}，本次操作未保存。请重新打开该记录，核对后再试。")
                        .format(shown(exc.message)))
