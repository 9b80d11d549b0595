"""The county's copy of each office: one SQLite file per office, `offices/<office uuid>.db` in the county's
data folder, with the office schema (the same migrations) and the office's rows exactly as in its newest
package, ids included.

Why a file per office, not an office column in shared tables: each office numbers its rows by itself, and
its unique values (ID numbers, team names, case numbers, certificate serials) are unique only within it;
in a file of its own every office's records keep their ids, references and constraints as the office has
them, nothing is renumbered, and every service reads a copy exactly as the office reads its own file
(`reading_copy` points the models at it for one thread, db/database.py `routed_to`). Each record is known
county-wide by its office's uuid and its own uuid.

Bringing a copy to a package (`apply_snapshot`) is one transaction on the copy file, its state (the
package's sequence number, time and SHA-256) in the same transaction: rows are compared by their uuid;
new and changed ones are written, removed ones deleted — and kept as tombstones: the row as it last was in
`county_removed_<table>`, with the package that no longer held it in `county_tombstone`. A report for a
period that ended before that package was made counts the row as it did before (`as_of`), so a month
reported to the county does not change when an office later purges a record of it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from peewee import SqliteDatabase

from ...db.database import PRAGMAS, routed_to
from ...db.migrations import migrate
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from .package_format import PackageRefused

COPIES_FOLDER = "offices"
STATE_TABLE = "county_copy_state"
TOMBSTONE_TABLE = "county_tombstone"
REMOVED_PREFIX = "county_removed_"
_SKIPPED = ("schema_version",)
# a copy is written only by the import, which checks the snapshot as a whole: row by row checks are off
COPY_PRAGMAS = {**PRAGMAS, "foreign_keys": 0}


@dataclass(frozen=True)
class CopyState:
    sequence: int = 0
    created_at: str = ""
    body_sha256: str = ""


@dataclass
class Changes:
    added: int = 0
    changed: int = 0
    removed: int = 0
    by_table: dict[str, tuple[int, int, int]] = field(default_factory=dict)

    @property
    def none(self) -> bool:
        return not (self.added or self.changed or self.removed)


def copy_path(root: Path, office_uuid: str) -> Path:
    return root / COPIES_FOLDER / f"{office_uuid}.db"


def open_copy(path: Path) -> SqliteDatabase:
    """Open (making it when new) an office's copy, with the schema brought up to this program's."""
    path.parent.mkdir(parents=True, exist_ok=True)
    database = SqliteDatabase(str(path), pragmas=COPY_PRAGMAS, check_same_thread=False)
    database.connect(reuse_if_open=True)
    migrate(database, backup_dir=None)
    database.execute_sql(f'CREATE TABLE IF NOT EXISTS "{STATE_TABLE}" ("key" TEXT PRIMARY KEY, "value" TEXT)')
    database.execute_sql(
        f'CREATE TABLE IF NOT EXISTS "{TOMBSTONE_TABLE}" ("table_name" TEXT NOT NULL, "record_uuid" TEXT NOT NULL, '
        '"removed_sequence" INTEGER NOT NULL, "removed_at" TEXT NOT NULL, PRIMARY KEY ("table_name", "record_uuid"))')
    return database


def copy_state(database: SqliteDatabase) -> CopyState:
    values = dict(database.execute_sql(f'SELECT "key", "value" FROM "{STATE_TABLE}"').fetchall())
    return CopyState(int(values.get("sequence", 0)), values.get("created_at", ""), values.get("body_sha256", ""))


def office_tables(con: sqlite3.Connection | SqliteDatabase, schema: str = "main") -> list[str]:
    """The tables that hold an office's records (not the schema's steps, not the county's own)."""
    rows = con.execute_sql if isinstance(con, SqliteDatabase) else con.execute
    names = [r[0] for r in rows(f"SELECT name FROM {schema}.sqlite_master WHERE type='table' ORDER BY name")]
    return [n for n in names if not n.startswith(("sqlite_", "county_")) and n not in _SKIPPED]


def _columns(database: SqliteDatabase, schema: str, table: str) -> list[str]:
    return [r[1] for r in database.execute_sql(f'PRAGMA {schema}.table_info("{table}")').fetchall()]


def apply_snapshot(database: SqliteDatabase, snapshot: Path, state: CopyState) -> Changes:
    """Bring the copy to the snapshot file (already at this program's schema), in one transaction, and
    record `state`; `PackageRefused` (nothing changed) when the snapshot's tables are not the copy's."""
    database.execute_sql("ATTACH DATABASE ? AS snap", (str(snapshot),))
    try:
        with database.atomic():
            changes = _apply(database, state)
            for key, value in (("sequence", state.sequence), ("created_at", state.created_at),
                               ("body_sha256", state.body_sha256)):
                database.execute_sql(f'INSERT OR REPLACE INTO "{STATE_TABLE}" VALUES (?, ?)', (key, str(value)))
    finally:
        database.execute_sql("DETACH DATABASE snap")
    return changes


