"""A list of a case's records (parties, sessions, follow-ups) above the form that adds or edits one.

Pick a row to edit it; 新增 empties the form for a new one; 保存 stores it (errors in red at the fields,
a refusal of the rules in red under the form); 删除所选 asks first. `changed` fires after every store.
The form carries the version of the row it loaded; when another PC saved that row since, the save is
refused, the input stays and a red line says who changed it and when (ui/record_changed.py); saving again
is the deliberate overwrite."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services.cases.case_form import CaseDetail
from ...services.cases.fields import CaseInvalid
from ...services.cases.workflow import CaseRefused
from ...services.clients.versions import RecordChanged
from ..field_errors import ERROR_STYLE
from ..i18n import shown
from ..id_table_model import Column
from ..record_changed import RecordChangedBanner
from ..rows_table_model import RowsTableModel
from .widgets import FieldGrid, plain_table


class RecordPanel(QWidget):
    changed = Signal()
    widths: tuple[int, ...] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_id: int | None = None
        self.editing_id: int | None = None
        self.version: int | None = None  # the loaded row's (None: a new one), carried back by the save
        self.read_only = False
        self._entries: list[Any] = []
        self.noun = self.noun_text()
        self.model = RowsTableModel(self.make_columns())
        self.table = plain_table(self.model, self.widths)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.form_box = QGroupBox()
        grid = QGridLayout(self.form_box)
        self.fields = FieldGrid(grid)
        self.build_form(self.fields)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.message.hide()
        self.changed_banner = RecordChangedBanner()

        self.new_button = QPushButton(QCoreApplication.translate("RecordPanel", "新增{0}").format(self.noun))
        self.save_button = QPushButton(QCoreApplication.translate("RecordPanel", "保存{0}").format(self.noun))
        self.delete_button = QPushButton(QCoreApplication.translate("RecordPanel", "删除所选"))
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.form_box)
        layout.addWidget(self.message)
        layout.addWidget(self.changed_banner)
        layout.addLayout(buttons)
        self._loaded = self.blank()
        self.start_new()

    # --- what a subclass provides --------------------------------------------------------------------
    def noun_text(self) -> str:
        raise NotImplementedError

    def make_columns(self) -> list[Column]:
        raise NotImplementedError

    def build_form(self, fields: FieldGrid) -> None:
        raise NotImplementedError

    def entries(self, detail: CaseDetail) -> list[Any]:
        raise NotImplementedError

    def blank(self) -> Any:
        raise NotImplementedError

    def read(self) -> Any:
        raise NotImplementedError

    def fill(self, data: Any) -> None:
        raise NotImplementedError

    def store(self, case_id: int, entry_id: int | None, data: Any) -> None:
        raise NotImplementedError

    def remove(self, entry_id: int) -> None:
        raise NotImplementedError

    def row_view(self, entry: Any) -> Any:
        return entry

    def entry_label(self, entry: Any) -> str:
        return ""

    # --- state ---------------------------------------------------------------------------------------
    def show_detail(self, detail: CaseDetail) -> None:
        self.case_id = detail.id
        self._entries = self.entries(detail)
        self.model.set_rows([self.row_view(e) for e in self._entries])
        if self.editing_id is not None and self.editing_id not in {e.id for e in self._entries}:
            self.start_new()
        self.set_read_only(detail.deleted)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for button in (self.new_button, self.save_button, self.delete_button):
            button.setEnabled(not read_only)

    def is_dirty(self) -> bool:
        return self.read() != self._loaded

    def start_new(self) -> None:
        self.editing_id = None
        self.table.clearSelection()
        self._load(self.blank())
        self.form_box.setTitle(QCoreApplication.translate("RecordPanel", "新增{0}").format(self.noun))

    def _load(self, data: Any) -> None:
        self.fill(data)
        self.version = getattr(data, "version", None)
        self.fields.clear_errors()
        self.message.hide()
        self.changed_banner.clear_refusal()
        self._loaded = self.read()

    def _selection_changed(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        entry = self._entries[rows[0].row()]
        self.editing_id = entry.id
        self._load(entry.to_input())
        self.form_box.setTitle(QCoreApplication.translate("RecordPanel", "修改{0}：{1}").format(
            self.noun, self.entry_label(entry)))

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    # --- actions -------------------------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def save(self) -> bool:
        if self.case_id is None or self.read_only:
            return False
        self.fields.clear_errors()
        self.message.hide()
        data = self.read()
        if self.editing_id is not None and hasattr(data, "version"):
            data = replace(data, version=self.version)
        try:
            self.store(self.case_id, self.editing_id, data)
        except RecordChanged as exc:  # another PC saved it since: keep what was typed, say who and when
            self.changed_banner.refused(exc)
            self.version = exc.current_version  # saving again is a deliberate overwrite
            return False
        except CaseInvalid as exc:
            rest = self.fields.show_errors(exc.errors)
            self.fields.focus_first(exc.errors)
            if rest:
                self.show_message("；".join(shown(e.message) for e in rest))
            return False
        except CaseRefused as exc:
            self.show_message(shown(exc.message))
            return False
        self.start_new()
        self.changed.emit()
        return True

    def delete_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or self.read_only:
            return
        entry = self._entries[rows[0].row()]
        answer = QMessageBox.question(
            self, QCoreApplication.translate("RecordPanel", "删除"),
            QCoreApplication.translate("RecordPanel", "确定删除这条{0}吗？{1}").format(
                self.noun, self.entry_label(entry)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.remove(entry.id)
        except CaseRefused as exc:
            QMessageBox.warning(self, QCoreApplication.translate("RecordPanel", "不能删除"), shown(exc.message))
            return
        self.start_new()
        self.changed.emit()
