"""岗位管理: the posts (name, kind, place, team, default times, headcount, required skill, school days only,
带班) with their errors at the fields, and each post's recurring shifts below it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.vocabulary import POST_KINDS
from ...services.clients.versions import RecordChanged
from ...services.roster.members import SKILLS
from ...services.schedule.posts import (
    HEADCOUNT_MAX,
    PatternInput,
    PostInput,
    PostInvalid,
    PostRow,
    delete_post,
    list_posts,
    post_input,
    save_post,
)
from ..cases.widgets import FieldGrid, choice_combo, combo_value, line, plain_table, set_combo_value
from ..i18n import vocab
from ..id_table_model import Column
from ..ops import SHIFTS, announce_on
from ..record_changed import RecordChangedBanner
from ..rows_table_model import RowsTableModel
from ..view_state import remember_splitter
from ..widgets.table_actions import save_shortcut
from .common import fill_team_combo
from .pattern_panel import PatternPanel


class PostForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.version: int | None = None  # the loaded record's (None: a new one)
        self.name = line(self.tr("如 中山路商圈巡逻、第一小学护学岗"), 100)
        self.kind = choice_combo(POST_KINDS)
        self.place = line(self.tr("如 中山路步行街"), 200)
        self.team = QComboBox()
        fill_team_combo(self.team, self.tr("不属于任何队伍"))
        self.default_start = line(self.tr("如 19:00"), 10)
        self.default_end = line(self.tr("如 22:00"), 10)
        self.headcount = QSpinBox()
        self.headcount.setRange(1, HEADCOUNT_MAX)
        self.headcount.setSuffix(self.tr(" 人"))
        self.required_skill = QComboBox()
        self.required_skill.setEditable(True)
        self.required_skill.addItem("", "")
        for skill in SKILLS:
            self.required_skill.addItem(vocab(skill), skill)
        skill_edit = self.required_skill.lineEdit()
        assert skill_edit is not None  # an editable combo box has one
        skill_edit.setPlaceholderText(self.tr("不限"))
        self.school_days_only = QCheckBox(self.tr("仅上学日（护学岗）"))
        self.needs_leader = QCheckBox(self.tr("需要带班"))
        self.active = QCheckBox(self.tr("启用"))
        self.notes = line("", 500)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.fields = FieldGrid(grid)
        self.fields.add("name", self.tr("岗位名称"), self.name, 0, span=2)
        self.fields.add("kind", self.tr("类别"), self.kind, 1)
        self.fields.add("team", self.tr("所属队伍"), self.team, 1, 2)
        self.fields.add("place", self.tr("地点"), self.place, 2, span=2)
        self.fields.add("default_start", self.tr("默认开始"), self.default_start, 3)
        self.fields.add("default_end", self.tr("默认结束"), self.default_end, 3, 2)
        self.fields.add("headcount", self.tr("每班人数"), self.headcount, 4)
        self.fields.add("required_skill", self.tr("所需技能"), self.required_skill, 4, 2)
        checks = QWidget()
        row = QHBoxLayout(checks)
        row.setContentsMargins(0, 0, 0, 0)
        for box in (self.school_days_only, self.needs_leader, self.active):
            row.addWidget(box)
        row.addStretch(1)
        self.fields.add("flags", self.tr("选项"), checks, 5, span=2)
        self.fields.add("notes", self.tr("备注"), self.notes, 6, span=2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

    def load(self, data: PostInput) -> None:
        self.version = data.version  # the stored post's, carried back by the save (services/clients/versions.py)
        self.name.setText(data.name)
        set_combo_value(self.kind, data.kind)
        self.team.setCurrentIndex(max(0, self.team.findData(data.team_id)))
        self.place.setText(data.place)
        self.default_start.setText(str(data.default_start or ""))
        self.default_end.setText(str(data.default_end or ""))
        self.headcount.setValue(int(data.headcount or 1))
        index = self.required_skill.findData(data.required_skill or "")
        if index >= 0:
            self.required_skill.setCurrentIndex(index)
        else:
            self.required_skill.setEditText(data.required_skill)
        self.school_days_only.setChecked(data.school_days_only)
        self.needs_leader.setChecked(data.needs_leader)
        self.active.setChecked(data.active)
        self.notes.setText(data.notes)
        self.fields.clear_errors()

    def _required_skill(self) -> str:
        """The chosen skill, or what was typed (the box is editable)."""
        box = self.required_skill
        if box.currentText() == box.itemText(box.currentIndex()):
            return box.currentData() or ""
        return box.currentText().strip()

    def value(self) -> PostInput:
        return PostInput(
            name=self.name.text(), kind=combo_value(self.kind), place=self.place.text(),
            team_id=self.team.currentData(), default_start=self.default_start.text().strip(),
            default_end=self.default_end.text().strip(), headcount=self.headcount.value(),
            required_skill=self._required_skill(),
            school_days_only=self.school_days_only.isChecked(), needs_leader=self.needs_leader.isChecked(),
            active=self.active.isChecked(), notes=self.notes.text(), version=self.version,
        )


class PostsDialog(QDialog):
    """`changed` after every stored post or pattern."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        announce_on(self.changed, {SHIFTS}, self)
        self.setWindowTitle(self.tr("岗位管理"))
        self.resize(1180, 720)
        self.post_id: int | None = None
        self._posts: list[PostRow] = []
        self._quiet = False
        self.show_inactive = QCheckBox(self.tr("显示已停用的岗位"))
        self.model = RowsTableModel([
            Column(self.tr("岗位名称"), "name"), Column(self.tr("类别"), "kind", words=True),
            Column(self.tr("队伍"), "team_name"),
            Column(self.tr("人数"), "headcount", align_center=True), Column(self.tr("班次规律"), "pattern_summary"),
        ])
        self.table = plain_table(self.model, (170, 80, 120, 50))
        self.table.selectionModel().selectionChanged.connect(self._selected)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.show_inactive)
        left_layout.addWidget(self.table, 1)

        self.form = PostForm()
        self.form_box = QGroupBox()
        form_layout = QVBoxLayout(self.form_box)
        form_layout.addWidget(self.form)
        self.changed_banner = RecordChangedBanner()
        form_layout.addWidget(self.changed_banner)
        self.new_button = QPushButton(self.tr("新增岗位"))
        self.save_button = QPushButton(self.tr("保存岗位"))
        self.delete_button = QPushButton(self.tr("删除岗位"))
        post_buttons = QHBoxLayout()
        post_buttons.addWidget(self.new_button)
        post_buttons.addWidget(self.delete_button)
        post_buttons.addStretch(1)
        post_buttons.addWidget(self.save_button)
        form_layout.addLayout(post_buttons)
        self.patterns = PatternPanel()
        self.patterns_box = QGroupBox(self.tr("班次规律（保存岗位后填写）"))
        QVBoxLayout(self.patterns_box).addWidget(self.patterns)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.form_box)
        right_layout.addWidget(self.patterns_box, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([480, 700])
        remember_splitter(splitter, "posts")
        self.close_button = QPushButton(self.tr("关闭"))
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self.show_inactive.toggled.connect(self.reload)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        save_shortcut(self, self.save)
        self.delete_button.clicked.connect(self.delete)
        self.patterns.changed.connect(self._patterns_changed)
        self.close_button.clicked.connect(self.reject)
        self.reload()
        self.start_new()

    # --- list --------------------------------------------------------------------------------------
    def reload(self) -> None:
        self._posts = list_posts(include_inactive=self.show_inactive.isChecked())
        self.model.set_rows(self._posts)
        self.select_post(self.post_id)

    def select_post(self, post_id: int | None) -> None:
        """Show `post_id` as the selected row without opening it again."""
        self._quiet = True
        try:
            self.table.clearSelection()
            for row, post in enumerate(self._posts):
                if post.id == post_id:
                    self.table.selectRow(row)
        finally:
            self._quiet = False

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if self._quiet or not rows:
            return
        post = self.model.record(rows[0].row())
        if post.id == self.post_id:
            return
        if self.confirm_discard():
            self.open_post(post.id)
        self.select_post(self.post_id)

    # --- form --------------------------------------------------------------------------------------
    def is_dirty(self) -> bool:
        return self.form.value() != self._loaded or self.patterns.is_dirty()

    def confirm_discard(self) -> bool:
        if not self.is_dirty():
            return True
        answer = QMessageBox.question(
            self, self.tr("未保存的修改"), self.tr("岗位或班次规律有修改尚未保存。要保存吗？"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer == QMessageBox.StandardButton.Save:
            if self.form.value() != self._loaded and not self.save():
                return False
            if self.patterns.is_dirty() and not self.patterns.save():
                return False
        return True

    def start_new(self) -> None:
        if self.post_id is not None and not self.confirm_discard():
            return
        self.post_id = None
        self.table.clearSelection()
        self.form.load(PostInput(active=True))
        self.changed_banner.clear_refusal()
        self._loaded = self.form.value()
        self.form_box.setTitle(self.tr("新增岗位"))
        self.delete_button.setEnabled(False)
        self.patterns.set_post(None)

    def open_post(self, post_id: int) -> None:
        data = post_input(post_id)
        self.post_id = post_id
        self.form.load(data)
        self.changed_banner.clear_refusal()
        self._loaded = self.form.value()
        self.form_box.setTitle(self.tr("岗位：{0}").format(data.name))
        self.delete_button.setEnabled(True)
        self.patterns.set_post(post_id, PatternInput(
            weekdays=(1, 2, 3, 4, 5), start=data.default_start or "", end=data.default_end or "",
            headcount=data.headcount))

    def save(self) -> bool:
        try:
            post = save_post(self.form.value(), self.post_id)
        except PostInvalid as exc:
            self.form.fields.show_errors(exc.errors)
            self.form.fields.focus_first(exc.errors)
            return False
        except RecordChanged as exc:  # another PC saved it since: keep what was typed, say who and when
            self.changed_banner.refused(exc)
            self.form.version = exc.current_version  # saving again is a deliberate overwrite
            return False
        self.changed_banner.clear_refusal()
        self.post_id = post.id
        self.reload()
        self.open_post(post.id)
        self.changed.emit()
        return True

    def delete(self) -> None:
        if self.post_id is None:
            return
        answer = QMessageBox.question(self, self.tr("删除岗位"), self.tr(
            "确定删除岗位“{0}”吗？\n今天及以后尚未签到的班次会一并取消，已有的值班记录保留。").format(self.form.name.text()))
        if answer != QMessageBox.StandardButton.Yes:
            return
        removed = delete_post(self.post_id)
        self.post_id = None
        self.reload()
        self.start_new()
        self.changed.emit()
        QMessageBox.information(self, self.tr("删除岗位"), self.tr("岗位已删除，取消未来班次 {0} 个。").format(removed))

    def _patterns_changed(self) -> None:
        self.reload()
        self.changed.emit()

    def reject(self) -> None:
        if self.confirm_discard():
            super().reject()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # Enter in a field must not close the dialog
        super().keyPressEvent(event)
