"""The office's side of a data package: a consistent copy of its file with what the county must not get
left out — accounts and password hashes (`user`), the audit trail, secrets among the settings — and the
rows that change by themselves (the package counter, the last-backup times), so that a package made after
nothing changed brings the county nothing new ("无变化").

The copy is SQLite's online backup of the open file (one consistent moment, the WAL included), checked with
`PRAGMA integrity_check`, then trimmed and vacuumed; `record_counts` says how many rows each table holds.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ...db.database import db
from ...db.snapshot import TAKEN_AT_KEY, write_copy
from ...domain.i18n import QT_TRANSLATE_NOOP, Message

PACKAGE_SERIES = "数据包"  # services/numbering.py: the office's package sequence, never reused
# never leave the office: its operators, its audit trail (it stays the office's record of who did what)
LEFT_OUT_TABLES = ("user", "audit_log", "audit_archive")
LEFT_OUT_SETTINGS = ("backup_password_hash", "accounts.demo_password", TAKEN_AT_KEY, "last_backup_at",
                     "last_automatic_backup_at")
# the county's own tables: an office's are empty, and a county never packs its own data as an office
COUNTY_TABLES = ("county_office", "package_import")
NOT_COUNTED = ("schema_version", *LEFT_OUT_TABLES, *COUNTY_TABLES)


class SnapshotError(RuntimeError):
    """The copy of the office's file failed its check; nothing was written."""


def record_counts(con: sqlite3.Connection) -> dict[str, int]:
    tables = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {t: con.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables if t not in NOT_COUNTED}


def write_snapshot(dest: Path) -> dict[str, int]:
    """Write the trimmed copy of the open office file to the new file `dest`; the record counts."""
    problems = write_copy(db.connection(), dest)
    if problems:
        dest.unlink(missing_ok=True)
        raise SnapshotError(Message(QT_TRANSLATE_NOOP("Messages", "数据快照校验失败: {problems}"),
                                    problems="; ".join(problems[:3])))
    con = sqlite3.connect(dest)
    try:
        triggers = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'")]
        with con:
            for name in triggers:  # the audit trail's append-only triggers: this copy's audit is emptied
                con.execute(f'DROP TRIGGER "{name}"')
            for table in (*LEFT_OUT_TABLES, *COUNTY_TABLES):
                con.execute(f'DELETE FROM "{table}"')
            con.execute(f'DELETE FROM "setting" WHERE "key" IN ({",".join("?" * len(LEFT_OUT_SETTINGS))})',
                        LEFT_OUT_SETTINGS)
            con.execute('DELETE FROM "counter" WHERE "name" = ?', (PACKAGE_SERIES,))
        con.execute("VACUUM")
        return record_counts(con)
    finally:
        con.close()
