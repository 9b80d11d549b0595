"""Backups of a networked office's PostgreSQL database with the server's own tools: `pg_dump --format=custom`
to write one, `pg_restore` to check and to put one back (docs/postgresql.md).

- A backup is one dump file, `备份-YYYYMMDD-HHMMSS.dump`, written through the verified writer
  (services/files/writer.py). The rows of every table are counted in the same snapshot that pg_dump reads
  (`pg_export_snapshot`), the dump is restored into a scratch database on the same server (created and
  dropped again), and only when the scratch copy holds the same rows table by table is the backup good.
- A restore restores the chosen dump into a new database first and checks it there (every object
  restored, a schema this program knows); a dump that does not restore is refused and nothing changes.
  Then, in one transaction on the server, the office's database is renamed aside
  (`<name>_restore_YYYYMMDD_HHMMSS`: the data before the restore, kept whole) and the checked copy takes
  its name. Other clients' sessions on it are ended first (their windows say the connection was lost).

The server's role needs CREATEDB (the scratch and the restored database) and must own the office's
database (the rename). The password is never on a command line or in a file: the child gets it in its
environment (PGPASSWORD) when it was typed in this session, else libpq finds PGPASSWORD or pgpass itself.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from glob import glob
from pathlib import Path
from typing import Any

from ...config import DataPaths
from ...db.migrations import STEPS
from ...db.server import database_name, describe, with_database, without_password
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ..files import writer
from ..progress import Progress, report

log = logging.getLogger(__name__)

DUMP_SUFFIX = ".dump"
KEPT_INFIX = "_restore_"  # yijing_restore_20261202_101500: the database as it was before a restore
MAINTENANCE_DATABASES = ("postgres", "template1")
TOOL_TIMEOUT_S = 3600


class ServerBackupError(RuntimeError):
    """A server backup or restore that could not be done; `message` says why in Chinese; nothing changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def is_dump(path: Path) -> bool:
    return Path(path).suffix.lower() == DUMP_SUFFIX


def dump_file_name(when: datetime) -> str:
    from . import BACKUP_PREFIX

    return f"{BACKUP_PREFIX}{when:%Y%m%d-%H%M%S}{DUMP_SUFFIX}"


# --- the tools ----------------------------------------------------------------------------------------


