"""工作记录: the quick form beside a filtered, sortable table (period, team, kind, member, a figure), with the
sums of what the table shows; 导入台账… takes an office's Excel ledger in."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.activity_figures import BY_NAME, ENTERED, format_count
from ...domain.vocabulary import ACTIVITY_KINDS
from ...services.records.activities import ActivityInvalid, activity_input, delete_activity
from ...services.records.activity_list import ActivityFilter, activity_ids, activity_rows, figure_sums
from ...services.records.choices import MemberChoice, member_choice_named, member_choices_for, team_choices
from ..i18n import shown, vocab
from ..id_table_model import Column, IdTableModel
from ..ops import MEMBERS, RECORDS, SHIFTS, TEAMS, announce, follow_changes
from ..register_widgets import filter_combo, register_table
from .activity_form import ActivityForm
from .member_completion import MemberCompletion


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ActivitiesPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sort_key, self.descending = "date", True
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        today = date.today()
        self.date_from = QDateEdit(_qdate(today.replace(day=1)))
        self.date_to = QDateEdit(_qdate(today))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.team = QComboBox()
        self.kind = filter_combo(self.tr("全部类别"), ACTIVITY_KINDS)
        self.member = QComboBox()
        self.member.setEditable(True)
        self.member.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.member.setMinimumWidth(150)
        self.member.addItem(self.tr("全部队员"), None)  # and the member chosen, if any: the roster is not loaded
        self.figure = QComboBox()
        self.figure.addItem(self.tr("全部成效"), None)
        for figure in ENTERED:
            self.figure.addItem(self.tr("有“{0}”").format(vocab(figure.name)), figure.column)
        self.import_button = QPushButton(self.tr("导入台账…"))
        self.delete_button = QPushButton(self.tr("删除"))
        for label, widget in ((self.tr("从"), self.date_from), (self.tr("至"), self.date_to), ("", self.team),
                              ("", self.kind), (self.tr("队员"), self.member), ("", self.figure)):
            if label:
                bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.import_button)
        bar.addWidget(self.delete_button)
        layout.addLayout(bar)
        columns = [
            Column(self.tr("日期"), "date", "date"), Column(self.tr("类别"), "kind", "kind", words=True),
            Column(self.tr("队伍"), "team", "team"), Column(self.tr("地点"), "place", "place"),
            Column(self.tr("成效"), "figures"), Column(self.tr("参与队员"), "participants"),
            Column(self.tr("人数"), "people", align_center=True), Column(self.tr("时长合计"), "hours", align_center=True),
            Column(self.tr("工作内容"), "description"),
        ]
        self.model = IdTableModel(columns, activity_rows, self._sort)
        self.table = register_table(self.model, (112, 80, 130, 130, 200, 150, 44, 64, 200), 0,
                                    Qt.SortOrder.DescendingOrder)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.summary)
        self.form = ActivityForm()
        splitter = QSplitter()
        splitter.addWidget(self.form)
        splitter.addWidget(left)
        splitter.setSizes([420, 780])
        layout.addWidget(splitter, 1)
        self.table.setSortingEnabled(True)
        for combo in (self.team, self.kind, self.figure):
            combo.currentIndexChanged.connect(self.refresh)
        self.member.activated.connect(self.refresh)
        member_edit = self.member.lineEdit()
        assert member_edit is not None  # an editable combo box has one
        self.member_completion = MemberCompletion(member_edit, include_left=True)
        member_edit.editingFinished.connect(self.member_completion.stop)
        member_edit.editingFinished.connect(self.refresh)
        self.date_from.dateChanged.connect(self.refresh)
        self.date_to.dateChanged.connect(self.refresh)
        self.table.doubleClicked.connect(lambda index: self.edit(self.model.id_at(index.row())))
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button.clicked.connect(self.import_ledger)
        self.form.saved.connect(self._saved)
        self._reload_choices()
        # filled already (turning sorting on above read the records once): not again when first shown
        follow_changes(self, {RECORDS, MEMBERS, TEAMS, SHIFTS}, self.reload, stale=False)

    # --- filters ----------------------------------------------------------------------------------
    def _reload_choices(self) -> None:
        combo = self.team
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("全部队伍"), None)
        for item_id, label in team_choices():
            combo.addItem(label, item_id)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)
        chosen = self.member.currentData()
        if chosen is not None:  # the member chosen: their label again (a new team), or gone
            self._choose_member(member_choices_for([chosen]).get(chosen))

    def _choose_member(self, choice: MemberChoice | None) -> None:
        """The member filter on `choice` (None: 全部队员); the combo holds no other member."""
        blocked = self.member.blockSignals(True)
        while self.member.count() > 1:
            self.member.removeItem(1)
        if choice is not None:
            self.member.addItem(choice.label, choice.id)
        self.member.setCurrentIndex(self.member.count() - 1)
        self.member.blockSignals(blocked)

    def _typed_member(self) -> int | None:
        member = self.member.currentData()
        text = self.member.currentText().strip()
        if not text or text == self.member.itemText(self.member.currentIndex()):
            return member
        if text == self.member.itemText(0):
            self._choose_member(None)
            return None
        choice = member_choice_named(text)
        if choice is not None:
            self._choose_member(choice)
            return choice.id
        return member

    def current_filter(self) -> ActivityFilter:
        member = self._typed_member()
        return ActivityFilter(_pydate(self.date_from.date()), _pydate(self.date_to.date()), self.team.currentData(),
                              self.kind.currentData(), member, self.figure.currentData())

    def apply_filter(self, wanted: ActivityFilter) -> None:
        """Show the records of `wanted` (the 首页 opens its numbers this way)."""
        widgets = (self.date_from, self.date_to, self.team, self.kind, self.member, self.figure)
        for widget in widgets:
            widget.blockSignals(True)
        if wanted.date_from:
            self.date_from.setDate(_qdate(wanted.date_from))
        if wanted.date_to:
            self.date_to.setDate(_qdate(wanted.date_to))
        for combo, value in ((self.team, wanted.team_id), (self.kind, wanted.kind), (self.figure, wanted.figure)):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self._choose_member(member_choices_for([wanted.member_id]).get(wanted.member_id)
                            if wanted.member_id is not None else None)
        for widget in widgets:
            widget.blockSignals(False)
        self.refresh()

    def _sort(self, key: str, descending: bool) -> None:
        self.sort_key, self.descending = key, descending
        self.refresh()

    def reload(self) -> None:
        self._reload_choices()
        self.form.reload_choices()
        self.refresh()

    def refresh(self) -> None:
        wanted = self.current_filter()
        ids = activity_ids(wanted, self.sort_key, self.descending)
        self.model.set_ids(ids)
        sums = figure_sums(wanted)
        parts = [f"{vocab(name)} {format_count(value)}{BY_NAME[name].unit}" for name, value in sums.items() if value]
        self.summary.setText(self.tr("共 {0} 条记录。{1}").format(
            len(ids), self.tr("合计：{0}").format("、".join(parts)) if parts else ""))

    # --- actions ----------------------------------------------------------------------------------
    def _saved(self, _activity_id: int) -> None:
        announce({RECORDS}, self)
        self.refresh()

    def edit(self, activity_id: int) -> None:
        self.form.load(activity_input(activity_id), editing=activity_id)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.id_at(rows[0].row()) if rows else None

    def delete_selected(self) -> None:
        activity_id = self.selected_id()
        if activity_id is None:
            return
        answer = QMessageBox.question(self, self.tr("删除工作记录"), self.tr("删除所选工作记录？其成效、时长和积分将不再计入。"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            delete_activity(activity_id)
        except ActivityInvalid as exc:
            QMessageBox.warning(self, self.tr("删除工作记录"), shown(exc.errors[0].message))
            return
        announce({RECORDS}, self)
        self.refresh()

    def _imported(self) -> None:
        announce({RECORDS}, self)
        self.refresh()

    def import_ledger(self) -> None:
        from .ledger_import_dialog import LedgerImportDialog

        dialog = LedgerImportDialog(self)
        dialog.imported.connect(self._imported)
        dialog.open()
        self.import_dialog = dialog
