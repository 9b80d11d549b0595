"""Cases to a temporary "stick": summaries as PDF, the register as .xlsx, a manifest whose hashes match;
a failure half-way leaves nothing that looks complete; every export is audit-logged. Also the
documents printed from the case form (render_document)."""

from __future__ import annotations

import errno
import hashlib
import io
import os
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from desktop_app.db.models import AuditLog
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.services.cases.case_form import CaseInput, delete_case, register_case
from desktop_app.services.cases.document_data import render_document
from desktop_app.services.cases.export import (
    REGISTER_FILE,
    build_register_xlsx,
    export_cases,
    selected_case_ids,
)
from desktop_app.services.cases.parties import PartyInput, add_mediator, add_party
from desktop_app.services.cases.sessions import SessionInput, add_session
from desktop_app.services.cases.workflow import CaseRefused, change_status
from desktop_app.services.files import usb_export
from desktop_app.services.files.usb_export import MANIFEST_NAME, ExportFailed, verify_export

TODAY = date(2024, 11, 5)
NOW = datetime(2024, 11, 5, 15, 30)
ID_AILI = build_id_number("653129", date(1980, 5, 6), 31)
PHONE = "13912345678"


@pytest.fixture
def stick(tmp_path):
    """The "USB stick": its own folder (tmp_path also holds the data folder)."""
    folder = tmp_path / "stick"
    folder.mkdir()
    return folder


def pdf_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    return "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def three_cases(office) -> list[int]:
    ids = []
    for day, name in ((2, "艾力·买买提"), (9, "王建国"), (16, "阿依古丽·吐尔逊")):
        case = register_case(CaseInput(category="邻里", received_at=f"2024-10-{day:02d} 10:00",
                                       summary="因排水沟堵塞引发纠纷", agreement_terms="1. 赔偿3500元。",
                                       agreement_amount="3500"), today=TODAY)
        add_party(case.id, PartyInput(name=name, id_number=build_id_number("653129", date(1980, 5, day), 31),
                                      phone=PHONE, address="夏普吐勒镇3村2组18号"), today=TODAY)
        add_party(case.id, PartyInput(role="被申请人", name="李娜"), today=TODAY)
        add_mediator(case.id, officer_name="王警官", role="主持人")
        ids.append(case.id)
    return ids


def test_export_writes_summaries_register_and_manifest(three_cases, stick):
    seen = []
    result = export_cases((date(2024, 10, 1), date(2024, 10, 31)), stick,
                          progress=lambda done, total, name: seen.append((done, total, name)), today=TODAY,
                          now=NOW)
    assert result.folder == stick / "纠纷案件导出-20241105-1530"
    assert result.case_count == 3 and result.masked
    assert result.files == ["（2024）夏人调字第001号.pdf", "（2024）夏人调字第002号.pdf",
                            "（2024）夏人调字第003号.pdf", REGISTER_FILE]
    manifest_lines = (result.folder / MANIFEST_NAME).read_text(encoding="utf-8").splitlines()
    hashes = dict(reversed(line.split("  ", 1)) for line in manifest_lines if not line.startswith("#"))
    assert set(hashes) == set(result.files)
    for name in result.files:
        assert hashlib.sha256((result.folder / name).read_bytes()).hexdigest() == hashes[name]
    assert verify_export(result.folder) == []
    assert [s[0] for s in seen] == [0, 1, 2, 3, 4, 5] and seen[0][1] == 5

    summary = pdf_text((result.folder / "（2024）夏人调字第001号.pdf").read_bytes())
    assert "艾力" in summary and PHONE not in summary
    book = load_workbook(result.folder / REGISTER_FILE)
    sheet = book.active
    values = [[c for c in row] for row in sheet.iter_rows(min_row=4, values_only=True)]
    assert [row[1] for row in values] == ["（2024）夏人调字第001号", "（2024）夏人调字第002号", "（2024）夏人调字第003号"]
    assert "个人信息已脱敏" in sheet["A2"].value
    assert values[0][8] == "艾力·买买提 139****5678" and "********" in values[0][7]
    entry = AuditLog.get(AuditLog.action == "导出")
    assert "纠纷案件3件" in entry.summary and "脱敏" in entry.summary and str(result.folder) in entry.summary
    assert PHONE not in entry.summary and ID_AILI not in entry.summary


@pytest.mark.full_form_output
def test_full_export_is_unmasked_and_logged_once(three_cases, stick):
    result = export_cases(three_cases[:1], stick, full=True, today=TODAY, now=NOW)
    assert not result.masked and result.case_count == 1
    book = load_workbook(result.folder / REGISTER_FILE)
    row = next(book.active.iter_rows(min_row=4, values_only=True))
    assert row[8] == f"艾力·买买提 {PHONE}"
    assert "完整" in (result.folder / MANIFEST_NAME).read_text(encoding="utf-8")
    assert PHONE in pdf_text((result.folder / result.files[0]).read_bytes())
    assert AuditLog.select().where(AuditLog.action == "导出").get().summary.count("完整身份信息") == 1
    assert not AuditLog.select().where(AuditLog.action == "完整信息").exists()


