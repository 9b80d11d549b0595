"""排班: the auto-scheduler for one week and one month, and the week grid, at the issue's size — 900 members
and 60 posts — whatever `--scale` is (the county database has 5,000 members, so the data is made here with
the demo generator at that size: five teams, 60 posts with their patterns, five weeks of history with
attendance, leave and qualifications).

The scheduled period starts on the Monday after the generator's planned week, so its shifts come from the
patterns (generated inside the run) and the four weeks before hold recorded attendance. Each run works on
a fresh copy of the data (the run writes); the copy is made outside the timing. Progress is reported to a
callback, as in the window.

Baselines: reading the rows the scheduler needs with plain SQL (members, qualifications, leave, patterns,
the assignments of the rolling window) — the floor of any scheduler that reads the database; for the week
grid, one plain SELECT of the week's shifts joined with their assignments and members.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from harness import Benchmark, Context

from desktop_app.config import DataPaths
from desktop_app.db.database import db
from desktop_app.demo.generator import FUTURE_DAYS, Scale, generate
from desktop_app.services.schedule.auto_scheduler import auto_schedule
from desktop_app.services.schedule.week_grid import week_grid
from desktop_app.services.storage.data_folder import close_store, open_store

MEMBERS, POSTS, TEAMS = 900, 60, 5
SCALE = Scale("schedule900", MEMBERS, POSTS, 35, 200, 0, TEAMS)
WEEK_BUDGET_S, MONTH_BUDGET_S, GRID_BUDGET_S = 5.0, 20.0, 0.3

_made: dict[Path, Path] = {}


def _source(ctx: Context) -> Path:
    """The 900-member database for this context, generated once."""
    if ctx.workdir not in _made:
        paths = DataPaths(ctx.scratch("schedule900-source")).ensure()
        open_store(paths)
        try:
            generate(SCALE, seed=ctx.seed, today=ctx.today)
        finally:
            close_store()
        con = sqlite3.connect(paths.database)
        try:
            con.execute("PRAGMA journal_mode=DELETE")
        finally:
            con.close()
        _made[ctx.workdir] = paths.database
    return _made[ctx.workdir]


def _fresh(ctx: Context, name: str) -> DataPaths:
    source = _source(ctx)
    folder = ctx.scratch(name)
    shutil.rmtree(folder, ignore_errors=True)
    paths = DataPaths(folder).ensure()
    shutil.copyfile(source, paths.database)
    return paths


def _first_monday(ctx: Context) -> date:
    """The Monday after the generator's planned days (which end FUTURE_DAYS after its reference date)."""
    last_planned = ctx.today + timedelta(days=FUTURE_DAYS)
    return last_planned + timedelta(days=7 - last_planned.weekday())


def _schedule(days: int):
    def run(ctx: Context) -> float:
        paths = _fresh(ctx, "schedule-run")
        open_store(paths)
        try:
            start = _first_monday(ctx)
            seen: list[int] = []
            started = time.perf_counter()
            result = auto_schedule(start, start + timedelta(days=days - 1),
                                   progress=lambda p, _total, _t: seen.append(p),
                                   now=datetime.combine(ctx.today, datetime.min.time()))
            elapsed = time.perf_counter() - started
            assert result.slots_filled > 0 and seen[-1] == 100
        finally:
            close_store()
        return elapsed

    return run


def _plain_reads(days: int):
    def baseline(ctx: Context) -> float:
        paths = _fresh(ctx, "schedule-base")
        start = _first_monday(ctx)
        window = (start - timedelta(days=29)).isoformat(), (start + timedelta(days=days + 6)).isoformat()
        con = sqlite3.connect(paths.database)
        try:
            started = time.perf_counter()
            con.execute("SELECT id, name, team_id, join_date, insurance_expires_on, skills FROM member "
                        "WHERE deleted_at IS NULL AND status = '在队'").fetchall()
            con.execute("SELECT member_id, skill, granted_on, expires_on FROM qualification").fetchall()
            con.execute("SELECT member_id, from_date, to_date FROM leave WHERE to_date >= ?", (window[0],)).fetchall()
            con.execute("SELECT p.id, p.team_id, p.required_skill, s.weekdays, s.start, s.end, s.headcount "
                        "FROM duty_post p JOIN shift_pattern s ON s.post_id = p.id WHERE p.active").fetchall()
            con.execute("SELECT a.id, a.member_id, a.status, a.hours, a.locked, s.date, s.start, s.end "
                        "FROM assignment a JOIN shift s ON s.id = a.shift_id WHERE s.date BETWEEN ? AND ?",
                        window).fetchall()
            elapsed = time.perf_counter() - started
        finally:
            con.close()
        return elapsed

    return baseline


def _grid(ctx: Context) -> float:
    paths = _fresh(ctx, "grid") if not ctx.scratch("grid").exists() else DataPaths(ctx.scratch("grid"))
    open_store(paths)
    try:
        started = time.perf_counter()
        grid = week_grid(ctx.today)
        elapsed = time.perf_counter() - started
        assert len(grid.posts) == POSTS and grid.shifts()
    finally:
        close_store()
    return elapsed


def _grid_plain(ctx: Context) -> float:
    paths = _fresh(ctx, "grid") if not ctx.scratch("grid").exists() else DataPaths(ctx.scratch("grid"))
    monday = ctx.today - timedelta(days=ctx.today.weekday())
    open_store(paths)
    try:
        connection = db.connection()
        started = time.perf_counter()
        connection.execute(
            "SELECT s.id, s.post_id, s.date, s.start, s.end, s.headcount, a.id, m.name, m.phone, a.status "
            "FROM shift s LEFT JOIN assignment a ON a.shift_id = s.id LEFT JOIN member m ON m.id = a.member_id "
            "WHERE s.date BETWEEN ? AND ? ORDER BY s.date, s.start",
            (monday.isoformat(), (monday + timedelta(days=6)).isoformat())).fetchall()
        elapsed = time.perf_counter() - started
    finally:
        close_store()
    return elapsed


BENCHMARKS = [
    Benchmark(
        name="schedule_week",
        what=f"自动排班一周（{MEMBERS}名队员、{POSTS}个岗位，含按规律生成班次与保存） / auto_schedule, one week",
        run=_schedule(7),
        baseline=_plain_reads(7),
        baseline_name="plain SELECTs of the rows the scheduler reads (sqlite3)",
        budget_s=WEEK_BUDGET_S,
        scales=("county", "prefecture"),
        repeat=3,
    ),
    Benchmark(
        name="schedule_month",
        what=f"自动排班一个月（31天，{MEMBERS}名队员、{POSTS}个岗位） / auto_schedule, 31 days",
        run=_schedule(31),
        baseline=_plain_reads(31),
        baseline_name="plain SELECTs of the rows the scheduler reads (sqlite3)",
        budget_s=MONTH_BUDGET_S,
        scales=("county", "prefecture"),
        repeat=3,
    ),
    Benchmark(
        name="week_grid",
        what=f"排班周视图（{POSTS}个岗位 × 7天，含姓名） / week_grid()",
        run=_grid,
        baseline=_grid_plain,
        baseline_name="one SELECT of the week's shifts ⋈ assignments ⋈ members (sqlite3)",
        budget_s=GRID_BUDGET_S,
        scales=("county", "prefecture"),
    ),
]
