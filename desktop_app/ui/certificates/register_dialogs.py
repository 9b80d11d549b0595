"""The register's small dialogs: a certificate's events (签发, 补打, 作废 with reason) and the 公示 list's
period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...domain.vocabulary import CERTIFICATE_TYPES
from ...services.certificates import register as cert_register
from ...services.certificates.errors import CertificateRefused
from ..cases.widgets import plain_table
from ..i18n import vocab
from ..id_table_model import Column
from ..rows_table_model import RowsTableModel
from .common import MUTED_STYLE, MessageLine, date_edit, from_qdate, pdf_name, show_pdf


@dataclass(frozen=True)
class EventLine:
    at: str
    action: str
    username: str
    reason: str


class EventsDialog(QDialog):
    def __init__(self, row: cert_register.CertificateRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("证书记录：{0}").format(row.serial))
        self.resize(620, 320)
        self.model = RowsTableModel([Column(self.tr("时间"), "at"), Column(self.tr("事项"), "action"),
                                     Column(self.tr("操作员"), "username"), Column(self.tr("原因"), "reason")])
        self.model.set_rows([EventLine(f"{e.at:%Y-%m-%d %H:%M}", e.action, e.username or "—",
                                       e.reason) for e in cert_register.events(row.id)])
        table = plain_table(self.model, (150, 70, 110))
        heading = QLabel(self.tr("{0}　{1}　{2}　状态：{3}").format(vocab(row.type), row.serial, row.name,
                                                               vocab(row.status)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)


class PublicityDialog(QDialog):
    """The period of the 公示 list, the first day of posting, which types; 生成 opens the preview."""

    def __init__(self, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("证书颁发公示名单"))
        self.setMinimumWidth(440)
        self.preview = None
        today = today or date.today()
        self.date_from = date_edit(today.replace(day=1))
        self.date_to = date_edit(today)
        self.posted_on = date_edit(today)
        self.all_types = QCheckBox(self.tr("也列出志愿服务证明和义警证"))
        hint = QLabel(self.tr("默认只列出荣誉证书和聘书；已作废的证书不列出。公示期七天，自张贴之日起算。"))
        hint.setWordWrap(True)
        hint.setStyleSheet(MUTED_STYLE)
        self.message = MessageLine()
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("签发日期")), 0, 0)
        grid.addWidget(self.date_from, 0, 1)
        grid.addWidget(QLabel(self.tr("至")), 0, 2)
        grid.addWidget(self.date_to, 0, 3)
        grid.addWidget(QLabel(self.tr("张贴日期")), 1, 0)
        grid.addWidget(self.posted_on, 1, 1)
        grid.addWidget(self.all_types, 2, 1, 1, 3)
        grid.setColumnStretch(4, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("生成并预览"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.make)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def make(self) -> bool:
        start, end = from_qdate(self.date_from.date()), from_qdate(self.date_to.date())
        types = CERTIFICATE_TYPES if self.all_types.isChecked() else cert_register.PUBLICITY_TYPES
        try:
            pdf = cert_register.publicity_pdf(start, end, posted_on=from_qdate(self.posted_on.date()), cert_types=types)
        except CertificateRefused as exc:
            self.message.error(exc.message)
            return False
        self.accept()
        self.preview = show_pdf(self.parentWidget() or self, pdf, self.tr("打印公示名单"),
                                pdf_name(self.tr("证书公示名单"), f"{start:%Y%m%d}", f"{end:%Y%m%d}"))
        return True
