"""Showing an error message (translated, domain/i18n.py) right under the field that is wrong."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from .i18n import shown

ERROR_STYLE = "color: #c0392b;"
INVALID_STYLE = "border: 1px solid #c0392b;"


class FieldMessage(QLabel):
    """A red line under a field; hidden while there is nothing to say. The styles are set the first time
    there is something to say: a form has a message under every field, and a style sheet of its own made
    each one (and each field, cleared on every load) costlier to build and show."""

    def __init__(self, field: QWidget) -> None:
        super().__init__()
        self._field = field
        self._styled = False  # the message's red
        self._marked = False  # the field's red frame
        self.setWordWrap(True)
        self.hide()

    def show_error(self, message: str) -> None:
        if not self._styled:
            self.setStyleSheet(ERROR_STYLE)
            self._styled = True
        self.setText(shown(message))
        self.show()
        self._field.setStyleSheet(INVALID_STYLE)
        self._marked = True

    def clear_error(self) -> None:
        self.clear()
        self.hide()
        if self._marked:
            self._field.setStyleSheet("")
            self._marked = False
