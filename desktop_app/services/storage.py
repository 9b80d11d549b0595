"""Opening a data folder: the database file, its check at start, and its migrations."""

from __future__ import annotations

import logging
import sqlite3

import peewee
from peewee import SqliteDatabase

from ..config import DataPaths
from ..db.database import close_database, integrity_problems, open_database
from ..db.migrations import migrate
from ..db.snapshot import check_file
from ..domain.i18n import QT_TRANSLATE_NOOP, Message
from . import calendar

log = logging.getLogger(__name__)


class DamagedDatabaseError(RuntimeError):
    """`quick_check` failed: the file is damaged; the user should restore a backup."""


def open_store(paths: DataPaths, check: bool = True) -> SqliteDatabase:
    """Open the folder's database, check it, and bring its schema up to date (backing it up first).

    The window passes `check=False` and runs `quick_check` in the background after its first paint
    (`check_in_background`): on a large file the check takes most of a second.
    """
    paths.ensure()
    existed = paths.database.exists()
    try:
        database = open_database(paths.database)
    except (sqlite3.DatabaseError, peewee.DatabaseError) as exc:
        close_database()
        raise DamagedDatabaseError(
            Message(QT_TRANSLATE_NOOP("Messages", "数据文件无法打开: {exc}"), exc=exc)) from exc
    if existed and check:
        problems = integrity_problems(database)
        if problems:
            close_database()
            log.error("数据库完整性检查失败 (%d 条)", len(problems))
            raise DamagedDatabaseError(Message(QT_TRANSLATE_NOOP("Messages", "数据文件已损坏: {problems}"),
                                               problems="; ".join(problems[:3])))
    migrate(database, backup_dir=paths.backups)
    calendar.store_opened(True)
    return database


def check_file_quickly(paths: DataPaths) -> list[str]:
    """`PRAGMA quick_check` of the folder's database on its own connection (any thread)."""
    return check_file(paths.database, quick=True)


def release_thread_connection() -> None:
    """peewee keeps one connection per thread: a worker thread closes its own before it ends."""
    close_database()


def close_store() -> None:
    calendar.store_opened(False)
    close_database()
