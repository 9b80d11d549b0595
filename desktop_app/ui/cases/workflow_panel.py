"""流程: the case's history and one button for each status the rules allow next (nothing else is
offered); each asks for confirmation and an optional note, and a refusal of the rules is shown."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.vocabulary import ACCEPTED, CLOSED, FAILED, FOLLOW_UP, IN_MEDIATION, SUCCEEDED, TERMINATED
from ...services.cases.case_form import CaseDetail
from ...services.cases.workflow import MAX_NOTE_LENGTH, CaseRefused, change_status
from ..i18n import shown, vocab
from ..id_table_model import Column
from ..rows_table_model import RowsTableModel
from .session_panels import moment_text
from .widgets import plain_table

FLOW = ((ACCEPTED,), (IN_MEDIATION,), (SUCCEEDED, FAILED, TERMINATED), (FOLLOW_UP,), (CLOSED,))


@dataclass(frozen=True)
class EventLine:
    at: str
    from_status: str
    to_status: str
    username: str
    note: str


class TransitionDialog(QDialog):
    """"将案件由“受理”转为“调解中”？" with a note (required for 终止)."""

    def __init__(self, from_status: str, to_status: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.to_status = to_status
        self.setWindowTitle(self.tr("办理：{0}").format(vocab(to_status)))
        layout = QVBoxLayout(self)
        question = QLabel(self.tr("将案件由“{0}”转为“{1}”？此操作将记入案件流程和操作日志。").format(
            vocab(from_status), vocab(to_status)))
        question.setWordWrap(True)
        layout.addWidget(question)
        required = to_status == TERMINATED
        layout.addWidget(QLabel(self.tr("终止原因（必填）") if required else self.tr("说明（可不填）")))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(80)
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(420, 220)

    def note_text(self) -> str:
        return self.note.toPlainText().strip()[:MAX_NOTE_LENGTH]


class WorkflowPanel(QWidget):
    changed = Signal()

    def __init__(self, prepare: Callable[[], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prepare = prepare
        self.case_id: int | None = None
        self.status = ""
        self.dialog: TransitionDialog | None = None
        self.labels = {IN_MEDIATION: self.tr("开始调解"), SUCCEEDED: self.tr("调解成功"),
                       FAILED: self.tr("调解不成功"), TERMINATED: self.tr("终止调解"), FOLLOW_UP: self.tr("转入回访"),
                       CLOSED: self.tr("结案")}
        self.path = QLabel()
        self.path.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #555555;")
        self.buttons: dict[str, QPushButton] = {}
        self.button_row = QHBoxLayout()
        self.next_label = QLabel(self.tr("下一步："))
        self.button_row.addWidget(self.next_label)
        for status, text in self.labels.items():
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, s=status: self.ask(s))
            self.buttons[status] = button
            self.button_row.addWidget(button)
        self.button_row.addStretch(1)
        self.model = RowsTableModel([Column(self.tr("时间"), "at"),
                                     Column(self.tr("原状态"), "from_status", words=True),
                                     Column(self.tr("新状态"), "to_status", words=True),
                                     Column(self.tr("操作员"), "username"), Column(self.tr("说明"), "note")])
        self.table = plain_table(self.model, (150, 90, 90, 100))
        layout = QVBoxLayout(self)
        layout.addWidget(self.path)
        layout.addLayout(self.button_row)
        layout.addWidget(self.hint)
        layout.addWidget(QLabel(self.tr("办理经过")))
        layout.addWidget(self.table, 1)

    def show_detail(self, detail: CaseDetail) -> None:
        self.case_id, self.status = detail.id, detail.status
        def mark(status: str) -> str:
            word = vocab(status)
            return f"<b style='color:#1f4e79'>[{word}]</b>" if status == detail.status else word

        steps = [" / ".join(mark(s) for s in group) for group in FLOW]
        self.path.setText(self.tr("办理流程：") + " → ".join(steps))
        self.next_label.setVisible(bool(detail.allowed_next))
        for status, button in self.buttons.items():
            button.setVisible(status in detail.allowed_next)
        if detail.deleted:
            self.hint.setText(self.tr("案件已删除，不能继续办理。"))
        elif not detail.allowed_next:
            self.hint.setText(self.tr("案件已结案。"))
        else:
            self.hint.setText(self.tr("只列出当前状态允许的下一步。"))
        self.model.set_rows([EventLine(moment_text(e.at), e.from_status or self.tr("（新建）"), e.to_status,
                                       e.username, e.note) for e in detail.events])

    def offered(self) -> list[str]:
        return [s for s, b in self.buttons.items() if not b.isHidden()]

    def ask(self, to_status: str) -> None:
        if self.case_id is None or not self._prepare():
            return
        self.dialog = TransitionDialog(self.status, to_status, self)
        self.dialog.accepted.connect(lambda: self.perform(to_status, self.dialog.note_text()))
        self.dialog.open()

    def perform(self, to_status: str, note: str = "") -> bool:
        if self.case_id is None:
            return False  # the buttons show only once a case is shown
        try:
            change_status(self.case_id, to_status, note)
        except CaseRefused as exc:
            QMessageBox.warning(self, self.tr("不能转为“{0}”").format(to_status), shown(exc.message))
            return False
        self.changed.emit()
        return True
