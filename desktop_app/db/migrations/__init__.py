"""Numbered schema steps. Each runs in one transaction together with its `schema_version` row, and the
file is backed up once before the first step that touches an existing database.

To change the schema: add `mNNNN_what.py` with `DESCRIPTION` and `up(database)`, append it to `STEPS`,
and change `models.py` to match (tests/unit/db/test_migrations.py compares the two).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import ModuleType

from peewee import SqliteDatabase

from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ..snapshot import copy_database
from . import (
    m0001_initial,
    m0002_search_indexes,
    m0003_holidays,
    m0004_clean_text,
    m0005_reserved,
    m0006_accounts,
)

log = logging.getLogger(__name__)

STEPS: list[tuple[int, ModuleType]] = [
    (1, m0001_initial),
    (2, m0002_search_indexes),
    (3, m0003_holidays),
    (4, m0004_clean_text),
    (5, m0005_reserved),
    (6, m0006_accounts),
]
LATEST = STEPS[-1][0]


class NewerSchemaError(RuntimeError):
    """The file was written by a newer version of the program."""


def current_version(database: SqliteDatabase) -> int:
    if not database.table_exists("schema_version"):
        return 0
    row = database.execute_sql("SELECT MAX(version) FROM schema_version").fetchone()
    return row[0] or 0


def migrate(
    database: SqliteDatabase,
    backup_dir: Path | None = None,
    target: int = LATEST,
    on_step: Callable[[int, str], None] | None = None,
) -> list[int]:
    """Bring the database up to `target`; return the step numbers applied."""
    version = current_version(database)
    if version > LATEST:
        raise NewerSchemaError(
            Message(QT_TRANSLATE_NOOP("Messages", "数据文件的结构版本为 {version}，比本程序支持的 {latest} 新，请升级程序。"),
                    version=version, latest=LATEST))
    pending = [(n, step) for n, step in STEPS if version < n <= target]
    if not pending:
        return []
    if version > 0 and backup_dir is not None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        dest = backup_dir / f"迁移前备份-v{version}-{stamp}.db"
        copy_database(database.connection(), dest)
        log.info("迁移前已备份到 %s", dest.name)
    database.execute_sql(
        'CREATE TABLE IF NOT EXISTS "schema_version" ("version" INTEGER NOT NULL PRIMARY KEY, '
        '"applied_at" DATETIME NOT NULL, "description" VARCHAR(255) NOT NULL)'
    )
    applied = []
    for number, step in pending:
        with database.atomic():
            step.up(database)
            database.execute_sql(
                'INSERT INTO "schema_version" ("version", "applied_at", "description") VALUES (?, ?, ?)',
                (number, datetime.now().isoformat(sep=" "), step.DESCRIPTION),
            )
        log.info("数据结构已升级到第 %d 步: %s", number, step.DESCRIPTION)
        if on_step:
            on_step(number, step.DESCRIPTION)
        applied.append(number)
    return applied
