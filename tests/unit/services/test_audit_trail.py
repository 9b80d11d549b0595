"""The audit trail is append-only in the program and in the database (even for a raw SQLite connection, or
a raw client of the PostgreSQL server);
entries past the retention period leave only through an archive, which is logged itself; the viewer's
questions are the administrator's."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook

from desktop_app.db.database import db
from desktop_app.db.models import AuditArchive, AuditLog, AuditLogImmutable
from desktop_app.domain.vocabulary import ADMIN, CLERK, VIEWER
from desktop_app.services import audit
from desktop_app.services.accounts.roles import PermissionDenied

TODAY = date(2026, 3, 2)


import psycopg  # noqa: E402

RAW_ERRORS = (sqlite3.DatabaseError, psycopg.Error)


def raw(data_paths):
    """A connection of another program, each statement committed at once."""
    if data_paths.database_url:
        return psycopg.connect(data_paths.database_url, autocommit=True)
    return sqlite3.connect(data_paths.database, isolation_level=None)


def old_entries(n: int, days_ago: int) -> None:
    at = datetime.combine(TODAY, datetime.min.time()) - timedelta(days=days_ago)
    for i in range(n):
        AuditLog.create(at=at + timedelta(minutes=i), username="admin", action="修改", table_name="member",
                        summary=f"旧记录{i}")


def test_the_program_cannot_change_or_delete_an_entry(data_paths):
    entry = audit.record("新增", "member", "ab" * 16, "新增队员")
    entry.summary = "改过"
    with pytest.raises(AuditLogImmutable):
        entry.save()
    with pytest.raises(AuditLogImmutable):
        entry.delete_instance()
    with pytest.raises(AuditLogImmutable):
        AuditLog.update(summary="x")
    with pytest.raises(AuditLogImmutable):
        AuditLog.delete()
    assert AuditLog.get_by_id(entry.id).summary == "新增队员"


def test_the_database_refuses_update_and_delete_from_a_raw_connection(data_paths):
    audit.record("新增", "member", "", "新增队员")
    old_entries(2, days_ago=4000)  # past any retention, but not archived
    con = raw(data_paths)
    for statement in ('UPDATE "audit_log" SET "summary" = \'x\'', 'UPDATE "audit_log" SET "at" = \'2000-01-01\'',
                      'DELETE FROM "audit_log"', 'DELETE FROM "audit_log" WHERE "summary" LIKE \'旧记录%\''):
        with pytest.raises(RAW_ERRORS, match="操作日志"):
            con.execute(statement)
    if data_paths.database_url:  # TRUNCATE skips row triggers on PostgreSQL: it is refused by one of its own
        with pytest.raises(RAW_ERRORS, match="操作日志"):
            con.execute('TRUNCATE "audit_log"')
    assert con.execute('SELECT COUNT(*) FROM "audit_log"').fetchone()[0] == 3
    con.close()


def test_a_recent_entry_cannot_be_deleted_even_under_an_archive_row(data_paths):
    audit.record("新增", "member", "", "新增队员")
    con = raw(data_paths)
    con.execute('INSERT INTO "audit_archive" ("uuid", "created_at", "updated_at", "archived_at", "cutoff", '
                '"entries", "file_name", "sha256", "username") VALUES (\'x\', \'2026-01-01\', \'2026-01-01\', '
                '\'2026-01-01\', \'2999-01-01\', 0, \'\', \'\', \'\')')
    with pytest.raises(RAW_ERRORS, match="操作日志"):
        con.execute('DELETE FROM "audit_log"')
    with pytest.raises(RAW_ERRORS, match="归档记录"):
        con.execute('DELETE FROM "audit_archive"')
    with pytest.raises(RAW_ERRORS, match="归档记录"):
        con.execute('UPDATE "audit_archive" SET "entries" = 5')
    assert con.execute('SELECT COUNT(*) FROM "audit_log"').fetchone()[0] == 1
    con.close()


def test_old_entries_are_archived_to_a_file_then_removed_and_the_archiving_is_logged(data_paths, tmp_path):
    old_entries(3, days_ago=4 * 365)
    old_entries(2, days_ago=30)
    assert audit.retention_months() == 36
    assert audit.archivable_count(TODAY) == 3
    out = tmp_path / "操作日志归档.xlsx"
    result = audit.archive_old_entries(out, today=TODAY)
    assert result.entries == 3 and out.exists()
    cells = [c.value for row in load_workbook(out).active.iter_rows() for c in row]
    assert {"旧记录0", "旧记录1", "旧记录2"} <= set(cells) and "时间" in cells
    remaining = [a.summary for a in AuditLog.select().order_by(AuditLog.id)]
    assert remaining[:2] == ["旧记录0", "旧记录1"] and remaining[-1].startswith("归档") and len(remaining) == 3
    archive = AuditArchive.get()
    assert archive.entries == 3 and archive.file_name == out.name and archive.username == "admin"
    assert AuditLog.get(AuditLog.action == "归档").record_uuid == archive.uuid


def test_a_file_that_cannot_be_written_removes_nothing(data_paths, tmp_path):
    old_entries(2, days_ago=4 * 365)
    with pytest.raises(OSError):
        audit.archive_old_entries(tmp_path / "missing" / "x.xlsx", today=TODAY)
    assert AuditLog.select().count() == 2 and not AuditArchive.select().exists()


def test_retention_is_never_under_six_months(data_paths):
    with pytest.raises(audit.RetentionRefused, match="至少保留6个月"):
        audit.set_retention_months(5)
    audit.set_retention_months(6)
    assert audit.retention_months() == 6
    assert audit.archive_cutoff(TODAY) == datetime(2025, 9, 2)


def test_the_viewer_filters_and_is_the_administrators(data_paths, acting):
    with acting(CLERK, "xiaowang"):
        audit.record("新增", "member", "a" * 32, "新增队员")
        audit.record("导出", "member", "", "导出花名册 3 人（已脱敏）")
    audit.record("修改", "member", "a" * 32, "修改队员信息")
    assert [e.action for e in audit.search(audit.AuditFilter(username="xiaowang"))] == ["导出", "新增"]
    assert [e.username for e in audit.search(audit.AuditFilter(record_uuid="A" * 32))] == ["admin", "xiaowang"]
    assert audit.count(audit.AuditFilter(action="导出")) == 1
    assert audit.search(audit.AuditFilter(date_from=date.today() + timedelta(days=1))) == []
    assert len(audit.search(audit.AuditFilter(date_from=date.today(), date_to=date.today()))) == 3
    users, actions = audit.filter_choices()
    assert users == ["admin", "xiaowang"] and set(actions) == {"新增", "导出", "修改"}
    for role in (CLERK, VIEWER):
        with acting(role), pytest.raises(PermissionDenied):
            audit.search()
        with acting(role), pytest.raises(PermissionDenied):
            audit.archive_old_entries(data_paths.root / "x.xlsx")
    with acting(ADMIN):
        assert audit.count() == 3


def test_summaries_never_keep_an_id_or_phone_number(data_paths):
    entry = audit.record("修改", "member", "", "备注里写了 138 1234 5678 和 11010519491231002X")
    assert "138****5678" in entry.summary and "110105********002X" in entry.summary
    assert db.execute_sql("SELECT summary FROM audit_log").fetchone()[0] == entry.summary
