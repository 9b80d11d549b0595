"""Another PC saved the record the form has open (issue 19): each edit form refuses the save, keeps what the
user typed, says who changed it and when, and a second 保存 is the deliberate overwrite."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog

from desktop_app.db.models import Case, Certificate, DutyPost, Member, Team
from desktop_app.domain.vocabulary import CLERK, HONOUR
from desktop_app.services.accounts import roles
from desktop_app.services.cases.case_form import CaseInput, register_case, save_case
from desktop_app.services.cases.case_form import load_case as load_case_form
from desktop_app.services.certificates import issuing as certs
from desktop_app.services.roster.members import MemberInput, load_member_input, save_member
from desktop_app.services.roster.teams import TeamInput, save_team
from desktop_app.services.schedule.posts import PostInput, post_input, save_post
from desktop_app.ui.cases.case_dialog import CaseDialog
from desktop_app.ui.certificates.register_panel import RegisterPanel
from desktop_app.ui.roster.member_dialog import MemberDialog
from desktop_app.ui.roster.teams_dialog import TeamEditDialog
from desktop_app.ui.schedule.posts_dialog import PostsDialog

LEFT = Qt.MouseButton.LeftButton
REFUSED = re.compile(r"此记录已被 张警官 于 \d\d:\d\d 修改")


def as_zhang():
    return roles.acting_as(roles.Account("zhang", CLERK, display_name="张警官"))


def test_member_dialog_keeps_the_input_and_says_who_changed_it(qtbot, data_paths, type_text):
    member_id = save_member(MemberInput(name="王小明")).id
    dialog = MemberDialog(member_id)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.form.address, "中山路2号")
    with as_zhang():
        save_member(MemberInput(name="王小明", address="团结路1号", version=load_member_input(member_id).version),
                    member_id)

    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.changed_banner.isVisible() and REFUSED.search(dialog.changed_banner.text())
    assert dialog.form.address.text() == "中山路2号" and dialog.form.is_dirty()
    assert Member.get_by_id(member_id).address == "团结路1号"

    qtbot.mouseClick(dialog.save_button, LEFT)  # after comparing: saved over their change on purpose
    assert not dialog.changed_banner.isVisible()
    stored = Member.get_by_id(member_id)
    assert (stored.address, stored.version) == ("中山路2号", 3)


def test_team_dialog_keeps_the_input_on_a_refusal(qtbot, data_paths, type_text):
    team_id = save_team(TeamInput(name="一中队"))
    dialog = TeamEditDialog(team_id)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.station, "夏普吐勒镇警务站")
    with as_zhang():
        save_team(TeamInput(name="一中队", service_area="3村"), team_id)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, LEFT)
    assert dialog.isVisible() and REFUSED.search(dialog.changed_banner.text())
    assert dialog.station.text() == "夏普吐勒镇警务站" and Team.get_by_id(team_id).station == ""
    qtbot.mouseClick(save, LEFT)
    assert not dialog.isVisible() and Team.get_by_id(team_id).station == "夏普吐勒镇警务站"


def test_posts_dialog_keeps_the_input_on_a_refusal(qtbot, data_paths, type_text):
    post_id = save_post(PostInput(name="中山路商圈巡逻")).id
    dialog = PostsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.open_post(post_id)
    type_text(dialog.form.place, "中山路")
    with as_zhang():
        data = post_input(post_id)
        data.headcount = 3
        save_post(data, post_id)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.changed_banner.isVisible() and REFUSED.search(dialog.changed_banner.text())
    assert dialog.form.place.text() == "中山路" and DutyPost.get_by_id(post_id).place == ""
    dialog.open_post(post_id)  # another post opened and back: the message is gone, the stored post shown
    assert not dialog.changed_banner.isVisible() and dialog.form.headcount.value() == 3


def test_case_dialog_keeps_the_input_on_a_refusal(qtbot, data_paths, office, type_text, messages):
    case = register_case(CaseInput(kind="人民调解", category="邻里", source="当事人申请",
                                   received_at="2024-10-08 09:30", summary="邻里因排水沟发生纠纷"))
    dialog = CaseDialog(case.id)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.form.place, "夏普吐勒镇3村")
    with as_zhang():
        data = load_case_form(case.id).data
        data.facts = "双方对排水沟走向有争议"
        save_case(data, case.id)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.changed_banner.isVisible() and REFUSED.search(dialog.changed_banner.text())
    assert dialog.form.place.text() == "夏普吐勒镇3村"
    assert (Case.get_by_id(case.id).place, Case.get_by_id(case.id).facts) == ("", "双方对排水沟走向有争议")
    assert not messages  # said in the window, no message box


def test_voiding_a_certificate_changed_elsewhere_keeps_the_reason(qtbot, data_paths, office, monkeypatch,
                                                                 messages):
    member_id = save_member(MemberInput(name="王小明")).id
    issued = certs.issue_certificate(member_id, HONOUR, title="优秀义警", reason="表现突出")
    panel = RegisterPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.apply_filter()
    panel.select_certificate(issued.id)
    with as_zhang():
        Certificate.update(**Certificate.bumped()).where(Certificate.id == issued.id).execute()
    asked: list[str] = []

    def answer(*_args, text="", **_kwargs):
        asked.append(text)
        return "姓名有误", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    qtbot.mouseClick(panel.void_button, LEFT)
    assert messages[-1][0] == "warning" and REFUSED.search(messages[-1][1])
    assert Certificate.get_by_id(issued.id).status == "有效"
    qtbot.mouseClick(panel.void_button, LEFT)  # the list was read again: the reason typed is offered back
    assert asked == ["", "姓名有误"]
    assert Certificate.get_by_id(issued.id).status == "作废"


@pytest.fixture(autouse=True)
def _no_real_message_boxes(messages):
    return messages


def _stale_rename(team_id: int) -> None:
    """A service's own read-change-save of a record another PC saved in between."""
    team = Team.get_by_id(team_id)
    with as_zhang():
        save_team(TeamInput(name="一中队", station="3村"), team_id)
    team.name = "一中队（改）"
    team.save()


def test_a_refused_save_outside_the_forms_is_a_message_not_a_crash(qtbot, data_paths, messages, tmp_path):
    import sys

    from desktop_app import app as app_module
    from desktop_app.services.clients.versions import StaleVersion

    team_id = save_team(TeamInput(name="一中队"))
    old_hook = sys.excepthook
    try:
        app_module.install_crash_handler(str(tmp_path / "yijing.log"))
        try:
            _stale_rename(team_id)
        except StaleVersion:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = old_hook
    kind, text = messages[-1]
    assert kind == "warning" and REFUSED.search(text) and "本次操作未保存" in text
    assert Team.get_by_id(team_id).name == "一中队"


def test_long_work_refused_the_same_way(qtbot, data_paths, messages):
    from PySide6.QtWidgets import QWidget

    from desktop_app.ui.ops import TaskRunner

    team_id = save_team(TeamInput(name="一中队"))
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner(parent, "改名", lambda _progress: _stale_rename(team_id))
    with qtbot.waitSignal(runner.error, timeout=10000):
        runner.start()
    kind, text = messages[-1]
    assert kind == "warning" and REFUSED.search(text)
