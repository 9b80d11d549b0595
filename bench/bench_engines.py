"""PostgreSQL beside SQLite, in the same run on the same data: roster search, the week grid, auto-scheduling
a week, and opening the case register — the "run" side on PostgreSQL, the "baseline" side the same work on
this PC's SQLite file; each must take at most twice its SQLite figure (issue 19).

Only with $YIJING_BENCH_PG set (`make bench-pg`): "cluster" starts a throwaway cluster with the local
binaries (tests/pg_server.py), anything else is the URL of a server whose role may create databases (and,
to load the data quickly, is a superuser). The SQLite databases of the other benchmarks (the county data;
bench_schedule's 900 members) are copied table by table into databases of their own on the server, so both
engines hold the same rows; the server's copy is analysed once, as autovacuum would have done.

The connection to the server goes over TCP to 127.0.0.1: a LAN adds its round trips on top (about 0.2 ms
each on a switched office network), which is what docs/postgresql.md says about the figures.
"""

from __future__ import annotations

import atexit
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from harness import Benchmark, Context

from desktop_app.config import DataPaths
from desktop_app.services.storage.data_folder import close_store, open_store

VARIABLE = "YIJING_BENCH_PG"
RATIO = 2.0
ROOT = Path(__file__).resolve().parent.parent

_server: list[str] = []  # the server's URL (to its maintenance database), once started
_loaded: dict[tuple[str, str], str] = {}  # (sqlite file, name) → database URL on the server


def server_url() -> str:
    if not _server:
        wanted = os.environ.get(VARIABLE, "")
        if wanted and wanted != "cluster":
            _server.append(wanted)
        else:
            sys.path.insert(0, str(ROOT / "tests"))
            import pg_server

            bin_dir = pg_server.binaries()
            if bin_dir is None:
                raise RuntimeError("no PostgreSQL binaries (initdb, pg_ctl): install Debian's postgresql package")
            cluster = pg_server.Cluster(bin_dir)
            atexit.register(cluster.stop)
            _server.append(cluster.url)
    return _server[0]


def _admin():
    import psycopg

    return psycopg.connect(server_url(), autocommit=True)


