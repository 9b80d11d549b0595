"""The command line for dispute cases: `export-cases` writes the same files and manifest as the window's
export dialog (case summaries as PDF, the register as .xlsx, 校验清单.txt).

    python main.py export-cases --data-dir DIR --user NAME --from 2024-01-01 --to 2024-06-30 --to-dir /media/u盘
                                [--full]

It acts as the operator --user (password from the terminal or $YIJING_PASSWORD); --full needs an
administrator. Exit codes: 0 done; 1 the export failed or found no case; 2 wrong arguments, no data
file, no account or a role that may not (nothing is written then).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import (
    EXIT_REFUSED,
    data_dir_argument,
    existing_paths,
    operator,
    progress_printer,
    refusal,
    user_argument,
)

COMMAND = "export-cases"


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser(
        COMMAND, help="把一段时间内受理的纠纷案件导出到U盘或文件夹 (case summaries PDF + register .xlsx + manifest)")
    data_dir_argument(export, in_subcommand=True)
    user_argument(export)
    export.add_argument("--from", dest="date_from", metavar="DATE", required=True,
                        help="受理日期起 (如 2024-01-01)")
    export.add_argument("--to", dest="date_to", metavar="DATE", required=True, help="受理日期止 (含当天)")
    export.add_argument("--to-dir", dest="to_dir", metavar="PATH", type=Path, required=True,
                        help="目标文件夹 (如U盘); 在其中新建“纠纷案件导出-日期-时间”文件夹")
    export.add_argument("--full", action="store_true",
                        help="导出完整身份证号、电话和住址 (默认脱敏; 此操作记入操作日志)")


def run(args: argparse.Namespace) -> int | None:
    """Run the command if it is one of ours; None otherwise."""
    if getattr(args, "command", None) != COMMAND:
        return None
    return _run_export_cases(args)


def _run_export_cases(args: argparse.Namespace) -> int:
    from ..domain.dates import parse_loose_date
    from ..domain.errors import FieldError
    from ..services import session
    from ..services.cases.export import export_cases
    from ..services.storage import close_store, open_store
    from ..services.usb_export import ExportFailed

    try:
        start, end = parse_loose_date(args.date_from), parse_loose_date(args.date_to)
    except FieldError as exc:
        print(f"日期有误: {exc.message}", file=sys.stderr)
        return 2
    if end < start:
        print("结束日期不能早于开始日期", file=sys.stderr)
        return 2
    if not args.to_dir.is_dir():
        print(f"目标文件夹不存在: {args.to_dir}", file=sys.stderr)
        return 2
    paths = existing_paths(args)
    if paths is None:
        return 2

    progress = progress_printer()
    open_store(paths)
    try:
        account = operator(args)
        if account is None:
            return EXIT_REFUSED
        with session.acting_as(account):
            result = export_cases((start, end), args.to_dir, full=args.full, progress=progress)
    except session.PermissionDenied as exc:
        return refusal(exc)
    except ExportFailed as exc:
        print(exc.message, file=sys.stderr)
        return 1
    finally:
        close_store()
    form = "完整身份信息，已记入操作日志" if args.full else "身份证号、电话、住址已脱敏"
    print(f"已导出 {result.case_count} 件案件（{len(result.files)} 个文件及校验清单）到 {result.folder}（{form}）")
    return 0
