"""An office's package to the county and back into the county's copy of that office: what is carried, what
is refused and why, and that a refused package changes nothing."""

from __future__ import annotations

from datetime import date

import pytest
from county_folders import county, make_office, new_folder, office_state  # noqa: F401 - fixtures, office_state

from desktop_app.db.models import Activity, CountyOffice, Member, PackageImport, Team
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.services.accounts.roles import PermissionDenied
from desktop_app.services.county.copies import copy_path
from desktop_app.services.county.export import CountyKeyNotConfirmed, ExportRefused, export_package
from desktop_app.services.county.importing import APPLIED, REFUSED, STALE, UNCHANGED, import_package

OFFICE = "伽师县公安局甲派出所"


@pytest.fixture
def office(new_folder):
    return make_office(new_folder("office"), OFFICE)


def export(office, county, tmp_path, name: str = "p.yjpkg") -> object:
    with office.open():
        return export_package(county.pub, tmp_path / name, county.fingerprint)


def import_(county, path, confirm=lambda _name, _fp: True):
    with county.open():
        return import_package(path, confirm)


def add_team(office, name: str, members: int = 2) -> None:
    with office.open():
        team = Team.create(name=name)
        for index in range(members):
            Member.create(team=team, name=f"队员{name}{index}",
                          id_number=build_id_number("653123", date(1990, 1, 1 + index), sum(map(ord, name)) % 900 + index))
        Activity.create(date=date(2026, 3, 5), kind="巡逻", team=team, people_served=7)


def test_the_county_copy_is_the_office_at_its_package(office, county, tmp_path):
    add_team(office, "一队")
    done = export(office, county, tmp_path)
    assert done.sequence == 1 and done.counts["member"] == 2
    outcome = import_(county, done.path)
    assert outcome.outcome == APPLIED, outcome.reason
    assert (outcome.office_name, outcome.added, outcome.changed, outcome.removed) == (OFFICE, outcome.added, 0, 0)
    assert outcome.added == sum(done.counts.values())
    office_uuid = outcome.office_uuid
    assert office_state(copy_path(county.paths.root, office_uuid)) == office_state(office.paths.database)
    with county.open():
        registered = CountyOffice.get(CountyOffice.office_uuid == office_uuid)
        assert (registered.name, registered.last_sequence) == (OFFICE, 1)


def test_the_same_package_again_and_an_older_one_change_nothing(office, county, tmp_path):
    add_team(office, "一队")
    first = export(office, county, tmp_path, "1.yjpkg")
    add_team(office, "二队")
    second = export(office, county, tmp_path, "2.yjpkg")
    assert import_(county, second.path).outcome == APPLIED
    copy = copy_path(county.paths.root, import_(county, second.path).office_uuid)
    before = office_state(copy)
    again = import_(county, second.path)
    assert (again.outcome, again.added, again.changed, again.removed) == (UNCHANGED, 0, 0, 0)
    older = import_(county, first.path)
    assert older.outcome == STALE and "第2号" in older.reason
    assert office_state(copy) == before == office_state(office.paths.database)
    nothing_new = export(office, county, tmp_path, "3.yjpkg")
    third = import_(county, nothing_new.path)
    assert (third.outcome, third.sequence) == (UNCHANGED, 3)


def test_changes_and_removals_are_counted_and_removals_kept_as_tombstones(office, county, tmp_path):
    add_team(office, "一队", members=3)
    import_(county, export(office, county, tmp_path, "1.yjpkg").path)
    with office.open():
        Member.update(phone="13800000000").where(Member.name == "队员一队0").execute()
        Member.delete().where(Member.name == "队员一队1").execute()
    outcome = import_(county, export(office, county, tmp_path, "2.yjpkg").path)
    assert (outcome.outcome, outcome.added, outcome.changed, outcome.removed) == (APPLIED, 0, 1, 1)
    assert outcome.by_table == {"member": (0, 1, 1)}
    copy = copy_path(county.paths.root, outcome.office_uuid)
    assert office_state(copy) == office_state(office.paths.database)
    import sqlite3

    con = sqlite3.connect(copy)
    assert con.execute("SELECT table_name, removed_sequence FROM county_tombstone").fetchall() == [("member", 2)]
    assert con.execute("SELECT name FROM county_removed_member").fetchall() == [("队员一队1",)]
    con.close()


def test_an_office_is_registered_only_once_its_fingerprint_is_confirmed(office, county, tmp_path):
    add_team(office, "一队")
    done = export(office, county, tmp_path)
    asked = []
    refused = import_(county, done.path, lambda name, fp: asked.append((name, fp)) or False)
    assert refused.outcome == REFUSED and "尚未经管理员确认" in refused.reason
    assert asked == [(OFFICE, done.signer_fingerprint)]
    assert not copy_path(county.paths.root, "x").parent.exists() or not any(
        copy_path(county.paths.root, "x").parent.glob("*.db"))
    with county.open():
        assert not CountyOffice.select().exists()
        assert PackageImport.select().where(PackageImport.outcome == REFUSED).count() == 1
    assert import_(county, done.path).outcome == APPLIED


