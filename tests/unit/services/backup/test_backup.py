"""Backups are consistent copies that pass integrity_check; restore brings the content back."""

from __future__ import annotations

import sqlite3

import pytest

from desktop_app.db.models import AuditLog, Member
from desktop_app.services import backup
from desktop_app.services.backup import restore
from desktop_app.services.storage.data_folder import DamagedDatabaseError, close_store, open_store

pytestmark = pytest.mark.sqlite_only  # the SQLite file copied, checked and put back


def _names(path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT name FROM member ORDER BY id")]
    finally:
        con.close()


def test_backup_is_verified_recorded_and_rotated(data_paths):
    Member.create(name="阿依古丽·买买提")
    target = backup.backup_now(data_paths)
    assert target.parent == data_paths.backups
    assert _names(target) == ["阿依古丽·买买提"]
    assert backup.last_backup_at() is not None
    assert AuditLog.select().where(AuditLog.action == "备份").count() == 1
    for i in range(5):
        (data_paths.backups / f"备份-2020010{i}-000000.db").write_bytes(target.read_bytes())
    removed = backup.rotate(data_paths.backups, keep=3)
    assert len(removed) == 3 and target.exists()


def test_restore_replaces_content_and_keeps_a_safety_copy(data_paths):
    Member.create(name="艾尔肯·吐尔逊")
    saved = backup.backup_now(data_paths)
    Member.create(name="王建国")
    safety = restore.restore_from(data_paths, saved)
    assert [m.name for m in Member.select()] == ["艾尔肯·吐尔逊"]
    assert _names(safety) == ["艾尔肯·吐尔逊", "王建国"]


def test_restore_refuses_a_damaged_or_foreign_file(data_paths, tmp_path):
    Member.create(name="叶尔兰·努尔兰")
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with pytest.raises(restore.RestoreError):
        restore.restore_from(data_paths, broken)
    foreign = tmp_path / "other.db"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(restore.RestoreError):
        restore.restore_from(data_paths, foreign)
    assert [m.name for m in Member.select()] == ["叶尔兰·努尔兰"]


def test_damaged_file_is_detected_at_start_and_replaced_by_the_newest_good_backup(data_paths):
    Member.create(name="古丽娜尔·艾山")
    good = backup.backup_now(data_paths)
    close_store()
    raw = bytearray(data_paths.database.read_bytes())
    for wal in ("-wal", "-shm"):
        data_paths.database.with_name(data_paths.database.name + wal).unlink(missing_ok=True)
    page = 4096
    raw[page * 2: page * 2 + 200] = b"\xff" * 200  # scribble over a b-tree page
    data_paths.database.write_bytes(bytes(raw))
    with pytest.raises(DamagedDatabaseError):
        open_store(data_paths)
    assert restore.newest_good_backup(data_paths) == good
    kept = restore.replace_damaged_database(data_paths, good)
    assert kept.exists()
    open_store(data_paths)
    assert [m.name for m in Member.select()] == ["古丽娜尔·艾山"]


def test_restore_refuses_a_backup_with_a_step_this_program_does_not_have(data_paths, tmp_path, monkeypatch):
    from desktop_app.db.migrations import STEPS

    Member.create(name="艾尔肯·吐尔逊")
    saved = backup.backup_now(data_paths, tmp_path / "newer.db")
    # a program without step 4 (only 1, 2, 3 and 5: steps merged from parallel branches) gets a backup that has it
    monkeypatch.setattr(restore, "STEPS", [(n, step) for n, step in STEPS if n != 4])
    Member.create(name="王建国")
    with pytest.raises(restore.RestoreError, match="更新版本"):
        restore.restore_from(data_paths, saved)
    assert [m.name for m in Member.select()] == ["艾尔肯·吐尔逊", "王建国"]
