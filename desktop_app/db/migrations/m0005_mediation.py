"""Step 5: dispute mediation as the law and the 2010 司法部 formats require.

- `mediating_body`: the 人民调解委员会 (name, seal, number prefix) a 人民调解 case belongs to;
- `investigation`: the 调查记录 of a case;
- new columns of `case` (the 调委会, 申请事项, consent to continue past one month, 司法确认, the 治安调解
  案由, 情节, consent, 伤情鉴定/价值认定, 其他在场人员, the 卷宗's 立卷人/日期/保管期限), of `mediation_session`
  (已告知当事人权利义务) and of `follow_up` (回访事由, 采取的措施).

Existing cases keep their numbers exactly as given. The 调委会 table is new, so no existing 人民调解 case can
belong to one yet: they stay unassigned (the case form says so) until the office registers its 调委会 and
assigns them (services/cases/bodies.py `assign_unassigned`). The counters of the old shared series "case"
are carried over to the series of the office's prefix ("case:夏派调"), which 治安调解 continues.
"""

from __future__ import annotations

from ..dialect import ddl, is_postgres

DESCRIPTION = "调解组织、调查记录与调解卷宗"

STATEMENTS = [
    'CREATE TABLE "mediating_body" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(32) NOT NULL, "created_at" '
    'DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "name" VARCHAR(100) NOT NULL, "number_prefix" VARCHAR(20) '
    'NOT NULL, "seal_image" BLOB, "is_default" INTEGER NOT NULL, "active" INTEGER NOT NULL)',
    'CREATE UNIQUE INDEX "mediating_body_uuid" ON "mediating_body" ("uuid")',
    'CREATE UNIQUE INDEX "mediating_body_name" ON "mediating_body" ("name")',
    'CREATE TABLE "investigation" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(32) NOT NULL, "created_at" '
    'DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, "case_id" INTEGER NOT NULL, "held_at" DATETIME NOT NULL, '
    '"place" VARCHAR(200) NOT NULL, "subject" VARCHAR(200) NOT NULL, "investigators" VARCHAR(200) NOT NULL, '
    '"recorder" VARCHAR(50) NOT NULL, "present" TEXT NOT NULL, "record" TEXT NOT NULL, FOREIGN KEY ("case_id") '
    'REFERENCES "case" ("id") ON DELETE CASCADE)',
    'CREATE UNIQUE INDEX "investigation_uuid" ON "investigation" ("uuid")',
    'CREATE INDEX "investigation_case_id" ON "investigation" ("case_id")',
    'ALTER TABLE "case" ADD COLUMN "body_id" INTEGER REFERENCES "mediating_body" ("id") ON DELETE SET NULL',
    'CREATE INDEX "case_body_id" ON "case" ("body_id")',
    *(f'ALTER TABLE "case" ADD COLUMN {column}' for column in (
        '"requests" TEXT NOT NULL DEFAULT \'\'',
        '"extension_agreed_on" DATE',
        '"extended_deadline" DATE',
        '"confirmation_applied_on" DATE',
        '"confirmation_court" VARCHAR(100) NOT NULL DEFAULT \'\'',
        '"confirmation_result" VARCHAR(10) NOT NULL DEFAULT \'\'',
        '"offence" VARCHAR(20) NOT NULL DEFAULT \'\'',
        '"circumstances" TEXT NOT NULL DEFAULT \'\'',
        '"parties_consent" INTEGER NOT NULL DEFAULT 0',
        '"appraisal" VARCHAR(20) NOT NULL DEFAULT \'\'',
        '"appraisal_issued_on" DATE',
        '"others_present" TEXT NOT NULL DEFAULT \'\'',
        '"filed_by" VARCHAR(50) NOT NULL DEFAULT \'\'',
        '"filed_on" DATE',
        '"retention" VARCHAR(10) NOT NULL DEFAULT \'\'',
    )),
    'ALTER TABLE "mediation_session" ADD COLUMN "rights_notified" INTEGER NOT NULL DEFAULT 0',
    'ALTER TABLE "follow_up" ADD COLUMN "reason" VARCHAR(200) NOT NULL DEFAULT \'\'',
    'ALTER TABLE "follow_up" ADD COLUMN "measures" TEXT NOT NULL DEFAULT \'\'',
]

OLD_SERIES = "case"


def up(database) -> None:
    for statement in STATEMENTS:
        database.execute_sql(ddl(statement, database))
    row = database.execute_sql('SELECT "case_prefix" FROM "office_settings" ORDER BY "id" LIMIT 1').fetchone()
    prefix = (row[0] or "").strip().removesuffix("字") if row else ""
    if prefix and is_postgres(database):
        database.execute_sql(
            'INSERT INTO "counter" ("uuid", "created_at", "updated_at", "name", "year", "value") '
            'SELECT md5(random()::text || clock_timestamp()::text), "created_at", "updated_at", %s, "year", "value" '
            'FROM "counter" WHERE "name" = %s ON CONFLICT DO NOTHING', (f"{OLD_SERIES}:{prefix}", OLD_SERIES))
    elif prefix:
        database.execute_sql(
            'INSERT OR IGNORE INTO "counter" ("uuid", "created_at", "updated_at", "name", "year", "value") '
            'SELECT lower(hex(randomblob(16))), "created_at", "updated_at", ?, "year", "value" FROM "counter" '
            'WHERE "name" = ?', (f"{OLD_SERIES}:{prefix}", OLD_SERIES))
