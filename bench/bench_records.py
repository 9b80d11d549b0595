"""Work records at scale: the 首页 opened (built, every number queried, painted; its trend chart, drawn on the
next turn of the event loop, timed apart), an annual 工作简报 written as PDF, and a 5,000-row 工作台账 read,
judged and imported.

The task asks for at least 1,000,000 attendance rows: a database with fewer gets the earliest days of
duty copied a year back (shifts and their assignments, marked 已到) in the benchmark's own copy before
anything is timed, so the prefecture run measures ≥ 1,000,000 assignments and its 100,000 activities."""

from __future__ import annotations

import math
import time
from datetime import date

from harness import Benchmark, Context
from openpyxl import Workbook
from PySide6.QtCore import QElapsedTimer
from PySide6.QtWidgets import QApplication

from desktop_app.db.database import db

ATTENDANCE_ROWS = 1_000_000
LEDGER_ROWS = 5_000
_ready: set[str] = set()


def _store(ctx: Context) -> None:
    """The benchmark's copy, opened, with at least ATTENDANCE_ROWS assignments."""
    ctx.store()
    key = str(ctx.data_dir().database)
    if key in _ready:
        return
    count = db.execute_sql("SELECT COUNT(*) FROM assignment").fetchone()[0]
    if ctx.scale == "prefecture" and count < ATTENDANCE_ROWS:
        first, last = db.execute_sql("SELECT MIN(date), MAX(date) FROM shift").fetchone()
        span = (date.fromisoformat(last) - date.fromisoformat(first)).days + 1
        days = math.ceil((ATTENDANCE_ROWS - count) / (count / span)) + 2
        with db.atomic():
            db.execute_sql(
                'INSERT INTO shift (uuid, created_at, updated_at, post_id, date, start, "end", headcount, notes) '
                "SELECT lower(hex(randomblob(16))), created_at, updated_at, post_id, date(date, '-365 days'), start, "
                "\"end\", headcount, 'bench:' || id FROM shift WHERE date < date(?, ?)", (first, f"+{days} days"))
            db.execute_sql(
                "INSERT INTO assignment (uuid, created_at, updated_at, shift_id, member_id, status, hours, locked, "
                "reason, notes) SELECT lower(hex(randomblob(16))), a.created_at, a.updated_at, s.id, a.member_id, "
                "'已到', CASE WHEN a.hours > 0 THEN a.hours ELSE 2 END, 0, '', '' FROM shift s "
                "JOIN assignment a ON a.shift_id = CAST(substr(s.notes, 7) AS INTEGER) WHERE s.notes LIKE 'bench:%'")
        db.execute_sql("ANALYZE")
    _ready.add(key)


def _dashboard_open(ctx: Context) -> float:
    _store(ctx)
    from desktop_app.app import make_application
    from desktop_app.ui.dashboard.dashboard_tab import DashboardTab

    make_application()
    timer = QElapsedTimer()
    timer.start()
    tab = DashboardTab()
    tab.resize(1400, 900)
    tab.show()  # its first show fills it (ops.follow_changes): every number, this month's work
    tab.repaint()
    elapsed = timer.nsecsElapsed() / 1e9  # the trends are drawn on the next turn of the event loop
    QApplication.processEvents()
    tab.close()
    tab.deleteLater()
    QApplication.processEvents()
    return elapsed


def _dashboard_trends(ctx: Context) -> float:
    _store(ctx)
    from desktop_app.app import make_application
    from desktop_app.services.dashboard.figures import trends
    from desktop_app.ui.dashboard.dashboard_tab import DashboardTab

    make_application()
    tab = DashboardTab()
    tab.resize(1400, 900)
    tab.show()
    QApplication.processEvents()
    started = time.perf_counter()
    tab._show_trends(trends(ctx.today))
    tab.chart_view.repaint()
    elapsed = time.perf_counter() - started
    tab.close()
    tab.deleteLater()
    QApplication.processEvents()
    return elapsed


def _dashboard_counts_only(ctx: Context) -> float:
    _store(ctx)
    from desktop_app.services.dashboard.figures import dashboard_counts

    started = time.perf_counter()
    dashboard_counts(ctx.today)
    return time.perf_counter() - started


