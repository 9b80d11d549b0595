"""The command line for the 回收站: list what is deleted, put a member or a case back.

    python main.py deleted list --data-dir DIR
    python main.py deleted restore --data-dir DIR --user NAME --member ID | --case NUMBER

`list` prints one line per deleted record, the latest first: kind, id, name or number, deleted at (and who
deleted it, when the audit log says). `restore` brings the record back with everything attached to it.
`restore` acts as the operator account named by --user (its role must allow 删除或恢复记录).
Exit codes: 0 done; 1 no such deleted record; 2 no data file, no login or a role that may not restore.
"""

from __future__ import annotations

import argparse
import sys

from ..config import DataPaths
from .common import data_dir_argument, existing_paths, run_as_operator, user_argument

COMMAND = "deleted"


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(COMMAND, help="回收站：列出已删除的记录、恢复已删除的队员或案件 (deleted records)")
    actions = parser.add_subparsers(dest="deleted_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="每行一条已删除的记录：类别、编号、姓名或案号、删除时间")
    data_dir_argument(listing, in_subcommand=True)
    restore = actions.add_parser("restore", help="恢复一条已删除的记录及其所有关联记录")
    which = restore.add_mutually_exclusive_group(required=True)
    which.add_argument("--member", type=int, metavar="ID", help="队员的编号（deleted list 中的编号）")
    which.add_argument("--case", metavar="NUMBER", help="案件编号，如（2026）夏人调字第012号")
    data_dir_argument(restore, in_subcommand=True)
    user_argument(restore)


def run(args: argparse.Namespace) -> int | None:
    if getattr(args, "command", None) != COMMAND:
        return None
    if args.deleted_action == "list":
        return _run_list(args)
    return _run_restore(args)


def _run_list(args: argparse.Namespace) -> int:
    from ..services import recycle_bin
    from ..services.storage.data_folder import close_store, open_store

    paths = existing_paths(args)
    if paths is None:
        return 2
    open_store(paths)
    try:
        for record in recycle_bin.deleted_records():
            who = f"\t{record.deleted_by}" if record.deleted_by else ""
            print(f"{record.kind}\t{record.id}\t{record.label}\t{record.deleted_at:%Y-%m-%d %H:%M}{who}")
        return 0
    finally:
        close_store()


def _run_restore(args: argparse.Namespace) -> int:
    from ..services import recycle_bin

    found: list[tuple[str, int]] = []  # the record, found before the operator signs in

    def find_record() -> int | None:
        if args.member is not None:
            found.append((recycle_bin.DELETED_MEMBER, args.member))
            return None
        record_id = recycle_bin.case_id_by_number(args.case)
        if record_id is None:
            print(f"回收站中没有案号为“{args.case}”的案件", file=sys.stderr)
            return 1
        found.append((recycle_bin.DELETED_CASE, record_id))
        return None

    def work(_paths: DataPaths) -> int:
        kind, record_id = found[0]
        try:
            record = recycle_bin.restore(kind, record_id)
        except recycle_bin.RestoreRefused as exc:
            print(exc.message, file=sys.stderr)
            return 1
        print(f"已恢复{record.kind}：{record.label}")
        return 0

    return run_as_operator(args, work, check=find_record)
