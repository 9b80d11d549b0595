"""The verified writer: a file that exists under its name is complete and checked; a full disk, a vanished
folder, a refused write or a bad read-back leaves nothing new under the name and no temporary file."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import sqlite3

import pytest

from desktop_app.db.models import Member
from desktop_app.services import backup
from desktop_app.services.files import writer
from desktop_app.services.files.writer import (
    DENIED,
    FULL,
    GONE,
    MISMATCH,
    FileWriteError,
    write_verified,
    writing_to,
)

DATA = "（2024）夏派调字第001号 人民调解协议书".encode() * 5000


def names_in(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


class HalfThenFull:
    """A file object on a disk that fills up half-way through the write."""

    def __init__(self, handle):
        self.handle = handle

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.handle.close()

    def write(self, data):
        self.handle.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name):
        return getattr(self.handle, name)


def test_writes_the_bytes_and_says_what_it_wrote(tmp_path):
    target = tmp_path / "协议书.pdf"
    written = write_verified(target, DATA)
    assert target.read_bytes() == DATA
    assert written.path == target and written.size == len(DATA)
    assert written.sha256 == hashlib.sha256(DATA).hexdigest()
    assert names_in(tmp_path) == ["协议书.pdf"]  # no temporary file left


def test_disk_full_mid_write_leaves_nothing(tmp_path, monkeypatch):
    real_fdopen = os.fdopen
    monkeypatch.setattr(writer.os, "fdopen", lambda fd, *a, **k: HalfThenFull(real_fdopen(fd, *a, **k)))
    target = tmp_path / "花名册.xlsx"
    with pytest.raises(FileWriteError) as info:
        write_verified(target, DATA)
    assert info.value.kind == FULL and info.value.errno == errno.ENOSPC
    assert "空间已满" in info.value.message and "花名册.xlsx" in str(info.value)
    assert names_in(tmp_path) == []


def test_a_failed_write_keeps_the_file_that_was_there(tmp_path, monkeypatch):
    target = tmp_path / "值班表.pdf"
    target.write_bytes(b"%PDF-old")
    real_fdopen = os.fdopen
    monkeypatch.setattr(writer.os, "fdopen", lambda fd, *a, **k: HalfThenFull(real_fdopen(fd, *a, **k)))
    with pytest.raises(FileWriteError):
        write_verified(target, DATA)
    assert target.read_bytes() == b"%PDF-old" and names_in(tmp_path) == ["值班表.pdf"]


def test_target_folder_removed(tmp_path):
    folder = tmp_path / "U盘"
    folder.mkdir()
    shutil.rmtree(folder)
    with pytest.raises(FileWriteError) as info:
        write_verified(folder / "导入报告.xlsx", DATA)
    assert info.value.kind == GONE and "U盘已被拔出" in info.value.message
    assert not folder.exists()


def test_drive_pulled_out_while_syncing(tmp_path, monkeypatch):
    real_fsync = os.fsync

    def pulled(fd):
        if os.fstat(fd).st_mode & 0o170000 == 0o100000:
            raise OSError(errno.EIO, "Input/output error")
        return real_fsync(fd)

    monkeypatch.setattr(writer.os, "fsync", pulled)
    with pytest.raises(FileWriteError, match="U盘已被拔出") as info:
        write_verified(tmp_path / "证书.pdf", DATA)
    assert info.value.kind == GONE and names_in(tmp_path) == []


@pytest.mark.parametrize("code", [errno.EACCES, errno.EPERM, errno.EROFS])
def test_no_permission(tmp_path, monkeypatch, code):
    def refuse(*_args, **_kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(writer.os, "open", refuse)
    with pytest.raises(FileWriteError) as info:
        write_verified(tmp_path / "花名册.xlsx", DATA)
    assert info.value.kind == DENIED and "没有写入该位置的权限" in info.value.message
    assert names_in(tmp_path) == []


def test_read_back_mismatch_removes_the_file(tmp_path, monkeypatch):
    monkeypatch.setattr(writer, "sha256_of_file", lambda path: "0" * 64)
    target = tmp_path / "协议书.pdf"
    with pytest.raises(FileWriteError) as info:
        write_verified(target, DATA)
    assert info.value.kind == MISMATCH and "读回的内容与原内容不一致" in info.value.message
    assert names_in(tmp_path) == []


def test_read_back_compares_what_is_on_disk(tmp_path, monkeypatch):
    """What the disk gives back is compared, not what was handed in: a changed byte is caught."""
    real_replace = os.replace

    def replace_and_spoil(source, destination):
        real_replace(source, destination)
        with open(destination, "r+b") as handle:
            handle.write(b"X")

    monkeypatch.setattr(writer.os, "replace", replace_and_spoil)
    with pytest.raises(FileWriteError) as info:
        write_verified(tmp_path / "值班表.xlsx", DATA)
    assert info.value.kind == MISMATCH and names_in(tmp_path) == []


def test_writing_to_hands_out_a_hidden_temporary_name_in_the_same_folder(tmp_path):
    target = tmp_path / "备份.db"
    with writing_to(target) as temp:
        assert temp.parent == tmp_path and temp.name.startswith(".") and temp.name.endswith(".part")
        assert not temp.exists()
        temp.write_bytes(DATA)
    assert target.read_bytes() == DATA and names_in(tmp_path) == ["备份.db"]


def test_writing_to_removes_the_temporary_file_when_the_block_fails(tmp_path):
    target = tmp_path / "备份.db"
    with pytest.raises(RuntimeError), writing_to(target) as temp:
        temp.write_bytes(DATA)
        raise RuntimeError("check failed")
    assert names_in(tmp_path) == []


@pytest.mark.parametrize(("code", "kind"), [
    (errno.ENOSPC, FULL), (errno.EDQUOT, FULL), (errno.EFBIG, FULL),
    (errno.EIO, GONE), (errno.ENOENT, GONE), (errno.ENODEV, GONE), (errno.ENXIO, GONE), (errno.ESTALE, GONE),
    (errno.EACCES, DENIED), (errno.EPERM, DENIED), (errno.EROFS, DENIED),
    (errno.EBUSY, writer.OTHER), (None, writer.OTHER),
])
def test_error_kinds(code, kind):
    assert writer.error_kind(code) == kind


def test_the_three_causes_read_differently():
    messages = {kind: FileWriteError("a.pdf", kind).message for kind in (FULL, GONE, DENIED, MISMATCH)}
    assert len(set(messages.values())) == 4
    assert all(m.startswith("“a.pdf”没有保存") for m in messages.values())


# --- backups use the writer's pieces --------------------------------------------------------------


@pytest.mark.sqlite_only  # SQLite's copy; a server's dump: backup/test_server_backup.py
def test_backup_on_a_full_disk_leaves_no_file(data_paths, monkeypatch):
    Member.create(name="阿依古丽·买买提")

    def full(_source, dest):
        dest.write_bytes(b"SQLite format 3\x00")  # part of the copy was written
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = 13
        raise error

    monkeypatch.setattr(backup, "write_copy", full)
    before = names_in(data_paths.backups)
    with pytest.raises(FileWriteError) as info:
        backup.backup_now(data_paths)
    assert info.value.kind == FULL
    assert names_in(data_paths.backups) == before
    assert backup.last_backup_at() is None


@pytest.mark.sqlite_only  # SQLite's copy; a server's dump: backup/test_server_backup.py
def test_backup_that_fails_its_check_is_not_kept(data_paths, monkeypatch):
    Member.create(name="阿依古丽·买买提")

    def damaged(source, dest):
        writer.remove_quietly(dest)
        dest.write_bytes(b"x")
        return ["*** in database main ***"]

    monkeypatch.setattr(backup, "write_copy", damaged)
    target = data_paths.root / "外部备份.db"
    with pytest.raises(backup.BackupCheckFailed):
        backup.backup_now(data_paths, target)
    assert not target.exists() and not [p for p in data_paths.root.iterdir() if p.name.endswith(".part")]


@pytest.mark.sqlite_only  # a copy of the SQLite file
def test_backup_is_read_back_under_its_final_name(data_paths, monkeypatch):
    Member.create(name="阿依古丽·买买提")
    read = []
    real = writer.sha256_of_file
    monkeypatch.setattr(writer, "sha256_of_file", lambda path: read.append(path.name) or real(path))
    target = backup.backup_now(data_paths)
    assert read[-1] == target.name and read[0] != target.name  # the temporary file, then the final one
    assert not [p for p in data_paths.backups.iterdir() if p.name.endswith(".part")]
