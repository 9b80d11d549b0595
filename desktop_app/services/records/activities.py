"""Work records (工作记录): an activity of a team on a day — its kind, place, what was done, the entered
figures of domain/activity_figures.py (劝导交通违法行为 起, 救助被困车辆 辆 …) — and who took part, with hours each.

`validate_activity` is the one place the rules are applied; `save_activity` stores one record and
`save_activities` many in one transaction, each checked the same way; `update_activity` changes one and
`delete_activity` removes one (kept, with `deleted_at`, out of every figure).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ...db.database import db
from ...db.models import Activity, ActivityParticipant
from ...domain.activity_figures import BY_COLUMN, FIGURE_COLUMNS, MAX_FIGURE
from ...domain.errors import FieldError, ValidationFailed
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.text_folding import fold_fullwidth
from ...domain.vocabulary import ACTIVITY_KINDS, PATROL
from .. import audit
from ..accounts.roles import DELETE, EDIT, requires
from ..cases.fields import MAX_TEXT, choice_field, date_field, text_field
from ..clients.versions import check_version, save_checked
from ..storage.bulk import insert_rows, next_id
from .participation import RecordLookups, hours_value, serving_problem

# column → the figure's name and unit, as a field's message names it
FIGURES = {column: BY_COLUMN[column].label for column in FIGURE_COLUMNS}
MAX_PARTICIPANTS = 500


class ActivityInvalid(ValidationFailed):
    """The record cannot be saved as typed; `errors` holds one message per wrong field."""


@dataclass
class ParticipantInput:
    member_id: int
    hours: float | str


@dataclass
class ActivityInput:
    date: str | date | None = None
    kind: str = PATROL
    team_id: int | None = None
    place: str = ""
    description: str = ""
    people_persuaded: int | str = 0
    suspects_caught: int | str = 0
    vehicles_helped: int | str = 0
    people_served: int | str = 0
    clues_reported: int | str = 0
    matters_handled: int | str = 0
    people_found: int | str = 0
    hazards_found: int | str = 0
    publicity_reach: int | str = 0
    participants: list[ParticipantInput] = field(default_factory=list)
    version: int | None = field(default=None, compare=False)  # the stored record's, as the form loaded it

    def figures(self) -> dict[str, int | str]:
        """column → value as given."""
        return {column: getattr(self, column) for column in FIGURE_COLUMNS}

    def set_figures(self, values: Mapping[str, int | str]) -> ActivityInput:
        """Set figures by their names (劝导交通违法行为 …) or columns; the others stay as they are."""
        by_name = {figure.name: column for column, figure in BY_COLUMN.items()}
        for key, value in values.items():
            setattr(self, by_name.get(key, key), value)
        return self


def _figure(value: int | str, key: str, errors: list[FieldError]) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        try:
            number = int(fold_fullwidth(str(value if value not in (None, "") else 0)).strip().replace(",", ""))
        except ValueError:
            errors.append(FieldError(key, Message(QT_TRANSLATE_NOOP("Messages", "{figure}应为整数"), figure=FIGURES[key])))
            return 0
    if not 0 <= number <= MAX_FIGURE:
        errors.append(FieldError(key, Message(QT_TRANSLATE_NOOP("Messages", "{figure}应在0至{max_figure}之间"),
                                              figure=FIGURES[key], max_figure=MAX_FIGURE)))
    return number


def validate_activity(data: ActivityInput, today: date | None = None,
                      lookups: RecordLookups | None = None) -> tuple[dict[str, Any], list[tuple[int, float]]]:
    """(the activity's values, [(member id, hours)]) to store, or `ActivityInvalid` listing every wrong field."""
    today = today or date.today()
    lookups = lookups or RecordLookups()
    errors: list[FieldError] = []
    day = date_field(data.date, "date", QT_TRANSLATE_NOOP("Messages", "日期"), errors, required=True)
    if day and day > today:
        errors.append(FieldError("date", QT_TRANSLATE_NOOP("Messages", "日期不能晚于今天")))
    values: dict[str, Any] = {
        "date": day,
        "kind": choice_field(data.kind, "kind", QT_TRANSLATE_NOOP("Messages", "工作类别"), ACTIVITY_KINDS, errors),
        "team": data.team_id,
        "place": text_field(data.place, "place", QT_TRANSLATE_NOOP("Messages", "地点"), 200, errors),
        "description": text_field(data.description, "description", QT_TRANSLATE_NOOP("Messages", "工作内容"),
                                  MAX_TEXT, errors),
    }
    if data.team_id is not None and not lookups.team_exists(data.team_id):
        errors.append(FieldError("team", QT_TRANSLATE_NOOP("Messages", "所选队伍不存在")))
    for key in FIGURES:
        values[key] = _figure(getattr(data, key), key, errors)
    participants: list[tuple[int, float]] = []
    if len(data.participants) > MAX_PARTICIPANTS:
        errors.append(FieldError("participants", Message(QT_TRANSLATE_NOOP("Messages", "参加人员不能超过{limit}人"),
                                                         limit=MAX_PARTICIPANTS)))
    lookups.prefetch(p.member_id for p in data.participants)
    seen: set[int] = set()
    for entry in data.participants:
        span = lookups.span(entry.member_id)
        name = span.name if span else ""
        if entry.member_id in seen:
            errors.append(FieldError("participants", Message(QT_TRANSLATE_NOOP("Messages", "“{name}”重复登记"), name=name)))
            continue
        seen.add(entry.member_id)
        if day is not None:
            problem = serving_problem(span, day)
            if problem:
                errors.append(FieldError("participants", problem))
        hours = hours_value(entry.hours, "participants",
                            Message(QT_TRANSLATE_NOOP("Messages", "“{name}”的服务时长"), name=name), errors)
        participants.append((entry.member_id, hours))
    if errors:
        raise ActivityInvalid(errors)
    return values, participants


_FIELDS = ("date", "kind", "team", "place", "description", *FIGURE_COLUMNS)


@requires(EDIT)
def save_activity(data: ActivityInput, today: date | None = None) -> int:
    """Check and store one work record with its participants in one transaction; returns its id."""
    def log(ids: list[int]) -> None:
        audit.record("新增", "activity", Activity.get_by_id(ids[0]).uuid, f"新增工作记录（{data.kind}）")

    return _save([data], today, log)[0]


@requires(EDIT)
def save_activities(inputs: Sequence[ActivityInput], today: date | None = None) -> list[int]:
    """Check and store many work records in one transaction, each checked by `validate_activity`; the first
    refused one raises `ActivityInvalid` (its `item` says which) and nothing is stored. One audit entry."""
    return _save(inputs, today, lambda ids: audit.record("新增", "activity", "", f"批量新增工作记录 {len(ids)} 条"),
                 RecordLookups(load_all=True) if len(inputs) > 50 else None)


def _save(inputs: Sequence[ActivityInput], today: date | None, log: Callable[[list[int]], object],
          lookups: RecordLookups | None = None) -> list[int]:
    today = today or date.today()
    lookups = lookups or RecordLookups()
    with db.atomic():
        first = next_id(Activity)
        rows, people = [], []
        for index, data in enumerate(inputs):
            try:
                values, participants = validate_activity(data, today, lookups)
            except ActivityInvalid as exc:
                raise ActivityInvalid(exc.errors, item=index if len(inputs) > 1 else None) from None
            rows.append(tuple(values[key] for key in _FIELDS))
            people += [(first + index, member_id, hours) for member_id, hours in participants]
        ids = insert_rows(Activity, _FIELDS, rows, first)
        insert_rows(ActivityParticipant, ("activity", "member", "hours"), people)
        if ids:
            log(ids)
    return ids


@requires(EDIT)
def update_activity(activity_id: int, data: ActivityInput, today: date | None = None) -> None:
    """Check and store the changed record; its participants are replaced by the ones given."""
    with db.atomic():
        row = Activity.get_or_none(Activity.id == activity_id, Activity.deleted_at.is_null())
        if row is None:
            raise ActivityInvalid([FieldError("activity", QT_TRANSLATE_NOOP("Messages", "该工作记录不存在或已删除"))])
        check_version(row, data.version)
        values, participants = validate_activity(data, today)
        for key, value in values.items():
            setattr(row, key, value)
        save_checked(row, data.version)
        ActivityParticipant.delete().where(ActivityParticipant.activity == activity_id).execute()
        insert_rows(ActivityParticipant, ("activity", "member", "hours"),
                    [(activity_id, member_id, hours) for member_id, hours in participants])
        audit.record("修改", "activity", row.uuid, f"修改工作记录（{values['kind']}）")


@requires(DELETE)
def delete_activity(activity_id: int) -> None:
    """Mark the record deleted: it leaves every list, figure, hour and point, and can be told apart later."""
    with db.atomic():
        row = Activity.get_or_none(Activity.id == activity_id, Activity.deleted_at.is_null())
        if row is None:
            raise ActivityInvalid([FieldError("activity", QT_TRANSLATE_NOOP("Messages", "该工作记录不存在或已删除"))])
        Activity.update(deleted_at=datetime.now()).where(Activity.id == activity_id).execute()
        audit.record("删除", "activity", row.uuid, f"删除工作记录（{row.kind}）")


@requires(DELETE)
def restore_activity(activity_id: int) -> None:
    """Back from the 回收站: the record counts in lists, figures, hours and points again."""
    with db.atomic():
        row = Activity.get_by_id(activity_id)
        Activity.update(deleted_at=None).where(Activity.id == activity_id).execute()
        audit.record("恢复", "activity", row.uuid, f"恢复工作记录（{row.kind}）")


def activity_input(activity_id: int) -> ActivityInput:
    """A stored record as the form edits it (for 修改 and 复制上一条)."""
    row = Activity.get_by_id(activity_id)
    data = ActivityInput(date=row.date, kind=row.kind, team_id=row.team_id, place=row.place,
                         description=row.description, version=row.version)
    for column in FIGURE_COLUMNS:
        setattr(data, column, getattr(row, column))
    data.participants = [ParticipantInput(member_id, hours) for member_id, hours in
                         ActivityParticipant.select(ActivityParticipant.member, ActivityParticipant.hours)
                         .where(ActivityParticipant.activity == activity_id)
                         .order_by(ActivityParticipant.id).tuples()]
    return data


def last_activity_id() -> int | None:
    """The record entered last (复制上一条 starts from it)."""
    row = (Activity.select(Activity.id).where(Activity.deleted_at.is_null()).order_by(Activity.id.desc())
           .tuples().first())
    return row[0] if row else None
