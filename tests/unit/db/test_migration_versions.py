"""Step 9: the versions of the edited records, on a folder that had step 10 before it (the county branch
merged first) as on one that gets both, with the rows already there at version 1."""

from __future__ import annotations

import sqlite3

from desktop_app.db import migrations
from desktop_app.db.database import close_database, open_database
from desktop_app.db.migrations import migrate

VERSIONED = ("member", "team", "duty_post", "case", "certificate")


def _columns(con: sqlite3.Connection, table: str) -> dict[str, tuple]:
    return {r[1]: (r[2], r[3], r[4]) for r in con.execute(f'PRAGMA table_info("{table}")')}


def test_step_nine_runs_after_ten_on_a_folder_that_had_ten_first(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    database = open_database(path)
    without_nine = [(n, step) for n, step in migrations.STEPS if n != 9]
    monkeypatch.setattr(migrations, "STEPS", without_nine)
    assert 10 in migrate(database)
    database.execute_sql("INSERT INTO team (uuid, created_at, updated_at, name, station, service_area, notes) "
                         "VALUES ('t1', '2024-01-01', '2024-01-01', '一队', '', '', '')")
    monkeypatch.setattr(migrations, "STEPS", sorted([*without_nine, (9, migrations.m0009_versions)]))
    assert migrate(database, backup_dir=tmp_path / "backups") == [9]
    assert migrate(database) == []
    close_database()
    con = sqlite3.connect(path)
    for table in VERSIONED:
        columns = _columns(con, table)
        assert columns["version"] == ("INTEGER", 1, "1"), table
        assert columns["changed_by"][:2] == ("VARCHAR(50)", 1), table
        assert columns["changed_at"] == ("DATETIME", 0, None), table
    assert con.execute("SELECT version, changed_by, changed_at FROM team").fetchall() == [(1, "", None)]
    assert {9, 10} <= {r[0] for r in con.execute("SELECT version FROM schema_version")}
    con.close()


def test_a_new_folder_gets_nine_before_ten(tmp_path):
    order: list[int] = []
    migrate(open_database(tmp_path / "new.db"), on_step=lambda number, _text: order.append(number))
    close_database()
    assert order.index(9) + 1 == order.index(10)
