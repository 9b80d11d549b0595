"""积分与星级: the ranking of members by points or service hours, by team and period; the points rules and
the star thresholds, which the administrator edits (the ledger is recomputed from the records at once, off the
GUI thread through ops.TaskRunner: a prefecture's takes seconds; 取消 keeps the ledger and the rules as they were).

The ranking of a roster of more than ops.ROSTER_SEARCH_AT_ONCE members (a prefecture's: seconds) is made off
the GUI thread (`ops.Lookup`), the newest one asked for filling the table; a smaller one at once."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.points import RulesInvalid
from ...domain.service_levels import STAR_LABELS
from ...domain.vocabulary import ACTIVITY_KINDS
from ...services.records.choices import team_choices
from ...services.records.points import (
    ThresholdsInvalid,
    points_rules,
    ranking,
    recompute_ledger,
    save_points_rules,
    save_star_thresholds,
    star_thresholds,
)
from ...services.roster.search import count_all
from .. import ops
from ..i18n import shown, vocab
from ..id_table_model import Column
from ..ops import MEMBERS, RECORDS, SHIFTS, Lookup, TaskRunner, announce, follow_changes
from ..register_widgets import register_table
from ..rows_table_model import RowsTableModel


class RankLine:
    def __init__(self, row) -> None:
        self.rank, self.name, self.team = row.rank, row.name, row.team
        self.points, self.hours, self.stars = row.points, row.hours, vocab(STAR_LABELS[row.stars])


def _spin(maximum: float = 1000, decimals: int = 1) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0, maximum)
    spin.setDecimals(decimals)
    return spin


class PointsPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ranking_lookup = Lookup(self, self.tr("积分排名"))
        self.ranking_lookup.found.connect(self._show_ranking)
        self.runner: TaskRunner | None = None  # the recomputation running or last run
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        bar = QHBoxLayout()
        today = date.today()
        self.date_from = QDateEdit(QDate(today.year, 1, 1))
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.team = QComboBox()
        self.by = QComboBox()
        self.by.addItem(self.tr("按积分"), "points")
        self.by.addItem(self.tr("按服务时长"), "hours")
        for label, widget in ((self.tr("从"), self.date_from), (self.tr("至"), self.date_to), ("", self.team),
                              ("", self.by)):
            if label:
                bar.addWidget(QLabel(label))
            bar.addWidget(widget)
        bar.addStretch(1)
        left.addLayout(bar)
        self.model = RowsTableModel([
            Column(self.tr("名次"), "rank", align_center=True), Column(self.tr("姓名"), "name"),
            Column(self.tr("队伍"), "team"), Column(self.tr("积分"), "points", align_center=True),
            Column(self.tr("服务时长（小时）"), "hours", align_center=True), Column(self.tr("星级"), "stars"),
        ])
        self.table = register_table(self.model, (50, 140, 160, 70, 110, 60), 0, Qt.SortOrder.AscendingOrder)
        left.addWidget(self.table)
        layout.addLayout(left, 3)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        rules_box = QGroupBox(self.tr("积分规则（管理员）"))
        rules = QFormLayout(rules_box)
        self.per_duty_hour = _spin()
        self.per_activity_hour = _spin()
        self.per_training = _spin()
        self.per_training_hour = _spin()
        self.absence_cost = _spin()
        for label, spin in ((self.tr("值班每小时"), self.per_duty_hour), (self.tr("工作记录每小时"), self.per_activity_hour),
                            (self.tr("每参加一次培训"), self.per_training), (self.tr("培训每学时"), self.per_training_hour),
                            (self.tr("无故缺勤一次扣"), self.absence_cost)):
            rules.addRow(label, spin)
        kinds = QGridLayout()
        self.kind_points: dict[str, QDoubleSpinBox] = {}
        for index, kind in enumerate(ACTIVITY_KINDS):
            spin = _spin()
            self.kind_points[kind] = spin
            kinds.addWidget(QLabel(vocab(kind)), index // 2, (index % 2) * 2)
            kinds.addWidget(spin, index // 2, (index % 2) * 2 + 1)
        rules.addRow(QLabel(self.tr("每条工作记录另加（按类别）")))
        rules.addRow(kinds)
        self.save_rules_button = QPushButton(self.tr("保存规则并重算积分"))
        self.recompute_button = QPushButton(self.tr("按记录重算积分"))
        rules.addRow(self.save_rules_button)
        rules.addRow(self.recompute_button)
        side_layout.addWidget(rules_box)
        stars_box = QGroupBox(self.tr("星级评定（累计志愿服务时长，不含培训）"))
        stars = QFormLayout(stars_box)
        self.thresholds: list[QSpinBox] = []
        for level in range(1, 6):
            threshold = QSpinBox()
            threshold.setRange(1, 100_000)
            threshold.setSuffix(self.tr(" 小时"))
            self.thresholds.append(threshold)
            stars.addRow(vocab(STAR_LABELS[level]), threshold)
        self.save_stars_button = QPushButton(self.tr("保存星级时长"))
        stars.addRow(self.save_stars_button)
        side_layout.addWidget(stars_box)
        self.status = QLabel()
        self.status.setWordWrap(True)
        side_layout.addWidget(self.status)
        side_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(380)
        layout.addWidget(scroll, 2)
        for widget in (self.team, self.by):
            widget.currentIndexChanged.connect(self.refresh_ranking)
        self.date_from.dateChanged.connect(self.refresh_ranking)
        self.date_to.dateChanged.connect(self.refresh_ranking)
        self.save_rules_button.clicked.connect(self.save_rules)
        self.recompute_button.clicked.connect(self.recompute)
        self.save_stars_button.clicked.connect(self.save_stars)
        follow_changes(self, {RECORDS, MEMBERS, SHIFTS}, self.refresh)

    def refresh(self) -> None:
        current = self.team.currentData()
        self.team.blockSignals(True)
        self.team.clear()
        self.team.addItem(self.tr("全部队伍"), None)
        for team_id, name in team_choices():
            self.team.addItem(name, team_id)
        self.team.setCurrentIndex(max(self.team.findData(current), 0))
        self.team.blockSignals(False)
        rules = points_rules()
        for name in ("per_duty_hour", "per_activity_hour", "per_training", "per_training_hour", "absence_cost"):
            getattr(self, name).setValue(getattr(rules, name))
        for kind, spin in self.kind_points.items():
            spin.setValue(rules.kind_points(kind))
        for threshold, value in zip(self.thresholds, star_thresholds(), strict=False):
            threshold.setValue(value)
        self.refresh_ranking()

    def refresh_ranking(self) -> None:
        q1, q2 = self.date_from.date(), self.date_to.date()
        period = date(q1.year(), q1.month(), q1.day()), date(q2.year(), q2.month(), q2.day())
        team_id, by = self.team.currentData(), self.by.currentData() or "points"

        def work() -> list[RankLine]:
            return [RankLine(row) for row in ranking(*period, team_id, by=by)]

        if count_all() > ops.ROSTER_SEARCH_AT_ONCE:
            self.ranking_lookup.ask(work)
        else:
            self._show_ranking(work())

    def _show_ranking(self, lines: list[RankLine]) -> None:
        self.model.set_rows(lines)

    def rules_values(self) -> dict:
        values = {name: getattr(self, name).value() for name in
                  ("per_duty_hour", "per_activity_hour", "per_training", "per_training_hour", "absence_cost")}
        values["per_kind"] = {kind: spin.value() for kind, spin in self.kind_points.items() if spin.value()}
        return values

    def save_rules(self) -> None:
        values = self.rules_values()
        self._recalculate(self.tr("积分规则"), lambda progress: save_points_rules(values, progress),
                          lambda _rules: self.tr("积分规则已保存，积分已按记录重算。"), (RulesInvalid,))

    def recompute(self) -> None:
        self._recalculate(self.tr("积分"), lambda progress: recompute_ledger(progress=progress),
                          lambda count: self.tr("已按记录重算积分明细 {0} 条。").format(count))

    def _recalculate(self, title: str, work, said, expected: tuple[type[BaseException], ...] = ()) -> None:
        """The ledger recomputed off the GUI thread (a prefecture's: seconds), with progress and 取消; the
        buttons wait until it has ended. 取消 keeps the ledger (and the rules) as they were."""
        for button in (self.save_rules_button, self.recompute_button):
            button.setEnabled(False)
        runner = self.runner = TaskRunner(self, self.tr("重算积分"), work, changes={RECORDS},
                                          expected=(*expected, PermissionError))

        def finished() -> None:
            for button in (self.save_rules_button, self.recompute_button):
                button.setEnabled(True)

        def done(result) -> None:
            self.status.setText(said(result))
            self.refresh_ranking()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, runner.expected):  # a refusal (a role's among them); a clash has its own dialog
                QMessageBox.warning(self, title, shown(exc))

        runner.finished.connect(finished)
        runner.done.connect(done)
        runner.error.connect(failed)
        runner.cancelled.connect(lambda: self.status.setText(self.tr("已取消重算，积分未改变。")))
        runner.start()

    def save_stars(self) -> None:
        try:
            save_star_thresholds([spin.value() for spin in self.thresholds])
        except (ThresholdsInvalid, PermissionError) as exc:
            QMessageBox.warning(self, self.tr("星级评定"), shown(exc.args[0] if isinstance(exc, ThresholdsInvalid)
                                                               else exc))
            return
        announce({RECORDS, MEMBERS}, self)
        self.status.setText(self.tr("星级时长已保存。"))
        self.refresh_ranking()
