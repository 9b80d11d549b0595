"""工作简报: choose the month, quarter or year and the office or a team, look at the figures and the draft
paragraph, edit the paragraph, then write the PDF, .xlsx or .json. Gathering and writing run through
ui/ops.py (off the GUI thread, with progress)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...documents.work_report import WorkReport
from ...domain.activity_figures import format_count
from ...domain.periods import MONTH, QUARTER, YEAR, Period
from ...services.files.writer import FileWriteError
from ...services.records.choices import team_choices
from ...services.records.reports import ReportError, report_data, write_report
from ..i18n import shown, vocab
from ..id_table_model import Column
from ..ops import RECORDS, TEAMS, TaskRunner, follow_changes
from ..register_widgets import register_table
from ..rows_table_model import RowsTableModel


class FigureRow:
    def __init__(self, line) -> None:
        self.name, self.value, self.unit, self.source = vocab(line.name), format_count(line.value), line.unit, line.source


class ReportPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: WorkReport | None = None
        self.data_for: tuple | None = None
        self.runner: TaskRunner | None = None
        self.written: Path | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        today = date.today()
        self.kind = QComboBox()
        for label, kind in ((self.tr("月报"), MONTH), (self.tr("季报"), QUARTER), (self.tr("年报"), YEAR)):
            self.kind.addItem(label, kind)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.year.setSuffix(self.tr(" 年"))
        self.number = QSpinBox()
        self.number.setRange(1, 12)
        self.number.setValue(today.month)
        self.team = QComboBox()
        self.draft_button = QPushButton(self.tr("统计并生成草稿"))
        for widget in (self.kind, self.year, self.number, self.team, self.draft_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold; font-size: 12pt;")
        layout.addWidget(self.heading)
        layout.addWidget(QLabel(self.tr("简报正文（可修改，打印时使用修改后的文字）")))
        self.paragraph = QPlainTextEdit()
        self.paragraph.setMinimumHeight(120)
        layout.addWidget(self.paragraph)
        self.model = RowsTableModel([Column(self.tr("指标"), "name"), Column(self.tr("数量"), "value", align_center=True),
                                     Column(self.tr("单位"), "unit", align_center=True),
                                     Column(self.tr("统计来源"), "source")])
        self.table = register_table(self.model, (200, 90, 60, 100), 0, Qt.SortOrder.AscendingOrder)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.pdf_button = QPushButton(self.tr("保存 PDF…"))
        self.xlsx_button = QPushButton(self.tr("保存 Excel…"))
        self.json_button = QPushButton(self.tr("保存 JSON…"))
        for button in (self.pdf_button, self.xlsx_button, self.json_button):
            button.setEnabled(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.status = QLabel()
        buttons.addWidget(self.status)
        layout.addLayout(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.draft_button.clicked.connect(self.make_draft)
        self.pdf_button.clicked.connect(lambda: self.save(".pdf"))
        self.xlsx_button.clicked.connect(lambda: self.save(".xlsx"))
        self.json_button.clicked.connect(lambda: self.save(".json"))
        follow_changes(self, {TEAMS, RECORDS}, self._reload_teams)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.number.setVisible(kind != YEAR)
        self.number.setRange(1, 12 if kind == MONTH else 4)
        self.number.setSuffix(self.tr(" 月") if kind == MONTH else self.tr(" 季度"))

    def _reload_teams(self) -> None:
        current = self.team.currentData()
        self.team.clear()
        self.team.addItem(self.tr("全所"), None)
        for team_id, name in team_choices():
            self.team.addItem(name, team_id)
        self.team.setCurrentIndex(max(self.team.findData(current), 0))
        self._kind_changed()

    def period(self) -> Period:
        kind = self.kind.currentData()
        return Period(kind, self.year.value(), 0 if kind == YEAR else self.number.value())

    def set_period(self, period: Period, team_id: int | None = None) -> None:
        self.kind.setCurrentIndex(max(self.kind.findData(period.kind), 0))
        self.year.setValue(period.year)
        if period.kind != YEAR:
            self.number.setValue(period.number)
        self.team.setCurrentIndex(max(self.team.findData(team_id), 0))

    def _run(self, title: str, work, done) -> None:
        for button in (self.draft_button, self.pdf_button, self.xlsx_button, self.json_button):
            button.setEnabled(False)
        self.runner = TaskRunner(self, title, work, expected=(ReportError, FileWriteError))
        self.runner.finished.connect(lambda: self.draft_button.setEnabled(True))
        self.runner.done.connect(done)
        def failed(exc: BaseException) -> None:
            QMessageBox.warning(self, title, shown(exc))
            self._enable_saving()

        self.runner.error.connect(failed)
        self.runner.cancelled.connect(self._enable_saving)
        self.runner.start()

    def make_draft(self) -> None:
        period, team_id = self.period(), self.team.currentData()
        self.data_for = (period, team_id)
        self._run(self.tr("统计工作简报"), lambda progress: report_data(period, team_id, progress=progress), self._drafted)

    def _drafted(self, data: WorkReport) -> None:
        self.data = data
        self.heading.setText(data.heading)
        self.paragraph.setPlainText(data.paragraph)
        self.model.set_rows([FigureRow(line) for line in data.figures])
        self._enable_saving()

    def _enable_saving(self) -> None:
        for button in (self.pdf_button, self.xlsx_button, self.json_button):
            button.setEnabled(self.data is not None)

    def save(self, suffix: str) -> None:
        if self.data is None or self.data_for is None:
            return
        period, team_id = self.data_for
        default = f"{self.data.heading}{suffix}"
        filters = {".pdf": self.tr("PDF 文件 (*.pdf)"), ".xlsx": self.tr("Excel 文件 (*.xlsx)"),
                   ".json": self.tr("JSON 文件 (*.json)")}
        name, _ = QFileDialog.getSaveFileName(self, self.tr("保存工作简报"), default, filters[suffix])
        if not name:
            return
        path = Path(name) if name.lower().endswith(suffix) else Path(name + suffix)
        paragraph = self.paragraph.toPlainText()
        self._run(self.tr("保存工作简报"),
                  lambda progress: write_report(period, team_id, path, paragraph=paragraph, progress=progress),
                  lambda _data: self._saved(path))

    def _saved(self, path: Path) -> None:
        self.written = path
        self.status.setText(self.tr("已保存：{0}").format(path))
        self._enable_saving()
