"""Choosing the people of a record with the keyboard: type a name (the completer offers the members whose
name or team holds what is typed), Enter adds them; each has their own hours, which start as the "每人时长"
all share and can be changed one by one. The roster is asked for the typed name only (off the GUI thread),
never loaded whole."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.records.choices import MemberChoice, find_member_choices, member_choices_for
from ...services.records.participation import hours_value
from ...services.roster.search import count_all
from .. import ops
from ..ops import STOPPED, run_and_wait
from .member_completion import SHOWN, MemberCompletion

Index = QModelIndex | QPersistentModelIndex


@dataclass
class Person:
    member_id: int
    label: str
    hours: float
    own_hours: bool = False  # changed by hand: the shared hours no longer apply to them


class PeopleModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.people: list[Person] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (self.tr("姓名"), self.tr("时长（小时）"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        person = self.people[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return person.label if index.column() == 0 else (f"{person.hours:g}" if role ==
                                                             Qt.ItemDataRole.DisplayRole else person.hours)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 1 else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if index.column() != 1 or role != Qt.ItemDataRole.EditRole:
            return False
        errors: list = []
        hours = hours_value(value, "hours", "", errors)
        if errors:
            return False
        person = self.people[index.row()]
        person.hours, person.own_hours = round(hours, 1), True
        self.dataChanged.emit(index, index)
        return True

    def set_people(self, people: list[Person]) -> None:
        self.beginResetModel()
        self.people = people
        self.endResetModel()

    def add(self, person: Person) -> bool:
        if any(p.member_id == person.member_id for p in self.people):
            return False
        self.beginInsertRows(QModelIndex(), len(self.people), len(self.people))
        self.people.append(person)
        self.endInsertRows()
        return True

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.people[row]
        self.endRemoveRows()

    def share_hours(self, hours: float) -> None:
        for person in self.people:
            if not person.own_hours:
                person.hours = hours
        if self.people:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self.people) - 1, 1))


class PeoplePicker(QWidget):
    """The people of one record; `changed` after each addition, removal or change of hours."""

    changed = Signal()

    def __init__(self, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("输入姓名后按回车添加"))
        self.add_button = QPushButton(self.tr("添加"))
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0.1, 24)
        self.hours.setDecimals(1)
        self.hours.setSingleStep(0.5)
        self.hours.setValue(2.0)
        self.hours.setSuffix(self.tr(" 小时"))
        row.addWidget(QLabel(heading))
        row.addWidget(self.name, 1)
        row.addWidget(self.add_button)
        row.addWidget(QLabel(self.tr("每人时长")))
        row.addWidget(self.hours)
        layout.addLayout(row)
        self.model = PeopleModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.setMinimumHeight(110)
        layout.addWidget(self.table)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c0392b;")
        self.message.hide()
        layout.addWidget(self.message)
        self.completion = MemberCompletion(self.name)
        self.name.returnPressed.connect(self.add_typed)
        self.add_button.clicked.connect(self.add_typed)
        self.hours.valueChanged.connect(self._hours_changed)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.remove_selected)
        self.model.dataChanged.connect(lambda *_: self.changed.emit())

    def _hours_changed(self, value: float) -> None:
        self.model.share_hours(round(value, 1))
        self.changed.emit()

    def load_choices(self, team_id: int | None = None) -> None:
        """The completer offers the members of `team_id` first."""
        self.completion.prefer_team = team_id

    def add_typed(self) -> None:
        self.completion.stop()
        text = self.name.text().strip()
        if not text:
            return
        team = self.completion.prefer_team
        if count_all() > ops.ROSTER_SEARCH_AT_ONCE:  # a pass over a big roster: off the GUI thread
            found = run_and_wait(self, self.tr("查找队员"), lambda _progress: find_member_choices(text, team, SHOWN))
        else:
            found = find_member_choices(text, team, SHOWN)
        if found is STOPPED:  # cancelled, or the error dialog said why
            return
        if found.total != 1:
            self._say(self.tr("没有找到“{0}”").format(text) if not found.total
                      else self.tr("有{0}人符合“{1}”，请从列表中选择").format(found.total, text))
            return
        self.add_member(found.choices[0])
        self.name.clear()

    def add_member(self, choice: MemberChoice, hours: float | None = None) -> None:
        added = self.model.add(Person(choice.id, choice.label, round(hours if hours is not None
                                                                      else self.hours.value(), 1),
                                      own_hours=hours is not None and round(hours, 1) != round(self.hours.value(), 1)))
        self._say("" if added else self.tr("“{0}”已在名单中").format(choice.name))
        self.changed.emit()

    def add_ids(self, entries: list[tuple[int, float]]) -> None:
        by_id = member_choices_for(member_id for member_id, _hours in entries)
        self.model.set_people([])
        for member_id, hours in entries:
            if member_id in by_id:
                self.add_member(by_id[member_id], hours)
        self._say("")

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()}, reverse=True)
        for row in rows:
            self.model.remove(row)
        if rows:
            self.changed.emit()

    def clear(self) -> None:
        self.model.set_people([])
        self._say("")

    def entries(self) -> list[tuple[int, float]]:
        return [(p.member_id, p.hours) for p in self.model.people]

    def show_error(self, message: str) -> None:
        self._say(message)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
