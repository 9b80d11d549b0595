"""花名册 in the window: what the clerk waits for, measured offscreen with Qt's own clock.

- `roster_gui_keystroke`: from setting the search box's text (the keystroke's textChanged) to the table
  showing the new rows, i.e. the model reset, the first page fetched and a processed repaint of the view.
- `roster_gui_open`: the tab built and filled (RosterTab(), refresh()) up to its first processed paint.
Baselines: the same repaint of a view whose model did not change (the floor of any visible update), and
a bare QTableView over an empty model shown and painted.
`roster_gui_memory` reports the process's peak resident memory after opening and searching (budget 400 MB).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from harness import Benchmark, Context
from PySide6.QtCore import QElapsedTimer, QEventLoop, QStringListModel
from PySide6.QtWidgets import QApplication, QTableView

from desktop_app.app import make_application

TYPED = ("a", "ay", "nemm", "nuer", "王", "5678")
ROOT = Path(__file__).resolve().parent.parent
_state: dict[str, object] = {}


def _app() -> QApplication:
    return make_application()


def _tab(ctx: Context):
    key = f"tab:{ctx.database.path}"
    if key not in _state:
        from desktop_app.ui.roster.roster_tab import RosterTab

        ctx.store()
        _app()
        tab = RosterTab()
        tab.resize(1200, 760)
        tab.show()
        tab.refresh()
        _searched(tab)
        QApplication.processEvents()
        _state[key] = tab
    return _state[key]


def _searched(tab) -> None:
    """Until the search asked for has come back (a big roster is searched off the GUI thread)."""
    searching = getattr(tab, "searching", None)
    while searching is not None and searching.pending:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def _paint(view: QTableView) -> None:
    view.viewport().repaint()
    QApplication.processEvents()


def _keystroke(ctx: Context) -> float:
    tab = _tab(ctx)
    timer = QElapsedTimer()
    total = 0
    for text in TYPED:
        tab.search.clear()
        _searched(tab)
        QApplication.processEvents()
        timer.start()
        tab.search.setText(text)
        _searched(tab)
        _paint(tab.table)
        total += timer.nsecsElapsed()
    return total / len(TYPED) / 1e9


def _repaint_only(ctx: Context) -> float:
    tab = _tab(ctx)
    timer = QElapsedTimer()
    timer.start()
    _paint(tab.table)
    return timer.nsecsElapsed() / 1e9


def _open(ctx: Context) -> float:
    from desktop_app.ui.roster.roster_tab import RosterTab

    ctx.store()
    _app()
    timer = QElapsedTimer()
    timer.start()
    tab = RosterTab()
    tab.resize(1200, 760)
    tab.show()  # its first show fills it, as the window's tab does (ops.follow_changes): no refresh() after it
    _searched(tab)
    _paint(tab.table)
    elapsed = timer.nsecsElapsed() / 1e9
    tab.close()
    tab.deleteLater()
    QApplication.processEvents()
    return elapsed


def _bare_view(ctx: Context) -> float:
    _app()
    timer = QElapsedTimer()
    timer.start()
    view = QTableView()
    view.setModel(QStringListModel())
    view.resize(1200, 760)
    view.show()
    _paint(view)
    elapsed = timer.nsecsElapsed() / 1e9
    view.close()
    view.deleteLater()
    return elapsed


_MEMORY_PROBE = """
import resource, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from desktop_app.app import make_application
from desktop_app.config import DataPaths
from desktop_app.services.storage.data_folder import open_store
from desktop_app.ui.roster.roster_tab import RosterTab
open_store(DataPaths(Path(sys.argv[1])), check=False)
make_application()
tab = RosterTab()
tab.resize(1200, 760)
tab.show()
tab.refresh()
for text in sys.argv[2:]:
    tab.search.setText(text)
    while tab.searching.pending:
        QApplication.processEvents()
    tab.table.viewport().repaint()
    QApplication.processEvents()
tab.table.scrollToBottom()
QApplication.processEvents()
status = Path("/proc/self/status")
if status.exists():  # VmHWM belongs to this process image; ru_maxrss would keep the forking parent's peak
    print(next(line.split()[1] for line in status.read_text().splitlines() if line.startswith("VmHWM:")))
else:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _peak_memory_mb(ctx: Context) -> float:
    """Peak resident memory of a fresh process that opens the tab, searches and scrolls to the end."""
    paths = ctx.data_dir()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", _MEMORY_PROBE, str(paths.root), *TYPED, ""], env=env,
                         cwd=ROOT, capture_output=True, text=True, check=True, timeout=300).stdout
    return int(out.split()[-1]) / 1024


BENCHMARKS = [
    Benchmark(
        name="roster_gui_keystroke",
        what="花名册窗口：输入一个搜索词到表格重绘完成（6个典型输入的平均）/ keystroke → repainted table",
        run=_keystroke,
        baseline=_repaint_only,
        baseline_name="repaint of an unchanged view",
        budget_s=0.1,
        repeat={"county": 5, "prefecture": 5},
    ),
    Benchmark(
        name="roster_gui_open",
        what="花名册标签页打开：建立界面、查询、首次绘制 / tab built, filled and painted",
        run=_open,
        baseline=_bare_view,
        baseline_name="bare QTableView shown and painted",
        budget_s=0.3,
        repeat={"county": 5, "prefecture": 3},
    ),
    Benchmark(
        name="roster_gui_memory",
        what="打开花名册、搜索、滚动到底后的进程内存峰值 / peak RSS of a fresh process",
        run=_peak_memory_mb,
        budget_s=400,
        unit="MB",
        repeat=1,
        warmup=0,
    ),
]
