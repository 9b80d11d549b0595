"""What differs between the two engines, in one place: the schema steps' SQLite DDL said for PostgreSQL,
the placeholder of raw SQL, and the few SQL functions the services use that the two spell differently.

The migrations are written in SQLite's words (they were frozen so); `ddl()` turns one statement into
PostgreSQL's: `INTEGER PRIMARY KEY` → `SERIAL`, `DATETIME` → `TIMESTAMP`, `BLOB` → `BYTEA`, `REAL` →
`DOUBLE PRECISION`, and the true/false columns (INTEGER 0/1 in SQLite) → `BOOLEAN`. A later step that adds
a true/false column adds it to `BOOLEAN_COLUMNS`; tests/unit/db/test_migrations.py compares the schema the
steps make on each engine with the models.
"""

from __future__ import annotations

import re
from typing import Any

from peewee import SQL, Expression, NodeList, PostgresqlDatabase, Value, fn

# (table, column) of the columns the models declare BooleanField
BOOLEAN_COLUMNS = frozenset({
    ("holiday", "confirmed"), ("user", "active"), ("duty_post", "school_days_only"), ("duty_post", "needs_leader"),
    ("duty_post", "active"), ("assignment", "locked"), ("training_attendee", "passed"),
    ("mediating_body", "is_default"), ("mediating_body", "active"), ("case", "oral_agreement"),
    ("case", "parties_consent"), ("mediation_session", "rights_notified"), ("certificate_template", "is_default"),
})

_TABLE = re.compile(r'^\s*(?:CREATE TABLE|ALTER TABLE)\s+(?:IF NOT EXISTS\s+)?"(\w+)"', re.IGNORECASE)
_COLUMN_INTEGER = re.compile(r'"(\w+)" INTEGER\b( NOT NULL)?( DEFAULT (\d))?')


def is_postgres(database: Any = None) -> bool:
    """True when `database` (by default the open one) is a PostgreSQL server."""
    if database is None:
        from .database import db

        database = db.obj
    return isinstance(database, PostgresqlDatabase)


def ddl(statement: str, database: Any) -> str:
    """`statement` (SQLite DDL of a schema step) as `database` takes it."""
    if not is_postgres(database):
        return statement
    found = _TABLE.match(statement)
    table = found.group(1) if found else None

    def column(match: re.Match[str]) -> str:
        name, notnull, default, digit = match.groups()
        if (table, name) not in BOOLEAN_COLUMNS:
            return match.group(0)
        tail = (notnull or "") + (f" DEFAULT {'true' if digit == '1' else 'false'}" if default else "")
        return f'"{name}" BOOLEAN{tail}'

    text = re.sub(r'"id" INTEGER NOT NULL PRIMARY KEY', '"id" SERIAL NOT NULL PRIMARY KEY', statement)
    text = _COLUMN_INTEGER.sub(column, text)
    text = re.sub(r"\bDATETIME\b", "TIMESTAMP", text)
    text = re.sub(r"\bBLOB\b", "BYTEA", text)
    return re.sub(r"\bREAL\b", "DOUBLE PRECISION", text)


_FOREIGN_KEY = re.compile(r', (FOREIGN KEY \("\w+"\) REFERENCES "\w+" \("\w+"\)(?: ON DELETE [A-Z ]+?)?)(?=, FOREIGN|\)$)')


def ddl_all(statements: list[str], database: Any) -> list[str]:
    """A step's statements for `database`. PostgreSQL checks that a foreign key's table exists when the
    key is declared (SQLite only when it is used): there the keys of the tables created are added after
    all of them."""
    if not is_postgres(database):
        return list(statements)
    tables, later = [], []
    for statement in statements:
        found = _TABLE.match(statement)
        if found and statement.lstrip().upper().startswith("CREATE TABLE"):
            for key in _FOREIGN_KEY.findall(statement):
                later.append(f'ALTER TABLE "{found.group(1)}" ADD {key}')
            statement = _FOREIGN_KEY.sub("", statement)
        tables.append(ddl(statement, database))
    return tables + later


def sql(statement: str, database: Any = None) -> str:
    """Raw SQL written with SQLite's `?` placeholders, for `database` (PostgreSQL's driver takes `%s`).
    Only for statements whose text has no `?` or `%` of its own."""
    return statement.replace("?", "%s") if is_postgres(database) else statement


def random_hex_sql(database: Any = None) -> str:
    """SQL of 32 random hex digits (a new row's uuid)."""
    if is_postgres(database):
        return "md5(random()::text || clock_timestamp()::text)"
    return "lower(hex(randomblob(16)))"


def contains(text: Any, part: Any) -> Expression:
    """`part` occurs in `text` (a plain substring, no LIKE wildcards): SQLite's instr, PostgreSQL's strpos."""
    return (fn.strpos(text, part) if is_postgres() else fn.instr(text, part)) > 0


def ends_with(text: Any, tail: str) -> Expression:
    """The last len(tail) characters of `text` are `tail`."""
    return (fn.right(text, len(tail)) if is_postgres() else fn.substr(text, -len(tail))) == tail


def month_of(value: Any) -> Any:
    """'YYYY-MM' of a date or timestamp column."""
    # the format inline: a bound one differs between SELECT and GROUP BY, which PostgreSQL then refuses
    return fn.to_char(value, SQL("'YYYY-MM'")) if is_postgres() else fn.strftime("%Y-%m", value)


def text_month_of(value: Any) -> Any:
    """'YYYY-MM' of a timestamp column SQLite keeps as 'YYYY-MM-DD HH:MM:SS' text."""
    return fn.to_char(value, SQL("'YYYY-MM'")) if is_postgres() else fn.substr(value, 1, 7)


def binary(value: Any) -> Any:
    """A text column ordered by code point, as SQLite orders it (a server's database may sort by locale)."""
    return value.collate('"C"') if is_postgres() else value


def unindexed(column: Any) -> Any:
    """`column` as SQLite's planner may not reach through its index (`+column`, the documented way to keep
    it off a poor index); PostgreSQL's planner needs no such hint."""
    return column if is_postgres() else NodeList((SQL("+"), column), glue="")


def locked(query: Any) -> Any:
    """`query` (a SELECT inside a transaction) locking the rows it reads until the transaction ends, so a
    second client reading them waits for the first one's commit and then reads what it left: PostgreSQL's
    `SELECT … FOR UPDATE`. SQLite needs no clause (and has none): one writer at a time holds the file."""
    return query.for_update() if is_postgres() else query


def true() -> SQL:
    return SQL("true") if is_postgres() else SQL("1")


def among(column: Any, values: Any) -> Expression:
    """`column IN (values…)` for a list of ids: on PostgreSQL `= ANY(%s)` with one array parameter — the same
    statement text whatever the ids, so psycopg keeps its parsed form and the server its plan (a list of
    200 placeholders is parsed again on every call and planned again by the server)."""
    if is_postgres():
        return Expression(column, "=", fn.ANY(Value(list(values), unpack=False)))
    return column.in_(values)
