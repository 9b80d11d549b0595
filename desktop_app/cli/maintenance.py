"""The command line for the data folder itself: `init` sets up a new folder (the office and its first
administrator), `demo-data` fills a throwaway folder with made-up data and three demo accounts, `backup`
writes a verified copy of the database.

    python main.py init --data-dir DIR --office NAME --admin NAME [--case-prefix 夏派调] [--parent-unit NAME]
                        [--leader NAME]
    python main.py demo-data --data-dir DIR [--scale demo|village|county|prefecture] [--seed N]
    python main.py backup --data-dir DIR --user NAME [--out FILE]

`init` on a folder that has the office's details but no account yet (a folder from before accounts) keeps
the details and adds the administrator. It takes the administrator's password from the terminal (twice) or from $YIJING_PASSWORD; `backup` acts
as the operator --user (password the same way). `demo-data` makes the accounts 管理员, 录入员 and 查看, each
with the password `demo`, and says so at the end: a demo folder is a throwaway.

Exit codes: 0 done; 2 wrong arguments, no data file, a folder already set up, no account or a role that
may not.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import (
    PASSWORD_VARIABLE,
    REFUSED,
    data_dir_argument,
    data_paths,
    existing_paths,
    operator,
    progress_printer,
    read_password,
    refusal,
    user_argument,
)

INIT = "init"
DEMO_DATA = "demo-data"
BACKUP = "backup"


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    init = subparsers.add_parser(INIT, help="设置一个新的数据文件夹：单位名称和第一个管理员账号 (set up a new folder)")
    data_dir_argument(init, in_subcommand=True)
    init.add_argument("--office", required=True, metavar="NAME", help="单位名称，如 伽师县公安局夏普吐勒派出所")
    init.add_argument("--admin", required=True, metavar="NAME", help="管理员用户名")
    init.add_argument("--admin-name", default="", metavar="NAME", help="管理员姓名 (默认同用户名)")
    init.add_argument("--case-prefix", default="", metavar="PREFIX",
                      help="案件编号前缀，如 夏派调；默认按单位名称推出，可在“单位信息”中修改")
    init.add_argument("--parent-unit", default="", metavar="NAME", help="上级单位")
    init.add_argument("--leader", default="", metavar="NAME", help="负责人")

    demo = subparsers.add_parser(DEMO_DATA, help="用虚构的演示数据填充一个数据文件夹 (fill a folder with demo data)")
    data_dir_argument(demo, in_subcommand=True)
    demo.add_argument("--scale", default="demo", help="规模: demo (默认), village, county, prefecture")
    demo.add_argument("--seed", type=int, default=2024, help="随机种子 (same seed, same data)")

    backup = subparsers.add_parser(BACKUP, help="备份数据文件 (back up the database, verified)")
    data_dir_argument(backup, in_subcommand=True)
    user_argument(backup)
    backup.add_argument("--out", type=Path, help="备份文件路径; 默认写入数据文件夹的 backups/")


def run(args: argparse.Namespace) -> int | None:
    """Run the command if it is one of ours; None otherwise."""
    command = getattr(args, "command", None)
    if command == INIT:
        return _run_init(args)
    if command == DEMO_DATA:
        return _run_demo_data(args)
    if command == BACKUP:
        return _run_backup(args)
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
    from ..services import session
    from ..services.accounts import (
        AccountError,
        accounts_exist,
        create_first_administrator,
        password_strength,
    )
    from ..services.office import OfficeInfo, get_office, save_office
    from ..services.storage import close_store, open_store

    paths = data_paths(args)
    password = read_password(f"管理员“{args.admin}”的密码：")
    if password is None:
        print(f"需要管理员的密码：请在终端中运行，或设置环境变量 {PASSWORD_VARIABLE}。", file=sys.stderr)
        return 2
    if not _typed_twice(password):
        print("两次输入的密码不一致，未作任何修改。", file=sys.stderr)
        return 2
    open_store(paths)
    try:
        if accounts_exist():
            print(f"这个数据文件夹已有操作员账号，未作任何修改: {paths.root}", file=sys.stderr)
            return 2
        existing = get_office()
        prefix = existing.case_prefix if existing else args.case_prefix.strip() or guess_case_prefix(args.office)
        office = OfficeInfo(unit_name=args.office, parent_unit=args.parent_unit, leader_name=args.leader,
                            case_prefix=prefix)
        from ..db.database import db

        with db.atomic():
            with session.acting_as(None):
                admin = create_first_administrator(args.admin, password, args.admin_name)
            if existing is None:
                with session.acting_as(session.Account(admin.username, admin.role, admin.display_name, admin.id)):
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


def _typed_twice(password: str) -> bool:
    """At a terminal the password is asked again; from $YIJING_PASSWORD it is taken once."""
    import os

    if os.environ.get(PASSWORD_VARIABLE) is not None:
        return True
    again = read_password("再次输入密码：")
    return again == password


def _run_demo_data(args: argparse.Namespace) -> int:
    from ..demo.generator import SCALES, generate
    from ..services import session
    from ..services.accounts import DEMO_PASSWORD, AccountError, authenticate, create_demo_accounts
    from ..services.storage import close_store, open_store

    if args.scale not in SCALES:
        print(f"未知规模 {args.scale}；可选: {', '.join(SCALES)}", file=sys.stderr)
        return 2
    paths = data_paths(args)
    open_store(paths)
    try:
        try:
            names = create_demo_accounts()
        except AccountError:
            print("这个数据文件夹已有操作员账号：演示数据只写入新的文件夹（演示文件夹用完即弃）。", file=sys.stderr)
            return 2
        admin = authenticate(names[0], DEMO_PASSWORD, via="演示数据")
        with session.acting_as(admin):
            summary = generate(SCALES[args.scale], seed=args.seed, progress=progress_printer(sys.stdout))
    finally:
        close_store()
    print(f"演示数据已写入 {paths.database}")
    print(summary)
    print(f"演示账号：{'、'.join(names)}，密码均为 {DEMO_PASSWORD}（仅用于演示文件夹）")
    return 0


def _run_backup(args: argparse.Namespace) -> int:
    from ..services import session
    from ..services.backup import backup_now
    from ..services.storage import close_store, open_store

    paths = existing_paths(args)
    if paths is None:
        return 2
    open_store(paths)
    try:
        account = operator(args)
        if account is None:
            return REFUSED
        with session.acting_as(account):
            target = backup_now(paths, args.out)
    except session.PermissionDenied as exc:
        return refusal(exc)
    finally:
        close_store()
    print(f"已备份并校验: {target}")
    return 0
