"""`holidays parse-notice / apply / list` on the command line."""

from __future__ import annotations

from pathlib import Path

import chinese_calendar
import pytest

from desktop_app.cli import main as run_cli
from desktop_app.config import DataPaths
from desktop_app.db.models import Holiday
from desktop_app.services.office.details import OfficeInfo, save_office
from desktop_app.services.storage.data_folder import close_store, open_store

NOTICES = Path(__file__).parents[1] / "domain" / "holiday_notices"


@pytest.fixture
def data_dir(tmp_path, cli_admin):
    folder = tmp_path / "data"
    open_store(DataPaths(folder))
    cli_admin()
    save_office(OfficeInfo(unit_name="伽师县公安局夏普吐勒派出所", parent_unit="伽师县公安局", case_prefix="夏派调"))
    close_store()
    return folder


def test_parse_notice_prints_the_days_sorted(capsys):
    assert run_cli(["holidays", "parse-notice", str(NOTICES / "gov-2026.txt")]) == 0
    lines = capsys.readouterr().out.splitlines()
    expected = sorted(
        [f"{d.isoformat()} 休 {chinese_calendar.Holiday(v).chinese}" for d, v in chinese_calendar.holidays.items()
         if d.year == 2026]
        + [f"{d.isoformat()} 班 {chinese_calendar.Holiday(v).chinese}" for d, v in chinese_calendar.workdays.items()
           if d.year == 2026])
    assert lines == expected
    assert lines[14] == "2026-02-28 班 春节"


def test_parse_notice_names_the_sentence_it_cannot_read(tmp_path, capsys):
    text = (NOTICES / "gov-2026.txt").read_text(encoding="utf-8").replace("9月20日（周日）、", "9月20日（周日）待定、")
    path = tmp_path / "notice.txt"
    path.write_text(text, encoding="utf-8")
    assert run_cli(["holidays", "parse-notice", str(path)]) == 1
    err = capsys.readouterr().err
    assert "国庆节" in err and "9月20日（周日）待定" in err


def test_apply_stores_confirmed_days_and_list_marks_the_estimates(data_dir, tmp_path, capsys):
    assert run_cli(["holidays", "list", "--year", "2027", "--data-dir", str(data_dir)]) == 0
    estimated = capsys.readouterr().out.splitlines()
    assert estimated[0] == "2027-01-01 休 元旦 预估"
    assert all(line.endswith(" 预估") for line in estimated)
    assert "2027-05-16 休 古尔邦节 预估" in estimated  # 伽师县 counts 新疆's holidays

    path = tmp_path / "2027.txt"
    path.write_text("国务院办公厅关于2027年部分节假日安排的通知（测试用文本）\n"
                    "一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n", encoding="utf-8")
    assert run_cli(["holidays", "apply", str(path), "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr()
    assert out.out.splitlines() == ["2027-01-01 休 元旦", "2027-01-02 休 元旦", "2027-01-03 休 元旦"]
    assert "已保存" in out.err
    assert run_cli(["holidays", "list", "--year", "2027", "--data-dir", str(data_dir)]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[:3] == ["2027-01-01 休 元旦", "2027-01-02 休 元旦", "2027-01-03 休 元旦"]
    assert "2027-05-16 休 古尔邦节 预估" in listed and not any("春节" in line for line in listed)

    assert run_cli(["holidays", "apply", str(NOTICES / "xinjiang-2025.txt"), "--kind", "xinjiang",
                    "--data-dir", str(data_dir)]) == 0
    assert "2025-06-10 休 古尔邦节" in capsys.readouterr().out.splitlines()
    assert run_cli(["holidays", "list", "--year", "2025", "--data-dir", str(data_dir)]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert "2025-06-06 休 古尔邦节" in listed and not any(line.endswith("预估") for line in listed)


def test_apply_of_a_partly_unreadable_notice_stores_nothing(data_dir, tmp_path, capsys):
    path = tmp_path / "bad.txt"
    path.write_text("国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n"
                    "二、春节：2月5日至12日放假调休，共9天。\n", encoding="utf-8")
    assert run_cli(["holidays", "apply", str(path), "--data-dir", str(data_dir)]) == 1
    assert "共9天与所列日期（8天）不符" in capsys.readouterr().err
    open_store(DataPaths(data_dir))
    try:
        assert Holiday.select().where(Holiday.year == 2027).count() == 0
    finally:
        close_store()


def test_missing_file_or_data_folder(tmp_path, capsys):
    assert run_cli(["holidays", "parse-notice", str(tmp_path / "none.txt")]) == 2
    assert run_cli(["holidays", "list", "--year", "2027", "--data-dir", str(tmp_path / "nowhere")]) == 2
    assert "数据文件不存在" in capsys.readouterr().err
