"""backup, restore and check from the command line (for scheduled tasks): clear messages and exit codes,
nothing half-written on a full target, and the single-copy lock respected."""

from __future__ import annotations

import errno
import shutil
import sqlite3

import pytest

from desktop_app.cli import main
from desktop_app.config import DataPaths
from desktop_app.db.models import Member
from desktop_app.services.storage.data_folder import close_store, open_store
from desktop_app.single_copy import acquire_lock

pytestmark = pytest.mark.sqlite_only  # the SQLite file backed up, restored and refused

PASSWORD = "夏普吐勒-2024-备份"


def _names(path) -> list[str]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT name FROM member ORDER BY id")]
    finally:
        con.close()


@pytest.fixture
def folder(data_paths, cli_admin) -> DataPaths:
    """A data folder with one member, closed (as a scheduled task finds it)."""
    from desktop_app.services.backup.password import set_backup_password

    Member.create(name="阿依古丽·买买提")
    set_backup_password(PASSWORD, acting_user="admin")
    cli_admin()
    close_store()
    return data_paths


def test_backup_to_a_folder_and_encrypted(folder, tmp_path, capsys, monkeypatch):
    target = tmp_path / "U盘"
    target.mkdir()
    assert main(["backup", "--data-dir", str(folder.root), "--to", str(target)]) == 0
    made = list(target.glob("备份-*.db"))
    assert len(made) == 1 and _names(made[0]) == ["阿依古丽·买买提"]
    monkeypatch.setenv("YIJING_BACKUP_PASSWORD", PASSWORD)
    assert main(["backup", "--data-dir", str(folder.root), "--to", str(target), "--encrypt"]) == 0
    assert len(list(target.glob("义警数据备份-*.7z"))) == 1
    assert "已加密备份并校验" in capsys.readouterr().out


def test_encrypted_backup_without_a_password_says_how_to_give_one(folder, capsys, monkeypatch):
    monkeypatch.delenv("YIJING_BACKUP_PASSWORD", raising=False)
    assert main(["backup", "--data-dir", str(folder.root), "--encrypt"]) == 2
    assert "YIJING_BACKUP_PASSWORD" in capsys.readouterr().err


def test_backup_to_a_full_target_leaves_nothing_and_says_so(folder, tmp_path, small_disk, fill_disk,
                                                             monkeypatch, capsys):
    if small_disk is None:
        from desktop_app.services import backup

        target = tmp_path / "full"
        target.mkdir()

        def full(*_args, **_kwargs):
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(backup, "write_copy", full)
    else:
        target = small_disk
        fill_disk(small_disk, leave=64 * 1024)
    before = {p.name for p in target.iterdir()}
    code = main(["backup", "--data-dir", str(folder.root), "--to", str(target / "备份.db")])
    assert code == 4
    err = capsys.readouterr().err
    assert "空间已满" in err and "Traceback" not in err
    assert {p.name for p in target.iterdir()} == before


def test_restore_from_the_command_line_also_from_a_damaged_file(folder, tmp_path, capsys, monkeypatch):
    assert main(["backup", "--data-dir", str(folder.root), "--to", str(tmp_path / "good.db")]) == 0
    monkeypatch.setenv("YIJING_BACKUP_PASSWORD", PASSWORD)
    assert main(["backup", "--data-dir", str(folder.root), "--to", str(tmp_path / "good.7z"), "--encrypt"]) == 0
    raw = bytearray(folder.database.read_bytes())
    raw[:100] = b"\x00" * 100  # the header: not a database any more
    folder.database.write_bytes(bytes(raw))
    assert main(["check", "--data-dir", str(folder.root)]) == 10
    assert main(["restore", "--data-dir", str(folder.root), str(tmp_path / "good.db")]) == 0
    out = capsys.readouterr().out
    assert "恢复前的数据保留在" in out
    assert _names(folder.database) == ["阿依古丽·买买提"]
    kept = list(folder.backups.glob("恢复前备份-*.db"))
    assert len(kept) == 1 and kept[0].read_bytes()[:100] == b"\x00" * 100
    assert main(["restore", "--data-dir", str(folder.root), str(tmp_path / "good.7z")]) == 0
    assert main(["check", "--data-dir", str(folder.root), "--full"]) == 0


