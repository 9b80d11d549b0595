"""The members a record form offers for what was typed: exact names first, else names or teams holding the
text (a team's own members first), how many match in all, the member a label names, and members by id —
without loading the roster."""

from __future__ import annotations

from datetime import date

from desktop_app.domain.id_numbers import build_id_number
from desktop_app.services.records.choices import (
    find_member_choices,
    member_choice_named,
    member_choices_for,
)
from desktop_app.services.roster.members import MemberInput, delete_member, save_member
from desktop_app.services.roster.teams import TeamInput, save_team


def add(name: str, team: int | None, sequence: int, status: str = "在队") -> int:
    number = build_id_number("653123", date(1980, 1, 1 + sequence % 28), sequence)
    return save_member(MemberInput(name=name, team_id=team, status=status, id_number=number,
                                   join_date="2020-01-01")).id


def test_exact_names_first_then_names_and_teams_holding_the_text(data_paths):
    pomegranate = save_team(TeamInput(name="石榴大妈义警队"))
    red_flag = save_team(TeamInput(name="红旗义警队"))
    nur = add("努尔买买提·西热甫", pomegranate, 1)
    other_nur = add("努尔买买提", red_flag, 2)
    mamat = add("阿卜杜克热木·艾买提", red_flag, 3)
    zhang = add("张鹏", pomegranate, 4)
    add("李娜", None, 5, status="退出")
    gone = add("买买提江", red_flag, 6)
    delete_member(gone)

    exact = find_member_choices("努尔买买提")
    assert [c.id for c in exact.choices] == [other_nur] and exact.total == 1
    assert find_member_choices("张鹏（石榴大妈义警队）").choices[0].id == zhang

    holding = find_member_choices("买提")
    assert {c.id for c in holding.choices} == {nur, other_nur, mamat} and holding.total == 3
    assert find_member_choices("买提", prefer_team=pomegranate).choices[0].id == nur
    assert {c.id for c in find_member_choices("石榴").choices} == {nur, zhang}  # the team's name
    first_two = find_member_choices("买提", limit=2)
    assert len(first_two.choices) == 2 and first_two.total == 3

    assert find_member_choices("李娜").total == 0  # left the team
    assert [c.label for c in find_member_choices("李娜", include_left=True).choices] == ["李娜"]
    assert find_member_choices("  ").total == 0
    assert find_member_choices("王五").total == 0


def test_the_member_a_label_names_and_members_by_id(data_paths):
    team = save_team(TeamInput(name="石榴大妈义警队"))
    other = save_team(TeamInput(name="红旗义警队"))
    first = add("张鹏", team, 1)
    second = add("张鹏", other, 2)
    left = add("李娜", other, 3, status="退出")
    gone = add("王五", team, 4)
    delete_member(gone)

    assert member_choice_named("张鹏（红旗义警队）").id == second
    assert member_choice_named("张鹏") is None  # two of that name: the label tells them apart
    assert member_choice_named("李娜").id == left
    assert member_choice_named("李娜", include_left=False) is None
    assert member_choice_named("王五") is None

    found = member_choices_for([first, left, gone, first])
    assert set(found) == {first, left}
    assert found[first].label == "张鹏（石榴大妈义警队）"
