"""The 工作简报: the figures gathered for a period and team, the draft paragraph in the office's style, the
PDF read back with the right figures and captioned charts, the .xlsx with its page setup, the .json for
scripts, and the command line."""

from __future__ import annotations

import json
from datetime import date, datetime, time

import pytest
from libreoffice import SOFFICE, convert
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop_app.cli import main
from desktop_app.db.models import (
    Activity,
    ActivityParticipant,
    Assignment,
    Case,
    CaseEvent,
    CaseMediator,
    DutyPost,
    Shift,
)
from desktop_app.domain.periods import parse_period
from desktop_app.services.office.details import OfficeInfo, save_office
from desktop_app.services.records.reports import ReportError, report_data, team_by_name, write_report
from desktop_app.services.roster.members import MemberInput, save_member
from desktop_app.services.roster.teams import TeamInput, save_team
from desktop_app.services.storage.data_folder import close_store, open_store

TODAY = date(2027, 1, 5)


@pytest.fixture
def year(data_paths):
    save_office(OfficeInfo(unit_name="伽师县公安局夏普吐勒派出所", parent_unit="伽师县公安局", case_prefix="夏派调"))
    team = save_team(TeamInput(name="石榴大妈义警队"))
    other = save_team(TeamInput(name="花城义警队"))
    zhang = save_member(MemberInput(name="张鹏", team_id=team, join_date="2020-01-01"), today=TODAY).id
    li = save_member(MemberInput(name="李娜", team_id=other, join_date="2020-01-01"), today=TODAY).id
    for month, persuaded, caught, vehicles in ((3, 600, 10, 50), (11, 614, 14, 53)):
        activity = Activity.create(date=date(2026, month, 10), kind="交通劝导", team=team,
                                   people_persuaded=persuaded)
        ActivityParticipant.create(activity=activity, member=zhang, hours=100)
        catch = Activity.create(date=date(2026, month, 12), kind="协助抓获", team=other, suspects_caught=caught)
        ActivityParticipant.create(activity=catch, member=li, hours=3)
        rescue = Activity.create(date=date(2026, month, 14), kind="救援", team=other, vehicles_helped=vehicles)
        ActivityParticipant.create(activity=rescue, member=li, hours=5)
    Activity.create(date=date(2025, 12, 31), kind="交通劝导", team=team, people_persuaded=1000)  # another year
    gate = DutyPost.create(name="第一小学护学岗", kind="护学岗")
    for day in (2, 3):
        shift = Shift.create(post=gate, date=date(2026, 11, day), start=time(7, 30), end=time(8, 10))
        Assignment.create(shift=shift, member=zhang, status="已到", hours=0.5)
    for status in ("调解成功", "调解成功", "调解不成功"):
        case = Case.create(category="邻里", received_at=datetime(2026, 11, 5, 9), status=status)
        CaseEvent.create(case=case, to_status=status)
        CaseMediator.create(case=case, member=li)
    return {"team": team, "other": other, "zhang": zhang, "li": li}


def text_of(path) -> str:
    return "".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_the_year_figures_and_the_draft_paragraph(year):
    data = report_data(parse_period("2026"), today=TODAY)
    figures = {line.name: line.value for line in data.figures}
    assert (figures["劝导交通违法行为"], figures["协助抓获犯罪嫌疑人"], figures["救助被困车辆"]) == (1214, 24, 103)
    assert (figures["调解纠纷"], figures["护学岗执勤"]) == (3, 2)
    assert data.by_kind == {"交通劝导": 2, "协助抓获": 2, "救援": 2}
    assert data.paragraph.startswith("2026年，我所义警队伍协助公安机关抓获犯罪嫌疑人24名，劝导交通违法行为1,214起，"
                                     "救助被困车辆103辆，")
    assert "调解成功率66.7%" in data.paragraph
    assert data.hours_by_member == {"张鹏": 201.0, "李娜": 16.0}
    assert [v.name for v in data.best] == ["张鹏", "李娜"]
    assert data.best[0].stars == "一星"  # 201 service hours: past 100, not yet 300
    assert list(data.months)[0] == "2026-01" and data.months["2026-11"]["劝导交通违法行为"] == 614


