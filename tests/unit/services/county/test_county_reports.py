"""The county's 工作简报 over its copies of the offices: per office and added up, and stable for a period that
ended before an office removed a record of it (the tombstones)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from county_folders import county, make_office, new_folder  # noqa: F401 - fixtures

from desktop_app.db.models import Activity, Team
from desktop_app.domain.periods import parse_period
from desktop_app.services.county.export import export_package
from desktop_app.services.county.importing import import_package
from desktop_app.services.county.reports import county_report
from desktop_app.services.records.reports import ReportError


def _send(office, county, tmp_path, name: str, when: datetime) -> None:
    with office.open():
        path = export_package(county.pub, tmp_path / name, county.fingerprint, now=when).path
    with county.open():
        assert import_package(path, lambda _n, _f: True).outcome in ("已导入", "无变化")


def test_a_month_reported_once_reports_the_same_after_the_office_removed_a_record(new_folder, county, tmp_path):
    office = make_office(new_folder("office"), "伽师县公安局甲派出所")
    with office.open():
        team = Team.create(name="一队")
        Activity.create(date=date(2026, 3, 5), kind="巡逻", team=team, people_served=7)
        Activity.create(date=date(2026, 3, 9), kind="巡逻", team=team, people_served=5)
    _send(office, county, tmp_path, "1.yjpkg", datetime(2026, 4, 2, 9, 0))
    with county.open():
        march = county_report(parse_period("2026-03"))
    assert march["figures"]["服务群众"] == 12 and march["activities_by_kind"] == {"巡逻": 2}
    with office.open():
        Activity.delete().where(Activity.people_served == 7).execute()  # purged for good, in May
    _send(office, county, tmp_path, "2.yjpkg", datetime(2026, 5, 20, 9, 0))
    with county.open():
        again = county_report(parse_period("2026-03"))
        april_to_june = county_report(parse_period("2026-Q2"))
        year = county_report(parse_period("2026"))
    assert again["figures"] == march["figures"] and again["activities_by_kind"] == march["activities_by_kind"]
    assert year["figures"]["服务群众"] == 5  # a period not over when the record went: as the office has it now
    assert april_to_june["figures"]["服务群众"] == 0


def test_two_offices_add_up_and_one_can_be_picked(new_folder, county, tmp_path):
    a = make_office(new_folder("a"), "伽师县公安局甲派出所")
    b = make_office(new_folder("b"), "伽师县公安局乙警务室")
    for office, served in ((a, 3), (b, 4)):
        with office.open():
            team = Team.create(name="一队")  # the same team name in two offices: no clash at the county
            Activity.create(date=date(2026, 6, 1), kind="巡逻", team=team, people_served=served)
            Activity.create(date=date(2026, 6, 2), kind="普法宣传", team=team, publicity_reach=served * 10)
        _send(office, county, tmp_path, f"{served}.yjpkg", datetime(2026, 7, 1, 9, 0))
    with county.open():
        both = county_report(parse_period("2026-06"))
        only_b = county_report(parse_period("2026-06"), "伽师县公安局乙警务室")
        with pytest.raises(ReportError, match="没有名为"):
            county_report(parse_period("2026-06"), "伽师县公安局丙派出所")
    assert both["figures"]["服务群众"] == 7 and both["figures"]["普法宣传覆盖群众"] == 70
    assert both["offices_count"] == 2 and set(both["offices"]) == {"伽师县公安局甲派出所", "伽师县公安局乙警务室"}
    assert both["offices"]["伽师县公安局甲派出所"]["figures"]["服务群众"] == 3
    assert both["activities_by_kind"] == {"巡逻": 2, "普法宣传": 2}
    assert only_b["figures"]["服务群众"] == 4 and only_b["scope"] == "伽师县公安局乙警务室"
    assert both["packages"]["伽师县公安局甲派出所"]["created_at"] == "2026-07-01T09:00:00"


def test_an_office_folder_has_no_county_report(new_folder):
    office = make_office(new_folder("a"), "伽师县公安局甲派出所")
    with office.open(), pytest.raises(ReportError, match="只有县局"):
        county_report(parse_period("2026-06"))
