"""Step 4: text stored before the hygiene step (domain/text_hygiene.py) is cleaned the same way, so no
record holds a character that a writer (.xlsx above all) refuses.

Every TEXT/VARCHAR column of every table except the append-only audit log: line breaks of every kind
(the vertical tab a Word/WPS soft line break pastes as, form feed, \\r\\n …) become "\\n" in TEXT columns
and a space in VARCHAR (one-line) columns; other control characters and NUL are removed. Only rows that
need it are rewritten, inside the step's transaction; where cleaning would make a unique value repeat
another row's (two team names differing only by a control character), the row's id is added to it.

On PostgreSQL there is nothing to clean: a database there is made by this program from step 1, so no row
was written before the hygiene step.
"""

from __future__ import annotations

from peewee import IntegrityError

from desktop_app.domain.text_hygiene import needs_cleaning, storable

from ..dialect import is_postgres

DESCRIPTION = "清理文本中的控制字符"

SKIPPED_TABLES = ("audit_log", "schema_version")


def _text_columns(database, table: str) -> list[tuple[str, bool]]:
    """(column, multi-line) for each text column of `table`."""
    columns = []
    for _cid, name, declared, *_rest in database.execute_sql(f'PRAGMA table_info("{table}")').fetchall():
        kind = (declared or "").upper()
        if kind == "TEXT":
            columns.append((name, True))
        elif kind.startswith(("VARCHAR", "CHAR")):
            columns.append((name, False))
    return columns


def up(database) -> None:
    if is_postgres(database):
        return
    connection = database.connection()
    connection.create_function("yj_needs_cleaning", 1, lambda v: isinstance(v, str) and needs_cleaning(v),
                               deterministic=True)
    tables = [r[0] for r in database.execute_sql(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'").fetchall()]
    for table in tables:
        if table in SKIPPED_TABLES:
            continue
        for column, multiline in _text_columns(database, table):
            rows = database.execute_sql(
                f'SELECT rowid, "{column}" FROM "{table}" WHERE yj_needs_cleaning("{column}")').fetchall()
            for rowid, value in rows:
                cleaned = storable(value, multiline)
                cleaned = cleaned if multiline else cleaned.strip()
                _update(database, table, column, rowid, cleaned)


def _update(database, table: str, column: str, rowid: int, value: str) -> None:
    """One row; where a unique column would then repeat another row's value, the row's id is added."""
    statement = f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?'
    try:
        with database.atomic():
            database.execute_sql(statement, (value, rowid))
    except IntegrityError:
        database.execute_sql(statement, (f"{value}（{rowid}）", rowid))
