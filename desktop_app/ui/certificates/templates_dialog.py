"""证书模板: per type, the templates with their name, wording (placeholders listed beside it, mistakes
said at the field as you type), border style, default flag and own seal; 恢复默认 puts the shipped wording
back in the form; the office's seal (used by every template without its own) below."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.vocabulary import CERTIFICATE_TYPES
from ...services.certificates import templates as cert_templates
from ...services.certificates.errors import CertificateRefused
from ...services.clients.versions import RecordChanged
from ..cases.widgets import FieldGrid
from ..i18n import shown, vocab
from ..ops import SETTINGS, announce_on
from ..record_changed import RecordChangedBanner
from ..widgets.table_actions import save_shortcut
from .common import MUTED_STYLE, MessageLine

_KEEP = object()


def placeholder_table(items: dict[str, str], columns: int = 2) -> str:
    """The placeholders and what they stand for, in rows of `columns` pairs (rich text)."""
    cells = [f"<td style='padding-right:6px'>{{{escape(key)}}}</td><td style='padding-right:18px'>{escape(label)}</td>"
             for key, label in items.items()]
    rows = ["".join(cells[i:i + columns]) for i in range(0, len(cells), columns)]
    return "<table>" + "".join(f"<tr>{row}</tr>" for row in rows) + "</table>"


def read_png(parent: QWidget, title: str) -> bytes | None:
    from PySide6.QtWidgets import QFileDialog

    chosen, _ = QFileDialog.getOpenFileName(
        parent, title, "", QCoreApplication.translate("TemplatesDialog", "PNG 图片 (*.png)"))
    return Path(chosen).read_bytes() if chosen else None


class TemplatesDialog(QDialog):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        announce_on(self.changed, {SETTINGS}, self)
        self.setWindowTitle(self.tr("证书模板与印章"))
        self.resize(760, 700)
        self.editing_id: int | None = None
        self.version: int | None = None  # the loaded template's, carried back by the save
        self.pending_seal: Any = _KEEP  # bytes (new seal), None (remove), or _KEEP
        self.has_seal = False
        self.choose_png = read_png  # replaced in tests

        self.cert_type = QComboBox()
        for cert_type in CERTIFICATE_TYPES:
            self.cert_type.addItem(vocab(cert_type), cert_type)
        self.template = QComboBox()
        self.template.setMinimumWidth(220)
        self.new_button = QPushButton(self.tr("新建模板"))
        self.delete_button = QPushButton(self.tr("删除模板"))
        top = QHBoxLayout()
        for widget in (QLabel(self.tr("证书类别")), self.cert_type, QLabel(self.tr("模板")), self.template,
                       self.new_button, self.delete_button):
            top.addWidget(widget)
        top.addStretch(1)

        self.name = QLineEdit()
        self.name.setMaxLength(cert_templates.MAX_TEMPLATE_NAME)
        self.wording = QPlainTextEdit()
        self.wording.setMinimumHeight(150)
        self.placeholder_help = QLabel(placeholder_table(cert_templates.placeholders()))
        self.placeholder_help.setStyleSheet(MUTED_STYLE)
        self.insert_placeholder = QComboBox()
        self.insert_placeholder.addItem(self.tr("插入占位符…"), None)
        for key in cert_templates.placeholders():
            self.insert_placeholder.addItem(shown(cert_templates.placeholder_word(key)), key)
        self.readable = QLabel()
        self.readable.setWordWrap(True)
        self.readable.setTextFormat(Qt.TextFormat.PlainText)
        self.border = QComboBox()
        for key, label in cert_templates.border_style_names().items():
            self.border.addItem(label, key)
        self.is_default = QCheckBox(self.tr("设为该类别的默认模板"))
        self.seal_state = QLabel()
        self.seal_button = QPushButton(self.tr("选择PNG…"))
        self.seal_clear = QPushButton(self.tr("清除"))
        seal = QWidget()
        seal_row = QHBoxLayout(seal)
        seal_row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.seal_state, self.seal_button, self.seal_clear):
            seal_row.addWidget(widget)
        seal_row.addStretch(1)

        form = QGroupBox(self.tr("模板内容"))
        grid = QGridLayout(form)
        self.fields = FieldGrid(grid)
        self.fields.add("name", self.tr("名称"), self.name, 0)
        self.fields.add("wording", self.tr("措辞"), self.wording, 1)
        caption = QLabel(self.tr("可用占位符"))
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(caption, 2, 0)
        helps = QWidget()
        helps_column = QVBoxLayout(helps)
        helps_column.setContentsMargins(0, 0, 0, 0)
        helps_column.addWidget(self.insert_placeholder, 0, Qt.AlignmentFlag.AlignLeft)
        helps_column.addWidget(self.readable)
        helps_column.addWidget(self.placeholder_help)
        grid.addWidget(helps, 2, 1)
        wording_hint = QLabel(self.tr("每行是一个段落；以“：”结尾的称呼行不缩进。签发时占位符换成实际内容。"))
        wording_hint.setWordWrap(True)
        wording_hint.setStyleSheet(MUTED_STYLE)
        grid.addWidget(wording_hint, 3, 1)
        self.fields.add("border", self.tr("边框样式"), self.border, 4)
        self.fields.add("default", "", self.is_default, 5)
        self.fields.add("seal", self.tr("本模板印章"), seal, 6)
        grid.setColumnStretch(1, 1)

        self.office_state = QLabel()
        self.office_button = QPushButton(self.tr("选择PNG…"))
        self.office_clear = QPushButton(self.tr("清除"))
        office = QGroupBox(self.tr("单位印章（用于没有自己印章的模板）"))
        office_row = QHBoxLayout(office)
        for widget in (self.office_state, self.office_button, self.office_clear):
            office_row.addWidget(widget)
        office_row.addStretch(1)
        seal_hint = QLabel(self.tr("印章应为透明背景的PNG图片，盖在落款单位名称上。"))
        seal_hint.setStyleSheet(MUTED_STYLE)

        self.message = MessageLine()
        self.reset_button = QPushButton(self.tr("恢复默认"))
        self.reset_button.setToolTip(self.tr("填入程序自带的措辞和边框，按“保存”后生效"))
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setDefault(True)
        self.close_button = QPushButton(self.tr("关闭"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(form, 1)
        layout.addWidget(office)
        layout.addWidget(seal_hint)
        layout.addWidget(self.message)
        self.changed_banner = RecordChangedBanner()
        layout.addWidget(self.changed_banner)
        layout.addLayout(buttons)

        self.cert_type.currentIndexChanged.connect(lambda _i: self.load_templates())
        self.template.currentIndexChanged.connect(lambda _i: self.load_template(self.template.currentData()))
        self.new_button.clicked.connect(self.start_new)
        self.delete_button.clicked.connect(self.delete)
        self.wording.textChanged.connect(self.check)
        self.wording.textChanged.connect(self._show_readable)
        self.insert_placeholder.activated.connect(self._insert_placeholder)
        self.seal_button.clicked.connect(self.choose_seal)
        self.seal_clear.clicked.connect(self.clear_seal)
        self.office_button.clicked.connect(self.choose_office_seal)
        self.office_clear.clicked.connect(self.clear_office_seal)
        self.reset_button.clicked.connect(self.reset)
        self.save_button.clicked.connect(self.save)
        save_shortcut(self, self.save)
        self.close_button.clicked.connect(self.accept)
        self.load_templates()
        self._show_office_seal()

    # --- loading -----------------------------------------------------------------------------------
    def type_(self) -> str:
        return self.cert_type.currentData()

    def load_templates(self, select: int | None = None) -> None:
        self.template.blockSignals(True)
        self.template.clear()
        for template in cert_templates.list_templates(self.type_()):
            self.template.addItem(template.name + (self.tr("（默认）") if template.is_default else ""), template.id)
        self.template.setCurrentIndex(max(self.template.findData(select), 0))
        self.template.blockSignals(False)
        self.load_template(self.template.currentData())

    def load_template(self, template_id: int | None) -> None:
        self.message.clear_message()
        self.fields.clear_errors()
        self.changed_banner.clear_refusal()
        if template_id is None:
            return
        template = cert_templates.get_template(template_id)
        self.editing_id, self.version = template.id, template.version
        self.name.setText(template.name)
        self.wording.setPlainText(template.wording)
        self.border.setCurrentIndex(max(self.border.findData(template.border_style), 0))
        self.is_default.setChecked(template.is_default)
        self.is_default.setEnabled(not template.is_default)
        self.delete_button.setEnabled(not template.is_default)
        self.has_seal, self.pending_seal = template.has_seal, _KEEP
        self._show_seal()

    def _show_seal(self) -> None:
        has = self.has_seal if self.pending_seal is _KEEP else self.pending_seal is not None
        self.seal_state.setText(self.tr("已设置") if has else self.tr("未设置（使用单位印章）"))
        self.seal_clear.setEnabled(has)

    def _show_office_seal(self) -> None:
        has = cert_templates.office_seal() is not None
        self.office_state.setText(self.tr("已设置") if has else self.tr("未设置（证书上不盖印章）"))
        self.office_clear.setEnabled(has)

    # --- editing -----------------------------------------------------------------------------------
    def start_new(self) -> None:
        self.message.clear_message()
        self.fields.clear_errors()
        self.changed_banner.clear_refusal()
        self.editing_id, self.version = None, None
        self.name.setText(self.tr("新{0}模板").format(self.type_()))
        self.is_default.setChecked(False)
        self.is_default.setEnabled(True)
        self.delete_button.setEnabled(False)
        self.has_seal, self.pending_seal = False, _KEEP
        self._show_seal()
        self.message.ok(self.tr("新模板：已复制当前措辞，修改后按“保存”"))
        self.name.setFocus()
        self.name.selectAll()

    def _show_readable(self) -> None:
        """The wording as it reads, each placeholder in its Chinese words."""
        text = cert_templates.readable_wording(self.wording.toPlainText())
        self.readable.setText(self.tr("读作：{0}").format(text))

    def _insert_placeholder(self, index: int) -> None:
        key = self.insert_placeholder.itemData(index)
        self.insert_placeholder.setCurrentIndex(0)
        if key:
            self.wording.insertPlainText("{" + key + "}")
            self.wording.setFocus()

    def check(self) -> bool:
        problems = cert_templates.check_wording(self.wording.toPlainText())
        if problems:
            self.fields.messages["wording"].show_error("；".join(shown(p) for p in problems))
        else:
            self.fields.messages["wording"].clear_error()
        return not problems

    def reset(self) -> None:
        values = cert_templates.builtin_template(self.type_())
        self.wording.setPlainText(values["wording"])
        self.border.setCurrentIndex(max(self.border.findData(values["border_style"]), 0))
        self.message.ok(self.tr("已填入程序自带的措辞和边框，按“保存”后生效"))

    def choose_seal(self) -> None:
        data = self.choose_png(self, self.tr("选择本模板的印章图片"))
        if data is None:
            return
        try:
            cert_templates.check_seal_image(data)
        except CertificateRefused as exc:
            self.fields.messages["seal"].show_error(exc.message)
            return
        self.fields.messages["seal"].clear_error()
        self.pending_seal = data
        self._show_seal()

    def clear_seal(self) -> None:
        self.pending_seal = None
        self._show_seal()

    def save(self) -> bool:
        self.message.clear_message()
        self.fields.clear_errors()
        if not self.check():
            return False
        extra = {} if self.pending_seal is _KEEP else {"seal_image": self.pending_seal}
        try:
            saved = cert_templates.save_template(self.editing_id, self.type_(), self.name.text(), self.wording.toPlainText(),
                                        self.border.currentData(), is_default=self.is_default.isChecked(),
                                        version=self.version, **extra)
        except RecordChanged as exc:  # another PC saved it since: keep what was typed, say who and when
            self.changed_banner.refused(exc)
            self.version = exc.current_version  # saving again is a deliberate overwrite
            return False
        except CertificateRefused as exc:
            key = "name" if "名称" in exc.message else "wording" if "占位符" in exc.message else None
            if key:
                self.fields.messages[key].show_error(exc.message)
            self.message.error(exc.message)
            return False
        self.changed_banner.clear_refusal()
        self.load_templates(select=saved.id)
        self.message.ok(self.tr("模板“{0}”已保存").format(saved.name))
        self.changed.emit()
        return True

    def delete(self) -> bool:
        if self.editing_id is None:
            return False
        answer = QMessageBox.question(self, self.tr("删除模板"), self.tr("确定删除模板“{0}”吗？已签发的证书不受影响。")
                                      .format(self.name.text()))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            cert_templates.delete_template(self.editing_id)
        except CertificateRefused as exc:
            self.message.error(exc.message)
            return False
        self.load_templates()
        self.changed.emit()
        return True

    # --- the office's seal -------------------------------------------------------------------------
    def choose_office_seal(self) -> None:
        data = self.choose_png(self, self.tr("选择单位印章图片"))
        if data is None:
            return
        self._set_office_seal(data)

    def clear_office_seal(self) -> None:
        self._set_office_seal(None)

    def _set_office_seal(self, data: bytes | None) -> None:
        try:
            cert_templates.set_office_seal(data)
        except CertificateRefused as exc:
            self.message.error(exc.message)
            return
        self._show_office_seal()
        self.message.ok(self.tr("单位印章已更换") if data else self.tr("单位印章已清除"))
        self.changed.emit()
