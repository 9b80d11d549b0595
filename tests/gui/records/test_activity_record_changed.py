"""Another PC saved the work record the form has open (issue 19, migration 11): the save is refused, what
was typed stays, a red line says who changed it and when, and a second 保存 is the deliberate overwrite."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import Qt

from desktop_app.db.models import Activity
from desktop_app.domain.vocabulary import CLERK
from desktop_app.services.accounts import roles
from desktop_app.services.records.activities import (
    ActivityInput,
    ParticipantInput,
    activity_input,
    save_activity,
    update_activity,
)
from desktop_app.services.roster.members import MemberInput, save_member
from desktop_app.services.roster.teams import TeamInput, save_team
from desktop_app.ui.records.activity_form import ActivityForm

LEFT = Qt.MouseButton.LeftButton
REFUSED = re.compile(r"此记录已被 张警官 于 \d\d:\d\d 修改")


def test_activity_form_keeps_the_input_on_a_refusal(qtbot, data_paths, type_text, messages):
    team = save_team(TeamInput(name="花城义警队"))
    member = save_member(MemberInput(name="王建国", team_id=team, join_date="2022-01-01")).id
    activity_id = save_activity(ActivityInput(date="2024-05-25", kind="巡逻", team_id=team, place="中山路",
                                              participants=[ParticipantInput(member, 2)]))
    form = ActivityForm()
    qtbot.addWidget(form)
    form.show()
    form.load(activity_input(activity_id), editing=activity_id)
    form.description.clear()
    type_text(form.description, "夜间巡逻")
    with roles.acting_as(roles.Account("zhang", CLERK, display_name="张警官")):
        update_activity(activity_id, replace(activity_input(activity_id), place="团结路"))

    qtbot.mouseClick(form.save_button, LEFT)
    assert form.changed_banner.isVisible() and REFUSED.search(form.changed_banner.text())
    assert form.description.text() == "夜间巡逻" and form.place.text() == "中山路" and form.editing == activity_id
    stored = Activity.get_by_id(activity_id)
    assert (stored.place, stored.description, stored.version) == ("团结路", "", 2)
    assert not messages

    qtbot.mouseClick(form.save_button, LEFT)  # after comparing: saved over their change on purpose
    assert not form.changed_banner.isVisible() and form.editing is None
    stored = Activity.get_by_id(activity_id)
    assert (stored.place, stored.description, stored.version) == ("中山路", "夜间巡逻", 3)