def _apply(database: SqliteDatabase, state: CopyState) -> Changes:
    changes = Changes()
    theirs = set(office_tables(database, "snap"))
    fresh = copy_state(database).sequence == 0
    for table in office_tables(database):
        if fresh:  # what a new copy's migrations seeded (the holiday table) is not the office's
            database.execute_sql(f'DELETE FROM main."{table}"')
        columns = _columns(database, "main", table)
        if table not in theirs or _columns(database, "snap", table) != columns:
            raise PackageRefused(Message(QT_TRANSLATE_NOOP("Messages", "数据包的数据结构与县局的不一致（表 {table}）：未导入"),
                                         table=table))
        cols = ", ".join(f'"{c}"' for c in columns)
        run = database.execute_sql
        run("DROP TABLE IF EXISTS temp.county_new")
        run("DROP TABLE IF EXISTS temp.county_gone")
        run(f'CREATE TEMP TABLE county_new AS SELECT "uuid" FROM (SELECT {cols} FROM snap."{table}" '
            f'EXCEPT SELECT {cols} FROM main."{table}")')
        run(f'CREATE TEMP TABLE county_gone AS SELECT "uuid" FROM main."{table}" EXCEPT SELECT "uuid" FROM snap."{table}"')
        new = run("SELECT COUNT(*) FROM temp.county_new").fetchone()[0]
        gone = run("SELECT COUNT(*) FROM temp.county_gone").fetchone()[0]
        if not new and not gone:
            continue
        added = run(f'SELECT COUNT(*) FROM temp.county_new WHERE "uuid" NOT IN (SELECT "uuid" FROM main."{table}")'
                    ).fetchone()[0]
        if gone:
            removed_table = f"{REMOVED_PREFIX}{table}"
            run(f'CREATE TABLE IF NOT EXISTS "{removed_table}" AS SELECT {cols} FROM main."{table}" WHERE 0')
            run(f'DELETE FROM "{removed_table}" WHERE "uuid" IN temp.county_gone')
            run(f'INSERT INTO "{removed_table}" ({cols}) SELECT {cols} FROM main."{table}" '
                'WHERE "uuid" IN temp.county_gone')
            run(f'INSERT OR REPLACE INTO "{TOMBSTONE_TABLE}" SELECT ?, "uuid", ?, ? FROM temp.county_gone',
                (table, state.sequence, state.created_at))
        if new:  # a record that comes back is no longer a tombstone
            run(f'DELETE FROM "{TOMBSTONE_TABLE}" WHERE "table_name" = ? AND "record_uuid" IN temp.county_new', (table,))
        run(f'DELETE FROM main."{table}" WHERE "uuid" IN temp.county_gone OR "uuid" IN temp.county_new')
        run(f'INSERT INTO main."{table}" ({cols}) SELECT {cols} FROM snap."{table}" WHERE "uuid" IN temp.county_new')
        changes.added += added
        changes.changed += new - added
        changes.removed += gone
        changes.by_table[table] = (added, new - added, gone)
    database.execute_sql("DROP TABLE IF EXISTS temp.county_new")
    database.execute_sql("DROP TABLE IF EXISTS temp.county_gone")
    return changes


@contextmanager
def as_of(database: SqliteDatabase, period_end: date | None) -> Iterator[SqliteDatabase]:
    """The copy as a report of a period ending on `period_end` sees it: the records removed by packages
    made after that day are back, inside a transaction that is rolled back afterwards. (A removed record
    whose id or unique value a later record took stays out.)"""
    if period_end is None:
        yield database
        return
    since = (period_end + timedelta(days=1)).isoformat()
    tables = [t for (t,) in database.execute_sql(
        f'SELECT DISTINCT "table_name" FROM "{TOMBSTONE_TABLE}" WHERE "removed_at" >= ?', (since,)).fetchall()]
    with database.atomic() as transaction:
        for table in tables:
            cols = ", ".join(f'"{c}"' for c in _columns(database, "main", table))
            database.execute_sql(
                f'INSERT OR IGNORE INTO main."{table}" ({cols}) SELECT {cols} FROM "{REMOVED_PREFIX}{table}" '
                f'WHERE "uuid" IN (SELECT "record_uuid" FROM "{TOMBSTONE_TABLE}" WHERE "table_name" = ? '
                'AND "removed_at" >= ?)', (table, since))
        try:
            yield database
        finally:
            transaction.rollback()


@contextmanager
def reading_copy(root: Path, office_uuid: str, period_end: date | None = None) -> Iterator[SqliteDatabase]:
    """In this thread, every model reads the office's copy (as of `period_end`, see `as_of`)."""
    database = open_copy(copy_path(root, office_uuid))
    try:
        with as_of(database, period_end), routed_to(database):
            yield database
    finally:
        database.close()
