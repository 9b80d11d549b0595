"""Every .xlsx the program writes prints well from a spreadsheet program: converted by LibreOffice
(`soffice --headless --convert-to pdf`), each prints its title on page 1, and the duty sheet takes no more
pages than its own PDF + 1 (issue 17 part 4). Skipped where LibreOffice is not installed."""

from __future__ import annotations

import io
from datetime import date, time, timedelta

import pytest
from libreoffice import SOFFICE, convert
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop_app.db.models import Assignment, DutyPost, Member, Shift, Team
from desktop_app.services.cases.case_form import CaseInput, register_case
from desktop_app.services.cases.export import build_register_xlsx
from desktop_app.services.roster.export import export_roster_xlsx
from desktop_app.services.roster.importer import plan_import, read_sheet, run_import, save_report_xlsx
from desktop_app.services.schedule.duty_sheet import duty_sheet_bytes, export_week_xlsx
from desktop_app.services.schedule.shift_times import week_monday

MONDAY = week_monday(date(2024, 4, 8))
POSTS = 14


def _pages_as_text(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def _convert(files: list, out_dir) -> dict[str, bytes]:
    return {stem: path.read_bytes() for stem, path in convert(files, out_dir).items()}


@pytest.fixture
def busy_week(office):
    """Fourteen posts in two teams, two shifts a day on each, three people on every shift."""
    teams = [Team.create(name="城区义警队"), Team.create(name="红旗义警")]
    people = [Member.create(name=f"队员{i:02d}号", phone=f"138{i:08d}", team=teams[i % 2]) for i in range(40)]
    for p in range(POSTS):
        post = DutyPost.create(name=f"第{p + 1}号巡逻岗位", kind="巡逻", place="中山路步行街", team=teams[p % 2])
        for day in range(7):
            for start, end in ((time(8), time(12)), (time(19), time(22))):
                shift = Shift.create(post=post, date=MONDAY + timedelta(days=day), start=start, end=end,
                                     headcount=3, leader=people[(p + day) % 40])
                for k in range(3):
                    Assignment.create(shift=shift, member=people[(p * 3 + day + k) % 40])
    return people


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_every_workbook_prints_its_title_on_page_one(busy_week, tmp_path):
    year, week, _ = MONDAY.isocalendar()
    duty = tmp_path / "值班表.xlsx"
    data = export_week_xlsx(year, week, None, duty)
    roster = tmp_path / "花名册.xlsx"
    export_roster_xlsx([m.id for m in busy_week], roster)
    cases = tmp_path / "案件登记表.xlsx"
    ids = [register_case(CaseInput(category="邻里", received_at=f"2024-04-0{d} 09:00"),
                         today=date(2024, 4, 10)).id for d in range(1, 8)]
    cases.write_bytes(build_register_xlsx(ids, today=date(2024, 4, 10)))
    source = tmp_path / "导入.csv"
    source.write_text("姓名,联系电话,入队日期\n古丽娜尔·艾山,13912345678,2020-05-01\n王建国,123,2021-01-01\n",
                      encoding="utf-8")
    report = tmp_path / "导入报告.xlsx"
    save_report_xlsx(run_import(plan_import(read_sheet(source))), report)

    from desktop_app.domain.periods import month_of
    from desktop_app.services.records.reports import report_data, report_xlsx

    work = tmp_path / "工作简报.xlsx"
    work.write_bytes(report_xlsx(report_data(month_of(MONDAY), today=date(2024, 4, 30))))

    for path in (duty, roster, cases, report, work):  # page setup on every sheet of every workbook
        for sheet in load_workbook(path).worksheets:
            assert int(sheet.page_setup.paperSize) == 9 and sheet.sheet_properties.pageSetUpPr.fitToPage
            assert sheet.print_area and "&P" in sheet.oddFooter.center.text

    printed = _convert([duty, roster, cases, report, work], tmp_path)
    first_pages = {name: _pages_as_text(pdf)[0].replace(" ", "").replace("\n", "") for name, pdf in printed.items()}
    assert data.title.replace(" ", "") in first_pages["值班表"]
    assert "队员花名册" in first_pages["花名册"]
    assert "纠纷案件登记表" in first_pages["案件登记表"]
    assert "行号" in first_pages["导入报告"] and "古丽娜尔·艾山" in first_pages["导入报告"]
    assert "简报" in first_pages["工作简报"] or "2024年4月" in first_pages["工作简报"]

    duty_pdf_pages = len(PdfReader(io.BytesIO(duty_sheet_bytes(year, week))).pages)
    duty_xlsx_pages = len(PdfReader(io.BytesIO(printed["值班表"])).pages)
    print(f"duty sheet: PDF {duty_pdf_pages} pages, xlsx via LibreOffice {duty_xlsx_pages} pages")
    assert duty_xlsx_pages <= duty_pdf_pages + 1
    assert all(data.title.replace(" ", "") in text.replace(" ", "").replace("\n", "")
               for text in _pages_as_text(printed["值班表"]))  # the title rows repeat on every page
