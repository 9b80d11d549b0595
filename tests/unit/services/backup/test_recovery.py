"""Recovery that never hides data: errors told apart, replacements written beside and verified before the
swap, restore from a damaged file, the newest good backup by its recorded time, kept copies never
covered by a new empty office, leftover .part files cleaned, rotation and the automatic backup."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from datetime import datetime, timedelta

import peewee
import pytest

from desktop_app.config import DataPaths
from desktop_app.db.models import Member
from desktop_app.services import backup
from desktop_app.services.backup import restore
from desktop_app.services.files.writer import FileWriteError
from desktop_app.services.storage import data_folder
from desktop_app.services.storage.data_folder import (
    DamagedDatabaseError,
    DatabaseLockedError,
    DataMissingError,
    DiskFullError,
    FolderGoneError,
    NewerDatabaseError,
    NoPermissionError,
    close_store,
    open_store,
)

pytestmark = pytest.mark.sqlite_only  # a damaged, missing or locked SQLite file

PAGE = 4096


def _names(path) -> list[str]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT name FROM member ORDER BY id")]
    finally:
        con.close()


def _damage_a_page(paths: DataPaths) -> bytes:
    """Scribble over a b-tree page of the closed database; returns the damaged bytes."""
    for side in ("-wal", "-shm"):
        paths.database.with_name(paths.database.name + side).unlink(missing_ok=True)
    raw = bytearray(paths.database.read_bytes())
    raw[PAGE * 2: PAGE * 2 + 200] = b"\xff" * 200
    paths.database.write_bytes(bytes(raw))
    return bytes(raw)


def _sqlite_error(message: str, code: int) -> peewee.OperationalError:
    inner = sqlite3.OperationalError(message)
    inner.sqlite_errorcode = code
    return peewee.OperationalError(inner)


# --- errors told apart --------------------------------------------------------------------------------


def test_full_disk_at_opening_is_a_full_disk_and_nothing_is_moved(data_paths, small_disk, fill_disk,
                                                                    monkeypatch):
    """The issue's first scenario: opening on a full disk was reported as damage, and the repair that
    followed left a 0-byte yijing.db. Now: a full disk, said so, and the file untouched."""
    Member.create(name="古丽娜尔·艾山")
    close_store()
    if small_disk is None:  # no tmpfs here: SQLite's error on a full disk, as it comes
        paths = data_paths
        monkeypatch.setattr(data_folder, "open_database",
                            lambda path: (_ for _ in ()).throw(_sqlite_error("disk I/O error", 4874)))
        monkeypatch.setattr(shutil, "disk_usage", lambda p: shutil._ntuple_diskusage(1 << 30, 1 << 30, 0))
    else:
        paths = DataPaths(small_disk / "data")
        shutil.copytree(data_paths.root, paths.root)
        fill_disk(small_disk)
    before = paths.database.read_bytes()
    with pytest.raises(DiskFullError) as caught:
        open_store(paths, check=False)
    assert "磁盘已满" in caught.value.message and caught.value.exit_code == 12
    assert paths.database.read_bytes() == before
    assert not list(paths.root.glob("yijing.db.损坏-*"))


@pytest.mark.parametrize(("code", "expected"), [
    (13, DiskFullError), (8, NoPermissionError), (3, NoPermissionError), (5, DatabaseLockedError),
    (6, DatabaseLockedError), (11, DamagedDatabaseError), (26, DamagedDatabaseError)])
def test_each_sqlite_error_at_opening_has_its_own_kind(data_paths, monkeypatch, code, expected):
    close_store()
    monkeypatch.setattr(data_folder, "open_database",
                        lambda path: (_ for _ in ()).throw(_sqlite_error("error", code)))
    with pytest.raises(expected) as caught:
        open_store(data_paths)
    assert str(data_paths.root) in caught.value.message
    codes = {DiskFullError: 12, NoPermissionError: 13, DatabaseLockedError: 15, DamagedDatabaseError: 10}
    assert caught.value.exit_code == codes[expected]


def test_permission_denied_by_the_os_is_no_permission(data_paths, monkeypatch):
    close_store()
    monkeypatch.setattr(data_folder, "open_database",
                        lambda path: (_ for _ in ()).throw(PermissionError(errno.EACCES, "denied")))
    with pytest.raises(NoPermissionError, match="没有读写数据文件夹的权限"):
        open_store(data_paths)


def test_a_folder_on_a_removed_drive_is_not_created_again_elsewhere(tmp_path, monkeypatch):
    (tmp_path / "media" / "user").mkdir(parents=True)
    monkeypatch.setattr(data_folder, "REMOVABLE_MOUNT_PARENTS", [tmp_path / "media"])
    paths = DataPaths(tmp_path / "media" / "user" / "KINGSTON" / "yijing")
    with pytest.raises(FolderGoneError, match="U盘") as caught:
        open_store(paths)
    assert caught.value.exit_code == 14
    assert not (tmp_path / "media" / "user" / "KINGSTON").exists()
    nested = DataPaths(tmp_path / "文档" / "义警" / "data")  # an ordinary new folder is made, parents too
    open_store(nested)
    close_store()
    assert nested.database.exists()


def test_a_file_from_a_newer_program_is_refused_unchanged(data_paths):
    from desktop_app.db.database import db
    from desktop_app.db.migrations import LATEST

    db.execute_sql("INSERT INTO schema_version VALUES (?, '2099-01-01', 'future')", (LATEST + 1,))
    close_store()
    before = data_paths.database.read_bytes()
    with pytest.raises(NewerDatabaseError, match="更新版本的程序") as caught:
        open_store(data_paths)
    assert caught.value.exit_code == 11 and data_paths.database.read_bytes() == before


def test_a_file_that_is_not_a_database_is_damaged(data_paths):
    close_store()
    data_paths.database.write_bytes(b"this is not sqlite" * 300)
    with pytest.raises(DamagedDatabaseError):
        open_store(data_paths)


# --- never open kept data as a new office ------------------------------------------------------------


def test_an_empty_data_file_beside_a_kept_copy_is_not_opened_as_a_new_office(data_paths):
    Member.create(name="王建国")
    close_store()
    kept = data_paths.database.with_name("yijing.db.损坏-20240413-101500")
    data_paths.database.rename(kept)
    data_paths.database.write_bytes(b"")
    with pytest.raises(DataMissingError) as caught:
        open_store(data_paths)
    assert kept in caught.value.found and caught.value.exit_code == 16
    assert "不会把它当作一个新单位打开" in caught.value.message
    assert data_paths.database.stat().st_size == 0
    assert restore.newest_good_backup(data_paths) == kept


def test_a_missing_data_file_beside_backups_is_not_opened_as_a_new_office(data_paths):
    Member.create(name="王建国")
    made = backup.backup_now(data_paths)
    close_store()
    data_paths.database.unlink()
    with pytest.raises(DataMissingError) as caught:
        open_store(data_paths)
    assert made in caught.value.found and not data_paths.database.exists()
    restore.replace_damaged_database(data_paths, restore.newest_good_backup(data_paths))
    open_store(data_paths)
    assert [m.name for m in Member.select()] == ["王建国"]


def test_a_new_folder_opens_as_a_new_office(tmp_path):
    paths = DataPaths(tmp_path / "new")
    open_store(paths)
    close_store()
    assert paths.database.stat().st_size > 0


# --- replacing a damaged file, restoring from a damaged state -----------------------------------------


def test_replacing_on_a_full_disk_moves_nothing_aside(data_paths, small_disk, fill_disk, monkeypatch):
    """The old repair renamed the good file first, then failed to copy: an empty yijing.db."""
    Member.create(name="艾尔肯·吐尔逊")
    good = backup.backup_now(data_paths)
    close_store()
    if small_disk is None:
        paths = data_paths

        def full(*_args, **_kwargs):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(shutil, "copyfile", full)
    else:
        paths = DataPaths(small_disk / "data")
        shutil.copytree(data_paths.root, paths.root)
        good = paths.backups / good.name
        fill_disk(small_disk)
    before = paths.database.read_bytes()
    with pytest.raises(FileWriteError) as caught:
        restore.replace_damaged_database(paths, good)
    assert "空间已满" in caught.value.message
    assert paths.database.read_bytes() == before
    assert not list(paths.root.glob("yijing.db.损坏-*"))
    assert not [p for p in paths.root.iterdir() if p.name.endswith(".part")]


def test_restore_works_from_a_page_damaged_file_and_keeps_it_byte_for_byte(data_paths):
    Member.create(name="古丽娜尔·艾山")
    good = backup.backup_now(data_paths)
    Member.create(name="王建国")
    close_store()
    damaged = _damage_a_page(data_paths)
    open_store(data_paths, check=False)  # the window opens first and checks in the background
    kept = restore.restore_from(data_paths, good)
    assert kept is not None and kept.read_bytes() == damaged
    assert [m.name for m in Member.select()] == ["古丽娜尔·艾山"]
    from desktop_app.db.database import integrity_problems

    assert integrity_problems() == []


def test_the_damaged_file_replaced_at_start_is_kept_beside_it(data_paths):
    Member.create(name="叶尔兰·努尔兰")
    good = backup.backup_now(data_paths)
    close_store()
    damaged = _damage_a_page(data_paths)
    with pytest.raises(DamagedDatabaseError):
        open_store(data_paths)
    kept = restore.replace_damaged_database(data_paths, good)
    assert kept.name.startswith("yijing.db.损坏-") and kept.read_bytes() == damaged
    open_store(data_paths)
    assert [m.name for m in Member.select()] == ["叶尔兰·努尔兰"]


def test_a_bad_backup_leaves_the_data_as_it_was(data_paths, tmp_path):
    Member.create(name="王建国")
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    with pytest.raises(restore.RestoreError):
        restore.restore_from(data_paths, broken)
    assert [m.name for m in Member.select()] == ["王建国"]
    assert not [p for p in data_paths.root.iterdir() if p.name.endswith(".part")]


def test_newest_good_backup_is_chosen_by_recorded_time_not_by_name(data_paths):
    Member.create(name="旧数据")
    old = backup.backup_now(data_paths, now=datetime(2024, 3, 1, 9, 0))
    misleading = data_paths.backups / "迁移前备份-v1-20240301-090000.db"
    old.rename(misleading)
    Member.create(name="新数据")
    today = backup.backup_now(data_paths)
    future_named = data_paths.backups / "备份-20991231-235959.db"
    shutil.copyfile(misleading, future_named)
    os.utime(future_named, (0, 0))
    broken = data_paths.backups / "备份-20990101-000000.db"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 5000)
    os.utime(broken, None)
    assert restore.newest_good_backup(data_paths) == today
    assert backup.list_backups(data_paths)[0] in (broken, today)


# --- leftovers, rotation, the automatic backup -------------------------------------------------------


def test_leftover_part_files_are_cleaned_at_start(data_paths):
    close_store()
    dead = data_paths.backups / ".备份-20240413-101500.db.99999999-abcd1234.part"
    migration = data_paths.backups / "迁移前备份-v1-20240413-101500.db.part"
    alive = data_paths.root / f".yijing.db.{os.getppid()}-abcd1234.part"
    for path in (dead, migration, alive):
        path.write_bytes(b"")
    open_store(data_paths)
    assert not dead.exists() and not migration.exists() and alive.exists()


def test_rotation_keeps_seven_daily_four_weekly_and_twelve_monthly(data_paths):
    from desktop_app.db.snapshot import record_taken_at

    start = datetime(2024, 1, 1, 18, 0)
    made = backup.write_backup(data_paths.backups / "模板.db", start)
    for day in range(400):
        when = start + timedelta(days=day, hours=day % 3)
        copy = data_paths.backups / backup.backup_file_name(when)
        shutil.copyfile(made, copy)
        con = sqlite3.connect(copy)
        con.execute("PRAGMA synchronous=OFF")
        record_taken_at(con, when)
        con.close()
    made.unlink()
    backup.rotate(data_paths.backups)
    kept = sorted(backup.backup_time(p).taken_at for p in data_paths.backups.glob("备份-*.db"))
    newest = start + timedelta(days=399, hours=399 % 3)
    assert kept[-1] == newest
    days = {t.date() for t in kept}
    assert {(newest - timedelta(days=n)).date() for n in range(7)} <= days
    assert len({t.isocalendar()[:2] for t in kept}) >= 4
    assert len({(t.year, t.month) for t in kept}) == 12
    assert len(kept) <= 7 + 4 + 12


def test_automatic_backup_on_exit_at_most_once_a_day(data_paths):
    morning = datetime(2024, 4, 13, 9, 0)
    first = backup.auto_backup_if_due(data_paths, now=morning)
    assert first is not None and _names(first) == []
    assert backup.auto_backup_if_due(data_paths, now=morning + timedelta(hours=8)) is None
    assert backup.auto_backup_if_due(data_paths, now=morning + timedelta(days=1)) is not None
    assert backup.last_backup_at() == morning + timedelta(days=1)


def test_a_backup_is_one_file_with_what_is_still_in_the_wal(data_paths, tmp_path):
    """Copying yijing.db alone after a crash lost 3 of 74 members still in the WAL; a backup has them."""
    from desktop_app.db.database import db

    db.execute_sql("PRAGMA wal_autocheckpoint=0")
    for n in range(74):
        Member.create(name=f"队员{chr(0x4e00 + n)}")
    wal = data_paths.database.with_name("yijing.db-wal")
    assert wal.stat().st_size > 0
    alone = tmp_path / "alone.db"
    shutil.copyfile(data_paths.database, alone)
    assert len(_names(alone)) < 74  # what copying "the one file" by hand gives
    made = backup.backup_now(data_paths, tmp_path / "backup.db")
    assert not made.with_name(made.name + "-wal").exists()
    assert len(_names(made)) == 74
