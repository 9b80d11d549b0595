"""The county's window page (a folder in county mode shows it instead of an office's tabs): 各单位 — each
office's 首页 figures beside its newest package (the date in red when older than the setting), people
registered in two offices, a certificate's code checked against every office; 台账 — the 工作记录, cases and
certificates of all offices or one; 工作简报 — a period's figures per office and added up, saved as .json.

Read-only: an office's records change only by its next package. Everything is read off the GUI thread
(ui/ops.py), since it opens every office's copy.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import FieldError
from ...domain.periods import parse_period
from ...services.accounts.roles import EDIT, SETTINGS
from ...services.county import overview
from ...services.county.reports import ReportError, county_report, write_county_report
from ..ops import STOPPED, follow_changes, run_and_wait
from ..roles import may
from .package_actions import COUNTY_DATA, PackageActions
from .values_model import Mark, ValuesModel

STALE_COLOR = QColor("#c62828")


def _table(headers: list[str]) -> QTableView:
    table = QTableView()
    table.setModel(ValuesModel(headers))
    table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setResizeContentsPrecision(200)  # widths from the first rows, not all of them
    return table


def _fill(table: QTableView, rows: list[list[object]], headers: list[str] | None = None,
          marks: dict[tuple[int, int], Mark] | None = None) -> None:
    model = table.model()
    assert isinstance(model, ValuesModel)
    model.set_rows(rows, headers, marks)
    table.resizeColumnsToContents()


class CountyTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.packages = PackageActions(self)
        layout = QVBoxLayout(self)
        self.pages = QTabWidget()
        layout.addWidget(self.pages)
        self.pages.addTab(self._offices_page(), self.tr("各单位"))
        self.pages.addTab(self._ledger_page(), self.tr("台账"))
        self.pages.addTab(self._report_page(), self.tr("工作简报"))
        self.loaded = 0  # how many times the figures were read (tests wait for it)
        # not inside the show event: the figures are read in a worker while a local event loop waits
        follow_changes(self, {COUNTY_DATA}, lambda: QTimer.singleShot(0, self.refresh))

    # --- 各单位 -----------------------------------------------------------------------------------

    def _offices_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        top = QHBoxLayout()
        self.import_button = QPushButton(self.tr("导入数据包…"))
        self.import_button.clicked.connect(self.import_packages)
        self.import_button.setVisible(may(EDIT))
        top.addWidget(self.import_button)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("数据包超过")))
        self.stale_days = QSpinBox()
        self.stale_days.setRange(1, 366)
        self.stale_days.setSuffix(self.tr(" 天"))
        self.stale_days.setEnabled(may(SETTINGS))
        self.stale_days.editingFinished.connect(self._stale_days_changed)
        top.addWidget(self.stale_days)
        top.addWidget(QLabel(self.tr("未报送时标红")))
        layout.addLayout(top)
        self.offices = _table([self.tr("单位"), self.tr("最新数据包"), self.tr("数据包日期"), self.tr("队伍"),
                               self.tr("在队队员"), self.tr("本月服务时长"), self.tr("本月工作记录"),
                               self.tr("在办案件"), self.tr("超期案件"), self.tr("今年证书"), self.tr("保险将到期")])
        layout.addWidget(self.offices, 3)
        layout.addWidget(QLabel(self.tr("同一身份证号在多个单位登记的人员：")))
        self.shared = QLabel()
        self.shared.setWordWrap(True)
        self.shared.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.shared)
        verify_row = QHBoxLayout()
        verify_row.addWidget(QLabel(self.tr("证书核验：")))
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("证书上的验证码或编号，任何单位签发的都可核验"))
        self.code.returnPressed.connect(self.verify)
        verify_row.addWidget(self.code, 1)
        self.verify_button = QPushButton(self.tr("核验"))
        self.verify_button.clicked.connect(self.verify)
        verify_row.addWidget(self.verify_button)
        layout.addLayout(verify_row)
        self.verify_result = QLabel()
        self.verify_result.setWordWrap(True)
        layout.addWidget(self.verify_result)
        return page

    def import_packages(self, files: list[str] | None = None) -> None:
        if self.packages.import_packages(files):
            self.refresh()

    def refresh(self) -> None:
        self.stale_days.setValue(overview.stale_after_days())
        result = run_and_wait(self, self.tr("正在读取各单位的数据"),
                              lambda _progress: (overview.office_rows(), overview.people_in_several_offices()))
        if result is STOPPED:
            return
        rows, shared = result
        table = []
        for row in rows:
            c = row.counts
            table.append([row.office.name, self.tr("第{0}号").format(row.office.sequence),
                          f"{row.package_date:%Y-%m-%d}" if row.package_date else "", c.teams, c.members_active,
                          round(c.hours_this_month, 1), c.activities_this_month, c.open_cases, c.overdue_cases,
                          c.certificates_this_year, c.insurance_expiring])
        if rows:
            table.append([self.tr("合计（{0}个单位）").format(len(rows)), "", "",
                          *[round(sum(r[i] for r in table), 1) if i == 5 else sum(r[i] for r in table)
                            for i in range(3, 11)]])
        _fill(self.offices, table, marks={
            (index, 2): (STALE_COLOR, self.tr("已 {0} 天没有新的数据包").format(row.days_since_package))
            for index, row in enumerate(rows) if row.stale})
        self.shared.setText("\n".join(p.text for p in shared) if shared else self.tr("（无）"))
        self._fill_office_choices()
        self.loaded += 1

    def _stale_days_changed(self) -> None:
        if self.stale_days.value() != overview.stale_after_days():
            overview.set_stale_after_days(self.stale_days.value())
            self.refresh()

    def verify(self) -> None:
        code = self.code.text().strip()
        if not code:
            return
        found = run_and_wait(self, self.tr("核验证书"), lambda _progress: overview.verify_certificate(code))
        if found is STOPPED:
            return
        office, result = found
        if not office:
            self.verify_result.setText(self.tr("不存在：没有任何单位签发过这个验证码或编号的证书"))
            return
        self.verify_result.setText(self.tr("{0}：{1} {2}，{3}，持证人 {4}（{5}），签发日期 {6}").format(
            QCoreApplication.translate("Vocabulary", result.status), result.type, result.serial, office,
            result.holder_name, result.id_masked, result.issued_on))

    # --- 台账 -------------------------------------------------------------------------------------

    def _filters(self) -> tuple[QHBoxLayout, QComboBox, QLineEdit]:
        row = QHBoxLayout()
        office = QComboBox()
        office.addItem(self.tr("全部单位"))
        period = QLineEdit(f"{date.today():%Y-%m}")
        period.setPlaceholderText(self.tr("2026-11、2026-Q4 或 2026"))
        row.addWidget(QLabel(self.tr("单位")))
        row.addWidget(office, 1)
        row.addWidget(QLabel(self.tr("期间")))
        row.addWidget(period)
        return row, office, period

    def _ledger_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row, self.ledger_office, self.ledger_period = self._filters()
        self.ledger_kind = QComboBox()
        for kind in (self.tr("工作记录"), self.tr("案件登记"), self.tr("证书")):
            self.ledger_kind.addItem(kind)
        row.insertWidget(0, self.ledger_kind)
        show = QPushButton(self.tr("查询"))
        show.clicked.connect(self.show_ledger)
        row.addWidget(show)
        layout.addLayout(row)
        self.ledger_count = QLabel()
        layout.addWidget(self.ledger_count)
        self.ledger = _table([])
        layout.addWidget(self.ledger, 1)
        return page

    def _period(self, field: QLineEdit):
        try:
            return parse_period(field.text())
        except FieldError as exc:
            QMessageBox.warning(self, self.tr("期间"), str(exc))
            field.setFocus()
            return None

    def _office(self, combo: QComboBox) -> str | None:
        return None if combo.currentIndex() <= 0 else combo.currentText()

    def show_ledger(self) -> None:
        period = self._period(self.ledger_period)
        if period is None:
            return
        kind, office = self.ledger_kind.currentIndex(), self._office(self.ledger_office)
        readers = (overview.activities, overview.cases, overview.certificates)
        rows = run_and_wait(self, self.tr("正在查询各单位的台账"),
                            lambda _p: readers[kind](period.start, period.end, office))
        if rows is STOPPED:
            return
        if kind == 0:
            headers = [self.tr("单位"), self.tr("日期"), self.tr("类别"), self.tr("队伍"), self.tr("地点"),
                       self.tr("成效"), self.tr("人数"), self.tr("时长")]
            values = [[o, f"{r.date:%Y-%m-%d}", QCoreApplication.translate("Vocabulary", r.kind), r.team, r.place,
                       r.figures, r.people, r.hours] for o, r in rows]
        elif kind == 1:
            headers = [self.tr("单位"), self.tr("编号"), self.tr("受理日期"), self.tr("类型"), self.tr("类别"),
                       self.tr("状态"), self.tr("办理期限")]
            values = [[o, r.number, f"{r.received_on:%Y-%m-%d}", r.kind, r.category, r.status,
                       f"{r.deadline:%Y-%m-%d}" if r.deadline else ""] for o, r in rows]
        else:
            headers = [self.tr("单位"), self.tr("编号"), self.tr("类型"), self.tr("称号"), self.tr("签发日期"),
                       self.tr("状态"), self.tr("验证码")]
            values = [[o, r.serial, r.type, r.title, f"{r.issued_on:%Y-%m-%d}", r.status, r.verification_code]
                      for o, r in rows]
        _fill(self.ledger, values, headers)
        self.ledger_count.setText(self.tr("共 {0} 条").format(len(values)))

    # --- 工作简报 ---------------------------------------------------------------------------------

    def _report_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        row, self.report_office, self.report_period = self._filters()
        make = QPushButton(self.tr("统计"))
        make.clicked.connect(self.show_report)
        save = QPushButton(self.tr("保存为 .json…"))
        save.clicked.connect(self.save_report)
        row.addWidget(make)
        row.addWidget(save)
        layout.addLayout(row)
        self.report_table = _table([])
        layout.addWidget(self.report_table, 1)
        return page

    def show_report(self) -> dict | None:
        period = self._period(self.report_period)
        if period is None:
            return None
        office = self._office(self.report_office)
        try:
            data = run_and_wait(self, self.tr("正在汇总工作简报"),
                                lambda progress: county_report(period, office, progress=progress),
                                expected=(ReportError,))
        except ReportError as exc:
            QMessageBox.warning(self, self.tr("工作简报"), str(exc))
            return None
        if data is STOPPED:
            return None
        names = list(data["offices"])
        lines: list[list[object]] = []
        for figure, total in data["figures"].items():
            lines.append([figure, *(data["offices"][n]["figures"].get(figure, 0) for n in names), total])
        for item, total in data["hours"].items():
            lines.append([self.tr("{0}（小时）").format(item), *(data["offices"][n]["hours"].get(item, 0) for n in names),
                          total])
        lines.append([self.tr("矛盾纠纷（件）"), *(data["offices"][n]["cases"]["total"] for n in names),
                      data["cases"]["total"]])
        lines.append([self.tr("调解成功率"), *(data["offices"][n]["cases"]["success_rate"] for n in names),
                      data["cases"]["success_rate"]])
        _fill(self.report_table, lines, [self.tr("指标"), *names, self.tr("合计")])
        return data

    def save_report(self) -> None:
        period = self._period(self.report_period)
        if period is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存县局工作简报"), self.tr("县局工作简报-{0}.json").format(period.code),
                                              self.tr("JSON (*.json)"))
        if not path:
            return
        office = self._office(self.report_office)
        try:
            run_and_wait(self, self.tr("正在保存工作简报"),
                         lambda progress: write_county_report(period, path, office, progress=progress),
                         expected=(ReportError, OSError))
        except (ReportError, OSError) as exc:
            QMessageBox.warning(self, self.tr("工作简报"), self.tr("未保存：{0}").format(exc))

    def _fill_office_choices(self) -> None:
        offices = self.offices.model()
        assert isinstance(offices, ValuesModel)
        names = [offices.text(r, 0) for r in range(max(0, offices.rowCount() - 1))]
        for combo in (self.ledger_office, self.report_office):
            current = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("全部单位"))
            combo.addItems(names)
            combo.setCurrentIndex(max(0, combo.findText(current)))
            combo.blockSignals(False)
