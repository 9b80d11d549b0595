"""文件 → 回收站…: every deleted record with who deleted it and when; 恢复 puts the chosen ones back with
everything attached to them; the administrator's 清除过期记录 removes for good what was deleted over a year
ago and has nothing attached (services/recycle_bin.py)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.vocabulary import DELETED_ACTIVITY, DELETED_CASE, DELETED_MEMBER, DELETED_POST, DELETED_TEAM
from ..services import recycle_bin
from .cases.widgets import plain_table
from .i18n import shown, vocab
from .id_table_model import Column
from .ops import CASES, MEMBERS, RECORDS, SHIFTS, TEAMS, announce
from .permissions import may_delete, may_purge
from .rows_table_model import RowsTableModel

CHANGES = {DELETED_MEMBER: MEMBERS, DELETED_CASE: CASES, DELETED_TEAM: TEAMS, DELETED_POST: SHIFTS,
           DELETED_ACTIVITY: RECORDS}


class RecycleBinDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("回收站"))
        self.resize(760, 460)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("全部"), None)
        for kind in recycle_bin.KINDS:
            self.kind.addItem(vocab(kind), kind)
        self.model = RowsTableModel([
            Column(self.tr("类别"), "kind", words=True), Column(self.tr("姓名、名称或案号"), "label"),
            Column(self.tr("删除时间"), "deleted_text"), Column(self.tr("删除人"), "deleted_by"),
        ])
        self.table = plain_table(self.model, (90, 300, 150), multi=True)
        self.count = QLabel()
        self.note = QLabel(self.tr("恢复后，记录连同其关联的值班、考勤、当事人、调解记录等一并回到原处。"))
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555555;")
        self.restore_button = QPushButton(self.tr("恢复所选"))
        self.restore_button.setEnabled(False)
        self.restore_button.setVisible(may_delete())
        self.purge_button = QPushButton(self.tr("清除过期记录…"))
        self.purge_button.setToolTip(self.tr("永久清除删除已满一年、且没有任何关联记录的条目（管理员）"))
        self.purge_button.setVisible(may_purge())
        close = QPushButton(self.tr("关闭"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("类别：")))
        top.addWidget(self.kind)
        top.addStretch(1)
        top.addWidget(self.count)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.purge_button)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button.clicked.connect(self.purge)
        close.clicked.connect(self.accept)
        self.refresh()

    def refresh(self) -> None:
        kind = self.kind.currentData()
        rows = [_Row(record) for record in recycle_bin.deleted_records(None if kind is None else (kind,))]
        self.model.set_rows(rows)
        self.count.setText(self.tr("共 {0} 条").format(len(rows)))
        self._selection_changed()

    def selected(self) -> list[recycle_bin.DeletedRecord]:
        return [self.model.record(index.row()).record for index in self.table.selectionModel().selectedRows()]

    def select_record(self, kind: str, record_id: int) -> None:
        for row, item in enumerate(self.model.rows()):
            if (item.kind, item.id) == (kind, record_id):
                self.table.selectRow(row)
                return

    def _selection_changed(self, *_args: object) -> None:
        self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def restore_selected(self) -> list[recycle_bin.DeletedRecord]:
        chosen = self.selected()
        if not chosen or not may_delete():
            return []
        restored: list[recycle_bin.DeletedRecord] = []
        for record in chosen:
            try:
                restored.append(recycle_bin.restore(record.kind, record.id))
            except recycle_bin.RestoreRefused as exc:
                QMessageBox.warning(self, self.tr("无法恢复"), shown(exc.message))
        if restored:
            announce({CHANGES[r.kind] for r in restored if r.kind in CHANGES})
            QMessageBox.information(self, self.tr("已恢复"), self.tr("已恢复：{0}").format(
                "、".join(f"{vocab(r.kind)}“{r.label}”" for r in restored)))
        self.refresh()
        return restored


    def purge(self) -> recycle_bin.PurgeResult | None:
        if not may_purge():
            return None
        answer = QMessageBox.question(self, self.tr("清除过期记录"), self.tr(
            "删除已满 {0} 天、且没有任何关联记录的条目将被永久清除，不能再恢复。\n确定清除吗？").format(
                recycle_bin.RETENTION_DAYS))
        if answer != QMessageBox.StandardButton.Yes:
            return None
        result = recycle_bin.purge_expired()
        kept = self.tr("\n另有 {0} 条仍有关联记录（值班、时长、当事人等），保留在回收站中。").format(
            len(result.kept)) if result.kept else ""
        QMessageBox.information(self, self.tr("清除过期记录"),
                                self.tr("已永久清除 {0} 条。").format(len(result.purged)) + kept)
        self.refresh()
        return result


class _Row:
    """One line of the table: the record and its time as shown."""

    def __init__(self, record: recycle_bin.DeletedRecord) -> None:
        self.record = record
        self.kind, self.id, self.label, self.deleted_by = record.kind, record.id, record.label, record.deleted_by
        self.deleted_text = f"{record.deleted_at:%Y-%m-%d %H:%M}"
