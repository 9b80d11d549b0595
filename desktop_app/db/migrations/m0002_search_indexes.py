"""Step 2: indexes for the roster search, the duty grid, the case register and the reports."""

from ..dialect import ddl

DESCRIPTION = "查询索引"

STATEMENTS = [
    'CREATE INDEX "audit_log_at" ON "audit_log" ("at")',
    'CREATE INDEX "member_name" ON "member" ("name")',
    'CREATE INDEX "member_team_id_status" ON "member" ("team_id", "status")',
    'CREATE INDEX "member_pinyin_initials" ON "member" ("pinyin_initials")',
    'CREATE INDEX "shift_date_post_id" ON "shift" ("date", "post_id")',
    'CREATE INDEX "assignment_member_id_status" ON "assignment" ("member_id", "status")',
    'CREATE INDEX "activity_date" ON "activity" ("date")',
    'CREATE INDEX "case_received_at" ON "case" ("received_at")',
    'CREATE INDEX "case_status_deadline" ON "case" ("status", "deadline")',
    'CREATE INDEX "party_name" ON "party" ("name")',
]


def up(database) -> None:
    for statement in STATEMENTS:
        database.execute_sql(ddl(statement, database))
