"""The command line for duty: `auto-schedule` fills the shifts of a period as the window's 自动排班 does.

    python main.py auto-schedule --data-dir DIR --user NAME --from 2024-04-15 --to 2024-04-21 [--team 红旗义警队]

It prints how many slots it filled and each slot it could not fill, with the rule that stopped it.
It acts as the operator --user (password from the terminal or $YIJING_PASSWORD). Exit codes: 0 done (even
with unfilled slots); 2 wrong arguments, unknown team, no data file, no account or a role that may not.
"""

from __future__ import annotations

import argparse
import sys

from ..config import DataPaths
from .common import data_dir_argument, progress_printer, run_as_operator, user_argument

COMMAND = "auto-schedule"


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        COMMAND, help="自动排班：按规则为一段时间的班次安排队员 (fill the shifts of a period; prints unfilled slots)")
    data_dir_argument(parser, in_subcommand=True)
    user_argument(parser)
    parser.add_argument("--from", dest="date_from", metavar="DATE", required=True, help="开始日期 (如 2024-04-15)")
    parser.add_argument("--to", dest="date_to", metavar="DATE", required=True, help="结束日期 (含当天)")
    parser.add_argument("--team", metavar="NAME", help="只排这支队伍的岗位，只用本队队员; 默认全部队伍")


def run(args: argparse.Namespace) -> int | None:
    """Run the command if it is one of ours; None otherwise."""
    if getattr(args, "command", None) != COMMAND:
        return None
    return _run_auto_schedule(args)


def _run_auto_schedule(args: argparse.Namespace) -> int:
    from ..domain.dates import parse_loose_date
    from ..domain.errors import FieldError
    from ..services.roster.teams import find_team_by_name
    from ..services.schedule.auto_scheduler import auto_schedule
    from ..services.schedule.errors import ScheduleError

    try:
        start, end = parse_loose_date(args.date_from), parse_loose_date(args.date_to)
    except FieldError as exc:
        print(f"日期有误: {exc.message}", file=sys.stderr)
        return 2
    progress = progress_printer()
    team: list[int | None] = []  # the team found before the operator signs in

    def find_team() -> int | None:
        team_id = None
        if args.team:
            team_id = find_team_by_name(args.team)
            if team_id is None:
                print(f"没有名为“{args.team.strip()}”的队伍", file=sys.stderr)
                return 2
        team.append(team_id)
        return None

    def work(_paths: DataPaths) -> int:
        try:
            result = auto_schedule(start, end, team_id=team[0], progress=progress)
        except ScheduleError as exc:
            print(exc.message, file=sys.stderr)
            return 2
        print(result.summary)
        print(f"本次新排 {result.slots_filled} 人次（保留已锁定或已考勤的 {result.slots_kept} 人次，"
              f"替换未锁定的 {result.replaced} 人次，按规律新建班次 {result.shifts_generated} 个）")
        if result.unfilled:
            print(f"未能排满的班次 {len(result.unfilled)} 个，共缺 {result.slots_missing} 人次：")
            for slot in result.unfilled:
                print(f"  {slot.text}")
        return 0

    return run_as_operator(args, work, check=find_team)