def test_a_team_report_counts_only_the_team(year):
    data = report_data(parse_period("2026-11"), year["other"], today=TODAY)
    figures = {line.name: line.value for line in data.figures}
    assert (figures["劝导交通违法行为"], figures["协助抓获犯罪嫌疑人"], figures["救助被困车辆"]) == (0, 14, 53)
    assert figures["调解纠纷"] == 3 and figures["护学岗执勤"] == 0
    assert data.paragraph.startswith("2026年11月，花城义警队协助公安机关抓获犯罪嫌疑人14名，救助被困车辆53辆")
    assert data.cases.success_rate == "66.7%"
    assert data.by_team == [] and data.months == {}
    with pytest.raises(ReportError):
        team_by_name("没有这个队")


def test_the_pdf_reads_back_with_the_figures_charts_and_edited_paragraph(year, tmp_path):
    out = tmp_path / "年报.pdf"
    write_report(parse_period("2026"), None, out, paragraph="2026年，我所义警队伍工作扎实。（内勤修改）", today=TODAY)
    text = text_of(out)
    for expected in ("2026年义警工作年报", "伽师县公安局夏普吐勒派出所", "（内勤修改）", "劝导交通违法行为", "1,214",
                     "103", "图1 2026年各项工作成效", "图2 工作记录按类别", "图3 各月工作记录与主要成效",
                     "图4 矛盾纠纷调解结果", "66.7%", "优秀义警", "张鹏", "石榴大妈义警队"):
        assert expected in text, expected
    assert "抓获犯罪嫌疑人24名" not in text  # the clerk's paragraph replaced the draft


def test_the_xlsx_and_json(year, tmp_path):
    write_report(parse_period("2026-Q4"), None, tmp_path / "季报.xlsx", today=TODAY)
    book = load_workbook(tmp_path / "季报.xlsx")
    assert {"简报正文", "工作成效", "工作记录分类", "各队伍", "各月", "矛盾纠纷", "优秀义警"} <= set(book.sheetnames)
    heading = list(book["简报正文"].iter_rows(min_row=3, max_row=3, values_only=True))[0]
    assert heading[3] == f"{TODAY.year}年{TODAY.month}月{TODAY.day}日"  # 制表日期 as the office writes it
    rows = {r[0]: r[1] for r in book["工作成效"].iter_rows(min_row=3, values_only=True)}
    assert rows["劝导交通违法行为"] == 614 and rows["调解纠纷"] == 3
    sheet = book["工作成效"]
    assert int(sheet.page_setup.paperSize) == 9 and sheet.sheet_properties.pageSetUpPr.fitToPage
    write_report(parse_period("2026"), year["team"], tmp_path / "r.json", today=TODAY)
    data = json.loads((tmp_path / "r.json").read_text("utf-8"))
    assert data["period"] == "2026" and data["scope"] == "石榴大妈义警队"
    assert data["figures"]["劝导交通违法行为"] == 1214 and data["figures"]["协助抓获犯罪嫌疑人"] == 0
    assert data["activities_by_kind"] == {"交通劝导": 2}
    assert data["hours_by_member"] == {"张鹏": 201.0}
    with pytest.raises(ReportError):
        write_report(parse_period("2026"), None, tmp_path / "r.docx", today=TODAY)


def test_the_command_line(year, data_paths, tmp_path, capsys, cli_admin):
    cli_admin()
    close_store()
    try:
        assert main(["report", "--data-dir", str(data_paths.root), "--period", "2026-11", "--team", "花城义警队",
                     "--out", str(tmp_path / "m.json")]) == 0
        assert main(["report", "--data-dir", str(data_paths.root), "--period", "2026-13",
                     "--out", str(tmp_path / "x.json")]) == 2
        assert main(["report", "--data-dir", str(data_paths.root), "--period", "2026", "--team", "无此队",
                     "--out", str(tmp_path / "x.json")]) == 2
        assert main(["report", "--data-dir", str(data_paths.root), "--period", "2026-Q4",
                     "--out", str(tmp_path / "q.pdf")]) == 0
    finally:
        open_store(data_paths)
    assert json.loads((tmp_path / "m.json").read_text("utf-8"))["figures"]["救助被困车辆"] == 53
    assert "2026年第四季度义警工作季报" in text_of(tmp_path / "q.pdf")
    assert "已写出" in capsys.readouterr().out


