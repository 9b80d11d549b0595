"""验证: the 8-character code printed on a certificate (or the text a QR scanner types) → 有效 in green,
已作废 in red with the date and reason, or 不存在; with the type, serial, masked name and issue date."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...domain.dates import format_date
from ...services.certificates import register as cert_register
from ..i18n import vocab

COLOURS = {cert_register.VERIFY_VALID: "#1e7e34", cert_register.VERIFY_VOID: "#c0392b", cert_register.VERIFY_UNKNOWN: "#7f8c8d"}


class VerifyBox(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("证书验证"), parent)
        self.result: cert_register.VerifyResult | None = None
        self.code = QLineEdit()
        self.code.setClearButtonEnabled(True)
        self.code.setMaxLength(120)
        self.code.setPlaceholderText(self.tr("输入证书上的8位验证码，或用扫码枪扫描二维码"))
        self.verify_button = QPushButton(self.tr("验证"))
        self.answer = QLabel(self.tr("验证结果显示在这里。"))
        self.answer.setWordWrap(True)
        self.answer.setStyleSheet("color: #555555;")
        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.answer)
        self.code.returnPressed.connect(self.verify)
        self.verify_button.clicked.connect(self.verify)

    def verify(self) -> cert_register.VerifyResult | None:
        text = self.code.text()
        if not text.strip():
            self.result = None
            self.answer.setStyleSheet("color: #c0392b;")
            self.answer.setText(self.tr("请输入验证码"))
            return None
        result = cert_register.verify(text)
        self.result = result
        self.answer.setStyleSheet("")
        self.answer.setText(self.describe(result))
        return result

    def describe(self, result: cert_register.VerifyResult) -> str:
        colour = COLOURS.get(result.status, "#000000")
        code_label = self.tr("验证码")
        status = escape(vocab(result.status))
        head = (f'<span style="color:{colour}; font-size:15pt; font-weight:bold;">{status}</span>'
                f'&nbsp;&nbsp;{escape(code_label)} {escape(result.code or "—")}')
        if result.status == cert_register.VERIFY_UNKNOWN:
            return head + "<br>" + escape(self.tr("本单位没有签发过这个验证码的证书，请核对后重新输入。"))
        lines = [
            self.tr("{0}　{1}").format(vocab(result.type), result.serial),
            self.tr("持证人：{0}　签发日期：{1}").format(
                result.name_masked, format_date(result.issued_on) if result.issued_on else ""),
        ]
        body = "<br>".join(escape(line) for line in lines)
        if result.status == cert_register.VERIFY_VOID:
            void = self.tr("作废日期：{0}　原因：{1}").format(
                format_date(result.voided_on) if result.voided_on else "", result.void_reason)
            body += f'<br><span style="color:{colour};">{escape(void)}</span>'
        return head + "<br>" + body
