"""The way back: the county's reference package (holidays, certificate templates, points rules) imported by
an office with the same checks as the offices' packages."""

from __future__ import annotations

from datetime import date

import pytest
from county_folders import county, make_office, new_folder  # noqa: F401 - fixtures

from desktop_app.db.models import Holiday
from desktop_app.domain.holiday_days import ArrangedDay
from desktop_app.services.calendar.holiday_arrangements import save_arrangement
from desktop_app.services.certificates.templates import list_templates, save_template
from desktop_app.services.county.export import export_package
from desktop_app.services.county.package_format import PackageRefused
from desktop_app.services.county.reference import (
    APPLIED,
    STALE,
    UNCHANGED,
    export_reference,
    import_reference,
)
from desktop_app.services.records.points import (
    points_rules,
    save_points_rules,
    save_star_thresholds,
    star_thresholds,
)

DAYS_2027 = [ArrangedDay(date(2027, 1, 1), "休", "元旦"), ArrangedDay(date(2027, 1, 2), "休", "元旦"),
             ArrangedDay(date(2027, 2, 6), "班", "春节"), ArrangedDay(date(2027, 2, 10), "休", "春节")]


def _county_reference(county, tmp_path, name: str) -> object:
    with county.open():
        return export_reference(tmp_path / name)


def test_an_office_takes_the_county_holidays_templates_and_rules_once(new_folder, county, tmp_path):
    office = make_office(new_folder("office"), "伽师县公安局甲派出所")
    with office.open():
        export_package(county.pub, tmp_path / "p.yjpkg", county.fingerprint)  # the county's key trusted
    with county.open():
        save_arrangement("national", 2027, DAYS_2027)
        save_template(None, "荣誉证书", "全县统一荣誉证书", "授予{name}同志“{title}”称号。", "classic")
        rules = points_rules().to_dict()
        rules["per_duty_hour"] = 2.5
        save_points_rules(rules)
        save_star_thresholds([10, 40, 90, 160, 250])
    first = _county_reference(county, tmp_path, "1.yjref")
    with office.open():
        done = import_reference(first.path)
        assert done.outcome == APPLIED and done.counts["节假日安排"] >= 1 and done.counts["证书模板"] >= 1
        days = list(Holiday.select(Holiday.date, Holiday.kind).where(Holiday.layer == "national", Holiday.year == 2027)
                    .order_by(Holiday.date).tuples())
        assert days == [(d.date, d.kind) for d in DAYS_2027]
        assert "全县统一荣誉证书" in [t.name for t in list_templates("荣誉证书")]
        assert points_rules().per_duty_hour == 2.5 and star_thresholds() == (10, 40, 90, 160, 250)
        assert import_reference(first.path).outcome == UNCHANGED
    second = _county_reference(county, tmp_path, "2.yjref")
    with office.open():
        assert import_reference(second.path).outcome == APPLIED  # nothing new in it: counts all 0
        assert import_reference(first.path).outcome == STALE


def test_a_reference_package_from_another_key_or_changed_is_refused(new_folder, county, tmp_path):
    from desktop_app.services.county.identity import set_up_county

    office = make_office(new_folder("office"), "伽师县公安局甲派出所")
    with office.open(), pytest.raises(PackageRefused, match="尚未确认县局公钥"):
        import_reference(tmp_path / "none.yjref")
    with office.open():
        export_package(county.pub, tmp_path / "p.yjpkg", county.fingerprint)
    other = new_folder("other")
    with other.open() as paths:
        set_up_county(paths.root, "别的县公安局")
        foreign = export_reference(tmp_path / "foreign.yjref").path
    good = _county_reference(county, tmp_path, "good.yjref").path
    data = bytearray(good.read_bytes())
    data[-5] ^= 0x10
    changed = tmp_path / "changed.yjref"
    changed.write_bytes(bytes(data))
    with office.open():
        with pytest.raises(PackageRefused, match="不是本单位所认可的县局签发的"):
            import_reference(foreign)
        with pytest.raises(PackageRefused, match="签名不符"):
            import_reference(changed)
        with pytest.raises(PackageRefused, match="不是本系统的数据包|种类不对"):
            import_reference(tmp_path / "p.yjpkg")
        assert import_reference(good).outcome == APPLIED
