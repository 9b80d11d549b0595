"""Step 5 on a file that already holds cases: every number stays as it was, the 人民调解 cases wait for a
调委会 (no guess is made), the old shared counter carries on in the office's series, and the next numbers
never repeat an old one."""

from __future__ import annotations

import sqlite3
from datetime import date

from desktop_app.config import DataPaths
from desktop_app.db.database import close_database, open_database
from desktop_app.db.migrations import migrate
from desktop_app.db.models import Case, Counter
from desktop_app.services.storage.data_folder import close_store, open_store

ROW = ('INSERT INTO "case" ("uuid", "created_at", "updated_at", "number", "year", "sequence", "kind", "category", '
       '"source", "received_at", "place", "summary", "facts", "responsibilities", "status", "outcome", '
       '"agreement_terms", "performance_way", "performance_place", "copies", "oral_agreement", '
       '"mediating_authority", "host_officer", "incident_place", "incident_cause", "incident_course", '
       '"incident_result") VALUES (?, \'2024-03-01\', \'2024-03-01\', ?, 2024, ?, ?, \'邻里\', \'当事人申请\', '
       '\'2024-03-01 09:00:00\', \'\', \'\', \'\', \'\', \'结案\', \'\', \'\', \'\', \'\', 3, 0, \'\', \'\', \'\', '
       '\'\', \'\', \'\')')


def test_existing_cases_keep_their_numbers(tmp_path):
    paths = DataPaths(tmp_path / "data").ensure()
    database = open_database(paths.database)
    migrate(database, target=3)
    close_database()
    con = sqlite3.connect(paths.database)
    con.execute('INSERT INTO "office_settings" ("uuid", "created_at", "updated_at", "unit_name", "parent_unit", '
                '"address", "leader_name", "contact_phone", "case_prefix", "certificate_wording") VALUES '
                '(\'o1\', \'2024-01-01\', \'2024-01-01\', \'伽师县公安局夏普吐勒派出所\', \'\', \'\', \'\', \'\', \'夏派调\', \'\')')
    con.execute(ROW, ("c1", "（2024）夏派调字第001号", 1, "人民调解"))
    con.execute(ROW, ("c2", "（2024）夏派调字第002号", 2, "治安调解"))
    con.execute('INSERT INTO "counter" ("uuid", "created_at", "updated_at", "name", "year", "value") VALUES '
                '(\'k1\', \'2024-01-01\', \'2024-01-01\', \'case\', 2024, 2)')
    con.commit()
    con.close()

    open_store(paths)
    try:
        assert [(c.number, c.kind, c.body_id) for c in Case.select().order_by(Case.id)] == [
            ("（2024）夏派调字第001号", "人民调解", None), ("（2024）夏派调字第002号", "治安调解", None)]
        assert Counter.get(Counter.name == "case:夏派调", Counter.year == 2024).value == 2

        from desktop_app.services.cases.bodies import (
            assign_unassigned,
            save_body,
            save_officers,
            unassigned_count,
        )
        from desktop_app.services.cases.case_form import CaseInput, register_case

        assert unassigned_count() == 1
        save_officers(["买合木提·吐尔逊"])
        police = register_case(CaseInput(kind="治安调解", category="邻里", source="群众报警",
                                         received_at="2024-10-08 09:00"), today=date(2024, 11, 5))
        assert police.number == "（2024）夏派调字第003号"  # the office's series carries on past both old numbers
        body = save_body(None, "夏普吐勒镇人民调解委员会", "夏人调")
        assert assign_unassigned(body.id) == 1
        civil = register_case(CaseInput(kind="人民调解", category="邻里", source="当事人申请",
                                        received_at="2024-10-08 09:00"), today=date(2024, 11, 5))
        assert civil.number == "（2024）夏人调字第001号"
        assert Case.get(Case.uuid == "c1").number == "（2024）夏派调字第001号"
    finally:
        close_store()
