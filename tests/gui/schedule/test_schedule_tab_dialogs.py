"""The 排班值班 dialogs through their real widgets: posts and their recurring shifts (errors at the fields,
the unsaved-changes prompt), generating a week from the patterns, attendance ("everyone present except …",
迟到 with its times, a future shift refused), and the fairness table."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.db.models import Assignment, DutyPost, Shift, ShiftPattern, Team
from desktop_app.services.calendar.working_days import is_school_day
from desktop_app.services.roster.member_detail import member_sections
from desktop_app.services.roster.members import MemberInput, save_member
from desktop_app.services.schedule.assignments import assign
from desktop_app.services.schedule.posts import PostInput, save_post
from desktop_app.services.schedule.shift_times import week_monday
from desktop_app.ui.schedule.schedule_tab import ScheduleTab

LEFT = Qt.MouseButton.LeftButton
THIS_WEEK = week_monday(date.today())
FUTURE = THIS_WEEK + timedelta(days=14)
PAST = THIS_WEEK - timedelta(days=7)  # within the 14 days the tab counts as awaiting attendance
INSURED = date.today() + timedelta(days=400)




@pytest.fixture
def team(office):
    return Team.create(name="石榴大妈义警队").id


@pytest.fixture
def people(team):
    return {name: save_member(MemberInput(name=name, team_id=team, skills=["巡逻"],
                                          insurance_expires_on=INSURED)).id
            for name in ("王建国", "李秀英", "阿依古丽·买买提")}


@pytest.fixture
def tab(qtbot, team, messages):
    widget = ScheduleTab()
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    widget.refresh()
    return widget


def test_posts_and_patterns_through_the_dialog_then_generate_a_week(qtbot, tab, team, messages, type_text,
                                                                   monkeypatch):
    qtbot.mouseClick(tab.posts_button, LEFT)
    dialog = tab.dialog
    form, patterns = dialog.form, dialog.patterns
    assert not patterns.save_button.isEnabled()  # patterns once the post is saved

    qtbot.mouseClick(dialog.save_button, LEFT)  # nothing typed
    assert form.fields.messages["name"].text() == "请填写岗位名称" and form.fields.messages["name"].isVisibleTo(form)
    type_text(form.name, "第一小学护学岗")
    form.kind.setCurrentIndex(form.kind.findData("护学岗"))
    form.team.setCurrentIndex(form.team.findData(team))
    type_text(form.place, "第一小学校门口")
    qtbot.keyClicks(form.default_start, "7:30")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert form.fields.messages["default_end"].text() == "开始和结束时间应同时填写"
    qtbot.keyClicks(form.default_end, "08:10")
    form.headcount.setValue(3)
    form.school_days_only.setChecked(True)
    qtbot.mouseClick(dialog.save_button, LEFT)
    school = DutyPost.get(DutyPost.name == "第一小学护学岗")
    assert (school.kind, school.team_id, school.headcount, school.school_days_only) == ("护学岗", team, 3, True)
    assert dialog.model.rowCount() == 1 and patterns.save_button.isEnabled()

    # the pattern form starts from the post's defaults; every school day, morning and afternoon
    assert (patterns.start.text(), patterns.end.text(), patterns.headcount.value()) == ("07:30", "08:10", 3)
    qtbot.mouseClick(patterns.save_button, LEFT)
    patterns.start.setText("")
    qtbot.keyClicks(patterns.start, "25:00")
    patterns.end.setText("18:10")
    qtbot.mouseClick(patterns.save_button, LEFT)
    assert "无法识别" in patterns.fields.messages["start"].text()
    patterns.start.setText("17:30")
    qtbot.mouseClick(patterns.save_button, LEFT)
    assert [r.text for r in patterns.model.rows()] == ["周一至周五 07:30–08:10 3人", "周一至周五 17:30–18:10 3人"]

    qtbot.mouseClick(dialog.new_button, LEFT)
    type_text(form.name, "中山路商圈巡逻")
    form.needs_leader.setChecked(True)
    form.headcount.setValue(2)
    qtbot.mouseClick(dialog.save_button, LEFT)
    patrol = DutyPost.get(DutyPost.name == "中山路商圈巡逻")
    assert patrol.kind == "巡逻" and patrol.needs_leader and patrol.team_id is None
    patterns.set_weekdays(())
    patterns.day_checks[4].setChecked(True)
    patterns.day_checks[5].setChecked(True)
    qtbot.keyClicks(patterns.start, "19:00")
    qtbot.keyClicks(patterns.end, "22:00")
    patterns.valid_from.setText("2024-1-1")
    qtbot.mouseClick(patterns.save_button, LEFT)
    assert [r.text for r in patterns.model.rows()] == ["周五、周六 19:00–22:00 2人（2024-01-01起）"]
    assert ShiftPattern.select().count() == 3

    patterns.set_weekdays(())
    qtbot.mouseClick(patterns.save_button, LEFT)
    assert patterns.fields.messages["weekdays"].text() == "请至少选择一天"
    # leaving with an unsaved change asks: 保存 (the error keeps the dialog open), then 不保存
    asked = []
    for answer in (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard):
        monkeypatch.setattr(QMessageBox, "question",
                            lambda *a, answer=answer, **k: asked.append(a[2]) or answer)
        dialog.reject()
        assert dialog.isVisible() == (answer == QMessageBox.StandardButton.Save)
    assert asked == ["岗位或班次规律有修改尚未保存。要保存吗？"] * 2

    tab.show_week(FUTURE)
    qtbot.mouseClick(tab.generate_button, LEFT)
    school_days = sum(1 for n in range(7) if is_school_day(FUTURE + timedelta(days=n)))
    assert Shift.select().where(Shift.post == school.id).count() == 2 * school_days
    assert Shift.select().where(Shift.post == patrol.id).count() == 2
    assert messages[-1][1] == f"已按班次规律生成 {2 * school_days + 2} 个班次。"
    model = tab.model
    col = next(i for i, p in enumerate(model.grid.posts) if p.id == patrol.id)
    assert model.data(model.index(4, col)) == "19:00–22:00 缺 2 人"
    assert model.data(model.index(0, col)) == ""


def test_attendance_everyone_present_except(qtbot, tab, people, messages):
    post = save_post(PostInput(name="中山路商圈巡逻", kind="巡逻", headcount=3)).id
    shift = Shift.create(post=post, date=PAST, start=time(19), end=time(22), headcount=3).id
    for member_id in people.values():
        assign(shift, member_id, force_warnings=True)
    tab.show_week(PAST)
    assert "近两周待签到班次 1 个" in tab.summary_label.text()
    qtbot.mouseClick(tab.attendance_button, LEFT)  # no cell chosen: the week's shift awaiting attendance
    dialog = tab.dialog
    assert [e.status.currentData() for e in dialog.lines] == ["已到"] * 3
    dialog.set_status(people["李秀英"], "缺勤")
    dialog.set_status(people["阿依古丽·买买提"], "迟到")
    qtbot.mouseClick(dialog.save_button, LEFT)
    late = dialog.line_for(people["阿依古丽·买买提"])
    assert late.message.text() == "阿依古丽·买买提：迟到请填写实际到岗和离岗时间" and dialog.isVisible()
    qtbot.keyClicks(late.start, "19:30")
    qtbot.keyClicks(late.end, "22:00")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.isVisible()
    rows = {a.member_id: (a.status, a.hours) for a in Assignment.select()}
    assert rows == {people["王建国"]: ("已到", 3.0), people["李秀英"]: ("缺勤", 0.0),
                    people["阿依古丽·买买提"]: ("迟到", 2.5)}
    assert member_sections(people["王建国"]).hours_total == 3.0
    assert "待签到" not in tab.summary_label.text()
    assert "李秀英 缺勤" in tab.model.data(tab.model.index(0, 0))


def test_attendance_for_a_future_shift_is_refused(qtbot, tab, people, messages):
    post = save_post(PostInput(name="中山路商圈巡逻", kind="巡逻", headcount=1)).id
    shift = Shift.create(post=post, date=FUTURE, start=time(19), end=time(22), headcount=1).id
    assign(shift, people["王建国"])
    tab.show_week(FUTURE)
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    dialog = tab.open_attendance()
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.message.text() == "班次尚未开始，不能登记考勤" and dialog.isVisible()
    assert Assignment.get().status == "已排"


def test_fairness_table(qtbot, tab, people, messages):
    post = save_post(PostInput(name="中山路商圈巡逻", kind="巡逻", headcount=1)).id
    for n in range(3):
        shift = Shift.create(post=post, date=FUTURE + timedelta(days=n), start=time(19), end=time(22),
                             headcount=1)
        assign(shift.id, people["王建国"], force_warnings=True)
    tab.show_week(FUTURE)
    qtbot.mouseClick(tab.fairness_button, LEFT)
    dialog = tab.dialog
    dialog.period.week.setChecked(True)
    model = dialog.model
    rows = {model.data(model.index(r, 0)): [model.data(model.index(r, c)) for c in range(9)]
            for r in range(model.rowCount())}
    assert rows["王建国"][2:] == ["3", "9", "0", "0", "9", "3", "+6.0"]
    assert rows["李秀英"][2:] == ["0", "0", "0", "0", "0", "3", "-3.0"]
    wang = next(r for r in range(model.rowCount()) if model.data(model.index(r, 0)) == "王建国")
    assert model.data(model.index(wang, 8), Qt.ItemDataRole.ForegroundRole) is not None
    dialog.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 0)) == "王建国"
    assert "本期有值班 1 人" in dialog.summary.text()
