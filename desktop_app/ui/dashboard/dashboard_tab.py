"""首页: today's figures, each a button that opens the records behind it (a list, or the 工作记录 tab
filtered); this month's work by figure, kind and team; the trends of the last twelve months (QtCharts);
insurance and qualifications expired (red) and expiring within 30 days (amber); the coming week's shifts
short of people. On a new database it says what to do first, in order, each step a button. A banner shows
while a year's holiday arrangement is not entered (from 1 November for the next year).

The page reads its figures again at every show. With a roster of more than ops.ROSTER_SEARCH_AT_ONCE members
(a prefecture's: the numbers ~0.2 s, the twelve months' trends over a second) they are read off the GUI
thread (`ops.Lookup`, the numbers and the trends apart), the page showing the figures it has meanwhile; a
smaller office's at once, the trends on the next turn of the event loop. This month's lines by team: the
first TEAM_LINES_AT_FIRST, the others when 显示其余… is clicked. The list behind a number is read off the GUI
thread (ops.TaskRunner), whatever the office's size, and opens when read.

A big office's figures are put on the page in pieces, one a turn of the event loop (the cards and the month's
figures, then the lines by kind, then those by team, LINES_AT_ONCE at a time; see _next_turn), and its
trends are read only once those lines are made: in a worker beside the page's filling they held the GIL the
GUI thread waited for after each Qt call (the first 首页 after start-up stalled 200–340 ms for 65–100 ms of its own work)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.activity_figures import BY_NAME, FIGURES, format_count
from ...domain.dates import format_date
from ...domain.holiday_days import NATIONAL
from ...services.calendar.working_days import missing_arrangements
from ...services.dashboard import drilldown as dd
from ...services.dashboard.figures import (
    FIRST_STEPS,
    DashboardCounts,
    MonthWork,
    dashboard_counts,
    first_steps,
    month_work,
    trends,
)
from ...services.progress import Progress
from ...services.records.activity_list import ActivityFilter
from ...services.records.work_figures import RECORDS, KindFigures
from ...services.roster.search import count_all
from .. import ops
from ..i18n import shown, vocab
from ..ops import DATA, Lookup, TaskRunner, follow_changes

RED, AMBER, BLUE = "#c0392b", "#d68910", "#1f4e79"
CARD_STYLE = f"""
QFrame#card {{ background: #ffffff; border: 1px solid #d9dee5; border-radius: 6px; }}
QPushButton#value {{ font-size: 24pt; font-weight: bold; color: {BLUE}; border: none; text-align: left;
                     padding: 0; background: transparent; }}
QPushButton#value:hover {{ text-decoration: underline; }}
QPushButton#value[level="alert"] {{ color: {RED}; }}
QPushButton#value[level="warn"] {{ color: {AMBER}; }}
QLabel#caption {{ font-size: 11pt; color: #333333; }}
QLabel#detail {{ font-size: 9pt; color: #777777; }}
QLabel#banner {{ background: #fff4d6; border: 1px solid #e0b94f; border-radius: 4px; padding: 8px;
                color: #6b4e00; font-size: 11pt; }}
