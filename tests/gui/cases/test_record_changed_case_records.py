"""Another PC saved the case's record the panel has open (issue 19, migration 11): the 当事人, 调解记录,
调查记录 and 回访记录 forms refuse the save, keep what the user typed, say who changed it and when, and a
second 保存 is the deliberate overwrite."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from desktop_app.db.models import Case, FollowUp, Investigation, MediationSession, Party
from desktop_app.domain.vocabulary import CLERK
from desktop_app.services.accounts import roles
from desktop_app.services.cases.case_form import CaseInput, load_case, register_case
from desktop_app.services.cases.investigations import (
    InvestigationInput,
    add_investigation,
    update_investigation,
)
from desktop_app.services.cases.parties import PartyInput, add_party, update_party
from desktop_app.services.cases.sessions import (
    FollowUpInput,
    SessionInput,
    add_follow_up,
    add_session,
    update_follow_up,
    update_session,
)
from desktop_app.ui.cases.case_dialog import CaseDialog

LEFT = Qt.MouseButton.LeftButton
REFUSED = re.compile(r"此记录已被 张警官 于 \d\d:\d\d 修改")


def as_zhang():
    return roles.acting_as(roles.Account("zhang", CLERK, display_name="张警官"))


def _party(case_id):
    add_party(case_id, PartyInput(role="申请人", name="王建国", age=40))
    return (Party, "parties", "address", "中山路2号",
            lambda: update_party(load_case(case_id).parties[0].id,
                                 replace(load_case(case_id).parties[0].to_input(), occupation="农民")))


def _session(case_id):
    add_session(case_id, SessionInput(held_at="2024-10-09 10:00"))
    return (MediationSession, "sessions", "place", "调解室",
            lambda: update_session(load_case(case_id).sessions[0].id,
                                   replace(load_case(case_id).sessions[0].to_input(), result="达成协议")))


def _investigation(case_id):
    add_investigation(case_id, InvestigationInput(held_at="2024-10-09 10:00", subject="王建国"))
    return (Investigation, "investigations", "place", "村委会",
            lambda: update_investigation(load_case(case_id).investigations[0].id,
                                         replace(load_case(case_id).investigations[0].to_input(), recorder="李四")))


def _follow_up(case_id):
    Case.update(status="调解成功").where(Case.id == case_id).execute()
    add_follow_up(case_id, FollowUpInput(date="2024-10-20"))
    return (FollowUp, "follow_ups", "visitor", "李四",
            lambda: update_follow_up(load_case(case_id).follow_ups[0].id,
                                     replace(load_case(case_id).follow_ups[0].to_input(), performed="已履行")))


@pytest.mark.parametrize("make", [_party, _session, _investigation, _follow_up],
                         ids=["parties", "sessions", "investigations", "follow_ups"])
def test_a_case_record_panel_keeps_the_input_on_a_refusal(qtbot, data_paths, office, type_text, messages, make):
    case = register_case(CaseInput(kind="人民调解", category="邻里", source="当事人申请",
                                   received_at="2024-10-08 09:30", summary="邻里因排水沟发生纠纷"))
    model, panel_name, field, typed, their_save = make(case.id)
    dialog = CaseDialog(case.id)
    qtbot.addWidget(dialog)
    dialog.show()
    panel = getattr(dialog, panel_name)
    panel.select_row(0)
    row_id = panel.editing_id
    type_text(getattr(panel, field), typed)
    with as_zhang():
        their_save()

    qtbot.mouseClick(panel.save_button, LEFT)
    assert panel.changed_banner.isVisibleTo(panel) and REFUSED.search(panel.changed_banner.text())
    assert getattr(panel, field).text() == typed and panel.is_dirty() and panel.editing_id == row_id
    stored = model.get_by_id(row_id)
    assert (getattr(stored, field), stored.version) == ("", 2)
    assert not messages  # said in the window, no message box

    qtbot.mouseClick(panel.save_button, LEFT)  # after comparing: saved over their change on purpose
    assert not panel.changed_banner.isVisibleTo(panel)
    stored = model.get_by_id(row_id)
    assert (getattr(stored, field), stored.version) == (typed, 3)
