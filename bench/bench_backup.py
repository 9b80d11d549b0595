"""文件 → 备份: SQLite online backup + integrity_check + fsync, against a plain file copy."""

from __future__ import annotations

import shutil
import time

from harness import Benchmark, Context

from desktop_app.services.backup import backup_now


def _backup(ctx: Context) -> float:
    paths = ctx.store()
    dest = ctx.scratch("backup.db")
    started = time.perf_counter()
    backup_now(paths, dest)
    elapsed = time.perf_counter() - started
    dest.unlink()
    return elapsed


def _copy(ctx: Context) -> float:
    paths = ctx.store()
    dest = ctx.scratch("copy.db")
    started = time.perf_counter()
    shutil.copyfile(paths.database, dest)
    elapsed = time.perf_counter() - started
    dest.unlink()
    return elapsed


BENCHMARKS = [
    Benchmark(
        name="backup",
        what="备份（在线备份 + 完整性校验 + fsync） / verified backup of the whole database",
        run=_backup,
        baseline=_copy,
        baseline_name="shutil.copyfile",
        budget_s={"county": 5.0, "prefecture": 60.0},
        repeat={"prefecture": 3},
    ),
]
