"""Who may be recorded as having served on a day (an activity, a training): the member is on the roster (not
deleted), had joined by that day and had not left before it; and the hours one person may be credited with."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ...db.models import Member, Team
from ...domain.dates import format_date
from ...domain.errors import FieldError
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.ranges import as_record_id
from ...domain.text_folding import fold_fullwidth

MAX_HOURS_PER_DAY = 24.0
_IN_CHUNK = 500


@dataclass(frozen=True)
class MemberSpan:
    name: str
    join_date: date | None
    leave_date: date | None
    deleted: bool


class RecordLookups:
    """What the record checks ask the database: members' spans on the roster and the teams there are.
    `load_all` reads everything once (for a batch); otherwise each check reads the rows it needs."""

    def __init__(self, load_all: bool = False) -> None:
        self.spans: dict[int, MemberSpan] = member_spans(None) if load_all else {}
        self.teams: set[int] | None = (
            {tid for (tid,) in Team.select(Team.id).where(Team.deleted_at.is_null()).tuples()} if load_all else None)
        self.complete = load_all

    def span(self, member_id: int) -> MemberSpan | None:
        if not self.complete and member_id not in self.spans:
            self.spans.update(member_spans([member_id]))
        return self.spans.get(member_id)

    def prefetch(self, member_ids: Iterable[int]) -> None:
        if not self.complete:
            self.spans.update(member_spans([m for m in member_ids if m not in self.spans]))

    def team_exists(self, team_id: int) -> bool:
        if self.teams is not None:
            return team_id in self.teams
        return Team.select().where(Team.id == as_record_id(team_id), Team.deleted_at.is_null()).exists()


def member_spans(member_ids: Iterable[int] | None) -> dict[int, MemberSpan]:
    """Each member's name, join and leave dates and whether deleted (None: every member)."""
    columns = (Member.id, Member.name, Member.join_date, Member.leave_date, Member.deleted_at)
    if member_ids is None:
        chunks = [Member.select(*columns)]
    else:
        ids = list(dict.fromkeys(as_record_id(m) for m in member_ids))
        chunks = [Member.select(*columns).where(Member.id.in_(ids[k:k + _IN_CHUNK]))
                  for k in range(0, len(ids), _IN_CHUNK)]
    return {mid: MemberSpan(name, joined, left, deleted is not None)
            for query in chunks for mid, name, joined, left, deleted in query.tuples()}


def serving_problem(span: MemberSpan | None, day: date) -> str:
    """"" when the member may be recorded as serving on `day`, else the Chinese reason."""
    if span is None:
        return QT_TRANSLATE_NOOP("Messages", "队员不存在")
    if span.deleted:
        return Message(QT_TRANSLATE_NOOP("Messages", "队员“{name}”已删除"), name=span.name)
    if span.join_date and span.join_date > day:
        return Message(QT_TRANSLATE_NOOP("Messages", "队员“{name}”{join_date}才入队"), name=span.name,
                       join_date=format_date(span.join_date))
    if span.leave_date and span.leave_date < day:
        return Message(QT_TRANSLATE_NOOP("Messages", "队员“{name}”已于{leave_date}离队"), name=span.name,
                       leave_date=format_date(span.leave_date))
    return ""


def hours_value(value: float | int | str | None, field: str, label: str, errors: list[FieldError],
                limit: float = MAX_HOURS_PER_DAY) -> float:
    """Hours as typed ("2", "1.5", "2小时"): above 0 and at most `limit`, rounded to 0.1 h."""
    try:
        hours = float(value) if isinstance(value, int | float) and not isinstance(value, bool) else \
            float(fold_fullwidth(str(value if value is not None else "")).strip().removesuffix("小时"))
    except ValueError:
        errors.append(FieldError(field, Message(QT_TRANSLATE_NOOP("Messages", "{label}应为数字，如 2 或 1.5"), label=label)))
        return 0.0
    if not 0 < hours <= limit:
        errors.append(FieldError(field, Message(QT_TRANSLATE_NOOP("Messages", "{label}应大于0且不超过{limit}小时"),
                                                label=label, limit=f"{limit:g}")))
    return round(hours, 1)
