"""Showing an error message (translated, domain/i18n.py) right under the field that is wrong."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from .i18n import shown

ERROR_STYLE = "color: #c0392b;"
INVALID_STYLE = "border: 1px solid #c0392b;"


class FieldMessage(QLabel):
    """A red line under a field; hidden while there is nothing to say."""

    def __init__(self, field: QWidget) -> None:
        super().__init__()
        self._field = field
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.hide()

    def show_error(self, message: str) -> None:
        self.setText(shown(message))
        self.show()
        self._field.setStyleSheet(INVALID_STYLE)

    def clear_error(self) -> None:
        self.clear()
        self.hide()
        self._field.setStyleSheet("")
