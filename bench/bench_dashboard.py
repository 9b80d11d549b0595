"""首页 figures (stats.dashboard_counts), against the cheapest possible query on the same data."""

from __future__ import annotations

import time

from harness import Benchmark, Context

from desktop_app.db.database import db
from desktop_app.services.dashboard.figures import dashboard_counts


def _dashboard(ctx: Context) -> float:
    ctx.store()
    started = time.perf_counter()
    dashboard_counts(ctx.today)
    return time.perf_counter() - started


def _count_members(ctx: Context) -> float:
    ctx.store()
    started = time.perf_counter()
    db.execute_sql("SELECT COUNT(*) FROM member").fetchone()
    return time.perf_counter() - started


BENCHMARKS = [
    Benchmark(
        name="dashboard",
        what="首页统计 / dashboard_counts()",
        run=_dashboard,
        baseline=_count_members,
        baseline_name="SELECT COUNT(*) FROM member",
        budget_s=0.3,
    ),
]
