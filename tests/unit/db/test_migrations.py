"""The migration chain: step 1's data survives later steps, a backup is taken first, and the migrated
schema matches the peewee models column by column."""

from __future__ import annotations

import sqlite3
import uuid

import pytest
from peewee import SqliteDatabase

from desktop_app.db.database import PRAGMAS, close_database, db, open_database
from desktop_app.db.migrations import LATEST, STEPS, NewerSchemaError, current_version, migrate
from desktop_app.db.models import ALL_MODELS

# Tables that later steps create: absent at step 1, so neither filled there nor compared.
LATER_TABLES = {"holiday", "mediating_body", "investigation", "audit_archive", "county_office", "package_import"}


def _columns(con: sqlite3.Connection, table: str) -> list[tuple]:
    return [(r[1], r[2], r[3], r[5]) for r in con.execute(f'PRAGMA table_info("{table}")')]


def _tables(con: sqlite3.Connection) -> list[str]:
    rows = con.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
    return sorted(r[0] for r in rows)


def _value_for(column_type: str, table: str, column: str, n: int):
    t = column_type.upper()
    if column == "uuid":
        return uuid.uuid4().hex
    if t.startswith(("INTEGER", "DECIMAL", "REAL")):
        return n
    if t == "DATE":
        return f"2024-04-{n:02d}"
    if t == "DATETIME":
        return f"2024-04-{n:02d} 08:30:00"
    if t == "TIME":
        return "07:30:00"
    if t == "BLOB":
        return b"\x89PNG"
    return f"{table}.{column}.{n}"


def _fill_every_table(con: sqlite3.Connection, rows_per_table: int = 3) -> None:
    """Insert rows into every table, parents first; foreign keys point at row n of the parent table
    (nullable ones stay NULL while the parent is still empty)."""
    order = [m._meta.table_name for m in ALL_MODELS
             if m._meta.table_name != "schema_version" and m._meta.table_name not in LATER_TABLES]
    for table in order:
        fks = {r[3]: r[2] for r in con.execute(f'PRAGMA foreign_key_list("{table}")')}
        info = list(con.execute(f'PRAGMA table_info("{table}")'))
        for n in range(1, rows_per_table + 1):
            values = {}
            for _, name, col_type, notnull, _, pk in info:
                if pk:
                    values[name] = n
                elif name in fks:
                    parent_has_rows = con.execute(f'SELECT 1 FROM "{fks[name]}" LIMIT 1').fetchone()
                    values[name] = n if (notnull or parent_has_rows) else None
                elif name == "name" and table == "counter":
                    values[name] = f"case{n}"
                else:
                    values[name] = _value_for(col_type, table, name, n)
            cols = ", ".join(f'"{c}"' for c in values)
            marks = ", ".join("?" for _ in values)
            con.execute(f'INSERT INTO "{table}" ({cols}) VALUES ({marks})', list(values.values()))
    con.commit()


def _snapshot(con: sqlite3.Connection, like: sqlite3.Connection | None = None) -> dict[str, list[tuple]]:
    """Every row of every table; with `like`, only the columns that connection's tables have (later steps
    add columns: the rows written before must survive in the columns they were written to)."""
    shape = like or con

    def columns(table: str) -> str:
        return ", ".join(f'"{r[1]}"' for r in shape.execute(f'PRAGMA table_info("{table}")'))

    return {t: con.execute(f'SELECT {columns(t)} FROM "{t}" ORDER BY 1').fetchall()
            for t in _tables(shape) if t != "schema_version" and t not in LATER_TABLES}


def test_rows_written_at_step_one_survive_later_steps(tmp_path):
    path = tmp_path / "yijing.db"
    database = open_database(path)
    assert migrate(database, target=1) == [1]
    assert current_version(database) == 1
    close_database()

    con = sqlite3.connect(path)
    con.execute("PRAGMA foreign_keys=ON")
    _fill_every_table(con)
    before = _snapshot(con)
    step_one = sqlite3.connect(":memory:")
    con.backup(step_one)
    con.close()
    assert all(len(rows) == 3 for rows in before.values())
    assert len(before) == len(ALL_MODELS) - 1 - len(LATER_TABLES)

    database = open_database(path)
    applied = migrate(database, backup_dir=tmp_path / "backups")
    close_database()
    assert applied == [n for n, _step in STEPS if n > 1]

    con = sqlite3.connect(path)
    assert _snapshot(con, like=step_one) == before
    assert [r[0] for r in con.execute("SELECT version FROM schema_version ORDER BY 1")] == [n for n, _s in STEPS]
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()

    backups = list((tmp_path / "backups").glob("迁移前备份-v1-*.db"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0])
    assert _snapshot(old) == before
    assert old.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == 1
    old.close()


