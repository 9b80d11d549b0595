"""The command line: the window by default, or one command run on the same services without it.

One module per command group, each with `add_commands(subparsers)` and `run(args)` (the exit code, or
None when the command is not the module's); what they share is in `common.py`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..config import APP_NAME, APP_VERSION
from . import cases, certificates, duty_sheet, holidays, maintenance, roster, schedule
from .common import data_dir_argument, data_paths

COMMAND_MODULES = (maintenance, roster, schedule, duty_sheet, cases, certificates, holidays)


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


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.self_test:
        from ..self_test import run_self_test

        return run_self_test(keep_dir=args.self_test_out)
    for module in COMMAND_MODULES:
        result = module.run(args)
        if result is not None:
            return result
    from ..app import run_gui

    return run_gui(data_paths(args), exit_after_first_paint=args.exit_after_first_paint)
