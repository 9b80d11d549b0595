"""Step 10: the folder's identity among a county's offices (issue 20) and the county's own tables.

Every record already carries its own uuid (step 1) and lives in its office's file. The office's file now
knows which office it is: `office_settings.office_uuid` (filled here for a folder set up before, so every
existing record belongs to that office), an optional 机构代码 and the folder's mode (office or county).
A county keeps each office's records in a copy file of their own (services/county/copies.py), so record
ids of two offices never meet in one table; its own file gets the offices it accepts packages from and the
log of the packages read. Nothing here depends on step 9 (another branch's), which may run before or after.
"""

from ..dialect import ddl, is_postgres

DESCRIPTION = "单位标识与县局数据包"

UUID_FILL = 'UPDATE "office_settings" SET "office_uuid" = lower(hex(randomblob(16))) WHERE "office_uuid" = \'\''
POSTGRES_UUID_FILL = (
    'UPDATE "office_settings" SET "office_uuid" = replace(gen_random_uuid()::text, \'-\', \'\') '
    'WHERE "office_uuid" = \'\''
)

STATEMENTS = [
    'ALTER TABLE "office_settings" ADD COLUMN "office_uuid" VARCHAR(32) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "office_settings" ADD COLUMN "org_code" VARCHAR(18) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "office_settings" ADD COLUMN "mode" VARCHAR(6) NOT NULL DEFAULT \'office\'',
    UUID_FILL,
    'CREATE TABLE "county_office" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(32) NOT NULL, '
    '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "office_uuid" VARCHAR(32) NOT NULL, '
    '"name" VARCHAR(100) NOT NULL, "org_code" VARCHAR(18) NOT NULL, "verify_key" VARCHAR(64) NOT NULL, '
    '"fingerprint" VARCHAR(40) NOT NULL, "registered_by" VARCHAR(50) NOT NULL, "last_sequence" INTEGER NOT NULL, '
    '"last_created_at" DATETIME, "last_imported_at" DATETIME)',
    'CREATE UNIQUE INDEX "county_office_uuid" ON "county_office" ("uuid")',
    'CREATE UNIQUE INDEX "county_office_office_uuid" ON "county_office" ("office_uuid")',
    'CREATE TABLE "package_import" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(32) NOT NULL, '
    '"created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "at" DATETIME NOT NULL, '
    '"office_uuid" VARCHAR(32) NOT NULL, "office_name" VARCHAR(100) NOT NULL, "sequence" INTEGER NOT NULL, '
    '"package_created_at" DATETIME, "outcome" VARCHAR(10) NOT NULL, "added" INTEGER NOT NULL, '
    '"changed" INTEGER NOT NULL, "removed" INTEGER NOT NULL, "reason" TEXT NOT NULL, '
    '"file_name" VARCHAR(200) NOT NULL, "file_sha256" VARCHAR(64) NOT NULL, "username" VARCHAR(50) NOT NULL)',
    'CREATE UNIQUE INDEX "package_import_uuid" ON "package_import" ("uuid")',
    'CREATE INDEX "package_import_at" ON "package_import" ("at")',
]


def up(database) -> None:
    postgres = is_postgres(database)
    for statement in STATEMENTS:
        if postgres and statement is UUID_FILL:
            statement = POSTGRES_UUID_FILL
        database.execute_sql(ddl(statement, database))
