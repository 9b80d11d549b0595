"""队员花名册: one search box (name, pinyin, initials, phone or ID tail), filters, a lazy table.

A roster of more than ops.ROSTER_SEARCH_AT_ONCE members (a prefecture's 100,000) is searched off the GUI
thread: each keystroke asks `ops.Lookup`, the newest answer fills the table; a smaller one is searched at
once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_date
from ...domain.vocabulary import ACTIVE, MEMBER_STATUSES
from ...services import audit
from ...services.accounts.roles import EDIT, EXPORT, FULL_FORM, PRINT
from ...services.progress import Progress
from ...services.roster.members import SKILLS, delete_member
from ...services.roster.search import (
    INSURANCE_EXPIRED,
    INSURANCE_EXPIRING,
    RosterFilter,
    count_all,
    fetch_rows,
    search_ids,
)
from ...services.roster.teams import list_teams
from .. import ops
from ..admin_check import confirm_administrator
from ..i18n import shown
from ..id_table_model import Column, IdTableModel
from ..ops import MEMBERS, STOPPED, TEAMS, Lookup, announce, follow_changes, run_and_wait
from ..register_widgets import filter_combo, register_table, search_box
from ..roles import hide_unless, may
from ..widgets.table_actions import accept_file_drops, selected_rows, table_actions
from .member_dialog import MemberDialog
from .teams_dialog import TeamsDialog

IMPORT_SUFFIXES = (".xlsx", ".csv")  # what dropping a file on the roster opens the import with


class RosterTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sort_key = "name"
        self.descending = False
        self.dialog: QDialog | None = None  # the dialog last opened, kept alive while open
        self.searching = Lookup(self, self.tr("查找队员"))
        self.searching.found.connect(self._show_ids)
        self._search_later = count_all() > ops.ROSTER_SEARCH_AT_ONCE  # a big roster: search off the GUI thread

        self.search = search_box(self.tr("查找：姓名 / 拼音 / 首字母 / 手机尾号 / 身份证尾号"), 320)
        self.team_filter = QComboBox()
        self.status_filter = filter_combo(self.tr("全部状态"), MEMBER_STATUSES)
        self.skill_filter = filter_combo(self.tr("全部技能"), SKILLS)
        self.insurance_filter = QComboBox()
        self.insurance_filter.addItem(self.tr("意外险：全部"), None)
        self.insurance_filter.addItem(self.tr("意外险已过期"), INSURANCE_EXPIRED)
        self.insurance_filter.addItem(self.tr("30天内到期"), INSURANCE_EXPIRING)
        self.count_label = QLabel()

        self.add_button = QPushButton(self.tr("新增队员"))
        self.import_button = QPushButton(self.tr("导入…"))
        self.export_button = QPushButton(self.tr("导出Excel…"))
        self.print_button = QPushButton(self.tr("打印…"))
        self.teams_button = QPushButton(self.tr("队伍管理…"))

        self.model = IdTableModel(self._columns(), fetch_rows, on_sort=self._sort)
        self.table = register_table(self.model, (150, 50, 90, 160, 170, 120, 60, 200, 110, 110), 0,
                                    Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)

        filters = QHBoxLayout()
        for widget in (self.search, self.team_filter, self.status_filter, self.skill_filter,
                       self.insurance_filter):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        actions = QHBoxLayout()
        for button in (self.add_button, self.import_button, self.export_button, self.print_button,
                       self.teams_button):
            actions.addWidget(button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addLayout(filters)
        layout.addWidget(self.table)

        self.search.textChanged.connect(self.apply_filter)
        for combo in (self.team_filter, self.status_filter, self.skill_filter, self.insurance_filter):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.table.doubleClicked.connect(self._open_index)
        table_actions(self.table).set_actions(open=self.open_selected, print=self.print_roster,
                                              delete=self.delete_selected)
        accept_file_drops(self, IMPORT_SUFFIXES, self.import_roster)
        self.add_button.clicked.connect(lambda: self.open_member(None))
        self.import_button.clicked.connect(self.import_roster)
        self.export_button.clicked.connect(self.export_roster)
        self.print_button.clicked.connect(self.print_roster)
        self.teams_button.clicked.connect(self.manage_teams)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        follow_changes(self, {MEMBERS, TEAMS}, self.refresh)
        hide_unless(EDIT, self.add_button, self.import_button, self.teams_button)
        hide_unless(EXPORT, self.export_button)
        hide_unless(PRINT, self.print_button)

    def _columns(self) -> list[Column]:
        return [
            Column(self.tr("姓名"), "name", "name"),
            Column(self.tr("性别"), "gender", "gender", align_center=True, words=True),
            Column(self.tr("民族"), "ethnic", "ethnic", words=True),
            Column(self.tr("队伍"), "team", "team"),
            Column(self.tr("身份证号"), "id_masked", "id_number"),
            Column(self.tr("联系电话"), "phone_masked", "phone"),
            Column(self.tr("状态"), "status", "status", align_center=True, alert=lambda r: r.status != ACTIVE,
                   words=True),
            Column(self.tr("技能"), "skills", "skills", words=True),
            Column(self.tr("入队日期"), "join_date", "join_date"),
            Column(self.tr("意外险到期"), "insurance_expires_on", "insurance_expires_on",
                   alert=lambda r: bool(r.insurance_state)),
        ]

    # --- filtering ---------------------------------------------------------------------------------
    def current_filter(self) -> RosterFilter:
        return RosterFilter(
            text=self.search.text(), team_id=self.team_filter.currentData(),
            status=self.status_filter.currentData(), skill=self.skill_filter.currentData(),
            insurance=self.insurance_filter.currentData(),
        )

    def apply_filter(self) -> None:
        wanted, key, descending = self.current_filter(), self.sort_key, self.descending
        if self._search_later:
            self.searching.ask(lambda: search_ids(wanted, key, descending))
        else:
            self._show_ids(search_ids(wanted, key, descending))

    def _show_ids(self, ids: list[int]) -> None:
        self.model.set_ids(ids)
        self.count_label.setText(self.tr("共 {0} 人").format(len(ids)))

    def shown_ids(self) -> list[int]:
        """The members the list shows, or will show once the search asked for has come back."""
        if self.searching.pending:
            return search_ids(self.current_filter(), self.sort_key, self.descending)
        return self.model.ids()

    def _sort(self, key: str, descending: bool) -> None:
        self.sort_key, self.descending = key, descending
        self.apply_filter()

    def _reload_teams(self) -> None:
        current = self.team_filter.currentData()
        self.team_filter.blockSignals(True)
        self.team_filter.clear()
        self.team_filter.addItem(self.tr("全部队伍"), None)
        for team in list_teams():
            self.team_filter.addItem(f"{team.name}（{team.members_active}）", team.id)
        index = self.team_filter.findData(current)
        self.team_filter.setCurrentIndex(max(index, 0))
        self.team_filter.blockSignals(False)

    def refresh(self) -> None:
        self._search_later = count_all() > ops.ROSTER_SEARCH_AT_ONCE
        self._reload_teams()
        self.apply_filter()

    # --- member page ---------------------------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        self.open_member(self.model.id_at(index.row()))

    def selected_ids(self) -> list[int]:
        return [self.model.id_at(row) for row in selected_rows(self.table) if row < self.model.rowCount()]

    def open_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.open_member(ids[0])

    def delete_selected(self) -> list[int]:
        """删除 from the menu: the selected members, after one question; they go to the 回收站."""
        ids = self.selected_ids()
        if not ids:
            return []
        names = "、".join(self.model.record(self.model.row_of(i)).name for i in ids[:5])
        more = self.tr("等 {0} 人").format(len(ids)) if len(ids) > 5 else ""
        answer = QMessageBox.question(
            self, self.tr("删除队员"),
            self.tr("确定从花名册中删除“{0}”{1}吗？\n删除后其值班、服务时长等记录仍然保留，可在“文件 → 回收站”中恢复。")
            .format(names, more))
        if answer != QMessageBox.StandardButton.Yes:
            return []
        for member_id in ids:
            delete_member(member_id)
        announce({MEMBERS}, source=self)
        self.refresh()
        return ids

    def open_member(self, member_id: int | None) -> MemberDialog:
        dialog = MemberDialog(member_id, self)
        dialog.saved.connect(lambda _id: self.refresh())
        dialog.deleted.connect(lambda _id: self.refresh())
        self.dialog = dialog
        dialog.open()
        return dialog

    # --- import / export ---------------------------------------------------------------------------
    def import_roster(self, path: Path | None = None) -> None:
        """The import dialog; with `path` (a file dropped on the roster) that file is read at once."""
        from .import_dialog import ImportDialog  # openpyxl is loaded only when needed: start-up stays fast

        dialog = ImportDialog(self)
        dialog.imported.connect(self.refresh)
        self.dialog = dialog
        dialog.open()
        if path is not None:
            dialog.load_file(path)

    def _team_label(self) -> str | None:
        return None if self.team_filter.currentData() is None else self.team_filter.currentText().split("（")[0]

    def export_roster(self) -> None:
        ids = self.shown_ids()
        if not ids:
            QMessageBox.information(self, self.tr("导出"), self.tr("当前列表中没有队员。"))
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("导出花名册"),
                          self.tr("导出当前列表中的 {0} 名队员。\n身份证号和电话默认隐去中间数字；"
                                  "完整信息只应由管理员为制作法律原件而导出，并会记入操作日志。").format(len(ids)),
                          parent=self)
        masked = box.addButton(self.tr("导出（隐去敏感信息）"), QMessageBox.ButtonRole.AcceptRole)
        full = box.addButton(self.tr("导出完整信息"), QMessageBox.ButtonRole.ActionRole)
        full.setVisible(may(FULL_FORM))
        box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() not in (masked, full):
            return
        admin = ""
        if box.clickedButton() is full:
            admin = confirm_administrator(self, self.tr("导出完整的身份证号和电话")) or ""
            if not admin:
                return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出到"), self.tr("队员花名册.xlsx"),
                                              self.tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return
        from ...services.files.writer import (
            FileWriteError as ExportError,  # the export's error, without openpyxl
        )

        def work(progress: Progress) -> int:
            from ...services.roster.export import export_roster_xlsx  # openpyxl: imported off the GUI thread

            with audit.acting_as(admin):
                return export_roster_xlsx(ids, Path(path), full=bool(admin), progress=progress)

        try:
            count = run_and_wait(self, self.tr("正在导出花名册"), work, expected=(ExportError,))
        except ExportError as exc:
            QMessageBox.warning(self, self.tr("导出失败"), shown(exc.message))
            return
        if count is STOPPED:
            return
        QMessageBox.information(self, self.tr("导出完成"), self.tr("已导出 {0} 名队员到：\n{1}").format(count, path))

    def print_roster(self) -> None:
        ids = self.shown_ids()
        if not ids:
            QMessageBox.information(self, self.tr("打印"), self.tr("当前列表中没有队员。"))
            return
        team_name = self._team_label()

        def work(progress: Progress) -> bytes:
            from ...services.roster.export import roster_pdf_bytes  # openpyxl and reportlab: imported here

            return roster_pdf_bytes(ids, team_name=team_name, progress=progress)

        pdf = run_and_wait(self, self.tr("正在生成花名册"), work)
        if pdf is STOPPED:
            return
        from ..print_preview import preview_pdf

        name = self.tr("队员花名册-{0}.pdf").format(format_date(date.today()))
        self.dialog = preview_pdf(self, pdf, self.tr("打印花名册"), name)

    def manage_teams(self) -> None:
        dialog = TeamsDialog(self)
        dialog.changed.connect(self.refresh)
        self.dialog = dialog
        dialog.open()
