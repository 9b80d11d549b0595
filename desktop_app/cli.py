"""The command line: the window by default, or one command run on the same services without it."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TextIO

from .config import APP_NAME, APP_VERSION, DataPaths, default_data_dir


def _data_dir_argument(parser: argparse.ArgumentParser, *, in_subcommand: bool) -> None:
    parser.add_argument(
        "--data-dir", metavar="PATH", type=Path,
        default=argparse.SUPPRESS if in_subcommand else None,
        help="数据文件夹 (data folder); 默认为本用户的应用数据文件夹",
    )


# The feature areas keep their commands in their own modules, each with add_commands(subparsers) and
# run(args) -> exit code, or None when the command is not theirs.
COMMAND_MODULES = ("cli_cases", "cli_certificates", "cli_duty_sheet", "cli_schedule")


def _command_modules() -> list[ModuleType]:
    return [importlib.import_module(f".{name}", __package__) for name in COMMAND_MODULES]


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

    import_roster = commands.add_parser(
        "import-roster", help="从 .xlsx/.csv 导入队员花名册 (import members; exit code 1 if rows were refused)")
    import_roster.add_argument("file", metavar="FILE", type=Path, help="花名册文件 (.xlsx 或 .csv)")
    _data_dir_argument(import_roster, in_subcommand=True)
    import_roster.add_argument("--sheet", metavar="NAME", help="工作表名称; 默认为第一个能识别表头的工作表")
    import_roster.add_argument("--update-existing", action="store_true",
                               help="身份证号码已登记的队员按表格更新 (默认跳过)")
    import_roster.add_argument("--report", metavar="REPORT.xlsx", type=Path, help="把逐行的导入结果保存为 .xlsx")

    export_roster = commands.add_parser("export-roster", help="把花名册导出为 .xlsx (export the roster)")
    _data_dir_argument(export_roster, in_subcommand=True)
    export_roster.add_argument("--out", metavar="FILE.xlsx", type=Path, required=True, help="导出文件路径")
    export_roster.add_argument("--full", action="store_true",
                               help="导出完整身份证号、电话和住址 (默认脱敏; 此操作记入操作日志)")
    for module in _command_modules():
        module.add_commands(commands)
    return parser


def _paths(args: argparse.Namespace) -> DataPaths:
    return DataPaths(Path(args.data_dir) if args.data_dir else default_data_dir())


def existing_paths(args: argparse.Namespace) -> DataPaths | None:
    """The data folder when its database exists; otherwise say so on stderr and return None."""
    paths = _paths(args)
    if not paths.database.exists():
        print(f"数据文件不存在: {paths.database}", file=sys.stderr)
        return None
    return paths


def progress_printer(stream: TextIO | None = None) -> Callable[[int, str], bool]:
    """A progress callback that prints a line every ten percent (to stderr unless told otherwise)."""
    last = [-1]

    def progress(percent: int, text: str) -> bool:
        if percent // 10 != last[0] // 10:
            print(f"{percent:3d}% {text}", file=stream or sys.stderr, flush=True)
        last[0] = percent
        return True

    return progress


def _run_demo_data(args: argparse.Namespace) -> int:
    from .demo.generator import SCALES, generate
    from .services.storage import close_store, open_store

    if args.scale not in SCALES:
        print(f"未知规模 {args.scale}；可选: {', '.join(SCALES)}", file=sys.stderr)
        return 2
    paths = _paths(args)
    open_store(paths)
    try:
        summary = generate(SCALES[args.scale], seed=args.seed, progress=progress_printer(sys.stdout))
    finally:
        close_store()
    print(f"演示数据已写入 {paths.database}")
    print(summary)
    return 0


def _run_backup(args: argparse.Namespace) -> int:
    from .services.backup import backup_now
    from .services.storage import close_store, open_store

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


CLI_USER = "命令行"


def _run_import_roster(args: argparse.Namespace) -> int:
    from .services import audit
    from .services.roster.importer import (
        REFUSED,
        RosterImportError,
        plan_import,
        read_sheet,
        run_import,
        save_report_xlsx,
    )
    from .services.storage import close_store, open_store

    if not args.file.exists():
        print(f"找不到文件: {args.file}", file=sys.stderr)
        return 2
    progress = progress_printer()
    open_store(_paths(args))
    try:
        with audit.acting_as(CLI_USER):
            preview = read_sheet(args.file, args.sheet)
            plan = plan_import(preview, update_existing=args.update_existing, progress=progress)
            report = run_import(plan, progress=progress)
    except RosterImportError as exc:
        print(f"无法导入: {exc}", file=sys.stderr)
        return 2
    finally:
        close_store()
    print(f"新增 {report.added}，更新 {report.updated}，跳过 {report.skipped}，拒绝 {report.refused}")
    if report.teams_created:
        print(f"新建队伍: {'、'.join(report.teams_created)}")
    for row in report.rows:
        if row.action == REFUSED:
            print(f"  第{row.row_number}行 {row.values.get('name', '')}: {'；'.join(row.reasons)}")
    if args.report:
        try:
            save_report_xlsx(report, args.report)
        except OSError as exc:
            print(f"导入结果未能保存到 {args.report}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        print(f"导入结果已保存: {args.report}")
    return 1 if report.refused else 0


def _run_export_roster(args: argparse.Namespace) -> int:
    from .services import audit
    from .services.roster.export import ExportError, export_roster_xlsx
    from .services.roster.search import RosterFilter, search_ids
    from .services.storage import close_store, open_store

    paths = existing_paths(args)
    if paths is None:
        return 2
    open_store(paths)
    try:
        with audit.acting_as(CLI_USER):
            count = export_roster_xlsx(search_ids(RosterFilter(), sort_key="team"), args.out, full=args.full)
    except ExportError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    finally:
        close_store()
    form = "完整信息，已记入操作日志" if args.full else "身份证号、电话、住址已脱敏"
    print(f"已导出 {count} 名队员到 {args.out}（{form}）")
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
    if args.command == "import-roster":
        return _run_import_roster(args)
    if args.command == "export-roster":
        return _run_export_roster(args)
    for module in _command_modules():
        result = module.run(args)
        if result is not None:
            return result
    from .app import run_gui

    return run_gui(_paths(args), exit_after_first_paint=args.exit_after_first_paint)
