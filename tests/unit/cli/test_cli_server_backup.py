"""backup, restore and check from the command line on a PostgreSQL server: a pg_dump file checked in a
scratch database, a restore that refuses a bad dump with exit code 4, `check` saying the connection, the
schema steps and the rows of each table, and no single-copy lock (several windows and commands at once)."""

from __future__ import annotations

import pytest

from desktop_app.cli import main
from desktop_app.db.models import Member
from desktop_app.db.server import database_name
from desktop_app.services.storage.data_folder import close_store, open_store
from desktop_app.single_copy import acquire_lock

pytestmark = pytest.mark.postgres


@pytest.fixture
def office(server_folder, cli_admin):
    """A server folder with one member and the command line's administrator, closed."""
    Member.create(name="阿依古丽·买买提")
    cli_admin()
    close_store()
    yield server_folder
    open_store(server_folder)  # the fixture closes it again


def _names(paths) -> list[str]:
    open_store(paths)
    try:
        return [m.name for m in Member.select().order_by(Member.id)]
    finally:
        close_store()


def test_backup_restore_and_check_on_the_server(office, capsys, tmp_path):
    root = str(office.root)
    assert main(["backup", "--data-dir", root]) == 0
    out = capsys.readouterr()
    dump = next(office.backups.glob("备份-*.dump"))
    assert f"已备份并校验: {dump}" in out.out and "恢复到临时数据库校验" in out.err

    open_store(office)
    Member.create(name="王建国")
    close_store()
    assert main(["restore", "--data-dir", root, str(dump)]) == 0
    out = capsys.readouterr().out
    assert "已从" in out and f"恢复前的数据保留在: {database_name(office.database_url)}_restore_" in out
    assert _names(office) == ["阿依古丽·买买提"]

    assert main(["check", "--data-dir", root]) == 0
    out = capsys.readouterr().out
    assert "数据库服务器：127.0.0.1:" in out and f"数据库 {database_name(office.database_url)}" in out
    assert "PostgreSQL 1" in out and "数据结构版本：" in out and "已执行的步骤 1、2、3" in out
    assert any(line.split() == ["member", "1"] for line in out.splitlines())


def test_backup_to_a_file_named_by_the_user_and_with_database_on_the_command_line(office, tmp_path, capsys):
    url = office.database_url
    office.server_file.unlink()
    elsewhere = tmp_path / "其他文件夹"
    assert main(["backup", "--data-dir", str(elsewhere), "--database", url, "--to", str(tmp_path / "办公室")]) == 0
    assert (tmp_path / "办公室.dump").read_bytes()[:5] == b"PGDMP"
    assert main(["check", "--data-dir", str(elsewhere), "--database", url]) == 0
    assert "数据库服务器：" in capsys.readouterr().out
    office.server_file.write_text(url, encoding="utf-8")


def test_restore_refuses_a_bad_dump_with_exit_code_4(office, tmp_path, capsys):
    bad = tmp_path / "坏的.dump"
    bad.write_bytes(b"PGDMP" + b"\0" * 500)
    assert main(["restore", "--data-dir", str(office.root), str(bad)]) == 4
    err = capsys.readouterr().err
    assert "恢复失败：所选备份文件无法恢复" in err and "数据没有改动" in err
    assert _names(office) == ["阿依古丽·买买提"]


def test_an_encrypted_backup_is_refused_on_the_server(office, capsys, monkeypatch):
    monkeypatch.setenv("YIJING_BACKUP_PASSWORD", "夏普吐勒-2024-备份")
    assert main(["backup", "--data-dir", str(office.root), "--encrypt"]) == 4
    assert "不做加密备份" in capsys.readouterr().err
    assert list(office.backups.glob("*")) == []


def test_no_folder_lock_on_a_server_several_windows_and_commands_at_once(office, tmp_path, capsys):
    sheet = tmp_path / "名单.csv"
    sheet.write_text("姓名,性别\n王建国,男\n", encoding="utf-8")
    lock = acquire_lock(office)  # as a window on this PC holds it for a folder of this PC
    assert lock is not None
    try:
        assert main(["import-roster", str(sheet), "--data-dir", str(office.root)]) == 0
        assert main(["backup", "--data-dir", str(office.root)]) == 0
        assert main(["check", "--data-dir", str(office.root)]) == 0
    finally:
        lock.unlock()
    assert "正在使用这个数据文件夹" not in capsys.readouterr().err
    assert _names(office) == ["阿依古丽·买买提", "王建国"]
