"""Copy a live SQLite database with the online backup API and check the copy."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ..domain.i18n import QT_TRANSLATE_NOOP, Message


def write_copy(source: sqlite3.Connection, dest: Path) -> list[str]:
    """Write a consistent copy of `source` into the new file `dest` with the online backup API (a single
    file: no journal left beside it) and check it with `PRAGMA integrity_check`; the problems found, []
    when sound. Renaming it into place is the caller's business."""
    target = sqlite3.connect(dest)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode=DELETE")
        result = [r[0] for r in target.execute("PRAGMA integrity_check").fetchall()]
    finally:
        target.close()
    return [] if result == ["ok"] else result


def copy_database(source: sqlite3.Connection, dest: Path) -> None:
    """The copy before a migration: `write_copy` to a temporary name, fsync, rename (user backups go
    through services/backup.py and the verified writer).

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


def check_file(path: Path, quick: bool = False) -> list[str]:
    """`PRAGMA integrity_check` (or the faster `quick_check`) on its own read-only connection, so it
    may run in any thread; [] means sound."""
    pragma = "quick_check" if quick else "integrity_check"
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = [r[0] for r in con.execute(f"PRAGMA {pragma}").fetchall()]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        con.close()
    return [] if rows == ["ok"] else rows
