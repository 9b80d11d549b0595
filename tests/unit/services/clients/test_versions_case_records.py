"""Two PCs on the same record of a case (issue 19, migration 11): a 当事人, 调解记录, 调查记录 or 回访记录 form
carries the version it loaded; a save over a newer version is refused naming who changed it and when, and
stores nothing; saving again over the version the refusal named is the deliberate overwrite. Both engines."""

from __future__ import annotations

from dataclasses import replace

import pytest

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
from desktop_app.services.clients.versions import RecordChanged

OFFICER = roles.Account("zhang", CLERK, display_name="张警官")


def as_zhang():
    return roles.acting_as(OFFICER)


@pytest.fixture
def case_id(data_paths, office) -> int:
    return register_case(CaseInput(kind="人民调解", category="邻里", source="当事人申请",
                                   received_at="2024-10-08 09:30", summary="邻里因排水沟发生纠纷")).id


def test_a_party_form_is_refused_after_another_save_and_the_overwrite_is_deliberate(case_id):
    party_id = add_party(case_id, PartyInput(role="申请人", name="王建国", age=40)).id
    mine = load_case(case_id).parties[0].to_input()
    theirs = load_case(case_id).parties[0].to_input()
    assert mine.version == theirs.version == 1
    with as_zhang():
        update_party(party_id, replace(theirs, address="团结路1号"))
    stored = Party.get_by_id(party_id)
    assert (stored.version, stored.changed_by, stored.address) == (2, "张警官", "团结路1号")

    with pytest.raises(RecordChanged) as refused:
        update_party(party_id, replace(mine, address="中山路2号", occupation="农民"))
    assert str(refused.value) == f"此记录已被 张警官 于 {stored.changed_at:%H:%M} 修改"
    assert refused.value.current_version == 2
    stored = Party.get_by_id(party_id)
    assert (stored.version, stored.address, stored.occupation) == (2, "团结路1号", "")

    update_party(party_id, replace(mine, address="中山路2号", version=refused.value.current_version))
    stored = Party.get_by_id(party_id)
    assert (stored.version, stored.address) == (3, "中山路2号")


def test_a_session_form_is_refused_after_another_save(case_id):
    session_id = add_session(case_id, SessionInput(held_at="2024-10-09 10:00", place="调解室")).id
    loaded = load_case(case_id).sessions[0].to_input()
    with as_zhang():
        update_session(session_id, replace(loaded, record="双方陈述"))
    with pytest.raises(RecordChanged, match="张警官"):
        update_session(session_id, replace(loaded, result="达成协议"))
    stored = MediationSession.get_by_id(session_id)
    assert (stored.record, stored.result, stored.version) == ("双方陈述", "", 2)
    update_session(session_id, replace(load_case(case_id).sessions[0].to_input(), result="达成协议"))
    assert MediationSession.get_by_id(session_id).version == 3


def test_an_investigation_form_is_refused_after_another_save(case_id):
    row_id = add_investigation(case_id, InvestigationInput(held_at="2024-10-09 10:00", subject="王建国")).id
    loaded = load_case(case_id).investigations[0].to_input()
    with as_zhang():
        update_investigation(row_id, replace(loaded, place="村委会"))
    with pytest.raises(RecordChanged, match="张警官"):
        update_investigation(row_id, replace(loaded, record="我的记录"))
    stored = Investigation.get_by_id(row_id)
    assert (stored.place, stored.record, stored.version) == ("村委会", "", 2)


def test_a_follow_up_form_is_refused_after_another_save(case_id):
    Case.update(status="调解成功").where(Case.id == case_id).execute()
    row_id = add_follow_up(case_id, FollowUpInput(date="2024-10-20", visitor="李四")).id
    loaded = load_case(case_id).follow_ups[0].to_input()
    with as_zhang():
        update_follow_up(row_id, replace(loaded, performed="已履行"))
    with pytest.raises(RecordChanged, match="张警官"):
        update_follow_up(row_id, replace(loaded, notes="我的记录"))
    stored = FollowUp.get_by_id(row_id)
    assert (stored.performed, stored.notes, stored.version) == ("已履行", "", 2)


def test_a_save_without_a_version_still_raises_it(case_id):
    party_id = add_party(case_id, PartyInput(role="申请人", name="王建国", age=40)).id
    update_party(party_id, PartyInput(role="申请人", name="王建国", age=41))  # the CLI, an import
    assert Party.get_by_id(party_id).version == 2
