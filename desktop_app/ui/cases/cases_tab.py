"""纠纷调解: the register of cases — filters (status, category, kind, period, overdue), a search box
(case number, party name, pinyin, initials), a lazy sortable table, and the register's actions."""

from __future__ import annotations

from datetime import date
from typing import cast

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_date
from ...domain.vocabulary import CASE_CATEGORIES, CASE_KINDS, CASE_STATUSES
from ...services.accounts.roles import DELETE, EDIT, EXPORT, READ_FULL, SETTINGS
from ...services.cases.case_form import delete_case
from ...services.cases.register import CaseFilter, CaseRow, fetch_case_rows, search_case_ids
from ...services.cases.workflow import CaseRefused
from ..i18n import shown, vocab
from ..id_table_model import Column, IdTableModel
from ..ops import CASES, follow_changes
from ..register_widgets import filter_combo, register_table, search_box
from ..roles import hide_unless, may
from ..widgets.table_actions import table_actions
from .case_dialog import CaseDialog


class RegisterLine:
    """A CaseRow with the register's deadline text: "2024年11月8日（超期）" for an overdue case, "待伤情鉴定"
    while a 治安调解 waits for the appraisal, the days left for 司法确认 after a written 人民调解 agreement."""

    __slots__ = ("row",)

    def __init__(self, row: CaseRow) -> None:
        self.row = row

    def __getattr__(self, name: str):
        return getattr(self.row, name)

    @property
    def deadline_text(self) -> str:
        until = self.row.confirmation_until
        if until is not None and until >= date.today():
            return QCoreApplication.translate("CasesTab", "可申请司法确认至{0}").format(format_date(until))
        if self.row.deadline is None:
            return shown(self.row.deadline_note)
        text = format_date(self.row.deadline)
        if self.row.overdue:
            text += QCoreApplication.translate("CasesTab", "（超期）")
        if self.row.deadline_estimated:
            text += QCoreApplication.translate("CasesTab", "（预估）")
        return text

    @property
    def kind_text(self) -> str:
        if self.row.body_missing:
            return QCoreApplication.translate("CasesTab", "{0}（未指定调委会）").format(vocab(self.row.kind))
        return vocab(self.row.kind)


def register_lines(ids) -> list[RegisterLine]:
    return [RegisterLine(row) for row in fetch_case_rows(ids)]


