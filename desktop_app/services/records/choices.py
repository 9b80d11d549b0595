"""What the record forms offer to choose from: the teams and the members on the roster (with their team,
so two members of one name can be told apart), and the trainings already held."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peewee import JOIN, fn

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
