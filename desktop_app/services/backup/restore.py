"""Restoring a backup, also from a damaged state: good data is never moved aside before its replacement is
in place, and nothing is ever deleted.

1. `stage`: the chosen backup (plain, or an encrypted `.7z` with its password) is copied beside the data
   file under a temporary name and checked there (`PRAGMA integrity_check`, a schema this program knows).
   A full disk or a bad backup stops here, and the data folder is as it was.
2. `swap_in` (the database closed): the current file is kept as it is — a hard link, or a rename where
   the file system has none, together with its `-wal`/`-shm` — under `backups/恢复前备份-….db` (a
   restore) or `yijing.db.损坏-…` (a damaged file replaced at start); then the staged copy is renamed
   over the data file, which is one atomic step.

The damaged file is never opened, checked or copied through SQLite: a byte-for-byte copy is what a
technician needs, and a check of it would only fail. "The newest good backup" is the newest by the time
recorded in it, that passes its check, whatever its name.

Who may restore: the administrator (DESIGN.md §5). `acting_user` is recorded in the audit log, and
`check_may_restore` is where the accounts will refuse everyone else.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import peewee

from ...config import DataPaths
from ...db.migrations import STEPS
from ...db.snapshot import TAKEN_AT_KEY, check_file
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from .. import audit
from ..accounts import roles
from ..accounts.roles import RESTORE
from ..files import writer
from ..progress import Progress, report
from ..storage.data_folder import KEPT_MARK, close_store, kept_copies, open_store
from . import BackupFile, backup_time
from . import archive as backup_archive
from . import server as server_backup

log = logging.getLogger(__name__)

SAFETY_PREFIX = "恢复前备份-"
_SIDES = ("-wal", "-shm")


class RestoreError(RuntimeError):
    """The chosen file cannot be restored; `message` says why in Chinese; the data is as it was."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def check_may_restore(acting_user: str | None = None) -> None:
    """Until the folder has accounts anyone may restore (a folder being set up); then only an
    administrator (session.RESTORE: `PermissionDenied`). Start-up recovery of a damaged file, before
    anyone can log in, is `replace_damaged_database`, which does not ask."""
    from ..accounts.operators import accounts_exist

    try:
        has_accounts = accounts_exist()
    except (peewee.PeeweeException, sqlite3.Error, AttributeError):  # no readable data file: recovering it
        return
    if has_accounts:
        roles.require(RESTORE)


@dataclass(frozen=True)
class Staged:
    """A checked copy of the chosen backup beside the data file, ready to be swapped in."""

    temp: Path
    source: Path
    version: int
    taken_at: datetime | None

    def discard(self) -> None:
        _remove_with_sides(self.temp)


def stage(paths: DataPaths, source: Path, password: str | None = None,
          progress: Progress | None = None) -> Staged | server_backup.StagedDump:
    """Copy `source` beside the data file and check it (step 1 of the module's note); `RestoreError`
    or `FileWriteError` when it cannot be restored, and then nothing is left behind. On a server: the
    dump restored into a new database there and checked (server.stage_dump)."""
    source = Path(source)
    if paths.database_url:
        if source.is_file() and not server_backup.is_dump(source):
            raise RestoreError(Message(QT_TRANSLATE_NOOP(
                "Messages", "“{path_name}”是本机数据文件的备份；数据库服务器上的数据只能用服务器的备份（.dump）恢复"),
                path_name=source.name))
        return server_backup.stage_dump(paths, source, progress)
    if not source.is_file():
        raise RestoreError(Message(QT_TRANSLATE_NOOP("Messages", "找不到备份文件：{source}"), source=str(source)))
    if server_backup.is_dump(source):
        raise RestoreError(Message(QT_TRANSLATE_NOOP(
            "Messages", "“{path_name}”是数据库服务器的备份（.dump），这个数据文件夹的数据在本机数据文件中"),
            path_name=source.name))
    paths.root.mkdir(parents=True, exist_ok=True)
    temp = writer.temporary_path(paths.database)
    try:
        report(progress, 5, 100, QT_TRANSLATE_NOOP("Messages", "正在复制备份…"))
        try:
            if backup_archive.is_archive(source):
                if not password:
                    raise RestoreError(Message(QT_TRANSLATE_NOOP("Messages", "“{path_name}”是加密备份，请输入备份密码"),
                                               path_name=source.name))
                backup_archive.extract_database(source, temp, password)
            else:
                _copy_with_wal(source, temp)
            writer.fsync_file(temp)
        except backup_archive.ArchiveError as exc:
            raise RestoreError(exc.message) from exc
        except OSError as exc:
            raise writer.error_for(exc, paths.database) from exc
        report(progress, 40, 100, QT_TRANSLATE_NOOP("Messages", "正在校验备份…"))
        problems = check_file(temp)
        if problems:
            raise RestoreError(Message(QT_TRANSLATE_NOOP("Messages", "所选备份文件已损坏，不能恢复：{problems}"),
                                       problems="; ".join(problems[:2])))
        versions = _schema_versions(temp)
        if not versions:
            raise RestoreError(QT_TRANSLATE_NOOP("Messages", "所选文件不是本系统的数据备份"))
        version = max(versions)
        if versions - {n for n, _step in STEPS}:  # a step only a newer program has
            raise RestoreError(QT_TRANSLATE_NOOP("Messages", "所选备份由更新版本的程序写入，请先升级程序"))
        report(progress, 90, 100, QT_TRANSLATE_NOOP("Messages", "备份校验无误"))
        return Staged(temp, source, version, backup_time(source).taken_at)
    except BaseException:
        _remove_with_sides(temp)
        raise