def _annual_report(ctx: Context) -> float:
    _store(ctx)
    from desktop_app.domain.periods import Period
    from desktop_app.services.records.reports import write_report

    out = ctx.scratch("年报.pdf")
    started = time.perf_counter()
    write_report(Period("year", ctx.today.year, 0), None, out, today=ctx.today)
    return time.perf_counter() - started


def _ledger_file(ctx: Context):
    """A 台账 of LEDGER_ROWS rows naming members whose names are unique on the roster."""
    path = ctx.scratch("台账.xlsx")
    if path.exists():
        return path
    rows = db.execute_sql(
        "SELECT m.name, t.name FROM member m JOIN team t ON m.team_id = t.id WHERE m.deleted_at IS NULL "
        "AND m.status = '在队' AND m.join_date <= '2026-01-01' AND m.name IN (SELECT name FROM member "
        "GROUP BY name HAVING COUNT(*) = 1) ORDER BY m.id LIMIT ?", (LEDGER_ROWS * 2,)).fetchall()
    book = Workbook()
    sheet = book.active
    sheet.title = "2026年"
    sheet.append(["夏普吐勒派出所义警工作台账（2026年）"])
    sheet.append(["序号", "日期", "队伍", "工作类别", "地点", "工作内容", "参与队员", "时长", "成效", "备注"])
    kinds = (("交通劝导", "劝导电动车闯红灯{n}起、行人横穿马路{m}起"), ("救援", "救助被困车辆{n}辆"),
             ("送证上门", "送证上门{n}件，服务群众{m}人"), ("巡逻", "发现安全隐患{n}处"), ("普法宣传", "普法宣传覆盖群众{n}人次"))
    for index in range(LEDGER_ROWS):
        first, team = rows[(2 * index) % len(rows)]
        second, _team = rows[(2 * index + 1) % len(rows)]
        kind, outcome = kinds[index % len(kinds)]
        day = f"{index % 11 + 1}月{index % 27 + 1}日"
        sheet.append([index + 1, day, team, kind, f"第{index % 40 + 1}路口", f"第{index + 1}次台账工作",
                      f"{first}、{second}", 2, outcome.format(n=index % 30 + 1, m=index % 7 + 1), ""])
    book.save(path)
    return path


def _ledger_import(ctx: Context) -> float:
    _store(ctx)
    from desktop_app.services.records.ledger_import import plan_ledger_import, read_ledger, run_ledger_import

    path = _ledger_file(ctx)
    db.execute_sql("DELETE FROM activity WHERE description LIKE '第%次台账工作'")  # each run imports anew
    started = time.perf_counter()
    plan = plan_ledger_import(read_ledger(path), today=ctx.today)
    report = run_ledger_import(plan)
    elapsed = time.perf_counter() - started
    if report.added < LEDGER_ROWS * 0.9:
        raise AssertionError(f"only {report.added} of {LEDGER_ROWS} rows imported: "
                             f"{[v.reasons for v in report.rows if v.action == '拒绝'][:3]}")
    return elapsed


BENCHMARKS = [
    Benchmark(
        name="records_dashboard_open",
        what="首页打开：建立、全部数字与本月成效查询、绘制（趋势图随后绘制）/ the 首页 built, queried, painted",
        run=_dashboard_open,
        baseline=_dashboard_counts_only,
        baseline_name="dashboard_counts() alone",
        budget_s=0.5,
    ),
    Benchmark(
        name="records_dashboard_trends",
        what="首页趋势图：近十二个月各项成效查询与绘制（页面显示后绘制）/ trends(12 months) + the chart drawn",
        run=_dashboard_trends,
        budget_s=3.0,
    ),
    Benchmark(
        name="records_annual_report_pdf",
        what="全所年度工作简报 PDF（成效、图表、纠纷、时长星级、优秀义警）/ write_report(year, .pdf)",
        run=_annual_report,
        budget_s=10.0,
        repeat={"prefecture": 3},
    ),
    Benchmark(
        name="records_ledger_import_5000",
        what="导入5,000行工作台账：读取、逐行检查、一次事务写入 / read_ledger + plan + run (5,000 rows)",
        run=_ledger_import,
        budget_s=10.0,
        repeat={"prefecture": 3},
    ),
]
