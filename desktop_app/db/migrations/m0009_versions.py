"""Step 9: a version on the records users edit in forms (队员, 队伍, 岗位, 案件, 证书), so that two PCs
saving the same record cannot overwrite each other (issue 19): each save raises `version` by one, a form's
save is refused when the record is no longer at the version the form loaded, and `changed_by` /
`changed_at` say who saved it last and when (the refusal names them). Existing rows start at version 1,
changed by nobody known. Nothing here depends on step 10 (another branch's), which may run before or after.
"""

from ..dialect import ddl

DESCRIPTION = "记录版本（多台电脑同时修改）"

TABLES = ("member", "team", "duty_post", "case", "certificate")

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
