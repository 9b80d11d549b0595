"""The command line for the holiday table: read a notice, store it, list a year.

    python main.py holidays parse-notice FILE.txt
    python main.py holidays apply FILE.txt --data-dir DIR --user NAME [--kind national|xinjiang|local] [--year 2027]
    python main.py holidays list --year 2027 --data-dir DIR

`parse-notice` prints the days the notice names, one a line, sorted ("2027-02-06 休 春节", "… 班 春节") and
needs no data folder; `list` prints the year's 休/班 days as the program counts them, an estimated one ending
in " 预估". `apply` changes a setting: it acts as an administrator --user (password from the terminal or
$YIJING_PASSWORD). Exit codes: 0 done; 1 a sentence of the notice could not be read (each is named on stderr; apply
then stores nothing); 2 wrong arguments, unreadable file, no data file, no account or a role that may not.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..config import DataPaths
from .common import data_dir_argument, existing_paths, run_as_operator, user_argument

COMMAND = "holidays"
KINDS = ("national", "xinjiang", "local")


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        COMMAND, help="节假日安排：读取国务院办公厅或自治区的放假通知、录入、列出某年的放假与调休 (holiday table)")
    actions = parser.add_subparsers(dest="holiday_action", metavar="ACTION", required=True)
    parse = actions.add_parser("parse-notice", help="读取通知全文，逐行列出其中的放假（休）与调休上班（班）日期")
    parse.add_argument("file", type=Path, metavar="FILE.txt", help="通知全文（UTF-8 文本）")
    parse.add_argument("--year", type=int, help="通知中没有写明年份时使用的年份")
    apply = actions.add_parser("apply", help="把通知中的日期作为已确认的安排存入数据文件")
    apply.add_argument("file", type=Path, metavar="FILE.txt", help="通知全文（UTF-8 文本）")
    apply.add_argument("--kind", choices=KINDS, default="national",
                       help="national: 国务院办公厅通知 (默认); xinjiang: 自治区通知（肉孜节、古尔邦节）; local: 本单位")
    apply.add_argument("--year", type=int, help="通知中没有写明年份时使用的年份")
    data_dir_argument(apply, in_subcommand=True)
    user_argument(apply)
    listing = actions.add_parser("list", help="列出某年的放假与调休上班日期；预估的日期行末标“预估”")
    listing.add_argument("--year", type=int, required=True)
    data_dir_argument(listing, in_subcommand=True)


def run(args: argparse.Namespace) -> int | None:
    if getattr(args, "command", None) != COMMAND:
        return None
    if args.holiday_action == "list":
        return _list(args)
    text = _read(args.file)
    if text is None:
        return 2
    return _parse(text, args) if args.holiday_action == "parse-notice" else _apply(text, args)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"无法读取文件 {path}: {exc}", file=sys.stderr)
        return None


def _parse(text: str, args: argparse.Namespace) -> int:
    from ..domain.holiday_notice import parse_notice

    parsed = parse_notice(text, args.year)
    for line in parsed.lines():
        print(line)
    for problem in parsed.problems:
        print(problem.text, file=sys.stderr)
    if not parsed.complete:
        if not parsed.problems:
            print("通知中没有找到放假日期", file=sys.stderr)
        return 1
    return 0


def _apply(text: str, args: argparse.Namespace) -> int:
    from ..domain.holiday_days import LOCAL, NATIONAL, XINJIANG
    from ..services.calendar.holiday_arrangements import ArrangementRefused, apply_notice, read_notice

    layer = {"national": NATIONAL, "xinjiang": XINJIANG, "local": LOCAL}[args.kind]
    reading = read_notice(text, layer, args.year)
    if not reading.complete:
        for problem in reading.problems:
            print(problem, file=sys.stderr)
        print("通知未能完整读取，未作任何修改", file=sys.stderr)
        return 1

    def work(_paths: DataPaths) -> int:
        try:
            result = apply_notice(text, layer, args.year)
        except ArrangementRefused as exc:
            for problem in exc.problems:
                print(problem, file=sys.stderr)
            return 1
        for line in (day.line for day in reading.days):
            print(line)
        if reading.skipped:
            print(f"以下节日不属于此类通知，未录入：{'、'.join(reading.skipped)}", file=sys.stderr)
        print(result.summary, file=sys.stderr)
        return 0

    return run_as_operator(args, work)


def _list(args: argparse.Namespace) -> int:
    from ..services.calendar import working_days
    from ..services.storage.data_folder import close_store, open_store

    paths = existing_paths(args)
    if paths is None:
        return 2
    open_store(paths)
    try:
        for info in working_days.current().arranged_days(args.year):
            print(f"{info.date.isoformat()} {info.kind} {info.name}".rstrip() + (" 预估" if info.estimated else ""))
    finally:
        close_store()
    return 0