QFrame#steps {{ background: #eef5fb; border: 1px solid #9cc3e6; border-radius: 6px; }}
QPushButton#figure {{ border: none; text-align: left; color: {BLUE}; background: transparent; padding: 2px; }}
QPushButton#figure:hover {{ text-decoration: underline; }}
QPushButton#value:disabled, QPushButton#figure:disabled {{ color: #8a8f96; }}
"""


class Card(QFrame):
    """A number, what it counts and a detail line; clicking the number emits `clicked`."""

    clicked = Signal()

    def __init__(self, caption: str) -> None:
        super().__init__()
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        self.value = QPushButton("—")
        self.value.setObjectName("value")
        self.value.setCursor(Qt.CursorShape.PointingHandCursor)
        self.value.setFlat(True)
        self.value.setFixedHeight(46)
        self.caption = QLabel(caption)
        self.caption.setObjectName("caption")
        self.detail = QLabel("")
        self.detail.setObjectName("detail")
        self.detail.setWordWrap(True)
        for widget in (self.value, self.caption, self.detail):
            layout.addWidget(widget)
        layout.setSpacing(2)
        self.setMinimumHeight(112)
        self.value.clicked.connect(self.clicked)

    def set(self, value: str, detail: str = "", alert: bool = False, level: str = "") -> None:
        """`value` a number as text; a zero has nothing behind it to open, so it is not a link."""
        self.value.setText(value)
        self.detail.setText(detail)
        self.value.setProperty("level", "alert" if alert else level)
        _link_unless_zero(self.value, value)
        self.value.style().unpolish(self.value)
        self.value.style().polish(self.value)


def _link_unless_zero(button: QPushButton, number: str) -> None:
    """A number on the page opens its records when clicked; a zero stays as plain as a label."""
    zero = number.strip() in ("0", "—")
    button.setEnabled(not zero)
    button.setCursor(Qt.CursorShape.ArrowCursor if zero else Qt.CursorShape.PointingHandCursor)
    button.setToolTip("" if zero else QCoreApplication.translate("Card", "点击查看明细"))


class DrillDownDialog(QDialog):
    """The records behind one number, as a read-only table."""

    def __init__(self, records: dd.DrillDown, parent: QWidget | None = None, rows: list[_Row] | None = None) -> None:
        """`rows`: the records' rows as shown, when made already (in the worker that read them)."""
        super().__init__(parent)
        from ..id_table_model import Column
        from ..rows_table_model import RowsTableModel

        self.records = records
        self.setWindowTitle(shown(records.title))
        self.resize(720, 460)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("{0}：共 {1} 条").format(shown(records.title), len(records.rows))))
        self.model = RowsTableModel([Column(shown(h), f"c{i}") for i, h in enumerate(records.headers)],
                                    rows if rows is not None else [_Row(row) for row in records.rows])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class _Row:
    def __init__(self, values: tuple[str, ...]) -> None:
        for index, value in enumerate(values):
            setattr(self, f"c{index}", shown(value))


@dataclass(frozen=True)
class _Figures:
    """What the page reads for a day, apart from the trends (no widgets: read in a worker or at once)."""

    today: date
    counts: DashboardCounts
    missing: list[tuple[int, str]]
    steps: dict[str, bool]
    work: MonthWork


def _read_figures(today: date) -> _Figures:
    return _Figures(today, dashboard_counts(today), list(missing_arrangements(today)), first_steps(),
                    month_work(today))


def _read_trends(today: date) -> tuple[date, dict[str, dict[str, int]]]:
    return today, trends(today)


def _next_turn(receiver: QObject, step: Callable[[], Any]) -> None:
    """`step` on a later turn of the event loop, after the timers due and the layout and paint the last step
    asked for. Not a zero timer: Qt delivers one posted while it delivers the posted events in the same pass,
    so a chain of them ran in one piece, the window painted only at its end."""
    QTimer.singleShot(1, receiver, step)


class _Gate:
    """What a big office's trends wait for in their worker: the page's lines made. Opened early when newer
    figures are asked for (then the trends are not read: `passed` is False), when the page goes or the
    program quits."""

    WAIT_S = 30.0  # at most: figures that fail (the error dialog) do not hold the trends back for ever

    def __init__(self) -> None:
        self._event = threading.Event()
        self._wanted = True

    def open(self, wanted: bool = True) -> None:
        self._wanted = self._wanted and wanted
        self._event.set()

    def passed(self) -> bool:
        self._event.wait(self.WAIT_S)
        return self._wanted


class _Gates:
    """The page's gate of the moment (a plain object: it outlives the page, for its `destroyed`)."""

    def __init__(self) -> None:
        self.current: _Gate | None = None

    def new(self) -> _Gate:
        self.open(wanted=False)
        self.current = _Gate()
        return self.current

    def open(self, wanted: bool = True) -> None:
        if self.current is not None:
            self.current.open(wanted)
            self.current = None


TEAM_LINES_AT_FIRST = 30  # lines by team made with the page; the others when 显示其余… is clicked
Group = tuple[Any, str, ActivityFilter, KindFigures]  # key (a kind, a team's id), name, its records, figures


