"""Teams (队伍): list with member counts, create and edit, rename, merge, retire and reactivate.

Every change is one transaction with its audit entry. Team names are not personal data, so the
audit summaries may name the team.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import date, datetime

from peewee import JOIN, fn

from ...db.database import db
from ...db.models import Activity, DutyPost, Member, Team
from ...domain.dates import parse_loose_date
from ...domain.errors import FieldError, ValidationFailed
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.ranges import as_record_id
from ...domain.text_hygiene import text_value
from ...domain.vocabulary import ACTIVE, LEFT
from .. import audit
from ..accounts.roles import DELETE, EDIT, requires
from ..clients.versions import check_version, save_checked
from .search import data_stamp, pinyin_sort_key

NAME_MAX = 100
STATION_MAX = 100
NOTES_MAX = 5_000
SERVICE_AREA_MAX = 200


class TeamInvalid(ValidationFailed):
    """The team cannot be saved or changed as asked; `errors` holds one message per field."""


@dataclass(frozen=True)
class TeamRow:
    id: int
    name: str
    station: str
    founded_on: date | None
    leader_id: int | None
    leader_name: str
    service_area: str
    notes: str
    retired_on: date | None
    members_active: int
    members_total: int
    version: int = 1  # the stored record's (services/clients/versions.py)


@dataclass
class TeamInput:
    name: str
    station: str = ""
    founded_on: str | date | None = None
    leader_id: int | None = None
    service_area: str = ""
    notes: str = ""
    version: int | None = field(default=None, compare=False)  # the stored record's, as the form loaded it


def _member_counts(team_id: int | None) -> dict[int, tuple[int, int]]:
    """Each team's (members, active members), deleted ones left out. Counted from the (team, status) index
    alone, then the deleted members (few, found by their index) taken off: asking for `deleted_at IS NULL`
    in the count made SQLite read all 100,000 rows of a prefecture (about a second)."""
    in_team = Member.team.is_null(False) if team_id is None else Member.team == team_id
    counts = (Member.select(Member.team, Member.status, fn.COUNT(Member.id))
              .where(in_team).group_by(Member.team, Member.status).tuples())
    deleted = (Member.select(Member.team, Member.status)
               .where(Member.deleted_at.is_null(False), in_team).order_by(Member.deleted_at).tuples())
    by_team: dict[int, list[int]] = {}
    for team, status, count in counts:
        figures = by_team.setdefault(team, [0, 0])
        figures[0] += count
        figures[1] += count if status == ACTIVE else 0
    for team, status in deleted:
        figures = by_team[team]
        figures[0] -= 1
        figures[1] -= 1 if status == ACTIVE else 0
    return {team: (total, active) for team, (total, active) in by_team.items() if total}


def _rows(*conditions, team_id: int | None = None) -> list[TeamRow]:
    by_team = _member_counts(team_id)
    Leader = Member.alias()
    query = (
        Team.select(Team, Leader.name.alias("leader_name"))
        .join(Leader, JOIN.LEFT_OUTER, on=(Team.leader == Leader.id))
        .where(Team.deleted_at.is_null(), *conditions)
        .objects()
    )
    rows = []
    for team in query:
        total, active = by_team.get(team.id, (0, 0))
        rows.append(TeamRow(
            id=team.id, name=team.name, station=team.station, founded_on=team.founded_on,
            leader_id=team.leader_id, leader_name=team.leader_name or "", service_area=team.service_area,
            notes=team.notes, retired_on=team.retired_on, members_active=active, members_total=total,
            version=team.version,
        ))
    return rows


_kept_lists: dict[bool, tuple[tuple, list[TeamRow]]] = {}  # include_retired → (data stamp, the list)
_kept_lock = threading.Lock()


def list_teams(include_retired: bool = False) -> list[TeamRow]:
    """Teams in pinyin order of their names; retired ones only when asked. Every team box of the window
    asks for it, and at a prefecture counting the members costs tens of milliseconds: the list is kept
    until the database changes (the same stamp as the roster's kept orders)."""
    stamp = data_stamp()
    with _kept_lock:
        kept = _kept_lists.get(include_retired)
    if kept is not None and kept[0] == stamp:
        return list(kept[1])
    conditions = [] if include_retired else [Team.retired_on.is_null()]
    rows = sorted(_rows(*conditions), key=lambda row: pinyin_sort_key(row.name))
    if not stamp[3]:  # inside an open transaction the rows may yet be rolled back
        with _kept_lock:
            _kept_lists[include_retired] = (stamp, rows)
    return list(rows)


@dataclass(frozen=True)
class TeamChoice:
    id: int
    name: str


_kept_choices: dict[str, tuple[tuple, list[TeamChoice]]] = {}  # "teams" → (data stamp, the list)


def team_choices() -> list[TeamChoice]:
    """The teams not retired, in pinyin order, for a choice box: ids and names without the member counts of
    `list_teams` (at a prefecture ~10 ms counted again after every change, on the GUI thread, each time a
    dialog with a team box opened). Kept until the database changes, as the lists are."""
    stamp = data_stamp()
    with _kept_lock:
        kept = _kept_choices.get("teams")
    if kept is not None and kept[0] == stamp:
        return list(kept[1])
    query = (Team.select(Team.id, Team.name)
             .where(Team.deleted_at.is_null(), Team.retired_on.is_null()).tuples())
    choices = sorted((TeamChoice(team_id, name) for team_id, name in query),
                     key=lambda choice: pinyin_sort_key(choice.name))
    if not stamp[3]:  # inside an open transaction the rows may yet be rolled back
        with _kept_lock:
            _kept_choices["teams"] = (stamp, choices)
    return list(choices)


def get_team(team_id: int) -> TeamRow:
    """One team with its counts; raises `Team.DoesNotExist` for an unknown or deleted id."""
    rows = _rows(Team.id == team_id, team_id=team_id)
    if not rows:
        raise Team.DoesNotExist(f"team {team_id} not found")
    return rows[0]


def find_team_by_name(name: str) -> int | None:
    """The id of the team with exactly this name (spaces around it ignored), retired ones included."""
    text = (name or "").strip()
    if not text:
        return None
    team = Team.get_or_none(Team.name == text, Team.deleted_at.is_null())
    return team.id if team else None


def _checked_name(raw: str, team_id: int | None, errors: list[FieldError]) -> str:
    name = text_value(raw, "name", QT_TRANSLATE_NOOP("Messages", "队伍名称"), None, errors)
    if any(e.field == "name" for e in errors):
        return name
    if not name:
        errors.append(FieldError("name", QT_TRANSLATE_NOOP("Messages", "请填写队伍名称")))
    elif len(name) > NAME_MAX:
        errors.append(FieldError("name",
            Message(QT_TRANSLATE_NOOP("Messages", "队伍名称不能超过{name_max}个字"), name_max=NAME_MAX)))
    else:
        same = Team.get_or_none(Team.name == name)
        if same is not None and same.id != team_id:
            note = "（已撤销）" if same.retired_on or same.deleted_at else ""
            errors.append(FieldError("name",
                Message(QT_TRANSLATE_NOOP("Messages", "已有同名队伍{note}，请换一个名称"), note=note)))
    return name


def validate_team(data: TeamInput, team_id: int | None = None, today: date | None = None) -> dict:
    """The values to store, or raise `TeamInvalid` listing every wrong field."""
    today = today or date.today()
    errors: list[FieldError] = []
    values: dict = {"name": _checked_name(data.name, team_id, errors)}

    values["founded_on"] = None
    if data.founded_on is not None and str(data.founded_on).strip():
        try:
            values["founded_on"] = parse_loose_date(data.founded_on)
        except FieldError as exc:
            errors.append(FieldError("founded_on",
                Message(QT_TRANSLATE_NOOP("Messages", "成立日期：{message}"), message=exc.message)))
        else:
            if values["founded_on"] > today:
                errors.append(FieldError("founded_on", QT_TRANSLATE_NOOP("Messages", "成立日期不能晚于今天")))

    values["leader"] = data.leader_id
    if data.leader_id is not None:
        leader = Member.get_or_none(Member.id == as_record_id(data.leader_id))
        if leader is None or leader.deleted_at is not None:
            errors.append(FieldError("leader", QT_TRANSLATE_NOOP("Messages", "所选队长不存在或已删除")))
        elif team_id is not None and leader.team_id != team_id:
            errors.append(FieldError("leader", QT_TRANSLATE_NOOP("Messages", "队长必须是本队队员")))
        elif leader.status == LEFT:
            errors.append(FieldError("leader", QT_TRANSLATE_NOOP("Messages", "所选队长已退出，不能担任队长")))

    for key, label, limit in (("station", QT_TRANSLATE_NOOP("Messages", "所属警务站"), STATION_MAX),
                              ("service_area", QT_TRANSLATE_NOOP("Messages", "服务区域"), SERVICE_AREA_MAX)):
        text = text_value(getattr(data, key), key, label, None, errors)
        if len(text) > limit:
            errors.append(FieldError(key,
                Message(QT_TRANSLATE_NOOP("Messages", "{label}不能超过{limit}个字"), label=label, limit=limit)))
        values[key] = text
    values["notes"] = text_value(data.notes, "notes", QT_TRANSLATE_NOOP("Messages", "备注"), NOTES_MAX, errors,
                                 multiline=True)

    if errors:
        raise TeamInvalid(errors)
    return values


def _live_team(team_id: int) -> Team:
    return Team.get(Team.id == team_id, Team.deleted_at.is_null())


@requires(EDIT)
def save_team(data: TeamInput, team_id: int | None = None) -> int:
    """Create (team_id None) or update a team; returns its id."""
    with db.atomic():
        values = validate_team(data, team_id)
        if team_id is None:
            team = Team.create(**values)
            audit.record("新增", "team", team.uuid, f"新增队伍“{team.name}”")
        else:
            team = _live_team(team_id)
            check_version(team, data.version)
            old_name = team.name
            for key, value in values.items():
                setattr(team, key, value)
            save_checked(team, data.version)
            renamed = f"，原名“{old_name}”" if old_name != team.name else ""
            audit.record("修改", "team", team.uuid, f"修改队伍“{team.name}”{renamed}")
    return team.id


@requires(EDIT)
def rename_team(team_id: int, new_name: str) -> None:
    with db.atomic():
        team = _live_team(team_id)
        errors: list[FieldError] = []
        name = _checked_name(new_name, team_id, errors)
        if errors:
            raise TeamInvalid(errors)
        if name == team.name:
            return
        old_name, team.name = team.name, name
        team.save()
        audit.record("修改", "team", team.uuid, f"队伍“{old_name}”更名为“{name}”")


@requires(EDIT)
def merge_teams(source_id: int, target_id: int, today: date | None = None) -> int:
    """Move the source team's members, duty posts and activities to the target and retire the source.

    Returns how many members (not counting deleted ones) moved. Deleted members move too, so that
    restoring one later puts them in a team that still works.
    """
    today = today or date.today()
    with db.atomic():
        if source_id == target_id:
            raise TeamInvalid([FieldError("target", QT_TRANSLATE_NOOP("Messages", "不能把队伍并入它自己"))])
        source, target = _live_team(source_id), _live_team(target_id)
        if target.retired_on is not None:
            raise TeamInvalid([FieldError("target",
                Message(QT_TRANSLATE_NOOP("Messages", "队伍“{target_name}”已撤销，不能并入"),
                        target_name=target.name))])
        now = datetime.now()
        moved = (
            Member.select()
            .where(Member.team == source_id, Member.deleted_at.is_null())
            .count()
        )
        Member.update(team=target_id, updated_at=now, **Member.bumped()).where(Member.team == source_id).execute()
        DutyPost.update(team=target_id, updated_at=now, **DutyPost.bumped()).where(
            DutyPost.team == source_id).execute()
        Activity.update(team=target_id, updated_at=now, **Activity.bumped()).where(
            Activity.team == source_id).execute()
        note = f"已并入 {target.name}"
        source.notes = f"{source.notes}\n{note}" if source.notes.strip() else note
        source.retired_on = source.retired_on or today
        source.leader = None
        source.save()
        audit.record("合并", "team", source.uuid, f"队伍“{source.name}”并入“{target.name}”，移动队员{moved}名")
    return moved


@requires(DELETE)
def retire_team(team_id: int, on: date | None = None) -> None:
    """撤销: the team stays in the records but no longer appears in lists and choices."""
    with db.atomic():
        team = _live_team(team_id)
        if team.retired_on is not None:
            raise TeamInvalid([FieldError("retired_on",
                Message(QT_TRANSLATE_NOOP("Messages", "队伍“{team_name}”已于{retired_on}撤销"),
                        team_name=team.name, retired_on=team.retired_on))])
        team.retired_on = on or date.today()
        team.save()
        audit.record("撤销", "team", team.uuid, f"撤销队伍“{team.name}”")


@requires(DELETE)
def reactivate_team(team_id: int) -> None:
    with db.atomic():
        team = _live_team(team_id)
        if team.retired_on is None:
            raise TeamInvalid([FieldError("retired_on",
                Message(QT_TRANSLATE_NOOP("Messages", "队伍“{team_name}”未撤销"), team_name=team.name))])
        team.retired_on = None
        team.save()
        audit.record("恢复", "team", team.uuid, f"恢复队伍“{team.name}”")


@requires(DELETE)
def restore_team(team_id: int) -> None:
    """Back from the 回收站: a deleted team (its members and posts kept their link to it)."""
    with db.atomic():
        team = Team.get_by_id(team_id)
        team.deleted_at = None
        team.save()
        audit.record("恢复", "team", team.uuid, f"恢复已删除的队伍“{team.name}”")
