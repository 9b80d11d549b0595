"""The member page: the record (editable), the service sections with counts, and leave."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.activity_figures import BY_NAME, format_count
from ...domain.i18n import QT_TRANSLATE_NOOP
from ...services.accounts.roles import EDIT, READ_FULL
from ...services.clients.versions import RecordChanged
from ...services.records.activity_list import member_tally
from ...services.roster.member_detail import masked_member_input, member_sections, member_summary
from ...services.roster.members import (
    MemberInput,
    MemberInvalid,
    add_leave,
    delete_leave,
    delete_member,
    list_leaves,
    load_member_input,
    save_member,
)
from ..field_errors import FieldMessage
from ..i18n import vocab
from ..id_table_model import Column
from ..ops import MEMBERS, announce_on
from ..record_changed import RecordChangedBanner
from ..roles import may
from ..rows_table_model import RowsTableModel
from ..widgets.table_actions import save_shortcut, table_actions
from .member_form import MemberForm, date_hint


class SectionsPanel(QWidget):
    """值班、时长、工作记录、调解、培训、资质、证书、积分: counts now, lists as the features land."""

    LABELS = (
        ("duties", QT_TRANSLATE_NOOP("SectionsPanel", "值班次数")),
        ("duties_attended", QT_TRANSLATE_NOOP("SectionsPanel", "到岗次数")),
        ("hours_total", QT_TRANSLATE_NOOP("SectionsPanel", "累计服务时长（小时）")),
        ("hours_this_year", QT_TRANSLATE_NOOP("SectionsPanel", "今年服务时长（小时）")),
        ("activities", QT_TRANSLATE_NOOP("SectionsPanel", "工作记录")),
        ("cases_mediated", QT_TRANSLATE_NOOP("SectionsPanel", "参与调解案件")),
        ("trainings", QT_TRANSLATE_NOOP("SectionsPanel", "参加培训")),
        ("qualifications", QT_TRANSLATE_NOOP("SectionsPanel", "资质")),
        ("certificates", QT_TRANSLATE_NOOP("SectionsPanel", "证书")),
        ("points", QT_TRANSLATE_NOOP("SectionsPanel", "积分")),
        ("leaves", QT_TRANSLATE_NOOP("SectionsPanel", "请假记录")),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 12pt; font-weight: bold;")
        layout.addWidget(self.heading)
        grid = QGridLayout()
        layout.addLayout(grid)
        layout.addStretch(1)
        self.values: dict[str, QLabel] = {}
        grid.setHorizontalSpacing(24)
        for i, (key, label) in enumerate(self.LABELS):
            value = QLabel("—")
            value.setStyleSheet("font-size: 14pt; font-weight: bold; color: #1f4e79;")
            row, column = i // 2, (i % 2) * 2
            grid.addWidget(QLabel(self.tr("{0}：").format(QCoreApplication.translate("SectionsPanel", label))),
                           row, column)
            grid.addWidget(value, row, column + 1)
            self.values[key] = value
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.tally = QLabel()
        self.tally.setWordWrap(True)
        layout.insertWidget(2, self.tally)

    def refresh(self, member_id: int) -> None:
        summary = member_summary(member_id)
        sections = member_sections(member_id)
        tally = member_tally(member_id)
        self.tally.setText(self.tr("工作成效：{0}").format("、".join(
            f"{vocab(name)} {format_count(value)}{BY_NAME[name].unit}" for name, value in tally.figures.items()))
            if tally.figures else self.tr("工作成效：暂无"))
        self.heading.setText(self.tr("{0} · {1} · 星级：{2}").format(
            summary.name, summary.team or self.tr("未分队"), vocab(summary.star_label)))
        for key, label in self.values.items():
            value = getattr(sections, key)
            label.setText(f"{value:g}" if isinstance(value, float) else str(value))


class LeavePanel(QWidget):
    changed = Signal()

    def __init__(self, member_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        announce_on(self.changed, {MEMBERS}, self)
        self.member_id = member_id
        layout = QVBoxLayout(self)
        self.model = RowsTableModel([
            Column(self.tr("开始日期"), "from_date"), Column(self.tr("结束日期"), "to_date"),
            Column(self.tr("事由"), "reason"),
        ])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        table_actions(self.table).set_actions(delete=self.delete_selected)
        layout.addWidget(self.table)
        form = QHBoxLayout()
        self.from_date = QLineEdit()
        self.to_date = QLineEdit()
        for field in (self.from_date, self.to_date):
            field.setPlaceholderText(date_hint())
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("事由，如 外出务工、生病"))
        self.add_button = QPushButton(self.tr("登记请假"))
        self.add_button.clicked.connect(self.add)
        self.delete_button = QPushButton(self.tr("删除所选"))
        self.delete_button.clicked.connect(self.delete_selected)
        for widget in (QLabel(self.tr("从")), self.from_date, QLabel(self.tr("到")), self.to_date, self.reason,
                       self.add_button, self.delete_button):
            form.addWidget(widget)
        layout.addLayout(form)
        self.message = FieldMessage(self.from_date)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(list_leaves(self.member_id))

    def set_read_only(self) -> None:
        for widget in (self.from_date, self.to_date, self.reason, self.add_button, self.delete_button):
            widget.hide()

    def add(self) -> None:
        self.message.clear_error()
        try:
            add_leave(self.member_id, self.from_date.text(), self.to_date.text(), self.reason.text())
        except MemberInvalid as exc:
            self.message.show_error(exc.errors[0].message)
            return
        for field in (self.from_date, self.to_date, self.reason):
            field.clear()
        self.refresh()
        self.changed.emit()

    def delete_selected(self) -> None:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        for row in sorted(rows, reverse=True):
            delete_leave(self.model.record(row).id)
        self.refresh()
        self.changed.emit()


class MemberDialog(QDialog):
    """Opens on an existing member (`member_id`) or a new one (None). Emits `saved(member_id)`."""

    saved = Signal(int)
    deleted = Signal(int)

    def __init__(self, member_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        announce_on(self.saved, {MEMBERS}, self)
        announce_on(self.deleted, {MEMBERS}, self)
        self.member_id = member_id
        self.resize(960, 640)
        self.form = MemberForm()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.form, self.tr("基本信息"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.changed_banner = RecordChangedBanner()
        layout.addWidget(self.changed_banner)
        buttons = QHBoxLayout()
        self.delete_button = QPushButton(self.tr("删除队员"))
        self.delete_button.clicked.connect(self.delete)
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        save_shortcut(self, self.save)
        self.close_button = QPushButton(self.tr("关闭"))
        self.close_button.clicked.connect(self.reject)
        self.saved_note = QLabel()
        self.saved_note.setStyleSheet("color: #1e7e34;")
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.saved_note)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.sections: SectionsPanel | None = None
        self.leave: LeavePanel | None = None
        self.read_only = not (may(EDIT) and may(READ_FULL))
        if self.read_only:
            self.save_button.hide()
            self.delete_button.hide()
            self.form.setEnabled(False)
        if member_id is None:
            self.setWindowTitle(self.tr("新增队员"))
            self.delete_button.hide()
            self.form.load(MemberInput(join_date=date.today()))
            self.form.join_date.selectAll()  # today, replaced by the first key typed into it
        else:
            self._load_existing(member_id)

    def _load_existing(self, member_id: int) -> None:
        data = masked_member_input(member_id) if self.read_only else load_member_input(member_id)
        self.setWindowTitle(self.tr("队员：{0}").format(data.name))
        self.form.load(data)
        if self.sections is None:
            sections = self.sections = SectionsPanel()
            self.leave = LeavePanel(member_id)
            self.leave.changed.connect(lambda: sections.refresh(member_id))
            self.tabs.addTab(self.sections, self.tr("服务记录"))
            self.tabs.addTab(self.leave, self.tr("请假/不可用"))
            if not self.read_only:
                self.delete_button.show()
            else:
                self.leave.set_read_only()
        self.sections.refresh(member_id)

    def save(self) -> bool:
        try:
            member = save_member(self.form.value(), self.member_id)
        except MemberInvalid as exc:
            self.tabs.setCurrentWidget(self.form)
            self.form.show_errors(exc.errors)
            return False
        except RecordChanged as exc:  # another PC saved it since: keep what was typed, say who and when
            self.tabs.setCurrentWidget(self.form)
            self.changed_banner.refused(exc)
            self.form.version = exc.current_version  # saving again is a deliberate overwrite
            return False
        self.changed_banner.clear_refusal()
        self.member_id = member.id
        self._load_existing(member.id)
        self.saved_note.setText(self.tr("已保存“{0}”（{1:%H:%M}）").format(member.name, datetime.now()))
        self.saved.emit(member.id)
        return True

    def delete(self) -> None:
        if self.member_id is None:
            return  # a member not saved yet has no 删除 button
        answer = QMessageBox.question(
            self, self.tr("删除队员"),
            self.tr("确定从花名册中删除“{0}”吗？\n删除后其值班、服务时长等记录仍然保留，可在“文件 → 回收站”中恢复。").format(
                self.form.name.text()))
        if answer != QMessageBox.StandardButton.Yes:
            return
        delete_member(self.member_id)
        self.deleted.emit(self.member_id)
        self.form.mark_saved()
        super().reject()

    def reject(self) -> None:
        """Closing with unsaved changes asks first: save, discard or stay."""
        if self.form.is_dirty():
            answer = QMessageBox.question(
                self, self.tr("未保存的修改"), self.tr("队员信息有修改尚未保存。要保存吗？"),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.save():
                return
        super().reject()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        # Enter in a line edit must not close the dialog through the default button.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)