def _figure_rows(text: str) -> dict[str, tuple[str, str]]:
    """The 工作成效 table read back from the PDF text: figure name → (the number printed, its unit)."""
    from desktop_app.domain.activity_figures import FIGURES

    tokens = [t.strip() for t in text.splitlines() if t.strip()]
    start = tokens.index("统计来源")
    rows = {}
    for figure in FIGURES:
        at = tokens.index(figure.name, start)
        rows[figure.name] = (tokens[at + 1], tokens[at + 2])
    return rows


def test_every_figure_row_of_the_pdf_reads_back_as_gathered(year, tmp_path):
    for code, team in (("2026", None), ("2026-11", year["other"])):
        data = report_data(parse_period(code), team, today=TODAY)
        out = tmp_path / f"{code}.pdf"
        write_report(parse_period(code), team, out, today=TODAY, made_by="李文")
        text = text_of(out)
        expected = {line.name: (f"{line.value:,}", line.unit) for line in data.figures}
        assert _figure_rows(text) == expected
        assert "制表：李文" in text
    rows = _figure_rows(text_of(tmp_path / "2026.pdf"))
    assert rows["劝导交通违法行为"] == ("1,214", "起") and rows["护学岗执勤"] == ("2", "场次")
    assert rows["调解纠纷"] == ("3", "起")
    assert "已办结3起，调解成功2起，调解成功率66.7%（按已办结计）" in text_of(tmp_path / "2026.pdf").replace("\n", "")


def test_an_unsigned_report_leaves_a_line_for_the_clerk(year, tmp_path):
    write_report(parse_period("2026"), None, tmp_path / "r.pdf", today=TODAY)
    text = text_of(tmp_path / "r.pdf")
    assert "制表：__________" in text and "命令行" not in text


def test_every_sheet_of_the_xlsx_holds_the_gathered_numbers(year, tmp_path):
    data = report_data(parse_period("2026"), today=TODAY)
    write_report(parse_period("2026"), None, tmp_path / "y.xlsx", today=TODAY)
    book = load_workbook(tmp_path / "y.xlsx")
    figures = {r[0]: r[1:3] for r in book["工作成效"].iter_rows(min_row=3, values_only=True) if r[0]}
    assert {line.name: (line.value, line.unit) for line in data.figures} == {
        name: tuple(values) for name, values in figures.items() if name in {f.name for f in data.figures}}
    kinds = {r[0]: r[1] for r in book["工作记录分类"].iter_rows(min_row=3, values_only=True) if r[0]}
    assert {k: kinds[k] for k in data.by_kind} == data.by_kind
    months = list(book["各月"].iter_rows(min_row=2, values_only=True))
    header = list(months[0])
    november = next(row for row in months if row[0] == "2026-11")
    assert november[header.index("劝导交通违法行为")] == 614
    best = [r[1] for r in book["优秀义警"].iter_rows(min_row=3, values_only=True) if r[1]]
    assert best[:2] == ["张鹏", "李娜"]
    assert data.paragraph in [c for row in book["简报正文"].iter_rows(values_only=True) for c in row if c]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_xlsx_with_its_figures(year, tmp_path):
    write_report(parse_period("2026"), None, tmp_path / "y.xlsx", today=TODAY)
    convert([tmp_path / "y.xlsx"], tmp_path, timeout=180)
    text = text_of(tmp_path / "y.pdf")
    for expected in ("劝导交通违法行为", "1214", "救助被困车辆", "103", "张鹏"):
        assert expected in text.replace(",", ""), expected
