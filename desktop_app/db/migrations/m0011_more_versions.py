"""Step 11: the version of step 9 on the remaining records edited in forms (issue 19): a case's 当事人,
调解记录, 调查记录 and 回访记录, the 工作记录 (activity), the certificate templates, the 调委会 (mediating
bodies) and the 单位信息 (office settings). As in step 9 each save raises `version` by one and a form's save
over a newer version is refused naming `changed_by` and `changed_at`; existing rows start at version 1,
changed by nobody known. Leaves and trainings are only added and deleted, never edited in a form: no
version. Independent of steps 12 and 13 (other branches'), which may run before or after."""

from ..dialect import ddl

DESCRIPTION = "记录版本（当事人、调解记录、工作记录、证书模板、调委会、单位信息）"

TABLES = ("party", "mediation_session", "investigation", "follow_up", "activity", "certificate_template",
          "mediating_body", "office_settings")

STATEMENTS = [
    statement
    for table in TABLES
    for statement in (
        f'ALTER TABLE "{table}" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1',
        f'ALTER TABLE "{table}" ADD COLUMN "changed_by" VARCHAR(50) NOT NULL DEFAULT \'\'',
        f'ALTER TABLE "{table}" ADD COLUMN "changed_at" DATETIME',
    )
]


def up(database) -> None:
    for statement in STATEMENTS:
        database.execute_sql(ddl(statement, database))
