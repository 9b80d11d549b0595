"""设置 → 操作日志 (the administrator's): the audit trail, read-only, filtered by account, action, period and
record; entries past the retention period can be archived to an .xlsx (itself an entry of the trail)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import cast

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services import audit
from ...services.files.writer import FileWriteError
from ..i18n import shown
from ..id_table_model import Column
from ..rows_table_model import RowsTableModel


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def table_label(table: str) -> str:
    """The data table an entry is about, in words (the stored name is the database's)."""
    labels = {
        "member": QCoreApplication.translate("AuditViewer", "队员"),
        "leave": QCoreApplication.translate("AuditViewer", "请假"),
        "team": QCoreApplication.translate("AuditViewer", "队伍"),
        "duty_post": QCoreApplication.translate("AuditViewer", "岗位"),
        "shift_pattern": QCoreApplication.translate("AuditViewer", "班次规律"),
        "shift": QCoreApplication.translate("AuditViewer", "班次"),
        "assignment": QCoreApplication.translate("AuditViewer", "排班"),
        "swap": QCoreApplication.translate("AuditViewer", "换班"),
        "case": QCoreApplication.translate("AuditViewer", "案件"),
        "party": QCoreApplication.translate("AuditViewer", "当事人"),
        "case_mediator": QCoreApplication.translate("AuditViewer", "调解员"),
        "mediation_session": QCoreApplication.translate("AuditViewer", "调解记录"),
        "follow_up": QCoreApplication.translate("AuditViewer", "回访记录"),
        "certificate": QCoreApplication.translate("AuditViewer", "证书"),
        "certificate_template": QCoreApplication.translate("AuditViewer", "证书模板"),
        "office_settings": QCoreApplication.translate("AuditViewer", "单位信息"),
        "setting": QCoreApplication.translate("AuditViewer", "设置"),
        "holiday": QCoreApplication.translate("AuditViewer", "节假日"),
        "user": QCoreApplication.translate("AuditViewer", "操作员账号"),
        "audit_log": QCoreApplication.translate("AuditViewer", "操作日志"),
    }
    return labels.get(table, table)


class _Line:
    def __init__(self, entry: audit.AuditEntry) -> None:
        self.at = f"{entry.at:%Y-%m-%d %H:%M:%S}"
        self.username = entry.username or QCoreApplication.translate("AuditViewer", "（设置时）")
        self.action = entry.action
        self.table_name = table_label(entry.table_name)
        self.record_uuid = entry.record_uuid
        self.summary = entry.summary


class AuditViewer(QDialog):
    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.today = today or date.today()
        self.setWindowTitle(self.tr("操作日志"))
        self.resize(1100, 640)
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.user = QComboBox()
        self.action = QComboBox()
        self.period = QCheckBox(self.tr("时间"))
        self.date_from = QDateEdit(_qdate(self.today - timedelta(days=30)))
        self.date_to = QDateEdit(_qdate(self.today))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.record = QLineEdit()
        self.record.setPlaceholderText(self.tr("记录编号（32位）"))
        self.record.setMaxLength(40)
        for widget in (QLabel(self.tr("操作员")), self.user, QLabel(self.tr("操作")), self.action, self.period,
                       self.date_from, QLabel(self.tr("至")), self.date_to, self.record):
            filters.addWidget(widget)
        filters.addStretch(1)
        layout.addLayout(filters)
        self.model = RowsTableModel([
            Column(self.tr("时间"), "at"), Column(self.tr("操作员"), "username"), Column(self.tr("操作"), "action"),
            Column(self.tr("数据"), "table_name"), Column(self.tr("记录编号"), "record_uuid"),
            Column(self.tr("摘要"), "summary"),
        ])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((150, 90, 80, 110, 250)):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table)
        bottom = QHBoxLayout()
        self.count_label = QLabel()
        self.archive_label = QLabel()
        self.archive_button = QPushButton(self.tr("归档过期日志…"))
        close = QPushButton(self.tr("关闭"))
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        bottom.addWidget(self.archive_label)
        bottom.addWidget(self.archive_button)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self._fill_choices()
        self.user.currentIndexChanged.connect(self.apply_filter)
        self.action.currentIndexChanged.connect(self.apply_filter)
        self.period.toggled.connect(self._period_toggled)
        self.date_from.dateChanged.connect(self.apply_filter)
        self.date_to.dateChanged.connect(self.apply_filter)
        self.record.textChanged.connect(self.apply_filter)
        self.archive_button.clicked.connect(self.archive)
        close.clicked.connect(self.accept)
        self.apply_filter()

    def _fill_choices(self) -> None:
        users, actions = audit.filter_choices()
        for combo, everything, values in ((self.user, self.tr("全部"), users), (self.action, self.tr("全部"), actions)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for value in values:
                combo.addItem(value or self.tr("（未登录）"), value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)

    def _period_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.apply_filter()

    def current_filter(self) -> audit.AuditFilter:
        period = self.period.isChecked()
        return audit.AuditFilter(
            username=self.user.currentData(), action=self.action.currentData(),
            date_from=cast(date, self.date_from.date().toPython()) if period else None,
            date_to=cast(date, self.date_to.date().toPython()) if period else None,
            record_uuid=self.record.text().strip())

    def apply_filter(self) -> None:
        flt = self.current_filter()
        entries = audit.search(flt)
        self.model.set_rows([_Line(e) for e in entries])
        total = audit.count(flt)
        shown = self.tr("共 {0} 条").format(total)
        if total > len(entries):
            shown += self.tr("（显示最近的 {0} 条）").format(len(entries))
        self.count_label.setText(shown)
        old = audit.archivable_count(self.today)
        self.archive_label.setText(self.tr("超过保留期限（{0}个月）的 {1} 条可以归档").format(
            audit.retention_months(), old) if old else self.tr("没有超过保留期限（{0}个月）的日志").format(
            audit.retention_months()))
        self.archive_button.setEnabled(bool(old))

    def archive(self) -> None:
        count = audit.archivable_count(self.today)
        if not count:
            return
        cutoff = audit.archive_cutoff(self.today)
        answer = QMessageBox.question(
            self, self.tr("归档操作日志"),
            self.tr("把 {0} 之前的 {1} 条操作日志写入一个 Excel 文件，核对无误后从数据文件中移出。\n"
                    "请把归档文件妥善保管（如刻盘或存入档案U盘）。继续吗？").format(f"{cutoff:%Y-%m-%d}", count))
        if answer != QMessageBox.StandardButton.Yes:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存归档文件"),
                                              self.tr("操作日志归档-{0}.xlsx").format(f"{cutoff:%Y%m%d}"),
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return
        try:
            result = audit.archive_old_entries(Path(path), self.today)
        except FileWriteError as exc:
            QMessageBox.warning(self, self.tr("未归档"), shown(exc.message))
            return
        QMessageBox.information(self, self.tr("已归档"),
                                self.tr("已把 {0} 条操作日志归档到：\n{1}").format(result.entries, result.path))
        self._fill_choices()
        self.apply_filter()
