"""导入工作台账: pick a file, check each sheet's column mapping, see every row's verdict, then store the good
rows in one transaction. Reading, checking and importing run off the GUI thread (ui/ops.py) and can be
cancelled; the report of every row can be saved as .xlsx."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services.records.ledger_import import (
    ADDED,
    FIELDS,
    REFUSED,
    SKIPPED,
    LedgerImportError,
    LedgerPlan,
    LedgerPreview,
    LedgerReport,
    plan_ledger_import,
    read_ledger,
    run_ledger_import,
    save_ledger_report_xlsx,
)
from ..i18n import shown
from ..id_table_model import Column
from ..import_flow import chosen_file, clear_layout, mapping_combo, save_report_as, start_step
from ..ops import RECORDS, TaskRunner
from ..register_widgets import register_table
from ..rows_table_model import RowsTableModel


class VerdictLine:
    def __init__(self, verdict) -> None:
        self.sheet = verdict.sheet
        self.row_number = verdict.row_number
        self.action = verdict.action
        values = verdict.values
        self.date, self.team, self.kind = values.get("date", ""), values.get("team", ""), values.get("kind", "")
        self.members, self.outcome = values.get("members", ""), values.get("outcome", "")
        self.reasons = "；".join(shown(r) for r in verdict.reasons)


class LedgerImportDialog(QDialog):
    imported = Signal()

    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入工作台账"))
        self.resize(1100, 720)
        self.preview: LedgerPreview | None = None
        self.plan: LedgerPlan | None = None
        self.report: LedgerReport | None = None
        self.runner: TaskRunner | None = None
        self.mappings: dict[str, dict[int, str | None]] = {}
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("选择工作台账（.xlsx 或 .csv）"))
        self.browse_button = QPushButton(self.tr("选择文件…"))
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.browse_button)
        layout.addLayout(row)
        self.mapping_box = QGroupBox(self.tr("列对应（可修改）"))
        mapping_layout = QVBoxLayout(self.mapping_box)
        self.sheet = QComboBox()
        sheet_row = QHBoxLayout()
        sheet_row.addWidget(QLabel(self.tr("工作表")))
        sheet_row.addWidget(self.sheet)
        self.sheet_note = QLabel()
        sheet_row.addWidget(self.sheet_note, 1)
        mapping_layout.addLayout(sheet_row)
        self.mapping_grid = QGridLayout()
        mapping_layout.addLayout(self.mapping_grid)
        layout.addWidget(self.mapping_box)
        self.model = RowsTableModel([
            Column(self.tr("工作表"), "sheet"), Column(self.tr("行号"), "row_number", align_center=True),
            Column(self.tr("结果"), "action", words=True,
                   alert=lambda line: line.action == REFUSED),
            Column(self.tr("日期"), "date"), Column(self.tr("队伍"), "team"), Column(self.tr("类别"), "kind", words=True),
            Column(self.tr("参与队员"), "members"), Column(self.tr("成效"), "outcome"),
            Column(self.tr("原因与说明"), "reasons"),
        ])
        self.table = register_table(self.model, (80, 50, 50, 100, 120, 80, 140, 180, 300), 1,
                                    Qt.SortOrder.AscendingOrder)
        layout.addWidget(self.table, 1)
        self.counts = QLabel()
        layout.addWidget(self.counts)
        buttons = QHBoxLayout()
        self.check_button = QPushButton(self.tr("重新检查"))
        self.import_button = QPushButton(self.tr("导入"))
        self.report_button = QPushButton(self.tr("保存导入结果…"))
        self.close_button = QPushButton(self.tr("关闭"))
        for button in (self.check_button, self.import_button, self.report_button):
            button.setEnabled(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.browse_button.clicked.connect(self.browse)
        self.sheet.currentIndexChanged.connect(self._show_mapping)
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.run)
        self.report_button.clicked.connect(self.save_report)
        self.close_button.clicked.connect(self.reject)
        if path is not None:
            self.load(path)

    # --- reading and checking ---------------------------------------------------------------------
    def browse(self) -> None:
        path = chosen_file(self, self.tr("选择工作台账"), self.tr("Excel 或 CSV (*.xlsx *.xlsm *.csv);;所有文件 (*)"))
        if path:
            self.load(path)

    def load(self, path: Path) -> None:
        self.file_edit.setText(str(path))
        try:
            self.preview = read_ledger(path)
        except LedgerImportError as exc:
            QMessageBox.warning(self, self.tr("导入工作台账"), shown(exc.args[0]))
            return
        self.mappings = {sheet.sheet: dict(sheet.mapping) for sheet in self.preview.sheets}
        self.sheet.blockSignals(True)
        self.sheet.clear()
        for sheet in self.preview.sheets:
            self.sheet.addItem(sheet.sheet)
        self.sheet.blockSignals(False)
        self._show_mapping()
        self.check()

    def _show_mapping(self) -> None:
        clear_layout(self.mapping_grid)
        if self.preview is None or self.sheet.currentIndex() < 0:
            return
        sheet = self.preview.sheets[self.sheet.currentIndex()]
        self.sheet_note.setText(self.tr("年份：{0}；表头在第{1}行").format(
            sheet.year or self.tr("（标题中没有）"), sheet.header_row + 1))
        mapping = self.mappings[sheet.sheet]
        for column, header in enumerate(sheet.headers):
            combo = mapping_combo(FIELDS, mapping.get(column))
            combo.currentIndexChanged.connect(
                lambda _i, c=column, box=combo, name=sheet.sheet: self._remap(name, c, box.currentData()))
            self.mapping_grid.addWidget(QLabel(header or self.tr("（无表头）")), 0, column)
            self.mapping_grid.addWidget(combo, 1, column)

    def _remap(self, sheet: str, column: int, key: str | None) -> None:
        self.mappings[sheet][column] = key
        self.check_button.setEnabled(True)
        self.import_button.setEnabled(False)

    def _start(self, title: str, work, done, changes: frozenset[str] = frozenset()) -> None:
        """`changes`: what the step changes (the records, for the import: the tabs showing them refresh)."""
        for button in (self.check_button, self.import_button, self.report_button, self.browse_button):
            button.setEnabled(False)
        self.runner = start_step(
            self, title, work, done, expected=(LedgerImportError,), changes=changes,
            failed=lambda _exc: self.check_button.setEnabled(True),
            cancelled=lambda: self.check_button.setEnabled(True), finished=lambda: self.browse_button.setEnabled(True),
            refusal_text=lambda exc: shown(exc.args[0]))

    def check(self) -> None:
        if self.preview is None:
            return
        preview, mappings = self.preview, {k: dict(v) for k, v in self.mappings.items()}
        self._start(self.tr("检查工作台账"), lambda progress: plan_ledger_import(preview, mappings, progress=progress),
                    self._checked)

    def _checked(self, plan: LedgerPlan) -> None:
        self.plan = plan
        self.model.set_rows([VerdictLine(v) for v in plan.verdicts])
        self.counts.setText(self.tr("可导入 {0} 条，跳过 {1} 条，拒绝 {2} 条（拒绝的行不会导入，请改正后重新导入）").format(
            plan.counts[ADDED], plan.counts[SKIPPED], plan.counts[REFUSED]))
        self.check_button.setEnabled(True)
        self.import_button.setEnabled(plan.counts[ADDED] > 0)

    # --- importing --------------------------------------------------------------------------------
    def _import_work(self, progress):
        return run_ledger_import(self.plan, progress)

    def run(self) -> None:
        if self.plan is None:
            return
        self._start(self.tr("导入工作台账"), self._import_work, self._imported, changes=frozenset({RECORDS}))

    def _imported(self, report: LedgerReport) -> None:
        self.report = report
        self.plan = None
        self.model.set_rows([VerdictLine(v) for v in report.rows])
        self.counts.setText(self.tr("已导入 {0} 条，跳过 {1} 条，拒绝 {2} 条").format(
            report.added, report.skipped, report.refused))
        self.report_button.setEnabled(True)
        self.imported.emit()
        QMessageBox.information(self, self.tr("导入工作台账"), self.tr("已导入 {0} 条工作记录。").format(report.added))

    def save_report(self) -> None:
        if self.report is None:
            return
        report = self.report
        save_report_as(self, self.tr("保存导入结果"), self.tr("台账导入结果.xlsx"), self.tr("Excel 文件 (*.xlsx)"),
                       lambda chosen: save_ledger_report_xlsx(report, chosen))

