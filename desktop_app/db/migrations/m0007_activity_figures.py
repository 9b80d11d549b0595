"""Step 7: the work records' figures that had no column yet (帮助群众办理事项, 寻回走失人员, 发现安全隐患,
普法宣传覆盖群众; domain/activity_figures.py), and indexes for the 首页 (expiring insurance and
qualifications), the reports and the points ledger."""

from ..dialect import ddl

DESCRIPTION = "工作记录成效指标与积分索引"

STATEMENTS = [
    'ALTER TABLE "activity" ADD COLUMN "matters_handled" INTEGER NOT NULL DEFAULT 0',
    'ALTER TABLE "activity" ADD COLUMN "people_found" INTEGER NOT NULL DEFAULT 0',
    'ALTER TABLE "activity" ADD COLUMN "hazards_found" INTEGER NOT NULL DEFAULT 0',
    'ALTER TABLE "activity" ADD COLUMN "publicity_reach" INTEGER NOT NULL DEFAULT 0',
    'CREATE INDEX "activity_kind_date" ON "activity" ("kind", "date")',
    'CREATE INDEX "point_entry_date" ON "point_entry" ("date")',
    'CREATE INDEX "training_date" ON "training" ("date")',
    'CREATE INDEX "member_insurance_expires_on" ON "member" ("insurance_expires_on")',
    'CREATE INDEX "qualification_member_id_skill_expires_on" ON "qualification" ("member_id", "skill", "expires_on")',
    'CREATE INDEX "qualification_expires_on" ON "qualification" ("expires_on")',
]


def up(database) -> None:
    for statement in STATEMENTS:
        database.execute_sql(ddl(statement, database))
