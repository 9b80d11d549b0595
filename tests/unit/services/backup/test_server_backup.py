"""Backups of a PostgreSQL server's database with pg_dump and pg_restore: each dump checked by restoring it
into a scratch database and comparing the rows table by table, a restore that refuses what does not restore,
the office's database kept on the server under another name, the password only in the child's environment,
and a clear message when the tools are missing."""

from __future__ import annotations

import subprocess

import pytest

from desktop_app.db.models import Member, Team
from desktop_app.db.server import database_name
from desktop_app.services import backup
from desktop_app.services.backup import restore
from desktop_app.services.backup import server as server_backup
from desktop_app.services.backup.server import ServerBackupError
from desktop_app.services.storage.data_folder import close_store, open_store

pytestmark = pytest.mark.postgres


def _databases(pg_test_server, paths) -> set[str]:
    name = database_name(paths.database_url)
    return {r[0] for r in pg_test_server.admin.execute(
        "SELECT datname FROM pg_database WHERE starts_with(datname, %s)", (name,))}


def _names() -> list[str]:
    return [m.name for m in Member.select().order_by(Member.id)]


def test_a_dump_is_written_checked_against_the_source_and_listed(server_folder, pg_test_server, monkeypatch):
    team = Team.create(name="夏普吐勒一队")
    for name in ("阿依古丽·买买提", "王建国", "努尔买买提·西热甫"):
        Member.create(name=name, team=team)
    checked: list[server_backup.DumpCheck] = []
    real_check = server_backup.check_dump
    monkeypatch.setattr(server_backup, "check_dump", lambda url, dump: checked.append(real_check(url, dump))
                        or checked[-1])

    target = backup.backup_now(server_folder)

    assert target.parent == server_folder.backups and target.name.startswith("备份-") and target.suffix == ".dump"
    assert target.read_bytes()[:5] == b"PGDMP"  # pg_dump's custom format
    assert checked[0].counts["member"] == 3 and checked[0].counts["team"] == 1
    assert checked[0].steps and max(checked[0].steps) == max(n for n, _ in restore.STEPS)
    assert backup.list_backups(server_folder) == [target]
    assert backup.last_backup_at() is not None
    assert _databases(pg_test_server, server_folder) == {database_name(server_folder.database_url)}  # scratch gone
    assert not [p for p in server_folder.backups.iterdir() if p.name.endswith(".part")]


def test_a_dump_whose_copy_holds_other_rows_is_not_kept(server_folder, monkeypatch):
    Member.create(name="王建国")
    monkeypatch.setattr(server_backup, "check_dump",
                        lambda url, dump: server_backup.DumpCheck({"member": 0}, [1]))
    with pytest.raises(ServerBackupError) as refused:
        backup.backup_now(server_folder)
    assert "备份文件校验失败" in refused.value.message and "member" in refused.value.message
    assert list(server_folder.backups.iterdir()) == []


def test_the_password_goes_to_the_tools_in_their_environment_only(server_folder, monkeypatch):
    from desktop_app.services.storage import data_folder

    url = server_folder.database_url
    monkeypatch.setitem(data_folder._passwords, url, "Server-Secret-77")  # as typed in the login dialog
    runs: list[tuple[list[str], dict]] = []
    real_run = subprocess.run

    def run(command, **kwargs):
        runs.append((command, kwargs.get("env") or {}))
        return real_run(command, **kwargs)

    monkeypatch.setattr(server_backup.subprocess, "run", run)
    backup.backup_now(server_folder)
    assert [c[0].rsplit("/", 1)[-1] for c, _env in runs] == ["pg_dump", "pg_restore"]
    for command, env in runs:
        assert not any("Server-Secret-77" in part for part in command)
        assert env["PGPASSWORD"] == "Server-Secret-77"
    assert not any(b"Server-Secret-77" in p.read_bytes() for p in server_folder.root.rglob("*") if p.is_file())


def test_missing_tools_are_named_in_chinese_and_nothing_is_written(server_folder, monkeypatch):
    monkeypatch.setattr(server_backup.shutil, "which", lambda name: None)
    monkeypatch.setattr(server_backup, "glob", lambda pattern: [])
    with pytest.raises(ServerBackupError) as refused:
        backup.backup_now(server_folder)
    assert "找不到 PostgreSQL 的工具 pg_dump" in refused.value.message
    assert "postgresql-client" in refused.value.message
    assert list(server_folder.backups.iterdir()) == []


def test_the_tools_are_found_in_debians_and_windows_folders(monkeypatch):
    monkeypatch.setattr(server_backup.shutil, "which", lambda name: None)
    found = {"/usr/lib/postgresql/9.6/bin/pg_dump", "/usr/lib/postgresql/15/bin/pg_dump",
             "/usr/lib/postgresql/13/bin/pg_dump"}
    monkeypatch.setattr(server_backup, "glob", lambda pattern: sorted(found) if pattern.startswith("/usr/lib") else [])
    assert str(server_backup.find_tool("pg_dump")) == "/usr/lib/postgresql/15/bin/pg_dump"
    monkeypatch.setattr(server_backup.sys, "platform", "win32")
    monkeypatch.setenv("PROGRAMFILES", r"C:\Program Files")
    windows = r"C:\Program Files\PostgreSQL\16\bin\pg_dump.exe"
    monkeypatch.setattr(server_backup, "glob", lambda pattern: [windows] if "PostgreSQL" in pattern else [])
    assert str(server_backup.find_tool("pg_dump")) == windows


