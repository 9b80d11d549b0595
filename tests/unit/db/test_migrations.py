"""The migration chain: step 1's data survives later steps, a backup is taken first, and the migrated
schema matches the peewee models column by column."""

from __future__ import annotations

import sqlite3
import uuid

import pytest
from peewee import SqliteDatabase

from desktop_app.db.database import PRAGMAS, close_database, db, open_database
from desktop_app.db.migrations import LATEST, NewerSchemaError, current_version, migrate
from desktop_app.db.models import ALL_MODELS

# Tables that later steps create: absent at step 1, so neither filled there nor compared.
LATER_TABLES = {"holiday", "audit_archive"}


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


def _step_one_columns() -> dict[str, list[str]]:
    """The columns each table had at step 1 (later steps may add columns; the rows' old values must stay)."""
    from desktop_app.db.migrations import m0001_initial

    con = sqlite3.connect(":memory:")
    for statement in m0001_initial.STATEMENTS:
        con.execute(statement)
    columns = {t: [r[1] for r in con.execute(f'PRAGMA table_info("{t}")')] for t in _tables(con)}
    con.close()
    return columns


def _snapshot(con: sqlite3.Connection) -> dict[str, list[tuple]]:
    columns = _step_one_columns()
    return {t: con.execute(f'SELECT {", ".join(chr(34) + c + chr(34) for c in columns[t])} FROM "{t}" ORDER BY 1')
            .fetchall()
            for t in _tables(con) if t != "schema_version" and t not in LATER_TABLES}


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
    con.close()
    assert all(len(rows) == 3 for rows in before.values())
    assert len(before) == len(ALL_MODELS) - 1 - len(LATER_TABLES)

    database = open_database(path)
    applied = migrate(database, backup_dir=tmp_path / "backups")
    close_database()
    assert applied == list(range(2, LATEST + 1))

    con = sqlite3.connect(path)
    assert _snapshot(con) == before
    assert [r[0] for r in con.execute("SELECT version FROM schema_version ORDER BY 1")] == list(
        range(1, LATEST + 1))
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
