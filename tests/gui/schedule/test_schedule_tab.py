"""The 排班值班 tab through its real widgets: the week grid (names, 带班, 锁, gaps in red, holidays), assigning
by the dialog (a refusal for leave and for an overlapping shift, a warning confirmed), swap and substitute,
lock and auto-schedule keeping it, drag and drop, the printed sheet and the Excel export, the month view."""

from __future__ import annotations

import io
from datetime import date, time, timedelta

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from desktop_app.db.models import Assignment, AuditLog, Shift, Swap, Team
from desktop_app.services.roster.members import MemberInput, add_leave, save_member
from desktop_app.services.schedule.assignments import assign
from desktop_app.services.schedule.posts import PatternInput, PostInput, save_pattern, save_post
from desktop_app.services.schedule.shift_generation import generate_shifts
from desktop_app.services.schedule.shift_times import week_monday
from desktop_app.ui.schedule.schedule_tab import ScheduleTab
from desktop_app.ui.schedule.week_grid_model import MEMBER

LEFT = Qt.MouseButton.LeftButton
FUTURE = week_monday(date.today()) + timedelta(days=14)  # no shift of that week has started
INSURED = date.today() + timedelta(days=400)
NAMES = ("王建国", "努尔买买提·西热甫", "李秀英", "阿依古丽·买买提")




@pytest.fixture
def crew(office):
    team = Team.create(name="红旗义警队").id
    people = {name: save_member(MemberInput(name=name, team_id=team, skills=["巡逻"], phone=f"1391234{i:04d}",
                                            insurance_expires_on=INSURED)).id
              for i, name in enumerate(NAMES)}
    patrol = save_post(PostInput(name="中山路商圈巡逻", kind="巡逻", team_id=team, headcount=2, needs_leader=True)).id
    save_pattern(patrol, PatternInput(weekdays="1-7", start="19:00", end="22:00", headcount=2))
    generate_shifts(FUTURE, FUTURE + timedelta(days=6))
    return team, patrol, people


@pytest.fixture
def tab(qtbot, crew, messages):
    widget = ScheduleTab()
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    widget.refresh()
    widget.show_week(FUTURE)
    return widget


def shift_on(post_id: int, day: date) -> int:
    return Shift.get(Shift.post == post_id, Shift.date == day).id


def column_of(tab: ScheduleTab, post_id: int) -> int:
    return next(i for i, p in enumerate(tab.model.grid.posts) if p.id == post_id)


def test_grid_shows_days_posts_names_and_gaps(qtbot, tab, crew):
    _, patrol, people = crew
    station = save_post(PostInput(name="夏普吐勒警务站值守", kind="警务站值守", headcount=1)).id
    Shift.create(post=station, date=FUTURE, start=time(20), end=time(8), headcount=1)
    assign(shift_on(patrol, FUTURE), people["王建国"])
    tab.load_week()
    model = tab.model
    assert model.rowCount() == 7 and model.columnCount() == 2
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)]
    assert headers[0] == "夏普吐勒警务站值守" and headers[1].startswith("中山路商圈巡逻")
    assert model.headerData(0, Qt.Orientation.Vertical).startswith("星期一\n")
    col = column_of(tab, patrol)
    text = model.data(model.index(0, col))
    assert text.splitlines() == ["19:00–22:00 缺 1 人", "王建国 带班·锁"]
    assert model.data(model.index(0, col), Qt.ItemDataRole.ForegroundRole).color().name() == "#c0392b"
    night = model.data(model.index(0, 0))
    assert night == "20:00–次日08:00 夜 缺 1 人"
    assert "需 15 人次，缺 14 人次" in tab.summary_label.text()  # 7 × 2 + 1 needed, one filled
    assert tab.week_label.text().startswith(f"{FUTURE.isocalendar()[0]}年第{FUTURE.isocalendar()[1]}周")
    # rows are tall enough for every line of their fullest cell
    assert tab.view.rowHeight(0) >= 2 * tab.view.fontMetrics().lineSpacing()

    tab.show_week(date(2025, 10, 1))  # the week of 国庆节
    assert "国庆节" in tab.model.headerData(2, Qt.Orientation.Vertical)
    qtbot.mouseClick(tab.next_button, LEFT)
    assert tab.monday == date(2025, 10, 6)
    qtbot.mouseClick(tab.this_week_button, LEFT)
    assert tab.monday == week_monday(date.today())


