"""Backups: each one consistent file (SQLite's online backup API, so the WAL's content is in it), the time
it was taken recorded inside it, checked with `PRAGMA integrity_check`, written like every file for the
user (services/files/writer.py: temporary name in the target folder, fsync, rename, read back and compare).
A full disk or a removed drive comes out as `FileWriteError`, and nothing is left under either name.

- In the data folder's `backups/`: `备份-YYYYMMDD-HHMMSS.db`, plain (they stay on the PC), made on request
  and automatically on exit at most once a day, rotated: the newest of each of the last 7 days, 4 weeks
  and 12 months are kept. The pre-migration and pre-restore copies are never rotated away.
- Anywhere else, when a password is given: an encrypted `.7z` (services/backup/archive.py), for a
  backup that leaves the PC.

A networked office's PostgreSQL database is backed up with the server's tools instead (server.py):
`备份-YYYYMMDD-HHMMSS.dump` from pg_dump, checked by restoring it into a scratch database on the server.

"The newest good backup" is the newest by the time recorded in it (restore.py), never by its name.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ...config import DataPaths
from ...db.database import db
from ...db.snapshot import record_taken_at, taken_at, write_copy
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.vocabulary import CLERK
from .. import audit
from ..accounts import roles
from ..accounts.roles import BACKUP, requires
from ..files import writer
from ..office.settings import get_setting, set_setting
from ..progress import Progress, report
from . import archive as backup_archive
from . import server as server_backup
from .password import require_backup_password

log = logging.getLogger(__name__)

BACKUP_PREFIX = "备份-"
ENCRYPTED_PREFIX = "义警数据备份-"
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
LAST_BACKUP = "last_backup_at"
LAST_AUTOMATIC = "last_automatic_backup_at"


class BackupCheckFailed(RuntimeError):
    """The copy just written failed `PRAGMA integrity_check`; it was not kept."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# SQLite's primary result codes for a file it could not write, as the errno the writer tells apart
_SQLITE_ERRNO = {13: errno.ENOSPC, 10: errno.EIO, 8: errno.EROFS, 3: errno.EPERM, 23: errno.EACCES}
_SQLITE_CANTOPEN = 14


def backup_file_name(when: datetime) -> str:
    return f"{BACKUP_PREFIX}{when:%Y%m%d-%H%M%S}.db"


def encrypted_file_name(when: datetime) -> str:
    return f"{ENCRYPTED_PREFIX}{when:%Y%m%d-%H%M%S}{backup_archive.ARCHIVE_SUFFIX}"


@requires(BACKUP)
def backup_now(paths: DataPaths, dest: Path | None = None, *, password: str | None = None,
               now: datetime | None = None, progress: Progress | None = None) -> Path:
    """Back up the open database and return the file written (an operator's backup: session.BACKUP).

    `dest`: a file, an existing folder (a name is chosen in it), or None for the data folder's backups.
    `password`: write an encrypted `.7z` (it must be the backup password that was set)."""
    now = now or datetime.now()
    server_url = paths.database_url
    if password is not None:
        if server_url:
            raise server_backup.ServerBackupError(QT_TRANSLATE_NOOP(
                "Messages", "数据库服务器上的数据不做加密备份：请备份到服务器管理员指定的位置（.dump 文件）"))
        require_backup_password(password)
    target = _target(paths, dest, now, encrypted=password is not None, server=bool(server_url))
    report(progress, 5, 100, QT_TRANSLATE_NOOP("Messages", "正在备份…"))
    if server_url:
        server_backup.write_dump(server_url, target, progress)
    elif password is None:
        write_backup(target, now)
    else:
        write_encrypted_backup(paths, target, password, now, progress)
    report(progress, 95, 100, QT_TRANSLATE_NOOP("Messages", "正在记录…"))
    set_setting(LAST_BACKUP, now.isoformat(timespec="seconds"))
    kind = "加密备份" if password is not None else "备份"
    audit.record("备份", summary=f"{kind}到 {target.name}")
    log.info("已%s到 %s", kind, target.name)
    if _same_folder(target.parent, paths.backups):
        rotate(paths.backups)
    report(progress, 100, 100, QT_TRANSLATE_NOOP("Messages", "备份完成"))
    return target


def _target(paths: DataPaths, dest: Path | None, now: datetime, encrypted: bool, server: bool = False) -> Path:
    name = server_backup.dump_file_name(now) if server else \
        encrypted_file_name(now) if encrypted else backup_file_name(now)
    if dest is None:
        paths.backups.mkdir(parents=True, exist_ok=True)
        return paths.backups / name
    if dest.is_dir():
        return dest / name
    if server and not server_backup.is_dump(dest):
        return dest.with_name(dest.name + server_backup.DUMP_SUFFIX)
    if encrypted and not backup_archive.is_archive(dest):
        return dest.with_name(dest.name + backup_archive.ARCHIVE_SUFFIX)
    return dest


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def write_backup(target: Path, now: datetime | None = None) -> Path:
    """A verified copy of the open database at `target` (see the module's note); `BackupCheckFailed` or
    `FileWriteError`, and nothing new at `target`, when it fails."""
    with writer.writing_to(target) as temp:
        try:
            problems = write_copy(db.connection(), temp)
            if not problems:
                stamp(temp, now or datetime.now())
        except sqlite3.Error as exc:
            raise _as_os_error(exc, temp) from exc
        finally:
            writer.remove_quietly(temp.with_name(temp.name + "-journal"))
        if problems:
            raise BackupCheckFailed(Message(QT_TRANSLATE_NOOP("Messages", "备份文件校验失败：{problems}"),
                                            problems="; ".join(problems[:3])))
    return target


