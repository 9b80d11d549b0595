"""The roster tab through its real widgets: add, edit, search (pinyin initials too), filter, delete,
leave, unsaved-changes prompt, teams, import."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop_app.db.models import Leave, Member, Team
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.services.roster.members import MemberInput, save_member
from desktop_app.ui.roster.roster_tab import RosterTab

ID_NUR = build_id_number("653123", date(1985, 3, 14), 31)
ID_AYI = build_id_number("653123", date(1992, 7, 2), 42)
ID_WANG = build_id_number("650102", date(1978, 11, 30), 15)


@pytest.fixture
def teams(data_paths):
    return {name: Team.create(name=name).id for name in ("石榴大妈义警队", "红旗义警队")}


@pytest.fixture
def people(teams):
    soon = date.today() + timedelta(days=10)
    return {
        "nur": save_member(MemberInput(name="努尔买买提·西热甫", id_number=ID_NUR, phone="13912345678",
                                       team_id=teams["石榴大妈义警队"], skills=["调解", "双语翻译"], ethnic="05")).id,
        "ayi": save_member(MemberInput(name="阿依古丽·买买提", id_number=ID_AYI, phone="13800001111",
                                       team_id=teams["红旗义警队"], skills=["巡逻"], insurance_expires_on=soon)).id,
        "wang": save_member(MemberInput(name="王建国", id_number=ID_WANG, phone="15099998888",
                                        team_id=teams["红旗义警队"], status="暂停")).id,
    }


@pytest.fixture
def tab(qtbot, people):
    widget = RosterTab()
    qtbot.addWidget(widget)
    widget.show()
    widget.refresh()
    return widget


def shown_names(tab: RosterTab) -> list[str]:
    model = tab.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_table_shows_masked_id_and_phone(tab):
    model = tab.model
    row = shown_names(tab).index("努尔买买提·西热甫")
    values = [model.data(model.index(row, c)) for c in range(model.columnCount())]
    assert values[4] == ID_NUR[:6] + "********" + ID_NUR[-4:]
    assert values[5] == "139****5678"
    assert values[3] == "石榴大妈义警队"
    assert values[2] == "维吾尔族"
    assert tab.count_label.text() == "共 3 人"


@pytest.mark.parametrize("typed, expected", [
    ("nemm", ["努尔买买提·西热甫"]),
    ("nuer", ["努尔买买提·西热甫"]),
    ("aygl", ["阿依古丽·买买提"]),
    ("wjg", ["王建国"]),
    ("8888", ["王建国"]),
    (ID_AYI[-4:], ["阿依古丽·买买提"]),
])
def test_search_by_pinyin_initials_phone_and_id_tail(qtbot, tab, typed, expected):
    qtbot.keyClicks(tab.search, typed)
    assert shown_names(tab) == expected
    tab.search.clear()
    assert len(shown_names(tab)) == 3


def test_a_big_roster_is_searched_off_the_gui_thread(qtbot, people, monkeypatch, type_text):
    import threading

    from desktop_app.ui.roster import roster_tab

    monkeypatch.setattr(roster_tab.ops, "ROSTER_SEARCH_AT_ONCE", 2)  # three members: "big"
    searched_on: list[str] = []
    real = roster_tab.search_ids

    def recorded(*args, **kwargs):
        searched_on.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(roster_tab, "search_ids", recorded)
    tab = RosterTab()
    qtbot.addWidget(tab)
    tab.show()
    tab.refresh()
    qtbot.waitUntil(lambda: len(shown_names(tab)) == 3, timeout=10000)
    type_text(tab.search, "买买提")  # three keystrokes, three searches asked: the newest answer is shown
    qtbot.waitUntil(lambda: not tab.searching.pending, timeout=10000)
    assert sorted(shown_names(tab)) == sorted(["努尔买买提·西热甫", "阿依古丽·买买提"])
    assert tab.count_label.text() == "共 2 人"
    assert searched_on and threading.main_thread().name not in searched_on
    qtbot.keyClicks(tab.search, "x")  # nobody: still asked, and printing it waits for the answer
    assert tab.shown_ids() == []


def test_a_big_rosters_team_box_is_filled_off_the_gui_thread(qtbot, people, teams, monkeypatch):
    from desktop_app.ui.roster import roster_tab

    at_once = RosterTab()
    qtbot.addWidget(at_once)
    at_once.refresh()
    offered = [at_once.team_filter.itemText(i) for i in range(at_once.team_filter.count())]
    assert len(offered) == 1 + len(teams)
    monkeypatch.setattr(roster_tab.ops, "ROSTER_SEARCH_AT_ONCE", 2)  # three members: "big"
    tab = RosterTab()
    qtbot.addWidget(tab)
    tab.show()
    assert tab.teams_lookup.pending and tab.team_filter.count() == 0
    qtbot.waitUntil(lambda: not tab.teams_lookup.pending and not tab.searching.pending, timeout=10000)
    assert [tab.team_filter.itemText(i) for i in range(tab.team_filter.count())] == offered
    tab.team_filter.setCurrentIndex(tab.team_filter.findData(teams["红旗义警队"]))
    qtbot.waitUntil(lambda: not tab.searching.pending, timeout=10000)
    assert sorted(shown_names(tab)) == sorted(["阿依古丽·买买提", "王建国"])


def test_search_by_chinese_name(tab, type_text):
    type_text(tab.search, "买买提")
    assert sorted(shown_names(tab)) == sorted(["努尔买买提·西热甫", "阿依古丽·买买提"])


def test_filters_by_team_status_skill_and_insurance(tab, teams):
    tab.team_filter.setCurrentIndex(tab.team_filter.findData(teams["红旗义警队"]))
    assert sorted(shown_names(tab)) == sorted(["阿依古丽·买买提", "王建国"])
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("暂停"))
    assert shown_names(tab) == ["王建国"]
    tab.team_filter.setCurrentIndex(0)
    tab.status_filter.setCurrentIndex(0)
    tab.skill_filter.setCurrentIndex(tab.skill_filter.findData("调解"))
    assert shown_names(tab) == ["努尔买买提·西热甫"]
    tab.skill_filter.setCurrentIndex(0)
    tab.insurance_filter.setCurrentIndex(tab.insurance_filter.findData("expiring"))
    assert shown_names(tab) == ["阿依古丽·买买提"]


def test_sort_by_clicking_a_header(qtbot, tab):
    tab.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    ascending = shown_names(tab)
    tab.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert shown_names(tab) == list(reversed(ascending))
    assert ascending == ["阿依古丽·买买提", "努尔买买提·西热甫", "王建国"]  # pinyin order


def test_add_member_through_the_form(qtbot, tab, teams, type_text):
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    form = dialog.form
    type_text(form.name, "叶尔兰•努尔兰")  # a look-alike dot, folded on save
    new_id = build_id_number("654002", date(1990, 5, 20), 57)
    qtbot.keyClicks(form.id_number, new_id)
    form.id_number.editingFinished.emit()
    assert form.birth_date.text() == "1990-05-20" and form.gender.currentText() == "男"
    type_text(form.phone, "１３５ 1234-0000")  # full-width digits, space and dash
    form.team.setCurrentIndex(form.team.findData(teams["石榴大妈义警队"]))
    form.skill_boxes["救援"].setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    member = Member.get(Member.id_number == new_id)
    assert member.name == "叶尔兰·努尔兰" and member.phone == "13512340000" and member.skills == "救援"
    assert "叶尔兰·努尔兰" in shown_names(tab)
    assert dialog.tabs.count() == 3  # 服务记录 and 请假 appear once saved


def test_errors_are_shown_at_their_fields_and_nothing_is_saved(qtbot, tab, type_text):
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    form = tab.dialog.form
    type_text(form.name, "王2")
    qtbot.keyClicks(form.id_number, ID_NUR[:-1] + ("0" if ID_NUR[-1] != "0" else "1"))
    qtbot.keyClicks(form.phone, "12345")
    qtbot.keyClicks(form.join_date, "2023.13.1")
    qtbot.mouseClick(tab.dialog.save_button, Qt.MouseButton.LeftButton)
    assert "数字" in form.messages["name"].text()
    assert "校验位" in form.messages["id_number"].text()
    assert "手机号码" in form.messages["phone"].text()
    assert "入队日期" in form.messages["join_date"].text()
    assert Member.select().count() == 3


def test_duplicate_id_names_the_member_who_has_it(qtbot, tab, type_text):
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    form = tab.dialog.form
    type_text(form.name, "张三")
    qtbot.keyClicks(form.id_number, ID_NUR)
    qtbot.mouseClick(tab.dialog.save_button, Qt.MouseButton.LeftButton)
    assert "努尔买买提·西热甫" in form.messages["id_number"].text()


def test_edit_by_double_click_and_unsaved_changes_prompt(qtbot, tab, people, monkeypatch):
    row = shown_names(tab).index("王建国")
    tab._open_index(tab.model.index(row, 0))
    dialog = tab.dialog
    assert dialog.form.name.text() == "王建国"
    dialog.form.phone.clear()
    qtbot.keyClicks(dialog.form.phone, "13700002222")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert Member.get_by_id(people["wang"]).phone == "13700002222"
    row = shown_names(tab).index("王建国")
    assert tab.model.data(tab.model.index(row, 5)) == "137****2222"


def test_discarding_changes_saves_nothing(qtbot, tab, people, monkeypatch, type_text):
    tab.open_member(people["ayi"])
    dialog = tab.dialog
    type_text(dialog.form.address, "夏普吐勒镇3村")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert Member.get_by_id(people["ayi"]).address == ""


def test_delete_member(qtbot, tab, people, monkeypatch):
    tab.open_member(people["wang"])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(tab.dialog.delete_button, Qt.MouseButton.LeftButton)
    assert "王建国" not in shown_names(tab)
    assert Member.get_by_id(people["wang"]).deleted_at is not None


def test_leave_is_recorded_on_the_member_page(qtbot, tab, people):
    dialog = tab.open_member(people["nur"])
    panel = dialog.leave
    qtbot.keyClicks(panel.from_date, "2026.12.1")
    qtbot.keyClicks(panel.to_date, "2026.11.20")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert "不能早于" in panel.message.text()
    panel.to_date.clear()
    qtbot.keyClicks(panel.to_date, "2026/12/10")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    leave = Leave.get(Leave.member == people["nur"])
    assert (leave.from_date, leave.to_date) == (date(2026, 12, 1), date(2026, 12, 10))
    assert panel.model.rowCount() == 1
    assert dialog.sections.values["leaves"].text() == "1"


def test_teams_dialog_creates_and_merges(qtbot, tab, teams, monkeypatch, type_text):
    tab.manage_teams()
    dialog = tab.dialog
    editor = dialog.add_team()
    type_text(editor.name, "桃园义警调解队")
    editor.accept()
    assert Team.get_or_none(Team.name == "桃园义警调解队") is not None
    names = [dialog.model.record(r).name for r in range(dialog.model.rowCount())]
    assert "桃园义警调解队" in names

    row = names.index("红旗义警队")
    dialog.table.selectRow(row)
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("石榴大妈义警队", True))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    dialog.merge()
    assert Member.select().where(Member.team == teams["石榴大妈义警队"]).count() == 3
    assert Team.get_by_id(teams["红旗义警队"]).retired_on is not None


def test_import_dialog_previews_then_imports_good_rows(qtbot, tab, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["伽师县夏普吐勒派出所义警队员名册"])
    sheet.append(["姓名", "性别", "公民身份号码", "手机号", "所属队伍", "入队时间"])
    good_id = build_id_number("653123", date(1988, 1, 9), 78)
    sheet.append(["古丽娜尔·艾山", "女", good_id, "13600001234", "雪都义警救援队", "2023.9.1"])
    sheet.append(["艾尔肯·吐尔逊", "男", good_id[:-1] + ("0" if good_id[-1] != "0" else "1"), "13600005678",
                  "红旗义警队", "2023/9/1"])
    path = tmp_path / "名册.xlsx"
    book.save(path)

    tab.import_roster()
    dialog = tab.dialog
    dialog.load_file(path)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    actions = [dialog.model.record(r).action for r in range(dialog.model.rowCount())]
    assert actions == ["新增", "拒绝"]
    assert "雪都义警救援队" in dialog.summary.text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10000)
    assert dialog.report.added == 1 and dialog.report.refused == 1
    assert "古丽娜尔·艾山" in shown_names(tab)
    assert Team.get_or_none(Team.name == "雪都义警救援队") is not None


def test_print_opens_the_preview_with_the_filtered_roster(qtbot, tab, teams, monkeypatch):
    import io

    from pypdf import PdfReader

    from desktop_app.ui import print_preview

    captured = {}
    monkeypatch.setattr(print_preview, "preview_pdf",
                        lambda parent, pdf, title, name: captured.update(pdf=pdf, title=title, name=name))
    tab.team_filter.setCurrentIndex(tab.team_filter.findData(teams["红旗义警队"]))
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(captured["pdf"])).pages)
    assert "阿依古丽·买买提" in text and "王建国" in text and "努尔买买提" not in text
    assert "红旗义警队" in text and ID_AYI not in text
    assert captured["name"].startswith("队员花名册-")


@pytest.mark.full_form_output
def test_full_export_needs_an_administrator(qtbot, tab, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    from desktop_app.ui.roster import roster_tab as module

    out = tmp_path / "名册.xlsx"
    monkeypatch.setattr(module.QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: box.setProperty("chosen", 1) or 0)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: box.buttons()[[b.text() for b in box.buttons()]
                                                                         .index("导出完整信息")])
    monkeypatch.setattr(module, "confirm_administrator", lambda parent, purpose: None)
    tab.export_roster()
    assert not out.exists()
    monkeypatch.setattr(module, "confirm_administrator", lambda parent, purpose: "admin")
    tab.export_roster()
    cells = [c.value for row in load_workbook(out).active.iter_rows() for c in row]
    assert ID_NUR in cells


def test_a_members_pages_behind_the_record_are_built_when_first_shown(qtbot, tab, people):
    dialog = tab.open_member(people["nur"])
    assert dialog.tabs.count() == 3 and not dialog._sections_page.built and not dialog._leave_page.built
    dialog.tabs.setCurrentIndex(1)  # 服务记录, clicked
    assert dialog._sections_page.built and dialog.sections.isVisible()
    assert dialog.sections.values["leaves"].text() == "0" and not dialog._leave_page.built
    dialog.tabs.setCurrentWidget(dialog.leave)
    assert dialog.tabs.currentIndex() == 2 and dialog.leave.isVisible()