def _copy_with_wal(source: Path, temp: Path) -> None:
    """A byte copy; a kept file with its own `-wal` is folded into one file (on the copy only)."""
    shutil.copyfile(source, temp)
    wal = source.with_name(source.name + "-wal")
    if wal.exists() and wal.stat().st_size:
        shutil.copyfile(wal, temp.with_name(temp.name + "-wal"))
        con = sqlite3.connect(temp)
        try:
            con.execute("PRAGMA journal_mode=DELETE")  # checkpoints the WAL into the copy, removes it
        except sqlite3.DatabaseError:
            pass  # the check that follows says what is wrong
        finally:
            con.close()
        for side in _SIDES:
            temp.with_name(temp.name + side).unlink(missing_ok=True)


def _schema_versions(path: Path) -> set[int]:
    """The steps the file records (steps merged from parallel branches may leave gaps)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        if not con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='schema_version'").fetchone():
            return set()
        return {int(v) for (v,) in con.execute("SELECT version FROM schema_version") if v}
    except sqlite3.Error:
        return set()
    finally:
        con.close()


def swap_in(paths: DataPaths, staged: Staged, keep_as: Path) -> Path | None:
    """With the database closed: keep the current file under `keep_as` (with its -wal/-shm), then put the
    staged copy in place (step 2 of the module's note). Returns the kept file (None when there was none)."""
    database = paths.database
    keep_as.parent.mkdir(parents=True, exist_ok=True)
    kept: Path | None = None
    linked = False
    if database.exists():
        kept = keep_as
        try:
            os.link(database, keep_as)  # the data file stays where it is until the replacement is
            linked = True
        except OSError:
            linked = False
    for side in _SIDES:
        current = database.with_name(database.name + side)
        if current.exists():
            os.replace(current, keep_as.with_name(keep_as.name + side))
    if kept is not None and not linked:
        os.replace(database, keep_as)
    os.replace(staged.temp, database)
    writer.fsync_dir(database.parent)
    writer.fsync_dir(keep_as.parent)
    return kept


def safety_path(paths: DataPaths, now: datetime | None = None) -> Path:
    return paths.backups / f"{SAFETY_PREFIX}{(now or datetime.now()):%Y%m%d-%H%M%S}.db"


def damaged_path(paths: DataPaths, now: datetime | None = None) -> Path:
    return paths.database.with_name(f"{paths.database.name}{KEPT_MARK}{(now or datetime.now()):%Y%m%d-%H%M%S}")


def finish_restore(paths: DataPaths, staged: Staged | server_backup.StagedDump, acting_user: str | None = None,
                   keep_as: Path | None = None) -> Path | str | None:
    """Swap the staged copy in and open it (on the thread that holds the program's connection: it is
    closed first). Returns where the previous data was kept (on a server: the kept database's name)."""
    check_may_restore(acting_user)
    close_store()
    kept: Path | str | None
    if isinstance(staged, server_backup.StagedDump):
        try:
            kept = server_backup.swap_in_dump(staged)
        finally:
            open_store(paths)
    else:
        kept = swap_in(paths, staged, keep_as or safety_path(paths))
        open_store(paths)
        from ...db.database import db

        db.execute_sql('DELETE FROM "setting" WHERE "key" = ?', (TAKEN_AT_KEY,))
    from ..roster.search import forget_kept_orders  # only a restore needs the roster; start-up does not

    forget_kept_orders()
    with audit.acting_as(acting_user or audit.current_user()):
        audit.record("恢复", summary=f"从 {staged.source.name} 恢复")
    log.info("已从 %s 恢复，恢复前的数据在 %s", staged.source.name, getattr(kept, "name", kept) or "（无）")
    return kept


def restore_from(paths: DataPaths, source: Path, password: str | None = None, acting_user: str | None = None,
                 progress: Progress | None = None) -> Path | str | None:
    """Replace the folder's data with `source` (plain or encrypted), working from a damaged or missing
    data file too; returns where the previous data was kept (`backups/恢复前备份-….db`)."""
    check_may_restore(acting_user)
    staged = stage(paths, source, password, progress)
    try:
        return finish_restore(paths, staged, acting_user)
    except BaseException:
        staged.discard()
        raise


def replace_damaged_database(paths: DataPaths, good: Path, password: str | None = None) -> Path | None:
    """At start, the database closed: put `good` in place and keep the damaged file beside it as
    `yijing.db.损坏-…` (byte for byte). A full disk stops before anything is moved."""
    staged = stage(paths, good, password)
    assert isinstance(staged, Staged)  # a server's database is never replaced at start
    try:
        kept = swap_in(paths, staged, damaged_path(paths))
    except BaseException:
        staged.discard()
        raise
    log.warning("数据文件已用备份 %s 替换，原文件保留为 %s", good.name, kept.name if kept else "（无）")
    return kept


def good_candidates(paths: DataPaths) -> list[BackupFile]:
    """The plain copies of data in the folder (backups, kept files), newest first by recorded time."""
    candidates = [backup_time(p) for p in kept_copies(paths) if not backup_archive.is_archive(p)]
    return sorted(candidates, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def newest_good_backup(paths: DataPaths) -> Path | None:
    """The newest copy (by the time recorded in it) that passes `PRAGMA integrity_check`."""
    for candidate in good_candidates(paths):
        if not check_file(candidate.path):
            return candidate.path
    return None


def _remove_with_sides(path: Path) -> None:
    for name in (path, *(path.with_name(path.name + side) for side in (*_SIDES, "-journal"))):
        with contextlib.suppress(OSError):
            name.unlink(missing_ok=True)
