"""Duty posts (岗位) and their recurring shift patterns (e.g. every school day 07:30–08:10).

Validation follows the member service: `validate_post` / `validate_pattern` collect every wrong field
and raise `PostInvalid(errors)`; each save or delete is one transaction with its audit entry.

A shift whose end is not after its start ends on the next day (20:00–08:00 is an overnight shift).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from peewee import JOIN

from ...db.database import db
from ...db.models import Assignment, DutyPost, Shift, ShiftPattern, Team
from ...domain.dates import parse_loose_date
from ...domain.errors import FieldError, ValidationFailed
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.ranges import as_record_id
from ...domain.text_folding import fold_fullwidth
from ...domain.text_hygiene import text_value
from ...domain.vocabulary import PATROL, PLANNED, POST_KINDS
from .. import audit
from ..accounts.roles import DELETE, EDIT, requires
from ..clients.versions import check_version, save_checked
from ..roster.search import pinyin_sort_key

NAME_MAX = 100
PLACE_MAX = 200
SKILL_MAX = 20
NOTES_MAX = 5_000
HEADCOUNT_MAX = 50
WEEKDAY_NAMES = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
ALL_WEEKDAYS = (1, 2, 3, 4, 5, 6, 7)
WORKWEEK = (1, 2, 3, 4, 5)

_CLOCK = re.compile(r"(\d{1,2})\s*(?::|点|时)\s*(\d{1,2})?\s*分?(?::(\d{1,2}))?")
_COMPACT_CLOCK = re.compile(r"(\d{2})(\d{2})")
_WEEKDAY_SPLIT = re.compile(r"[,，、;；\s]+")
_WEEKDAY_RANGE = re.compile(r"(\d)\s*[-–~至到]\s*(\d)")


class PostInvalid(ValidationFailed):
    """The post or pattern cannot be saved as typed; `errors` holds one message per wrong field."""


# --- times and weekdays --------------------------------------------------------------------------


def parse_clock(value: str | time, field_name: str = "time", label: str =
    QT_TRANSLATE_NOOP("Messages", "时间")) -> time:
    """'7:30', '07:30', '0730', '7点30', '07：30' (full width) → time(7, 30); raises FieldError."""
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    text = fold_fullwidth(str(value or "")).strip()
    if not text:
        raise FieldError(field_name, Message(QT_TRANSLATE_NOOP("Messages", "请填写{label}"), label=label))
    match = _CLOCK.fullmatch(text) or _COMPACT_CLOCK.fullmatch(text)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour == 24 and minute == 0:
            return time(0, 0)
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise FieldError(field_name,
        Message(QT_TRANSLATE_NOOP("Messages", "{label}“{text}”无法识别，请写成 07:30"), label=label, text=text))


def format_clock(t: time) -> str:
    return f"{t.hour:02d}:{t.minute:02d}"


def format_time_range(start: time, end: time) -> str:
    """07:30–08:10; an overnight shift: 20:00–次日08:00."""
    next_day = "次日" if (end.hour, end.minute) <= (start.hour, start.minute) else ""
    return f"{format_clock(start)}–{next_day}{format_clock(end)}"


def parse_weekdays(value: str | list[int] | tuple[int, ...]) -> tuple[int, ...]:
    """ISO weekdays (1 = Monday) from [1, 2], '1,2,3,4,5', '1-5', '6、7'; raises FieldError."""
    if isinstance(value, list | tuple):
        items = list(value)
    else:
        text = fold_fullwidth(str(value or "")).strip()
        items = []
        for part in _WEEKDAY_SPLIT.split(text):
            if not part:
                continue
            span = _WEEKDAY_RANGE.fullmatch(part)
            if span:
                low, high = int(span.group(1)), int(span.group(2))
                items.extend(range(low, high + 1) if low <= high else [0])
            elif part.isdigit():
                items.append(int(part))
            else:
                raise FieldError("weekdays",
                    Message(QT_TRANSLATE_NOOP("Messages", "星期“{part}”无法识别，请用 1–7 表示周一至周日"), part=part))
    days = sorted(set(items))
    if not days:
        raise FieldError("weekdays", QT_TRANSLATE_NOOP("Messages", "请至少选择一天"))
    if any(not isinstance(d, int) or not 1 <= d <= 7 for d in days):
        raise FieldError("weekdays", QT_TRANSLATE_NOOP("Messages", "星期应为 1–7（1 为周一）"))
    return tuple(days)


def format_weekdays(days: tuple[int, ...] | list[int]) -> str:
    """(1,2,3,4,5) → 周一至周五; (5, 6) → 周五、周六; all seven → 每天."""
    days = sorted(set(days))
    if days == list(ALL_WEEKDAYS):
        return "每天"
    if len(days) >= 3 and days == list(range(days[0], days[-1] + 1)):
        return f"{WEEKDAY_NAMES[days[0] - 1]}至{WEEKDAY_NAMES[days[-1] - 1]}"
    return "、".join(WEEKDAY_NAMES[d - 1] for d in days)


def weekdays_text(days: tuple[int, ...] | list[int]) -> str:
    """The stored form: '1,2,3,4,5'."""
    return ",".join(str(d) for d in sorted(set(days)))


def stored_weekdays(text: str) -> tuple[int, ...]:
    """The stored '1,2,3' back to (1, 2, 3); unknown items are ignored."""
    return tuple(sorted({int(p) for p in (text or "").split(",") if p.strip().isdigit() and 1 <= int(p) <= 7}))


# --- posts ---------------------------------------------------------------------------------------


@dataclass
class PostInput:
    """A post as typed; times as text ('07:30') or `time`."""

    name: str = ""
    kind: str = PATROL
    place: str = ""
    team_id: int | None = None
    default_start: str | time | None = None
    default_end: str | time | None = None
    headcount: int | str = 1
    required_skill: str = ""
    school_days_only: bool = False
    needs_leader: bool = False
    active: bool = True
    notes: str = ""
    version: int | None = field(default=None, compare=False)  # the stored record's, as the form loaded it


@dataclass(frozen=True)
class PatternRow:
    id: int
    post_id: int
    weekdays: tuple[int, ...]
    start: time
    end: time
    headcount: int
    valid_from: date | None
    valid_to: date | None

    @property
    def text(self) -> str:
        """周一至周五 07:30–08:10 3人（2024年9月1日起）."""
        out = f"{format_weekdays(self.weekdays)} {format_time_range(self.start, self.end)} {self.headcount}人"
        if self.valid_from and self.valid_to:
            out += f"（{self.valid_from:%Y-%m-%d}至{self.valid_to:%Y-%m-%d}）"
        elif self.valid_from:
            out += f"（{self.valid_from:%Y-%m-%d}起）"
        elif self.valid_to:
            out += f"（至{self.valid_to:%Y-%m-%d}）"
        return out


@dataclass(frozen=True)
class PostRow:
    id: int
    name: str
    kind: str
    place: str
    team_id: int | None
    team_name: str
    default_start: time | None
    default_end: time | None
    headcount: int
    required_skill: str
    school_days_only: bool
    needs_leader: bool
    active: bool
    notes: str
    deleted: bool = False
    patterns: tuple[PatternRow, ...] = field(default_factory=tuple)

    @property
    def default_times(self) -> str:
        if self.default_start is None or self.default_end is None:
            return ""
        return format_time_range(self.default_start, self.default_end)

    @property
    def pattern_summary(self) -> str:
        return "；".join(p.text for p in self.patterns)


def _headcount(value: int | str, errors: list[FieldError], field_name: str = "headcount") -> int:
    try:
        number = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        errors.append(FieldError(field_name, QT_TRANSLATE_NOOP("Messages", "人数应为整数")))
        return 1
    if not 1 <= number <= HEADCOUNT_MAX:
        errors.append(FieldError(field_name,
            Message(QT_TRANSLATE_NOOP("Messages", "人数应在 1–{headcount_max} 之间"), headcount_max=HEADCOUNT_MAX)))
    return number


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _optional_clock(value: str | time | None, field_name: str, label: str, errors: list[FieldError]) -> time | None:
    if value is None or _blank(value):
        return None
    try:
        return parse_clock(value, field_name, label)
    except FieldError as exc:
        errors.append(exc)
        return None


def validate_post(data: PostInput, post_id: int | None = None) -> dict[str, Any]:
    """The values to store, or `PostInvalid` listing every wrong field."""
    errors: list[FieldError] = []
    name = " ".join(text_value(data.name, "name", QT_TRANSLATE_NOOP("Messages", "岗位名称"), None, errors).split())
    if any(e.field == "name" for e in errors):
        pass
    elif not name:
        errors.append(FieldError("name", QT_TRANSLATE_NOOP("Messages", "请填写岗位名称")))
    elif len(name) > NAME_MAX:
        errors.append(FieldError("name",
            Message(QT_TRANSLATE_NOOP("Messages", "岗位名称不能超过{name_max}个字"), name_max=NAME_MAX)))
    else:
        twin = DutyPost.select(DutyPost.id).where(DutyPost.name == name, DutyPost.deleted_at.is_null())
        if post_id is not None:
            twin = twin.where(DutyPost.id != post_id)
        if twin.exists():
            errors.append(FieldError("name",
                Message(QT_TRANSLATE_NOOP("Messages", "已有名为“{name}”的岗位"), name=name)))
    kind = (data.kind or "").strip()
    if kind not in POST_KINDS:
        errors.append(FieldError("kind", Message(QT_TRANSLATE_NOOP("Messages", "岗位类别应为 {kinds}"),
                                                 kinds=" / ".join(POST_KINDS))))
    place = text_value(data.place, "place", QT_TRANSLATE_NOOP("Messages", "地点"), None, errors)
    if len(place) > PLACE_MAX:
        errors.append(FieldError("place",
            Message(QT_TRANSLATE_NOOP("Messages", "地点不能超过{place_max}个字"), place_max=PLACE_MAX)))
    if data.team_id is not None and not Team.select().where(
            Team.id == as_record_id(data.team_id), Team.deleted_at.is_null()).exists():
        errors.append(FieldError("team", QT_TRANSLATE_NOOP("Messages", "所选队伍不存在")))
    start = _optional_clock(data.default_start, "default_start",
        QT_TRANSLATE_NOOP("Messages", "开始时间"), errors)
    end = _optional_clock(data.default_end, "default_end", QT_TRANSLATE_NOOP("Messages", "结束时间"), errors)
    typed_start, typed_end = not _blank(data.default_start), not _blank(data.default_end)
    if typed_start != typed_end:
        errors.append(FieldError("default_end" if typed_start else "default_start",
            QT_TRANSLATE_NOOP("Messages", "开始和结束时间应同时填写")))
    elif start is not None and start == end:
        errors.append(FieldError("default_end", QT_TRANSLATE_NOOP("Messages", "结束时间不能与开始时间相同")))
    headcount = _headcount(data.headcount, errors)
    skill = text_value(data.required_skill, "required_skill", QT_TRANSLATE_NOOP("Messages", "所需技能"), None,
                       errors)
    if len(skill) > SKILL_MAX:
        errors.append(FieldError("required_skill",
            Message(QT_TRANSLATE_NOOP("Messages", "所需技能不能超过{skill_max}个字"), skill_max=SKILL_MAX)))
    notes = text_value(data.notes, "notes", QT_TRANSLATE_NOOP("Messages", "备注"), NOTES_MAX, errors,
                       multiline=True)
    if errors:
        raise PostInvalid(errors)
    return {
        "name": name, "kind": kind, "place": place, "team": data.team_id, "default_start": start,
        "default_end": end, "headcount": headcount, "required_skill": skill,
        "school_days_only": bool(data.school_days_only), "needs_leader": bool(data.needs_leader),
        "active": bool(data.active), "notes": notes,
    }


@requires(EDIT)
def save_post(data: PostInput, post_id: int | None = None) -> DutyPost:
    """Check and store one post; raise `PostInvalid` and store nothing if something is wrong."""
    with db.atomic():
        values = validate_post(data, post_id)
        if post_id is None:
            post = DutyPost.create(**values)
            audit.record("新增", "duty_post", post.uuid, f"新增岗位“{post.name}”")
        else:
            post = DutyPost.get_by_id(post_id)
            check_version(post, data.version)
            for key, value in values.items():
                setattr(post, key, value)
            save_checked(post, data.version)
            audit.record("修改", "duty_post", post.uuid, f"修改岗位“{post.name}”")
    return post


@requires(DELETE)
def delete_post(post_id: int, today: date | None = None) -> int:
    """Soft delete: the post stops producing shifts; its shifts from `today` on without any recorded
    attendance are removed (with their planned assignments). Returns how many shifts were removed."""
    today = today or date.today()
    with db.atomic():
        post = DutyPost.get_by_id(post_id)
        post.deleted_at = datetime.now()
        post.active = False
        post.save()
        attended = Assignment.select(Assignment.shift).where(Assignment.status != PLANNED)
        removed = Shift.delete().where(
            Shift.post == post_id, Shift.date >= today, Shift.id.not_in(attended)).execute()
        audit.record("删除", "duty_post", post.uuid, f"删除岗位“{post.name}”，取消未来班次 {removed} 个")
    return removed


@requires(DELETE)
def restore_post(post_id: int) -> None:
    with db.atomic():
        post = DutyPost.get_by_id(post_id)
        post.deleted_at = None
        post.active = True
        post.save()
        audit.record("恢复", "duty_post", post.uuid, f"恢复岗位“{post.name}”")


def _pattern_row(p: ShiftPattern) -> PatternRow:
    return PatternRow(p.id, p.post_id, stored_weekdays(p.weekdays), p.start, p.end, p.headcount, p.valid_from,
                      p.valid_to)


def count_active_posts() -> int:
    """How many posts are in use (the week grid shows one column each)."""
    return DutyPost.select().where(DutyPost.deleted_at.is_null(), DutyPost.active == True).count()  # noqa: E712


def list_posts(team_id: int | None = None, include_inactive: bool = False,
               include_deleted: bool = False) -> list[PostRow]:
    """Posts in pinyin order of team (posts of no team first), then name, with their patterns: two queries."""
    query = (
        DutyPost.select(DutyPost, Team.name.alias("team_name"))
        .join(Team, JOIN.LEFT_OUTER, on=(DutyPost.team == Team.id))
    )
    if team_id is not None:
        query = query.where(DutyPost.team == team_id)
    if not include_inactive:
        query = query.where(DutyPost.active == True)  # noqa: E712
    if not include_deleted:
        query = query.where(DutyPost.deleted_at.is_null())
    posts = sorted(query.objects(), key=lambda p: (pinyin_sort_key(p.team_name or ""), pinyin_sort_key(p.name), p.id))
    patterns: dict[int, list[PatternRow]] = {}
    if posts:
        ids = [p.id for p in posts]
        for pattern in ShiftPattern.select().where(ShiftPattern.post.in_(ids)).order_by(
                ShiftPattern.start, ShiftPattern.id):
            patterns.setdefault(pattern.post_id, []).append(_pattern_row(pattern))
    return [
        PostRow(
            id=p.id, name=p.name, kind=p.kind, place=p.place, team_id=p.team_id, team_name=p.team_name or "",
            default_start=p.default_start, default_end=p.default_end, headcount=p.headcount,
            required_skill=p.required_skill, school_days_only=p.school_days_only, needs_leader=p.needs_leader,
            active=p.active, notes=p.notes, deleted=p.deleted_at is not None,
            patterns=tuple(patterns.get(p.id, ())),
        )
        for p in posts
    ]


def get_post(post_id: int) -> PostRow:
    """One post with its patterns, deleted ones included; raises `DutyPost.DoesNotExist`."""
    post = DutyPost.get_by_id(post_id)
    team_name = Team.get_by_id(post.team_id).name if post.team_id else ""
    patterns = ShiftPattern.select().where(ShiftPattern.post == post_id).order_by(ShiftPattern.start, ShiftPattern.id)
    return PostRow(
        id=post.id, name=post.name, kind=post.kind, place=post.place, team_id=post.team_id, team_name=team_name,
        default_start=post.default_start, default_end=post.default_end, headcount=post.headcount,
        required_skill=post.required_skill, school_days_only=post.school_days_only, needs_leader=post.needs_leader,
        active=post.active, notes=post.notes, deleted=post.deleted_at is not None,
        patterns=tuple(_pattern_row(p) for p in patterns),
    )


def post_input(post_id: int) -> PostInput:
    """The stored post as the form shows it."""
    post = DutyPost.get_by_id(post_id)
    return PostInput(
        name=post.name, kind=post.kind, place=post.place, team_id=post.team_id,
        default_start=format_clock(post.default_start) if post.default_start else "",
        default_end=format_clock(post.default_end) if post.default_end else "",
        headcount=post.headcount, required_skill=post.required_skill, school_days_only=post.school_days_only,
        needs_leader=post.needs_leader, active=post.active, notes=post.notes, version=post.version,
    )


# --- patterns ------------------------------------------------------------------------------------


@dataclass
class PatternInput:
    """A recurring shift as typed: weekdays as [1, 2, 3, 4, 5] or '1-5'; times as '07:30'."""

    weekdays: str | list[int] | tuple[int, ...] = WORKWEEK
    start: str | time | None = None
    end: str | time | None = None
    headcount: int | str = 1
    valid_from: str | date | None = None
    valid_to: str | date | None = None


def _optional_date(value: str | date | None, field_name: str, label: str, errors: list[FieldError]) -> date | None:
    if value is None or _blank(value):
        return None
    try:
        return parse_loose_date(value)
    except FieldError as exc:
        errors.append(FieldError(field_name, Message(QT_TRANSLATE_NOOP("Messages", "{label}：{message}"),
                                                     label=label, message=exc.message)))
        return None


def validate_pattern(data: PatternInput) -> dict[str, Any]:
    errors: list[FieldError] = []
    weekdays: tuple[int, ...] = ()
    try:
        weekdays = parse_weekdays(data.weekdays)
    except FieldError as exc:
        errors.append(exc)
    start = end = None
    try:
        start = parse_clock(data.start or "", "start", QT_TRANSLATE_NOOP("Messages", "开始时间"))
    except FieldError as exc:
        errors.append(exc)
    try:
        end = parse_clock(data.end or "", "end", QT_TRANSLATE_NOOP("Messages", "结束时间"))
    except FieldError as exc:
        errors.append(exc)
    if start is not None and start == end:
        errors.append(FieldError("end", QT_TRANSLATE_NOOP("Messages", "结束时间不能与开始时间相同")))
    headcount = _headcount(data.headcount, errors)
    valid_from = _optional_date(data.valid_from, "valid_from", QT_TRANSLATE_NOOP("Messages", "生效日期"), errors)
    valid_to = _optional_date(data.valid_to, "valid_to", QT_TRANSLATE_NOOP("Messages", "截止日期"), errors)
    if valid_from and valid_to and valid_to < valid_from:
        errors.append(FieldError("valid_to", QT_TRANSLATE_NOOP("Messages", "截止日期不能早于生效日期")))
    if errors:
        raise PostInvalid(errors)
    return {"weekdays": weekdays_text(weekdays), "start": start, "end": end, "headcount": headcount,
            "valid_from": valid_from, "valid_to": valid_to}


@requires(EDIT)
def save_pattern(post_id: int, data: PatternInput, pattern_id: int | None = None) -> ShiftPattern:
    """Check and store one recurring shift of the post. Shifts already made from it are not changed."""
    with db.atomic():
        post = DutyPost.get_by_id(post_id)
        values = validate_pattern(data)
        if pattern_id is None:
            pattern = ShiftPattern.create(post=post_id, **values)
            audit.record("新增", "shift_pattern", pattern.uuid, f"岗位“{post.name}”新增班次规律")
        else:
            pattern = ShiftPattern.get_by_id(pattern_id)
            for key, value in values.items():
                setattr(pattern, key, value)
            pattern.save()
            audit.record("修改", "shift_pattern", pattern.uuid, f"岗位“{post.name}”修改班次规律")
    return pattern


@requires(DELETE)
def delete_pattern(pattern_id: int) -> None:
    """The pattern stops producing shifts; shifts already made from it stay."""
    with db.atomic():
        pattern = ShiftPattern.get_by_id(pattern_id)
        audit.record("删除", "shift_pattern", pattern.uuid, "删除班次规律")
        pattern.delete_instance()


def list_patterns(post_id: int) -> list[PatternRow]:
    query = ShiftPattern.select().where(ShiftPattern.post == post_id).order_by(ShiftPattern.start, ShiftPattern.id)
    return [_pattern_row(p) for p in query]
