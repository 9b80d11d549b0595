"""Step 8: indexes that hold each member's attendance and participation hours, so the hours of every member
up to a day (the stars in the 工作简报 and the rankings) are read from the indexes alone, without visiting a
million assignment rows."""

DESCRIPTION = "队员服务时长索引"

STATEMENTS = [
    'CREATE INDEX "assignment_member_id_status_shift_id_hours" ON "assignment" '
    '("member_id", "status", "shift_id", "hours")',
    'CREATE INDEX "activity_participant_member_id_activity_id_hours" ON "activity_participant" '
    '("member_id", "activity_id", "hours")',
]


def up(database) -> None:
    for statement in STATEMENTS:
        database.execute_sql(statement)
