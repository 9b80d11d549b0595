"""Backups with SQLite's online backup API, verified, rotated; restore into the open database.

A backup is written like every file for the user (services/files.py): the backup API fills a temporary
file in the target folder, `PRAGMA integrity_check` checks it, then fsync, rename, folder fsync and a
read-back compared by SHA-256. A full disk or a removed drive comes out as `FileWriteError`.
"""

from __future__ import annotations

import errno
import logging
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from ..config import DataPaths
from ..db.database import db
from ..db.migrations import LATEST, current_version, migrate
from ..db.snapshot import check_file, write_copy
from ..domain.i18n import QT_TRANSLATE_NOOP, Message
from . import audit, calendar, files
from .session import BACKUP, RESTORE, requires
from .settings import get_setting, set_setting

log = logging.getLogger(__name__)

KEEP_BACKUPS = 30
BACKUP_PREFIX = "备份-"


class RestoreError(RuntimeError):
    pass


class BackupCheckFailed(RuntimeError):
    """The copy just written failed `PRAGMA integrity_check`; it was not kept."""


# SQLite's primary result codes for a file it could not write, as the errno the writer tells apart
_SQLITE_ERRNO = {13: errno.ENOSPC, 10: errno.EIO, 8: errno.EROFS, 3: errno.EPERM, 23: errno.EACCES}
_SQLITE_CANTOPEN = 14


def backup_file_name(when: datetime) -> str:
    return f"{BACKUP_PREFIX}{when:%Y%m%d-%H%M%S}.db"


@requires(BACKUP)
def backup_now(paths: DataPaths, dest: Path | None = None) -> Path:
    """Back up to `dest` (a file path) or to a new file in the data folder's backups; return the path."""
    now = datetime.now()
    if dest is None:
        paths.backups.mkdir(parents=True, exist_ok=True)
    target = dest or paths.backups / backup_file_name(now)
    write_backup(target)
    set_setting("last_backup_at", now.isoformat(timespec="seconds"))
    audit.record("备份", summary=f"备份到 {target.name}")
    log.info("已备份到 %s", target.name)
    if target.parent.resolve() == paths.backups.resolve():
        rotate(paths.backups)
    return target


def write_backup(target: Path) -> Path:
    """A verified copy of the open database at `target` (see the module's note); `BackupCheckFailed` or
    `FileWriteError`, and nothing new at `target`, when it fails."""
    with files.writing_to(target) as temp:
        try:
            problems = write_copy(db.connection(), temp)
        except sqlite3.Error as exc:
            raise _as_os_error(exc, temp) from exc
        finally:
            files.remove_quietly(temp.with_name(temp.name + "-journal"))
        if problems:
            raise BackupCheckFailed(Message(QT_TRANSLATE_NOOP("Messages", "备份文件校验失败: {problems}"),
                                            problems="; ".join(problems[:3])))
    return target


def _as_os_error(exc: sqlite3.Error, temp: Path) -> OSError:
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary == _SQLITE_CANTOPEN:
        number = errno.EACCES if temp.parent.is_dir() else errno.ENOENT
    else:
        number = _SQLITE_ERRNO.get(primary, errno.EIO) if primary is not None else errno.EIO
    return OSError(number, str(exc), str(temp))


def rotate(folder: Path, keep: int = KEEP_BACKUPS) -> list[Path]:
    files = sorted(folder.glob(f"{BACKUP_PREFIX}*.db"))
    removed = files[:-keep] if len(files) > keep else []
    for old in removed:
        old.unlink(missing_ok=True)
    return removed


def last_backup_at() -> datetime | None:
    value = get_setting("last_backup_at")
    return datetime.fromisoformat(value) if value else None


def list_backups(paths: DataPaths) -> list[Path]:
    return sorted(paths.backups.glob("*.db"), reverse=True)


@requires(RESTORE)
def restore_from(paths: DataPaths, source: Path) -> Path:
    """Replace the open database's content with `source`; the current content is backed up first.

    Returns the safety backup's path.
    """
    problems = check_file(source)
    if problems:
        raise RestoreError(Message(QT_TRANSLATE_NOOP("Messages", "所选备份文件已损坏，不能恢复: {problems}"),
                                   problems="; ".join(problems[:2])))
    with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as probe:
        has_version = probe.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'"
        ).fetchone()
        version = probe.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] if has_version else 0
    if not version:
        raise RestoreError(QT_TRANSLATE_NOOP("Messages", "所选文件不是本系统的数据备份"))
    if version > LATEST:
        raise RestoreError(QT_TRANSLATE_NOOP("Messages", "所选备份由更新版本的程序写入，请先升级程序"))
    safety = paths.backups / f"恢复前备份-{datetime.now():%Y%m%d-%H%M%S}.db"
    paths.backups.mkdir(parents=True, exist_ok=True)
    write_backup(safety)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        src.backup(db.connection())
    finally:
        src.close()
    if current_version(db.obj) < LATEST:
        migrate(db.obj, backup_dir=paths.backups)
    from .roster.search import forget_kept_orders  # only a restore needs the roster; start-up does not

    forget_kept_orders()  # the backup API writes pages under the connection; nothing notices the change
    calendar.invalidate()
    audit.record("恢复", summary=f"从 {source.name} 恢复")
    log.info("已从 %s 恢复，恢复前的数据在 %s", source.name, safety.name)
    return safety


def newest_good_backup(paths: DataPaths) -> Path | None:
    for candidate in list_backups(paths):
        if not check_file(candidate):
            return candidate
    return None


def replace_damaged_database(paths: DataPaths, good: Path) -> Path:
    """With the database closed: keep the damaged file under a new name, put `good` in its place."""
    kept = paths.database.with_name(f"{paths.database.name}.损坏-{datetime.now():%Y%m%d-%H%M%S}")
    paths.database.rename(kept)
    for suffix in ("-wal", "-shm"):
        side = paths.database.with_name(paths.database.name + suffix)
        if side.exists():
            side.rename(kept.with_name(kept.name + suffix))
    shutil.copyfile(good, paths.database)
    log.warning("数据文件损坏，已改名为 %s，并用备份 %s 替换", kept.name, good.name)
    return kept