def test_step_three_seeds_the_holiday_table_from_chinesecalendar(tmp_path):
    import chinese_calendar

    path = tmp_path / "yijing.db"
    database = open_database(path)
    migrate(database, target=2)
    assert not database.table_exists("holiday")
    assert migrate(database, backup_dir=tmp_path / "backups", target=3) == [3]
    close_database()
    con = sqlite3.connect(path)
    rows = {(d, kind): (name, layer, year, confirmed) for d, kind, name, layer, year, confirmed in con.execute(
        'SELECT "date", "kind", "name", "layer", "year", "confirmed" FROM "holiday"')}
    con.close()
    assert len(rows) == len(chinese_calendar.holidays) + len(chinese_calendar.workdays)
    assert rows[("2026-10-01", "休")] == ("国庆节", "national", 2026, 1)
    assert rows[("2026-01-04", "班")] == ("元旦", "national", 2026, 1)
    assert rows[("2007-12-31", "休")][2] == 2008  # the 2008 元旦 arrangement began in 2007
    assert not any(d.startswith("2027") for d, _ in rows)
    assert len(list((tmp_path / "backups").glob("迁移前备份-v2-*.db"))) == 1


def test_a_failing_step_leaves_the_previous_version(tmp_path, monkeypatch):
    from desktop_app.db.migrations import m0002_search_indexes

    path = tmp_path / "yijing.db"
    database = open_database(path)
    migrate(database, target=1)

    def broken(database):
        database.execute_sql('CREATE INDEX "half_done" ON "member" ("name")')
        raise RuntimeError("断电")

    monkeypatch.setattr(m0002_search_indexes, "up", broken)
    with pytest.raises(RuntimeError):
        migrate(database, backup_dir=tmp_path / "backups")
    assert current_version(database) == 1
    assert database.execute_sql(
        "SELECT COUNT(*) FROM sqlite_master WHERE name='half_done'").fetchone()[0] == 0
    close_database()


def test_a_newer_file_is_refused(tmp_path):
    database = open_database(tmp_path / "yijing.db")
    migrate(database)
    database.execute_sql("INSERT INTO schema_version VALUES (?, '2099-01-01', 'future')", (LATEST + 1,))
    with pytest.raises(NewerSchemaError):
        migrate(database)
    close_database()


def test_migrated_schema_matches_the_models(tmp_path):
    migrated_path = tmp_path / "migrated.db"
    migrate(open_database(migrated_path))
    close_database()

    models_path = tmp_path / "models.db"
    plain = SqliteDatabase(str(models_path), pragmas=PRAGMAS)
    db.initialize(plain)
    plain.create_tables(ALL_MODELS)
    plain.close()

    a, b = sqlite3.connect(migrated_path), sqlite3.connect(models_path)
    assert _tables(a) == _tables(b)
    for table in _tables(b):
        assert sorted(_columns(a, table)) == sorted(_columns(b, table)), table
        index_a = {r[1]: r[2] for r in a.execute(f'PRAGMA index_list("{table}")') if r[3] == "c"}
        index_b = {r[1]: r[2] for r in b.execute(f'PRAGMA index_list("{table}")') if r[3] == "c"}
        assert index_a == index_b, table
        fk_a = {(r[2], r[3], r[4], r[6]) for r in a.execute(f'PRAGMA foreign_key_list("{table}")')}
        fk_b = {(r[2], r[3], r[4], r[6]) for r in b.execute(f'PRAGMA foreign_key_list("{table}")')}
        assert fk_b <= fk_a, table
    a.close()
    b.close()


def test_pragmas_are_in_force(data_paths):
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] == 5000
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL


# the steps of a program that had step 5 but not yet step 4 (the cases branch before it merged main)
BRANCH_STEPS = [(n, step) for n, step in STEPS if n <= 5 and n != 4]


class _LateStep:
    """A step 4 that arrives (merged from another branch) after files already have step 5."""

    DESCRIPTION = "另一分支的第4步"

    @staticmethod
    def up(database):
        database.execute_sql('CREATE TABLE "late_step" ("id" INTEGER NOT NULL PRIMARY KEY)')


def _recorded(con: sqlite3.Connection) -> list[int]:
    return [r[0] for r in con.execute("SELECT version FROM schema_version ORDER BY 1")]