class _GroupLines(QObject):
    """The lines of one block (this month by kind, by team): a name, its records as a link, its first two
    figures. The lines are kept and their texts changed when the figures change; new ones are made
    LINES_AT_ONCE at a time, one batch each turn of the event loop. With `first`, only that many lines are
    made until 显示其余… is clicked (a prefecture's 200 teams are 600 widgets: made with the page they froze
    the window for a quarter of a second or more, for lines below the page's fold)."""

    LINES_AT_ONCE = 10

    def __init__(self, tab: DashboardTab, layout: QGridLayout, caption: str, first: int | None = None) -> None:
        super().__init__(tab)
        self._tab, self._layout = tab, layout
        self._first = first
        self._expanded = False
        self.more_button = QPushButton()
        self.more_button.setObjectName("figure")
        self.more_button.clicked.connect(self._expand)
        layout.addWidget(self.more_button, 1, 0, 1, 3)
        self.more_button.hide()
        label = QLabel(caption)
        label.setObjectName("caption")
        layout.addWidget(label, 0, 0, 1, 3)
        self._empty = QLabel(QCoreApplication.translate("DashboardTab", "本月还没有工作记录"))
        layout.addWidget(self._empty, 1, 0)
        self._lines: list[tuple[QLabel, QPushButton, QLabel]] = []
        self._groups: list[Group] = []
        self.buttons: dict[Any, QPushButton] = {}  # the links made so far, by key
        self._more_asked = False

    def show(self, groups: list[Group]) -> dict[Any, QPushButton]:
        self._groups = groups
        self.buttons = {}
        self._empty.setVisible(not groups)
        for index, line in enumerate(self._lines):
            if index < self._wanted:
                self._fill(index)
            else:
                for widget in line:
                    widget.hide()
        self._make_more()
        return self.buttons

    @property
    def _wanted(self) -> int:
        """How many lines are shown: every group's, or the first ones until 显示其余… is clicked."""
        if self._first is None or self._expanded:
            return len(self._groups)
        return min(self._first, len(self._groups))

    @property
    def complete(self) -> bool:
        """Every line shown is made (none waits for the next turn of the event loop)."""
        return len(self._lines) >= self._wanted

    def _expand(self) -> None:
        self._expanded = True
        self._make_more()

    def _place_more_button(self) -> None:
        rest = len(self._groups) - self._wanted
        if rest > 0:
            self.more_button.setText(QCoreApplication.translate("DashboardTab", "显示其余 {0} 项…").format(rest))
            self._layout.removeWidget(self.more_button)
            self._layout.addWidget(self.more_button, self._wanted + 1, 0, 1, 3)  # under the last line
        self.more_button.setVisible(rest > 0)

    def _make_more(self) -> None:
        self._more_asked = False
        start = len(self._lines)
        for index in range(start, min(self._wanted, start + self.LINES_AT_ONCE)):
            button = QPushButton()
            button.setObjectName("figure")
            button.clicked.connect(lambda _c=False, index=index: self._clicked(index))
            detail = QLabel()
            detail.setObjectName("detail")
            line = (QLabel(), button, detail)
            for column, widget in enumerate(line):
                self._layout.addWidget(widget, index + 1, column)
            self._lines.append(line)
            self._fill(index)
        self._place_more_button()
        if not self.complete and not self._more_asked:
            self._more_asked = True
            _next_turn(self, self._make_more)

    def _fill(self, index: int) -> None:
        key, name, _wanted, numbers = self._groups[index]
        name_label, button, detail = self._lines[index]
        name_label.setText(name)
        button.setText(QCoreApplication.translate("DashboardTab", "{0} 条").format(numbers.records))
        _link_unless_zero(button, str(numbers.records))
        detail.setText("、".join(f"{vocab(n)}{format_count(v)}{BY_NAME[n].unit}"
                                for n, v in list(numbers.figures.items())[:2]))
        for widget in (name_label, button, detail):
            widget.show()
        self.buttons[key] = button

    def _clicked(self, index: int) -> None:
        if index < len(self._groups):
            self._tab.records_requested.emit(self._groups[index][2])


