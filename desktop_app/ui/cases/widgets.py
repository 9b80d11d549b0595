"""Small pieces the case screens share: a grid of labelled fields with a red message under each,
combo boxes over fixed vocabularies, the searchable 民族 box, text of stored values, a plain table."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import FieldError
from ...domain.ethnic_groups import ETHNIC_GROUPS
from ..field_errors import FieldMessage
from ..i18n import vocab


def date_hint() -> str:
    return QCoreApplication.translate("Hints", "如 2024-10-08 或 2024.10.8")


def datetime_hint() -> str:
    return QCoreApplication.translate("Hints", "如 2024-10-08 09:30")


def value_text(value: object) -> str:
    """A stored value as the form shows it for editing."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")
    return str(value)


def choice_combo(items: Iterable[str], blank: str | None = None) -> QComboBox:
    """A combo over fixed words (shown translated, the word itself as the item's data); `blank` adds a
    first empty choice shown as that hint."""
    combo = QComboBox()
    if blank is not None:
        combo.addItem(blank, "")
    for item in items:
        combo.addItem(vocab(item), item)
    return combo


def combo_value(combo: QComboBox) -> str:
    return combo.currentData() or ""


def set_combo_value(combo: QComboBox, value: object) -> None:
    index = combo.findData(value if value is not None else "")
    combo.setCurrentIndex(max(index, 0))


class EthnicCombo(QComboBox):
    """民族: type a few characters or the code and pick (like the member form's box)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.addItem("", "")
        for code, name in ETHNIC_GROUPS.items():
            self.addItem(f"{code} {vocab(name)}", code)
        completer = self.completer()
        assert completer is not None  # an editable combo box has one
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def value(self) -> str:
        """The code when an item is chosen, else what was typed (the service names the error)."""
        if self.currentText() == self.itemText(self.currentIndex()):
            return self.currentData() or ""
        return self.currentText()

    def set_value(self, code: str) -> None:
        index = self.findData(code or "")
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setEditText(code or "")


def text_box(height: int = 64) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


def line(placeholder: str = "", max_length: int = 200) -> QLineEdit:
    edit = QLineEdit()
    edit.setMaxLength(max_length)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    return edit


def plain_table(model, widths: Sequence[int] = (), multi: bool = False) -> QTableView:
    """A read-only row-selecting table over `model`."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                           else QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setDefaultSectionSize(26)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for i, width in enumerate(widths):
        header.resizeSection(i, width)
    header.setStretchLastSection(True)
    return table


class FieldGrid:
    """Rows of "label | field" pairs in a grid, each field with its FieldMessage underneath."""

    def __init__(self, grid: QGridLayout) -> None:
        self.grid = grid
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        self.messages: dict[str, FieldMessage] = {}
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}

    def add(self, key: str, label: str, widget: QWidget, row: int, column: int = 0, span: int = 1) -> None:
        caption = QLabel(label)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        caption.setContentsMargins(0, 4, 0, 0)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(widget)
        message = FieldMessage(widget)
        layout.addWidget(message)
        self.grid.addWidget(caption, row, column)
        self.grid.addWidget(box, row, column + 1, 1, span * 2 - 1)
        self.messages[key] = message
        self.widgets[key] = widget
        self.labels[key] = caption

    def clear_errors(self) -> None:
        for message in self.messages.values():
            message.clear_error()

    def show_errors(self, errors: Sequence[FieldError]) -> list[FieldError]:
        """Show each error at its field (the first per field); return those with no field here."""
        self.clear_errors()
        unplaced = []
        for error in errors:
            message = self.messages.get(error.field)
            if message is None:
                unplaced.append(error)
            elif message.isHidden():
                message.show_error(error.message)
        return unplaced

    def focus_first(self, errors: Sequence[FieldError]) -> None:
        for error in errors:
            widget = self.widgets.get(error.field)
            if widget is not None:
                widget.setFocus()
                return
