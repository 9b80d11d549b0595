"""证书登记簿: every certificate issued (newest first), filtered by type, status, issue period and a search
(name, pinyin, initials, serial or code); 预览/打印, 补打, 作废… (with a reason), 记录 (events), 公示名单…"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_date
from ...domain.vocabulary import CERTIFICATE_TYPES, HONOUR, SERVICE_PROOF, VALID, VOID
from ...services.accounts.roles import DELETE
from ...services.certificates import issuing as certs
from ...services.certificates import register as cert_register
from ...services.certificates.errors import CertificateRefused
from ...services.clients.versions import RecordChanged
from ...services.records.service_hours import format_hours
from ...services.roster.search import RosterFilter, search_ids
from ..cases.widgets import plain_table
from ..i18n import shown, vocab
from ..id_table_model import Column
from ..ops import CERTIFICATES, announce_on
from ..roles import hide_unless
from ..rows_table_model import RowsTableModel
from ..widgets.table_actions import table_actions
from .common import date_edit, from_qdate, pdf_name, show_pdf
from .register_dialogs import EventsDialog, PublicityDialog

WIDTHS = (185, 90, 125, 120, 125, 105, 50, 90)


@dataclass(frozen=True)
class RegisterLine:
    """One row as the table shows it."""

    id: int
    serial: str
    type: str
    name: str
    team: str
    detail: str  # 荣誉称号 / 服务时长 / 聘期或有效期
    issued_on: date
    status: str
    verification_code: str
    void_reason: str
    row: cert_register.CertificateRow


def line_of(row: cert_register.CertificateRow) -> RegisterLine:
    if row.type == HONOUR:
        detail = row.title
    elif row.type == SERVICE_PROOF:
        detail = (QCoreApplication.translate("RegisterPanel", "{0}小时").format(format_hours(row.hours))
                  if row.hours is not None else "")
    else:
        detail = (QCoreApplication.translate("RegisterPanel", "至{0}").format(format_date(row.period_to))
                  if row.period_to else "")
    return RegisterLine(row.id, row.serial, row.type, row.name, row.team, detail, row.issued_on, row.status,
                        row.verification_code, row.void_reason, row)


class RegisterPanel(QWidget):
    changed = Signal()  # a certificate was voided

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        announce_on(self.changed, {CERTIFICATES}, self)
        self._kept_void_reason: dict[int, str] = {}  # certificate id → the reason typed before a refusal
        self.dialog: QDialog | None = None
        self.preview = None
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("查找：姓名、拼音、编号或验证码"))
        self.search.setMinimumWidth(180)
        self.type_filter = QComboBox()
        self.type_filter.addItem(self.tr("全部类别"), None)
        for cert_type in CERTIFICATE_TYPES:
            self.type_filter.addItem(vocab(cert_type), cert_type)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("全部状态"), None)
        self.status_filter.addItem(vocab(VALID), VALID)
        self.status_filter.addItem(vocab(VOID), VOID)
        self.period = QCheckBox(self.tr("签发日期"))
        today = date.today()
        self.date_from = date_edit(date(today.year, 1, 1))
        self.date_to = date_edit(date(today.year, 12, 31))
        for edit in (self.date_from, self.date_to):
            edit.setEnabled(False)
        self.count_label = QLabel()

        self.model = RowsTableModel([
            Column(self.tr("编号"), "serial"), Column(self.tr("类别"), "type", words=True),
            Column(self.tr("姓名"), "name"),
            Column(self.tr("队伍"), "team"), Column(self.tr("称号 / 时长 / 期限"), "detail"),
            Column(self.tr("签发日期"), "issued_on"),
            Column(self.tr("状态"), "status", align_center=True, alert=lambda r: r.status != VALID, words=True),
            Column(self.tr("验证码"), "verification_code"), Column(self.tr("作废原因"), "void_reason"),
        ])
        self.table = plain_table(self.model, WIDTHS, multi=True)

        self.preview_button = QPushButton(self.tr("预览/打印"))
        self.reprint_button = QPushButton(self.tr("补打"))
        self.void_button = QPushButton(self.tr("作废…"))
        self.events_button = QPushButton(self.tr("事件记录"))
        self.events_button.setToolTip(self.tr("签发、补打、作废的时间和操作员"))
        self.publicity_button = QPushButton(self.tr("公示名单…"))
        hide_unless(DELETE, self.void_button)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.type_filter)
        filters.addWidget(self.status_filter)
        period = QHBoxLayout()
        for widget in (self.period, self.date_from, QLabel(self.tr("至")), self.date_to):
            period.addWidget(widget)
        period.addStretch(1)
        period.addWidget(self.count_label)
        actions = QHBoxLayout()
        for button in (self.preview_button, self.reprint_button, self.void_button, self.events_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.publicity_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(filters)
        layout.addLayout(period)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        self.search.textChanged.connect(self.apply_filter)
        self.type_filter.currentIndexChanged.connect(self.apply_filter)
        self.status_filter.currentIndexChanged.connect(self.apply_filter)
        self.period.toggled.connect(self._period_toggled)
        self.date_from.dateChanged.connect(self.apply_filter)
        self.date_to.dateChanged.connect(self.apply_filter)
        self.table.doubleClicked.connect(lambda _index: self.preview_selected())
        table_actions(self.table).set_actions(open=self.preview_selected, print=self.reprint_selected)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.preview_button.clicked.connect(self.preview_selected)
        self.reprint_button.clicked.connect(self.reprint_selected)
        self.void_button.clicked.connect(self.void_selected)
        self.events_button.clicked.connect(self.show_events)
        self.publicity_button.clicked.connect(self.publicity)
        self._selection_changed()

    # --- filtering ---------------------------------------------------------------------------------
    def _period_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.apply_filter()

    def apply_filter(self) -> None:
        period = self.period.isChecked()
        rows = cert_register.register(from_qdate(self.date_from.date()) if period else None,
                              from_qdate(self.date_to.date()) if period else None,
                              self.type_filter.currentData(), status=self.status_filter.currentData())
        text = self.search.text().strip()
        if text:
            members = set(search_ids(RosterFilter(text=text, include_deleted=True)))
            folded = text.upper()
            rows = [r for r in rows if r.member_id in members or folded in r.serial.upper()
                    or folded in r.verification_code]
        self.model.set_rows([line_of(r) for r in reversed(rows)])
        voided = sum(1 for r in rows if r.status != VALID)
        self.count_label.setText(self.tr("共 {0} 份（作废 {1} 份）").format(len(rows), voided))
        self._selection_changed()

    def refresh(self) -> None:
        self.apply_filter()

    def select_certificate(self, certificate_id: int) -> None:
        for row, line in enumerate(self.model.rows()):
            if line.id == certificate_id:
                self.table.selectRow(row)
                return

    # --- selection ---------------------------------------------------------------------------------
    def selected(self) -> list[RegisterLine]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.record(row) for row in rows]

    def _selection_changed(self) -> None:
        chosen = self.selected()
        one = len(chosen) == 1
        self.preview_button.setEnabled(one)
        self.events_button.setEnabled(one)
        self.void_button.setEnabled(one and chosen[0].status == VALID)
        self.reprint_button.setEnabled(bool(chosen) and all(c.status == VALID for c in chosen))

    # --- actions -----------------------------------------------------------------------------------
    def preview_selected(self) -> bool:
        chosen = self.selected()
        if len(chosen) != 1:
            return False
        line = chosen[0]
        try:
            pdf = certs.render(line.id)
        except CertificateRefused as exc:
            QMessageBox.warning(self, self.tr("预览"), shown(exc.message))
            return False
        self.preview = show_pdf(self, pdf, self.tr("{0} {1}").format(vocab(line.type), line.serial),
                                pdf_name(line.type, line.name, line.serial))
        return True

    def reprint_selected(self) -> bool:
        chosen = self.selected()
        if not chosen:
            return False
        try:
            pdf = certs.reprint_many([c.id for c in chosen])
        except CertificateRefused as exc:
            QMessageBox.warning(self, self.tr("补打"), shown(exc.message))
            return False
        first = chosen[0]
        if len(chosen) == 1:
            title, name = self.tr("补打 {0}").format(first.serial), pdf_name(first.type, first.name, first.serial,
                                                                            self.tr("补打"))
        else:
            title = self.tr("补打 {0} 份证书").format(len(chosen))
            name = pdf_name(self.tr("补打证书"), self.tr("{0}份").format(len(chosen)))
        self.preview = show_pdf(self, pdf, title, name)
        return True

    def void_selected(self) -> bool:
        chosen = self.selected()
        if len(chosen) != 1 or chosen[0].status != VALID:
            return False
        line = chosen[0]
        kept = self._kept_void_reason.pop(line.id, "")  # typed before a refusal
        reason, ok = QInputDialog.getText(
            self, self.tr("作废证书"),
            self.tr("作废 {0}（{1}，{2}）。\n作废后验证结果为“已作废”，编号不再使用，不能恢复。\n"
                    "作废原因（必填）：").format(line.serial, vocab(line.type), line.name), text=kept)
        if not ok:
            return False
        try:
            certs.void(line.id, reason, line.row.version)
        except CertificateRefused as exc:
            QMessageBox.warning(self, self.tr("不能作废"), shown(exc.message))
            return False
        except RecordChanged as exc:  # another PC changed it since the list was read: show it as it is now
            self._kept_void_reason[line.id] = reason
            QMessageBox.warning(self, self.tr("不能作废"), self.tr(
                "{0}，证书未作废。列表已刷新为最新内容，请核对后重新作废（已填写的原因会保留）。").format(shown(exc.message)))
            self.apply_filter()
            self.select_certificate(line.id)
            return False
        self.apply_filter()
        self.select_certificate(line.id)
        self.changed.emit()
        return True

    def show_events(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        self.dialog = EventsDialog(chosen[0].row, self)
        self.dialog.open()

    def publicity(self) -> PublicityDialog:
        dialog = PublicityDialog(self)
        self.dialog = dialog
        dialog.open()
        return dialog