def test_assign_by_the_dialog_with_refusals_and_a_warning(qtbot, tab, crew, messages):
    team, patrol, people = crew
    add_leave(people["李秀英"], FUTURE, FUTURE, "外出务工")
    station = save_post(PostInput(name="夏普吐勒警务站值守", kind="警务站值守", headcount=1)).id
    busy = Shift.create(post=station, date=FUTURE, start=time(19, 30), end=time(21), headcount=1).id
    assign(busy, people["阿依古丽·买买提"])
    tab.load_week()
    col = column_of(tab, patrol)
    tab.view.setCurrentIndex(tab.model.index(0, col))
    qtbot.mouseClick(tab.assign_button, LEFT)
    dialog = tab.dialog
    picker = dialog.picker
    assert picker.model.rowCount() == 4

    row = picker.model.row_of(people["李秀英"])
    index = picker.model.index(row, 3)
    assert "请假" in picker.model.data(index) and "外出务工" in picker.model.data(index)
    assert not picker.model.flags(index) & Qt.ItemFlag.ItemIsSelectable
    assert picker.model.data(index, Qt.ItemDataRole.ForegroundRole).color().name() == "#c0392b"
    assert not picker.select_member(people["李秀英"])
    overlap = picker.model.data(picker.model.index(picker.model.row_of(people["阿依古丽·买买提"]), 3))
    assert "时间冲突" in overlap and "夏普吐勒警务站值守" in overlap
    assert not dialog.assign_member(people["阿依古丽·买买提"])  # a double-click would be refused too
    assert messages[-1][0] == "warning" and "时间冲突" in messages[-1][1]

    qtbot.keyClicks(picker.search, "wjg")  # pinyin initials
    assert picker.model.rowCount() == 1
    assert picker.select_member(people["王建国"])
    qtbot.mouseClick(dialog.assign_button, LEFT)
    picker.search.clear()
    assert picker.select_member(people["努尔买买提·西热甫"])
    qtbot.mouseClick(dialog.assign_button, LEFT)
    shift = shift_on(patrol, FUTURE)
    assert {a.member_id for a in Assignment.select().where(Assignment.shift == shift)} == {
        people["王建国"], people["努尔买买提·西热甫"]}
    assert dialog.crew_model.rowCount() == 2 and "缺" not in dialog.header.text()

    before = len(messages)
    assert dialog.assign_member(people["努尔买买提·西热甫"]) is False  # already on it: refused
    assert "已安排在本班次" in messages[before][1]
    tab.show_week(FUTURE)
    assert "王建国 带班·锁" in tab.model.data(tab.model.index(0, col))


def test_warning_confirmed_and_crew_actions(qtbot, tab, crew, messages):
    _, patrol, people = crew
    shift = shift_on(patrol, FUTURE)
    assign(shift, people["王建国"])
    assign(shift, people["李秀英"])
    dialog = tab.open_cell(0, column_of(tab, patrol))
    assert dialog.picker.select_member(people["努尔买买提·西热甫"])
    qtbot.mouseClick(dialog.assign_button, LEFT)
    assert messages[-1][0] == "question" and "本班次已满员" in messages[-1][1] and "仍要安排吗" in messages[-1][1]
    assert Assignment.select().where(Assignment.shift == shift).count() == 3

    dialog.select_crew(people["李秀英"])
    qtbot.mouseClick(dialog.leader_button, LEFT)
    assert Shift.get_by_id(shift).leader_id == people["李秀英"]
    dialog.select_crew(people["李秀英"])
    assert dialog.lock_button.text() == "解锁"
    qtbot.mouseClick(dialog.lock_button, LEFT)
    assert not Assignment.get(Assignment.member == people["李秀英"]).locked
    assert dialog.lock_button.text() == "锁定"
    qtbot.mouseClick(dialog.explain_button, LEFT)
    assert messages[-1][1].startswith("李秀英：手工安排")
    dialog.select_crew(people["努尔买买提·西热甫"])
    qtbot.mouseClick(dialog.unassign_button, LEFT)
    assert Assignment.select().where(Assignment.shift == shift).count() == 2


