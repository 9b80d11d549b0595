"""What the record forms offer to choose from: the teams and the members on the roster (with their team,
so two members of one name can be told apart), and the trainings already held.

A prefecture has 100,000 members: the forms never load them all but ask for the few that match what was
typed (`find_member_choices`, a scan of the roster: run it off the GUI thread), the one a label names
(`member_choice_named`, by the name's index) or the ones of a record (`member_choices_for`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from peewee import JOIN, Case, Value, fn

from ...db.dialect import contains, unindexed
from ...db.models import Member, Team, Training, TrainingAttendee
from ...domain.vocabulary import LEFT


@dataclass(frozen=True)
class MemberChoice:
    id: int
    name: str
    team_id: int | None
    team: str

    @property
    def label(self) -> str:
        """张鹏（石榴大妈义警队）"""
        return f"{self.name}（{self.team}）" if self.team else self.name


def member_choices(team_id: int | None = None, include_left: bool = False) -> list[MemberChoice]:
    query = (Member.select(Member.id, Member.name, Member.team, Team.name)
             .join(Team, JOIN.LEFT_OUTER, on=(Member.team == Team.id)).where(Member.deleted_at.is_null()))
    if not include_left:
        query = query.where(Member.status != LEFT)
    if team_id is not None:
        query = query.where(Member.team == team_id)
    return [MemberChoice(mid, name, tid, team or "") for mid, name, tid, team in
            query.order_by(Member.pinyin_full, Member.name, Member.id).tuples()]


@dataclass(frozen=True)
class MemberMatches:
    """The first `limit` members matching a typed text, and how many match in all."""

    choices: list[MemberChoice]
    total: int


def _choices_query(include_left: bool):
    query = (Member.select(Member.id, Member.name, Member.team, Team.name)
             .join(Team, JOIN.LEFT_OUTER, on=(Member.team == Team.id)))
    return query if include_left else query.where(Member.status != LEFT)


def _choices(query) -> list[MemberChoice]:
    return [MemberChoice(mid, name, tid, team or "") for mid, name, tid, team in query.tuples()]


def find_member_choices(text: str, prefer_team: int | None = None, limit: int = 30,
                        include_left: bool = False) -> MemberMatches:
    """The members whose name or label (name（team）) is the typed text; when none is, those whose label
    contains it — members of `prefer_team` first, then in pinyin order. One pass over the roster."""
    text = text.strip()
    if not text:
        return MemberMatches([], 0)
    exact = _choices(_choices_query(include_left).where(
        Member.deleted_at.is_null(), Member.name == _name_of(text)).order_by(Member.pinyin_full, Member.id))
    exact = [c for c in exact if text in (c.name, c.label)]
    if exact:
        return MemberMatches(exact, len(exact))
    # `+deleted_at`: SQLite would otherwise reach every row through the deleted_at index, ten times slower
    matching = contains(Member.name, text) | Member.team.in_(
        Team.select(Team.id).where(contains(Team.name, text)))
    if "（" in text or "）" in text:
        label = fn.COALESCE(Member.name.concat("（").concat(Team.name).concat("）"), Member.name)
        matching = matching | contains(label, text)
    query = _choices_query(include_left).where(unindexed(Member.deleted_at).is_null(), matching)
    total = query.count()
    first = Case(None, [(Member.team == prefer_team, 0)], 1) if prefer_team is not None else Value(0)
    found = _choices(query.order_by(first, Member.pinyin_full, Member.name, Member.id).limit(limit))
    return MemberMatches(found, total)


def _name_of(label: str) -> str:
    """张鹏（石榴大妈义警队） → 张鹏; a bare name stays as it is."""
    return label.split("（", 1)[0] if label.endswith("）") else label


def member_choice_named(label: str, include_left: bool = True) -> MemberChoice | None:
    """The member this label names (the first in pinyin order when several share it), or whose bare name
    this is when only one has it. Found by the name's index."""
    label = label.strip()
    named = _choices(_choices_query(include_left).where(
        Member.deleted_at.is_null(), Member.name == _name_of(label)).order_by(Member.pinyin_full, Member.id))
    same_label = [c for c in named if c.label == label]
    if same_label:
        return same_label[0]
    same_name = [c for c in named if c.name == label]
    return same_name[0] if len(same_name) == 1 else None


def member_choices_for(ids: Iterable[int]) -> dict[int, MemberChoice]:
    """These members of the roster (left ones included: a record keeps its people), by id."""
    wanted = list(dict.fromkeys(ids))
    found: dict[int, MemberChoice] = {}
    for start in range(0, len(wanted), 500):
        query = _choices_query(True).where(Member.deleted_at.is_null(), Member.id.in_(wanted[start:start + 500]))
        found.update((c.id, c) for c in _choices(query))
    return found


def team_choices() -> list[tuple[int, str]]:
    return list(Team.select(Team.id, Team.name).where(Team.deleted_at.is_null(), Team.retired_on.is_null())
                .order_by(Team.name).tuples())


@dataclass(frozen=True)
class TrainingRow:
    id: int
    date: date
    title: str
    hours: float
    host: str
    grants: str
    attendees: int


def training_rows(date_from: date | None = None, date_to: date | None = None) -> list[TrainingRow]:
    count = (TrainingAttendee.select(fn.COUNT(TrainingAttendee.id)).where(TrainingAttendee.training == Training.id))
    query = Training.select(Training.id, Training.date, Training.title, Training.hours, Training.host,
                            Training.grants_skill, Training.valid_months, count.alias("n")).where(
        Training.deleted_at.is_null())
    if date_from is not None:
        query = query.where(Training.date >= date_from)
    if date_to is not None:
        query = query.where(Training.date <= date_to)
    rows = []
    for tid, day, title, hours, host, skill, months, attendees in query.order_by(Training.date.desc(),
                                                                                   Training.id.desc()).tuples():
        grants = f"{skill}（{months}个月）" if skill and months else skill
        rows.append(TrainingRow(tid, day, title, hours, host, grants, attendees))
    return rows