def test_restore_puts_the_dump_back_and_keeps_the_database_as_it_was(server_folder, pg_test_server):
    for name in ("阿依古丽·买买提", "王建国"):
        Member.create(name=name)
    dump = backup.backup_now(server_folder)
    Member.delete().where(Member.name == "王建国").execute()
    Member.create(name="艾尔肯·吐尔逊")

    kept = restore.restore_from(server_folder, dump)

    assert _names() == ["阿依古丽·买买提", "王建国"]
    assert isinstance(kept, str) and kept in _databases(pg_test_server, server_folder)
    import psycopg

    from desktop_app.db.server import with_database

    with psycopg.connect(with_database(server_folder.database_url, kept)) as before:
        assert [r[0] for r in before.execute('SELECT name FROM "member" ORDER BY id')] == ["阿依古丽·买买提", "艾尔肯·吐尔逊"]
    assert _databases(pg_test_server, server_folder) == {database_name(server_folder.database_url), kept}
    from desktop_app.db.models import AuditLog

    assert AuditLog.select().where(AuditLog.action == "恢复").count() == 1


@pytest.mark.parametrize("damage", ["truncated", "not a dump", "a SQLite backup"])
def test_restore_refuses_what_does_not_verify_and_changes_nothing(server_folder, pg_test_server, tmp_path, damage):
    Member.create(name="王建国")
    dump = backup.backup_now(server_folder)
    Member.create(name="艾尔肯·吐尔逊")
    bad = tmp_path / ("bad.db" if damage == "a SQLite backup" else "bad.dump")
    if damage == "truncated":
        bad.write_bytes(dump.read_bytes()[: dump.stat().st_size * 2 // 3])
    elif damage == "not a dump":
        bad.write_bytes(b"PGDMP" + b"\0" * 200)
    else:
        bad.write_bytes(b"SQLite format 3\x00" + b"\0" * 4000)
    before = _databases(pg_test_server, server_folder)
    with pytest.raises(restore.RestoreError) as refused:
        restore.restore_from(server_folder, bad)
    assert refused.value.message
    assert _names() == ["王建国", "艾尔肯·吐尔逊"]
    assert _databases(pg_test_server, server_folder) == before


def test_a_dump_of_a_newer_program_is_refused(server_folder, pg_test_server):
    from desktop_app.db.database import db

    db.execute_sql('INSERT INTO schema_version (version, applied_at, description) VALUES (999, now(), %s)', ("x",))
    dump = backup.backup_now(server_folder)
    db.execute_sql('DELETE FROM "schema_version" WHERE "version" = 999')
    with pytest.raises(restore.RestoreError) as refused:
        restore.restore_from(server_folder, dump)
    assert "更新版本" in refused.value.message
    assert _databases(pg_test_server, server_folder) == {database_name(server_folder.database_url)}


def test_the_server_is_left_open_when_the_swap_is_refused(server_folder, pg_test_server, monkeypatch):
    Member.create(name="王建国")
    dump = backup.backup_now(server_folder)
    staged = restore.stage(server_folder, dump)

    def refuse(staged, now=None):
        raise ServerBackupError("数据库账号须是该数据库的所有者")

    monkeypatch.setattr(server_backup, "swap_in_dump", refuse)
    with pytest.raises(ServerBackupError):
        restore.finish_restore(server_folder, staged)
    staged.discard()
    assert _names() == ["王建国"]  # open again on the office's database
    assert _databases(pg_test_server, server_folder) == {database_name(server_folder.database_url)}


@pytest.mark.sqlite_only  # a folder whose data is this PC's file
def test_a_dump_is_refused_on_a_folder_of_this_pc(data_paths, tmp_path):
    dump = tmp_path / "备份-20261202-101500.dump"
    dump.write_bytes(b"PGDMP" + b"\0" * 100)
    with pytest.raises(restore.RestoreError) as refused:
        restore.restore_from(data_paths, dump)
    assert "数据库服务器的备份" in refused.value.message


def test_check_reports_the_connection_the_steps_and_the_rows(server_folder):
    Member.create(name="王建国")
    close_store()
    found = server_backup.server_report(server_folder.database_url)
    open_store(server_folder)
    assert found.host == "127.0.0.1" and found.database == database_name(server_folder.database_url)
    assert found.server_version[:2].isdigit() and found.user
    assert found.counts["member"] == 1 and found.steps == sorted(n for n, _ in restore.STEPS)


def test_a_full_disk_comes_out_as_the_writers_error_and_leaves_nothing(server_folder, small_disk, fill_disk):
    from desktop_app.services.files.writer import FULL, FileWriteError

    if small_disk is None:
        pytest.skip("needs a small file system of its own (root on Linux)")
    Member.create(name="王建国")
    filler = fill_disk(small_disk, leave=4096)
    try:
        with pytest.raises(FileWriteError) as refused:
            backup.backup_now(server_folder, small_disk)
        assert refused.value.kind == FULL
        assert [p.name for p in small_disk.iterdir()] == [filler.name]
    finally:
        filler.unlink()
    assert backup.last_backup_at() is None
