"""The command line for the work records: `import-activities` takes an office's 工作台账 in as the window's
导入 does; `report` writes the 工作简报 of a month, quarter or year as the window's 工作简报 does.

    python main.py import-activities FILE --data-dir DIR --user NAME [--report R.xlsx]
    python main.py report --data-dir DIR --user NAME --period 2026-11|2026-Q4|2026 [--team NAME]
        --out FILE.pdf|.xlsx|.json [--made-by NAME]
    python main.py report --data-dir COUNTY --user NAME --period … [--office NAME] --out FILE.json

In a county's folder `report` adds up the offices' figures from their packages (services/county/reports.py);
its .json carries each office's report under "offices".

Both act as the operator --user (password from the terminal or $YIJING_PASSWORD): importing enters data
(录入员 or 管理员), a .pdf report is a print (every role), a .xlsx or .json one an export.
Exit codes: 0 done; 1 some rows were refused (import); 2 wrong arguments, no file, no data file, no
account or a role that may not (nothing is written then).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..config import DataPaths
from .common import data_dir_argument, progress_printer, run_as_operator, user_argument

IMPORT = "import-activities"
REPORT = "report"


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    importing = subparsers.add_parser(
        IMPORT, help="从 .xlsx/.csv 导入工作台账 (import work records; exit code 1 if rows were refused)")
    importing.add_argument("file", metavar="FILE", type=Path, help="工作台账文件 (.xlsx 或 .csv)")
    data_dir_argument(importing, in_subcommand=True)
    user_argument(importing)
    importing.add_argument("--report", metavar="REPORT.xlsx", type=Path, help="把逐行的导入结果保存为 .xlsx")

    report = subparsers.add_parser(REPORT, help="工作简报：月报、季报、年报 (.pdf / .xlsx / .json)")
    data_dir_argument(report, in_subcommand=True)
    user_argument(report)
    report.add_argument("--period", required=True, metavar="PERIOD", help="2026-11（月）、2026-Q4（季度）或 2026（年）")
    report.add_argument("--team", metavar="NAME", help="只统计这支队伍；默认为全所")
    report.add_argument("--office", metavar="NAME", help="县局：只统计这个报送单位；默认为全县（.json 中含各单位的数字）")
    report.add_argument("--out", metavar="FILE", type=Path, required=True, help="输出文件：.pdf、.xlsx 或 .json")
    report.add_argument("--made-by", metavar="NAME", default="", help="制表人 (默认留空, 手写)")


def run(args: argparse.Namespace) -> int | None:
    command = getattr(args, "command", None)
    if command == IMPORT:
        return _run_import(args)
    if command == REPORT:
        return _run_report(args)
    return None


def _run_import(args: argparse.Namespace) -> int:
    from ..services.accounts import roles
    from ..services.records.ledger_import import (
        REFUSED,
        LedgerImportError,
        plan_ledger_import,
        read_ledger,
        run_ledger_import,
        save_ledger_report_xlsx,
    )

    if not args.file.exists():
        print(f"找不到文件: {args.file}", file=sys.stderr)
        return 2
    progress = progress_printer()

    def work(_paths: DataPaths) -> int:
        roles.require(roles.EDIT)  # before the sheet is read: a role that may not enter data stops here
        try:
            plan = plan_ledger_import(read_ledger(args.file), progress=progress)
            report = run_ledger_import(plan, progress=progress)
        except LedgerImportError as exc:
            print(f"无法导入: {exc}", file=sys.stderr)
            return 2
        print(f"新增 {report.added}，跳过 {report.skipped}，拒绝 {report.refused}")
        for row in report.rows:
            if row.action == REFUSED:
                print(f"  {row.sheet} 第{row.row_number}行: {'；'.join(map(str, row.reasons))}")
        if args.report:
            try:
                save_ledger_report_xlsx(report, args.report)
            except OSError as exc:
                print(f"导入结果未能保存到 {args.report}: {exc}", file=sys.stderr)
                return 2
            print(f"导入结果已保存: {args.report}")
        return 1 if report.refused else 0

    return run_as_operator(args, work)


def _run_report(args: argparse.Namespace) -> int:
    from ..domain.errors import FieldError
    from ..domain.periods import parse_period
    from ..services.county.identity import is_county
    from ..services.county.reports import write_county_report
    from ..services.records.reports import ReportError, team_by_name, write_report

    try:
        period = parse_period(args.period)
    except FieldError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    if args.out.suffix.lower() not in (".pdf", ".xlsx", ".json"):
        print("输出文件应为 .pdf、.xlsx 或 .json", file=sys.stderr)
        return 2

    def work(_paths: DataPaths) -> int:
        try:
            if is_county():
                if args.team:
                    raise ReportError("县局汇总按报送单位统计（--office），不按队伍")
                write_county_report(period, args.out, args.office, progress=progress_printer())
                print(f"已写出{period.label}县局工作简报: {args.out}")
                return 0
            if args.office:
                raise ReportError("--office 只用于县局的数据文件夹")
            team_id = team_by_name(args.team) if args.team else None
            write_report(period, team_id, args.out, made_by=args.made_by, progress=progress_printer())
        except ReportError as exc:
            print(str(exc), file=sys.stderr)
            return 2
        except OSError as exc:
            print(f"未能保存 {args.out}: {exc}", file=sys.stderr)
            return 2
        print(f"已写出{period.label}工作简报: {args.out}")
        return 0

    return run_as_operator(args, work)
