"""The weekly duty sheet: data from the database, the PDF read back cell by cell, the .xlsx export."""

from __future__ import annotations

import io
from datetime import date, datetime, time

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from desktop_app.db.models import Assignment, AuditLog, DutyPost, Member, Shift, Team
from desktop_app.documents.duty_sheet import (
    ALL_TEAMS,
    DutyPostColumn,
    DutySheetData,
    DutyShift,
    build_duty_sheet,
    cell_text,
    date_range_label,
    post_groups,
)
from desktop_app.domain.dates import iso_week_dates
from desktop_app.services.schedule.duty_sheet import duty_sheet_data, duty_sheet_pdf, export_week_xlsx

WEEK = (2024, 15)  # 2024-04-08 (Monday) … 2024-04-14
MONDAY = date(2024, 4, 8)
NUR = "努尔买买提·西热甫"
DAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
SCHOOL = "第一小学护学岗"
PATROL = "中山路商圈巡逻"
STATION = "红旗警务站值守"


@pytest.fixture
def week(office):
    """Two teams, three active posts (one without shifts), one retired post, shifts and assignments."""
    city = Team.create(name="城区义警队")
    red = Team.create(name="红旗义警")
    people = {
        NUR: Member.create(name=NUR, phone="13812345678", team=city),
        "张伟": Member.create(name="张伟", phone="13900001234", team=city),
        "阿依古丽·艾买提": Member.create(name="阿依古丽·艾买提", phone="13700000001", team=city),
        "王芳": Member.create(name="王芳", phone="13512341111", team=red),
        "刘强": Member.create(name="刘强", phone="15000003333", team=red),
    }
    school = DutyPost.create(name=SCHOOL, kind="护学岗", place="第一小学东门", team=city, needs_leader=True,
                             school_days_only=True, headcount=2)
    patrol = DutyPost.create(name=PATROL, kind="巡逻", place="中山路步行街", team=red, headcount=2)
    DutyPost.create(name=STATION, kind="警务站值守", team=red)
    DutyPost.create(name="旧岗位已停用", kind="其他", team=red, active=False)

    def shift(post, day, start, end, headcount, crew, leader=None, leave=()):
        row = Shift.create(post=post, date=day, start=start, end=end, headcount=headcount,
                           leader=people[leader] if leader else None)
        for name in crew:
            Assignment.create(shift=row, member=people[name], status="请假" if name in leave else "已排")
        return row

    for offset in range(5):
        day = date.fromordinal(MONDAY.toordinal() + offset)
        shift(school, day, time(7, 30), time(8, 10), 2, [NUR, "张伟"], leader=NUR,
              leave={"张伟"} if offset == 2 else ())
    shift(school, MONDAY, time(17, 30), time(18, 10), 1, ["阿依古丽·艾买提"])
    for day in (date(2024, 4, 12), date(2024, 4, 13)):
        shift(patrol, day, time(19, 0), time(22, 0), 2, ["王芳", "刘强"], leader="王芳")
    shift(patrol, date(2024, 4, 15), time(19, 0), time(22, 0), 2, ["张伟"])  # next week
    return {"city": city.id, "red": red.id}


# --- reading the PDF back: each line of text with its cell's left edge and its height on the page ---


def lines(pdf: bytes) -> list[list[tuple[float, float, str]]]:
    """Per page: (x of the paragraph's origin, y of the line, text) for every line drawn."""
    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        found: list[tuple[float, float, str]] = []

        def visit(text, cm, tm, font_dict, font_size, found=found):
            if text.strip():
                found.append((round(cm[4], 1), cm[5] + tm[5], text.strip()))

        page.extract_text(visitor_text=visit)
        pages.append(found)
    return pages