def load(source: Path, name: str) -> str:
    """A database `name` on the server holding the rows of the SQLite file `source` (made once per run)."""
    key = (str(source), name)
    if key in _loaded:
        return _loaded[key]
    import psycopg

    from desktop_app.db.database import close_database, open_server
    from desktop_app.db.migrations import migrate
    from desktop_app.db.server import with_database

    url = with_database(server_url(), name)
    with _admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'")
    migrate(open_server(url))
    close_database()
    lite = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    started = time.perf_counter()
    try:
        with psycopg.connect(url) as con:
            with con.transaction():
                con.execute("SET LOCAL session_replication_role = replica")  # rows as they are: no triggers
                tables = [r[0] for r in con.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_version'")]
                for table in tables:
                    con.execute(f'DELETE FROM "{table}"')
                    columns = [r[1] for r in lite.execute(f'PRAGMA table_info("{table}")')]
                    if not columns:
                        continue
                    names = ", ".join(f'"{c}"' for c in columns)
                    with con.cursor().copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                        for row in lite.execute(f'SELECT {names} FROM "{table}"'):
                            copy.write_row(row)
                    con.execute(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                                f'COALESCE((SELECT MAX("id") FROM "{table}"), 0) + 1, false) '
                                "WHERE pg_get_serial_sequence(%s, 'id') IS NOT NULL", (f'"{table}"',))
            con.execute("ANALYZE")
    finally:
        lite.close()
    print(f"  loaded {source.name} into PostgreSQL database {name} in {time.perf_counter() - started:.1f} s",
          flush=True)
    _loaded[key] = url
    return url


def _copy_of(url: str, name: str) -> str:
    """A fresh copy of a loaded database (CREATE DATABASE … TEMPLATE: no client may be on it)."""
    from desktop_app.db.server import database_name, with_database

    with _admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{database_name(url)}"')
    return with_database(url, name)


def _server_folder(ctx: Context, name: str, url: str) -> DataPaths:
    paths = DataPaths(ctx.scratch(f"pg-{name}")).ensure()
    paths.server_file.write_text(url, encoding="utf-8")
    return paths


def _timed(paths: Callable[[Context], DataPaths], work: Callable[[Context], float]) -> Callable[[Context], float]:
    """Open the store of `paths(ctx)` (untimed), run `work` (which times its part), close it again."""
    def run(ctx: Context) -> float:
        open_store(paths(ctx))
        try:
            return work(ctx)
        finally:
            close_store()

    return run


# --- the county data: roster and case register -----------------------------------------------------

def _county_file(ctx: Context) -> DataPaths:
    return ctx.data_dir()


def _county_server(ctx: Context) -> DataPaths:
    return _server_folder(ctx, "county", load(ctx.database.path, f"yijing_bench_{ctx.scale}"))


ROSTER_TYPED = ("", "a", "王", "nuer", "5678")


def _roster_search(ctx: Context) -> float:
    """A full sorted pass (the order forgotten, as after another client's edit), then four keystrokes."""
    from desktop_app.services.roster.search import RosterFilter, fetch_rows, forget_kept_orders, search_ids

    forget_kept_orders()
    started = time.perf_counter()
    for text in ROSTER_TYPED:
        ids = search_ids(RosterFilter(text=text), today=ctx.today)
        fetch_rows(ids[:100], today=ctx.today)
    return time.perf_counter() - started


def _case_register(ctx: Context) -> float:
    from desktop_app.services.cases.register import CaseFilter, fetch_case_rows, search_case_ids

    started = time.perf_counter()
    ids = search_case_ids(CaseFilter(), today=ctx.today)
    fetch_case_rows(ids[:200], today=ctx.today)
    return time.perf_counter() - started


# --- bench_schedule's 900 members and 60 posts: the week grid and auto-scheduling ----------------------

def _schedule_module():
    import bench_schedule

    return bench_schedule


def _schedule_source_url(ctx: Context) -> str:
    return load(_schedule_module()._source(ctx), "yijing_bench_schedule900")


def _grid_file(ctx: Context) -> DataPaths:
    folder = ctx.scratch("grid")
    return DataPaths(folder) if folder.exists() else _schedule_module()._fresh(ctx, "grid")


def _grid_server(ctx: Context) -> DataPaths:
    return _server_folder(ctx, "grid", _schedule_source_url(ctx))


def _week_grid(ctx: Context) -> float:
    from desktop_app.services.schedule.week_grid import week_grid

    started = time.perf_counter()
    grid = week_grid(ctx.today)
    elapsed = time.perf_counter() - started
    assert grid.shifts()
    return elapsed


def _schedule_week(ctx: Context) -> float:
    from desktop_app.services.schedule.auto_scheduler import auto_schedule

    start = _schedule_module()._first_monday(ctx)
    started = time.perf_counter()
    result = auto_schedule(start, start + timedelta(days=6), now=datetime.combine(ctx.today, datetime.min.time()))
    elapsed = time.perf_counter() - started
    assert result.slots_filled > 0
    return elapsed


def _schedule_file(ctx: Context) -> DataPaths:
    return _schedule_module()._fresh(ctx, "schedule-run")


def _schedule_server(ctx: Context) -> DataPaths:
    return _server_folder(ctx, "schedule", _copy_of(_schedule_source_url(ctx), "yijing_bench_schedule_run"))


def _pair(name: str, what: str, on_file: Callable[[Context], DataPaths], on_server: Callable[[Context], DataPaths],
          work: Callable[[Context], float], repeat: int | None = None) -> Benchmark:
    return Benchmark(
        name=name, what=what, run=_timed(on_server, work), baseline=_timed(on_file, work),
        baseline_name="the same on SQLite (this PC's file)", budget_ratio=RATIO, scales=("county", "prefecture"),
        repeat=repeat)


BENCHMARKS = [] if not os.environ.get(VARIABLE) else [
    _pair("pg_roster_search", "PostgreSQL: 花名册搜索（全部、a、王、nuer、5678，各取首页100行）/ roster search, 5 keystrokes",
          _county_file, _county_server, _roster_search),
    _pair("pg_case_register", "PostgreSQL: 打开案件登记簿（全部案件id + 首页200行）/ case register",
          _county_file, _county_server, _case_register),
    _pair("pg_week_grid", "PostgreSQL: 排班周视图（60个岗位 × 7天，含姓名）/ week_grid()",
          _grid_file, _grid_server, _week_grid),
    _pair("pg_schedule_week", "PostgreSQL: 自动排班一周（900名队员、60个岗位，含保存）/ auto_schedule, one week",
          _schedule_file, _schedule_server, _schedule_week, repeat=3),
]