def _version_key(path: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", path)[:2]) or (0,)


def find_tool(name: str) -> Path | None:
    """pg_dump or pg_restore: on PATH, else the newest under Debian's /usr/lib/postgresql/<version>/bin or
    Windows' Program Files\\PostgreSQL\\<version>\\bin; None when there is none."""
    found = shutil.which(name)
    if found:
        return Path(found)
    patterns = [f"/usr/lib/postgresql/*/bin/{name}", f"/usr/pgsql-*/bin/{name}"]
    if sys.platform == "win32":
        for base in (os.environ.get("PROGRAMFILES", r"C:\Program Files"), os.environ.get("PROGRAMW6432", "")):
            if base:
                patterns.append(os.path.join(base, "PostgreSQL", "*", "bin", f"{name}.exe"))
    candidates = sorted({p for pattern in patterns for p in glob(pattern)}, key=_version_key)
    return Path(candidates[-1]) if candidates else None


def require_tool(name: str) -> Path:
    tool = find_tool(name)
    if tool is None:
        raise ServerBackupError(Message(QT_TRANSLATE_NOOP(
            "Messages", "找不到 PostgreSQL 的工具 {tool}，无法备份或恢复服务器上的数据。请安装 PostgreSQL 客户端"
                        "（Debian/统信UOS：apt install postgresql-client；Windows：PostgreSQL 安装程序中的"
                        "“Command Line Tools”），并把它所在的文件夹加入 PATH。"), tool=name))
    return tool


def _password(url: str) -> str | None:
    from ..storage.data_folder import typed_password

    return typed_password(url)


def _environment(url: str) -> dict[str, str]:
    """The child's environment: the password typed in this session as PGPASSWORD (never an argument)."""
    env = dict(os.environ)
    password = _password(url)
    if password:
        env["PGPASSWORD"] = password
    env.setdefault("PGCONNECT_TIMEOUT", "10")
    return env


def _run(tool: str, args: list[str], url: str) -> None:
    """Run pg_dump or pg_restore; `ServerBackupError` with its own words when it fails."""
    command = [str(require_tool(tool)), *args]
    try:
        result = subprocess.run(command, env=_environment(url), capture_output=True, text=True,
                                timeout=TOOL_TIMEOUT_S, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ServerBackupError(Message(QT_TRANSLATE_NOOP("Messages", "{tool} 无法运行：{detail}"),
                                        tool=tool, detail=str(exc))) from exc
    if result.returncode:
        detail = " ".join(result.stderr.strip().splitlines()[-3:])[-600:]
        if "No space left on device" in result.stderr and tool == "pg_dump":  # the target's disk, not the server's
            raise OSError(errno.ENOSPC, detail)
        log.info("%s 失败 (%d)", tool, result.returncode)
        raise ServerBackupError(Message(QT_TRANSLATE_NOOP("Messages", "{tool} 失败：{detail}"),
                                        tool=tool, detail=detail or str(result.returncode)))


# --- connections of its own -------------------------------------------------------------------------


def _connect(url: str, autocommit: bool = True) -> Any:
    import psycopg

    params: dict[str, Any] = {"connect_timeout": 10, "application_name": "yijing-backup"}
    password = _password(url)
    if password:
        params["password"] = password
    try:
        return psycopg.connect(url, autocommit=autocommit, **params)
    except psycopg.Error as exc:
        raise ServerBackupError(Message(QT_TRANSLATE_NOOP("Messages", "无法连接数据库服务器 {where}：{detail}"),
                                        where=describe(url), detail=_first_line(exc))) from exc


def _maintenance(url: str) -> Any:
    """A connection to the server's maintenance database (for creating, dropping, renaming databases)."""
    last: ServerBackupError | None = None
    for name in MAINTENANCE_DATABASES:
        try:
            return _connect(with_database(url, name))
        except ServerBackupError as exc:
            last = exc
    assert last is not None
    raise last


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_counts(con: Any) -> dict[str, int]:
    """The rows of every table of the database's public schema."""
    tables = [r[0] for r in con.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename").fetchall()]
    return {t: int(con.execute(f"SELECT COUNT(*) FROM public.{_ident(t)}").fetchone()[0]) for t in tables}


def _scratch_name(url: str, kind: str) -> str:
    stamp = f"{datetime.now():%Y%m%d_%H%M%S}_{os.getpid()}"
    return f"{database_name(url)[:63 - len(kind) - len(stamp) - 2]}_{kind}_{stamp}"


@contextmanager
def scratch_database(url: str, kind: str = "check", keep: bool = False) -> Iterator[str]:
    """A new empty database on the same server (from template0); dropped at the end unless `keep` and
    the block finished."""
    name = _scratch_name(url, kind)
    admin = _maintenance(url)
    try:
        try:
            admin.execute(f"CREATE DATABASE {_ident(name)} TEMPLATE template0 ENCODING 'UTF8'")
        except Exception as exc:  # noqa: BLE001 - psycopg's errors: no CREATEDB, disk full
            raise ServerBackupError(Message(QT_TRANSLATE_NOOP(
                "Messages", "不能在服务器上建立校验用的临时数据库：{detail}\n数据库账号需要 CREATEDB 权限"
                            "（docs/postgresql.md）。"), detail=_first_line(exc))) from exc
        finished = False
        try:
            yield with_database(url, name)
            finished = True
        finally:
            if not (keep and finished):
                drop_database(admin, name)
    finally:
        admin.close()


def drop_database(admin: Any, name: str) -> None:
    try:
        admin.execute(f"DROP DATABASE IF EXISTS {_ident(name)} WITH (FORCE)")
    except Exception:  # noqa: BLE001 - left behind; the administrator can drop it
        log.exception("临时数据库 %s 未能删除", name)


# --- backup -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DumpCheck:
    counts: dict[str, int]  # the rows of each table in the checked copy
    steps: list[int]  # the schema steps it records


def write_dump(url: str, target: Path, progress: Progress | None = None) -> DumpCheck:
    """A verified dump of the database at `url` at `target` (see the module's note); `ServerBackupError` or
    `FileWriteError`, and nothing new at `target`, when it fails."""
    url = without_password(url)
    require_tool("pg_dump")
    require_tool("pg_restore")
    with writer.writing_to(target) as temp:
        source = _connect(url, autocommit=False)
        try:
            source.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            snapshot = source.execute("SELECT pg_export_snapshot()").fetchone()[0]
            counts = table_counts(source)
            report(progress, 15, 100, QT_TRANSLATE_NOOP("Messages", "正在导出数据库…"))
            _run("pg_dump", ["--format=custom", f"--snapshot={snapshot}", "--no-password",
                             f"--file={temp}", f"--dbname={url}"], url)
        finally:
            source.close()
        if not temp.is_file():
            raise ServerBackupError(QT_TRANSLATE_NOOP("Messages", "pg_dump 没有写出备份文件"))
        report(progress, 50, 100, QT_TRANSLATE_NOOP("Messages", "正在恢复到临时数据库校验…"))
        check = check_dump(url, temp)
        if check.counts != counts:
            tables = sorted(set(counts) | set(check.counts), key=lambda t: (t not in counts or t not in check.counts, t))
            differ = [f"{t}: {counts.get(t, '-')} → {check.counts.get(t, '-')}" for t in tables
                      if counts.get(t) != check.counts.get(t)]
            raise ServerBackupError(Message(QT_TRANSLATE_NOOP(
                "Messages", "备份文件校验失败：恢复出的行数与数据库不同（{differ}）"), differ="; ".join(differ[:3])))
    return check


def _restore_into(url: str, dump: Path, database_url: str) -> None:
    _run("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                        "--no-password", f"--dbname={database_url}", str(dump)], url)


def _inspect(database_url: str) -> DumpCheck:
    con = _connect(database_url)
    try:
        counts = table_counts(con)
        steps: list[int] = []
        if "schema_version" in counts:
            steps = sorted(int(v) for (v,) in con.execute('SELECT "version" FROM "schema_version"') if v)
    finally:
        con.close()
    return DumpCheck(counts, steps)


def check_dump(url: str, dump: Path) -> DumpCheck:
    """Restore `dump` into a scratch database on the server of `url` and say what it holds; dropped again.
    `ServerBackupError` when it does not restore."""
    with scratch_database(url) as scratch:
        _restore_into(url, dump, scratch)
        return _inspect(scratch)


def _require_known(check: DumpCheck) -> None:
    from .restore import RestoreError

    if not check.steps:
        raise RestoreError(QT_TRANSLATE_NOOP("Messages", "所选文件不是本系统的数据备份"))
    if set(check.steps) - {n for n, _step in STEPS}:
        raise RestoreError(QT_TRANSLATE_NOOP("Messages", "所选备份由更新版本的程序写入，请先升级程序"))


# --- restore ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StagedDump:
    """A dump restored into a database of its own on the server and checked, ready to take the office's
    database's name."""

    url: str  # the office's database
    database: str  # the checked copy's database name
    source: Path
    check: DumpCheck

    @property
    def version(self) -> int:
        return max(self.check.steps)

    def discard(self) -> None:
        admin = _maintenance(self.url)
        try:
            drop_database(admin, self.database)
        finally:
            admin.close()


def stage_dump(paths: DataPaths, source: Path, progress: Progress | None = None) -> StagedDump:
    """Restore `source` into a new database beside the office's and check it; `RestoreError` or
    `ServerBackupError` when it cannot be restored, and then nothing is left behind."""
    from .restore import RestoreError

    url = paths.database_url
    assert url
    source = Path(source)
    if not source.is_file():
        raise RestoreError(Message(QT_TRANSLATE_NOOP("Messages", "找不到备份文件：{source}"), source=str(source)))
    require_tool("pg_restore")
    report(progress, 10, 100, QT_TRANSLATE_NOOP("Messages", "正在恢复到新的数据库并校验…"))
    with scratch_database(url, "restore", keep=True) as copy:
        try:
            _restore_into(url, source, copy)
        except ServerBackupError as exc:
            raise RestoreError(Message(QT_TRANSLATE_NOOP("Messages", "所选备份文件无法恢复：{detail}"),
                                       detail=exc.message)) from exc
        check = _inspect(copy)
        _require_known(check)
    report(progress, 90, 100, QT_TRANSLATE_NOOP("Messages", "备份校验无误"))
    return StagedDump(url, database_name(copy), source, check)


def swap_in_dump(staged: StagedDump, now: datetime | None = None) -> str:
    """With the program's own connection closed: end the other sessions on the office's database, then in
    one transaction rename it aside and give the checked copy its name. Returns the kept database's name."""
    live = database_name(staged.url)
    kept = f"{live[:63 - len(KEPT_INFIX) - 15]}{KEPT_INFIX}{(now or datetime.now()):%Y%m%d_%H%M%S}"
    admin = _maintenance(staged.url)
    try:
        for _attempt in range(5):
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s "
                          "AND pid <> pg_backend_pid()", (live,))
            try:
                with admin.transaction():
                    admin.execute(f"ALTER DATABASE {_ident(live)} RENAME TO {_ident(kept)}")
                    admin.execute(f"ALTER DATABASE {_ident(staged.database)} RENAME TO {_ident(live)}")
                return kept
            except Exception as exc:  # noqa: BLE001 - a client connected again in between: once more
                last = exc
        raise ServerBackupError(Message(QT_TRANSLATE_NOOP(
            "Messages", "不能替换服务器上的数据库：{detail}\n数据库账号须是该数据库的所有者；数据没有改动。"),
            detail=_first_line(last)))
    finally:
        admin.close()


# --- what the server holds ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ServerReport:
    host: str
    port: int
    database: str
    user: str
    server_version: str
    steps: list[int]
    counts: dict[str, int]


def server_report(url: str) -> ServerReport:
    """The connection, the schema steps applied and the rows of each table (`check` on a server)."""
    con = _connect(without_password(url))
    try:
        info = con.info
        version = con.execute("SHOW server_version").fetchone()[0]
        user = con.execute("SELECT current_user").fetchone()[0]
        counts = table_counts(con)
        steps: list[int] = []
        if "schema_version" in counts:
            steps = sorted(int(v) for (v,) in con.execute('SELECT "version" FROM "schema_version"') if v)
        return ServerReport(info.host, int(info.port), info.dbname, user, str(version), steps, counts)
    finally:
        con.close()
