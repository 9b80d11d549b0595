"""The pieces every register tab is made of: the search box, "全部…" filter combos, and a sortable,
read-only table of whole rows over a lazy model."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QLineEdit, QTableView

from .i18n import vocab

ROW_HEIGHT = 26


def search_box(placeholder: str, min_width: int) -> QLineEdit:
    box = QLineEdit()
    box.setClearButtonEnabled(True)
    box.setPlaceholderText(placeholder)
    box.setMinimumWidth(min_width)
    return box


def filter_combo(everything: str, items: Iterable[str]) -> QComboBox:
    """A combo whose first entry (data None) means no filter; the others are vocabulary words, shown
    translated, each carrying the word itself as data."""
    combo = QComboBox()
    combo.addItem(everything, None)
    for item in items:
        combo.addItem(vocab(item), item)
    return combo


def register_table(model: QAbstractItemModel, widths: Sequence[int], sort_column: int,
                   order: Qt.SortOrder, multi: bool = False) -> QTableView:
    """The caller turns sorting on (`setSortingEnabled(True)`) once it holds the table: that call sorts
    at once, through the caller's own sort callback."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if multi:
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for i, width in enumerate(widths):
        header.resizeSection(i, width)
    header.setStretchLastSection(True)
    header.setSortIndicator(sort_column, order)
    return table
