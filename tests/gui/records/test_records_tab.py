"""The 工作记录 tab through its real widgets: an activity typed with the keyboard (figures, people with
hours each, Ctrl+Enter), 复制上一条, the member filter and the names offered while typing, a training with
attendees and the qualification it grants, the points page, the 工作简报 written from an edited draft, and
the 台账 import dialog."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from openpyxl import Workbook
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog

from desktop_app.db.models import (
    Activity,
    ActivityParticipant,
    PointEntry,
    Qualification,
    Training,
    TrainingAttendee,
)
from desktop_app.services.records.activities import ActivityInput, ParticipantInput, save_activity
from desktop_app.services.records.activity_list import ActivityFilter
from desktop_app.services.records.points import points_rules, recompute_ledger
from desktop_app.services.roster.members import MemberInput, save_member
from desktop_app.services.roster.teams import TeamInput, save_team
from desktop_app.ui.records import points_page
from desktop_app.ui.records.records_tab import RecordsTab


@pytest.fixture
def people(data_paths, office):
    team = save_team(TeamInput(name="石榴大妈义警队"))
    ids = {name: save_member(MemberInput(name=name, team_id=team, join_date="2020-01-01")).id
           for name in ("张鹏", "李娜", "努尔买买提·西热甫")}
    return {"team": team, **ids}


@pytest.fixture
def tab(qtbot, people):
    widget = RecordsTab()
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def choose(qtbot, combo, text: str) -> None:
    """Pick an entry by keyboard: focus the combo, move with the arrow keys until it shows `text`."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def test_an_activity_entered_with_the_keyboard(qtbot, tab, people, type_text):
    form = tab.activities.form
    choose(qtbot, form.kind, "交通劝导")
    choose(qtbot, form.team, "石榴大妈义警队")
    type_text(form.place, "中山路路口")
    type_text(form.description, "劝导不戴头盔行为")
    spin = form.figure_fields["people_persuaded"]
    assert spin.isVisible() and not form.figure_fields["vehicles_helped"].isVisible()
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "35")
    form.people.hours.setFocus()
    form.people.hours.selectAll()
    qtbot.keyClicks(form.people.hours, "2.5")
    for name in ("张鹏", "李娜"):
        type_text(form.people.name, name)
        qtbot.keyClick(form.people.name, Qt.Key.Key_Return)
    assert [p.label for p in form.people.model.people] == ["张鹏（石榴大妈义警队）", "李娜（石榴大妈义警队）"]
    # 李娜 stayed one hour less: her own hours, typed into her row
    index = form.people.model.index(1, 1)
    assert form.people.model.setData(index, "1.5")
    qtbot.keyClick(form.place, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    row = Activity.get()
    assert (row.kind, row.team_id, row.place, row.people_persuaded, row.date) == (
        "交通劝导", people["team"], "中山路路口", 35, date.today())
    hours = {p.member_id: p.hours for p in ActivityParticipant.select()}
    assert hours == {people["张鹏"]: 2.5, people["李娜"]: 1.5}
    assert tab.activities.model.rowCount() == 1
    assert "劝导交通违法行为 35起" in tab.activities.summary.text()
    assert form.place.text() == "" and form.people.model.people == []

    form.copy_button.click()
    assert form.place.text() == "中山路路口" and len(form.people.model.people) == 2
    spin.setValue(12)
    form.save_button.click()
    assert Activity.select().count() == 2 and tab.activities.model.rowCount() == 2


def test_the_member_filter_and_the_names_offered_while_typing(qtbot, tab, people, type_text):
    for name, kind in (("张鹏", "交通劝导"), ("李娜", "救援")):
        save_activity(ActivityInput(date=date.today(), kind=kind, team_id=people["team"], vehicles_helped=1,
                                    people_persuaded=1, participants=[ParticipantInput(people[name], 2)]))
    page = tab.activities
    page.refresh()
    assert page.model.rowCount() == 2
    edit = page.member.lineEdit()
    edit.selectAll()  # 全部队员, typed over
    type_text(edit, "李")
    completion = page.member_completion
    qtbot.waitUntil(lambda: completion.model.stringList() == ["李娜（石榴大妈义警队）"], timeout=10000)
    edit.selectAll()
    type_text(edit, "李娜（石榴大妈义警队）")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert page.model.rowCount() == 1 and page.member.currentData() == people["李娜"]
    assert page.member.count() == 2  # 全部队员 and the one chosen: the roster is not loaded into the box
    edit.selectAll()
    type_text(edit, "全部队员")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert page.model.rowCount() == 2 and page.member.currentData() is None
    page.apply_filter(ActivityFilter(member_id=people["张鹏"]))  # as the 首页 opens a member's records
    assert page.member.currentText() == "张鹏（石榴大妈义警队）" and page.model.rowCount() == 1

    picker = page.form.people
    type_text(picker.name, "买买")
    qtbot.waitUntil(lambda: picker.completion.model.stringList() == ["努尔买买提·西热甫（石榴大妈义警队）"],
                    timeout=10000)


def test_refusals_show_at_the_fields_and_nothing_is_lost(qtbot, tab, people, type_text):
    form = tab.activities.form
    form.date.setDate(QDate.currentDate().addDays(3))
    type_text(form.people.name, "王五")
    qtbot.keyClick(form.people.name, Qt.Key.Key_Return)
    assert "没有找到" in form.people.message.text()
    type_text(form.place, "团结路")
    form.save_button.click()
    assert Activity.select().count() == 0
    assert "不能晚于今天" in form.messages["date"].text() and form.messages["date"].isVisible()
    assert form.place.text() == "团结路"


def test_a_training_with_attendees_grants_its_qualification(qtbot, tab, people, type_text):
    tab.pages.setCurrentWidget(tab.trainings)
    page = tab.trainings
    type_text(page.title, "应急救护培训")
    page.hours.setFocus()
    page.hours.selectAll()
    qtbot.keyClicks(page.hours, "4")
    type_text(page.host, "伽师县红十字会")
    type_text(page.grants, "急救")
    page.valid_months.setValue(24)
    for name in ("努尔买买提", "李娜"):
        type_text(page.people.name, name)
        qtbot.keyClick(page.people.name, Qt.Key.Key_Return)
    assert len(page.people.model.people) == 2
    page.save_button.click()
    training = Training.get()
    assert (training.title, training.hours, training.grants_skill, training.valid_months) == ("应急救护培训", 4, "急救", 24)
    assert {a.member_id: a.hours for a in TrainingAttendee.select()} == {people["努尔买买提·西热甫"]: 4.0,
                                                                         people["李娜"]: 4.0}
    assert Qualification.select().where(Qualification.skill == "急救").count() == 2
    assert page.model.rowCount() == 1


def test_the_sign_in_sheet_and_the_points_page(qtbot, tab, people, type_text, tmp_path, monkeypatch):
    tab.pages.setCurrentWidget(tab.trainings)
    type_text(tab.trainings.title, "岗前培训")
    out = tmp_path / "签到表.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    tab.trainings.sheet_button.click()
    text = "".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert "培训签到表" in text and "岗前培训" in text and "张鹏" in text
    save_activity(ActivityInput(date=date.today(), kind="救援", team_id=people["team"], vehicles_helped=2,
                                participants=[ParticipantInput(people["张鹏"], 3)]))
    tab.pages.setCurrentWidget(tab.points)
    page = tab.points
    page.refresh()
    assert page.model.rowCount() == 1 and page.model.rows()[0].points == 3 + 3  # 3 h + 3 for a 救援 record
    page.per_activity_hour.setValue(2)
    page.save_rules_button.click()  # recomputed off the GUI thread: the page shows it when it has ended
    qtbot.waitUntil(lambda: page.status.text() == "积分规则已保存，积分已按记录重算。", timeout=10000)
    assert page.model.rows()[0].points == 2 * 3 + 3


def test_the_pages_behind_are_built_when_first_shown(qtbot, tab):
    assert [tab._trainings._content, tab._points._content, tab._report._content] == [None, None, None]
    tab.pages.setCurrentIndex(2)  # 积分与星级, clicked
    assert tab._points._content is not None and tab.points.isVisible()
    assert tab.pages.indexOf(tab.points) == 2 and tab._trainings._content is None
    tab.pages.setCurrentWidget(tab.report)  # asked for by name: built, then shown
    assert tab.pages.currentIndex() == 3 and tab.report.isVisible()


def test_a_big_rosters_ranking_is_made_off_the_gui_thread(qtbot, tab, people, monkeypatch):
    save_activity(ActivityInput(date=date.today(), kind="救援", team_id=people["team"], vehicles_helped=1,
                                participants=[ParticipantInput(people["张鹏"], 3), ParticipantInput(people["李娜"], 1)]))
    page = tab.points
    page.refresh()
    at_once = [(line.rank, line.name, line.points) for line in page.model.rows()]
    assert at_once == [(1, "张鹏", 6.0), (2, "李娜", 4.0)]
    monkeypatch.setattr(points_page.ops, "ROSTER_SEARCH_AT_ONCE", 2)  # three members: "big"
    page.model.set_rows([])
    page.refresh()
    assert page.ranking_lookup.pending
    qtbot.waitUntil(lambda: not page.ranking_lookup.pending, timeout=10000)
    assert [(line.rank, line.name, line.points) for line in page.model.rows()] == at_once


def test_the_report_from_an_edited_draft(qtbot, tab, people, tmp_path, monkeypatch):
    save_activity(ActivityInput(date=date.today(), kind="交通劝导", team_id=people["team"], people_persuaded=88,
                                participants=[ParticipantInput(people["张鹏"], 2)]))
    tab.pages.setCurrentWidget(tab.report)
    page = tab.report
    page.draft_button.click()
    qtbot.waitUntil(lambda: page.data is not None, timeout=15000)
    assert "劝导交通违法行为88起" in page.paragraph.toPlainText()
    page.paragraph.setPlainText("本月我所义警队伍劝导交通违法行为88起。（内勤改写）")
    out = tmp_path / "月报.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    page.pdf_button.click()
    qtbot.waitUntil(lambda: page.written is not None, timeout=15000)
    text = "".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert "（内勤改写）" in text and "88" in text and "图1" in text


def test_the_ledger_import_dialog(qtbot, tab, people, tmp_path, messages):
    book = Workbook()
    sheet = book.active
    sheet.append(["2026年工作台账"])
    sheet.append(["日期", "队伍", "工作类别", "参与队员", "时长", "成效"])
    sheet.append(["2026-03-05", "石榴大妈队", "交通劝导", "张鹏、李娜", 2, "劝导交通违法行为35起"])
    sheet.append(["2026-03-06", "石榴大妈义警队", "救援", "王五", 2, "救助被困车辆3辆"])
    book.save(tmp_path / "台账.xlsx")
    from desktop_app.ui.records.ledger_import_dialog import LedgerImportDialog

    dialog = LedgerImportDialog(tab, tmp_path / "台账.xlsx")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    assert dialog.model.rowCount() == 2 and dialog.import_button.isEnabled()
    assert "王五" in dialog.model.rows()[1].reasons
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert Activity.select().count() == 1 and Activity.get().people_persuaded == 35
    assert messages == [("information", "已导入 1 条工作记录。")]


def test_a_ledger_import_tells_the_tabs_showing_records_and_a_check_does_not(qtbot, tab, people, tmp_path, messages):
    from desktop_app.ui.ops import RECORDS, change_bus
    from desktop_app.ui.records.ledger_import_dialog import LedgerImportDialog

    book = Workbook()
    sheet = book.active
    sheet.append(["2026年工作台账"])
    sheet.append(["日期", "队伍", "工作类别", "参与队员", "时长", "成效"])
    sheet.append(["2026-03-05", "石榴大妈队", "交通劝导", "张鹏、李娜", 2, "劝导交通违法行为35起"])
    book.save(tmp_path / "台账.xlsx")
    announced: list[frozenset[str]] = []
    change_bus().changed.connect(lambda changes: announced.append(changes.kinds))
    dialog = LedgerImportDialog(tab, tmp_path / "台账.xlsx")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    assert announced == []  # checking the sheet changes nothing
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert announced == [frozenset({RECORDS})]


def _ledger():
    return [(e.id, e.member_id, e.date, e.points, e.reason) for e in PointEntry.select().order_by(PointEntry.id)]


def test_the_points_are_recomputed_off_the_gui_thread_and_shown_after(qtbot, tab, people, monkeypatch):
    save_activity(ActivityInput(date=date.today(), kind="救援", team_id=people["team"], vehicles_helped=1,
                                participants=[ParticipantInput(people["张鹏"], 3)]))
    page = tab.points
    tab.pages.setCurrentWidget(page)
    seen: dict[str, threading.Thread] = {}

    def watched(**kwargs):
        seen["thread"] = threading.current_thread()
        return recompute_ledger(**kwargs)

    monkeypatch.setattr(points_page, "recompute_ledger", watched)
    qtbot.mouseClick(page.recompute_button, Qt.MouseButton.LeftButton)
    assert not page.recompute_button.isEnabled() and not page.save_rules_button.isEnabled()  # until it ends
    qtbot.waitUntil(lambda: page.recompute_button.isEnabled(), timeout=10000)
    assert seen["thread"] is not threading.main_thread()
    assert page.status.text() == "已按记录重算积分明细 1 条。" and len(_ledger()) == 1
    assert [(line.name, line.points) for line in page.model.rows()] == [("张鹏", 6.0)]


def test_a_cancelled_recomputation_leaves_the_points_and_the_rules_as_they_were(qtbot, tab, people, monkeypatch):
    save_activity(ActivityInput(date=date.today(), kind="救援", team_id=people["team"], vehicles_helped=1,
                                participants=[ParticipantInput(people["张鹏"], 3)]))
    page = tab.points
    tab.pages.setCurrentWidget(page)
    recompute_ledger()
    before, rules = _ledger(), points_rules()
    reached, go_on = threading.Event(), threading.Event()
    real = points_page.save_points_rules

    def held(values, progress):
        calls = []

        def step(done: int, total: int, text: str) -> None:
            calls.append(done)
            if len(calls) == 2:  # the month written, inside the transaction: 取消 is pressed now
                reached.set()
                go_on.wait(10)
            progress(done, total, text)

        return real(values, step)

    monkeypatch.setattr(points_page, "save_points_rules", held)
    page.per_activity_hour.setValue(2)
    qtbot.mouseClick(page.save_rules_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reached.is_set, timeout=10000)
    page.runner.cancel()
    go_on.set()
    qtbot.waitUntil(lambda: page.save_rules_button.isEnabled(), timeout=10000)
    assert page.status.text() == "已取消重算，积分未改变。"
    assert _ledger() == before and points_rules() == rules
    assert [(line.name, line.points) for line in page.model.rows()] == [("张鹏", 6.0)]