class DashboardTab(QWidget):
    holidays_requested = Signal(object)  # the year to enter, from the banner's link
    records_requested = Signal(object)  # an ActivityFilter: open the 工作记录 tab with those records
    step_requested = Signal(str)  # one of FIRST_STEPS: 建队伍, 录入队员, 设岗位, 排班

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(CARD_STYLE)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget()
        wrapper = QVBoxLayout(self)
        wrapper.setContentsMargins(0, 0, 0, 0)
        wrapper.addWidget(scroll)
        outer = QVBoxLayout(page)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        outer.addWidget(self.heading)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.linkActivated.connect(lambda year: self.holidays_requested.emit(int(year)))
        self.banner.hide()
        outer.addWidget(self.banner)
        outer.addWidget(self._steps_panel())
        grid = QGridLayout()
        grid.setSpacing(10)
        outer.addLayout(grid)
        self.cards = {
            "members": Card(self.tr("在队队员")),
            "teams": Card(self.tr("队伍")),
            "shifts": Card(self.tr("本周班次")),
            "short": Card(self.tr("未来一周人手不足的班次")),
            "hours": Card(self.tr("本月服务时长（小时）")),
            "activities": Card(self.tr("本月工作记录")),
            "cases": Card(self.tr("在办纠纷")),
            "overdue": Card(self.tr("超期纠纷")),
            "certificates": Card(self.tr("今年发出证书")),
            "insurance_expired": Card(self.tr("意外保险已过期")),
            "insurance": Card(self.tr("意外保险30天内到期")),
            "qualifications_expired": Card(self.tr("资质已过期")),
            "qualifications": Card(self.tr("资质30天内到期")),
            "confirmations": Card(self.tr("可申请司法确认的调解协议")),
        }
        for index, card in enumerate(self.cards.values()):
            grid.addWidget(card, index // 5, index % 5)
        targets = {"members": dd.MEMBERS, "teams": dd.TEAMS, "shifts": dd.WEEK_SHIFTS, "short": dd.SHORT_SHIFTS,
                   "hours": dd.HOURS_MONTH,
                   "cases": dd.OPEN_CASES, "overdue": dd.OVERDUE_CASES, "certificates": dd.CERTIFICATES,
                   "insurance_expired": dd.INSURANCE_EXPIRED, "insurance": dd.INSURANCE_EXPIRING,
                   "qualifications_expired": dd.QUALIFICATIONS_EXPIRED, "qualifications": dd.QUALIFICATIONS_EXPIRING,
                   "confirmations": dd.CONFIRMATIONS}
        for name, key in targets.items():
            self.cards[name].clicked.connect(lambda key=key: self.open_drilldown(key))
        self.cards["activities"].clicked.connect(lambda: self.records_requested.emit(self._month_filter()))
        month = QHBoxLayout()
        outer.addLayout(month)
        self.figures_box = QFrame()
        self.figures_box.setObjectName("card")
        self.figures_layout = QGridLayout(self.figures_box)
        self.figures_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        month.addWidget(self.figures_box, 1)
        self.kinds_box = QFrame()
        self.kinds_box.setObjectName("card")
        self.kinds_layout = QGridLayout(self.kinds_box)
        self.kinds_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        month.addWidget(self.kinds_box, 1)
        self.teams_box = QFrame()
        self.teams_box.setObjectName("card")
        self.teams_layout = QGridLayout(self.teams_box)
        self.teams_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        month.addWidget(self.teams_box, 1)
        self.chart = QChart()
        self.chart.setTitle(self.tr("近十二个月工作趋势"))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(280)
        outer.addWidget(self.chart_view)
        outer.addStretch(1)
        scroll.setWidget(page)  # after its layout is complete (QScrollArea.setWidget)
        self.figure_buttons: dict[str, QPushButton] = {}
        self.kind_buttons: dict[str, QPushButton] = {}
        self.team_buttons: dict[int | None, QPushButton] = {}
        self.counts: DashboardCounts | None = None
        self.work: MonthWork | None = None
        self.today = date.today()
        self.dialog: DrillDownDialog | None = None
        self.drilldown_runner: TaskRunner | None = None  # the list behind a number being read
        self._trends_wanted: date | None = None
        self._month_shown: MonthWork | None = None
        self.kind_lines = _GroupLines(self, self.kinds_layout, self.tr("本月工作记录（按类别）"))
        self.team_lines = _GroupLines(self, self.teams_layout, self.tr("本月工作记录（按队伍）"),
                                      first=TEAM_LINES_AT_FIRST)
        self.figures_lookup = Lookup(self, self.tr("首页数字"))
        self._gates = _Gates()  # the trends of a big office wait for the page's lines
        self.destroyed.connect(lambda *_a, gates=self._gates: gates.open(wanted=False))
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(lambda gates=self._gates: gates.open(wanted=False))
        self._steps_left: list[Callable[[], Any]] = []
        self.figures_lookup.found.connect(self._found_figures)
        self.trends_lookup = Lookup(self, self.tr("首页趋势"))
        self.trends_lookup.found.connect(self._found_trends)
        # every show as well: the figures also move with the date (overdue cases, expiring insurance)
        follow_changes(self, DATA, self.refresh, every_show=True)

    # --- first steps ------------------------------------------------------------------------------
    def _steps_panel(self) -> QFrame:
        self.steps = QFrame()
        self.steps.setObjectName("steps")
        layout = QHBoxLayout(self.steps)
        self.steps_label = QLabel(self.tr("开始使用，请按顺序："))
        self.steps_label.setStyleSheet("font-size: 11pt; font-weight: bold;")
        layout.addWidget(self.steps_label)
        labels = {"teams": self.tr("1 建队伍"), "members": self.tr("2 录入队员"), "posts": self.tr("3 设岗位"),
                  "shifts": self.tr("4 排班")}
        self.step_buttons: dict[str, QPushButton] = {}
        for index, step in enumerate(FIRST_STEPS):
            if index:
                layout.addWidget(QLabel("→"))
            button = QPushButton(labels[step])
            button.clicked.connect(lambda _c=False, step=step: self.step_requested.emit(step))
            self.step_buttons[step] = button
            layout.addWidget(button)
        layout.addStretch(1)
        return self.steps

    def _show_steps(self, done: dict[str, bool]) -> None:
        self.steps.setVisible(not all(done.values()))
        first_open = next((step for step in FIRST_STEPS if not done[step]), None)
        for step, button in self.step_buttons.items():
            button.setText(button.text().removeprefix("✓ ") if not done[step] else
                           ("✓ " + button.text().removeprefix("✓ ")))
            button.setDefault(step == first_open)
            button.setStyleSheet("font-weight: bold;" if step == first_open else "")

    # --- the numbers ------------------------------------------------------------------------------
    def refresh(self, today: date | None = None) -> None:
        today = today or date.today()
        if count_all() > ops.ROSTER_SEARCH_AT_ONCE:  # a big office: read off the GUI thread
            gate = self._gates.new()  # an earlier request's trends are not read
            self.figures_lookup.ask(lambda: _read_figures(today))
            self._trends_wanted = None
            self.trends_lookup.ask(lambda: gate.passed() and _read_trends(today))
            return
        self._show_figures(_read_figures(today))
        self._load_trends(today)

    def _found_figures(self, figures: _Figures) -> None:
        """A big office's figures, back from the worker: the cards and the month's figures now, the lines by
        kind and by team in the next turns, the trends read once those are made (the module's note)."""
        self._show_figures(figures, lines_later=True)

    def _found_trends(self, found: tuple[date, dict[str, dict[str, int]]] | bool) -> None:
        if isinstance(found, tuple):  # (False: asked over, not read)
            self._show_trends(found[1])

    def _in_turns(self, steps: list[Callable[[], Any]]) -> None:
        """Each step on its own turn of the event loop, the next once the lines of the last are all made; then
        the trends' gate opens."""
        self._steps_left = steps

        def next_step() -> None:
            if self._steps_left is not steps:
                return  # newer figures have their own steps
            if not (self.kind_lines.complete and self.team_lines.complete):
                _next_turn(self, next_step)
            elif steps:
                steps.pop(0)()
                _next_turn(self, next_step)
            else:
                self._gates.open()

        _next_turn(self, next_step)

    def _show_figures(self, figures: _Figures, lines_later: bool = False) -> None:
        today = self.today = figures.today
        c = self.counts = figures.counts
        self.heading.setText(self.tr("今天是 {0}").format(format_date(today)))
        self._show_banner(figures.missing)
        self._show_steps(figures.steps)
        self.cards["members"].set(str(c.members_active), self.tr("花名册共 {0} 人").format(c.members_total))
        self.cards["teams"].set(str(c.teams))
        if c.shifts_this_week:
            self.cards["shifts"].set(
                str(c.shifts_this_week),
                self.tr("其中 {0} 个班次人手不足").format(c.unfilled_shifts_this_week)
                if c.unfilled_shifts_this_week else self.tr("人手均已排满"),
                alert=c.unfilled_shifts_this_week > 0)
        else:
            self.cards["shifts"].set("0", self.tr("本周还没有班次") if c.posts else self.tr("请先设岗位并排班"))
        self.cards["short"].set(str(c.short_shifts_coming), self.tr("未来7天共 {0} 个班次").format(c.shifts_coming)
                                if c.shifts_coming else self.tr("未来7天没有班次"), alert=c.short_shifts_coming > 0)
        self.cards["hours"].set(f"{c.hours_this_month:g}")
        self.cards["activities"].set(str(c.activities_this_month))
        self.cards["cases"].set(str(c.open_cases),
                                self.tr("另有 {0} 件人民调解案件未指定调委会").format(c.unassigned_cases)
                                if c.unassigned_cases else "", alert=False)
        self.cards["overdue"].set(str(c.overdue_cases), self.tr("已过办理期限"), alert=c.overdue_cases > 0)
        self.cards["certificates"].set(str(c.certificates_this_year))
        self.cards["insurance_expired"].set(str(c.insurance_expired), self.tr("执勤前须投保意外险"),
                                            alert=c.insurance_expired > 0)
        self.cards["insurance"].set(str(c.insurance_expiring), self.tr("请提醒续保"),
                                    level="warn" if c.insurance_expiring else "")
        self.cards["qualifications_expired"].set(str(c.qualifications_expired), self.tr("需要该资质的岗位不能安排"),
                                                 alert=c.qualifications_expired > 0)
        self.cards["qualifications"].set(str(c.qualifications_expiring), self.tr("请安排复训"),
                                         level="warn" if c.qualifications_expiring else "")
        self.cards["confirmations"].set(str(c.confirmation_reminders),
                                        self.tr("协议生效之日起三十日内，双方可共同向人民法院申请"),
                                        alert=c.confirmation_reminders > 0)
        self.work = figures.work
        self._show_month(self.work, lines_later)

    def _month_filter(self, **more) -> ActivityFilter:
        return ActivityFilter(date_from=self.today.replace(day=1), date_to=self.today, **more)

    def _link(self, text: str, on_click) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName("figure")
        button.clicked.connect(on_click)
        _link_unless_zero(button, text.split()[0])
        return button

    @staticmethod
    def _clear(layout: QGridLayout) -> None:
        while layout.count():
            item = layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()

    def _show_month(self, work: MonthWork, lines_later: bool = False) -> None:
        if work == self._month_shown:
            if lines_later:
                self._in_turns([])
            return  # the page shows these figures already (the page reads them at every show)
        self._month_shown = work
        self._clear(self.figures_layout)
        self.figure_buttons = {}
        title = QLabel(self.tr("本月工作成效"))
        title.setObjectName("caption")
        self.figures_layout.addWidget(title, 0, 0, 1, 2)
        for row, figure in enumerate(FIGURES, start=1):
            value = work.figures.get(figure.name, 0)
            if figure.entered:
                def open_figure(_c=False, column=figure.column):
                    self.records_requested.emit(self._month_filter(figure=column))
            else:
                key = dd.MEDIATED_MONTH if figure.name == "调解纠纷" else dd.SCHOOL_GATE_MONTH

                def open_figure(_c=False, key=key):
                    self.open_drilldown(key)
            button = self._link(f"{format_count(value)} {figure.unit}", open_figure)
            self.figure_buttons[figure.name] = button
            self.figures_layout.addWidget(QLabel(vocab(figure.name)), row, 0)
            self.figures_layout.addWidget(button, row, 1)
        kinds = sorted(work.by_kind.items(), key=lambda kv: -kv[1].records)
        kind_groups = [(kind, vocab(kind), self._month_filter(kind=kind), numbers) for kind, numbers in kinds]
        teams = sorted(work.by_team.items(), key=lambda kv: -kv[1].records)
        team_groups: list[Group] = [
            (team_id, (work.team_names.get(team_id) if team_id is not None else None) or self.tr("未填队伍"),
             self._month_filter(team_id=team_id), numbers) for team_id, numbers in teams]

        def show_kinds() -> None:
            self.kind_buttons = self.kind_lines.show(kind_groups)

        def show_teams() -> None:
            self.team_buttons = self.team_lines.show(team_groups)

        if lines_later:
            self._in_turns([show_kinds, show_teams])
        else:
            self._steps_left = []  # figures read at once overrule a big office's steps still to come
            show_kinds()
            show_teams()

    def _load_trends(self, today: date) -> None:
        """Twelve months of figures take a second or more at a prefecture's scale: they are read once the page
        with its numbers has been painted (the next turn of the event loop), then the chart is drawn."""
        self._trends_wanted = today
        QTimer.singleShot(0, self._draw_trends)

    def _draw_trends(self) -> None:
        today, self._trends_wanted = self._trends_wanted, None
        if today is not None:
            self._show_trends(trends(today))

    def _show_trends(self, months: dict[str, dict[str, int]]) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        totals = {f.name: sum(m.get(f.name, 0) for m in months.values()) for f in FIGURES}
        names = [RECORDS] + [n for n, v in sorted(totals.items(), key=lambda kv: -kv[1]) if v][:2]
        categories = [self.tr("{0}月").format(int(key[5:])) for key in months]
        axis_x = QBarCategoryAxis()
        axis_x.append(categories)
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%d")
        self.chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        top = 0
        for index, name in enumerate(names):
            series = QLineSeries()
            series.setName(vocab(name) if name != RECORDS else self.tr("工作记录（条）"))
            pen = QPen(QColor(("#1f4e79", "#c0504d", "#9bbb59")[index]))
            pen.setWidth(2)
            series.setPen(pen)
            for x, key in enumerate(months):
                value = months[key].get(name, 0)
                top = max(top, value)
                series.append(x, value)
            self.chart.addSeries(series)
            series.attachAxis(axis_x)
            series.attachAxis(axis_y)
        axis_y.setRange(0, max(top * 1.1, 5))
        font = QFont()
        font.setPointSize(8)
        axis_x.setLabelsFont(font)

    # --- drill-down and banner ---------------------------------------------------------------------
    def open_drilldown(self, key: str) -> None:
        """The records behind a number, read off the GUI thread (a prefecture's lists: seconds), the list
        opening once read; 取消 in the progress dialog (after 300 ms) opens none. One list read at a time."""
        if self.drilldown_runner is not None:
            return
        today = self.today

        def work(progress: Progress) -> tuple[dd.DrillDown, list[_Row]]:
            records = dd.drilldown(key, today)
            rows = [_Row(row) for row in records.rows]  # shown here too: 88,000 members took ~0.5 s
            progress(1, 1, "")  # 取消 pressed meanwhile: no list
            return records, rows

        runner = self.drilldown_runner = TaskRunner(self, self.tr("读取明细"), work)

        def ended() -> None:
            self.drilldown_runner = None
            runner.deleteLater()

        runner.finished.connect(ended)
        runner.done.connect(self._open_list)
        runner.start()

    def _open_list(self, read: tuple[dd.DrillDown, list[_Row]]) -> None:
        records, rows = read
        self.dialog = DrillDownDialog(records, self, rows)
        self.dialog.open()

    def _show_banner(self, missing: list[tuple[int, str]]) -> None:
        if not missing:
            self.banner.hide()
            return
        texts = [self.tr("{0}年放假安排尚未录入").format(year) if layer == NATIONAL
                 else self.tr("{0}年肉孜节、古尔邦节放假安排尚未录入").format(year) for year, layer in missing]
        self.banner.setText(self.tr("<b>{0}</b>。录入之前，放假、值班和办理期限按预估计算，排班表和期限旁标有“预估”。"
                                    "<a href='{1}'>现在录入（设置 → 节假日安排）</a>")
                            .format("；".join(texts), missing[0][0]))
        self.banner.show()