def grid(page: list[tuple[float, float, str]], posts: list[str]) -> dict[tuple[str, str], str]:
    """(day, post) → the text in that cell. A cell's paragraphs start at the left edge (plus padding) its
    column's header starts at; a row runs from its day label (drawn at the row's top) down to the next."""
    column_x = {}
    for x, _y, text in page:
        if text in posts:
            column_x[x] = text
    day_y = sorted(((y, text) for _x, y, text in page if text in DAYS), reverse=True)
    cells: dict[tuple[str, str], str] = {}
    for x, y, text in page:
        if x not in column_x or text in posts:
            continue
        above = [day for top, day in day_y if top >= y - 0.5]
        if above:
            key = (above[-1], column_x[x])
            cells[key] = cells.get(key, "") + text + "\n"
    return cells


def all_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


# --- the data -----------------------------------------------------------------------------------


def test_data_from_the_database(week):
    data = duty_sheet_data(*WEEK, made_by="张警官", now=datetime(2024, 4, 5, 14, 30))
    assert data.unit_name == "伽师县公安局夏普吐勒派出所"
    assert (data.team_name, data.week_label) == (ALL_TEAMS, "2024年第15周")
    assert data.dates == iso_week_dates(*WEEK)
    assert [post.name for post in data.posts] == [SCHOOL, PATROL, STATION]  # 城区 before 红旗 (pinyin)
    assert data.posts[0].kind == "护学岗" and data.posts[0].place == "第一小学东门"
    monday_school = data.days[0][0]
    assert [(s.start, s.end) for s in monday_school] == [("07:30", "08:10"), ("17:30", "18:10")]
    first = monday_school[0]
    assert (list(first.names), list(first.phones), first.leader) == (
        [NUR, "张伟"], ["138****5678", "139****1234"], NUR)
    assert (first.filled, first.needed, first.missing) == (2, 2, 0)
    wednesday = data.days[2][0][0]
    assert list(wednesday.names) == [NUR] and wednesday.missing == 1  # 张伟 is on leave
    friday_patrol = data.days[4][1][0]
    assert list(friday_patrol.names) == ["王芳", "刘强"] and friday_patrol.leader == "王芳"
    assert data.days[0][1] == [] and all(row[2] == [] for row in data.days)  # next week's shift not here
    assert data.missing == 1  # Wednesday: 张伟 is on leave
    team_only = duty_sheet_data(*WEEK, team_id=week["red"])
    assert team_only.team_name == "红旗义警"
    assert [post.name for post in team_only.posts] == [PATROL, STATION]


def test_unknown_team_and_week(week):
    with pytest.raises(Team.DoesNotExist):
        duty_sheet_data(*WEEK, team_id=9999)
    with pytest.raises(ValueError):
        duty_sheet_data(2024, 60)


# --- the PDF ------------------------------------------------------------------------------------


def test_pdf_reads_back_in_the_right_cells(week, tmp_path):
    path = tmp_path / "值班表.pdf"
    duty_sheet_pdf(*WEEK, None, path, made_by="张警官", now=datetime(2024, 4, 5, 14, 30))
    pdf = path.read_bytes()
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    assert float(box.width) == pytest.approx(841.89, abs=0.1)

    text = all_text(pdf)
    for expected in ("义警值班表", "伽师县公安局夏普吐勒派出所", "全部队伍", "2024年第15周", "2024年4月8日—4月14日",
                     SCHOOL, PATROL, STATION, "护学岗 · 第一小学东门", "签到", "备注", "带班：", "138****5678",
                     "制表人：张警官", "制表时间：2024年4月5日 14:30", "第 1 页 共 1 页", "4月8日", "4月14日"):
        assert expected in text, expected
    for phone in ("13812345678", "13900001234", "13512341111", "15000003333"):
        assert phone not in text
    assert "旧岗位已停用" not in text

    cells = grid(lines(pdf)[0], [SCHOOL, PATROL, STATION])
    for day in DAYS[:5]:
        assert NUR in cells[(day, SCHOOL)]
        assert "07:30–08:10" in cells[(day, SCHOOL)]
        assert f"带班：{NUR}" in cells[(day, SCHOOL)]
        assert "138****5678" in cells[(day, SCHOOL)]
    for day in DAYS[5:]:
        assert (day, SCHOOL) not in cells or NUR not in cells[(day, SCHOOL)]
    assert "张伟" in cells[("星期二", SCHOOL)] and "张伟" not in cells[("星期三", SCHOOL)]
    assert "（缺 1 人）" in cells[("星期三", SCHOOL)]
    assert "阿依古丽·艾买提" in cells[("星期一", SCHOOL)] and "17:30–18:10" in cells[("星期一", SCHOOL)]
    for day in ("星期五", "星期六"):
        assert "王芳" in cells[(day, PATROL)] and "刘强" in cells[(day, PATROL)]
        assert "19:00–22:00" in cells[(day, PATROL)] and "带班：王芳" in cells[(day, PATROL)]
    for day in ("星期一", "星期四", "星期日"):
        assert "王芳" not in cells.get((day, PATROL), "")
    assert all("—" in cells[(day, STATION)] for day in DAYS)  # an active post without shifts

    entry = AuditLog.get(AuditLog.action == "打印")
    assert "2024年第15周" in entry.summary and "已脱敏" in entry.summary
    for personal in (NUR, "王芳", "138", "5678"):
        assert personal not in entry.summary


