"""Step 10: a folder set up before it gets its office identity; a new folder gets one with its details."""

from __future__ import annotations

import sqlite3

from desktop_app.db.database import close_database, open_database
from desktop_app.db.migrations import migrate
from desktop_app.services.county.identity import identity


def test_an_existing_office_gets_its_uuid_and_stays_an_office(tmp_path):
    path = tmp_path / "old.db"
    database = open_database(path)
    migrate(database, target=8)
    database.execute_sql(
        'INSERT INTO office_settings (uuid, created_at, updated_at, unit_name, parent_unit, address, leader_name, '
        "contact_phone, case_prefix, certificate_wording) VALUES ('a', '2024-01-01', '2024-01-01', "
        "'伽师县公安局旧派出所', '', '', '', '', '旧派调', '')")
    assert [n for n in migrate(database) if n <= 10] == [9, 10]  # later steps (11 …) run too
    found = identity()
    assert found is not None and len(found.uuid) == 32 and int(found.uuid, 16) >= 0
    assert (found.name, found.mode, found.org_code, found.is_county) == ("伽师县公安局旧派出所", "office", "", False)
    close_database()
    con = sqlite3.connect(path)
    assert con.execute("SELECT office_uuid FROM office_settings").fetchone()[0] == found.uuid
    con.close()


def test_a_new_office_gets_its_identity_with_its_details(data_paths):
    from desktop_app.services.office.details import OfficeInfo, get_office, save_office

    assert identity() is None
    save_office(OfficeInfo(unit_name="伽师县公安局新派出所", case_prefix="新派调", org_code="11653123MB1234567X"))
    first = identity()
    assert first is not None and first.org_code == "11653123MB1234567X"
    save_office(OfficeInfo(unit_name="伽师县公安局新派出所（改名）", case_prefix="新派调"))
    second = identity()
    assert second is not None and second.uuid == first.uuid and second.name.endswith("（改名）")
    office = get_office()
    assert office is not None and office.org_code == ""


def test_an_org_code_with_other_characters_is_refused_at_its_field(data_paths):
    from desktop_app.services.office.details import OfficeInfo, validate_office

    errors = validate_office(OfficeInfo(unit_name="伽师县公安局新派出所", case_prefix="新派调", org_code="代码123"))
    assert [e.field for e in errors] == ["org_code"]