def test_swap_and_substitute(qtbot, tab, crew, messages, type_text):
    _, patrol, people = crew
    monday, tuesday = shift_on(patrol, FUTURE), shift_on(patrol, FUTURE + timedelta(days=1))
    assign(monday, people["王建国"])
    assign(tuesday, people["李秀英"])
    tab.load_week()
    dialog = tab.open_cell(0, column_of(tab, patrol))
    dialog.select_crew(people["王建国"])
    swap = dialog.open_swap()
    assert swap.select(tuesday, people["李秀英"])
    type_text(swap.reason, "家中有事")
    qtbot.mouseClick(swap.ok_button, LEFT)
    assert Assignment.get(Assignment.shift == monday).member_id == people["李秀英"]
    assert Assignment.get(Assignment.shift == tuesday).member_id == people["王建国"]
    assert [s.reason for s in Swap.select()] == ["家中有事", "家中有事"]
    assert [r.name for r in dialog.crew_model.rows()] == ["李秀英"]

    dialog.select_crew(people["李秀英"])
    substitute = dialog.open_substitute()
    assert not substitute.picker.select_member(people["李秀英"])  # not offered to replace herself
    assert substitute.picker.select_member(people["阿依古丽·买买提"])
    qtbot.mouseClick(substitute.ok_button, LEFT)
    assert Assignment.get(Assignment.shift == monday).member_id == people["阿依古丽·买买提"]
    assert Swap.select().count() == 3
    assert "阿依古丽·买买提" in tab.model.data(tab.model.index(0, column_of(tab, patrol)))


def test_locked_assignment_survives_auto_schedule(qtbot, tab, crew, messages):
    _, patrol, people = crew
    dialog = tab.open_cell(0, column_of(tab, patrol))
    assert dialog.lock_new.isChecked()
    assert dialog.picker.select_member(people["李秀英"])
    qtbot.mouseClick(dialog.assign_button, LEFT)
    kept = Assignment.get(Assignment.member == people["李秀英"])
    assert kept.locked
    dialog.accept()

    qtbot.mouseClick(tab.auto_button, LEFT)
    auto = tab.dialog
    assert auto.period.week.isChecked() and auto.period.period() == (FUTURE, FUTURE + timedelta(days=6))
    qtbot.mouseClick(auto.start_button, LEFT)
    qtbot.waitUntil(lambda: auto.schedule_result is not None, timeout=15000)
    result = auto.schedule_result
    assert Assignment.get_by_id(kept.id).member_id == people["李秀英"]  # the locked one is kept
    assert result.slots_needed == 14 and result.slots_kept == 1
    # four people, at most three shifts a week each: 12 of 14 slots
    assert result.slots_filled == 11 and result.slots_missing == 2
    assert "已排 12 / 需 14 人次" in auto.summary.text() and "仍缺 2 人次" in auto.summary.text()
    assert auto.table.isVisibleTo(auto) and auto.model.rowCount() == len(result.unfilled)
    reasons = {auto.model.data(auto.model.index(r, 4)) for r in range(auto.model.rowCount())}
    assert reasons == {"符合条件的队员均已达每周上限（3 班）"}
    assert tab.model.grid.slots_missing == 2  # the grid was reloaded


