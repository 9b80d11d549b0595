"""Numbered schema steps. Each runs in one transaction together with its `schema_version` row, and the
file is backed up once before the first step that touches an existing database.

A step runs when its number is not yet recorded in `schema_version`, whatever the highest recorded number
is: steps written on parallel branches may be merged out of order (step 4 arriving after a file already has
step 5), and each still runs once, in number order. A recorded number the program does not know means the
file was written by a newer program: it is refused.

To change the schema: add `mNNNN_what.py` with `DESCRIPTION` and `up(database)`, add it to `STEPS` in
number order, and change `models.py` to match (tests/unit/db/test_migrations.py compares the two).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import ModuleType

from peewee import SqliteDatabase

from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ..dialect import ddl, is_postgres, sql
from ..snapshot import copy_database
from . import (
    m0001_initial,
    m0002_search_indexes,
    m0003_holidays,
    m0004_clean_text,
    m0005_mediation,
    m0006_accounts,
    m0007_activity_figures,
    m0008_member_hours_indexes,
    m0009_versions,
    m0010_office_identity,
    m0011_more_versions,
)

log = logging.getLogger(__name__)

STEPS: list[tuple[int, ModuleType]] = [
    (1, m0001_initial),
    (2, m0002_search_indexes),
    (3, m0003_holidays),
    (4, m0004_clean_text),  # runs on files the cases branch already brought to 5 too
    (5, m0005_mediation),
    (6, m0006_accounts),
    (7, m0007_activity_figures),  # 6 is the accounts branch's (audit)
    (8, m0008_member_hours_indexes),
    (9, m0009_versions),
    (10, m0010_office_identity),  # 9 (versions) may run after 10 on a folder that had 10 first
    (11, m0011_more_versions),  # 12 and 13 are other branches'; each runs once whichever lands first
]
LATEST = max(n for n, _step in STEPS)


class NewerSchemaError(RuntimeError):
    """The file was written by a newer version of the program."""


def _recorded(database: SqliteDatabase) -> set[int]:
    if not database.table_exists("schema_version"):
        return set()
    return {row[0] for row in database.execute_sql("SELECT version FROM schema_version")}


def recorded_steps(database: SqliteDatabase) -> set[int]:
    """The step numbers the file records (a county compares an office package's with its own)."""
    return _recorded(database)


def current_version(database: SqliteDatabase) -> int:
    """The highest step recorded (0 for a new file)."""
    return max(_recorded(database), default=0)


def pending_steps(database: SqliteDatabase, target: int = LATEST) -> list[tuple[int, ModuleType]]:
    """The steps up to `target` not yet recorded in the file, in number order; `NewerSchemaError` when the
    file records a step this program does not have (a newer program wrote it)."""
    recorded = _recorded(database)
    unknown = sorted(recorded - {n for n, _step in STEPS})
    if unknown:
        version = max(recorded)
        if version > LATEST:
            raise NewerSchemaError(
                Message(QT_TRANSLATE_NOOP("Messages", "数据文件的结构版本为 {version}，比本程序支持的 {latest} 新，请升级程序。"),
                        version=version, latest=LATEST))
        raise NewerSchemaError(
            Message(QT_TRANSLATE_NOOP("Messages", "数据文件含有本程序没有的结构步骤 {steps}，它由更新版本的程序写入，"
                                                  "请升级程序。"), steps="、".join(map(str, unknown))))
    return sorted(((n, step) for n, step in STEPS if n <= target and n not in recorded), key=lambda s: s[0])


def migrate(
    database: SqliteDatabase,
    backup_dir: Path | None = None,
    target: int = LATEST,
    on_step: Callable[[int, str], None] | None = None,
) -> list[int]:
    """Bring the database up to `target` (every step numbered up to it that the file has not recorded yet);
    return the step numbers applied."""
    pending = pending_steps(database, target)
    if not pending:
        return []
    version = current_version(database)
    if version > 0 and backup_dir is not None and not is_postgres(database):
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        dest = backup_dir / f"迁移前备份-v{version}-{stamp}.db"
        copy_database(database.connection(), dest)
        log.info("迁移前已备份到 %s", dest.name)
    database.execute_sql(ddl(
        'CREATE TABLE IF NOT EXISTS "schema_version" ("version" INTEGER NOT NULL PRIMARY KEY, '
        '"applied_at" DATETIME NOT NULL, "description" VARCHAR(255) NOT NULL)', database))
    applied = []
    for number, step in pending:
        with database.atomic():
            step.up(database)
            database.execute_sql(sql(
                'INSERT INTO "schema_version" ("version", "applied_at", "description") VALUES (?, ?, ?)', database),
                (number, datetime.now().isoformat(sep=" "), step.DESCRIPTION),
            )
        log.info("数据结构已升级到第 %d 步: %s", number, step.DESCRIPTION)
        if on_step:
            on_step(number, step.DESCRIPTION)
        applied.append(number)
    return applied
