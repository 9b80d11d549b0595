"""`export-cases` on the command line: the same files and manifest as the dialog."""

from __future__ import annotations

import argparse
from datetime import date

import pytest

from desktop_app.cli import build_parser as parser  # the program's own parser, every command wired
from desktop_app.cli import main as run_cli
from desktop_app.cli.cases import run
from desktop_app.config import DataPaths
from desktop_app.db.models import AuditLog
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.services.storage import close_store, open_store
from desktop_app.services.usb_export import MANIFEST_NAME, verify_export


@pytest.fixture
def data_dir(tmp_path, cli_admin):
    from desktop_app.services.cases.case_form import CaseInput, register_case
    from desktop_app.services.cases.parties import PartyInput, add_party
    from desktop_app.services.office import OfficeInfo, save_office

    folder = tmp_path / "data"
    open_store(DataPaths(folder))
    cli_admin()
    save_office(OfficeInfo(unit_name="伽师县公安局夏普吐勒派出所", case_prefix="夏派调"))
    for day in (3, 20):
        case = register_case(CaseInput(category="债务", received_at=f"2024-10-{day:02d} 09:00"),
                             today=date(2024, 11, 5))
        add_party(case.id, PartyInput(name="艾力·买买提", id_number=build_id_number("653129", date(1980, 5, 6), 31),
                                      phone="13912345678"), today=date(2024, 11, 5))
    close_store()
    return folder


def test_arguments():
    args = parser().parse_args(["export-cases", "--data-dir", "/d", "--from", "2024-10-01", "--to", "2024-10-31",
                                "--to-dir", "/stick", "--full"])
    assert (args.date_from, args.date_to, str(args.to_dir), args.full) == ("2024-10-01", "2024-10-31", "/stick", True)
    assert str(parser().parse_args(["--data-dir", "/d", "export-cases", "--from", "x", "--to", "y", "--to-dir",
                                    "z"]).data_dir) == "/d"
    assert run(argparse.Namespace(command="backup")) is None
    with pytest.raises(SystemExit):
        parser().parse_args(["export-cases", "--from", "2024-10-01"])


def test_export_cases_command(data_dir, tmp_path, capsys):
    stick = tmp_path / "stick"
    stick.mkdir()
    code = run_cli(["export-cases", "--data-dir", str(data_dir), "--from", "2024-10-01", "--to", "2024年10月15日",
                    "--to-dir", str(stick)])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "已导出 1 件案件" in out.out and "已脱敏" in out.out
    (folder,) = stick.iterdir()
    assert folder.name.startswith("纠纷案件导出-")
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["（2024）夏派调字第001号.pdf", "案件登记表.xlsx", MANIFEST_NAME])
    assert verify_export(folder) == []
    assert "100%" in out.err
    open_store(DataPaths(data_dir))
    try:
        entry = AuditLog.get(AuditLog.action == "导出")
        assert entry.username == "命令行" and "脱敏" in entry.summary
    finally:
        close_store()


def test_export_cases_errors(data_dir, tmp_path, capsys):
    stick = tmp_path / "stick"
    stick.mkdir()
    base = ["export-cases", "--data-dir", str(data_dir), "--to-dir", str(stick)]
    assert run_cli([*base, "--from", "2024-10-32", "--to", "2024-10-31"]) == 2
    assert "日期有误" in capsys.readouterr().err
    assert run_cli([*base, "--from", "2024-10-31", "--to", "2024-10-01"]) == 2
    assert run_cli([*base, "--from", "2024-01-01", "--to", "2024-01-31"]) == 1
    assert "没有案件" in capsys.readouterr().err
    assert run_cli(["export-cases", "--data-dir", str(tmp_path / "none"), "--from", "2024-10-01", "--to",
                    "2024-10-31", "--to-dir", str(stick)]) == 2
    assert "数据文件不存在" in capsys.readouterr().err
    assert run_cli([*base[:3], "--to-dir", str(tmp_path / "gone"), "--from", "2024-10-01",
                    "--to", "2024-10-31"]) == 2
    assert list(stick.iterdir()) == []
