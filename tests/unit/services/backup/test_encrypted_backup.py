"""Backups that leave the PC are encrypted: AES-256 .7z with encrypted headers that 7-Zip opens with the
password; the password is kept only as a scrypt hash; restoring asks for it."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess

import py7zr
import pytest
from py7zr.exceptions import PasswordRequired

from desktop_app.db.models import Member, Setting
from desktop_app.services import backup
from desktop_app.services.backup import restore
from desktop_app.services.backup.password import (
    BackupPasswordError,
    check_backup_password,
    has_backup_password,
    set_backup_password,
)
from desktop_app.services.storage.data_folder import close_store, open_store

pytestmark = pytest.mark.sqlite_only  # a copy of the SQLite file in a 7z archive

PASSWORD = "夏普吐勒-2024-备份"
ID_NUMBER = "11010519491231002X"


def _names(path) -> list[str]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT name FROM member ORDER BY id")]
    finally:
        con.close()


@pytest.fixture
def stick(tmp_path):
    folder = tmp_path / "KINGSTON"
    folder.mkdir()
    return folder


@pytest.fixture
def with_password(data_paths):
    set_backup_password(PASSWORD, acting_user="admin")


def test_the_password_is_kept_only_as_a_scrypt_hash(data_paths):
    assert not has_backup_password()
    with pytest.raises(BackupPasswordError, match="至少8位"):
        set_backup_password("short")
    set_backup_password(PASSWORD, acting_user="admin")
    assert check_backup_password(PASSWORD) and not check_backup_password("wrong password")
    stored = Setting.get(Setting.key == "backup_password_hash").value
    assert "scrypt$" in stored and PASSWORD not in stored
    close_store()
    raw = b"".join(p.read_bytes() for p in data_paths.root.glob("yijing.db*"))
    assert PASSWORD.encode() not in raw
    open_store(data_paths)
    with pytest.raises(BackupPasswordError, match="原备份密码不对"):
        set_backup_password("another-password-1", current="not it")


def test_an_encrypted_backup_hides_names_and_id_numbers_and_round_trips(data_paths, with_password, stick):
    Member.create(name="阿依古丽·买买提", id_number=ID_NUMBER)
    made = backup.backup_now(data_paths, stick, password=PASSWORD)
    assert made.parent == stick and made.suffix == ".7z"
    raw = made.read_bytes()
    assert ID_NUMBER.encode() not in raw and "阿依古丽".encode() not in raw and b"yijing.db" not in raw
    with pytest.raises(PasswordRequired), py7zr.SevenZipFile(made, "r") as archive:
        archive.getnames()  # headers are encrypted: not even the file list without the password
    with py7zr.SevenZipFile(made, "r", password=PASSWORD) as archive:
        archive.extractall(stick / "out")
    assert _names(stick / "out" / "yijing.db") == ["阿依古丽·买买提"]
    assert not [p for p in data_paths.backups.iterdir() if p.name.startswith(".")]  # plain copy removed


def test_7z_opens_the_backup_with_the_password(data_paths, with_password, stick):
    if shutil.which("7z") is None:
        pytest.skip("7z (Debian's p7zip-full) is not installed: the py7zr round trip above still ran")
    Member.create(name="王建国")
    made = backup.backup_now(data_paths, stick, password=PASSWORD)
    result = subprocess.run(["7z", "x", f"-p{PASSWORD}", f"-o{stick / 'x'}", str(made)], capture_output=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout.decode(errors="replace")
    assert _names(stick / "x" / "yijing.db") == ["王建国"]
    wrong = subprocess.run(["7z", "x", "-pwrong", f"-o{stick / 'y'}", str(made)], capture_output=True,
                           timeout=120, stdin=subprocess.DEVNULL)
    assert wrong.returncode != 0


def test_a_wrong_password_writes_nothing(data_paths, with_password, stick):
    with pytest.raises(BackupPasswordError, match="备份密码不对"):
        backup.backup_now(data_paths, stick, password="not the password")
    assert list(stick.iterdir()) == []


def test_restoring_an_encrypted_backup_asks_for_the_password(data_paths, with_password, stick):
    Member.create(name="艾尔肯·吐尔逊")
    made = backup.backup_now(data_paths, stick, password=PASSWORD)
    Member.create(name="王建国")
    with pytest.raises(restore.RestoreError, match="请输入备份密码"):
        restore.restore_from(data_paths, made)
    with pytest.raises(restore.RestoreError, match="密码不对"):
        restore.restore_from(data_paths, made, "wrong password")
    assert [m.name for m in Member.select()] == ["艾尔肯·吐尔逊", "王建国"]
    kept = restore.restore_from(data_paths, made, PASSWORD)
    assert [m.name for m in Member.select()] == ["艾尔肯·吐尔逊"]
    assert _names(kept) == ["艾尔肯·吐尔逊", "王建国"]
