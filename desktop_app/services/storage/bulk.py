"""Reading and writing many rows at once, for the services' batch entry points (imports, the demo data)
and the work that reads a prefecture's rows (the auto-scheduler, fairness).

A batch service checks every item with the same function its single-item path uses, then hands the rows
here: one prepared INSERT run with `executemany` in chunks, inside the service's transaction. Values go in
as Python objects and are stored exactly as peewee stores them (its sqlite3 adapters apply). Reading,
`raw_rows` gives a query's rows as SQLite returns them (no per-value conversion by peewee) and `ValueReader`
turns the stored date and time texts into Python values, each distinct text parsed once. `deferred_indexes`
fills big empty tables first and indexes them after.

On PostgreSQL the same statements go through psycopg (`%s` placeholders, true/false as booleans); ids
taken by `next_id` are safe from other clients because it locks the table against their inserts until
the transaction ends, and the table's id sequence is moved past the rows inserted.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, time
from typing import Any

from peewee import BooleanField, Model, fn

from ...db.database import db
from ...db.dialect import is_postgres
from ...db.models import new_uuid

CHUNK = 5_000


class ValueReader:
    """Column values as stored (ISO text) to Python, each distinct text parsed once."""

    def __init__(self) -> None:
        self.dates: dict[str, date] = {}
        self.times: dict[str, time] = {}

    def day(self, text: Any) -> date:
        """A date column that is never NULL."""
        found = self.dates.get(text)
        if found is None:
            found = self.dates[text] = date.fromisoformat(str(text)[:10])
        return found

    def date(self, text: Any) -> date | None:
        """A nullable date column."""
        return None if text is None else self.day(text)

    def time(self, text: Any) -> time:
        found = self.times.get(text)
        if found is None:
            found = self.times[text] = time.fromisoformat(str(text))
        return found


@contextmanager
def deferred_indexes(*models: type[Model]) -> Iterator[None]:
    """Inside a transaction: the tables' indexes dropped for the block and made again after it, from their
    own definitions. Filling an empty table of a million rows and then indexing it costs about half of
    keeping five indexes up to date row by row. For a block that writes many rows and reads these tables
    only in a few whole-table queries (not row by row); a unique index broken by the rows fails when it is
    made again, and the transaction with it. When the block raises, the indexes are left to the
    transaction's rollback (the drop is rolled back with it)."""
    names = tuple(model._meta.table_name for model in models)
    if is_postgres():
        marks = ", ".join(["%s"] * len(names))
        indexes = db.execute_sql(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() AND "
            f"i.tablename IN ({marks}) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)",
            names).fetchall()
        for name, _sql in indexes:
            db.execute_sql(f'DROP INDEX "{name}"')
        yield
        for _name, sql in indexes:
            db.execute_sql(sql)
        return
    connection = db.connection()
    marks = ", ".join("?" * len(names))
    indexes = connection.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks})",
        names).fetchall()
    for name, _sql in indexes:
        connection.execute(f'DROP INDEX "{name}"')
    yield
    for _name, sql in indexes:
        connection.execute(sql)


def raw_rows(query: Any) -> list[tuple[Any, ...]]:
    """The rows of a peewee query as SQLite returns them (tens of thousands of rows: no conversion)."""
    return list(db.execute_sql(*query.sql()))


def next_id(model: type[Model]) -> int:
    """The id the next inserted row will get (call inside the writing transaction; on PostgreSQL the table
    takes no other client's rows until it ends)."""
    if is_postgres():
        db.execute_sql(f'LOCK TABLE "{model._meta.table_name}" IN SHARE ROW EXCLUSIVE MODE')
    return (model.select(fn.MAX(model.id)).scalar() or 0) + 1


def advance_sequence(model: type[Model]) -> None:
    """After rows were inserted with ids of their own: on PostgreSQL the table's id sequence is moved past
    them (SQLite takes the highest id + 1 by itself)."""
    if not is_postgres():
        return
    table = model._meta.table_name
    db.execute_sql(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                   f'GREATEST((SELECT MAX("id") FROM "{table}"), 1))')


def execute_many(statement: str, rows: Sequence[Sequence[Any]]) -> None:
    """One prepared statement (written with `?`) for many rows, on either engine."""
    writer = _Writer()
    writer.many(writer.sql(statement), [tuple(row) for row in rows])


