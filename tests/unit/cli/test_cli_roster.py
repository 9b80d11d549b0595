"""The roster commands of the command line: import-roster and export-roster, on temporary folders."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from desktop_app.cli import main
from desktop_app.config import DataPaths
from desktop_app.db.models import AuditLog, Member, Team
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.services.storage.data_folder import close_store, open_store

ID_1 = build_id_number("653123", date(1985, 3, 14), 31)
ID_2 = build_id_number("653123", date(1992, 7, 2), 42)
BAD = ID_1[:17] + ("0" if ID_1[17] != "0" else "1")


def workbook(path, rows, sheet_name="花名册"):
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_name
    sheet.append(["夏普吐勒派出所义警花名册"])
    sheet.append(["姓名", "性别", "身份证号码", "手机号", "所属队伍"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


GOOD_ROWS = [["努尔买买提·西热甫", "男", ID_1, "13812345678", "第一巡逻队"],
             ["阿依古丽", "女", ID_2, "", "第一巡逻队"]]


@pytest.fixture
def folder(tmp_path, cli_admin):
    open_store(DataPaths(tmp_path / "data"))
    cli_admin()
    close_store()
    return tmp_path / "data"


def in_store(folder, fn):
    open_store(DataPaths(folder))
    try:
        return fn()
    finally:
        close_store()


def test_help_lists_the_roster_commands(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "import-roster" in out and "export-roster" in out


def test_import_prints_counts_and_exits_zero(folder, tmp_path, capsys):
    source = workbook(tmp_path / "roster.xlsx", GOOD_ROWS)
    assert main(["import-roster", str(source), "--data-dir", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "新增 2，更新 0，跳过 0，拒绝 0" in out
    assert "新建队伍: 第一巡逻队" in out
    names = in_store(folder, lambda: sorted(m.name for m in Member.select()))
    assert names == ["努尔买买提·西热甫", "阿依古丽"]
    assert in_store(folder, lambda: AuditLog.get(AuditLog.action == "导入").username) == "命令行"

    assert main(["import-roster", str(source), "--data-dir", str(folder)]) == 0
    assert "新增 0，更新 0，跳过 2，拒绝 0" in capsys.readouterr().out
    assert main(["import-roster", str(source), "--data-dir", str(folder), "--update-existing"]) == 0
    assert "新增 0，更新 2，跳过 0，拒绝 0" in capsys.readouterr().out
    assert in_store(folder, lambda: Team.select().count()) == 1


def test_refused_rows_exit_one_and_the_report_is_written(folder, tmp_path, capsys):
    source = workbook(tmp_path / "roster.xlsx", [*GOOD_ROWS, ["王建国", "男", BAD, "", ""], [None, "男", "", "", ""]])
    report = tmp_path / "结果.xlsx"
    code = main(["import-roster", str(source), "--data-dir", str(folder), "--report", str(report)])
    assert code == 1
    out = capsys.readouterr().out
    assert "新增 2，更新 0，跳过 0，拒绝 2" in out
    assert "第5行 王建国: 身份证号码：校验位错误，请核对号码" in out
    assert "第6行" in out and "请填写姓名" in out
    assert BAD not in out and ID_1 not in out
    rows = list(load_workbook(report)["导入结果"].iter_rows(values_only=True))
    assert [r[3] for r in rows[1:]] == ["新增", "新增", "拒绝", "拒绝"]
    assert in_store(folder, lambda: Member.select().count()) == 2


def test_sheet_choice_and_unreadable_input(folder, tmp_path, capsys):
    book = Workbook()
    book.active.title = "封面"
    sheet = book.create_sheet("二队")
    sheet.append(["姓名", "身份证号"])
    sheet.append(["王建国", ID_1])
    source = tmp_path / "two.xlsx"
    book.save(source)
    assert main(["import-roster", str(source), "--data-dir", str(folder), "--sheet", "二队"]) == 0
    assert "新增 1" in capsys.readouterr().out
    assert main(["import-roster", str(source), "--data-dir", str(folder), "--sheet", "三队"]) == 2
    assert "没有名为“三队”的工作表" in capsys.readouterr().err
    assert main(["import-roster", str(tmp_path / "none.xlsx"), "--data-dir", str(folder)]) == 2
    assert main(["import-roster", str(source), "--data-dir", str(folder), "--sheet", "封面"]) == 2
    assert "没有找到“姓名”列" in capsys.readouterr().err


@pytest.mark.full_form_output
def test_export_writes_a_masked_workbook_and_full_on_request(folder, tmp_path, capsys):
    main(["import-roster", str(workbook(tmp_path / "roster.xlsx", GOOD_ROWS)), "--data-dir", str(folder)])
    out = tmp_path / "导出.xlsx"
    assert main(["export-roster", "--data-dir", str(folder), "--out", str(out)]) == 0
    assert "已导出 2 名队员" in capsys.readouterr().out
    rows = list(load_workbook(out)["花名册"].iter_rows(min_row=3, values_only=True))
    assert {r[4] for r in rows} == {ID_1[:6] + "********" + ID_1[-4:], ID_2[:6] + "********" + ID_2[-4:]}
    assert main(["export-roster", "--data-dir", str(folder), "--out", str(out), "--full"]) == 0
    rows = list(load_workbook(out)["花名册"].iter_rows(min_row=3, values_only=True))
    assert {r[4] for r in rows} == {ID_1, ID_2}
    log = in_store(folder, lambda: AuditLog.select().where(AuditLog.action == "导出")
                   .order_by(AuditLog.id.desc()).first())
    assert (log.username, log.summary) == ("命令行", "导出花名册 2 人（完整信息）")


def test_export_without_a_database_fails(tmp_path, capsys):
    assert main(["export-roster", "--data-dir", str(tmp_path / "none"), "--out", str(tmp_path / "x.xlsx")]) == 2
    assert "数据文件不存在" in capsys.readouterr().err
