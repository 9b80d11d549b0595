"""The actions whose cost grew faster than the data, on each scale's own database (village, county,
prefecture), so the growth table shows how each grows: auto-schedule for all teams (a week, a month),
fairness for all teams, the all-teams duty sheet of a week, and the roster export of every member.

The scheduled period starts on the Monday after the generator's planned week (its shifts come from the
patterns, the four weeks before hold recorded attendance); each scheduling run works on a fresh copy of
the database (copying is not timed). Budgets are the issue's, at prefecture scale. The export's baseline
is openpyxl's write-only mode writing the same values without any style: the floor of an .xlsx export.
"""

from __future__ import annotations

import io
import time
from datetime import datetime, timedelta

from harness import Benchmark, Context
from openpyxl import Workbook

from desktop_app.demo.generator import FUTURE_DAYS
from desktop_app.services.schedule.auto_scheduler import auto_schedule, fairness
from desktop_app.services.schedule.duty_sheet import duty_sheet_bytes
from desktop_app.services.storage.data_folder import close_store, open_store

SCALES = ("village", "county", "prefecture")
LAST_CPU = [0.0]  # the CPU seconds (all threads) of the last timed part, for bench/cpu_figures.py


class _Timed:
    """The wall seconds of a block (`elapsed`), its process CPU seconds kept in LAST_CPU."""

    def __enter__(self) -> _Timed:
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.elapsed = time.perf_counter() - self._wall
        LAST_CPU[0] = time.process_time() - self._cpu


def _first_monday(ctx: Context):
    last_planned = ctx.today + timedelta(days=FUTURE_DAYS)
    return last_planned + timedelta(days=7 - last_planned.weekday())


def _schedule(days: int):
    def run(ctx: Context) -> float:
        paths = ctx.fresh_data_dir()
        open_store(paths, check=False)
        try:
            start = _first_monday(ctx)
            with _Timed() as timed:
                result = auto_schedule(start, start + timedelta(days=days - 1),
                                       now=datetime.combine(ctx.today, datetime.min.time()))
            assert result.slots_filled > 0
        finally:
            close_store()
        return timed.elapsed

    return run


def _fairness(ctx: Context) -> float:
    ctx.store()
    with _Timed() as timed:
        rows = fairness(ctx.today - timedelta(days=30), ctx.today)
    assert rows
    return timed.elapsed


def _duty_sheet_all(ctx: Context) -> float:
    ctx.store()
    year, week, _ = ctx.today.isocalendar()
    with _Timed() as timed:
        pdf = duty_sheet_bytes(year, week)
    assert pdf.startswith(b"%PDF")
    return timed.elapsed


def _all_ids(ctx: Context) -> list[int]:
    from desktop_app.services.roster.search import RosterFilter, search_ids

    ctx.store()
    return search_ids(RosterFilter())


def _export(ctx: Context) -> float:
    from desktop_app.services.roster.export import export_roster_xlsx

    ids = _all_ids(ctx)
    with _Timed() as timed:
        count = export_roster_xlsx(ids, ctx.scratch("roster.xlsx"))
    assert count == len(ids)
    return timed.elapsed


def _plain_xlsx(ctx: Context) -> float:
    from desktop_app.services.roster.export import _members

    members = _members(_all_ids(ctx))
    started = time.perf_counter()
    book = Workbook(write_only=True)
    sheet = book.create_sheet("花名册")
    for k, m in enumerate(members, start=1):
        sheet.append([k, m.name, m.gender, m.ethnic, m.id_number, m.birth_date, m.phone, m.address, m.team,
                      m.join_date, m.status, m.skills, m.insurance_expires_on, m.notes])
    book.save(io.BytesIO())
    return time.perf_counter() - started


BENCHMARKS = [
    Benchmark(name="schedule_all_week", what="自动排班一周（全部队伍，本规模的数据） / auto_schedule, all teams, 7 days",
              run=_schedule(7), budget_s={"prefecture": 10.0}, scales=SCALES, repeat={"prefecture": 1, "county": 3},
              warmup=0),
    Benchmark(name="schedule_all_month", what="自动排班一个月（全部队伍） / auto_schedule, all teams, 31 days",
              run=_schedule(31), budget_s={"prefecture": 30.0}, scales=SCALES, repeat={"prefecture": 1, "county": 3},
              warmup=0),
    Benchmark(name="fairness_all", what="公平性（全部队伍，近一个月） / fairness(), all teams, 31 days",
              run=_fairness, budget_s={"prefecture": 2.0}, scales=SCALES, repeat={"prefecture": 3}),
    Benchmark(name="duty_sheet_all", what="值班表PDF（全部队伍，一周） / duty_sheet_bytes, all teams",
              run=_duty_sheet_all, budget_s={"prefecture": 5.0}, scales=SCALES, repeat={"prefecture": 3}),
    Benchmark(name="roster_export_all", what="导出花名册xlsx（全部队员） / export_roster_xlsx, every member",
              run=_export, baseline=_plain_xlsx, baseline_name="openpyxl write-only, same values, no styles",
              budget_s={"prefecture": 15.0}, scales=SCALES, repeat={"prefecture": 1}, warmup=0),
]
