"""Two PCs on the same work record (issue 19, migration 11): the form carries the version it loaded; a save
over a newer version is refused naming who changed it and when, and stores nothing (its participants
neither); saving again over the version the refusal named is the deliberate overwrite. Both engines."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.db.models import Activity, ActivityParticipant
from desktop_app.domain.vocabulary import CLERK
from desktop_app.services.accounts import roles
from desktop_app.services.clients.versions import RecordChanged
from desktop_app.services.records.activities import (
    ActivityInput,
    ParticipantInput,
    activity_input,
    save_activity,
    update_activity,
)
from desktop_app.services.roster.members import MemberInput, save_member
from desktop_app.services.roster.teams import TeamInput, merge_teams, save_team

TODAY = date(2024, 6, 1)
OFFICER = roles.Account("zhang", CLERK, display_name="张警官")


@pytest.fixture
def activity(data_paths) -> tuple[int, int, int]:
    team = save_team(TeamInput(name="花城义警队"))
    a = save_member(MemberInput(name="王建国", team_id=team, join_date="2022-01-01"), today=TODAY).id
    b = save_member(MemberInput(name="李娜", team_id=team, join_date="2022-01-01"), today=TODAY).id
    activity_id = save_activity(ActivityInput(date="2024-05-25", kind="巡逻", team_id=team, place="中山路",
                                              participants=[ParticipantInput(a, 2)]), TODAY)
    return activity_id, a, b


def test_an_activity_form_is_refused_after_another_save(activity):
    activity_id, a, b = activity
    mine, theirs = activity_input(activity_id), activity_input(activity_id)
    assert mine.version == theirs.version == 1
    with roles.acting_as(OFFICER):
        update_activity(activity_id, replace(theirs, description="夜间巡逻"), TODAY)
    stored = Activity.get_by_id(activity_id)
    assert (stored.version, stored.changed_by, stored.description) == (2, "张警官", "夜间巡逻")

    with pytest.raises(RecordChanged) as refused:
        update_activity(activity_id, replace(mine, place="团结路", participants=[ParticipantInput(b, 3)]), TODAY)
    assert str(refused.value) == f"此记录已被 张警官 于 {stored.changed_at:%H:%M} 修改"
    stored = Activity.get_by_id(activity_id)
    assert (stored.version, stored.place) == (2, "中山路")
    assert [p.member_id for p in ActivityParticipant.select().where(ActivityParticipant.activity == activity_id)] \
        == [a]

    update_activity(activity_id, replace(mine, place="团结路", version=refused.value.current_version), TODAY)
    stored = Activity.get_by_id(activity_id)
    assert (stored.version, stored.place, stored.description) == (3, "团结路", "")


def test_a_save_without_a_version_and_a_merge_of_teams_raise_it(activity):
    activity_id, _a, _b = activity
    update_activity(activity_id, replace(activity_input(activity_id), version=None, place="团结路"), TODAY)
    assert Activity.get_by_id(activity_id).version == 2
    loaded = activity_input(activity_id)
    merge_teams(Activity.get_by_id(activity_id).team_id, save_team(TeamInput(name="石榴义警队")))
    assert Activity.get_by_id(activity_id).version == 3
    with pytest.raises(RecordChanged):
        update_activity(activity_id, replace(loaded, place="中山路"), TODAY)