def test_a_step_merged_out_of_order_runs_on_a_file_already_past_it(tmp_path, monkeypatch):
    from desktop_app.db import migrations

    path = tmp_path / "yijing.db"
    database = open_database(path)
    monkeypatch.setattr(migrations, "STEPS", BRANCH_STEPS)
    assert migrate(database) == [n for n, _step in BRANCH_STEPS]
    assert 4 not in {n for n, _step in migrations.STEPS} and current_version(database) == 5
    monkeypatch.setattr(migrations, "STEPS", sorted([*BRANCH_STEPS, (4, _LateStep)]))

    assert migrations.pending_steps(database) == [(4, _LateStep)]
    assert migrate(database, backup_dir=tmp_path / "backups") == [4]
    assert database.table_exists("late_step")
    assert migrate(database, backup_dir=tmp_path / "backups") == []  # once only
    close_database()

    con = sqlite3.connect(path)
    assert _recorded(con) == [1, 2, 3, 4, 5]
    assert con.execute("SELECT description FROM schema_version WHERE version = 4").fetchone()[0] == "另一分支的第4步"
    con.close()
    # the file was backed up before the late step touched it, as it stood (steps 1, 2, 3 and 5)
    backups = list((tmp_path / "backups").glob("迁移前备份-v5-*.db"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert _recorded(copy) == [1, 2, 3, 5]
    assert not copy.execute("SELECT 1 FROM sqlite_master WHERE name = 'late_step'").fetchone()
    copy.close()


def test_steps_missing_below_the_highest_run_in_number_order(tmp_path, monkeypatch):
    from desktop_app.db import migrations

    database = open_database(tmp_path / "yijing.db")
    migrate(database, target=1)
    order: list[int] = []
    monkeypatch.setattr(migrations, "STEPS", sorted([*BRANCH_STEPS, (4, _LateStep)]))
    assert migrate(database, on_step=lambda number, _text: order.append(number)) == [2, 3, 4, 5]
    assert order == [2, 3, 4, 5]
    close_database()


def test_a_recorded_step_the_program_does_not_have_is_refused(tmp_path, monkeypatch):
    from desktop_app.db import migrations

    monkeypatch.setattr(migrations, "STEPS", BRANCH_STEPS)  # this program has no step 4
    path = tmp_path / "yijing.db"
    database = open_database(path)
    migrate(database, target=3)
    # a newer program that has step 4 (but not yet 5) wrote this file
    database.execute_sql("INSERT INTO schema_version VALUES (4, '2099-01-01', 'newer')")
    with pytest.raises(NewerSchemaError) as refused:
        migrate(database, backup_dir=tmp_path / "backups")
    assert "4" in str(refused.value)
    assert not database.table_exists("mediating_body")  # step 5 did not run on it
    assert not (tmp_path / "backups").exists()
    close_database()


def test_step_seven_runs_before_six_exists_and_six_still_runs_when_it_lands(tmp_path, monkeypatch):
    """The records branch's step 7 may be in files before the accounts branch's step 6 exists."""
    import types

    from desktop_app.db import migrations

    # the records branch's program, before the accounts branch's step 6 landed and before step 8
    STEPS = [(n, step) for n, step in migrations.STEPS if n != 6 and n <= 7]  # noqa: N806 - stands for the module's
    monkeypatch.setattr(migrations, "STEPS", STEPS)
    path = tmp_path / "yijing.db"
    database = open_database(path)
    assert 7 in dict(STEPS) and 6 not in dict(STEPS)
    assert migrate(database) == [n for n, _step in STEPS]
    ran: list[int] = []
    six = types.ModuleType("m0006_later")
    six.DESCRIPTION = "step 6"
    six.up = lambda _database: ran.append(6)
    monkeypatch.setattr(migrations, "STEPS", sorted([*STEPS, (6, six)], key=lambda s: s[0]))
    assert migrations.migrate(database, backup_dir=tmp_path / "backups", target=7) == [6]
    assert migrations.migrate(database, target=7) == [] and ran == [6]
    assert current_version(database) == 7
    close_database()
    con = sqlite3.connect(path)
    assert _recorded(con) == sorted([*dict(STEPS), 6])
    con.close()
    assert len(list((tmp_path / "backups").glob("迁移前备份-v7-*.db"))) == 1


def _pg_schema(url: str) -> tuple[dict, dict, set]:
    """Columns (type, length, precision, nullable), index definitions and foreign keys of a PostgreSQL
    database."""
    import psycopg

    with psycopg.connect(url) as con:
        columns = {(t, c): (d, n, p, s, nullable) for t, c, d, n, p, s, nullable in con.execute(
            "SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision, numeric_scale, "
            "is_nullable FROM information_schema.columns WHERE table_schema = 'public'")}
        indexes = {name: definition for name, definition in con.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'")}
        keys = set(con.execute(
            "SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text, c.confdeltype "
            "FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey) "
            "WHERE c.contype = 'f'").fetchall())
    return columns, indexes, keys


@pytest.mark.postgres
def test_migrated_schema_matches_the_models_on_postgresql(pg_test_server):
    from peewee import PostgresqlDatabase

    from desktop_app.db.server import database_name, with_database

    migrated = pg_test_server.new_database()  # a copy of the template the steps migrated
    models = with_database(pg_test_server.url, database_name(migrated) + "_models")
    pg_test_server.admin.execute(f'CREATE DATABASE "{database_name(models)}"')
    try:
        plain = PostgresqlDatabase(models, prefer_psycopg3=True)
        db.initialize(plain)
        plain.create_tables(ALL_MODELS)
        plain.close()
        columns_a, indexes_a, keys_a = _pg_schema(migrated)
        columns_b, indexes_b, keys_b = _pg_schema(models)
    finally:
        pg_test_server.drop(models)
        pg_test_server.drop(migrated)
    assert {t for t, _ in columns_a} == {t for t, _ in columns_b}
    assert columns_a == columns_b
    assert indexes_a == indexes_b
    assert keys_b <= keys_a
    assert len(columns_a) > 300 and len(indexes_a) > 100