WIDTHS = (200, 110, 90, 80, 300, 160, 80)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class CasesTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sort_key = "received_at"
        self.descending = True
        self.dialog: QDialog | None = None  # the dialog last opened, kept alive while open

        self.search = search_box(self.tr("查找：案件编号 / 当事人姓名 / 拼音 / 首字母"), 300)
        self.status_filter = filter_combo(self.tr("全部状态"), CASE_STATUSES)
        self.category_filter = filter_combo(self.tr("全部类别"), CASE_CATEGORIES)
        self.kind_filter = filter_combo(self.tr("全部类型"), CASE_KINDS)
        self.period = QCheckBox(self.tr("受理日期"))
        today = date.today()
        self.date_from = QDateEdit(_qdate(date(today.year, 1, 1)))
        self.date_to = QDateEdit(_qdate(today))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.overdue_only = QCheckBox(self.tr("只看超期"))
        self.count_label = QLabel()

        self.add_button = QPushButton(self.tr("登记新纠纷"))
        self.open_button = QPushButton(self.tr("打开"))
        self.delete_button = QPushButton(self.tr("删除"))
        self.export_button = QPushButton(self.tr("导出到U盘…"))
        self.print_button = QPushButton(self.tr("打印登记表…"))
        self.bodies_button = QPushButton(self.tr("调解组织与民警…"))
        self.bodies_button.setToolTip(self.tr("人民调解委员会（名称、编号前缀、印章）和主持治安调解的本所民警"))
        self.wording_button = QPushButton(self.tr("文书措辞…"))
        self.wording_button.setToolTip(self.tr("各调解文书中固定条款的措辞（管理员可修改、恢复默认）"))

        self.model = IdTableModel(self._columns(), register_lines, on_sort=self._sort)
        self.table = register_table(self.model, WIDTHS, 1, Qt.SortOrder.DescendingOrder, multi=True)
        self.table.setWordWrap(False)
        self.table.setSortingEnabled(True)

        actions = QHBoxLayout()
        for button in (self.add_button, self.open_button, self.delete_button, self.export_button,
                       self.print_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.bodies_button)
        actions.addWidget(self.wording_button)
        filters = QHBoxLayout()
        for widget in (self.search, self.status_filter, self.category_filter, self.kind_filter, self.period,
                       self.date_from, QLabel(self.tr("至")), self.date_to, self.overdue_only):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addLayout(filters)
        layout.addWidget(self.table)

        self.search.textChanged.connect(self.apply_filter)
        for combo in (self.status_filter, self.category_filter, self.kind_filter):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.period.toggled.connect(self._period_toggled)
        self.date_from.dateChanged.connect(self.apply_filter)
        self.date_to.dateChanged.connect(self.apply_filter)
        self.overdue_only.toggled.connect(self.apply_filter)
        self.table.doubleClicked.connect(self._open_index)
        table_actions(self.table).set_actions(open=self.open_selected, print=self.print_register,
                                              delete=self.delete_selected)
        self.add_button.clicked.connect(lambda: self.open_case(None))
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button.clicked.connect(self.export_to_stick)
        self.print_button.clicked.connect(self.print_register)
        self.bodies_button.clicked.connect(self.edit_bodies)
        self.wording_button.clicked.connect(self.edit_wording)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        # filled already (turning sorting on above searched once): not again when first shown
        follow_changes(self, {CASES}, self.refresh, stale=False)
        hide_unless(EDIT, self.add_button)
        hide_unless(DELETE, self.delete_button)
        hide_unless(EXPORT, self.export_button)
        hide_unless(SETTINGS, self.bodies_button, self.wording_button)
        if not may(READ_FULL):
            self.open_button.setText(self.tr("查看摘要"))

    def _columns(self) -> list[Column]:
        return [
            Column(self.tr("编号"), "number", "number"),
            Column(self.tr("受理日期"), "received_on", "received_at"),
            Column(self.tr("类别"), "category", "category", words=True),
            Column(self.tr("类型"), "kind_text", "kind", alert=lambda r: r.body_missing),
            Column(self.tr("当事人"), "parties", alert=lambda r: r.guardian_missing),
            Column(self.tr("调解员"), "mediators"),
            Column(self.tr("状态"), "status", "status", align_center=True, words=True),
            Column(self.tr("期限"), "deadline_text", "deadline", alert=lambda r: r.overdue),
        ]

    # --- filtering -----------------------------------------------------------------------------------
    def period_dates(self) -> tuple[date, date]:
        # QDate.toPython() gives a datetime.date; the stubs say object
        return cast(date, self.date_from.date().toPython()), cast(date, self.date_to.date().toPython())

    def current_filter(self) -> CaseFilter:
        start, end = self.period_dates() if self.period.isChecked() else (None, None)
        return CaseFilter(text=self.search.text(), status=self.status_filter.currentData(),
                          category=self.category_filter.currentData(), kind=self.kind_filter.currentData(),
                          date_from=start, date_to=end, overdue_only=self.overdue_only.isChecked())

    def apply_filter(self) -> None:
        selected = self.selected_ids()
        ids = search_case_ids(self.current_filter(), self.sort_key, self.descending)
        self.model.set_ids(ids)
        self.count_label.setText(self.tr("共 {0} 件").format(len(ids)))
        self.select_ids(selected)

    def _period_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.apply_filter()

    def _sort(self, key: str, descending: bool) -> None:
        self.sort_key, self.descending = key, descending
        self.apply_filter()

    def refresh(self) -> None:
        self.apply_filter()

    # --- selection -----------------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.id_at(row) for row in rows if row < self.model.rowCount()]

    def select_ids(self, ids: list[int]) -> None:
        shown = set(self.model.ids())
        for case_id in ids:
            if case_id in shown:
                self.table.selectionModel().select(
                    self.model.index(self.model.row_of(case_id), 0),
                    self.table.selectionModel().SelectionFlag.Select
                    | self.table.selectionModel().SelectionFlag.Rows)

    # --- the case dialog -----------------------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        self.open_case(self.model.id_at(index.row()))

    def open_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.open_case(ids[0])

    def open_case(self, case_id: int | None) -> CaseDialog | QDialog | None:
        if not may(READ_FULL):
            return self.show_summary(case_id) if case_id is not None else None
        dialog = CaseDialog(case_id, self)
        dialog.changed.connect(self._case_changed)
        dialog.deleted.connect(lambda _id: self.apply_filter())
        self.dialog = dialog
        dialog.open()
        return dialog

    def _case_changed(self, case_id: int) -> None:
        if case_id in self.model.ids():
            self.model.reload()
        else:
            self.apply_filter()
            self.select_ids([case_id])

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        row = self.model.record(self.model.row_of(ids[0]))
        reason, ok = QInputDialog.getText(
            self, self.tr("删除案件"),
            self.tr("确定删除案件“{0}”吗？\n编号不会再分配给其他案件，删除后可在“文件 → 回收站”中恢复。\n删除原因（可不填）：").format(
                row.number))
        if not ok:
            return
        try:
            delete_case(ids[0], reason)
        except CaseRefused as exc:
            QMessageBox.warning(self, self.tr("不能删除"), shown(exc.message))
            return
        self.apply_filter()

    def show_summary(self, case_id: int) -> QDialog:
        """For a role that may not open the case's own form (查看): its one-page summary, masked."""
        from ...services.cases.document_data import CASE_SUMMARY, document_file_name, render_document
        from ..print_preview import preview_pdf

        kind = CASE_SUMMARY
        pdf = render_document(case_id, kind, masked=True)
        self.dialog = preview_pdf(self, pdf, self.tr("案件摘要"), document_file_name(case_id, kind))
        return self.dialog

    # --- settings of the mediation -------------------------------------------------------------------
    def edit_bodies(self) -> QDialog:
        from .bodies_dialog import BodiesDialog

        dialog = BodiesDialog(self)
        dialog.changed.connect(self.apply_filter)
        self.dialog = dialog
        dialog.open()
        return dialog

    def edit_wording(self) -> QDialog:
        from .wording_dialog import WordingDialog

        dialog = WordingDialog(self)
        self.dialog = dialog
        dialog.open()
        return dialog

    # --- export and print ----------------------------------------------------------------------------
    def export_to_stick(self) -> QDialog:
        from .usb_export_dialog import UsbExportDialog

        start, end = self.period_dates()
        dialog = UsbExportDialog(self.selected_ids(), (start, end), self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def print_register(self) -> None:
        ids = self.model.ids()
        if not ids:
            QMessageBox.information(self, self.tr("打印登记表"), self.tr("当前列表中没有案件。"))
            return
        from ...services.cases.document_data import render_register
        from ..print_preview import preview_pdf

        pdf = render_register(ids)
        name = self.tr("纠纷案件登记表-{0}.pdf").format(format_date(date.today()))
        self.dialog = preview_pdf(self, pdf, self.tr("打印案件登记表"), name)
