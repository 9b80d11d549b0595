"""队伍管理: create, edit (leader, station, founding date, service area), merge, retire."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.vocabulary import ACTIVE
from ...services.clients.versions import RecordChanged
from ...services.roster.search import RosterFilter, fetch_rows, search_ids
from ...services.roster.teams import (
    TeamInput,
    TeamInvalid,
    get_team,
    list_teams,
    merge_teams,
    reactivate_team,
    retire_team,
    save_team,
)
from ..field_errors import FieldMessage
from ..id_table_model import Column
from ..ops import TEAMS, announce_on
from ..record_changed import RecordChangedBanner
from ..rows_table_model import RowsTableModel
from ..widgets.table_actions import table_actions
from .member_form import date_hint


class TeamEditDialog(QDialog):
    def __init__(self, team_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.team_id = team_id
        self.setWindowTitle(self.tr("新建队伍") if team_id is None else self.tr("编辑队伍"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.name = QLineEdit()
        self.station = QLineEdit()
        self.station.setPlaceholderText(self.tr("如 夏普吐勒镇警务站"))
        self.founded_on = QLineEdit()
        self.founded_on.setPlaceholderText(date_hint())
        self.leader = QComboBox()
        self.leader.addItem(self.tr("（未指定）"), None)
        self.service_area = QLineEdit()
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        self.messages: dict[str, FieldMessage] = {}
        for key, label, widget in (
            ("name", self.tr("队伍名称 *"), self.name), ("station", self.tr("所属警务站"), self.station),
            ("founded_on", self.tr("成立日期"), self.founded_on), ("leader", self.tr("队长"), self.leader),
            ("service_area", self.tr("服务区域"), self.service_area), ("notes", self.tr("备注"), self.notes),
        ):
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addWidget(widget)
            self.messages[key] = FieldMessage(widget)
            box_layout.addWidget(self.messages[key])
            form.addRow(label, box)
        self.version: int | None = None  # the loaded team's, carried back by the save (services/clients/versions.py)
        if team_id is not None:
            team = get_team(team_id)
            self.version = team.version
            self.name.setText(team.name)
            self.station.setText(team.station)
            self.founded_on.setText(team.founded_on.isoformat() if team.founded_on else "")
            self.service_area.setText(team.service_area)
            self.notes.setPlainText(team.notes)
            for row in fetch_rows(search_ids(RosterFilter(team_id=team_id, status=ACTIVE))):
                self.leader.addItem(row.name, row.id)
            self.leader.setCurrentIndex(max(self.leader.findData(team.leader_id), 0))
        else:
            self.leader.setEnabled(False)
            self.leader.setToolTip(self.tr("建队并加入队员后可指定队长"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        self.changed_banner = RecordChangedBanner()
        layout.addWidget(self.changed_banner)
        layout.addWidget(buttons)

    def accept(self) -> None:
        for message in self.messages.values():
            message.clear_error()
        data = TeamInput(name=self.name.text(), station=self.station.text(), founded_on=self.founded_on.text(),
                         leader_id=self.leader.currentData(), service_area=self.service_area.text(),
                         notes=self.notes.toPlainText(), version=self.version)
        try:
            self.team_id = save_team(data, self.team_id)
        except TeamInvalid as exc:
            for error in exc.errors:
                self.messages.get(error.field, self.messages["notes"]).show_error(error.message)
            return
        except RecordChanged as exc:  # another PC saved it since: keep what was typed, say who and when
            self.changed_banner.refused(exc)
            self.version = exc.current_version  # saving again is a deliberate overwrite
            return
        super().accept()


class TeamsDialog(QDialog):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        announce_on(self.changed, {TEAMS}, self)
        self.setWindowTitle(self.tr("队伍管理"))
        self.resize(900, 480)
        self.model = RowsTableModel([
            Column(self.tr("队伍名称"), "name"), Column(self.tr("所属警务站"), "station"),
            Column(self.tr("队长"), "leader_name"), Column(self.tr("在队人数"), "members_active", align_center=True),
            Column(self.tr("总人数"), "members_total", align_center=True), Column(self.tr("成立日期"), "founded_on"),
            Column(self.tr("服务区域"), "service_area"), Column(self.tr("撤销日期"), "retired_on"),
        ])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        table_actions(self.table).set_actions(open=self.edit)
        self.show_retired = QCheckBox(self.tr("显示已撤销的队伍"))
        self.show_retired.toggled.connect(self.refresh)
        self.new_button = QPushButton(self.tr("新建队伍"))
        self.edit_button = QPushButton(self.tr("编辑"))
        self.merge_button = QPushButton(self.tr("合并到…"))
        self.retire_button = QPushButton(self.tr("撤销/恢复"))
        self.close_button = QPushButton(self.tr("关闭"))
        self.new_button.clicked.connect(self.add_team)
        self.edit_button.clicked.connect(self.edit)
        self.merge_button.clicked.connect(self.merge)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.merge_button, self.retire_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_retired)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.editor: TeamEditDialog | None = None
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(list_teams(include_retired=self.show_retired.isChecked()))

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _edit_dialog(self, team_id: int | None) -> TeamEditDialog:
        self.editor = TeamEditDialog(team_id, self)
        self.editor.accepted.connect(self._changed)
        self.editor.open()
        return self.editor

    def add_team(self) -> TeamEditDialog:
        return self._edit_dialog(None)

    def edit(self) -> TeamEditDialog | None:
        team = self.selected()
        return self._edit_dialog(team.id) if team else None

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()

    def merge(self) -> None:
        team = self.selected()
        if team is None:
            return
        targets = [t for t in list_teams() if t.id != team.id]
        if not targets:
            QMessageBox.information(self, self.tr("合并队伍"), self.tr("没有可以并入的其他队伍。"))
            return
        name, ok = QInputDialog.getItem(self, self.tr("合并队伍"),
                                        self.tr("把“{0}”的全部队员、岗位和工作记录并入：").format(team.name),
                                        [t.name for t in targets], 0, False)
        if not ok:
            return
        target = next(t for t in targets if t.name == name)
        moved = merge_teams(team.id, target.id)
        QMessageBox.information(self, self.tr("合并队伍"),
                                self.tr("已把 {0} 名队员并入“{1}”，“{2}”已撤销。").format(moved, target.name, team.name))
        self._changed()

    def toggle_retired(self) -> None:
        team = self.selected()
        if team is None:
            return
        if team.retired_on is None:
            answer = QMessageBox.question(self, self.tr("撤销队伍"),
                                          self.tr("撤销“{0}”？队员仍保留在花名册中，可随时恢复。").format(team.name))
            if answer != QMessageBox.StandardButton.Yes:
                return
            retire_team(team.id)
        else:
            reactivate_team(team.id)
        self._changed()
