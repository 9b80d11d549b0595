"""The county in the window: set up from the first-run dialog, packages exported at an office and imported at
the county through the 文件 menu's actions, and the county's page — each office's figures and package date
(red when old), a person registered in two offices, a certificate code verified from any office, the 台账 and
the 工作简报 across offices."""

from __future__ import annotations

import shutil
from datetime import date, datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QInputDialog

from desktop_app.config import DataPaths
from desktop_app.db.models import Activity, Certificate, Member, Team
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.services.county.export import export_package
from desktop_app.services.county.identity import identity, is_county, set_up_county
from desktop_app.services.county.keys import county_keys, write_public_key
from desktop_app.services.office.details import OfficeInfo, save_office
from desktop_app.services.storage.data_folder import close_store, open_store
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.office_dialog import OfficeDialog

SHARED_ID = build_id_number("653123", date(1988, 5, 6), 17)


def test_the_first_run_dialog_sets_up_a_county(qtbot, data_paths, type_text):
    dialog = OfficeDialog(None, first_run=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.as_county, Qt.MouseButton.LeftButton, pos=QPoint(8, dialog.as_county.height() // 2))
    assert not dialog.case_prefix.isVisible() and dialog.org_code.isVisible()
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert dialog.messages["unit_name"].text() == "请填写县局名称" and not is_county()
    type_text(dialog.unit_name, "伽师县公安局")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and is_county()
    assert (data_paths.root / "keys" / "county.key").exists()


def _office(tmp_path, template, name: str, code: str, stale: bool) -> DataPaths:
    paths = DataPaths(tmp_path / name).ensure()
    shutil.copyfile(template, paths.database)
    open_store(paths)
    save_office(OfficeInfo(unit_name=name, case_prefix=name[6] + "派调"))
    team = Team.create(name="一队")
    member = Member.create(team=team, name="阿依古丽·买买提", id_number=SHARED_ID)
    Activity.create(date=date.today().replace(day=1), kind="巡逻", team=team, people_served=len(name))
    Certificate.create(serial=f"{name[6]}派荣〔2026〕第0001号", type="荣誉证书", year=2026, sequence=1, member=member,
                       issued_on=date(2026, 3, 1), verification_code=code)
    close_store()
    return paths


@pytest.fixture
def county_with_offices(tmp_path, data_paths, migrated_template, qtbot, messages, monkeypatch):
    """A county folder (open) with two offices' packages waiting on the stick; one office's package is old."""
    set_up_county(data_paths.root, "伽师县公安局")
    pub = tmp_path / "county.pub"
    fingerprint = write_public_key(pub, "伽师县公安局", county_keys(data_paths.root).public)
    close_store()
    stick = tmp_path / "stick"
    stick.mkdir()
    packages = []
    for name, code, stale in (("伽师县公安局甲派出所", "K7MP3QXA", False), ("伽师县公安局乙派出所", "W4RT9HZB", True)):
        office = _office(tmp_path, migrated_template, name, code, stale)
        open_store(office)
        window = MainWindow(office)
        qtbot.addWidget(window)
        assert window.export_package_action.isVisible() is not False and not window.county_mode
        monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: (fingerprint, True))
        if stale:
            packages.append(export_package(pub, stick, fingerprint, now=datetime(2026, 1, 5, 9, 0)).path)
        else:
            packages.append(window.package_actions.export_package(str(pub), str(stick)))
        window.close()
        close_store()
    assert all(p is not None and p.exists() for p in packages)
    assert any("已签名并加密" in text for _kind, text in messages)
    open_store(data_paths)
    return packages


def cell(table, row: int, column: int):
    return table.model().index(row, column)


def test_the_county_page_shows_every_office(qtbot, data_paths, county_with_offices, messages, type_text):
    window = MainWindow(data_paths)
    qtbot.addWidget(window)
    window.show()
    page = window.county_page
    qtbot.waitUntil(lambda: page.loaded > 0)
    assert window.county_mode and window.tabs.count() == 1 and window.import_package_action.isVisible()
    assert page.offices.model().rowCount() == 0
    page.import_packages([str(p) for p in county_with_offices])
    assert sum("第一次报送数据包" in text for kind, text in messages if kind == "question") == 2
    assert any("新增" in text for kind, text in messages if kind == "information")
    assert page.offices.model().rowCount() == 3
    names = [cell(page.offices, r, 0).data() for r in range(3)]
    assert names == ["伽师县公安局乙派出所", "伽师县公安局甲派出所", "合计（2个单位）"]
    old = cell(page.offices, 0, 2)
    assert old.data() == "2026-01-05" and old.data(Qt.ItemDataRole.ForegroundRole).color().name() == "#c62828"
    assert cell(page.offices, 1, 2).data(Qt.ItemDataRole.ForegroundRole) is None  # not red
    assert cell(page.offices, 2, 4).data() == "2"  # 在队队员, one in each
    assert "653123********" in page.shared.text() and "伽师县公安局甲派出所（阿依古丽·买买提）" in page.shared.text()
    assert SHARED_ID not in page.shared.text()

    type_text(page.code, "w4rt-9hzb")
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert "伽师县公安局乙派出所" in page.verify_result.text() and "乙派荣〔2026〕第0001号" in page.verify_result.text()
    page.code.clear()
    type_text(page.code, "AAAA2222")
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    assert page.verify_result.text().startswith("不存在")

    page.pages.setCurrentIndex(1)
    page.ledger_period.setText(f"{date.today():%Y}")
    page.show_ledger()
    assert page.ledger.model().rowCount() == 2 and {cell(page.ledger, r, 0).data() for r in range(2)} == set(names[:2])
    page.ledger_office.setCurrentText("伽师县公安局甲派出所")
    page.ledger_kind.setCurrentIndex(2)
    page.ledger_period.setText("2026")
    page.show_ledger()
    assert page.ledger.model().rowCount() == 1 and cell(page.ledger, 0, 6).data() == "K7MP3QXA"

    page.pages.setCurrentIndex(2)
    page.report_period.setText(f"{date.today():%Y-%m}")
    data = page.show_report()
    assert data is not None and data["figures"]["服务群众"] == 20
    report = page.report_table.model()
    headers = [report.headerData(c, Qt.Orientation.Horizontal) for c in range(report.columnCount())]
    assert headers == ["指标", "伽师县公安局乙派出所", "伽师县公安局甲派出所", "合计"]
    served = next(r for r in range(report.rowCount()) if cell(page.report_table, r, 0).data() == "服务群众")
    assert [cell(page.report_table, served, c).data() for c in (1, 2, 3)] == ["10", "10", "20"]
    assert identity().is_county


def test_the_reference_package_goes_back_through_the_menus(qtbot, tmp_path, data_paths, county_with_offices, messages):
    from desktop_app.db.models import Holiday
    from desktop_app.domain.holiday_days import ArrangedDay
    from desktop_app.services.calendar.holiday_arrangements import save_arrangement

    save_arrangement("national", 2027, [ArrangedDay(date(2027, 1, 1), "休", "元旦")])
    window = MainWindow(data_paths)
    qtbot.addWidget(window)
    assert window.export_reference_action.isVisible() is not False
    made = window.package_actions.export_reference(str(tmp_path / "stick"))
    assert made is not None and made.suffix == ".yjref"
    window.close()
    close_store()
    office = DataPaths(tmp_path / "伽师县公安局甲派出所")
    open_store(office)
    try:
        office_window = MainWindow(office)
        qtbot.addWidget(office_window)
        done = office_window.package_actions.import_reference(str(made))
        assert done is not None and done.outcome == "已导入"
        assert Holiday.select().where(Holiday.year == 2027, Holiday.layer == "national").count() == 1
        assert any("参考数据包第1号已导入" in text for kind, text in messages if kind == "information")
    finally:
        close_store()
        open_store(data_paths)
