"""The command line for the data folder itself, e.g. for a scheduled task: `init` sets up a new folder (the
office and its first administrator), `demo-data` fills an empty folder with made-up data and three demo
accounts, `backup` writes a verified (optionally encrypted) copy, `restore` puts a backup back (also when
the data file is damaged), `check` checks the data file.

    python main.py init --data-dir DIR --office NAME --admin NAME [--case-prefix 夏派调] [--parent-unit NAME]
                        [--leader NAME] [--org-code CODE]
    python main.py init --data-dir DIR --county NAME --admin NAME [--org-code CODE]
    python main.py demo-data --data-dir DIR [--scale demo|village|county|prefecture] [--seed N] [--office NAME]
    python main.py backup --data-dir DIR --user NAME [--to PATH] [--encrypt]
    python main.py restore --data-dir DIR --user NAME BACKUP
    python main.py check --data-dir DIR [--full]

On a PostgreSQL server (--database URL, or the folder's database.url) `backup` writes a pg_dump file
(`.dump`) checked by restoring it into a scratch database there, `restore` takes such a file (checked the
same way before the office's database is replaced; the old one is kept on the server under another name),
and `check` says the connection, the schema steps applied and the rows of each table.

`init` takes the administrator's password from the terminal (twice) or from $YIJING_PASSWORD; on a folder
that has the office's details but no account yet (a folder from before accounts) it keeps the details and
adds the administrator. `init --county` sets up a county's folder instead (services/county/): it reads the
offices' data packages, and its key pair is made in the folder's keys/. `backup` and `restore` act as the operator --user (password the same way);
`restore` needs an administrator, except for a data file that cannot be opened at all (recovering it is
the point; the damaged file is kept). `demo-data` makes the accounts 管理员, 录入员 and 查看, each with the
password `demo`, and says so at the end: a demo folder is a throwaway.

The backup password (--encrypt, or restoring a .7z) comes from YIJING_BACKUP_PASSWORD or is asked on the
terminal. Exit codes: 0 done; 2 wrong arguments, no data file, a folder already set up, no account or a
role that may not; 4 the backup or restore failed (full disk, removed drive, bad backup, wrong password);
10–19 the data folder could not be opened (services/storage/errors.py: 10 damaged, 11 newer program, 12
disk full, 13 no permission, 14 folder gone, 15 in use by another copy, 16 data file missing beside kept
copies).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from ..config import DataPaths
from .common import (
    EXIT_REFUSED,
    PASSWORD_VARIABLE,
    data_dir_argument,
    data_paths,
    operator,
    progress_printer,
    read_password,
    refusal,
    run_as_operator,
    user_argument,
)

INIT = "init"
DEMO_DATA = "demo-data"
BACKUP = "backup"
RESTORE = "restore"
CHECK = "check"
FAILED = 4


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    init = subparsers.add_parser(INIT, help="设置一个新的数据文件夹：单位名称和第一个管理员账号 (set up a new folder)")
    data_dir_argument(init, in_subcommand=True)
    which = init.add_mutually_exclusive_group(required=True)
    which.add_argument("--office", metavar="NAME", help="单位名称，如 伽师县公安局夏普吐勒派出所")
    which.add_argument("--county", metavar="NAME", help="设为县局的数据文件夹（汇总各单位数据包），如 伽师县公安局")
    init.add_argument("--org-code", default="", metavar="CODE", help="机构代码（统一社会信用代码），可不填")
    init.add_argument("--admin", required=True, metavar="NAME", help="管理员用户名")
    init.add_argument("--admin-name", default="", metavar="NAME", help="管理员姓名 (默认同用户名)")
    init.add_argument("--case-prefix", default="", metavar="PREFIX",
                      help="案件编号前缀，如 夏派调；默认按单位名称推出，可在“单位信息”中修改")
    init.add_argument("--parent-unit", default="", metavar="NAME", help="上级单位")
    init.add_argument("--leader", default="", metavar="NAME", help="负责人")

    demo = subparsers.add_parser(DEMO_DATA, help="用虚构的演示数据填充一个空的数据文件夹 (fill an empty folder with demo data)")
    data_dir_argument(demo, in_subcommand=True)
    demo.add_argument("--scale", default="demo", help="规模: demo (默认), village, county, prefecture")
    demo.add_argument("--seed", type=int, default=2024, help="随机种子 (same seed, same data)")
    demo.add_argument("--office", default="", metavar="NAME",
                      help="演示单位的名称 (默认 伽师县公安局夏普吐勒派出所)；几个不同的演示单位可汇总到一个县局")

    backup = subparsers.add_parser(BACKUP, help="备份数据文件 (a verified backup; --encrypt for a stick)")
    data_dir_argument(backup, in_subcommand=True)
    user_argument(backup)
    backup.add_argument("--to", "--out", dest="to", metavar="PATH", type=Path,
                        help="备份文件或文件夹; 默认写入数据文件夹的 backups/")
    backup.add_argument("--encrypt", action="store_true",
                        help="加密备份 (.7z, AES-256, 7-Zip 可打开), 用于带出电脑的备份; 密码来自 "
                             "YIJING_BACKUP_PASSWORD 或终端输入")

    restore = subparsers.add_parser(RESTORE, help="用备份恢复数据 (restore a backup, plain or encrypted)")
    restore.add_argument("backup", metavar="BACKUP", type=Path, help="备份文件 (.db 或加密的 .7z；数据库服务器: .dump)")
    data_dir_argument(restore, in_subcommand=True)
    user_argument(restore)

    check = subparsers.add_parser(CHECK, help="检查数据文件是否完好 (quick_check; --full: integrity_check)；"
                                             "数据库服务器：连接、数据结构版本和各表行数")
    data_dir_argument(check, in_subcommand=True)
    check.add_argument("--full", action="store_true", help="完整检查 (较慢)")


def run(args: argparse.Namespace) -> int | None:
    """Run the command if it is one of ours; None otherwise."""
    command = getattr(args, "command", None)
    if command == INIT:
        return _run_init(args)
    if command == DEMO_DATA:
        return _run_demo_data(args)
    if command == BACKUP:
        return _run_backup(args)
    if command == RESTORE:
        return _run_restore(args)
    if command == CHECK:
        return _run_check(args)
    return None


def guess_case_prefix(unit_name: str) -> str:
    """夏普吐勒派出所 → 夏派调, 团结路警务室 → 团警调: the place's first character, the unit's kind, 调."""
    name = unit_name.strip()
    for kind, short in (("派出所", "派"), ("警务室", "警"), ("警务站", "警"), ("公安局", "公"), ("分局", "公")):
        if name.endswith(kind):
            place = name[: -len(kind)]
            for level in ("公安局", "分局", "县", "市", "区", "州"):
                if level in place:
                    place = place[place.rindex(level) + len(level):] or place
            return (place[:1] or name[:1]) + short + "调"
    return name[:2] + "调"


def _run_init(args: argparse.Namespace) -> int:
    from ..services.accounts import roles
    from ..services.accounts.operators import (
        AccountError,
        accounts_exist,
        create_first_administrator,
        password_strength,
    )
    from ..services.office.details import OfficeInfo, get_office, save_office
    from ..services.storage.data_folder import close_store, open_store

    paths = data_paths(args)
    password = read_password(f"管理员“{args.admin}”的密码：")
    if password is None:
        print(f"需要管理员的密码：请在终端中运行，或设置环境变量 {PASSWORD_VARIABLE}。", file=sys.stderr)
        return 2
    if not _typed_twice(password):
        print("两次输入的密码不一致，未作任何修改。", file=sys.stderr)
        return 2
    if args.county is not None:
        return _init_county(args, paths, password)
    open_store(paths)
    try:
        if accounts_exist():
            print(f"这个数据文件夹已有操作员账号，未作任何修改: {paths.root}", file=sys.stderr)
            return 2
        existing = get_office()
        prefix = existing.case_prefix if existing else args.case_prefix.strip() or guess_case_prefix(args.office)
        office = OfficeInfo(unit_name=args.office, parent_unit=args.parent_unit, leader_name=args.leader,
                            case_prefix=prefix, org_code=args.org_code)
        from ..db.database import db

        with db.atomic():
            with roles.acting_as(None):
                admin = create_first_administrator(args.admin, password, args.admin_name)
            if existing is None:
                with roles.acting_as(roles.Account(admin.username, admin.role, admin.display_name, admin.id)):
                    save_office(office)
    except AccountError as exc:
        print(f"未设置: {exc.error.message}", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"未设置: {getattr(exc, 'message', exc)}", file=sys.stderr)
        return 2
    finally:
        close_store()
    _level, hint = password_strength(password, args.admin)
    print(f"已设置数据文件夹 {paths.root}")
    if existing is None:
        print(f"单位：{args.office.strip()}（案件编号前缀“{prefix}”，可在 文件 → 单位信息 中修改）")
    else:
        print(f"单位信息已有（{existing.unit_name}），保持不变")
    print(f"管理员：{args.admin.strip()}（密码强度 {hint}）")
    return 0


def _init_county(args: argparse.Namespace, paths, password: str) -> int:
    from ..db.database import db
    from ..services.accounts import roles
    from ..services.accounts.operators import (
        AccountError,
        accounts_exist,
        create_first_administrator,
        password_strength,
    )
    from ..services.county.identity import set_up_county
    from ..services.county.keys import county_keys
    from ..services.office.details import get_office
    from ..services.storage.data_folder import close_store, open_store

    open_store(paths)
    try:
        if accounts_exist() or get_office() is not None:
            print(f"这个数据文件夹已经设置过，未作任何修改: {paths.root}", file=sys.stderr)
            return 2
        with db.atomic():
            with roles.acting_as(None):
                admin = create_first_administrator(args.admin, password, args.admin_name)
            with roles.acting_as(roles.Account(admin.username, admin.role, admin.display_name, admin.id)):
                county = set_up_county(paths.root, args.county, args.org_code)
        fingerprint = county_keys(paths.root).public.fingerprint
    except AccountError as exc:
        print(f"未设置: {exc.error.message}", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"未设置: {getattr(exc, 'message', exc)}", file=sys.stderr)
        return 2
    finally:
        close_store()
    _level, hint = password_strength(password, args.admin)
    print(f"已设置县局数据文件夹 {paths.root}")
    print(f"县局：{county.name}")
    print(f"县局公钥指纹：{fingerprint}（python main.py county-key 写出公钥文件，交各单位使用）")
    print(f"管理员：{args.admin.strip()}（密码强度 {hint}）")
    return 0


def _typed_twice(password: str) -> bool:
    """At a terminal the password is asked again; from $YIJING_PASSWORD it is taken once."""
    import os

    if os.environ.get(PASSWORD_VARIABLE) is not None:
        return True
    again = read_password("再次输入密码：")
    return again == password


def _run_demo_data(args: argparse.Namespace) -> int:
    from ..demo.generator import SCALES, generate
    from ..services.accounts import roles
    from ..services.accounts.operators import DEMO_PASSWORD, AccountError, authenticate, create_demo_accounts
    from ..services.storage.data_folder import close_store, open_store

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
        try:
            names = create_demo_accounts()
        except AccountError:
            print("这个数据文件夹已有操作员账号：演示数据只写入新的文件夹（演示文件夹用完即弃）。", file=sys.stderr)
            return 2
        admin = authenticate(names[0], DEMO_PASSWORD, via="演示数据")
        with roles.acting_as(admin):
            summary = generate(SCALES[args.scale], seed=args.seed, progress=progress_printer(sys.stdout),
                               office_name=args.office)
    finally:
        close_store()
    if paths.database_url:
        from ..db.server import describe

        print(f"演示数据已写入数据库服务器 {describe(paths.database_url)}")
    else:
        print(f"演示数据已写入 {paths.database}")
    print(summary)
    print(f"演示账号：{'、'.join(names)}，密码均为 {DEMO_PASSWORD}（仅用于演示文件夹）")
    return 0


def _has_data() -> str:
    from ..db.models import Case, Member, Team
    from ..services.office.details import get_office

    counts = [(Member.select().count(), "名队员"), (Team.select().count(), "支队伍"), (Case.select().count(), "件案件")]
    found = "、".join(f"{n} {what}" for n, what in counts if n)
    return found or ("已填写单位信息" if get_office() is not None else "")


def _password(prompt: str) -> str | None:
    from ..services.backup.password import ENV_VARIABLE

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
    from ..services.backup.archive import ArchiveError
    from ..services.backup.password import BackupPasswordError
    from ..services.backup.server import ServerBackupError
    from ..services.files.writer import FileWriteError

    password: list[str | None] = [None]

    def ask_password() -> int | None:  # before the operator's
        if args.encrypt:
            password[0] = _password("备份密码: ")
            if password[0] is None:
                return 2
        return None

    def work(paths: DataPaths) -> int:
        try:
            target = backup_now(paths, args.to, password=password[0], progress=progress_printer())
        except (FileWriteError, BackupCheckFailed, BackupPasswordError, ArchiveError, ServerBackupError) as exc:
            print(f"备份失败：{getattr(exc, 'message', exc)}", file=sys.stderr)
            return FAILED
        kind = "加密备份" if password[0] else "备份"
        print(f"已{kind}并校验: {target}")
        return 0

    return run_as_operator(args, work, check=ask_password)


def _run_restore(args: argparse.Namespace) -> int:
    from ..services.accounts import roles
    from ..services.backup.archive import is_archive
    from ..services.backup.restore import RestoreError, finish_restore, stage
    from ..services.backup.server import ServerBackupError
    from ..services.files.writer import FileWriteError
    from ..services.storage.data_folder import close_store

    paths = data_paths(args)
    if not args.backup.is_file():
        print(f"找不到备份文件: {args.backup}", file=sys.stderr)
        return 2
    password = None
    if is_archive(args.backup):
        password = _password("备份密码: ")
        if password is None:
            return 2
    staged = None
    try:
        # the backup is checked first: a bad one is refused before anyone logs in (nothing is written)
        staged = stage(paths, args.backup, password, progress_printer())
        account = _restoring_operator(args, paths)
        if account is False:
            staged.discard()
            return EXIT_REFUSED
        with roles.acting_as(account or None):
            kept = finish_restore(paths, staged)
    except roles.PermissionDenied as exc:
        if staged is not None:
            staged.discard()
        return refusal(exc)
    except (RestoreError, FileWriteError, ServerBackupError) as exc:
        if staged is not None:
            staged.discard()
        print(f"恢复失败：{getattr(exc, 'message', exc)}\n数据没有改动。", file=sys.stderr)
        return FAILED
    finally:
        close_store()
    print(f"已从 {args.backup} 恢复并校验。")
    if kept is not None:
        print(f"恢复前的数据保留在: {kept}")
    return 0


def _restoring_operator(args: argparse.Namespace, paths):
    """The --user account when the data file opens and has accounts (False after saying why not); None
    when it cannot be read at all (a damaged or missing file is recovered without a login). The file is
    opened as it is: opening the store would tidy the folder, the staged copy with it."""
    from ..db.database import close_database, open_database
    from ..services.accounts.operators import accounts_exist

    if paths.database_url:  # a server is always reachable here (cli/__init__ connected first)
        from ..services.storage.data_folder import open_store

        open_store(paths)
        account = operator(args) if accounts_exist() else None
        return False if account is None and accounts_exist() else account
    if not paths.database.exists():
        return None
    try:
        open_database(paths.database)
        has_accounts = accounts_exist()
    except Exception:  # noqa: BLE001 - whatever keeps the file from being read, the restore is its cure
        close_database()
        return None
    if not has_accounts:
        return None
    account = operator(args)
    return False if account is None else account


def _run_check(args: argparse.Namespace) -> int:
    import sqlite3

    from ..db.snapshot import check_file
    from ..services.storage.data_folder import DataMissingError, refuse_missing_data
    from ..services.storage.errors import classify

    paths = data_paths(args)
    if paths.database_url:
        return _check_server(paths.database_url)
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


def _check_server(url: str) -> int:
    """`check` on a PostgreSQL server: the connection, the schema steps applied and the rows of each table
    (the server checks its own pages)."""
    from ..db.migrations import STEPS
    from ..services.backup.server import ServerBackupError, server_report

    try:
        found = server_report(url)
    except ServerBackupError as exc:
        print(exc.message, file=sys.stderr)
        return 17
    known = {n for n, _step in STEPS}
    print(f"数据库服务器：{found.host}:{found.port}，数据库 {found.database}，账号 {found.user}，"
          f"PostgreSQL {found.server_version}")
    missing, newer = sorted(known - set(found.steps)), sorted(set(found.steps) - known)
    steps = "、".join(str(n) for n in found.steps) or "无"
    print(f"数据结构版本：{max(found.steps, default=0)}（已执行的步骤 {steps}）"
          + (f"；尚未执行 {'、'.join(map(str, missing))}" if missing else "")
          + (f"；本程序不认识的步骤 {'、'.join(map(str, newer))}（由更新版本的程序写入）" if newer else ""))
    print(f"各表行数（共 {len(found.counts)} 个表，{sum(found.counts.values())} 行）：")
    width = max((len(t) for t in found.counts), default=0)
    for table, rows in found.counts.items():
        print(f"  {table:<{width}}  {rows:>9}")
    if newer:
        return 11
    return 0 if found.steps else 10
