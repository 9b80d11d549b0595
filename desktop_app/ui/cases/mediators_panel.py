"""调解人员: officers by name and volunteers picked from the roster (the case then shows on the
volunteer's page), each as 主持人, 调解员 or 记录人."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.i18n import QT_TRANSLATE_NOOP
from ...domain.vocabulary import ACTIVE
from ...services.cases.case_form import CaseDetail
from ...services.cases.fields import CaseInvalid
from ...services.cases.parties import (
    MEDIATOR_ROLES,
    MediatorEntry,
    add_mediator,
    delete_mediator,
    update_mediator_role,
)
from ...services.cases.workflow import CaseRefused
from ...services.roster.search import RosterFilter, fetch_rows, search_ids
from ..field_errors import FieldMessage
from ..i18n import shown
from ..id_table_model import Column
from ..rows_table_model import RowsTableModel
from .widgets import choice_combo, combo_value, line, plain_table

MEDIATION_SKILL = QT_TRANSLATE_NOOP("Vocabulary", "调解")
SEARCH_LIMIT = 50
DEFAULT_ROLE = QT_TRANSLATE_NOOP("Vocabulary", "调解员")


@dataclass(frozen=True)
class MediatorLine:
    name: str
    kind: str
    team: str
    role: str


class MediatorsPanel(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case_id: int | None = None
        self._entries: list[MediatorEntry] = []
        self.model = RowsTableModel([Column(self.tr("姓名"), "name"), Column(self.tr("身份"), "kind"),
                                     Column(self.tr("所属队伍"), "team"),
                                     Column(self.tr("角色"), "role", words=True)])
        self.table = plain_table(self.model, (160, 90, 200))
        self.role_edit = choice_combo(MEDIATOR_ROLES)
        self.role_button = QPushButton(self.tr("修改角色"))
        self.delete_button = QPushButton(self.tr("删除所选"))
        self.role_button.clicked.connect(self.change_role)
        self.delete_button.clicked.connect(self.delete_selected)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(QLabel(self.tr("所选人员改为")))
        list_buttons.addWidget(self.role_edit)
        list_buttons.addWidget(self.role_button)
        list_buttons.addStretch(1)
        list_buttons.addWidget(self.delete_button)

        officer_box = QGroupBox(self.tr("添加民警"))
        officer_grid = QGridLayout(officer_box)
        self.officer_name = line(self.tr("民警姓名"), 60)
        self.officer_role = choice_combo(MEDIATOR_ROLES)
        self.officer_button = QPushButton(self.tr("添加民警"))
        self.officer_button.clicked.connect(self.add_officer)
        self.officer_message = FieldMessage(self.officer_name)
        officer_grid.addWidget(QLabel(self.tr("姓名")), 0, 0)
        officer_grid.addWidget(self.officer_name, 0, 1)
        officer_grid.addWidget(QLabel(self.tr("角色")), 0, 2)
        officer_grid.addWidget(self.officer_role, 0, 3)
        officer_grid.addWidget(self.officer_button, 0, 4)
        officer_grid.addWidget(self.officer_message, 1, 1, 1, 4)
        officer_grid.setColumnStretch(1, 1)

        volunteer_box = QGroupBox(self.tr("从花名册添加义警队员"))
        volunteer_layout = QVBoxLayout(volunteer_box)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("查找在队队员：姓名 / 拼音 / 首字母（空白时列出有调解技能的队员）"))
        self.found_model = RowsTableModel([Column(self.tr("姓名"), "name"), Column(self.tr("所属队伍"), "team"),
                                           Column(self.tr("技能"), "skills", words=True)])
        self.found = plain_table(self.found_model, (160, 200))
        self.found.setMinimumHeight(120)
        self.volunteer_role = choice_combo(MEDIATOR_ROLES)
        self.volunteer_button = QPushButton(self.tr("添加所选队员"))
        self.volunteer_button.clicked.connect(self.add_volunteer)
        self.found.doubleClicked.connect(lambda _index: self.add_volunteer())
        self.volunteer_message = FieldMessage(self.found)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("角色")))
        row.addWidget(self.volunteer_role)
        row.addStretch(1)
        row.addWidget(self.volunteer_button)
        volunteer_layout.addWidget(self.search)
        volunteer_layout.addWidget(self.found)
        volunteer_layout.addWidget(self.volunteer_message)
        volunteer_layout.addLayout(row)

        for combo in (self.role_edit, self.officer_role, self.volunteer_role):
            combo.setCurrentIndex(max(combo.findData(DEFAULT_ROLE), 0))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addLayout(list_buttons)
        layout.addWidget(officer_box)
        layout.addWidget(volunteer_box, 3)
        self.search.textChanged.connect(self.find_volunteers)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

    # --- state ---------------------------------------------------------------------------------------
    def show_detail(self, detail: CaseDetail) -> None:
        self.case_id = detail.id
        self._entries = detail.mediators
        self.model.set_rows([MediatorLine(m.name, self.tr("义警队员") if m.is_volunteer else self.tr("民警"),
                                          m.team, m.role) for m in self._entries])
        for widget in (self.role_button, self.delete_button, self.officer_button, self.volunteer_button):
            widget.setEnabled(not detail.deleted)
        if not self.found_model.rowCount():
            self.find_volunteers()

    def is_dirty(self) -> bool:
        return bool(self.officer_name.text().strip())

    def find_volunteers(self) -> None:
        text = self.search.text().strip()
        flt = RosterFilter(text=text, status=ACTIVE, skill=None if text else MEDIATION_SKILL)
        ids = search_ids(flt)[:SEARCH_LIMIT]
        self.found_model.set_rows(fetch_rows(ids))
        if ids:
            self.found.selectRow(0)

    def _selected(self) -> MediatorEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self._entries[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        entry = self._selected()
        if entry is not None:
            self.role_edit.setCurrentIndex(max(self.role_edit.findData(entry.role), 0))

    # --- actions -------------------------------------------------------------------------------------
    def _add(self, message: FieldMessage, **values) -> bool:
        self.officer_message.clear_error()
        self.volunteer_message.clear_error()
        if self.case_id is None:
            return False
        try:
            add_mediator(self.case_id, **values)
        except CaseInvalid as exc:
            message.show_error("；".join(shown(e.message) for e in exc.errors))
            return False
        except CaseRefused as exc:
            message.show_error(exc.message)
            return False
        self.changed.emit()
        return True

    def add_officer(self) -> bool:
        added = self._add(self.officer_message, officer_name=self.officer_name.text(),
                          role=combo_value(self.officer_role))
        if added:
            self.officer_name.clear()
        return added

    def add_volunteer(self) -> bool:
        rows = self.found.selectionModel().selectedRows()
        if not rows:
            self.volunteer_message.show_error(self.tr("请先在列表中选择一名队员"))
            return False
        member = self.found_model.record(rows[0].row())
        return self._add(self.volunteer_message, member_id=member.id, role=combo_value(self.volunteer_role))

    def change_role(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        try:
            update_mediator_role(entry.id, combo_value(self.role_edit))
        except (CaseInvalid, CaseRefused) as exc:
            QMessageBox.warning(self, self.tr("修改角色"), shown(exc))
            return
        self.changed.emit()

    def delete_selected(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        answer = QMessageBox.question(self, self.tr("删除"), self.tr("确定把“{0}”从本案调解人员中删除吗？").format(
            entry.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            delete_mediator(entry.id)
        except CaseRefused as exc:
            QMessageBox.warning(self, self.tr("不能删除"), shown(exc.message))
            return
        self.changed.emit()
