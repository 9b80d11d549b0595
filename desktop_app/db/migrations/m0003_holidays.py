"""Step 3: the holiday table, seeded with the State Council's arrangements `chinesecalendar` knows
(2004 to its last year), all confirmed. Later years are entered from each November's notice."""

from __future__ import annotations

import uuid
from datetime import datetime

from ...domain.holiday_seed import seed_rows
from ..dialect import ddl, is_postgres, sql

DESCRIPTION = "节假日表"

STATEMENTS = [
    'CREATE TABLE "holiday" ("id" INTEGER NOT NULL PRIMARY KEY, "uuid" VARCHAR(32) NOT NULL, "created_at" DATETIME '
    'NOT NULL, "updated_at" DATETIME NOT NULL, "date" DATE NOT NULL, "kind" VARCHAR(2) NOT NULL, "name" VARCHAR(40) '
    'NOT NULL, "layer" VARCHAR(10) NOT NULL, "year" INTEGER NOT NULL, "source" VARCHAR(100) NOT NULL, "confirmed" '
    'INTEGER NOT NULL)',
    'CREATE UNIQUE INDEX "holiday_uuid" ON "holiday" ("uuid")',
    'CREATE UNIQUE INDEX "holiday_date_layer" ON "holiday" ("date", "layer")',
    'CREATE INDEX "holiday_year_layer" ON "holiday" ("year", "layer")',
]


def up(database) -> None:
    for statement in STATEMENTS:
        database.execute_sql(ddl(statement, database))
    now = datetime.now().isoformat(sep=" ")
    confirmed = True if is_postgres(database) else 1
    database.cursor().executemany(sql(
        'INSERT INTO "holiday" ("uuid", "created_at", "updated_at", "date", "kind", "name", "layer", "year", '
        '"source", "confirmed") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', database),
        [(uuid.uuid4().hex, now, now, row.date.isoformat(), row.kind, row.name, row.layer, row.year, row.source,
          confirmed) for row in seed_rows()])
