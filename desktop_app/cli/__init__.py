"""The command line: the window by default, or one command run on the same services without it.

One module per command group, each with `add_commands(subparsers)` and `run(args)` (the exit code, or
None when the command is not the module's); what they share is in `common.py`.

Every command but `check` holds the data folder's single-copy lock while it runs (single_copy.py): while
the window has the folder open, a command refuses and says so (exit code 15). On a PostgreSQL server
(`--database URL`, or the folder's database.url) there is no such lock: each client acts as its own
account and the server keeps their changes apart. A data folder that cannot be opened ends the command
with its own message and exit code (services/storage/errors.py).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..config import APP_NAME, APP_VERSION
from . import (
    cases,
    certificates,
    county,
    deleted,
    duty_sheet,
    holidays,
    maintenance,
    records,
    roster,
    schedule,
)
from .common import data_dir_argument, data_paths

COMMAND_MODULES = (maintenance, roster, schedule, duty_sheet, cases, certificates, holidays, records, deleted, county)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description=f"{APP_NAME} — offline management of volunteer police (义警) teams. "
                    "Without a command it opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {APP_VERSION}")
    data_dir_argument(parser, in_subcommand=False)
    parser.add_argument("--self-test", action="store_true",
                        help="自检: 建库、迁移、后台打开每个页面、写出并读回每一种文书；全部成功时退出码为 0")
    parser.add_argument("--self-test-out", metavar="PATH", type=Path,
                        help="自检写出的文书保存到此文件夹 (keep the self-test's documents here)")
    parser.add_argument("--exit-after-first-paint", action="store_true", help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.add_commands(commands)
    return parser


LOCK_FREE_COMMANDS = (maintenance.CHECK,)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.self_test:
        from ..self_test import run_self_test

        return run_self_test(keep_dir=args.self_test_out)
    if args.command is not None:
        return _run_command(args)
    from ..app import run_gui

    return run_gui(data_paths(args), exit_after_first_paint=args.exit_after_first_paint)


def _run_command(args: argparse.Namespace) -> int:
    import sys

    from ..services.storage.errors import DatabaseLockedError, StoreError
    from ..single_copy import CLI_LOCKED_MESSAGE, acquire_lock

    paths = data_paths(args)
    lock = None
    if paths.database_url:
        from .common import reach_server

        try:
            reach_server(paths)
        except StoreError as exc:
            print(exc.message, file=sys.stderr)
            return exc.exit_code
    elif args.command not in LOCK_FREE_COMMANDS:
        from ..services.storage.data_folder import on_missing_volume
        from ..services.storage.errors import folder_gone

        if on_missing_volume(paths.root):
            print(folder_gone(paths.root).message, file=sys.stderr)
            return folder_gone(paths.root).exit_code
        try:
            lock = acquire_lock(paths)
        except OSError:
            lock = None
        if lock is None:
            print(CLI_LOCKED_MESSAGE.format(paths.root), file=sys.stderr)
            return DatabaseLockedError.exit_code
    try:
        for module in COMMAND_MODULES:
            result = module.run(args)
            if result is not None:
                return result
        return 2
    except StoreError as exc:
        print(exc.message, file=sys.stderr)
        return exc.exit_code
    finally:
        if lock is not None:
            lock.unlock()
