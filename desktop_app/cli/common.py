"""What every command shares: the --data-dir argument, finding the data folder, the account the command
acts as, and a progress printer."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from ..config import DataPaths, default_data_dir
from ..services.progress import Progress, percent

CLI_USER = "命令行"


def data_dir_argument(parser: argparse.ArgumentParser, *, in_subcommand: bool) -> None:
    """--data-dir, accepted before the command (the program's) or after it (the command's)."""
    parser.add_argument(
        "--data-dir", metavar="PATH", type=Path,
        default=argparse.SUPPRESS if in_subcommand else None,
        help="数据文件夹 (data folder); 默认为本用户的应用数据文件夹",
    )


def data_paths(args: argparse.Namespace) -> DataPaths:
    """The data folder the command works on: --data-dir, or the user's default."""
    return DataPaths(Path(args.data_dir) if args.data_dir else default_data_dir())


def existing_paths(args: argparse.Namespace) -> DataPaths | None:
    """The data folder when its database exists; otherwise say so on stderr and return None."""
    paths = data_paths(args)
    if not paths.database.exists():
        print(f"数据文件不存在: {paths.database}", file=sys.stderr)
        return None
    return paths


def progress_printer(stream: TextIO | None = None) -> Progress:
    """A `Progress` that prints a line every ten percent (to stderr unless told otherwise)."""
    last = [-1]

    def progress(done: int, total: int, text: str) -> None:
        value = percent(done, total)
        if value // 10 != last[0] // 10:
            print(f"{value:3d}% {text}", file=stream or sys.stderr, flush=True)
        last[0] = value

    return progress
