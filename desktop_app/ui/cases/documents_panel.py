"""文书: each document of the case's 卷宗 (in the official order) and the case summary, through the shared
preview-and-print dialog; beside a document the case has not reached yet stands the reason (and a click
says it). The whole
卷宗 is laid out in the background (ui/ops.py). Masked unless a legal original (申请书, 协议书, 口头协议登记表,
卷宗) is asked for with full identity, which needs an administrator's confirmation."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING

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
from ...services.accounts.roles import FULL_FORM
from ...services.cases.case_form import CaseDetail
from ...services.cases.document_data import (
    ACCEPTANCE,
    AGREEMENT,
    APPLICATION,
    CLOSING,
    DOCUMENT_KINDS,
    DOSSIER,
    FOLLOW_UP,
    FULL_IDENTITY_KINDS,
    INVESTIGATION,
    ORAL,
    RIGHTS,
    SESSION,
    SUMMARY,
    document_file_name,
    document_refusals,
    document_title,
    render_document,
)
from ...services.cases.workflow import CaseRefused
from ...services.progress import Progress
from ..admin_check import confirm_administrator
from ..i18n import shown, vocab
from ..ops import TaskRunner
from ..roles import hide_unless
from .session_panels import moment_text

if TYPE_CHECKING:
    from ..print_preview import PrintPreviewDialog

SESSION_RECORD = SESSION
# the documents' official titles (documents/case_common.py TITLES, as document_title gives them) marked so
# that the buttons can show them translated; the printed papers keep them in Chinese
DOCUMENT_TITLES = (
    QT_TRANSLATE_NOOP("Vocabulary", "人民调解申请书"),
    QT_TRANSLATE_NOOP("Vocabulary", "人民调解受理登记表"),
    QT_TRANSLATE_NOOP("Vocabulary", "治安调解受理登记表"),
    QT_TRANSLATE_NOOP("Vocabulary", "人民调解当事人权利义务告知书"),
    QT_TRANSLATE_NOOP("Vocabulary", "治安调解当事人权利义务告知书"),
    QT_TRANSLATE_NOOP("Vocabulary", "人民调解调查记录"),
    QT_TRANSLATE_NOOP("Vocabulary", "治安调解调查记录"),
    QT_TRANSLATE_NOOP("Vocabulary", "人民调解记录"),
    QT_TRANSLATE_NOOP("Vocabulary", "治安调解记录"),
    QT_TRANSLATE_NOOP("Vocabulary", "人民调解协议书"),
    QT_TRANSLATE_NOOP("Vocabulary", "治安调解协议书"),
    QT_TRANSLATE_NOOP("Vocabulary", "人民调解口头协议登记表"),
    QT_TRANSLATE_NOOP("Vocabulary", "人民调解回访记录"),
    QT_TRANSLATE_NOOP("Vocabulary", "治安调解回访记录"),
    QT_TRANSLATE_NOOP("Vocabulary", "人民调解结案报告表"),
    QT_TRANSLATE_NOOP("Vocabulary", "治安调解结案报告表"),
)


class DocumentsPanel(QWidget):
    def __init__(self, prepare: Callable[[], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prepare = prepare
        self.case_id: int | None = None
        self.preview: PrintPreviewDialog | None = None  # the preview dialog last opened
        self.runner: TaskRunner | None = None
        self.notes = {
            APPLICATION: self.tr("当事人申请调解时填写、签名"),
            ACCEPTANCE: self.tr("受理时登记，经当事人同意，当事人签名"),
            RIGHTS: self.tr("调解前告知当事人的权利和义务，当事人签名（必须）"),
            INVESTIGATION: self.tr("调查了解纠纷事实的记录"),
            SESSION: self.tr("每次调解的经过与结果"),
            AGREEMENT: self.tr("一式多份，当事人签名、按指印，加盖印章"),
            ORAL: self.tr("当事人采取口头协议方式时，记录协议内容"),
            FOLLOW_UP: self.tr("调解后的回访情况"),
            CLOSING: self.tr("结案时填写"),
            DOSSIER: self.tr("封面、卷内目录（页号）、全部文书、封底，一个PDF，供归档"),
            SUMMARY: self.tr("一页：案情、办理经过、结果、回访（本所工作用）"),
        }
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        self.reasons: dict[str, QLabel] = {}
        for row, kind in enumerate(DOCUMENT_KINDS):
            button = QPushButton(self.tr("{0}…").format(vocab(kind)))
            button.setMinimumWidth(280)
            button.clicked.connect(lambda _checked=False, k=kind: self.show_document(k))
            self.buttons[kind] = button
            reason = QLabel(self.notes.get(kind, ""))
            reason.setWordWrap(True)
            self.reasons[kind] = reason
            grid.addWidget(button, row, 0)
            grid.addWidget(reason, row, 1)
        self.session_choice = QComboBox()
        self.full_identity = QCheckBox(self.tr("打印原件：含完整身份证号、电话、住址（需管理员确认）"))
        self.full_identity.setToolTip(self.tr("适用于申请书、协议书、口头协议登记表和卷宗"))
        grid.addWidget(self.session_choice, DOCUMENT_KINDS.index(SESSION_RECORD), 2)
        grid.addWidget(self.full_identity, DOCUMENT_KINDS.index(AGREEMENT), 2)
        hide_unless(FULL_FORM, self.full_identity)
        grid.setColumnStretch(1, 1)
        hint = QLabel(self.tr("文书以本案的人民调解委员会（治安调解为本派出所）名义出具。身份证号、电话和住址默认隐去部分数字；"
                              "打印前会先保存表单中的修改。每次打印都记入操作日志。"))
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
        refusals = document_refusals(detail.id)
        for kind, button in self.buttons.items():
            title = vocab(document_title(detail.id, kind))
            button.setText(self.tr("{0}…").format(title))
            refusal = shown(refusals.get(kind, ""))
            button.setToolTip(refusal)
            self.reasons[kind].setText(self.tr("尚不能打印：{0}").format(refusal) if refusal else self.notes.get(kind, ""))
            self.reasons[kind].setStyleSheet("color: #777777;" if refusal else "")

    def _masked(self, kind: str) -> tuple[bool, str] | None:
        """(masked, administrator) for printing `kind`; None when the administrator check was cancelled."""
        if kind in FULL_IDENTITY_KINDS and self.full_identity.isChecked():
            title = vocab(document_title(self.case_id, kind)) if self.case_id is not None else vocab(kind)
            admin = confirm_administrator(self, self.tr("打印含完整身份信息的{0}原件").format(title)) or ""
            return (False, admin) if admin else None
        return True, ""

    def show_document(self, kind: str) -> bool:
        case_id = self.case_id
        if case_id is None or not self._prepare():
            return False
        chosen = self._masked(kind)
        if chosen is None:
            return False
        masked, admin = chosen
        if kind == DOSSIER:
            return self._build_dossier(case_id, masked, admin)
        session = self.session_choice.currentData() if kind == SESSION_RECORD else None
        acting = audit.acting_as(admin) if admin else contextlib.nullcontext()
        try:
            with acting:
                pdf = render_document(case_id, kind, masked=masked, session_index=session)
        except CaseRefused as exc:
            QMessageBox.information(self, vocab(document_title(case_id, kind)), shown(exc.message))
            return False
        self._preview(case_id, pdf, kind)
        return True

    def _preview(self, case_id: int, pdf: bytes, kind: str) -> None:
        from ..print_preview import preview_pdf

        title = vocab(document_title(case_id, kind))
        self.preview = preview_pdf(self, pdf, self.tr("打印{0}").format(title), document_file_name(case_id, kind))

    def _build_dossier(self, case_id: int, masked: bool, admin: str) -> bool:
        if self.runner is not None:
            return False

        def work(progress: Progress) -> bytes:
            acting = audit.acting_as(admin) if admin else contextlib.nullcontext()
            with acting:
                return render_document(case_id, DOSSIER, masked=masked, progress=progress)

        self.runner = TaskRunner(self, self.tr("生成卷宗"), work, expected=(CaseRefused,))
        self.runner.finished.connect(self._runner_finished)
        self.runner.done.connect(lambda pdf: self._preview(case_id, pdf, DOSSIER))
        self.runner.error.connect(lambda exc: QMessageBox.information(self, vocab(DOSSIER), shown(exc.message)))
        self.runner.start()
        return True

    def _runner_finished(self) -> None:
        self.runner = None
