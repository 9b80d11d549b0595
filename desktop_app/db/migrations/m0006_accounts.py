"""Step 6: accounts, an append-only audit trail, and personal data kept to its purpose.

- `user`: wrong passwords in a row and when (each further try waits longer), the last login;
- `member`: the member's consent to the processing of their data (date, how given), and when their
  personal data was anonymised after they left;
- `audit_archive`: each archiving of audit entries past the retention period;
- triggers: the database itself refuses to change an audit entry, or to delete one that is younger than
  six months or not covered by an archive (so a raw SQLite connection cannot empty the trail either);
  archive rows cannot be changed or deleted at all.

A later step that rebuilds `audit_log` must drop these triggers first and create them again after.

On PostgreSQL the same refusals are plpgsql trigger functions (`POSTGRES_TRIGGERS`), raised as integrity
violations like SQLite's; TRUNCATE, which skips row triggers there, is refused too.
"""

from __future__ import annotations

from ..dialect import ddl, is_postgres

DESCRIPTION = "操作员账号、只能追加的操作日志与个人信息的同意和匿名化"

MINIMUM_RETENTION = "-6 months"

STATEMENTS = [
    'ALTER TABLE "user" ADD COLUMN "failed_logins" INTEGER NOT NULL DEFAULT 0',
    'ALTER TABLE "user" ADD COLUMN "last_failed_at" DATETIME',
    'ALTER TABLE "user" ADD COLUMN "last_login_at" DATETIME',
    'ALTER TABLE "member" ADD COLUMN "consent_on" DATE',
    'ALTER TABLE "member" ADD COLUMN "consent_way" VARCHAR(20) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "member" ADD COLUMN "anonymised_at" DATETIME',
    'CREATE TABLE "audit_archive" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(32) NOT NULL, "created_at" '
    'DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "archived_at" DATETIME NOT NULL, "cutoff" DATETIME NOT '
    'NULL, "entries" INTEGER NOT NULL, "file_name" VARCHAR(200) NOT NULL, "sha256" VARCHAR(64) NOT NULL, '
    '"username" VARCHAR(50) NOT NULL)',
    'CREATE UNIQUE INDEX "audit_archive_uuid" ON "audit_archive" ("uuid")',
    'CREATE TRIGGER "audit_log_append_only_update" BEFORE UPDATE ON "audit_log" '
    "BEGIN SELECT RAISE(ABORT, '操作日志只能追加，不能修改'); END",
    'CREATE TRIGGER "audit_log_append_only_delete" BEFORE DELETE ON "audit_log" '
    f"WHEN OLD.\"at\" >= datetime('now', 'localtime', '{MINIMUM_RETENTION}') "
    'OR OLD."at" >= COALESCE((SELECT MAX("cutoff") FROM "audit_archive"), \'\') '
    "BEGIN SELECT RAISE(ABORT, '操作日志不能删除：只有超过保留期限并已归档的记录才能移出'); END",
    'CREATE TRIGGER "audit_archive_append_only_update" BEFORE UPDATE ON "audit_archive" '
    "BEGIN SELECT RAISE(ABORT, '操作日志的归档记录不能修改'); END",
    'CREATE TRIGGER "audit_archive_append_only_delete" BEFORE DELETE ON "audit_archive" '
    "BEGIN SELECT RAISE(ABORT, '操作日志的归档记录不能删除'); END",
]


_REFUSE = ("CREATE FUNCTION \"{name}\"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {body} END $$")


def _refusal(message: str) -> str:
    return f"RAISE EXCEPTION '{message}' USING ERRCODE = 'integrity_constraint_violation';"


POSTGRES_TRIGGERS = [
    _REFUSE.format(name="audit_log_refuse_change", body=_refusal("操作日志只能追加，不能修改")),
    _REFUSE.format(name="audit_log_refuse_delete", body=(
        "IF OLD.\"at\" >= LOCALTIMESTAMP - INTERVAL '6 months' OR OLD.\"at\" >= COALESCE("
        "(SELECT MAX(\"cutoff\") FROM \"audit_archive\"), '-infinity'::timestamp) THEN "
        + _refusal("操作日志不能删除：只有超过保留期限并已归档的记录才能移出") + " END IF; RETURN OLD;")),
    _REFUSE.format(name="audit_archive_refuse_change", body=_refusal("操作日志的归档记录不能修改")),
    _REFUSE.format(name="audit_archive_refuse_delete", body=_refusal("操作日志的归档记录不能删除")),
    'CREATE TRIGGER "audit_log_append_only_update" BEFORE UPDATE ON "audit_log" FOR EACH ROW '
    'EXECUTE FUNCTION "audit_log_refuse_change"()',
    'CREATE TRIGGER "audit_log_append_only_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT '
    'EXECUTE FUNCTION "audit_log_refuse_change"()',
    'CREATE TRIGGER "audit_log_append_only_delete" BEFORE DELETE ON "audit_log" FOR EACH ROW '
    'EXECUTE FUNCTION "audit_log_refuse_delete"()',
    'CREATE TRIGGER "audit_archive_append_only_update" BEFORE UPDATE OR TRUNCATE ON "audit_archive" '
    'FOR EACH STATEMENT EXECUTE FUNCTION "audit_archive_refuse_change"()',
    'CREATE TRIGGER "audit_archive_append_only_delete" BEFORE DELETE ON "audit_archive" FOR EACH ROW '
    'EXECUTE FUNCTION "audit_archive_refuse_delete"()',
]


def up(database) -> None:
    postgres = is_postgres(database)
    for statement in STATEMENTS:
        if postgres and statement.startswith("CREATE TRIGGER"):
            continue
        database.execute_sql(ddl(statement, database))
    if postgres:
        for statement in POSTGRES_TRIGGERS:
            database.execute_sql(statement)
