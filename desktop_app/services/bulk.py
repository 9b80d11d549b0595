"""Writing many checked rows at once, for the services' batch entry points (imports, the demo data).

A batch service checks every item with the same function its single-item path uses, then hands the rows
here: one prepared INSERT run with `executemany` in chunks, inside the service's transaction. Values go in
as Python objects and are stored exactly as peewee stores them (its sqlite3 adapters apply).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from peewee import Model, fn

from ..db.database import db
from ..db.models import new_uuid

CHUNK = 5_000


def next_id(model: type[Model]) -> int:
    """The id the next inserted row will get (call inside the writing transaction)."""
    return (model.select(fn.MAX(model.id)).scalar() or 0) + 1


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
    sql = f'INSERT INTO "{meta.table_name}" ({quoted}) VALUES ({", ".join("?" * len(columns))})'
    connection = db.connection()
    now = str(datetime.now())  # as sqlite3's adapter writes a datetime, without calling it per row
    ident = next_id(model) if first_id is None else first_id
    ids: list[int] = []
    chunk: list[tuple[Any, ...]] = []
    for row in rows:
        ids.append(ident)
        chunk.append((ident, new_uuid(), now, now, *row, *extra))
        ident += 1
        if len(chunk) >= CHUNK:
            connection.executemany(sql, chunk)
            chunk.clear()
    if chunk:
        connection.executemany(sql, chunk)
    return ids


def update_rows(model: type[Model], fields: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Set `fields` (and updated_at) of many rows: each row is the new values followed by the row's id.

    The new values go into a temporary table first and then into the model's table with one UPDATE … FROM:
    several times quicker than one UPDATE a row."""
    meta = model._meta
    table = meta.table_name
    holders = [f"v{k}" for k in range(len(fields))]
    connection = db.connection()
    connection.execute(f'CREATE TEMP TABLE "_bulk_{table}" (id INTEGER PRIMARY KEY, {", ".join(holders)})')
    try:
        count = 0
        insert = f'INSERT INTO "_bulk_{table}" VALUES ({", ".join("?" * (len(fields) + 1))})'
        chunk: list[tuple[Any, ...]] = []
        for row in rows:
            chunk.append((row[-1], *row[:-1]))
            count += 1
            if len(chunk) >= CHUNK:
                connection.executemany(insert, chunk)
                chunk.clear()
        if chunk:
            connection.executemany(insert, chunk)
        if count:
            assignments = ", ".join(f'"{meta.fields[f].column_name}" = u.{h}' for f, h in zip(fields, holders,
                                                                                            strict=True))
            connection.execute(f'UPDATE "{table}" SET {assignments}, "updated_at" = ? FROM "_bulk_{table}" AS u '
                               f'WHERE "{table}"."id" = u.id', (datetime.now(),))
    finally:
        connection.execute(f'DROP TABLE "_bulk_{table}"')
    return count