class _Writer:
    """executemany on either engine: the sqlite3 connection itself, or a psycopg cursor."""

    def __init__(self) -> None:
        self.postgres = is_postgres()
        self.target = db.cursor() if self.postgres else db.connection()

    def sql(self, statement: str) -> str:
        return statement.replace("?", "%s") if self.postgres else statement

    def many(self, statement: str, rows: list[tuple[Any, ...]]) -> None:
        self.target.executemany(statement, rows)

    def one(self, statement: str, params: tuple[Any, ...] = ()) -> None:
        self.target.execute(statement, params)


def insert_rows(model: type[Model], fields: Sequence[str], rows: Iterable[Sequence[Any]],
                first_id: int | None = None) -> list[int]:
    """Insert `rows` (the values of `fields`, in that order) with id, uuid, created_at and updated_at added;
    ids run from `first_id` (default: after the highest one). Returns the ids, in the order of the rows."""
    meta = model._meta
    given = {"id", "uuid", "created_at", "updated_at", *fields}
    # the other fields get their model default, as Model.create would give them
    defaulted = [(f.column_name, f.default() if callable(f.default) else f.default)
                 for name, f in meta.fields.items() if name not in given and f.default is not None]
    extra = tuple(value for _, value in defaulted)
    columns = ["id", "uuid", "created_at", "updated_at", *(meta.fields[f].column_name for f in fields),
               *(column for column, _ in defaulted)]
    quoted = ", ".join(f'"{c}"' for c in columns)
    writer = _Writer()
    sql = writer.sql(f'INSERT INTO "{meta.table_name}" ({quoted}) VALUES ({", ".join("?" * len(columns))})')
    # as sqlite3's adapter writes a datetime, without calling it per row
    now: Any = datetime.now() if writer.postgres else str(datetime.now())
    flags = [k for k, f in enumerate(fields) if isinstance(meta.fields[f], BooleanField)] if writer.postgres else []
    ident = next_id(model) if first_id is None else first_id
    ids: list[int] = []
    chunk: list[tuple[Any, ...]] = []
    for row in rows:
        ids.append(ident)
        if flags:
            row = [bool(v) if k in flags and v is not None else v for k, v in enumerate(row)]
        chunk.append((ident, new_uuid(), now, now, *row, *extra))
        ident += 1
        if len(chunk) >= CHUNK:
            writer.many(sql, chunk)
            chunk.clear()
    if chunk:
        writer.many(sql, chunk)
    if ids:
        advance_sequence(model)
    return ids


def update_rows(model: type[Model], fields: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Set `fields` (and updated_at) of many rows: each row is the new values followed by the row's id.

    The new values go into a temporary table first and then into the model's table with one UPDATE … FROM:
    several times quicker than one UPDATE a row."""
    meta = model._meta
    table = meta.table_name
    holders = [f"v{k}" for k in range(len(fields))]
    writer = _Writer()
    if writer.postgres:  # the holders take the columns' types
        picked = ", ".join(f'"{meta.fields[f].column_name}" AS {h}' for f, h in zip(fields, holders, strict=True))
        writer.one(f'CREATE TEMP TABLE "_bulk_{table}" AS SELECT "id", {picked} FROM "{table}" WITH NO DATA')
    else:
        writer.one(f'CREATE TEMP TABLE "_bulk_{table}" (id INTEGER PRIMARY KEY, {", ".join(holders)})')
    flags = {k for k, f in enumerate(fields) if isinstance(meta.fields[f], BooleanField)} if writer.postgres else set()
    try:
        count = 0
        insert = writer.sql(f'INSERT INTO "_bulk_{table}" VALUES ({", ".join("?" * (len(fields) + 1))})')
        chunk: list[tuple[Any, ...]] = []
        for row in rows:
            values = [bool(v) if k in flags and v is not None else v for k, v in enumerate(row[:-1])] if flags \
                else row[:-1]
            chunk.append((row[-1], *values))
            count += 1
            if len(chunk) >= CHUNK:
                writer.many(insert, chunk)
                chunk.clear()
        if chunk:
            writer.many(insert, chunk)
        if count:
            assignments = ", ".join(f'"{meta.fields[f].column_name}" = u.{h}' for f, h in zip(fields, holders,
                                                                                            strict=True))
            writer.one(writer.sql(f'UPDATE "{table}" SET {assignments}, "updated_at" = ? FROM "_bulk_{table}" AS u '
                                  f'WHERE "{table}"."id" = u.id'), (datetime.now(),))
    finally:
        writer.one(f'DROP TABLE "_bulk_{table}"')
    return count
