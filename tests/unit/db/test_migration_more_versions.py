"""Step 11: the versions of step 9 on the remaining edited records (当事人, 调解记录, 调查记录, 回访记录, 工作记录,
证书模板, 调委会, 单位信息), with the rows already there at version 1, changed by nobody known."""

from __future__ import annotations

import sqlite3

from desktop_app.db.database import close_database, open_database
from desktop_app.db.migrations import migrate
from desktop_app.db.migrations.m0011_more_versions import TABLES


def _columns(con: sqlite3.Connection, table: str) -> dict[str, tuple]:
    return {r[1]: (r[2], r[3], r[4]) for r in con.execute(f'PRAGMA table_info("{table}")')}


def test_step_eleven_adds_the_versions_and_the_rows_there_start_at_one(tmp_path):
    path = tmp_path / "old.db"
    database = open_database(path)
    migrate(database, target=10)
    database.execute_sql("INSERT INTO mediating_body (uuid, created_at, updated_at, name, number_prefix, is_default, "
                         "active) VALUES ('b1', '2024-01-01', '2024-01-01', '夏普吐勒镇人民调解委员会', '夏人调', 1, 1)")
    assert [n for n in migrate(database, backup_dir=tmp_path / "backups") if n <= 11] == [11]
    close_database()
    con = sqlite3.connect(path)
    for table in TABLES:
        columns = _columns(con, table)
        assert columns["version"] == ("INTEGER", 1, "1"), table
        assert columns["changed_by"][:2] == ("VARCHAR(50)", 1), table
        assert columns["changed_at"] == ("DATETIME", 0, None), table
    assert con.execute("SELECT version, changed_by, changed_at FROM mediating_body").fetchall() == [(1, "", None)]
    con.close()
