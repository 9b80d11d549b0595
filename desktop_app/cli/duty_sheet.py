"""The command line for the weekly duty sheet: the same PDF (or .xlsx) as the window's 打印 button.

    python main.py duty-sheet --data-dir DIR --user NAME --week 2024-W15 [--team NAME] --out FILE.pdf
                              [--made-by NAME]

An --out ending in .xlsx writes the spreadsheet instead. Phones are always masked.
It acts as the operator --user (password from the terminal or $YIJING_PASSWORD): any role may print it,
the .xlsx is an export (not for 查看). Exit codes: 0 written; 1 the file could not be written; 2 wrong
arguments, unknown team, no data file, no account or a role that may not.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..config import DataPaths
from .common import data_dir_argument, run_as_operator, user_argument

COMMAND = "duty-sheet"


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    sheet = subparsers.add_parser(
        COMMAND, help="打印一周的义警值班表 (weekly duty sheet as PDF, or .xlsx; phones masked)")
    data_dir_argument(sheet, in_subcommand=True)
    user_argument(sheet)
    sheet.add_argument("--week", metavar="YYYY-Www", required=True, help="ISO 周, 如 2024-W15")
    sheet.add_argument("--team", metavar="NAME", help="队伍名称; 默认为全部队伍")
    sheet.add_argument("--out", metavar="FILE.pdf", type=Path, required=True,
                       help="输出文件 (.pdf; 以 .xlsx 结尾时导出表格)")
    sheet.add_argument("--made-by", metavar="NAME", default="", help="制表人 (默认留空, 手写)")


def run(args: argparse.Namespace) -> int | None:
    """Run the command if it is ours; None otherwise."""
    if getattr(args, "command", None) != COMMAND:
        return None
    return _run_duty_sheet(args)


def _run_duty_sheet(args: argparse.Namespace) -> int:
    from ..domain.dates import parse_iso_week
    from ..domain.errors import FieldError
    from ..services.roster.teams import find_team_by_name, list_teams
    from ..services.schedule.duty_sheet import ExportError, duty_sheet_pdf, export_week_xlsx

    try:
        year, week = parse_iso_week(args.week)
    except FieldError as exc:
        print(f"周有误: {exc.message}", file=sys.stderr)
        return 2
    suffix = args.out.suffix.lower()
    if suffix not in (".pdf", ".xlsx"):
        print(f"输出文件须以 .pdf 或 .xlsx 结尾: {args.out}", file=sys.stderr)
        return 2
    if not args.out.parent.is_dir():
        print(f"输出文件夹不存在: {args.out.parent}", file=sys.stderr)
        return 2
    team: list[int | None] = []  # the team found before the operator signs in

    def find_team() -> int | None:
        team_id = None
        if args.team is not None:
            team_id = find_team_by_name(args.team)
            if team_id is None:
                names = "、".join(t.name for t in list_teams()) or "（还没有队伍）"
                print(f"找不到队伍“{args.team.strip()}”。现有队伍: {names}", file=sys.stderr)
                return 2
        team.append(team_id)
        return None

    def work(_paths: DataPaths) -> int:
        write = export_week_xlsx if suffix == ".xlsx" else duty_sheet_pdf
        try:
            data = write(year, week, team[0], args.out, made_by=args.made_by)
        except ExportError as exc:
            print(str(exc), file=sys.stderr)
            return 1
        shifts = sum(len(cell) for row in data.days for cell in row)
        gaps = f"，缺 {data.missing} 人" if data.missing else ""
        print(f"已写出值班表 {args.out}（{data.week_label}，{data.team_name}：{len(data.posts)} 个岗位，"
              f"{shifts} 个班次{gaps}；电话已脱敏）")
        return 0

    return run_as_operator(args, work, check=find_team)
