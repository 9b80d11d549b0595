"""The command line: the window by default, or one command run on the same services without it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .config import APP_NAME, APP_VERSION, DataPaths, default_data_dir


def _data_dir_argument(parser: argparse.ArgumentParser, *, in_subcommand: bool) -> None:
    parser.add_argument(
        "--data-dir", metavar="PATH", type=Path,
        default=argparse.SUPPRESS if in_subcommand else None,
        help="数据文件夹 (data folder); 默认为本用户的应用数据文件夹",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description=f"{APP_NAME} — offline management of volunteer police (义警) teams. "
                    "Without a command it opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {APP_VERSION}")
    _data_dir_argument(parser, in_subcommand=False)
    parser.add_argument("--self-test", action="store_true",
                        help="自检: 建库、迁移、后台打开主窗口、写出并读回中文 PDF；全部成功时退出码为 0")
    parser.add_argument("--exit-after-first-paint", action="store_true", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo-data", help="用虚构的演示数据填充一个数据文件夹 (fill a folder with demo data)")
    _data_dir_argument(demo, in_subcommand=True)
    demo.add_argument("--scale", default="demo", help="规模: demo (默认), village, county, prefecture")
    demo.add_argument("--seed", type=int, default=2024, help="随机种子 (same seed, same data)")

    backup = commands.add_parser("backup", help="备份数据文件 (back up the database, verified)")
    _data_dir_argument(backup, in_subcommand=True)
    backup.add_argument("--out", type=Path, help="备份文件路径; 默认写入数据文件夹的 backups/")
    return parser


def _paths(args: argparse.Namespace) -> DataPaths:
    return DataPaths(Path(args.data_dir) if args.data_dir else default_data_dir())


def _run_demo_data(args: argparse.Namespace) -> int:
    from .services.demo_data import SCALES, generate
    from .services.storage import close_store, open_store

    if args.scale not in SCALES:
        print(f"未知规模 {args.scale}；可选: {', '.join(SCALES)}", file=sys.stderr)
        return 2
    paths = _paths(args)
    open_store(paths)
    try:
        last = [-1]

        def progress(percent: int, stage: str) -> bool:
            if percent // 10 != last[0] // 10:
                print(f"{percent:3d}% {stage}", flush=True)
            last[0] = percent
            return True

        summary = generate(SCALES[args.scale], seed=args.seed, progress=progress)
    finally:
        close_store()
    print(f"演示数据已写入 {paths.database}")
    print(summary)
    return 0


def _run_backup(args: argparse.Namespace) -> int:
    from .services.backup import backup_now
    from .services.storage import close_store, open_store

    paths = _paths(args)
    if not paths.database.exists():
        print(f"数据文件不存在: {paths.database}", file=sys.stderr)
        return 2
    open_store(paths)
    try:
        target = backup_now(paths, args.out)
    finally:
        close_store()
    print(f"已备份并校验: {target}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.self_test:
        from .self_test import run_self_test

        return run_self_test()
    if args.command == "demo-data":
        return _run_demo_data(args)
    if args.command == "backup":
        return _run_backup(args)
    from .app import run_gui

    return run_gui(_paths(args), exit_after_first_paint=args.exit_after_first_paint)
