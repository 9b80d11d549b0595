"""纠纷调解 → 文书措辞 (a button of the register): each fixed clause of the dispute-mediation documents (chosen by document and clause),
its wording with the placeholders it may use, mistakes said as you type; 保存 (an administrator confirms),
恢复默认 for the clause shown or for all. Like the certificate templates."""

from __future__ import annotations

import contextlib
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services import audit
from ...services.cases.fields import CaseInvalid
from ...services.cases.wording import (
    WordingEntry,
    check_wording,
    reset_wording,
    save_wording,
    wording_entries,
)
from ..admin_check import confirm_administrator
from ..field_errors import ERROR_STYLE
from ..i18n import shown
from ..ops import SETTINGS, announce_on


class WordingDialog(QDialog):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, confirm: bool = True) -> None:
        super().__init__(parent)
        announce_on(self.changed, {SETTINGS}, self)
        self.setWindowTitle(self.tr("调解文书措辞"))
        self.resize(820, 560)
        self.confirm = confirm  # an administrator's name and password before each change
        self.entries: list[WordingEntry] = []
        intro = QLabel(self.tr("各调解文书中的固定条款。每一行是一个段落；{花括号}内为占位符，打印时填入。"
                               "修改须管理员确认；“恢复默认”恢复程序自带的措辞。"))
        intro.setWordWrap(True)
        self.clause = QComboBox()
        self.clause.currentIndexChanged.connect(self._show)
        self.text = QPlainTextEdit()
        self.text.textChanged.connect(self._check)
        self.placeholders = QLabel()
        self.placeholders.setTextFormat(Qt.TextFormat.RichText)
        self.placeholders.setWordWrap(True)
        self.state = QLabel()
        self.state.setStyleSheet("color: #555555;")
        self.message = QLabel()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("保存"))
        self.reset_button = QPushButton(self.tr("恢复默认"))
        self.reset_all_button = QPushButton(self.tr("全部恢复默认"))
        self.close_button = QPushButton(self.tr("关闭"))
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(lambda: self.reset(all_clauses=False))
        self.reset_all_button.clicked.connect(lambda: self.reset(all_clauses=True))
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.reset_all_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.clause)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.placeholders)
        layout.addWidget(self.state)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.reload()

    def reload(self, key: str | None = None) -> None:
        key = key or (self.current().key if self.entries else None)
        self.entries = wording_entries()
        self.clause.blockSignals(True)
        self.clause.clear()
        for entry in self.entries:
            mark = self.tr("（已修改）") if entry.changed else ""
            self.clause.addItem(f"{entry.document} · {entry.label}{mark}", entry.key)
        self.clause.setCurrentIndex(max(self.clause.findData(key), 0) if key else 0)
        self.clause.blockSignals(False)
        self._show()

    def current(self) -> WordingEntry:
        return self.entries[max(self.clause.currentIndex(), 0)]

    def _show(self) -> None:
        entry = self.current()
        self.text.setPlainText(entry.text)
        items = "、".join(f"{{{escape(k)}}} {escape(v)}" for k, v in entry.placeholders.items())
        self.placeholders.setText(self.tr("可用占位符：{0}").format(items) if items else self.tr("本条不使用占位符。"))
        self.state.setText(self.tr("本单位已修改（与默认措辞不同）") if entry.changed else self.tr("默认措辞"))
        self._check()

    def _check(self) -> None:
        problems = check_wording(self.current().key, self.text.toPlainText()) if self.entries else []
        self.message.setText("；".join(shown(p) for p in problems))
        self.message.setVisible(bool(problems))
        self.save_button.setEnabled(not problems)

    def _acting(self):
        if not self.confirm:
            return contextlib.nullcontext()
        admin = confirm_administrator(self, self.tr("修改调解文书措辞"))
        return audit.acting_as(admin) if admin else None

    def save(self) -> bool:
        acting = self._acting()
        if acting is None:
            return False
        key = self.current().key
        try:
            with acting:
                save_wording(key, self.text.toPlainText())
        except CaseInvalid as exc:
            self.message.setText("；".join(shown(e.message) for e in exc.errors))
            self.message.show()
            return False
        self.reload(key)
        self.changed.emit()
        return True

    def reset(self, all_clauses: bool) -> bool:
        if all_clauses:
            answer = QMessageBox.question(self, self.tr("全部恢复默认"), self.tr("把所有调解文书的措辞恢复为默认？"))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        acting = self._acting()
        if acting is None:
            return False
        key = self.current().key
        with acting:
            reset_wording(None if all_clauses else key)
        self.reload(key)
        self.changed.emit()
        return True
