"""Roster export: the .xlsx read back with openpyxl, and the printed PDF read back with pypdf."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop_app.db.models import AuditLog
from desktop_app.documents.roster_pdf import RosterPdfData, RosterPdfRow, build_roster_pdf
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.services.roster.export import EXPORT_COLUMNS, export_roster_xlsx, roster_pdf
from desktop_app.services.roster.members import MemberInput, save_member
from desktop_app.services.roster.teams import TeamInput, save_team

TODAY = date(2024, 6, 1)
UNIT = "伽师县公安局夏普吐勒派出所"
LONG_NAME = "买买提依明·阿不都热合曼·艾则孜·吐尔洪"


def masked(number: str) -> str:
    return number[:6] + "********" + number[-4:]


@pytest.fixture
def people(office):
    team = save_team(TeamInput(name="第一巡逻队"))
    ids = []
    specs = [
        ("努尔买买提·西热甫", 31, "维吾尔族", "13812345678", "夏普吐勒镇1村3组12号", team),
        ("王建国", 15, "汉族", "13912340000", "", None),
        (LONG_NAME, 17, "维吾尔族", "", "", team),
    ]
    numbers = []
    for i, (name, sequence, ethnic, phone, address, team_id) in enumerate(specs):
        number = build_id_number("653123", date(1980 + i, 3, 14), sequence)
        numbers.append(number)
        member = save_member(MemberInput(name=name, ethnic=ethnic, id_number=number, phone=phone,
                                         address=address, team_id=team_id, join_date=date(2023, 9, 1),
                                         skills="巡逻、调解", insurance_expires_on=date(2024, 12, 31)),
                             today=TODAY)
        ids.append(member.id)
    return ids, numbers


def read_back(path):
    sheet = load_workbook(path)["花名册"]
    return sheet, list(sheet.iter_rows(values_only=True))


def test_xlsx_is_masked_by_default(people, tmp_path):
    ids, numbers = people
    out = tmp_path / "花名册.xlsx"
    assert export_roster_xlsx([ids[1], ids[0], 9999], out) == 2
    sheet, rows = read_back(out)
    assert UNIT in rows[0][0] and "队员花名册" in rows[0][0] and "脱敏" in rows[0][0]
    assert list(rows[1]) == EXPORT_COLUMNS
    first = dict(zip(EXPORT_COLUMNS, rows[3], strict=True))  # the order asked for: 王建国 first
    assert rows[2][1] == "王建国"
    assert first["姓名"] == "努尔买买提·西热甫"
    assert first["身份证号"] == masked(numbers[0]) and first["身份证号"].startswith("653123********")
    assert first["联系电话"] == "138****5678"
    assert first["住址"] == "夏普吐勒镇****"
    assert first["所属队伍"] == "第一巡逻队"
    assert first["民族"] == "维吾尔族"
    assert first["入队日期"] == datetime(2023, 9, 1)
    assert first["出生日期"] == datetime(1980, 3, 14)
    assert first["保险到期"] == datetime(2024, 12, 31)
    assert len(rows) == 4
    for row in sheet.iter_rows(min_row=3):
        cells = dict(zip(EXPORT_COLUMNS, row, strict=True))
        assert cells["身份证号"].data_type == "s" and cells["身份证号"].number_format == "@"
        assert cells["联系电话"].data_type == "s"
        assert cells["入队日期"].is_date
    everything = " ".join(str(v) for row in rows for v in row)
    assert numbers[0] not in everything and "13812345678" not in everything


def test_xlsx_header_is_styled_frozen_and_filtered(people, tmp_path):
    ids, _ = people
    out = tmp_path / "花名册.xlsx"
    export_roster_xlsx(ids, out)
    sheet, _rows = read_back(out)
    assert sheet.freeze_panes == "C3"
    assert sheet.auto_filter.ref == "A2:N5"
    header = sheet[2]
    assert all(cell.font.bold for cell in header)
    assert header[0].fill.fgColor.rgb.endswith("D9E2F3")
    assert sheet.column_dimensions["E"].width == 21
    assert sheet["A1"].font.bold


def test_xlsx_full_form_and_the_audit_log(people, tmp_path):
    ids, numbers = people
    out = tmp_path / "完整.xlsx"
    export_roster_xlsx(ids, out, full=True)
    _sheet, rows = read_back(out)
    assert rows[2][4] == numbers[0] and rows[2][6] == "13812345678" and rows[2][7] == "夏普吐勒镇1村3组12号"
    assert rows[3][4] == numbers[1]
    assert isinstance(rows[2][4], str)
    logs = [log.summary for log in AuditLog.select().where(AuditLog.action == "导出")]
    assert logs == ["导出花名册 3 人（完整信息）"]
    export_roster_xlsx(ids, out)
    assert AuditLog.select().where(AuditLog.action == "导出").order_by(AuditLog.id.desc()).first().summary \
        == "导出花名册 3 人（已脱敏）"


def test_pdf_has_title_unit_team_names_and_masked_ids(people, tmp_path):
    ids, numbers = people
    out = tmp_path / "花名册.pdf"
    assert roster_pdf(ids, out, team_name="第一巡逻队") == 3
    reader = PdfReader(out)
    text = reader.pages[0].extract_text()
    flat = text.replace("\n", "")
    for expected in ("队员花名册", UNIT, "队伍：第一巡逻队", "努尔买买提·西热甫", "王建国", LONG_NAME,
                     masked(numbers[0]), "138****5678", "2023年9月1日", "第 1 页 共 1 页", "打印日期"):
        assert expected in flat, expected
    for number in numbers:
        assert number not in flat
    assert "13812345678" not in flat
    assert AuditLog.get(AuditLog.action == "打印").summary == "打印花名册 3 人（第一巡逻队，已脱敏）"


def test_pdf_of_all_teams_says_so(people, tmp_path):
    ids, _ = people
    out = tmp_path / "全部.pdf"
    roster_pdf(ids, out)
    assert "队伍：全部队伍" in PdfReader(out).pages[0].extract_text()


def _rows(count: int) -> list[RosterPdfRow]:
    return [RosterPdfRow(name=f"阿依古丽·买买提{i}" if i % 7 == 0 else f"王{i}", gender="女", ethnic="维吾尔族",
                         team="第一巡逻队", id_number="653123********1234", phone="138****5678",
                         status="在队", skills="巡逻、调解", join_date="2023年9月1日") for i in range(count)]


def test_a_long_roster_numbers_its_pages(tmp_path):
    pdf = build_roster_pdf(RosterPdfData(UNIT, TODAY, _rows(120), team_name="第一巡逻队"), tmp_path / "长.pdf")
    reader = PdfReader(tmp_path / "长.pdf")
    total = len(reader.pages)
    assert total >= 3 and pdf == (tmp_path / "长.pdf").read_bytes()
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"第 {number} 页 共 {total} 页" in text
        assert "队伍：第一巡逻队" in text and "序号" in text  # running header and repeated table header
    everything = "".join(page.extract_text() for page in reader.pages)
    assert all(f"\n{i + 1} " in everything or f"\n{i + 1}\n" in everything for i in range(120))


def test_page_orientation_follows_the_columns(tmp_path):
    narrow = [RosterPdfRow(name="王五", gender="男", ethnic="汉族", team="一队", id_number="653123********1234",
                           phone="138****5678", status="在队")]
    portrait = PdfReader(io.BytesIO(build_roster_pdf(RosterPdfData(UNIT, TODAY, narrow))))
    box = portrait.pages[0].mediabox
    assert box.width < box.height
    wide_rows = [RosterPdfRow(name=LONG_NAME, team="夏普吐勒村护学岗分队", id_number="653123********1234",
                              phone="138****5678", skills="巡逻、调解、驾驶、双语翻译", join_date="2023年9月1日")]
    wide = PdfReader(io.BytesIO(build_roster_pdf(RosterPdfData(UNIT, TODAY, narrow + wide_rows))))
    box = wide.pages[0].mediabox
    assert box.width > box.height


def test_xlsx_keeps_markup_and_formula_signs_as_text(office, tmp_path):
    member = save_member(MemberInput(name="王建国", notes="=SUM(A1)&<b>备注</b>", skills="巡逻"), today=TODAY)
    out = tmp_path / "花名册.xlsx"
    export_roster_xlsx([member.id], out)
    sheet, rows = read_back(out)
    notes = dict(zip(EXPORT_COLUMNS, rows[2], strict=True))["备注"]
    assert notes == "=SUM(A1)&<b>备注</b>"
    assert sheet.cell(row=3, column=EXPORT_COLUMNS.index("备注") + 1).data_type == "s"


def test_a_cancelled_export_writes_no_file_and_logs_nothing(people, tmp_path):
    from desktop_app.services.progress import Cancelled
    from desktop_app.services.roster.export import WRITING

    ids, _ = people
    out = tmp_path / "花名册.xlsx"
    seen = []

    def progress(done: int, total: int, text: str) -> None:
        seen.append((done, total))
        if text == WRITING:
            raise Cancelled

    with pytest.raises(Cancelled):
        export_roster_xlsx(ids, out, progress=progress)
    assert seen[0] == (0, 3) and not out.exists()
    assert not AuditLog.select().where(AuditLog.action == "导出").exists()


def test_the_printed_roster_reports_pages_and_stops_when_cancelled(tmp_path):
    from desktop_app.services.progress import Cancelled

    seen: list[tuple[int, int]] = []
    data = RosterPdfData(UNIT, TODAY, _rows(120), team_name="第一巡逻队")
    pdf = build_roster_pdf(data, progress=lambda done, total, _text: seen.append((done, total)))
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert len(seen) == pages and all(0 < done < total for done, total in seen[:-1])

    def stop(done: int, _total: int, _text: str) -> None:
        if done >= 2:
            raise Cancelled

    with pytest.raises(Cancelled):
        build_roster_pdf(data, tmp_path / "停.pdf", progress=stop)
    assert not (tmp_path / "停.pdf").exists()
