"""签发证书: a member, the type and its template, what the type needs (title and reason; the period with,
for a 志愿服务证明, the member's recorded hours in it), the date; 预览 (nothing stored) and 签发 (numbered,
recorded, then shown for printing). A rule's refusal is said in red under the form."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.vocabulary import CERTIFICATE_TYPES, HONOUR, SERVICE_PROOF
from ...services.certificates import content as cert_content
from ...services.certificates import issuing as certs
from ...services.certificates import templates as cert_templates
from ...services.certificates.errors import CertificateRefused
from ...services.records.service_hours import format_hours, service_record
from ..cases.widgets import FieldGrid
from ..i18n import shown, vocab
from ..ops import CERTIFICATES, announce_on
from .common import (
    MUTED_STYLE,
    TITLE_SUGGESTIONS,
    MessageLine,
    date_edit,
    from_qdate,
    pdf_name,
    period_label,
    show_pdf,
    to_qdate,
)
from .member_picker import MemberPicker


class IssuePanel(QWidget):
    issued = Signal(int)  # the new certificate's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        announce_on(self.issued, {CERTIFICATES}, self)
        self.preview = None  # the preview dialog last opened
        self.last_issued: certs.IssuedCertificate | None = None
        self.picker = MemberPicker()
        self.cert_type = QComboBox()
        for cert_type in CERTIFICATE_TYPES:
            self.cert_type.addItem(vocab(cert_type), cert_type)
        self.template = QComboBox()
        self.title = QComboBox()
        self.title.setEditable(True)
        self.title.addItems(TITLE_SUGGESTIONS)
        title_edit = self.title.lineEdit()
        assert title_edit is not None  # an editable combo box has one
        title_edit.setMaxLength(cert_content.MAX_TITLE)
        self.reason = QLineEdit()
        self.reason.setMaxLength(cert_content.MAX_REASON)
        self.reason.setPlaceholderText(self.tr("如 2024年度护学岗志愿服务工作"))
        self.reason.setToolTip(self.tr("空白时写“本年度义警志愿服务工作”"))
        self.date_from = date_edit()
        self.date_to = date_edit()
        period = QWidget()
        period_row = QHBoxLayout(period)
        period_row.setContentsMargins(0, 0, 0, 0)
        period_row.addWidget(self.date_from)
        period_row.addWidget(QLabel(self.tr("至")))
        period_row.addWidget(self.date_to)
        period_row.addStretch(1)
        self.service = QLabel()
        self.service.setWordWrap(True)
        self.handler = QLineEdit()
        self.handler.setMaxLength(30)
        self.handler.setPlaceholderText(self.tr("空白时为当前操作员"))
        self.issued_on = date_edit()

        grid = QGridLayout()
        self.fields = FieldGrid(grid)
        for row, (key, label, widget) in enumerate((
            ("member", self.tr("队员"), self.picker), ("type", self.tr("证书类别"), self.cert_type),
            ("template", self.tr("模板"), self.template), ("title", self.tr("荣誉称号"), self.title),
            ("reason", self.tr("表彰事由"), self.reason), ("period", self.tr("期间"), period),
            ("service", self.tr("服务记录"), self.service), ("handler", self.tr("经办人"), self.handler),
            ("issued_on", self.tr("签发日期"), self.issued_on),
        )):
            self.fields.add(key, label, widget, row)
        grid.setColumnStretch(1, 1)

        self.message = MessageLine()
        hint = QLabel(self.tr("预览不编号、不登记；签发后生成编号和验证码，记入登记簿，并打开打印预览。"))
        hint.setWordWrap(True)
        hint.setStyleSheet(MUTED_STYLE)
        self.preview_button = QPushButton(self.tr("预览"))
        self.issue_button = QPushButton(self.tr("签发"))
        self.issue_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.issue_button)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.message)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addStretch(1)

        self.picker.member_changed.connect(lambda _id: self._defaults_changed())
        self.cert_type.currentIndexChanged.connect(self._type_changed)
        self.issued_on.dateChanged.connect(lambda _d: self._defaults_changed())
        self.date_from.dateChanged.connect(lambda _d: self._show_service())
        self.date_to.dateChanged.connect(lambda _d: self._show_service())
        self.preview_button.clicked.connect(self.preview_certificate)
        self.issue_button.clicked.connect(self.issue)
        self._type_changed()

    # --- state ---------------------------------------------------------------------------------------
    def type_(self) -> str:
        return self.cert_type.currentData()

    def set_type(self, cert_type: str) -> None:
        self.cert_type.setCurrentIndex(max(self.cert_type.findData(cert_type), 0))

    def refresh(self) -> None:
        """Templates may have changed in the 模板 dialog."""
        self._load_templates()

    def _load_templates(self) -> None:
        current = self.template.currentData()
        self.template.clear()
        for template in cert_templates.list_templates(self.type_()):
            label = template.name + (self.tr("（默认）") if template.is_default else "")
            self.template.addItem(label, template.id)
        self.template.setCurrentIndex(max(self.template.findData(current), 0))

    def _show_field(self, key: str, visible: bool) -> None:
        self.fields.labels[key].setVisible(visible)
        box = self.fields.widgets[key].parentWidget()
        assert box is not None  # FieldGrid.add puts each field in a box with its message
        box.setVisible(visible)

    def _type_changed(self) -> None:
        cert_type = self.type_()
        self._load_templates()
        self._show_field("title", cert_type == HONOUR)
        self._show_field("reason", cert_type == HONOUR)
        self._show_field("period", cert_type != HONOUR)
        self._show_field("service", cert_type == SERVICE_PROOF)
        self._show_field("handler", cert_type == SERVICE_PROOF)
        self.fields.labels["period"].setText(period_label(cert_type))
        self._defaults_changed()

    def _defaults_changed(self) -> None:
        """The period the service would give (for the chosen member, type and date), then the hours."""
        self.message.clear_message()
        self.fields.clear_errors()
        start, end = cert_content.default_period(self.picker.member_id(), self.type_(), from_qdate(self.issued_on.date()))
        for edit, day in ((self.date_from, start), (self.date_to, end)):
            edit.blockSignals(True)
            edit.setDate(to_qdate(day or date.today()))
            edit.blockSignals(False)
        self._show_service()

    def _show_service(self) -> None:
        if self.type_() != SERVICE_PROOF:
            return
        member_id = self.picker.member_id()
        if member_id is None:
            self.service.setStyleSheet(MUTED_STYLE)
            self.service.setText(self.tr("请先选择队员"))
            return
        start, end = from_qdate(self.date_from.date()), from_qdate(self.date_to.date())
        if end < start:
            self.service.setStyleSheet("color: #c0392b;")
            self.service.setText(self.tr("结束日期不能早于开始日期"))
            return
        record = service_record(member_id, start, end)
        if record.total_hours <= 0:
            self.service.setStyleSheet("color: #c0392b;")
            self.service.setText(self.tr("所选期间没有登记的服务时长，不能出具志愿服务证明"))
            return
        self.service.setStyleSheet("")
        self.service.setText(self.tr("累计 {0} 小时：{1}").format(format_hours(record.total_hours), record.content))

    def values(self) -> dict[str, Any]:
        cert_type = self.type_()
        honour = cert_type == HONOUR
        handler = self.handler.text().strip()
        return dict(
            title=self.title.currentText().strip() if honour else "",
            reason=self.reason.text().strip() if honour else "",
            period_from=None if honour else from_qdate(self.date_from.date()),
            period_to=None if honour else from_qdate(self.date_to.date()),
            template_id=self.template.currentData(), issued_on=from_qdate(self.issued_on.date()),
            handler=handler if cert_type == SERVICE_PROOF and handler else None,
        )

    # --- actions -------------------------------------------------------------------------------------
    def _member_or_say(self) -> int | None:
        self.message.clear_message()
        self.fields.clear_errors()
        member_id = self.picker.member_id()
        if member_id is None:
            self.fields.messages["member"].show_error(self.tr("请先查找并选择一名队员"))
        return member_id

    def _refused(self, exc: CertificateRefused) -> None:
        text = shown(exc.message)
        if "荣誉称号" in text:
            self.fields.messages["title"].show_error(text)
            self.title.setFocus()
        else:
            self.message.error(text)

    def preview_certificate(self) -> bool:
        member_id = self._member_or_say()
        if member_id is None:
            return False
        cert_type = self.type_()
        try:
            pdf = certs.preview_certificate(member_id, cert_type, **self.values())
        except CertificateRefused as exc:
            self._refused(exc)
            return False
        member = self.picker.member()
        name = member.name if member else ""
        self.preview = show_pdf(self, pdf, self.tr("预览{0}（未签发）").format(cert_type),
                                pdf_name(cert_type, name, self.tr("预览")))
        return True

    def issue(self) -> certs.IssuedCertificate | None:
        member_id = self._member_or_say()
        if member_id is None:
            return None
        try:
            issued = certs.issue_certificate(member_id, self.type_(), **self.values())
        except CertificateRefused as exc:
            self._refused(exc)
            return None
        self.last_issued = issued
        self.message.ok(self.tr("已签发{0}：{1}，验证码 {2}").format(vocab(issued.type), issued.serial,
                                                               issued.verification_code))
        self.issued.emit(issued.id)
        self.preview = show_pdf(self, issued.pdf, self.tr("打印{0}").format(vocab(issued.type)),
                                pdf_name(issued.type, issued.name, issued.serial))
        return issued
