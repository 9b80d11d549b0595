"""The 纠纷调解 tab through its real widgets: register a case in the dialog (fields, parties, a volunteer
from the roster and an officer), walk it through the whole workflow with the 流程 buttons, refused and
forbidden transitions, errors at the fields, the unsaved-changes prompt, search and the overdue filter."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QMessageBox

from desktop_app.db.models import Case, CaseEvent, CaseMediator, Party, Team
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.services.cases.case_form import CaseInput, register_case
from desktop_app.services.cases.parties import PartyInput, add_party
from desktop_app.services.cases.sessions import list_sessions
from desktop_app.services.roster.members import MemberInput, save_member
from desktop_app.ui.cases.cases_tab import CasesTab

ID_AILI = build_id_number("653129", date(1980, 5, 6), 31)
ID_NUR = build_id_number("653123", date(1985, 3, 14), 33)
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def volunteer(office):
    team = Team.create(name="桃园义警调解队")
    return save_member(MemberInput(name="努尔买买提·西热甫", id_number=ID_NUR, team_id=team.id,
                                   skills=["调解", "双语翻译"])).id




@pytest.fixture
def tab(qtbot, office, messages):
    widget = CasesTab()
    qtbot.addWidget(widget)
    widget.resize(1300, 600)
    widget.show()
    widget.refresh()
    return widget


def column(tab: CasesTab, index: int) -> list[str]:
    model = tab.model
    return [model.data(model.index(r, index)) for r in range(model.rowCount())]


def make_case(received: datetime | None = None, parties=("艾力·买买提",), **extra) -> int:
    values = dict(kind="人民调解", category="邻里", source="当事人申请", place="夏普吐勒镇3村",
                  received_at=received or datetime.now().replace(second=0, microsecond=0))
    values.update(extra)
    case = register_case(CaseInput(**values))
    roles = ("被侵害人", "违法行为人") if values["kind"] == "治安调解" else ("申请人", "被申请人")
    for i, name in enumerate(parties):
        add_party(case.id, PartyInput(role=roles[0] if i == 0 else roles[1], name=name))
    return case.id


def transition(qtbot, dialog, status: str, note: str = "", type_text=None) -> None:
    panel = dialog.workflow
    assert status in panel.offered()
    qtbot.mouseClick(panel.buttons[status], LEFT)
    confirm = panel.dialog
    assert confirm.isVisible()
    if note:
        type_text(confirm.note, note)
    confirm.accept()


def test_register_a_case_and_walk_it_through_the_workflow(qtbot, tab, volunteer, messages, type_text):
    qtbot.mouseClick(tab.add_button, LEFT)
    dialog = tab.dialog
    form = dialog.form
    assert not dialog.tabs.isTabEnabled(1)  # parties only once the case is registered
    form.category.setCurrentIndex(form.category.findData("房屋宅基地"))
    type_text(form.place, "夏普吐勒镇3村")
    type_text(form.summary, "因宅基地界墙发生纠纷")
    qtbot.mouseClick(dialog.save_button, LEFT)
    case = Case.get()
    year = case.received_at.year
    assert case.number == f"（{year}）夏人调字第001号" and case.status == "受理"
    assert dialog.tabs.isTabEnabled(1) and case.number in dialog.header.text()
    assert "尚未登记当事人" in dialog.warnings.text()

    parties = dialog.parties
    dialog.tabs.setCurrentWidget(parties)
    type_text(parties.name, "艾力•买买提")  # a look-alike dot, folded by the service
    qtbot.keyClicks(parties.id_number, ID_AILI)
    parties.id_number.editingFinished.emit()
    assert parties.birth_date.text() == "1980-05-06" and parties.gender.currentText() == "男"
    qtbot.keyClicks(parties.phone, "13912345678")
    parties.ethnic.set_value("05")
    qtbot.mouseClick(parties.save_button, LEFT)
    parties.role.setCurrentIndex(parties.role.findData("被申请人"))
    type_text(parties.name, "古丽娜尔·艾山")
    qtbot.keyClicks(parties.age, "40")
    parties.gender.setCurrentIndex(parties.gender.findData("女"))
    qtbot.mouseClick(parties.save_button, LEFT)
    assert [(p.role, p.name) for p in Party.select().order_by(Party.position)] == [
        ("申请人", "艾力·买买提"), ("被申请人", "古丽娜尔·艾山")]
    assert Party.get(Party.name == "艾力·买买提").ethnic_code == "05"
    assert parties.model.rowCount() == 2
    assert parties.model.data(parties.model.index(0, 5)) == ID_AILI[:6] + "********" + ID_AILI[-4:]

    mediators = dialog.mediators
    qtbot.keyClicks(mediators.search, "nemm")
    assert [mediators.found_model.record(r).name for r in range(mediators.found_model.rowCount())] == [
        "努尔买买提·西热甫"]
    mediators.found.selectRow(0)
    qtbot.mouseClick(mediators.volunteer_button, LEFT)
    type_text(mediators.officer_name, "王建国")
    mediators.officer_role.setCurrentIndex(mediators.officer_role.findData("主持人"))
    qtbot.mouseClick(mediators.officer_button, LEFT)
    assert {(m.member_id, m.officer_name, m.role) for m in CaseMediator.select()} == {
        (volunteer, "", "调解员"), (None, "王建国", "主持人")}
    row = tab.model.row_of(case.id)
    assert "艾力·买买提" in tab.model.data(tab.model.index(row, 4))
    assert "努尔买买提·西热甫" in tab.model.data(tab.model.index(row, 5))

    workflow = dialog.workflow
    assert workflow.offered() == ["调解中"]  # 结案 and the others are not offered at all
    assert workflow.buttons["结案"].isHidden()
    transition(qtbot, dialog, "调解中")
    assert Case.get().status == "调解中" and workflow.offered() == ["调解成功", "调解不成功", "终止"]

    sessions = dialog.sessions
    type_text(sessions.place, "夏普吐勒派出所调解室")
    type_text(sessions.record, "双方陈述意见，同意重新砌墙")
    qtbot.mouseClick(sessions.save_button, LEFT)
    assert sessions.model.rowCount() == 1

    transition(qtbot, dialog, "调解成功")  # refused: no agreement yet
    assert messages[-1][0] == "warning" and "协议内容" in messages[-1][1]
    assert Case.get().status == "调解中"

    dialog.tabs.setCurrentWidget(form.agreement_page)
    type_text(form.agreement_terms, "被申请人于十日内拆除越界部分并赔偿申请人3500元。")
    qtbot.keyClicks(form.agreement_amount, "3500")
    assert "叁仟伍佰元整" in form.amount_upper.text()
    transition(qtbot, dialog, "调解成功", "双方签字", type_text)  # the form is saved first
    case = Case.get()
    assert case.status == "调解成功" and case.agreement_terms.startswith("被申请人于十日内")
    assert case.agreement_date == date.today() and form.agreement_date.text() == date.today().isoformat()

    transition(qtbot, dialog, "回访")
    follow_ups = dialog.follow_ups
    follow_ups.performed.setCurrentIndex(follow_ups.performed.findData("已履行"))
    type_text(follow_ups.visitor, "努尔买买提·西热甫")
    qtbot.mouseClick(follow_ups.save_button, LEFT)
    assert follow_ups.model.rowCount() == 1
    transition(qtbot, dialog, "结案")
    assert Case.get().status == "结案" and workflow.offered() == []
    assert [e.to_status for e in CaseEvent.select().order_by(CaseEvent.id)] == [
        "受理", "调解中", "调解成功", "回访", "结案"]
    assert CaseEvent.get(CaseEvent.to_status == "调解成功").note == "双方签字"
    assert workflow.model.rowCount() == 5
    assert column(tab, 6)[tab.model.row_of(case.id)] == "结案"

    qtbot.mouseClick(dialog.close_button, LEFT)
    assert not dialog.isVisible()


def test_errors_are_shown_at_their_fields(qtbot, tab, type_text):
    qtbot.mouseClick(tab.add_button, LEFT)
    dialog = tab.dialog
    form = dialog.form
    form.received_at.clear()
    qtbot.keyClicks(form.received_at, "2024-13-01 09:00")
    dialog.tabs.setCurrentWidget(form.agreement_page)
    qtbot.keyClicks(form.agreement_amount, "abc")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert form.basics.messages["category"].text().startswith("请选择纠纷类别")
    assert "日期不存在" in form.basics.messages["received_at"].text()
    assert "协议金额应为数字" in form.agreement.messages["agreement_amount"].text()
    assert dialog.tabs.currentWidget() is form.basics_page
    assert Case.select().count() == 0

    case_id = make_case(parties=())
    dialog = tab.open_case(case_id)
    parties = dialog.parties
    type_text(parties.name, "王2")
    qtbot.keyClicks(parties.phone, "12345")
    parties.role.setCurrentIndex(parties.role.findData("监护人"))
    qtbot.mouseClick(parties.save_button, LEFT)
    assert "数字" in parties.fields.messages["name"].text()
    assert "电话号码" in parties.fields.messages["phone"].text()
    assert "监护" in parties.fields.messages["guardian_of"].text()
    assert Party.select().count() == 0


def test_a_minor_needs_a_guardian_before_an_agreement(qtbot, tab, messages, type_text):
    case_id = make_case(parties=())
    minor = add_party(case_id, PartyInput(role="申请人", name="小明", age="14"))
    dialog = tab.open_case(case_id)
    assert "小明" in dialog.warnings.text()
    transition(qtbot, dialog, "调解中")
    type_text(dialog.form.agreement_terms, "赔礼道歉")
    transition(qtbot, dialog, "调解成功")
    assert "监护人" in messages[-1][1] and Case.get_by_id(case_id).status == "调解中"

    parties = dialog.parties
    parties.role.setCurrentIndex(parties.role.findData("监护人"))
    type_text(parties.name, "王建国")
    qtbot.keyClicks(parties.age, "45")
    parties.guardian_of.setCurrentIndex(parties.guardian_of.findData(minor.id))
    qtbot.mouseClick(parties.save_button, LEFT)
    assert Party.get(Party.name == "王建国").guardian_of_id == minor.id
    assert "小明" not in dialog.warnings.text()
    transition(qtbot, dialog, "调解成功")
    assert Case.get_by_id(case_id).status == "调解成功"


def test_terminating_needs_a_reason(qtbot, tab, messages, type_text):
    dialog = tab.open_case(make_case())
    transition(qtbot, dialog, "调解中")
    transition(qtbot, dialog, "终止")
    assert "终止调解的原因" in messages[-1][1]
    transition(qtbot, dialog, "终止", "申请人撤回申请", type_text)
    assert Case.get().status == "终止"
    assert dialog.workflow.offered() == ["回访", "结案"]


def test_unsaved_changes_prompt(qtbot, tab, monkeypatch, type_text):
    case_id = make_case()
    dialog = tab.open_case(case_id)
    type_text(dialog.form.summary, "补充案情")
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard])
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a, **k: asked.append(text) or next(answers))
    qtbot.mouseClick(dialog.close_button, LEFT)
    assert dialog.isVisible() and "基本情况" in asked[0]
    qtbot.mouseClick(dialog.close_button, LEFT)
    assert not dialog.isVisible() and Case.get_by_id(case_id).summary == ""

    dialog = tab.open_case(case_id)
    type_text(dialog.form.summary, "补充案情")
    type_text(dialog.sessions.place, "村委会")  # a session typed but not stored
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a, **k: asked.append(text)
                        or QMessageBox.StandardButton.Save)
    qtbot.mouseClick(dialog.close_button, LEFT)
    assert "调解记录" in asked[-1]
    assert not dialog.isVisible()
    assert Case.get_by_id(case_id).summary == "补充案情"
    assert [s.place for s in list_sessions(case_id)] == ["村委会"]

    dialog = tab.open_case(case_id)  # nothing typed: closes without asking
    qtbot.mouseClick(dialog.close_button, LEFT)
    assert not dialog.isVisible() and len(asked) == 3


def test_search_by_pinyin_and_number_and_the_filters(qtbot, tab, type_text):
    first = make_case(parties=("努尔买买提·西热甫", "王建国"), category="债务")
    second = make_case(parties=("阿依古丽·买买提",), kind="治安调解")
    tab.refresh()
    assert tab.count_label.text() == "共 2 件"
    for typed, expected in (("nemm", [first]), ("nuer", [first]), ("aygl", [second]), ("wjg", [first])):
        qtbot.keyClicks(tab.search, typed)
        assert tab.model.ids() == expected, typed
        tab.search.clear()
    type_text(tab.search, "买买提")
    assert sorted(tab.model.ids()) == sorted([first, second])
    tab.search.clear()
    type_text(tab.search, "夏派调")  # the 治安调解 is numbered in the office's own series
    assert tab.model.ids() == [second]
    tab.search.clear()

    tab.kind_filter.setCurrentIndex(tab.kind_filter.findData("治安调解"))
    assert tab.model.ids() == [second]
    tab.kind_filter.setCurrentIndex(0)
    tab.category_filter.setCurrentIndex(tab.category_filter.findData("债务"))
    assert tab.model.ids() == [first]
    tab.category_filter.setCurrentIndex(0)
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("调解中"))
    assert tab.model.ids() == [] and tab.count_label.text() == "共 0 件"
    tab.status_filter.setCurrentIndex(0)

    tab.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert tab.model.ids() == [first, second]
    tab.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert tab.model.ids() == [second, first]


def test_overdue_filter_and_marks(qtbot, tab):
    now = datetime.now().replace(second=0, microsecond=0)
    late = make_case(received=now - timedelta(days=60), parties=("艾力·买买提",))
    fresh = make_case(received=now, parties=("古丽娜尔·艾山",))
    old_received = now - timedelta(days=200)
    tab.period.setChecked(True)
    tab.date_from.setDate(old_received.date())
    assert sorted(tab.model.ids()) == sorted([late, fresh])
    tab.overdue_only.setChecked(True)
    assert tab.model.ids() == [late]
    deadline = tab.model.index(0, 7)
    assert tab.model.data(deadline).endswith("（超期）")
    assert tab.model.data(deadline, Qt.ItemDataRole.ForegroundRole) == QColor("#c0392b")
    tab.overdue_only.setChecked(False)
    row = tab.model.row_of(fresh)
    assert not tab.model.data(tab.model.index(row, 7)).endswith("（超期）")
    tab.overdue_only.setChecked(True)
    cell = tab.table.visualRect(tab.model.index(0, 0)).center()
    qtbot.mouseClick(tab.table.viewport(), LEFT, pos=cell)
    qtbot.mouseDClick(tab.table.viewport(), LEFT, pos=cell)  # double-click opens the case
    dialog = tab.dialog
    assert dialog.case_id == late and dialog.isVisible()
    assert "已超期" in dialog.header.text() and "#c0392b" in dialog.header.text()
    assert any("办理期限" in line for line in dialog.warnings.text().splitlines())


def test_delete_from_the_register(qtbot, tab, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    keep, gone = make_case(), make_case(parties=("王建国",))
    tab.refresh()
    tab.table.selectRow(tab.model.row_of(gone))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("重复登记", True))
    qtbot.mouseClick(tab.delete_button, LEFT)
    assert tab.model.ids() == [keep]
    assert Case.get_by_id(gone).deleted_at is not None


def test_a_big_register_is_searched_off_the_gui_thread(qtbot, office, messages, monkeypatch):
    from desktop_app.ui.cases import cases_tab

    now = datetime.now().replace(second=0, microsecond=0)
    first, second, third = (make_case(now - timedelta(days=days), parties=(name,))
                            for days, name in ((3, "艾力·买买提"), (2, "阿依古丽"), (1, "王建国")))
    monkeypatch.setattr(cases_tab.ops, "CASES_SEARCH_AT_ONCE", 2)  # three cases: "big"
    widget = CasesTab()
    qtbot.addWidget(widget)
    widget.resize(1300, 600)
    widget.show()
    assert widget.searching.pending and widget.shown_ids() == [third, second, first]
    qtbot.waitUntil(lambda: not widget.searching.pending, timeout=10000)
    assert widget.model.ids() == [third, second, first]  # newest received first
    assert sorted(widget.model._rows) == [0, 1, 2]  # the first page read with the ids, in the worker
    assert column(widget, 4) == ["申请人：王建国", "申请人：阿依古丽", "申请人：艾力·买买提"]
    widget.select_ids([second])
    widget.search.setText("阿依")
    qtbot.waitUntil(lambda: not widget.searching.pending, timeout=10000)
    assert widget.model.ids() == [second] and widget.selected_ids() == [second]  # the selection kept
