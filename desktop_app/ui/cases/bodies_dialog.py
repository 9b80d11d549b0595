"""纠纷调解 → 调解组织与民警 (a button of the register): the 人民调解委员会 (name, number prefix with a sample number, default, in use, seal image)
in whose name 人民调解 cases are issued and sealed, the office's officers a 治安调解 主持人 is chosen from, and
— while there are any — the 人民调解 cases from before, waiting to be given to a 调委会 (their numbers stay)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services.cases.bodies import (
    KEEP,
    BodyInfo,
    Unchanged,
    assign_unassigned,
    list_bodies,
    list_officers,
    sample_number,
    save_body,
    save_officers,
    unassigned_count,
)
from ...services.cases.fields import CaseInvalid
from ...services.clients.versions import RecordChanged
from ..field_errors import ERROR_STYLE
from ..i18n import shown
from ..id_table_model import Column
from ..ops import CASES, SETTINGS, announce_on
from ..record_changed import RecordChangedBanner
from ..rows_table_model import RowsTableModel
from ..widgets.table_actions import save_shortcut
from .widgets import FieldGrid, line, plain_table


@dataclass(frozen=True)
class BodyLine:
    name: str
    prefix: str
    sample: str
    default: str
    state: str
    seal: str


class BodiesDialog(QDialog):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        announce_on(self.changed, {SETTINGS, CASES}, self)
        self.setWindowTitle(self.tr("调解组织与民警"))
        self.resize(860, 720)
        self.bodies: list[BodyInfo] = []
        self.editing: BodyInfo | None = None
        self.version: int | None = None  # the loaded body's, carried back by the save
        self._seal: bytes | Unchanged | None = KEEP

        intro = QLabel(self.tr("人民调解案件属于所选的人民调解委员会：其文书以调委会名义出具、加盖调委会印章，编号为"
                               "“（年）X人调字第N号”；治安调解案件以本派出所名义办理，编号前缀在“文件 → 单位信息”中设置。"))
        intro.setWordWrap(True)
        self.model = RowsTableModel([Column(self.tr("调解组织名称"), "name"), Column(self.tr("编号前缀"), "prefix"),
                                     Column(self.tr("编号示例"), "sample"), Column(self.tr("默认"), "default"),
                                     Column(self.tr("状态"), "state"), Column(self.tr("印章"), "seal")])
        self.table = plain_table(self.model, (240, 80, 200, 50, 60))
        self.table.selectionModel().selectionChanged.connect(self._selected)

        self.form_box = QGroupBox(self.tr("新增调解组织"))
        grid = QGridLayout(self.form_box)
        self.fields = FieldGrid(grid)
        self.name = line(self.tr("如 夏普吐勒镇人民调解委员会、夏普吐勒派出所驻所人民调解室"), 100)
        self.prefix = line(self.tr("如 夏人调"), 20)
        self.prefix.textChanged.connect(self._show_sample)
        self.sample = QLabel()
        self.sample.setStyleSheet("color: #555555;")
        self.is_default = QCheckBox(self.tr("默认（新受理的人民调解案件）"))
        self.active = QCheckBox(self.tr("在用"))
        self.active.setChecked(True)
        self.seal_label = QLabel()
        self.seal_button = QPushButton(self.tr("选择印章图片…"))
        self.seal_remove = QPushButton(self.tr("去掉印章"))
        seal_row = QWidget()
        seal_layout = QHBoxLayout(seal_row)
        seal_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.seal_label, self.seal_button, self.seal_remove):
            seal_layout.addWidget(widget)
        seal_layout.addStretch(1)
        self.fields.add("name", self.tr("名称 *"), self.name, 0, 0, span=2)
        self.fields.add("number_prefix", self.tr("编号前缀 *"), self.prefix, 1, 0)
        grid.addWidget(self.sample, 1, 2, 1, 2)
        self.fields.add("default", "", self.is_default, 2, 0)
        self.fields.add("active", "", self.active, 2, 2)
        self.fields.add("seal", self.tr("印章图片"), seal_row, 3, 0, span=2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.new_button = QPushButton(self.tr("新增"))
        self.save_button = QPushButton(self.tr("保存调解组织"))
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        save_shortcut(self, self.save)
        self.seal_button.clicked.connect(self.choose_seal)
        self.seal_remove.clicked.connect(self.remove_seal)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)

        self.unassigned = QLabel()
        self.unassigned.setWordWrap(True)
        self.unassigned.setStyleSheet(ERROR_STYLE)
        self.assign_button = QPushButton(self.tr("归入所选调委会（编号不变）"))
        self.assign_button.clicked.connect(self.assign)
        assign_row = QHBoxLayout()
        assign_row.addWidget(self.unassigned, 1)
        assign_row.addWidget(self.assign_button)

        officers_box = QGroupBox(self.tr("本所民警（治安调解的主持人从中选择）"))
        officers_layout = QVBoxLayout(officers_box)
        self.officers = QPlainTextEdit()
        self.officers.setPlaceholderText(self.tr("每行一名民警，如：买合木提·吐尔逊"))
        self.officers.setFixedHeight(90)
        self.officers_message = QLabel()
        self.officers_message.setStyleSheet(ERROR_STYLE)
        self.officers_message.hide()
        self.officers_button = QPushButton(self.tr("保存民警名单"))
        self.officers_button.clicked.connect(self.save_officers)
        officers_layout.addWidget(self.officers)
        officers_layout.addWidget(self.officers_message)
        officers_layout.addWidget(self.officers_button)

        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(assign_row)
        layout.addWidget(self.form_box)
        self.changed_banner = RecordChangedBanner()
        layout.addWidget(self.changed_banner)
        layout.addLayout(buttons)
        layout.addWidget(officers_box)
        closing = QHBoxLayout()
        closing.addStretch(1)
        closing.addWidget(self.close_button)
        layout.addLayout(closing)
        self.refresh()
        self.officers.setPlainText("\n".join(list_officers()))
        self.start_new()

    # --- showing -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.bodies = list_bodies()
        self.model.set_rows([BodyLine(b.name, b.number_prefix, b.sample_number(),
                                      self.tr("是") if b.is_default else "",
                                      self.tr("在用") if b.active else self.tr("停用"),
                                      self.tr("有") if b.has_seal else self.tr("无")) for b in self.bodies])
        waiting = unassigned_count()
        self.unassigned.setText(self.tr("有 {0} 件人民调解案件尚未指定调委会（本系统启用调委会前受理）；其文书须以调委会名义出具。"
                                        "请在上表中选择调委会后归入。").format(waiting))
        self.unassigned.setVisible(bool(waiting))
        self.assign_button.setVisible(bool(waiting))

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        body = self.bodies[rows[0].row()]
        self.editing, self.version = body, body.version
        self.changed_banner.clear_refusal()
        self.form_box.setTitle(self.tr("修改调解组织：{0}").format(body.name))
        self.name.setText(body.name)
        self.prefix.setText(body.number_prefix)
        self.is_default.setChecked(body.is_default)
        self.active.setChecked(body.active)
        self._seal = KEEP
        self.seal_label.setText(self.tr("已有印章") if body.has_seal else self.tr("无印章"))
        self.fields.clear_errors()

    def start_new(self) -> None:
        self.editing, self.version = None, None
        self.changed_banner.clear_refusal()
        self.table.clearSelection()
        self.form_box.setTitle(self.tr("新增调解组织"))
        self.name.clear()
        self.prefix.clear()
        self.is_default.setChecked(not self.bodies)
        self.active.setChecked(True)
        self._seal = KEEP
        self.seal_label.setText(self.tr("无印章"))
        self.fields.clear_errors()

    def _show_sample(self, text: str) -> None:
        sample = sample_number(text)
        self.sample.setText(self.tr("编号如：{0}").format(sample) if sample else "")

    # --- actions -------------------------------------------------------------------------------------
    def choose_seal(self) -> None:
        from ..certificates.templates_dialog import read_png

        data = read_png(self, self.tr("选择印章图片（透明背景PNG）"))
        if data is not None:
            self._seal = data
            self.seal_label.setText(self.tr("将使用新选的印章"))

    def remove_seal(self) -> None:
        self._seal = None
        self.seal_label.setText(self.tr("保存后去掉印章"))

    def save(self) -> bool:
        self.fields.clear_errors()
        try:
            saved = save_body(self.editing.id if self.editing else None, self.name.text(), self.prefix.text(),
                              is_default=self.is_default.isChecked(), active=self.active.isChecked(),
                              seal_image=self._seal, version=self.version)
        except RecordChanged as exc:  # another PC saved it since: keep what was typed, say who and when
            self.changed_banner.refused(exc)
            self.version = exc.current_version  # saving again is a deliberate overwrite
            return False
        except CaseInvalid as exc:
            rest = self.fields.show_errors(exc.errors)
            if rest:
                QMessageBox.warning(self, self.tr("不能保存"), "\n".join(shown(e.message) for e in rest))
            return False
        self.changed_banner.clear_refusal()
        self.refresh()
        self.changed.emit()
        self.table.selectRow(next(i for i, b in enumerate(self.bodies) if b.id == saved.id))
        return True

    def assign(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            QMessageBox.information(self, self.tr("归入调委会"), self.tr("请先在上表中选择一个调委会"))
            return
        body = self.bodies[rows[0].row()]
        answer = QMessageBox.question(self, self.tr("归入调委会"), self.tr(
            "把 {0} 件尚未指定调委会的人民调解案件归入“{1}”？案件编号保持不变，此后其文书以该调委会名义出具。").format(
            unassigned_count(), body.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            moved = assign_unassigned(body.id)
        except CaseInvalid as exc:
            QMessageBox.warning(self, self.tr("归入调委会"), "；".join(shown(e.message) for e in exc.errors))
            return
        self.refresh()
        self.changed.emit()
        QMessageBox.information(self, self.tr("归入调委会"), self.tr("已归入 {0} 件。").format(moved))

    def save_officers(self) -> bool:
        self.officers_message.hide()
        try:
            names = save_officers(self.officers.toPlainText().splitlines())
        except CaseInvalid as exc:
            self.officers_message.setText("；".join(shown(e.message) for e in exc.errors))
            self.officers_message.show()
            return False
        self.officers.setPlainText("\n".join(names))
        self.changed.emit()
        return True
