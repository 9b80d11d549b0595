"""文书: each of the case's documents through the shared preview-and-print dialog. Masked unless the
调解协议书 original is asked for with full identity, which needs an administrator's confirmation."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.i18n import QT_TRANSLATE_NOOP
from ...services import audit
from ...services.cases.case_form import CaseDetail
from ...services.cases.document_data import DOCUMENT_KINDS, document_file_name, render_document
from ...services.cases.workflow import CaseRefused
from ...services.session import FULL_FORM
from ..admin_check import confirm_administrator
from ..i18n import shown, vocab
from ..roles import hide_unless
from .session_panels import moment_text

AGREEMENT = QT_TRANSLATE_NOOP("Vocabulary", "调解协议书")
SESSION_RECORD = QT_TRANSLATE_NOOP("Vocabulary", "调解记录")


class DocumentsPanel(QWidget):
    def __init__(self, prepare: Callable[[], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prepare = prepare
        self.case_id: int | None = None
        self.preview = None  # the preview dialog last opened
        notes = {
            "受理登记表": self.tr("案件受理时填写的登记表"),
            "调解记录": self.tr("每次调解的经过与结果"),
            "调解协议书": self.tr("人民调解或治安调解协议书，一式多份，当事人签名、按指印"),
            "回访记录": self.tr("调解后的回访情况"),
            "案件摘要": self.tr("一页：案情、办理经过、结果、回访"),
        }
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for row, kind in enumerate(DOCUMENT_KINDS):
            button = QPushButton(self.tr("{0}…").format(vocab(kind)))
            button.setMinimumWidth(140)
            button.clicked.connect(lambda _checked=False, k=kind: self.show_document(k))
            self.buttons[kind] = button
            grid.addWidget(button, row, 0)
            grid.addWidget(QLabel(notes.get(kind, "")), row, 1)
        self.session_choice = QComboBox()
        self.full_identity = QCheckBox(self.tr("打印原件：含完整身份证号、电话、住址（需管理员确认）"))
        grid.addWidget(self.session_choice, DOCUMENT_KINDS.index(SESSION_RECORD), 2)
        grid.addWidget(self.full_identity, DOCUMENT_KINDS.index(AGREEMENT), 2)
        hide_unless(FULL_FORM, self.full_identity)
        grid.setColumnStretch(1, 1)
        hint = QLabel(self.tr("文书中的身份证号、电话和住址默认隐去部分数字；打印前会先保存表单中的修改。"
                              "每次打印都记入操作日志。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555555;")
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(hint)
        layout.addStretch(1)

    def show_detail(self, detail: CaseDetail) -> None:
        self.case_id = detail.id
        current = self.session_choice.currentData()
        self.session_choice.clear()
        self.session_choice.addItem(self.tr("全部调解记录"), None)
        for index, session in enumerate(detail.sessions):
            self.session_choice.addItem(self.tr("第{0}次（{1}）").format(index + 1, moment_text(session.held_at)),
                                        index)
        self.session_choice.setCurrentIndex(max(self.session_choice.findData(current), 0))

    def show_document(self, kind: str) -> bool:
        if self.case_id is None or not self._prepare():
            return False
        masked = True
        admin = ""
        if kind == AGREEMENT and self.full_identity.isChecked():
            admin = confirm_administrator(self, self.tr("打印含完整身份信息的调解协议书原件")) or ""
            if not admin:
                return False
            masked = False
        session = self.session_choice.currentData() if kind == SESSION_RECORD else None
        acting = audit.acting_as(admin) if admin else contextlib.nullcontext()
        try:
            with acting:
                pdf = render_document(self.case_id, kind, masked=masked, session_index=session)
        except CaseRefused as exc:
            QMessageBox.information(self, vocab(kind), shown(exc.message))
            return False
        from ..print_preview import preview_pdf

        self.preview = preview_pdf(self, pdf, self.tr("打印{0}").format(vocab(kind)),
                                   document_file_name(self.case_id, kind))
        return True
