"""Backups: the verified backup against a plain file copy and against what `sqlite3 .backup` plus the same
integrity check costs (measured in the same run), and the encrypted backup for a stick."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import time

from harness import Benchmark, Context

from desktop_app.services.backup import backup_now
from desktop_app.services.backup.password import set_backup_password

PASSWORD = "bench-backup-password"


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


def _sqlite3_backup_and_check(ctx: Context) -> float:
    """The sqlite3 shell's `.backup` (the same online backup API) and `PRAGMA integrity_check` of the copy;
    Python's own backup call where the shell is not installed."""
    paths = ctx.store()
    dest = ctx.scratch("sqlite3-backup.db")
    dest.unlink(missing_ok=True)
    shell = shutil.which("sqlite3")
    started = time.perf_counter()
    if shell:
        subprocess.run([shell, str(paths.database), f".backup '{dest}'"], check=True, capture_output=True)
    else:
        source, target = sqlite3.connect(paths.database), sqlite3.connect(dest)
        source.backup(target)
        source.close()
        target.close()
    con = sqlite3.connect(dest)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    elapsed = time.perf_counter() - started
    dest.unlink()
    return elapsed


def _encrypted(ctx: Context) -> float:
    paths = ctx.store()
    if not _password_set():
        set_backup_password(PASSWORD)
    stick = ctx.scratch("stick")
    stick.mkdir(exist_ok=True)
    started = time.perf_counter()
    made = backup_now(paths, stick, password=PASSWORD)
    elapsed = time.perf_counter() - started
    made.unlink()
    return elapsed


def _password_set() -> bool:
    from desktop_app.services.backup.password import has_backup_password

    return has_backup_password()


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
    Benchmark(
        name="backup_vs_sqlite3",
        what="备份 vs sqlite3 .backup + integrity_check / verified backup against the shell's backup and the same check",
        run=_backup,
        baseline=_sqlite3_backup_and_check,
        baseline_name="sqlite3 .backup + integrity_check",
        budget_ratio=1.5,
        repeat={"prefecture": 3},
    ),
    Benchmark(
        name="backup_encrypted",
        what="备份到U盘（加密 .7z，读回解密校验） / encrypted backup for a stick, decrypted again to check",
        run=_encrypted,
        budget_s={"county": 10.0},
        scales=("county", "prefecture"),
        repeat={"prefecture": 1},
        warmup=0,
    ),
]
