"""纠纷案件: opening the case register (the ids of every case in register order, then the rows of the
first page the table shows), the register's search and filters, the figures of a year, and the export
of 200 case summaries to a "stick" (a scratch folder).

The prefecture data holds 20,000 cases (the issue's budget: the register opens in ≤ 300 ms); the county
data 1,000. Baselines: the one plain SELECT the register's id list needs, run with sqlite3 directly.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from datetime import date

from harness import Benchmark, Context

from desktop_app.db.database import db
from desktop_app.services.cases.export import export_cases
from desktop_app.services.cases.figures import case_figures
from desktop_app.services.cases.register import CaseFilter, fetch_case_rows, search_case_ids

PAGE = 200  # ui/id_table_model.PAGE_SIZE: the rows a table fetches first
OPEN_BUDGET_S = 0.3
EXPORT_CASES = 200
EXPORT_BUDGET_S = 20.0

LIVE = '"deleted_at" IS NULL'
NEWEST_FIRST = ' ORDER BY "received_at" DESC, "id" DESC'


def _register(make_filter: Callable[[Context], CaseFilter], sort_key: str = "received_at",
              descending: bool = True) -> Callable[[Context], float]:
    def run(ctx: Context) -> float:
        ctx.store()
        flt = make_filter(ctx)
        started = time.perf_counter()
        ids = search_case_ids(flt, sort_key=sort_key, descending=descending, today=ctx.today)
        fetch_case_rows(ids[:PAGE], today=ctx.today)
        return time.perf_counter() - started

    return run


def _plain_sql(where: str, params: Callable[[Context], tuple] = lambda ctx: ()) -> Callable[[Context], float]:
    def baseline(ctx: Context) -> float:
        ctx.store()
        values = params(ctx)
        connection = db.connection()
        started = time.perf_counter()
        connection.execute(f'SELECT "id" FROM "case" WHERE {where}{NEWEST_FIRST}', values).fetchall()
        return time.perf_counter() - started

    return baseline


def _export(ctx: Context) -> float:
    ctx.store()
    ids = search_case_ids(CaseFilter(), today=ctx.today)[:EXPORT_CASES]
    stick = ctx.scratch("stick")
    shutil.rmtree(stick, ignore_errors=True)
    stick.mkdir(parents=True)
    started = time.perf_counter()
    result = export_cases(ids, stick, today=ctx.today)
    elapsed = time.perf_counter() - started
    if result.case_count != len(ids) or len(result.files) != len(ids) + 1:
        raise AssertionError("export wrote fewer files than asked")
    return elapsed


def _figures(ctx: Context) -> float:
    ctx.store()
    started = time.perf_counter()
    case_figures(date(ctx.today.year - 1, ctx.today.month, 1), ctx.today, as_of=ctx.today)
    return time.perf_counter() - started


BENCHMARKS = [
    Benchmark(
        name="cases_register_open",
        what=f"打开案件登记簿：全部案件的id（按受理时间倒序）+ 首页{PAGE}行 / search_case_ids + fetch_case_rows({PAGE})",
        run=_register(lambda ctx: CaseFilter()),
        baseline=_plain_sql(LIVE),
        baseline_name="one SELECT id … ORDER BY received_at DESC (sqlite3)",
        budget_s=OPEN_BUDGET_S,
    ),
    Benchmark(
        name="cases_register_party",
        what=f"登记簿按当事人拼音搜索“nuer”+ 首页{PAGE}行 / party pinyin search",
        run=_register(lambda ctx: CaseFilter(text="nuer")),
        baseline=_plain_sql(f'{LIVE} AND "id" IN (SELECT "case_id" FROM "party" WHERE "pinyin_full" LIKE ?)',
                            lambda ctx: ("%nuer%",)),
        baseline_name="one SELECT id … IN (party LIKE) (sqlite3)",
        budget_s=OPEN_BUDGET_S,
    ),
    Benchmark(
        name="cases_register_number",
        what=f"登记簿按编号搜索“012”+ 首页{PAGE}行 / case number substring",
        run=_register(lambda ctx: CaseFilter(text="012")),
        baseline=_plain_sql(f'{LIVE} AND "number" LIKE ?', lambda ctx: ("%012%",)),
        baseline_name="one SELECT id … number LIKE (sqlite3)",
        budget_s=OPEN_BUDGET_S,
    ),
    Benchmark(
        name="cases_register_overdue",
        what=f"登记簿只看超期案件 + 首页{PAGE}行 / overdue filter",
        run=_register(lambda ctx: CaseFilter(overdue_only=True)),
        baseline=_plain_sql(f"{LIVE} AND \"status\" IN ('受理', '调解中') AND \"deadline\" < ?",
                            lambda ctx: (ctx.today.isoformat(),)),
        baseline_name="one SELECT id … status, deadline (sqlite3)",
        budget_s=OPEN_BUDGET_S,
    ),
    Benchmark(
        name="cases_register_status_sort",
        what=f"登记簿按状态排序 + 首页{PAGE}行 / sort by workflow status",
        run=_register(lambda ctx: CaseFilter(), sort_key="status", descending=False),
        budget_s=OPEN_BUDGET_S,
    ),
    Benchmark(
        name="cases_figures_year",
        what="近一年案件统计（类别、结果、月份、成功率）/ case_figures over a year",
        run=_figures,
        budget_s=1.0,
    ),
    Benchmark(
        name="cases_export_200",
        what=f"导出{EXPORT_CASES}件案件摘要PDF + 登记表xlsx + 校验清单到U盘（临时文件夹）/ export_cases",
        run=_export,
        budget_s=EXPORT_BUDGET_S,
        repeat=3,
        warmup=0,  # the first run includes registering the fonts, as in a fresh program
    ),
]
