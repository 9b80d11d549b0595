"""Pieces the 证书打印 screens share: dates between Qt and Python, a date box, a red/green message line,
suggested titles, file names for the preview's 另存为, and showing a PDF in the shared preview dialog."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QDateEdit, QLabel, QWidget

from ...domain.i18n import QT_TRANSLATE_NOOP
from ...domain.vocabulary import APPOINTMENT, CARD, HONOUR, SERVICE_PROOF
from ...services.files.usb_export import safe_file_name
from .. import print_preview
from ..field_errors import ERROR_STYLE
from ..i18n import shown

OK_STYLE = "color: #1e7e34;"
MUTED_STYLE = "color: #555555;"
TITLE_SUGGESTIONS = ("优秀义警", "金牌调解员", "优秀调解员", "先进个人", "优秀队长", "护学岗之星", "最美义警",
                     "优秀志愿者")
PERIOD_LABELS = {APPOINTMENT: QT_TRANSLATE_NOOP("Certificates", "聘期"),
                 SERVICE_PROOF: QT_TRANSLATE_NOOP("Certificates", "服务期间"),
                 CARD: QT_TRANSLATE_NOOP("Certificates", "有效期"),
                 HONOUR: QT_TRANSLATE_NOOP("Certificates", "期间")}


def period_label(cert_type: str) -> str:
    """What the period is called on a certificate of this type (聘期, 有效期 …), as the form shows it."""
    label = PERIOD_LABELS.get(cert_type, PERIOD_LABELS[HONOUR])
    return QCoreApplication.translate("Certificates", label)


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def date_edit(day: date | None = None) -> QDateEdit:
    edit = QDateEdit(to_qdate(day or date.today()))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class MessageLine(QLabel):
    """A line under a form: red for a refusal, green when done; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()

    def error(self, text: str) -> None:
        self.setStyleSheet(ERROR_STYLE)
        self.setText(shown(text))
        self.show()

    def ok(self, text: str) -> None:
        self.setStyleSheet(OK_STYLE)
        self.setText(text)
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()

    def is_error(self) -> bool:
        return self.isVisible() and self.styleSheet() == ERROR_STYLE


def pdf_name(*parts: str) -> str:
    return safe_file_name("-".join(p for p in parts if p) + ".pdf")


def show_pdf(parent: QWidget, pdf: bytes, title: str, suggested_name: str):
    """The shared preview-and-print dialog (looked up at call time, so tests can stand in for it)."""
    return print_preview.preview_pdf(parent, pdf, title, suggested_name)
