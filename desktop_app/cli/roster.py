"""The command line for the roster: `import-roster` takes an office's sheet in as the window's 导入 does,
`export-roster` writes the roster workbook as the window's 导出 does.

    python main.py import-roster FILE.xlsx --data-dir DIR --user NAME [--sheet NAME] [--update-existing]
                                 [--report R.xlsx]
    python main.py export-roster --data-dir DIR --user NAME --out FILE.xlsx [--full]

Both act as the operator --user (password from the terminal or $YIJING_PASSWORD); --full needs an
administrator. Exit codes: 0 done; 1 some rows were refused (import); 2 wrong arguments, no file, no data
file, no account or a role that may not (nothing is written then).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..config import DataPaths
from .common import data_dir_argument, finish_import, progress_printer, run_as_operator, user_argument

IMPORT = "import-roster"
EXPORT = "export-roster"


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    import_roster = subparsers.add_parser(
        IMPORT, help="从 .xlsx/.csv 导入队员花名册 (import members; exit code 1 if rows were refused)")
    import_roster.add_argument("file", metavar="FILE", type=Path, help="花名册文件 (.xlsx 或 .csv)")
    data_dir_argument(import_roster, in_subcommand=True)
    user_argument(import_roster)
    import_roster.add_argument("--sheet", metavar="NAME", help="工作表名称; 默认为第一个能识别表头的工作表")
    import_roster.add_argument("--update-existing", action="store_true",
                               help="身份证号码已登记的队员按表格更新 (默认跳过)")
    import_roster.add_argument("--report", metavar="REPORT.xlsx", type=Path, help="把逐行的导入结果保存为 .xlsx")

    export_roster = subparsers.add_parser(EXPORT, help="把花名册导出为 .xlsx (export the roster)")
    data_dir_argument(export_roster, in_subcommand=True)
    user_argument(export_roster)
    export_roster.add_argument("--out", metavar="FILE.xlsx", type=Path, required=True, help="导出文件路径")
    export_roster.add_argument("--full", action="store_true",
                               help="导出完整身份证号、电话和住址 (默认脱敏; 此操作记入操作日志)")


def run(args: argparse.Namespace) -> int | None:
    """Run the command if it is one of ours; None otherwise."""
    command = getattr(args, "command", None)
    if command == IMPORT:
        return _run_import_roster(args)
    if command == EXPORT:
        return _run_export_roster(args)
    return None


def _run_import_roster(args: argparse.Namespace) -> int:
    from ..services.roster.importer import (
        REFUSED,
        RosterImportError,
        plan_import,
        read_sheet,
        run_import,
        save_report_xlsx,
    )

    if not args.file.exists():
        print(f"找不到文件: {args.file}", file=sys.stderr)
        return 2
    progress = progress_printer()

    def work(_paths: DataPaths) -> int:
        try:
            preview = read_sheet(args.file, args.sheet)
            plan = plan_import(preview, update_existing=args.update_existing, progress=progress)
            report = run_import(plan, progress=progress)
        except RosterImportError as exc:
            print(f"无法导入: {exc}", file=sys.stderr)
            return 2
        print(f"新增 {report.added}，更新 {report.updated}，跳过 {report.skipped}，拒绝 {report.refused}")
        if report.teams_created:
            print(f"新建队伍: {'、'.join(report.teams_created)}")
        for row in report.rows:
            if row.action == REFUSED:
                print(f"  第{row.row_number}行 {row.values.get('name', '')}: {'；'.join(row.reasons)}")
        return finish_import(report.refused, lambda out: save_report_xlsx(report, out), args.report)

    return run_as_operator(args, work)


def _run_export_roster(args: argparse.Namespace) -> int:
    from ..services.roster.export import ExportError, export_roster_xlsx
    from ..services.roster.search import RosterFilter, search_ids

    def work(_paths: DataPaths) -> int:
        try:
            count = export_roster_xlsx(search_ids(RosterFilter(), sort_key="team"), args.out, full=args.full)
        except ExportError as exc:
            print(str(exc), file=sys.stderr)
            return 2
        form = "完整信息，已记入操作日志" if args.full else "身份证号、电话、住址已脱敏"
        print(f"已导出 {count} 名队员到 {args.out}（{form}）")
        return 0

    return run_as_operator(args, work)
