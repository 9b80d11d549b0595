"""The one database behind a proxy: the SQLite file opened with the pragmas the program relies on, or a
networked office's PostgreSQL server (db/server.py).

The proxy can point one thread elsewhere for a while (`routed_to`): the county reads each office's copy
(services/county/copies.py) with the same services and models as an office reads its own file, in a worker
thread, while the window's thread keeps the county's own database."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import peewee
from peewee import DatabaseProxy, SqliteDatabase

log = logging.getLogger(__name__)

_SHARED = DatabaseProxy.__dict__["obj"]  # the slot that holds the database every thread uses


class RoutedDatabaseProxy(DatabaseProxy):
    """A `DatabaseProxy` whose database may be replaced for the current thread only (`routed_to`)."""

    __slots__ = ("_routes",)

    def __init__(self) -> None:
        object.__setattr__(self, "_routes", threading.local())
        super().__init__()

    @property
    def obj(self):
        routed = getattr(self._routes, "database", None)
        return routed if routed is not None else _SHARED.__get__(self)

    def __setattr__(self, attr: str, value) -> None:
        if attr == "obj":
            _SHARED.__set__(self, value)
        elif attr in ("_callbacks", "_Model"):
            object.__setattr__(self, attr, value)
        else:
            super().__setattr__(attr, value)


db = RoutedDatabaseProxy()


@contextmanager
def routed_to(database: SqliteDatabase) -> Iterator[SqliteDatabase]:
    """Inside the block, in this thread only, every model reads and writes `database`."""
    routes = db._routes
    previous = getattr(routes, "database", None)
    routes.database = database
    try:
        yield database
    finally:
        routes.database = previous

# synchronous=FULL: in WAL mode NORMAL may lose the last commits on a power cut (never corrupts).
# Village offices lose power, and a clerk who saw "已保存" expects the record to be there; commits are
# one per user action (bulk work is one transaction), so an fsync per commit costs nothing noticeable.
PRAGMAS: dict[str, object] = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "synchronous": "full",
    "cache_size": -32_000,
    "temp_store": "memory",
}


def open_database(path: Path) -> SqliteDatabase:
    """Open (creating if needed) the database file, bind the proxy to it and return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    database = SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    db.initialize(database)
    database.connect(reuse_if_open=True)
    log.info("数据库已打开: %s", path.name)
    return database


def open_server(url: str, password: str | None = None) -> peewee.PostgresqlDatabase:
    """Connect to the PostgreSQL server at `url` and bind the proxy to it."""
    from .server import connect_postgres

    database = connect_postgres(url, password)
    db.initialize(database)
    return database


def close_database() -> None:
    if db.obj is not None and not db.is_closed():
        db.close()


def integrity_problems(database: SqliteDatabase | None = None) -> list[str]:
    """`PRAGMA quick_check`; an empty list means the file is sound (a server checks its own pages)."""
    if isinstance(database or db.obj, peewee.PostgresqlDatabase):
        return []
    try:
        rows = (database or db).execute_sql("PRAGMA quick_check").fetchall()
    except (sqlite3.DatabaseError, peewee.DatabaseError) as exc:
        return [str(exc)]
    messages = [r[0] for r in rows]
    return [] if messages == ["ok"] else messages