def test_a_package_signed_by_another_key_for_a_registered_office_is_refused(office, county, tmp_path):
    add_team(office, "一队")
    outcome = import_(county, export(office, county, tmp_path, "1.yjpkg").path)
    copy = copy_path(county.paths.root, outcome.office_uuid)
    before = office_state(copy)
    (office.paths.root / "keys" / "office-signing.key").unlink()  # a reinstalled office, or an impostor
    add_team(office, "二队")
    impostor = import_(county, export(office, county, tmp_path, "2.yjpkg").path)
    assert impostor.outcome == REFUSED and "签名密钥与登记时的不同" in impostor.reason
    assert office_state(copy) == before


def test_damaged_truncated_and_foreign_packages_are_refused_with_their_reason(office, county, new_folder, tmp_path):
    from desktop_app.services.county.identity import set_up_county
    from desktop_app.services.county.keys import county_keys, write_public_key

    add_team(office, "一队")
    good = export(office, county, tmp_path, "good.yjpkg").path
    data = good.read_bytes()
    cut = tmp_path / "cut.yjpkg"
    cut.write_bytes(data[: len(data) // 2])
    flipped = tmp_path / "flipped.yjpkg"
    flipped.write_bytes(data[:-100] + bytes([data[-100] ^ 0x01]) + data[-99:])
    other = new_folder("other-county")
    with other.open() as paths:
        set_up_county(paths.root, "别的县公安局")
        other_pub = tmp_path / "other.pub"
        other_fp = write_public_key(other_pub, "别的县公安局", county_keys(paths.root).public)
    with office.open():
        foreign = export_package(other_pub, tmp_path / "foreign.yjpkg", other_fp).path
    not_a_package = tmp_path / "notes.yjpkg"
    not_a_package.write_text("你好", encoding="utf-8")
    reasons = {p.name: import_(county, p) for p in (cut, flipped, foreign, not_a_package)}
    assert all(o.outcome == REFUSED for o in reasons.values())
    assert "截断" in reasons["cut.yjpkg"].reason
    assert "损坏或被改动" in reasons["flipped.yjpkg"].reason
    assert "不是发给本单位的" in reasons["foreign.yjpkg"].reason
    assert "不是本系统的数据包" in reasons["notes.yjpkg"].reason
    with county.open():
        assert not CountyOffice.select().exists()
    assert import_(county, good).outcome == APPLIED


def test_the_office_must_confirm_the_county_key_by_its_fingerprint(office, county, tmp_path):
    with office.open():
        with pytest.raises(CountyKeyNotConfirmed) as asked:
            export_package(county.pub, tmp_path / "p.yjpkg")
        assert asked.value.fingerprint == county.fingerprint
        with pytest.raises(ExportRefused, match="指纹与县局公钥文件不符"):
            export_package(county.pub, tmp_path / "p.yjpkg", "1234 5678 9012 3456 7890")
        assert not (tmp_path / "p.yjpkg").exists()
        export_package(county.pub, tmp_path / "p.yjpkg", county.fingerprint.replace(" ", "-"))
        export_package(county.pub, tmp_path / "q.yjpkg")  # trusted from now on
    changed = tmp_path / "changed.pub"
    changed.write_text(county.pub.read_text(encoding="utf-8").replace("指纹：", "指纹：1"), encoding="utf-8")
    with office.open(), pytest.raises(ExportRefused, match="与所写指纹不符"):
        export_package(changed, tmp_path / "r.yjpkg")


def test_roles_a_viewer_exports_nothing_and_imports_nothing(office, county, tmp_path, acting):
    from desktop_app.domain.vocabulary import VIEWER

    add_team(office, "一队")
    done = export(office, county, tmp_path)
    with office.open(), acting(VIEWER), pytest.raises(PermissionDenied):
        export_package(county.pub, tmp_path / "v.yjpkg")
    with county.open(), acting(VIEWER), pytest.raises(PermissionDenied):
        import_package(done.path, lambda _n, _f: True)
    assert not (tmp_path / "v.yjpkg").exists()


def test_an_office_folder_does_not_import_and_a_county_does_not_export(office, county, tmp_path):
    add_team(office, "一队")
    done = export(office, county, tmp_path)
    with office.open():
        assert "只有县局" in import_package(done.path, lambda _n, _f: True).reason
    with county.open(), pytest.raises(ExportRefused, match="县局的数据文件夹不导出"):
        export_package(county.pub, tmp_path / "c.yjpkg", county.fingerprint)


def test_what_never_leaves_the_office(office, county, tmp_path):
    from desktop_app.services.accounts.operators import create_first_administrator
    from desktop_app.services.backup.password import set_backup_password

    with office.open():
        create_first_administrator("boss", "Kashi#2026pw")
        set_backup_password("Stick#Secret99")
    done = export(office, county, tmp_path)
    assert "user" not in done.counts and "audit_log" not in done.counts
    outcome = import_(county, done.path)
    import sqlite3

    con = sqlite3.connect(copy_path(county.paths.root, outcome.office_uuid))
    assert con.execute("SELECT COUNT(*) FROM user").fetchone()[0] == 0
    assert con.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == 0
    assert con.execute("SELECT COUNT(*) FROM setting WHERE key = 'backup_password_hash'").fetchone()[0] == 0
    con.close()
    assert b"office-signing" not in done.path.read_bytes()
    assert "伽师".encode() not in done.path.read_bytes()  # the office's name is inside the sealed part only
