"""What every command shares: the --data-dir argument, finding the data folder, the account the command
acts as, and a progress printer.

A command that writes, exports or prints acts as an operator account, like the window: `--user NAME`
(or the environment variable YIJING_USER), the password typed at the terminal or taken from
YIJING_PASSWORD (for scheduled tasks). The services check the account's role; a refusal exits 2 and
leaves nothing written.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from ..config import DataPaths, default_data_dir
from ..services.progress import Progress, percent

USER_VARIABLE = "YIJING_USER"
PASSWORD_VARIABLE = "YIJING_PASSWORD"
EXIT_REFUSED = 2  # the exit code of a command refused for want of an account or a role


def data_dir_argument(parser: argparse.ArgumentParser, *, in_subcommand: bool) -> None:
    """--data-dir, accepted before the command (the program's) or after it (the command's)."""
    parser.add_argument(
        "--data-dir", metavar="PATH", type=Path,
        default=argparse.SUPPRESS if in_subcommand else None,
        help="数据文件夹 (data folder); 默认为本用户的应用数据文件夹",
    )
    database_argument(parser, in_subcommand=in_subcommand)


def database_argument(parser: argparse.ArgumentParser, *, in_subcommand: bool) -> None:
    """--database URL: a networked office's PostgreSQL server instead of the folder's SQLite file."""
    parser.add_argument(
        "--database", metavar="URL", default=argparse.SUPPRESS if in_subcommand else None,
        help="数据库服务器 (PostgreSQL), 如 postgresql://yijing@10.0.0.5/yijing；密码从终端输入，或取自 "
             "PGPASSWORD、pgpass 文件。默认使用数据文件夹中的本机数据文件",
    )


def data_paths(args: argparse.Namespace) -> DataPaths:
    """The data folder the command works on: --data-dir, or the user's default; with --database, the
    server it names (the folder then keeps the logs and the exports)."""
    from ..db.server import without_password

    url = getattr(args, "database", None)
    return DataPaths(Path(args.data_dir) if args.data_dir else default_data_dir(),
                     url=without_password(url) if url else None)


def server_password(paths: DataPaths) -> str | None:
    """The password of the server's role, typed at the terminal, when PGPASSWORD and pgpass give none and
    the server asks for one (None otherwise)."""
    import getpass

    from ..db.server import describe

    if not paths.database_url or os.environ.get("PGPASSWORD") or not sys.stdin or not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(f"数据库服务器 {describe(paths.database_url)} 的密码：") or None
    except (EOFError, KeyboardInterrupt):
        return None


def reach_server(paths: DataPaths) -> None:
    """Before a command on a server: connect once, asking for the role's password at the terminal when the
    server wants one (it is kept in memory for the command's connections). A `StoreError` when it cannot."""
    from ..services.storage.data_folder import close_store, open_store
    from ..services.storage.errors import ServerPasswordError

    try:
        open_store(paths)
    except ServerPasswordError:
        password = server_password(paths)
        if password is None:
            raise
        open_store(paths, password=password)
    close_store()


def existing_paths(args: argparse.Namespace) -> DataPaths | None:
    """The data folder when its database exists; otherwise say so on stderr and return None."""
    paths = data_paths(args)
    if paths.database_url:
        return paths
    if not paths.database.exists():
        print(f"数据文件不存在: {paths.database}", file=sys.stderr)
        return None
    return paths


def progress_printer(stream: TextIO | None = None) -> Progress:
    """A `Progress` that prints a line every ten percent (to stderr unless told otherwise)."""
    last = [-1]

    def progress(done: int, total: int, text: str) -> None:
        value = percent(done, total)
        if value // 10 != last[0] // 10:
            print(f"{value:3d}% {text}", file=stream or sys.stderr, flush=True)
        last[0] = value

    return progress


def user_argument(parser: argparse.ArgumentParser) -> None:
    """--user: the operator account the command acts as."""
    parser.add_argument(
        "--user", metavar="NAME", default=None,
        help=f"操作员账号 (operator account; or ${USER_VARIABLE}); 密码从终端输入，或取自环境变量 ${PASSWORD_VARIABLE}",
    )


def read_password(prompt: str, stream: TextIO | None = None) -> str | None:
    """$YIJING_PASSWORD, else typed at the terminal (not echoed); None when neither is possible."""
    password = os.environ.get(PASSWORD_VARIABLE)
    if password is not None:
        return password
    if not sys.stdin or not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(prompt, stream=stream)
    except (EOFError, KeyboardInterrupt):
        return None


def operator(args: argparse.Namespace):
    """The account named by --user (or $YIJING_USER) once its password is right, for `roles.acting_as`;
    None after saying on stderr why not. Call with the data folder's store open."""
    from ..services.accounts.operators import COMMAND_LINE, AccountError, accounts_exist, authenticate

    name = (getattr(args, "user", None) or os.environ.get(USER_VARIABLE) or "").strip()
    if not name:
        print("此命令须以操作员账号办理：请加 --user 用户名（密码从终端输入，或设置环境变量 "
              f"{PASSWORD_VARIABLE}）。", file=sys.stderr)
        if not accounts_exist():
            print("这个数据文件夹还没有操作员账号：请先用 init 命令设置管理员。", file=sys.stderr)
        return None
    password = read_password(f"操作员“{name}”的密码：")
    if password is None:
        print(f"需要操作员“{name}”的密码：请在终端中运行，或设置环境变量 {PASSWORD_VARIABLE}。", file=sys.stderr)
        return None
    try:
        return authenticate(name, password, via=COMMAND_LINE)
    except AccountError as exc:
        print(f"登录失败：{exc.error.message}", file=sys.stderr)
        return None


def refusal(exc: Exception) -> int:
    """Say why the services refused (a role, a missing login) and give the exit code."""
    print(str(exc), file=sys.stderr)
    return EXIT_REFUSED


def run_as_operator(args: argparse.Namespace, work: Callable[[DataPaths], int],
                    check: Callable[[], int | None] | None = None) -> int:
    """The sequence every command that acts as an account runs: open the folder's store, (`check` the
    folder, its exit code ends the command), sign the --user in, run `work(paths)` as that account, give a
    role's refusal its exit code, close the store."""
    from ..services.accounts import roles
    from ..services.storage.data_folder import close_store, open_store

    paths = existing_paths(args)
    if paths is None:
        return 2
    open_store(paths)
    try:
        if check is not None and (code := check()) is not None:
            return code
        account = operator(args)
        if account is None:
            return EXIT_REFUSED
        with roles.acting_as(account):
            return work(paths)
    except roles.PermissionDenied as exc:
        return refusal(exc)
    finally:
        close_store()
