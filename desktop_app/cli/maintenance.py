"""The command line for the data folder itself, e.g. for a scheduled task: `demo-data` fills an empty folder
with made-up data, `backup` writes a verified (optionally encrypted) copy, `restore` puts a backup back
(also when the data file is damaged), `check` checks the data file.

    python main.py demo-data --data-dir DIR [--scale demo|village|county|prefecture] [--seed N]
    python main.py backup --data-dir DIR [--to PATH] [--encrypt]
    python main.py restore --data-dir DIR BACKUP
    python main.py check --data-dir DIR [--full]

The backup password (--encrypt, or restoring a .7z) comes from YIJING_BACKUP_PASSWORD or is asked on the
terminal. Exit codes: 0 done; 2 wrong arguments or no data file; 4 the backup or restore failed (full
disk, removed drive, bad backup, wrong password); 10–19 the data folder could not be opened
(services/storage_errors.py: 10 damaged, 11 newer program, 12 disk full, 13 no permission, 14 folder
gone, 15 in use by another copy, 16 data file missing beside kept copies).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from .common import data_dir_argument, data_paths, existing_paths, progress_printer

DEMO_DATA = "demo-data"
BACKUP = "backup"
RESTORE = "restore"
CHECK = "check"
FAILED = 4


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser(DEMO_DATA, help="用虚构的演示数据填充一个空的数据文件夹 (fill an empty folder with demo data)")
    data_dir_argument(demo, in_subcommand=True)
    demo.add_argument("--scale", default="demo", help="规模: demo (默认), village, county, prefecture")
    demo.add_argument("--seed", type=int, default=2024, help="随机种子 (same seed, same data)")

    backup = subparsers.add_parser(BACKUP, help="备份数据文件 (a verified backup; --encrypt for a stick)")
    data_dir_argument(backup, in_subcommand=True)
    backup.add_argument("--to", "--out", dest="to", metavar="PATH", type=Path,
                        help="备份文件或文件夹; 默认写入数据文件夹的 backups/")
    backup.add_argument("--encrypt", action="store_true",
                        help="加密备份 (.7z, AES-256, 7-Zip 可打开), 用于带出电脑的备份; 密码来自 "
                             "YIJING_BACKUP_PASSWORD 或终端输入")

    restore = subparsers.add_parser(RESTORE, help="用备份恢复数据 (restore a backup, plain or encrypted)")
    restore.add_argument("backup", metavar="BACKUP", type=Path, help="备份文件 (.db 或加密的 .7z)")
    data_dir_argument(restore, in_subcommand=True)

    check = subparsers.add_parser(CHECK, help="检查数据文件是否完好 (quick_check; --full: integrity_check)")
    data_dir_argument(check, in_subcommand=True)
    check.add_argument("--full", action="store_true", help="完整检查 (较慢)")


def run(args: argparse.Namespace) -> int | None:
    """Run the command if it is one of ours; None otherwise."""
    command = getattr(args, "command", None)
    if command == DEMO_DATA:
        return _run_demo_data(args)
    if command == BACKUP:
        return _run_backup(args)
    if command == RESTORE:
        return _run_restore(args)
    if command == CHECK:
        return _run_check(args)
    return None


def _run_demo_data(args: argparse.Namespace) -> int:
    from ..demo.generator import SCALES, generate
    from ..services.storage import close_store, open_store

    if args.scale not in SCALES:
        print(f"未知规模 {args.scale}；可选: {', '.join(SCALES)}", file=sys.stderr)
        return 2
    paths = data_paths(args)
    open_store(paths)
    try:
        filled = _has_data()
        if filled:
            print(f"数据文件夹中已有数据（{filled}），演示数据只能写入新的空文件夹，没有写入任何数据：\n"
                  f"{paths.root}", file=sys.stderr)
            return 2
        summary = generate(SCALES[args.scale], seed=args.seed, progress=progress_printer(sys.stdout))
    finally:
        close_store()
    print(f"演示数据已写入 {paths.database}")
    print(summary)
    return 0


def _has_data() -> str:
    from ..db.models import Case, Member, Team
    from ..services.office import get_office

    counts = [(Member.select().count(), "名队员"), (Team.select().count(), "支队伍"), (Case.select().count(), "件案件")]
    found = "、".join(f"{n} {what}" for n, what in counts if n)
    return found or ("已填写单位信息" if get_office() is not None else "")


def _password(prompt: str) -> str | None:
    from ..services.backup_password import ENV_VARIABLE

    value = os.environ.get(ENV_VARIABLE)
    if value:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        print(f"需要备份密码：请设置环境变量 {ENV_VARIABLE}，或在终端中运行以输入密码", file=sys.stderr)
        return None
    try:
        return getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt):
        return None


def _run_backup(args: argparse.Namespace) -> int:
    from ..services.backup import BackupCheckFailed, backup_now
    from ..services.backup_archive import ArchiveError
    from ..services.backup_password import BackupPasswordError
    from ..services.files import FileWriteError
    from ..services.storage import close_store, open_store

    paths = existing_paths(args)
    if paths is None:
        return 2
    password = None
    if args.encrypt:
        password = _password("备份密码: ")
        if password is None:
            return 2
    open_store(paths)
    try:
        target = backup_now(paths, args.to, password=password, progress=progress_printer())
    except (FileWriteError, BackupCheckFailed, BackupPasswordError, ArchiveError) as exc:
        print(f"备份失败：{getattr(exc, 'message', exc)}", file=sys.stderr)
        return FAILED
    finally:
        close_store()
    kind = "加密备份" if password else "备份"
    print(f"已{kind}并校验: {target}")
    return 0


def _run_restore(args: argparse.Namespace) -> int:
    from ..services.backup_archive import is_archive
    from ..services.files import FileWriteError
    from ..services.restore import RestoreError, restore_from
    from ..services.storage import close_store

    paths = data_paths(args)
    if not args.backup.is_file():
        print(f"找不到备份文件: {args.backup}", file=sys.stderr)
        return 2
    password = None
    if is_archive(args.backup):
        password = _password("备份密码: ")
        if password is None:
            return 2
    try:
        kept = restore_from(paths, args.backup, password, acting_user=None, progress=progress_printer())
    except (RestoreError, FileWriteError) as exc:
        print(f"恢复失败：{getattr(exc, 'message', exc)}\n数据没有改动。", file=sys.stderr)
        return FAILED
    finally:
        close_store()
    print(f"已从 {args.backup} 恢复并校验。")
    if kept is not None:
        print(f"恢复前的数据保留在: {kept}")
    return 0


def _run_check(args: argparse.Namespace) -> int:
    import sqlite3

    from ..db.snapshot import check_file
    from ..services.storage import DataMissingError, refuse_missing_data
    from ..services.storage_errors import classify

    paths = data_paths(args)
    try:
        refuse_missing_data(paths)
    except DataMissingError as exc:
        print(exc.message, file=sys.stderr)
        return exc.exit_code
    if not paths.database.exists():
        print(f"数据文件不存在: {paths.database}", file=sys.stderr)
        return 2
    try:
        problems = check_file(paths.database, quick=not args.full)
    except sqlite3.Error as exc:
        error = classify(exc, paths.root, paths.database)
        print(error.message, file=sys.stderr)
        return error.exit_code
    if problems:
        print("数据文件已损坏：\n" + "\n".join(problems[:10]), file=sys.stderr)
        print(f"可以用备份恢复：python main.py restore --data-dir \"{paths.root}\" 备份文件", file=sys.stderr)
        return 10
    print(f"数据文件完好（{'完整检查' if args.full else '快速检查'}）: {paths.database}")
    return 0
