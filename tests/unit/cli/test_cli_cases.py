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
from desktop_app.services.files.usb_export import MANIFEST_NAME, verify_export
from desktop_app.services.storage.data_folder import close_store, open_store


@pytest.fixture
def data_dir(tmp_path, cli_admin):
    from desktop_app.services.cases.bodies import save_body
    from desktop_app.services.cases.case_form import CaseInput, register_case
    from desktop_app.services.cases.parties import PartyInput, add_party
    from desktop_app.services.office.details import OfficeInfo, save_office

    folder = tmp_path / "data"
    open_store(DataPaths(folder))
    cli_admin()
    save_office(OfficeInfo(unit_name="伽师县公安局夏普吐勒派出所", case_prefix="夏派调"))
    save_body(None, "夏普吐勒镇人民调解委员会", "夏人调")
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
        ["（2024）夏人调字第001号.pdf", "案件登记表.xlsx", MANIFEST_NAME])
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


@pytest.fixture
def mediation_dir(tmp_path, cli_admin):
    """A data folder holding the two example cases of tests/conftest.py (make_mediation_cases)."""
    from conftest import make_mediation_cases

    from desktop_app.services.cases.bodies import save_body
    from desktop_app.services.office.details import OfficeInfo, save_office

    folder = tmp_path / "data"
    open_store(DataPaths(folder))
    try:
        cli_admin()
        save_office(OfficeInfo(unit_name="伽师县公安局夏普吐勒派出所", case_prefix="夏派调"))
        save_body(None, "夏普吐勒镇人民调解委员会", "夏人调", is_default=True)
        make_mediation_cases()
    finally:
        close_store()
    return folder


@pytest.mark.full_form_output
def test_case_documents_command(mediation_dir, tmp_path, capsys):
    out = tmp_path / "out"
    code = run_cli(["case-documents", "--data-dir", str(mediation_dir), "--case", "(2026)夏人调字第1号",
                    "--out", str(out)])
    printed = capsys.readouterr()
    assert code == 0, printed.err
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(["人民调解申请书.pdf", "人民调解受理登记表.pdf", "人民调解当事人权利义务告知书.pdf",
                            "人民调解调查记录.pdf", "人民调解记录.pdf", "人民调解协议书.pdf", "人民调解回访记录.pdf",
                            "人民调解结案报告表.pdf", "卷宗.pdf"])
    assert "（2026）夏人调字第001号" in printed.out and "已脱敏" in printed.out
    from pypdf import PdfReader

    dossier = "".join(page.extract_text() for page in PdfReader(str(out / "卷宗.pdf")).pages)
    assert "卷内目录" in dossier and "138****3456" in dossier and "13899123456" not in dossier

    full = tmp_path / "full"
    assert run_cli(["case-documents", "--data-dir", str(mediation_dir), "--case", "（2026）夏派调字第001号",
                    "--out", str(full), "--full"]) == 0
    assert sorted(p.name for p in full.iterdir()) == sorted(
        ["治安调解受理登记表.pdf", "治安调解当事人权利义务告知书.pdf", "治安调解记录.pdf", "治安调解协议书.pdf", "卷宗.pdf"])
    agreement = "".join(page.extract_text() for page in PdfReader(str(full / "治安调解协议书.pdf")).pages)
    assert "13912345678" in agreement
    open_store(DataPaths(mediation_dir))
    try:
        exports = [a.summary for a in AuditLog.select().where(AuditLog.action == "导出")]
        assert any("完整身份信息" in s for s in exports) and all(a.username == "命令行" for a in AuditLog.select()
                                                              .where(AuditLog.action == "导出"))
    finally:
        close_store()


def test_case_documents_errors(mediation_dir, tmp_path, capsys):
    base = ["case-documents", "--data-dir", str(mediation_dir), "--out", str(tmp_path / "x")]
    assert run_cli([*base, "--case", "（2026）夏人调字第099号"]) == 2
    assert "没有编号为" in capsys.readouterr().err
    assert run_cli([*base, "--case", "不是编号"]) == 2
    assert run_cli(["case-documents", "--data-dir", str(tmp_path / "none"), "--case", "（2026）夏人调字第001号",
                    "--out", str(tmp_path / "y")]) == 2
    assert "数据文件不存在" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_case_documents_in_full_needs_an_administrator(mediation_dir, tmp_path, monkeypatch, capsys):
    from desktop_app.domain.vocabulary import CLERK
    from desktop_app.services.accounts import operators

    open_store(DataPaths(mediation_dir))
    try:
        operators.create_user("xiaowang", "Luruyuan-2026", CLERK)
    finally:
        close_store()
    out = tmp_path / "full"
    command = ["case-documents", "--data-dir", str(mediation_dir), "--case", "（2026）夏人调字第001号",
               "--out", str(out), "--full"]
    monkeypatch.delenv("YIJING_USER")
    assert run_cli(command) == 2
    assert "--user" in capsys.readouterr().err and not out.exists()
    monkeypatch.setenv("YIJING_PASSWORD", "Luruyuan-2026")
    assert run_cli([*command, "--user", "xiaowang"]) == 2
    assert "无权导出或打印完整的个人信息" in capsys.readouterr().err and not out.exists()
    assert run_cli([*command[:-1], "--user", "xiaowang"]) == 0
    assert "已脱敏" in capsys.readouterr().out and (out / "卷宗.pdf").exists()
