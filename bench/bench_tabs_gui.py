"""The 排班值班 and 纠纷调解 tabs in the window: built, filled and painted, measured offscreen with Qt's
clock (QElapsedTimer) from construction to a processed repaint. Baseline: a bare QTableView shown and
painted, the floor of any table on screen."""

from __future__ import annotations

from collections.abc import Callable

from bench_roster_gui import _app, _bare_view, _paint
from harness import Benchmark, Context
from PySide6.QtCore import QElapsedTimer
from PySide6.QtWidgets import QApplication, QTableView, QWidget


def _schedule_tab() -> tuple[QWidget, QTableView]:
    from desktop_app.ui.schedule.schedule_tab import ScheduleTab

    tab = ScheduleTab()
    return tab, tab.findChild(QTableView)


def _cases_tab() -> tuple[QWidget, QTableView]:
    from desktop_app.ui.cases.cases_tab import CasesTab

    tab = CasesTab()
    return tab, tab.table


def _open(build: Callable[[], tuple[QWidget, QTableView]]) -> Callable[[Context], float]:
    def run(ctx: Context) -> float:
        ctx.store()
        _app()
        timer = QElapsedTimer()
        timer.start()
        tab, view = build()
        tab.resize(1280, 800)
        # its first show fills it, as the window's tab is filled (ops.follow_changes); a refresh() after the
        # show read the week twice (schedule_gui_open 2.4× slower since the tabs keep themselves current)
        tab.show()
        _paint(view)
        elapsed = timer.nsecsElapsed() / 1e9
        tab.close()
        tab.deleteLater()
        QApplication.processEvents()
        return elapsed

    return run


BENCHMARKS = [
    Benchmark(
        name="schedule_gui_open",
        what="排班值班标签页打开：本周值班表（全部岗位）建立、查询、首次绘制 / week grid tab built, filled, painted",
        run=_open(_schedule_tab),
        baseline=_bare_view,
        baseline_name="bare QTableView shown and painted",
        budget_s={"county": 0.3},  # the size: 60 posts; the prefecture's 600 in one grid has none
    ),
    Benchmark(
        name="cases_gui_open",
        what="纠纷调解登记簿打开：建立、查询、首次绘制 / case register tab built, filled, painted",
        run=_open(_cases_tab),
        baseline=_bare_view,
        baseline_name="bare QTableView shown and painted",
        budget_s=0.3,
    ),
]