def stamp(copy: Path, when: datetime) -> None:
    """Record in the checked copy when it was taken: one settings row, in SQLite's own transaction (the
    read-back of the whole file that follows compares every byte)."""
    con = sqlite3.connect(copy)
    try:
        record_taken_at(con, when)
    finally:
        con.close()


def write_encrypted_backup(paths: DataPaths, target: Path, password: str, now: datetime | None = None,
                           progress: Progress | None = None) -> Path:
    """A verified plain copy made in the data folder (on the PC), put into an encrypted archive at
    `target`, read back and decrypted again to compare; the plain copy is removed whatever happens."""
    paths.backups.mkdir(parents=True, exist_ok=True)
    plain = writer.temporary_path(paths.backups / "encrypting.db")
    try:
        write_backup(plain, now)
        report(progress, 40, 100, QT_TRANSLATE_NOOP("Messages", "正在加密…"))
        with writer.writing_to(target) as temp:
            backup_archive.write_archive(plain, temp, password)
            report(progress, 80, 100, QT_TRANSLATE_NOOP("Messages", "正在读回校验…"))
            backup_archive.check_archive(temp, password)
    finally:
        writer.remove_quietly(plain)
    return target


def _as_os_error(exc: sqlite3.Error, temp: Path) -> OSError:
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == _SQLITE_CANTOPEN:
        number = errno.EACCES if temp.parent.is_dir() else errno.ENOENT
    else:
        number = _SQLITE_ERRNO.get(primary, errno.EIO) if primary is not None else errno.EIO
    return OSError(number, str(exc), str(temp))


# --- what is there ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime  # as recorded in the file; its modification time when it records none
    recorded: bool


def backup_time(path: Path) -> BackupFile:
    plain = not backup_archive.is_archive(path) and not server_backup.is_dump(path)
    recorded = taken_at(path) if plain else None
    if recorded is not None:
        return BackupFile(path, recorded, True)
    try:
        mtime = datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        mtime = datetime.min
    return BackupFile(path, mtime, False)


def list_backups(paths: DataPaths) -> list[Path]:
    """Every backup in the data folder's backups (plain and encrypted), newest first by recorded time."""
    return [b.path for b in _by_time([*paths.backups.glob("*.db"), *paths.backups.glob(f"*{server_backup.DUMP_SUFFIX}")]
                                     if paths.backups.is_dir() else ())] + (
        sorted(paths.backups.glob(f"*{backup_archive.ARCHIVE_SUFFIX}"), reverse=True)
        if paths.backups.is_dir() else [])


def _by_time(candidates: Iterable[Path]) -> list[BackupFile]:
    return sorted((backup_time(p) for p in candidates if p.is_file()), key=lambda b: (b.taken_at, b.path.name),
                  reverse=True)


def rotate(folder: Path, keep: int | None = None) -> list[Path]:
    """Remove the regular backups (`备份-…`) no longer needed: the newest of each of the last 7 days with a
    backup, of each of the last 4 weeks and of each of the last 12 months stay (or, given `keep`,
    just that many of the newest). Returns what was removed."""
    backups = _by_time([*folder.glob(f"{BACKUP_PREFIX}*.db"), *folder.glob(f"{BACKUP_PREFIX}*{server_backup.DUMP_SUFFIX}")])
    kept = {b.path for b in backups[:keep or 1]}
    periods = () if keep else ((_day, KEEP_DAILY), (_week, KEEP_WEEKLY), (_month, KEEP_MONTHLY))
    for period, count in periods:
        seen: list[object] = []
        for b in backups:
            key = period(b.taken_at.date())
            if key not in seen:
                seen.append(key)
                if len(seen) > count:
                    break
                kept.add(b.path)
    removed = [b.path for b in backups if b.path not in kept]
    for old in removed:
        old.unlink(missing_ok=True)
    return removed


def _day(d: date) -> object:
    return d


def _week(d: date) -> object:
    return d.isocalendar()[:2]


def _month(d: date) -> object:
    return d.year, d.month


def last_backup_at() -> datetime | None:
    value = get_setting(LAST_BACKUP)
    return datetime.fromisoformat(value) if value else None


AUTOMATIC = "自动备份"  # the account name the automatic backup is audit-logged under


def auto_backup_if_due(paths: DataPaths, now: datetime | None = None) -> Path | None:
    """The automatic backup (on exit): made when none was made today; None when not due (and on a server,
    whose backups its administrator runs with pg_dump: docs/postgresql.md)."""
    if paths.database_url:
        return None
    now = now or datetime.now()
    last = get_setting(LAST_AUTOMATIC)
    if last and datetime.fromisoformat(last).date() == now.date():
        return None
    with roles.acting_as(roles.Account(AUTOMATIC, CLERK)):  # the program's own, whoever is logged in
        target = backup_now(paths, now=now)
    set_setting(LAST_AUTOMATIC, now.isoformat(timespec="seconds"))
    return target
