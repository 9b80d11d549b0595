"""Step 8: indexes that hold each member's attendance and participation hours, so the hours of every member
up to a day (the stars in the 工作简报 and the rankings) are read from the indexes alone, without visiting a
million assignment rows; and indexes for the 首页's counts (the roster's active members and insurance, the
人民调解 cases awaiting 司法确认 or a 调委会) so that none of them reads whole tables."""

from ..dialect import ddl

DESCRIPTION = "队员服务时长与首页统计索引"

STATEMENTS = [
    'CREATE INDEX "assignment_member_id_status_shift_id_hours" ON "assignment" '
    '("member_id", "status", "shift_id", "hours")',
    'CREATE INDEX "activity_participant_member_id_activity_id_hours" ON "activity_participant" '
    '("member_id", "activity_id", "hours")',
    'CREATE INDEX "member_deleted_at_status_insurance_expires_on" ON "member" '
    '("deleted_at", "status", "insurance_expires_on")',
    'CREATE INDEX "case_kind_agreement_date" ON "case" ("kind", "agreement_date")',
    'CREATE INDEX "case_kind_body_id_deleted_at" ON "case" ("kind", "body_id", "deleted_at")',
]


def up(database) -> None:
    for statement in STATEMENTS:
        database.execute_sql(ddl(statement, database))