def test_drag_a_name_to_another_cell(qtbot, tab, crew, messages):
    _, patrol, people = crew
    monday, tuesday = shift_on(patrol, FUTURE), shift_on(patrol, FUTURE + timedelta(days=1))
    moving = assign(monday, people["王建国"]).id
    add_leave(people["李秀英"], FUTURE + timedelta(days=2), FUTURE + timedelta(days=2), "生病")
    on_leave = assign(monday, people["李秀英"]).id
    tab.load_week()
    model, view, col = tab.model, tab.view, column_of(tab, patrol)

    # the view knows which person's line is under the mouse
    rect = view.visualRect(model.index(0, col))
    lines = model.lines_at(0, col)
    height = max(view.fontMetrics().lineSpacing(), 1)
    index, line = view.line_at(QPoint(rect.left() + 10, rect.top() + 4 + height + height // 2))
    assert line is not None and line.kind != "time" and line.assignment_id == lines[1].assignment_id
    assert model.mimeData([model.index(0, col)]) is None  # two people: the view drags the one pressed

    mime = model.assignment_mime(moving)
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, model.index(1, col))
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, model.index(1, col))
    qtbot.waitUntil(lambda: Assignment.get_by_id(moving).shift_id == tuesday)
    assert "王建国" in model.data(model.index(1, col)) and "王建国" not in model.data(model.index(0, col))

    assert model.dropMimeData(model.assignment_mime(on_leave), Qt.DropAction.MoveAction, -1, -1,
                              model.index(2, col))
    qtbot.waitUntil(lambda: any("请假" in text for _, text in messages))
    assert Assignment.get_by_id(on_leave).shift_id == monday
    assert "不能这样安排" in messages[-1][1] and "生病" in messages[-1][1]


def test_print_and_export_the_week(qtbot, tab, crew, messages, monkeypatch, tmp_path):
    _, patrol, people = crew
    assign(shift_on(patrol, FUTURE), people["努尔买买提·西热甫"])
    tab.load_week()
    shown = {}

    def fake_preview(parent, pdf, title, name):
        shown.update(pdf=pdf, title=title, name=name)

    monkeypatch.setattr("desktop_app.ui.print_preview.preview_pdf", fake_preview)
    qtbot.mouseClick(tab.print_button, LEFT)
    year, week, _ = FUTURE.isocalendar()
    assert shown["title"] == "打印值班表" and shown["name"] == f"值班表-{year}-W{week:02d}.pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(shown["pdf"])).pages)
    assert "中山路商圈巡逻" in text and "努尔买买提·西热甫" in text and "139****0001" in text
    assert AuditLog.select().where(AuditLog.action == "打印", AuditLog.table_name == "shift").count() == 1

    target = tmp_path / "值班表.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(tab.export_button, LEFT)
    assert messages[-1][0] == "information" and str(target) in messages[-1][1]
    cells = [str(c.value) for row in load_workbook(target).active.iter_rows() for c in row if c.value]
    assert any("努尔买买提·西热甫" in c for c in cells) and any("中山路商圈巡逻" in c for c in cells)


def test_month_view_shows_gaps_and_opens_a_week(qtbot, tab, crew, messages):
    _, patrol, people = crew
    assign(shift_on(patrol, FUTURE), people["王建国"])
    tab.show_week(date.today())
    qtbot.mouseClick(tab.month_button, LEFT)
    month = tab.dialog
    while (month.year, month.month) != (FUTURE.year, FUTURE.month):
        qtbot.mouseClick(month.next_button, LEFT)
    row, column = month.model.position_of(FUTURE)
    index = month.model.index(row, column)
    assert month.model.data(index).splitlines()[1:] == ["班次 1 个", "已排 1/2 人", "缺 1 人（1 个班次）"]
    assert month.model.data(index, Qt.ItemDataRole.ForegroundRole).color().name() == "#c0392b"
    assert "缺" in month.summary.text()
    month.table.doubleClicked.emit(index)
    assert tab.monday == FUTURE and not month.isVisible()


def test_context_menu_offers_the_person_actions(qtbot, tab, crew, messages):
    _, patrol, people = crew
    aid = assign(shift_on(patrol, FUTURE), people["王建国"]).id
    tab.load_week()
    col = column_of(tab, patrol)
    line = next(li for li in tab.model.lines_at(0, col) if li.assignment_id == aid)
    assert line.kind != MEMBER  # the only one on the shift is its 带班
    menu = tab.cell_menu(0, col, line)
    actions = {a.text(): a for a in menu.actions() if a.text()}
    assert set(actions) == {"安排…", "说明：为什么是王建国", "解锁", "取消安排", "签到…"}
    actions["解锁"].trigger()
    assert not Assignment.get_by_id(aid).locked
    assert "王建国 带班" in tab.model.data(tab.model.index(0, col))
