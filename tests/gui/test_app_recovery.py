"""Start-up when the data cannot simply be opened: a full disk is said as such and nothing is moved; a
missing data file beside kept copies is offered back, never replaced by a new empty office."""

from __future__ import annotations

import shutil
import sqlite3

from desktop_app import app as app_module
from desktop_app.config import DataPaths
from desktop_app.db.models import Member
from desktop_app.services import backup
from desktop_app.services.storage.data_folder import close_store


def _names(path) -> list[str]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT name FROM member ORDER BY id")]
    finally:
        con.close()


def test_full_disk_at_start_is_said_and_the_data_stays_in_place(qtbot, data_paths, office, small_disk,
                                                               fill_disk, messages, monkeypatch):
    Member.create(name="古丽娜尔·艾山")
    backup.backup_now(data_paths)
    close_store()
    if small_disk is None:
        import peewee

        from desktop_app.services.storage import data_folder

        inner = sqlite3.OperationalError("database or disk is full")
        inner.sqlite_errorcode = 13
        monkeypatch.setattr(data_folder, "open_database", lambda path: (_ for _ in ()).throw(
            peewee.OperationalError(inner)))
        paths, filler = data_paths, None
    else:
        paths = DataPaths(small_disk / "data")
        shutil.copytree(data_paths.root, paths.root)
        filler = fill_disk(small_disk)
    code = app_module._open_or_repair(paths, None)
    assert code == 12
    kinds = [kind for kind, _text in messages]
    assert kinds == ["critical"] and "磁盘已满" in messages[0][1]
    if filler is not None:
        filler.unlink()  # room again: the file reads as it was
    assert _names(paths.database) == ["古丽娜尔·艾山"]
    assert not list(paths.root.glob("yijing.db.损坏-*"))


def test_missing_data_beside_kept_copies_is_offered_back(qtbot, data_paths, office, messages):
    Member.create(name="艾尔肯·吐尔逊")
    close_store()
    kept = data_paths.database.with_name("yijing.db.损坏-20240413-101500")
    data_paths.database.rename(kept)  # what the old repair left behind on a full disk: the good file
    data_paths.database.write_bytes(b"")
    assert app_module._open_or_repair(data_paths, None) is None
    assert messages[0][0] == "question" and "yijing.db.损坏-20240413-101500" in messages[0][1]
    assert [m.name for m in Member.select()] == ["艾尔肯·吐尔逊"]
    assert kept.exists()


def test_exit_backup_failure_is_said_and_the_program_still_closes(qtbot, data_paths, monkeypatch, messages):
    from desktop_app.services.files.writer import FULL, FileWriteError

    def full(*_a, **_k):
        raise FileWriteError(data_paths.backups / "备份.db", FULL)

    monkeypatch.setattr(backup, "backup_now", full)
    assert app_module.backup_on_exit(data_paths) is None
    assert messages[0][0] == "warning" and "空间已满" in messages[0][1]
