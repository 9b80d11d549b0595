"""`duty-sheet` on the command line: the week's PDF (or .xlsx), one team or all, clear errors."""

from __future__ import annotations

import argparse
import io
from datetime import date, time

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop_app.cli import build_parser as parser  # the program's own parser, every command wired
from desktop_app.cli import main as run_cli
from desktop_app.cli.duty_sheet import run
from desktop_app.config import DataPaths
from desktop_app.db.models import Assignment, AuditLog, DutyPost, Member, Shift, Team
from desktop_app.services.storage.data_folder import close_store, open_store


@pytest.fixture
def data_dir(tmp_path, cli_admin):
    from desktop_app.services.office.details import OfficeInfo, save_office

    folder = tmp_path / "data"
    open_store(DataPaths(folder))
    cli_admin()
    save_office(OfficeInfo(unit_name="伽师县公安局夏普吐勒派出所", case_prefix="夏派调"))
    city = Team.create(name="城区义警队")
    red = Team.create(name="红旗义警")
    nur = Member.create(name="努尔买买提·西热甫", phone="13812345678", team=city)
    wang = Member.create(name="王芳", phone="13512341111", team=red)
    school = DutyPost.create(name="第一小学护学岗", kind="护学岗", team=city)
    patrol = DutyPost.create(name="中山路商圈巡逻", kind="巡逻", team=red)
    morning = Shift.create(post=school, date=date(2024, 4, 8), start=time(7, 30), end=time(8, 10), headcount=2,
                           leader=nur)
    Assignment.create(shift=morning, member=nur)
    evening = Shift.create(post=patrol, date=date(2024, 4, 12), start=time(19, 0), end=time(22, 0))
    Assignment.create(shift=evening, member=wang)
    close_store()
    return folder


def test_arguments():
    args = parser().parse_args(["duty-sheet", "--data-dir", "/d", "--week", "2024-W15", "--team", "红旗义警",
                                "--out", "/x/a.pdf", "--made-by", "张警官"])
    assert (str(args.data_dir), args.week, args.team, str(args.out), args.made_by) == (
        "/d", "2024-W15", "红旗义警", "/x/a.pdf", "张警官")
    assert str(parser().parse_args(["--data-dir", "/d", "duty-sheet", "--week", "2024-W15", "--out",
                                    "a.pdf"]).data_dir) == "/d"
    assert run(argparse.Namespace(command="backup")) is None
    with pytest.raises(SystemExit):
        parser().parse_args(["duty-sheet", "--week", "2024-W15"])  # --out is required


def test_duty_sheet_command(data_dir, tmp_path, capsys):
    out = tmp_path / "值班表.pdf"
    code = run_cli(["duty-sheet", "--data-dir", str(data_dir), "--week", "2024-W15", "--out", str(out),
                    "--made-by", "张警官"])
    printed = capsys.readouterr()
    assert code == 0, printed.err
    assert "2024年第15周" in printed.out and "全部队伍" in printed.out and "2 个岗位" in printed.out
    assert "缺 1 人" in printed.out
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "第一小学护学岗" in text and "中山路商圈巡逻" in text and "王芳" in text
    assert "138****5678" in text and "13812345678" not in text and "制表人：张警官" in text
    open_store(DataPaths(data_dir))
    try:
        entry = AuditLog.get(AuditLog.action == "打印")
        assert entry.username == "命令行" and "2024年第15周" in entry.summary
    finally:
        close_store()


def test_one_team_and_xlsx(data_dir, tmp_path, capsys):
    out = tmp_path / "红旗.pdf"
    assert run_cli(["duty-sheet", "--data-dir", str(data_dir), "--week", "2024W15", "--team", " 红旗义警 ",
                    "--out", str(out)]) == 0
    text = PdfReader(io.BytesIO(out.read_bytes())).pages[0].extract_text()
    assert "队伍：红旗义警" in text and "王芳" in text and "第一小学护学岗" not in text
    sheet_path = tmp_path / "值班表.xlsx"
    assert run_cli(["duty-sheet", "--data-dir", str(data_dir), "--week", "2024-W15", "--out",
                    str(sheet_path)]) == 0
    sheet = load_workbook(sheet_path).active
    assert sheet["A1"].value == "义警值班表" and "138****5678" in sheet["B4"].value
    capsys.readouterr()


def test_errors(data_dir, tmp_path, capsys):
    out = tmp_path / "a.pdf"
    assert run_cli(["duty-sheet", "--data-dir", str(data_dir), "--week", "2024-W15", "--team", "不存在的队",
                    "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "找不到队伍“不存在的队”" in err and "红旗义警" in err
    assert not out.exists()
    assert run_cli(["duty-sheet", "--data-dir", str(data_dir), "--week", "2024-W60", "--out", str(out)]) == 2
    assert "周有误" in capsys.readouterr().err
    assert run_cli(["duty-sheet", "--data-dir", str(data_dir), "--week", "下周", "--out", str(out)]) == 2
    assert "2024-W15" in capsys.readouterr().err
    assert run_cli(["duty-sheet", "--data-dir", str(data_dir), "--week", "2024-W15", "--out",
                    str(tmp_path / "a.docx")]) == 2
    assert ".pdf" in capsys.readouterr().err
    assert run_cli(["duty-sheet", "--data-dir", str(data_dir), "--week", "2024-W15", "--out",
                    str(tmp_path / "no" / "a.pdf")]) == 2
    assert "输出文件夹不存在" in capsys.readouterr().err
    assert run_cli(["duty-sheet", "--data-dir", str(tmp_path / "empty"), "--week", "2024-W15", "--out",
                    str(out)]) == 2
    assert "数据文件不存在" in capsys.readouterr().err