def test_restore_refuses_a_bad_backup_with_exit_code_and_no_change(folder, tmp_path, capsys):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 4000)
    before = folder.database.read_bytes()
    assert main(["restore", "--data-dir", str(folder.root), str(bad)]) == 4
    assert "数据没有改动" in capsys.readouterr().err
    assert folder.database.read_bytes() == before


def test_commands_that_write_refuse_while_the_window_holds_the_folder(folder, tmp_path, capsys):
    sheet = tmp_path / "名单.csv"
    sheet.write_text("姓名,性别\n王建国,男\n", encoding="utf-8")
    lock = acquire_lock(folder)
    assert lock is not None
    try:
        for argv in (["backup"], ["restore", str(tmp_path / "x.db")], ["import-roster", str(sheet)],
                     ["demo-data"]):
            assert main([*argv, "--data-dir", str(folder.root)]) == 15
            assert "正在使用这个数据文件夹" in capsys.readouterr().err
        assert main(["check", "--data-dir", str(folder.root)]) == 0  # reading alongside is fine
    finally:
        lock.unlock()
    assert _names(folder.database) == ["阿依古丽·买买提"]
    assert main(["import-roster", str(sheet), "--data-dir", str(folder.root)]) == 0


def test_demo_data_on_a_folder_with_data_refuses_without_a_traceback(folder, capsys):
    assert main(["demo-data", "--data-dir", str(folder.root)]) == 2
    err = capsys.readouterr().err
    assert "已有数据" in err and "Traceback" not in err
    assert _names(folder.database) == ["阿依古丽·买买提"]


def test_import_report_on_a_full_disk_leaves_no_empty_report(folder, tmp_path, small_disk, fill_disk,
                                                              monkeypatch, capsys):
    sheet = tmp_path / "名单.csv"
    sheet.write_text("姓名,性别\n王建国,男\n", encoding="utf-8")
    if small_disk is None:
        import os

        real_write = os.write

        def full(fd, data):
            if len(data) > 1000:
                raise OSError(errno.ENOSPC, "No space left on device")
            return real_write(fd, data)

        monkeypatch.setattr(os, "write", full)
        report = tmp_path / "结果.xlsx"
    else:
        report = small_disk / "结果.xlsx"
        fill_disk(small_disk)
    code = main(["import-roster", str(sheet), "--data-dir", str(folder.root), "--report", str(report)])
    assert code == 2 and not report.exists()
    assert "空间已满" in capsys.readouterr().err


def test_a_data_folder_that_cannot_be_opened_gives_its_own_exit_code(tmp_path, capsys, monkeypatch):
    from desktop_app.services.storage import data_folder

    (tmp_path / "media").mkdir()
    monkeypatch.setattr(data_folder, "REMOVABLE_MOUNT_PARENTS", [tmp_path / "media"])
    gone = tmp_path / "media" / "U盘" / "yijing"
    assert main(["export-roster", "--data-dir", str(gone), "--out", str(tmp_path / "x.xlsx")]) == 14
    assert "拔出" in capsys.readouterr().err and not (tmp_path / "media" / "U盘").exists()
    newer = DataPaths(tmp_path / "newer")
    open_store(newer)
    from desktop_app.db.database import db
    from desktop_app.db.migrations import LATEST

    db.execute_sql("INSERT INTO schema_version VALUES (?, '2099-01-01', 'future')", (LATEST + 1,))
    close_store()
    assert main(["backup", "--data-dir", str(newer.root)]) == 11
    assert "更新版本" in capsys.readouterr().err
    shutil.rmtree(newer.root)
