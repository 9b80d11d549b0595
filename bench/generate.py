"""Generate (or reuse) a benchmark database of made-up data.

    .venv/bin/python bench/generate.py --scale county --seed 2024 --out bench/data/county.db [--force]

The file records what it holds in `setting` rows (bench_scale, bench_seed, bench_today, bench_generator);
a file that matches the request and the current schema is reused unless --force is given.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop_app.config import DataPaths  # noqa: E402
from desktop_app.db.migrations import LATEST  # noqa: E402
from desktop_app.demo.generator import GENERATOR_VERSION, SCALES, generate  # noqa: E402
from desktop_app.services.office.settings import set_setting  # noqa: E402
from desktop_app.services.storage.data_folder import close_store, open_store  # noqa: E402


def act_as_administrator() -> None:
    """The benchmarks act as an administrator of their own throwaway data (the services check roles)."""
    from desktop_app.domain.vocabulary import ADMIN
    from desktop_app.services.accounts import roles

    roles.set_logged_in(roles.Account("性能测试", ADMIN))


act_as_administrator()

DATA_DIR = ROOT / "bench" / "data"


@dataclass(frozen=True)
class BenchDatabase:
    path: Path
    scale: str
    seed: int
    today: date
    generated_s: float | None  # None when an existing file was reused
    size_bytes: int


def default_path(scale: str) -> Path:
    return DATA_DIR / f"{scale}.db"


def recorded_settings(path: Path) -> dict[str, object]:
    """The bench_* settings and schema version of an existing file; {} if it is not a usable one."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return {}
    try:
        rows = con.execute("SELECT key, value FROM setting WHERE key LIKE 'bench_%'").fetchall()
        version = con.execute("SELECT MAX(version) FROM schema_version").fetchone()[0]
    except sqlite3.Error:
        return {}
    finally:
        con.close()
    recorded: dict[str, object] = {key: json.loads(value) for key, value in rows}
    recorded["schema_version"] = version
    return recorded


def ensure_database(scale: str, seed: int = 2024, out: Path | None = None, force: bool = False,
                    today: date | None = None, quiet: bool = False) -> BenchDatabase:
    """Return the benchmark database for scale+seed, generating it when missing or stale."""
    if scale not in SCALES:
        raise SystemExit(f"unknown scale {scale!r}; choose one of {', '.join(SCALES)}")
    out = (out or default_path(scale)).resolve()
    recorded = recorded_settings(out) if out.exists() and not force else {}
    if (recorded.get("bench_scale") == scale and recorded.get("bench_seed") == seed
            and recorded.get("bench_generator") == GENERATOR_VERSION
            and recorded.get("schema_version") == LATEST):
        return BenchDatabase(out, scale, seed, date.fromisoformat(str(recorded["bench_today"])), None,
                             out.stat().st_size)
    today = today or date.today()
    work = out.parent / f".{out.stem}.generating"
    shutil.rmtree(work, ignore_errors=True)
    paths = DataPaths(work)
    last = [-10]

    def progress(percent: int, _total: int, stage: str) -> None:
        if not quiet and percent >= last[0] + 10:
            last[0] = percent
            print(f"  {percent:3d}% {stage}", flush=True)

    if not quiet:
        print(f"generating {scale} (seed {seed}, reference date {today}) → {out}", flush=True)
    started = time.perf_counter()
    open_store(paths)
    try:
        summary = generate(SCALES[scale], seed=seed, today=today, progress=progress)
        for key, value in (("bench_scale", scale), ("bench_seed", seed), ("bench_today", today.isoformat()),
                           ("bench_generator", GENERATOR_VERSION)):
            set_setting(key, value)
    finally:
        close_store()
    elapsed = time.perf_counter() - started
    # one self-contained file, so a plain copy of it is complete; open_store turns WAL back on
    con = sqlite3.connect(paths.database)
    try:
        con.execute("PRAGMA journal_mode=DELETE")
    finally:
        con.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("-wal", "-shm"):
        out.with_name(out.name + suffix).unlink(missing_ok=True)
    os.replace(paths.database, out)
    shutil.rmtree(work, ignore_errors=True)
    size = out.stat().st_size
    if not quiet:
        print(f"  {summary}")
        print(f"generated {scale} in {elapsed:.1f} s, {size / 1e6:.1f} MB", flush=True)
    return BenchDatabase(out, scale, seed, today, elapsed, size)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", default="county", choices=sorted(SCALES))
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--out", type=Path, help="database file (default bench/data/SCALE.db)")
    parser.add_argument("--today", type=date.fromisoformat, help="reference date (default: today)")
    parser.add_argument("--force", action="store_true", help="regenerate even if the file matches")
    args = parser.parse_args(argv)
    result = ensure_database(args.scale, args.seed, args.out, args.force, args.today)
    if result.generated_s is None:
        print(f"reusing {result.path} ({result.scale}, seed {result.seed}, reference date {result.today}, "
              f"{result.size_bytes / 1e6:.1f} MB); --force regenerates")
    return 0


if __name__ == "__main__":
    sys.exit(main())
