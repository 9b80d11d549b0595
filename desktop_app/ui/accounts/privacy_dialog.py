"""设置 → 安全与个人信息 (the administrator's): when the window locks itself, how long the audit trail and the
personal data of members who left are kept, and the members now due for anonymisation (offered, one
choice at a time; never done silently)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services import audit
from ...services.accounts import operators
from ...services.accounts.operators import AccountError
from ...services.roster import retention
from ..i18n import shown
from ..id_table_model import Column
from ..rows_table_model import RowsTableModel


class PrivacyDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.today = today or date.today()
        self.setWindowTitle(self.tr("安全与个人信息"))
        self.resize(760, 560)
        layout = QVBoxLayout(self)

        settings = QGroupBox(self.tr("设置"))
        form = QFormLayout(settings)
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setRange(*operators.IDLE_LOCK_RANGE)
        self.idle_minutes.setSuffix(self.tr(" 分钟"))
        self.idle_minutes.setValue(operators.idle_lock_minutes())
        self.audit_months = QSpinBox()
        self.audit_months.setRange(audit.MINIMUM_RETENTION_MONTHS, audit.MAXIMUM_RETENTION_MONTHS)
        self.audit_months.setSuffix(self.tr(" 个月"))
        self.audit_months.setValue(audit.retention_months())
        self.member_years = QSpinBox()
        self.member_years.setRange(retention.MINIMUM_YEARS, retention.MAXIMUM_YEARS)
        self.member_years.setSuffix(self.tr(" 年"))
        self.member_years.setValue(retention.retention_years())
        form.addRow(self.tr("无操作多久后锁定窗口"), self.idle_minutes)
        form.addRow(self.tr("操作日志保留（不少于6个月）"), self.audit_months)
        form.addRow(self.tr("离队队员个人信息保留"), self.member_years)
        self.save_button = QPushButton(self.tr("保存设置"))
        self.save_button.clicked.connect(self.save_settings)
        form.addRow("", self.save_button)
        layout.addWidget(settings)

        due = QGroupBox(self.tr("离队已满保留年限的队员"))
        due_layout = QVBoxLayout(due)
        note = QLabel(self.tr("匿名化后，姓名改为“已匿名队员+编号”，身份证号、出生日期、电话、住址、紧急联系人、照片和备注"
                              "被清除；服务时长、值班和证书记录保留用于统计。此操作不能撤销，并记入操作日志。"))
        note.setWordWrap(True)
        due_layout.addWidget(note)
        self.model = RowsTableModel([
            Column(self.tr("姓名"), "name"), Column(self.tr("身份证号"), "id_masked"), Column(self.tr("队伍"), "team"),
            Column(self.tr("离队日期"), "leave_date"),
        ])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        due_layout.addWidget(self.table)
        actions = QHBoxLayout()
        self.count_label = QLabel()
        self.anonymise_button = QPushButton(self.tr("匿名化所选队员…"))
        self.anonymise_button.clicked.connect(self.anonymise_selected)
        actions.addWidget(self.count_label)
        actions.addStretch(1)
        actions.addWidget(self.anonymise_button)
        due_layout.addLayout(actions)
        layout.addWidget(due)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.refresh()

    def refresh(self) -> None:
        rows = retention.anonymisation_candidates(self.today)
        self.model.set_rows(rows)
        self.count_label.setText(self.tr("共 {0} 人").format(len(rows)))
        self.anonymise_button.setEnabled(bool(rows))

    def save_settings(self) -> None:
        try:
            operators.set_idle_lock_minutes(self.idle_minutes.value())
            audit.set_retention_months(self.audit_months.value())
            retention.set_retention_years(self.member_years.value())
        except (AccountError, audit.RetentionRefused, retention.RetentionRefused) as exc:
            message = exc.error.message if isinstance(exc, AccountError) else exc.message
            QMessageBox.warning(self, self.tr("未保存"), shown(message))
            return
        self.refresh()
        QMessageBox.information(self, self.tr("已保存"), self.tr("设置已保存。自动锁定时间从下次登录起生效。"))

    def anonymise_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows:
            QMessageBox.information(self, self.tr("匿名化"), self.tr("请先在列表中选择队员。"))
            return
        members = [self.model.record(row) for row in rows]
        answer = QMessageBox.question(
            self, self.tr("匿名化"),
            self.tr("确定把 {0} 名离队队员的个人信息匿名化吗？此操作不能撤销。").format(len(members)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        for member in members:
            try:
                retention.anonymise_member(member.id, self.today)
            except retention.RetentionRefused as exc:
                QMessageBox.warning(self, self.tr("未匿名化"), shown(exc.message))
                break
        self.refresh()