def test_pdf_for_one_team(week):
    data = duty_sheet_data(*WEEK, team_id=week["city"])
    text = all_text(build_duty_sheet(data))
    assert "队伍：城区义警队" in text and SCHOOL in text
    assert PATROL not in text and "王芳" not in text


def _many_posts(count: int, crew: int = 1) -> DutySheetData:
    dates = iso_week_dates(*WEEK)
    posts = [DutyPostColumn(f"第{n}号岗位", place=f"地点{n}", kind="巡逻") for n in range(1, count + 1)]
    days = [
        [[DutyShift("08:00", "12:00", [f"队员{n}号{d}日甲"] * crew, ["138****5678"] * crew, needed=crew)]
         for n in range(1, count + 1)]
        for d in range(7)
    ]
    return DutySheetData("某派出所", ALL_TEAMS, "2024年第15周", dates, posts, days, made_by="李四",
                         made_at=datetime(2024, 4, 5, 9, 0))


def test_many_posts_are_split_over_pages():
    assert [len(group) for group in post_groups(13)] == [5, 4, 4]
    assert [len(group) for group in post_groups(12)] == [4, 4, 4]
    assert [len(group) for group in post_groups(3)] == [3]
    pdf = build_duty_sheet(_many_posts(12))
    pages = lines(pdf)
    assert len(pages) == 3
    seen = []
    for number, page in enumerate(pages, start=1):
        texts = [text for _x, _y, text in page]
        page_text = "\n".join(texts)
        assert "义警值班表" in page_text and "签到" in texts and "备注" in texts and "2024年第15周" in page_text
        assert all(day in texts for day in DAYS)
        assert f"第 {number} 页 共 3 页" in page_text
        assert f"岗位 {4 * number - 3}–{4 * number}（共 12 个）" in page_text
        posts = [text for text in texts if text.startswith("第") and text.endswith("号岗位")]
        seen += posts
        cells = grid(page, posts)
        for post in posts:
            n = post[1:-3]
            for d, day in enumerate(DAYS):
                assert f"队员{n}号{d}日甲" in cells[(day, post)]
    assert seen == [f"第{n}号岗位" for n in range(1, 13)]


def test_nothing_is_cut():
    """A long name wraps inside its cell; a cell too tall for one page continues on the next."""
    long_name = "阿卜杜勒克里木·买买提依明·艾合买提江"
    data = _many_posts(5)
    data.days[0][0][0] = DutyShift("08:00", "12:00", [long_name], ["138****5678"], leader=long_name)
    text = all_text(build_duty_sheet(data)).replace("\n", "")
    assert long_name in text
    crowded = _many_posts(2, crew=120)
    pdf = build_duty_sheet(crowded)
    assert len(PdfReader(io.BytesIO(pdf)).pages) > 1
    assert all_text(pdf).count("队员1号0日甲") == 120


