"""导入花名册: pick a file and sheet, check the column mapping, see every row's verdict, then import
the good rows (or nothing). Reading, checking and importing run off the GUI thread and can be cancelled."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...services.roster.importer import (
    ADDED,
    FIELDS,
    REFUSED,
    SKIPPED,
    UPDATED,
    ImportPlan,
    ImportReport,
    RosterImportError,
    SheetPreview,
    list_sheets,
    plan_import,
    read_sheet,
    run_import,
    save_report_xlsx,
)
from ..i18n import shown
from ..id_table_model import Column
from ..import_flow import chosen_file, clear_layout, mapping_combo, save_report_as, start_step
from ..ops import MEMBERS, TEAMS, TaskRunner
from ..rows_table_model import RowsTableModel
from ..widgets.table_actions import table_actions


class VerdictRow:
    """One preview line; the service has already masked the ID number and phone."""

    def __init__(self, verdict) -> None:
        self.row_number = verdict.row_number
        self.action = verdict.action
        self.name = verdict.values.get("name", "")
        self.id_masked = verdict.values.get("id_number", "")
        team = verdict.values.get("team", "")
        self.team = (QCoreApplication.translate("ImportDialog", "{0}（新建）").format(team) if verdict.new_team
                     else team)
        self.reasons = "；".join(shown(r) for r in verdict.reasons)


class ImportDialog(QDialog):
    imported = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入花名册"))
        self.resize(1000, 700)
        self.path: Path | None = None
        self.preview: SheetPreview | None = None
        self.plan: ImportPlan | None = None
        self.report: ImportReport | None = None
        self.runner: TaskRunner | None = None
        self.mapping_boxes: dict[int, QComboBox] = {}

        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("选择 Excel（.xlsx）或 CSV 文件"))
        self.choose_button = QPushButton(self.tr("选择文件…"))
        self.choose_button.clicked.connect(self.choose_file)
        self.sheet = QComboBox()
        self.sheet.currentTextChanged.connect(self._sheet_chosen)
        self.update_existing = QCheckBox(self.tr("身份证号已登记的队员：用表中信息更新（不勾选则跳过）"))
        self.update_existing.toggled.connect(self.check_rows)
        self.accept_names = QCheckBox(self.tr("姓名各部分之间是空格的（如“阿依古丽 买买提”），按建议改为“·”"))
        self.accept_names.setToolTip(self.tr("不勾选时这些行不导入，原因中给出建议的写法，请核对身份证后再勾选。"))
        self.accept_names.toggled.connect(self.check_rows)

        top = QGridLayout()
        top.addWidget(QLabel(self.tr("文件")), 0, 0)
        top.addWidget(self.file_edit, 0, 1)
        top.addWidget(self.choose_button, 0, 2)
        top.addWidget(QLabel(self.tr("工作表")), 1, 0)
        top.addWidget(self.sheet, 1, 1)
        top.addWidget(self.update_existing, 2, 1)
        top.addWidget(self.accept_names, 3, 1)

        self.mapping_group = QGroupBox(self.tr("列对应（已按表头自动识别，可手动调整）"))
        self.mapping_layout = QGridLayout(self.mapping_group)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = RowsTableModel([
            Column(self.tr("行号"), "row_number", align_center=True),
            Column(self.tr("结果"), "action", align_center=True, alert=lambda r: r.action == REFUSED,
                   words=True),
            Column(self.tr("姓名"), "name"),
            Column(self.tr("身份证号"), "id_masked"),
            Column(self.tr("队伍"), "team"),
            Column(self.tr("说明"), "reasons", alert=lambda r: r.action == REFUSED),
        ])
        self.table = QTableView()
        self.table.setModel(self.model)
        table_actions(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        for i, width in enumerate((50, 50, 140, 170, 140)):
            self.table.horizontalHeader().resizeSection(i, width)

        self.import_button = QPushButton(self.tr("导入可导入的行"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.report_button = QPushButton(self.tr("保存导入报告…"))
        self.report_button.setEnabled(False)
        self.report_button.clicked.connect(self.save_report)
        self.close_button = QPushButton(self.tr("不导入，关闭"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.report_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.mapping_group)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    # --- reading -------------------------------------------------------------------------------------
    def choose_file(self) -> None:
        path = chosen_file(self, self.tr("选择要导入的文件"), self.tr("花名册 (*.xlsx *.csv)"))
        if path:
            self.load_file(path)

    def load_file(self, path: Path) -> None:
        try:
            sheets = list_sheets(path)
        except Exception as exc:  # noqa: BLE001 - any unreadable file gets the same plain answer
            QMessageBox.warning(self, self.tr("无法读取"), self.tr("无法读取这个文件：{0}").format(shown(exc)))
            return
        self.path = path
        self.file_edit.setText(str(path))
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(sheets)
        self.sheet.blockSignals(False)
        self._sheet_chosen(sheets[0] if sheets else "")

    def _sheet_chosen(self, sheet: str) -> None:
        if not self.path or not sheet:
            return
        path = self.path
        self._run(self.tr("正在读取…"), lambda progress: read_sheet(path, sheet), self._sheet_read)

    def _sheet_read(self, preview: SheetPreview) -> None:
        self.preview = preview
        clear_layout(self.mapping_layout)
        self.mapping_boxes = {}
        for i, header in enumerate(preview.headers):
            box = mapping_combo(FIELDS, preview.mapping.get(i))
            box.currentIndexChanged.connect(self.check_rows)
            self.mapping_boxes[i] = box
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.addWidget(QLabel(str(header or self.tr("（无表头）"))))
            cell_layout.addWidget(box)
            self.mapping_layout.addWidget(cell, i // 6, i % 6)
        self.check_rows()

    def mapping(self) -> dict[int, str | None]:
        return {i: box.currentData() for i, box in self.mapping_boxes.items()}

    # --- checking ------------------------------------------------------------------------------------
    def check_rows(self) -> None:
        if self.preview is None or self.report is not None:
            return
        preview, mapping, update = self.preview, self.mapping(), self.update_existing.isChecked()
        names = self.accept_names.isChecked()
        self._run(self.tr("正在检查每一行…"),
                  lambda progress: plan_import(preview, mapping, update_existing=update, progress=progress,
                                               accept_proposed_names=names),
                  self._checked)

    def _checked(self, plan: ImportPlan) -> None:
        self.plan = plan
        self.model.set_rows([VerdictRow(v) for v in plan.verdicts])
        c = plan.counts
        text = self.tr("共 {0} 行：新增 {1}，更新 {2}，跳过 {3}，拒绝 {4}。").format(
            len(plan.verdicts), c.get(ADDED, 0), c.get(UPDATED, 0), c.get(SKIPPED, 0), c.get(REFUSED, 0))
        if plan.new_teams:
            text += self.tr(" 将新建队伍：{0}。").format("、".join(plan.new_teams))
        self.summary.setText(text)
        good = c.get(ADDED, 0) + c.get(UPDATED, 0)
        self.import_button.setEnabled(good > 0)
        self.import_button.setText(self.tr("导入可导入的 {0} 行").format(good))

    # --- importing -----------------------------------------------------------------------------------
    def start_import(self) -> None:
        if self.plan is None:
            return
        plan = self.plan
        self._run(self.tr("正在导入…"), lambda progress: run_import(plan, progress=progress), self._imported,
                  changes={MEMBERS, TEAMS})

    def _imported(self, report: ImportReport) -> None:
        self.report = report
        self.model.set_rows([VerdictRow(v) for v in report.rows])
        teams = self.tr("，新建队伍：{0}").format("、".join(report.teams_created)) if report.teams_created else ""
        self.summary.setText(self.tr("导入完成：新增 {0}，更新 {1}，跳过 {2}，拒绝 {3}{4}。").format(
            report.added, report.updated, report.skipped, report.refused, teams))
        self.import_button.setEnabled(False)
        self.report_button.setEnabled(True)
        self.close_button.setText(self.tr("关闭"))
        for box in self.mapping_boxes.values():
            box.setEnabled(False)
        self.update_existing.setEnabled(False)
        self.accept_names.setEnabled(False)
        self.choose_button.setEnabled(False)
        self.imported.emit()

    def save_report(self, path: Path | None = None) -> None:
        if self.report is None:
            return
        report = self.report
        save_report_as(self, self.tr("保存导入报告"), self.tr("导入报告.xlsx"), self.tr("Excel 工作簿 (*.xlsx)"),
                       lambda chosen: save_report_xlsx(report, chosen), path)

    def _run(self, title: str, work, on_done, changes: set[str] | None = None) -> None:
        self.runner = start_step(
            self, title, work, on_done, expected=(RosterImportError,), changes=changes or (),
            cancelled=lambda: self.summary.setText(self.tr("已取消，数据库没有任何改动。")))
