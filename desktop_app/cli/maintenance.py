"""The command line for the data folder itself: `demo-data` fills a folder with made-up data, `backup`
writes a verified copy of the database.

    python main.py demo-data --data-dir DIR [--scale demo|village|county|prefecture] [--seed N]
    python main.py backup --data-dir DIR [--out FILE]

Exit codes: 0 done; 2 wrong arguments or no data file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import data_dir_argument, data_paths, existing_paths, progress_printer

DEMO_DATA = "demo-data"
BACKUP = "backup"


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser(DEMO_DATA, help="用虚构的演示数据填充一个数据文件夹 (fill a folder with demo data)")
    data_dir_argument(demo, in_subcommand=True)
    demo.add_argument("--scale", default="demo", help="规模: demo (默认), village, county, prefecture")
    demo.add_argument("--seed", type=int, default=2024, help="随机种子 (same seed, same data)")

    backup = subparsers.add_parser(BACKUP, help="备份数据文件 (back up the database, verified)")
    data_dir_argument(backup, in_subcommand=True)
    backup.add_argument("--out", type=Path, help="备份文件路径; 默认写入数据文件夹的 backups/")


def run(args: argparse.Namespace) -> int | None:
    """Run the command if it is one of ours; None otherwise."""
    command = getattr(args, "command", None)
    if command == DEMO_DATA:
        return _run_demo_data(args)
    if command == BACKUP:
        return _run_backup(args)
    return None


def _run_demo_data(args: argparse.Namespace) -> int:
    from ..demo.generator import SCALES, generate
    from ..services.storage import close_store, open_store

    if args.scale not in SCALES:
        print(f"未知规模 {args.scale}；可选: {', '.join(SCALES)}", file=sys.stderr)
        return 2
    paths = data_paths(args)
    open_store(paths)
    try:
        summary = generate(SCALES[args.scale], seed=args.seed, progress=progress_printer(sys.stdout))
    finally:
        close_store()
    print(f"演示数据已写入 {paths.database}")
    print(summary)
    return 0


def _run_backup(args: argparse.Namespace) -> int:
    from ..services.backup import backup_now
    from ..services.storage import close_store, open_store

    paths = existing_paths(args)
    if paths is None:
        return 2
    open_store(paths)
    try:
        target = backup_now(paths, args.out)
    finally:
        close_store()
    print(f"已备份并校验: {target}")
    return 0