def test_empty_week_and_labels():
    dates = iso_week_dates(*WEEK)
    data = DutySheetData("", ALL_TEAMS, "2024年第15周", dates, [], [[] for _ in dates])
    text = all_text(build_duty_sheet(data))
    assert "本周没有岗位" in text and "签到" in text and "制表人" in text
    assert date_range_label(iso_week_dates(2024, 18)) == "2024年4月29日—5月5日"
    assert date_range_label(iso_week_dates(2025, 1)) == "2024年12月30日—2025年1月5日"
    night = DutyShift("22:00", "06:00", [], [], needed=2)
    assert cell_text([night]) == "22:00–次日06:00\n（缺 2 人）"
    assert cell_text([]) == "—"
    with pytest.raises(ValueError):
        DutySheetData("", ALL_TEAMS, "x", dates, [DutyPostColumn("a")], [[] for _ in dates])


# --- the spreadsheet ----------------------------------------------------------------------------


def test_xlsx_export(week, tmp_path):
    path = tmp_path / "值班表.xlsx"
    export_week_xlsx(*WEEK, None, path, made_by="张警官")
    sheet = load_workbook(path).active
    assert sheet["A1"].value == "义警值班表"
    assert "2024年第15周" in sheet["A2"].value and "2024年4月8日—4月14日" in sheet["A2"].value
    header = [sheet.cell(row=3, column=c).value for c in range(1, 7)]
    assert header[0] == "日期" and header[-2:] == ["签到", "备注"]
    assert [h.split("\n")[0] for h in header[1:4]] == [SCHOOL, PATROL, STATION]
    assert sheet["A4"].value == "星期一\n4月8日" and sheet["A10"].value == "星期日\n4月14日"
    monday_school = sheet["B4"].value
    assert f"07:30–08:10  带班：{NUR}" in monday_school and "138****5678" in monday_school
    assert "阿依古丽·艾买提 137****0001" in monday_school
    assert "（缺 1 人）" in sheet["B6"].value and "张伟" not in sheet["B6"].value
    assert "王芳" in sheet["C8"].value and sheet["C4"].value == "—"
    assert sheet["B6"].font.color.rgb.endswith("C00000")
    assert sheet["A4"].font.b is not True and sheet["B3"].font.b
    assert sheet.column_dimensions["B"].width >= 20
    assert "制表人：张警官" in sheet["A12"].value
    values = "\n".join(str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value)
    for phone in ("13812345678", "13900001234", "13512341111"):
        assert phone not in values
    entry = AuditLog.get(AuditLog.action == "导出")
    assert "值班表" in entry.summary and NUR not in entry.summary


def test_drawing_reports_its_progress_and_stops_when_cancelled():
    from desktop_app.services.progress import Cancelled

    seen: list[tuple[int, int]] = []
    pdf = build_duty_sheet(_many_posts(12), progress=lambda done, total, _text: seen.append((done, total)))
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 3
    assert seen[0] == (1, 6) and seen[-1] == (5, 6)  # three groups sized, then the pages
    assert [done for done, _total in seen] == sorted(done for done, _total in seen)

    def stop(done: int, total: int, _text: str) -> None:
        if done > total // 2:
            raise Cancelled

    with pytest.raises(Cancelled):
        build_duty_sheet(_many_posts(12), progress=stop)


def test_a_cancelled_print_is_not_logged(week):
    from desktop_app.services.progress import Cancelled
    from desktop_app.services.schedule.duty_sheet import duty_sheet_bytes

    def stop(_done: int, _total: int, _text: str) -> None:
        raise Cancelled

    with pytest.raises(Cancelled):
        duty_sheet_bytes(*WEEK, progress=stop)
    assert not AuditLog.select().where(AuditLog.action == "打印").exists()
    assert duty_sheet_bytes(*WEEK, progress=lambda *_: None).startswith(b"%PDF")
    assert AuditLog.select().where(AuditLog.action == "打印").count() == 1
