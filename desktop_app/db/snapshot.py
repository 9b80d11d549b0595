"""Copy a live SQLite database with the online backup API and check the copy; the time a copy was taken is
written into a backup by services/backup/__init__.py (the `setting` row `backup_taken_at`, `record_taken_at`), so
"the newest backup" never depends on a name (a file without it counts by its modification time)."""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from ..domain.i18n import QT_TRANSLATE_NOOP, Message

TAKEN_AT_KEY = "backup_taken_at"


def write_copy(source: sqlite3.Connection, dest: Path) -> list[str]:
    """Write a consistent copy of `source` into the new file `dest` with the online backup API (a single
    file: the WAL's content included, no journal left beside it) and check it with
    `PRAGMA integrity_check`; the problems found, [] when sound. Renaming it into place is the caller's
    business."""
    target = sqlite3.connect(dest)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
        result = [r[0] for r in target.execute("PRAGMA integrity_check").fetchall()]
    finally:
        target.close()
    return [] if result == ["ok"] else result


def record_taken_at(con: sqlite3.Connection, when: datetime) -> None:
    """The copy's own record of when it was taken (a copy of an empty file has no settings table)."""
    if not con.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='setting'").fetchone():
        return
    stamp = when.isoformat(sep=" ", timespec="seconds")
    with con:
        con.execute(
            'INSERT INTO "setting" ("uuid", "created_at", "updated_at", "key", "value") VALUES (?, ?, ?, ?, ?) '
            'ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value", "updated_at" = excluded."updated_at"',
            (uuid.uuid4().hex, stamp, stamp, TAKEN_AT_KEY, json.dumps(when.isoformat(timespec="seconds"))))


def taken_at(path: Path) -> datetime | None:
    """When the copy at `path` was taken, as recorded in it; None for a file that records no time."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = con.execute('SELECT "value" FROM "setting" WHERE "key" = ?', (TAKEN_AT_KEY,)).fetchone()
        return datetime.fromisoformat(json.loads(row[0])) if row else None
    except (sqlite3.Error, ValueError, TypeError):
        return None
    finally:
        con.close()


def copy_database(source: sqlite3.Connection, dest: Path) -> None:
    """The copy before a migration: `write_copy` to a temporary name, fsync, rename (user backups go
    through services/backup/__init__.py and the verified writer).

    Raises `RuntimeError` when the copy fails `PRAGMA integrity_check`; then no file is left at `dest`.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    try:
        problems = write_copy(source, tmp)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if problems:
        tmp.unlink(missing_ok=True)
        raise RuntimeError(Message(QT_TRANSLATE_NOOP("Messages", "备份文件校验失败: {problems}"),
                                   problems="; ".join(problems[:3])))
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, dest)


class CheckInterrupted(Exception):
    """`check_file` was asked to stop before it finished; nothing is known about the file."""


def check_file(path: Path, quick: bool = False, stop: Callable[[], bool] | None = None) -> list[str]:
    """`PRAGMA integrity_check` (or the faster `quick_check`) on its own read-only connection, so it
    may run in any thread; [] means sound. `stop()` is asked as it goes: when it says yes the check ends
    at once with `CheckInterrupted` (the window quitting does not wait for a check of a large file)."""
    pragma = "quick_check" if quick else "integrity_check"
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    if stop is not None:
        con.set_progress_handler(lambda: 1 if stop() else 0, 10_000)
    try:
        rows = [r[0] for r in con.execute(f"PRAGMA {pragma}").fetchall()]
    except sqlite3.OperationalError as exc:
        if stop is not None and stop():
            raise CheckInterrupted from exc
        return [str(exc)]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        con.close()
    return [] if rows == ["ok"] else rows
