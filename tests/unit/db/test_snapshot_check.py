"""The file check the window runs in the background after start: it reports damage, and it stops at once
when asked (quitting does not wait for a check of a large file)."""

from __future__ import annotations

import sqlite3
import time

import pytest

from desktop_app.db.snapshot import CheckInterrupted, check_file


def _file(tmp_path, rows: int):
    path = tmp_path / "x.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
    con.execute("CREATE INDEX t_v ON t (v)")
    con.executemany("INSERT INTO t (v) VALUES (?)", ((f"value {k:08d}" * 4,) for k in range(rows)))
    con.commit()
    con.close()
    return path


def test_a_sound_file_passes_and_a_stop_ends_the_check_at_once(tmp_path):
    path = _file(tmp_path, 200_000)
    assert check_file(path, quick=True) == []
    assert check_file(path, quick=True, stop=lambda: False) == []
    asked: list[float] = []

    def stop() -> bool:
        asked.append(time.perf_counter())
        return True

    started = time.perf_counter()
    with pytest.raises(CheckInterrupted):
        check_file(path, quick=False, stop=stop)
    assert asked and asked[0] - started < 0.5  # asked while the check was still at its beginning