def test_selection_leaves_out_deleted_cases(three_cases):
    delete_case(three_cases[1])
    assert selected_case_ids(three_cases) == [three_cases[0], three_cases[2]]
    assert selected_case_ids((date(2024, 10, 1), date(2024, 10, 31))) == [three_cases[0], three_cases[2]]


def test_nothing_to_export(office, stick):
    with pytest.raises(ExportFailed, match="没有案件"):
        export_cases((date(2024, 1, 1), date(2024, 1, 31)), stick)
    assert list(stick.iterdir()) == []


def test_stick_full_on_the_third_file(three_cases, stick, monkeypatch):
    real_fsync = os.fsync
    calls = {"n": 0}

    def flaky_fsync(fd):
        if os.fstat(fd).st_mode & 0o170000 == 0o100000:
            calls["n"] += 1
            if calls["n"] == 3:
                raise OSError(errno.ENOSPC, "No space left on device")
        return real_fsync(fd)

    monkeypatch.setattr(usb_export.os, "fsync", flaky_fsync)
    with pytest.raises(ExportFailed) as info:
        export_cases(three_cases, stick, today=TODAY, now=NOW)
    assert info.value.message.startswith("U盘空间不足")
    assert [p for p in stick.rglob("*")] == []
    failed = AuditLog.get(AuditLog.action == "导出失败")
    assert "U盘空间不足" in failed.summary and "纠纷案件3件" in failed.summary
    assert not AuditLog.select().where(AuditLog.action == "导出").exists()


def test_cancel_from_progress(three_cases, stick):
    class Cancelled(Exception):
        pass

    def progress(done, total, name):
        if done == 2:
            raise Cancelled

    with pytest.raises(Cancelled):
        export_cases(three_cases, stick, progress=progress, today=TODAY, now=NOW)
    assert list(stick.iterdir()) == []
    assert "已取消" in AuditLog.get(AuditLog.action == "导出失败").summary


def test_register_xlsx_alone(three_cases):
    book = load_workbook(io.BytesIO(build_register_xlsx(three_cases, today=TODAY)))
    sheet = book.active
    assert sheet.title == "案件登记表"
    assert sheet["A1"].value == "伽师县公安局夏普吐勒派出所纠纷案件登记表（2024年10月2日至2024年10月16日）"
    assert sheet.max_row == 6


def test_render_documents_and_audit(three_cases):
    case_id = three_cases[0]
    add_session(case_id, SessionInput(held_at="2024-10-03 10:00", record="双方陈述了意见"), today=TODAY)
    change_status(case_id, "调解中", today=TODAY)
    change_status(case_id, "调解成功", today=TODAY)
    for kind in ("受理登记表", "调解记录", "调解协议书", "案件摘要"):
        pdf = render_document(case_id, kind, masked=kind != "调解协议书", today=TODAY)
        assert pdf.startswith(b"%PDF")
    agreement = pdf_text(render_document(case_id, "调解协议书", masked=False, today=TODAY))
    assert build_id_number("653129", date(1980, 5, 2), 31) in agreement  # the legal original: full identity
    assert "叁仟伍佰元整" in agreement
    prints = [a.summary for a in AuditLog.select().where(AuditLog.action == "打印").order_by(AuditLog.id)]
    assert prints[0] == "案件 （2024）夏人调字第001号 受理登记表（脱敏）"
    assert prints[2] == "案件 （2024）夏人调字第001号 调解协议书（完整身份信息）"


def test_export_offers_each_case_s_dossier_beside_its_summary(three_cases, stick):
    from desktop_app.db.models import Case

    Case.update(body=None).where(Case.id == three_cases[2]).execute()  # one still given to no 调委会
    result = export_cases(three_cases, stick, dossiers=True, today=TODAY, now=NOW)
    assert result.files == ["（2024）夏人调字第001号.pdf", "（2024）夏人调字第001号-卷宗.pdf", "（2024）夏人调字第002号.pdf",
                            "（2024）夏人调字第002号-卷宗.pdf", "（2024）夏人调字第003号.pdf", REGISTER_FILE]
    assert result.without_dossier == ["（2024）夏人调字第003号"]
    dossier = pdf_text((result.folder / "（2024）夏人调字第001号-卷宗.pdf").read_bytes())
    assert "卷内目录" in dossier and "人民调解受理登记表" in dossier and PHONE not in dossier
    assert verify_export(result.folder) == []
    assert "卷宗PDF 2份" in AuditLog.get(AuditLog.action == "导出").summary


def test_documents_of_a_case_given_to_no_body_are_refused_except_the_summary(three_cases):
    from desktop_app.db.models import Case

    Case.update(body=None).where(Case.id == three_cases[0]).execute()
    for kind in ("受理登记表", "权利义务告知书", "卷宗"):
        with pytest.raises(CaseRefused, match="尚未指定人民调解委员会"):
            render_document(three_cases[0], kind, today=TODAY)
    assert render_document(three_cases[0], "案件摘要", today=TODAY).startswith(b"%PDF")
    with pytest.raises(CaseRefused, match="结案后才能"):
        render_document(three_cases[1], "结案报告表", today=TODAY)
    with pytest.raises(CaseRefused, match="尚无调查记录"):
        render_document(three_cases[1], "调查记录", today=TODAY)
