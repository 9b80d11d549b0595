"""One member's record: checking what was typed (form or import), saving, deleting, leave.

`validate_member` is the single place the rules of DESIGN.md §3 are applied to a member, so the
form, the Excel import, the command line and the batch entry point `save_members` refuse exactly the same
things with the same messages. What the checks ask the database (who holds an ID number, whether a team
exists) goes through `MemberLookups`; a batch answers the same questions from what it read once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from ...db.database import db
from ...db.models import Leave, Member, Team
from ...domain.dates import parse_loose_date
from ...domain.errors import FieldError, ValidationFailed, check_optional
from ...domain.ethnic_groups import code_of
from ...domain.genders import parse_gender
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.id_numbers import check_consistency, parse_id_number
from ...domain.names import validate_name
from ...domain.phones import validate_mobile, validate_phone
from ...domain.pinyin_keys import pinyin_keys
from ...domain.ranges import as_record_id
from ...domain.text_hygiene import text_value
from ...domain.vocabulary import ACTIVE, MEMBER_STATUSES
from .. import audit
from ..accounts.roles import DELETE, EDIT, READ_FULL, requires
from ..clients.versions import check_version, save_checked
from ..storage.bulk import insert_rows, next_id

MAX_NOTES = 5_000
SKILLS = (QT_TRANSLATE_NOOP("Vocabulary", "调解"), QT_TRANSLATE_NOOP("Vocabulary", "巡逻"),
          QT_TRANSLATE_NOOP("Vocabulary", "交通劝导"), QT_TRANSLATE_NOOP("Vocabulary", "救援"),
          QT_TRANSLATE_NOOP("Vocabulary", "驾驶"), QT_TRANSLATE_NOOP("Vocabulary", "双语翻译"),
          QT_TRANSLATE_NOOP("Vocabulary", "急救"), QT_TRANSLATE_NOOP("Vocabulary", "消防"),
          QT_TRANSLATE_NOOP("Vocabulary", "心理疏导"), QT_TRANSLATE_NOOP("Vocabulary", "普法宣传"))
POLITICAL_STATUSES = (QT_TRANSLATE_NOOP("Vocabulary", "中共党员"), QT_TRANSLATE_NOOP("Vocabulary", "中共预备党员"),
                      QT_TRANSLATE_NOOP("Vocabulary", "共青团员"), QT_TRANSLATE_NOOP("Vocabulary", "民主党派"),
                      QT_TRANSLATE_NOOP("Vocabulary", "群众"))
# how the member agreed to the processing of their data
CONSENT_WAYS = (QT_TRANSLATE_NOOP("Vocabulary", "书面"), QT_TRANSLATE_NOOP("Vocabulary", "口头"),
                QT_TRANSLATE_NOOP("Vocabulary", "电子"))
_SKILL_SEPARATORS = str.maketrans({c: "、" for c in ",，;；/ 　|"})


class MemberInvalid(ValidationFailed):
    """What was typed cannot be saved; `errors` holds one message per wrong field."""


@dataclass
class MemberInput:
    """A member as typed: strings (dates may already be `date`), nothing checked yet."""

    name: str = ""
    gender: str = ""
    ethnic: str = ""
    id_number: str = ""
    birth_date: str | date | None = None
    phone: str = ""
    address: str = ""
    occupation: str = ""
    political_status: str = ""
    team_id: int | None = None
    join_date: str | date | None = None
    leave_date: str | date | None = None
    status: str = ACTIVE
    skills: list[str] | str = field(default_factory=list)
    insurance_expires_on: str | date | None = None
    emergency_contact: str = ""
    emergency_phone: str = ""
    notes: str = ""
    photo: bytes | None = None
    consent_on: str | date | None = None  # agreed to the processing of their personal data on …
    consent_way: str = ""  # … in this way (CONSENT_WAYS)
    version: int | None = field(default=None, compare=False)  # the stored record's, as the form loaded it


def split_skills(value: list[str] | str) -> list[str]:
    items = value if isinstance(value, list) else str(value or "").translate(_SKILL_SEPARATORS).split("、")
    return list(dict.fromkeys(s.strip() for s in items if s and s.strip()))


def _optional_date(value: str | date | None, field_name: str, label: str, errors: list[FieldError]) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return parse_loose_date(value)
    except FieldError as exc:
        errors.append(FieldError(field_name, Message(QT_TRANSLATE_NOOP("Messages", "{label}：{message}"),
                                                     label=label, message=exc.message)))
        return None


class MemberLookups:
    """What `validate_member` asks the database."""

    def holder(self, number: str) -> tuple[int, str, bool] | None:
        """(member id, name, deleted) of the member holding this ID number, None if nobody does."""
        row = (Member.select(Member.id, Member.name, Member.deleted_at)
               .where(Member.id_number == number).first())
        return None if row is None else (row.id, row.name, row.deleted_at is not None)

    def team_exists(self, team_id: int) -> bool:
        return Team.select().where(Team.id == team_id).exists()


class LoadedMemberLookups(MemberLookups):
    """The same answers from memory: every member's ID number and every team read once, members checked
    in the same batch added as they pass (so a number used twice in one batch is refused the second time)."""

    def __init__(self) -> None:
        self.holders: dict[str, tuple[int, str, bool]] = {
            number: (member_id, name, deleted is not None)
            for number, member_id, name, deleted in Member.select(
                Member.id_number, Member.id, Member.name, Member.deleted_at)
            .where(Member.id_number.is_null(False)).tuples()
        }
        self.teams = {team_id for (team_id,) in Team.select(Team.id).tuples()}

    def holder(self, number: str) -> tuple[int, str, bool] | None:
        return self.holders.get(number)

    def team_exists(self, team_id: int) -> bool:
        return team_id in self.teams

    def add(self, member_id: int, values: dict[str, Any]) -> None:
        if values.get("id_number"):
            self.holders[values["id_number"]] = (member_id, values["name"], False)


_DATABASE_LOOKUPS = MemberLookups()


def holder_error(number: str, member_id: int | None, lookups: MemberLookups | None = None) -> FieldError | None:
    """The ID number is another member's: the error to show, None when it is free (or this member's)."""
    holder = (lookups or _DATABASE_LOOKUPS).holder(number)
    if holder is None or holder[0] == member_id:
        return None
    where = QT_TRANSLATE_NOOP("Messages", "（已删除，可从已删除队员中恢复）") if holder[2] else ""
    return FieldError("id_number", Message(QT_TRANSLATE_NOOP("Messages", "该身份证号码已登记为队员“{holder_name}”{where}"),
                                           holder_name=holder[1], where=where))


def validate_member(
    data: MemberInput, member_id: int | None = None, today: date | None = None,
    lookups: MemberLookups | None = None,
) -> dict[str, Any]:
    """Return the values to store, or raise `MemberInvalid` listing every wrong field."""
    today = today or date.today()
    lookups = lookups or _DATABASE_LOOKUPS
    errors: list[FieldError] = []
    values: dict[str, Any] = {}

    try:
        values["name"] = validate_name(data.name)
    except FieldError as exc:
        errors.append(exc)

    gender = check_optional(parse_gender, data.gender, errors)
    typed_birth = _optional_date(data.birth_date, "birth_date", QT_TRANSLATE_NOOP("Messages", "出生日期"), errors)
    values["gender"] = gender
    values["birth_date"] = typed_birth

    values["id_number"] = None
    if (data.id_number or "").strip():
        try:
            info = parse_id_number(data.id_number, today=today)
        except FieldError as exc:
            errors.append(exc)
        else:
            errors.extend(check_consistency(info, typed_birth, gender or None))
            values.update(id_number=info.number, birth_date=info.birth_date, gender=info.gender)
            taken = holder_error(info.number, member_id, lookups)
            if taken is not None:
                errors.append(taken)

    values["ethnic_code"] = check_optional(code_of, data.ethnic, errors)
    values["phone"] = check_optional(validate_mobile, data.phone, errors)
    values["emergency_phone"] = check_optional(validate_phone, data.emergency_phone, errors, "emergency_phone")

    values["join_date"] = _optional_date(data.join_date, "join_date",
        QT_TRANSLATE_NOOP("Messages", "入队日期"), errors)
    values["leave_date"] = _optional_date(data.leave_date, "leave_date",
        QT_TRANSLATE_NOOP("Messages", "离队日期"), errors)
    if values["join_date"] and values["join_date"] > today:
        errors.append(FieldError("join_date", QT_TRANSLATE_NOOP("Messages", "入队日期不能晚于今天")))
    if values["join_date"] and values["leave_date"] and values["leave_date"] < values["join_date"]:
        errors.append(FieldError("leave_date", QT_TRANSLATE_NOOP("Messages", "离队日期不能早于入队日期")))
    birth = values["birth_date"]
    if birth and values["join_date"] and values["join_date"] < birth:
        errors.append(FieldError("join_date", QT_TRANSLATE_NOOP("Messages", "入队日期早于出生日期，请核对")))
    values["insurance_expires_on"] = _optional_date(
        data.insurance_expires_on, "insurance_expires_on", QT_TRANSLATE_NOOP("Messages", "保险到期日"), errors)

    status = (data.status or ACTIVE).strip()
    if status not in MEMBER_STATUSES:
        errors.append(FieldError("status", QT_TRANSLATE_NOOP("Messages", "状态应为 在队 / 暂停 / 退出")))
    values["status"] = status

    if data.team_id is not None and not lookups.team_exists(as_record_id(data.team_id)):
        errors.append(FieldError("team", QT_TRANSLATE_NOOP("Messages", "所选队伍不存在")))
    values["team"] = data.team_id

    skills_label = QT_TRANSLATE_NOOP("Messages", "技能")
    skills = split_skills(data.skills if isinstance(data.skills, list) else
                          text_value(data.skills, "skills", skills_label, 500, errors))
    skills = [text_value(s, "skills", skills_label, None, errors) for s in skills]
    if any(len(s) > 10 for s in skills):
        errors.append(FieldError("skills", QT_TRANSLATE_NOOP("Messages", "每项技能不超过10个字，多项之间用顿号分隔")))
    values["skills"] = "、".join(skills)

    for key, label, limit in (("address", QT_TRANSLATE_NOOP("Messages", "住址"), 200),
                              ("occupation", QT_TRANSLATE_NOOP("Messages", "职业"), 50),
                              ("political_status", QT_TRANSLATE_NOOP("Messages", "政治面貌"), 20),
                              ("emergency_contact", QT_TRANSLATE_NOOP("Messages", "紧急联系人"), 50)):
        text = text_value(getattr(data, key), key, label, None, errors)
        if len(text) > limit:
            errors.append(FieldError(key,
                Message(QT_TRANSLATE_NOOP("Messages", "{label}不能超过{limit}个字"), label=label, limit=limit)))
        values[key] = text
    values["notes"] = text_value(data.notes, "notes", QT_TRANSLATE_NOOP("Messages", "备注"), MAX_NOTES, errors,
                                 multiline=True)
    values["photo"] = data.photo
    values["consent_on"] = _optional_date(data.consent_on, "consent_on", QT_TRANSLATE_NOOP("Messages", "同意日期"),
                                          errors)
    way = (data.consent_way or "").strip()
    if way and way not in CONSENT_WAYS:
        errors.append(FieldError("consent_way", QT_TRANSLATE_NOOP("Messages", "同意方式应为 书面 / 口头 / 电子")))
    if values["consent_on"] and values["consent_on"] > today:
        errors.append(FieldError("consent_on", QT_TRANSLATE_NOOP("Messages", "同意日期不能晚于今天")))
    if values["consent_on"] and not way:
        errors.append(FieldError("consent_way", QT_TRANSLATE_NOOP("Messages", "请选择同意的方式（书面、口头或电子）")))
    if way and not values["consent_on"] and not any(e.field == "consent_on" for e in errors):
        errors.append(FieldError("consent_on", QT_TRANSLATE_NOOP("Messages", "请填写同意的日期")))
    values["consent_way"] = way

    if errors:
        raise MemberInvalid(errors)
    values["pinyin_full"], values["pinyin_initials"] = pinyin_keys(values["name"])
    return values


@requires(EDIT)
def save_member(data: MemberInput, member_id: int | None = None, today: date | None = None) -> Member:
    """Check and store one member in one transaction; raise `MemberInvalid` and store nothing if wrong."""
    with db.atomic():
        values = validate_member(data, member_id, today)
        if member_id is None:
            member = Member.create(**values)
            audit.record("新增", "member", member.uuid, "新增队员")
        else:
            member = Member.get_by_id(member_id)
            check_version(member, data.version)
            for key, value in values.items():
                setattr(member, key, value)
            save_checked(member, data.version)
            audit.record("修改", "member", member.uuid, "修改队员信息")
    return member


MEMBER_FIELDS = ("team", "name", "gender", "ethnic_code", "id_number", "birth_date", "phone", "address",
                  "occupation", "political_status", "join_date", "leave_date", "status", "skills",
                  "insurance_expires_on", "emergency_contact", "emergency_phone", "photo", "pinyin_full",
                  "pinyin_initials", "notes", "consent_on", "consent_way")


@requires(EDIT)
def save_members(inputs: Sequence[MemberInput], today: date | None = None) -> list[int]:
    """Check and store many new members in one transaction, each checked by `validate_member` as
    `save_member` checks one; the first refused one raises `MemberInvalid` (its `item` says which) and
    nothing is stored. One audit entry for the batch. Returns the new ids, in order."""
    today = today or date.today()
    with db.atomic():
        lookups = LoadedMemberLookups()
        first_id = next_id(Member)
        rows = []
        for index, data in enumerate(inputs):
            try:
                values = validate_member(data, None, today, lookups)
            except MemberInvalid as exc:
                raise MemberInvalid(exc.errors, item=index) from None
            lookups.add(first_id + index, values)
            rows.append(tuple(values[key] for key in MEMBER_FIELDS))
        ids = insert_rows(Member, MEMBER_FIELDS, rows, first_id)
        if ids:
            audit.record("新增", "member", "", f"批量新增队员 {len(ids)} 名")
    return ids


@requires(READ_FULL)
def load_member_input(member_id: int) -> MemberInput:
    """The stored record as the form shows it."""
    return member_input(Member.get_by_id(member_id))


def member_input(member: Member) -> MemberInput:
    return MemberInput(
        name=member.name, gender=member.gender, ethnic=member.ethnic_code, id_number=member.id_number or "",
        birth_date=member.birth_date, phone=member.phone, address=member.address,
        occupation=member.occupation, political_status=member.political_status, team_id=member.team_id,
        join_date=member.join_date, leave_date=member.leave_date, status=member.status,
        skills=split_skills(member.skills), insurance_expires_on=member.insurance_expires_on,
        emergency_contact=member.emergency_contact, emergency_phone=member.emergency_phone,
        notes=member.notes, photo=member.photo, consent_on=member.consent_on, consent_way=member.consent_way,
        version=member.version,
    )


@requires(DELETE)
def delete_member(member_id: int) -> None:
    """Soft delete: the member leaves the roster but their history stays, and can be restored."""
    with db.atomic():
        member = Member.get_by_id(member_id)
        member.deleted_at = datetime.now()
        member.save()
        audit.record("删除", "member", member.uuid, "删除队员")


@requires(DELETE)
def restore_member(member_id: int) -> None:
    with db.atomic():
        member = Member.get_by_id(member_id)
        member.deleted_at = None
        member.save()
        audit.record("恢复", "member", member.uuid, "恢复已删除的队员")


# --- leave / unavailability -----------------------------------------------------------------------


@dataclass(frozen=True)
class LeaveEntry:
    id: int
    from_date: date
    to_date: date
    reason: str


@dataclass(frozen=True)
class LeaveInput:
    member_id: int
    from_date: str | date
    to_date: str | date
    reason: str = ""


Overlap = Callable[[int, date, date], tuple[date, date] | None]


def _overlapping_leave(member_id: int, start: date, end: date) -> tuple[date, date] | None:
    row = Leave.select().where(Leave.member == member_id, Leave.from_date <= end, Leave.to_date >= start).first()
    return None if row is None else (row.from_date, row.to_date)


def _member_exists(member_id: int) -> bool:
    return Member.select().where(Member.id == as_record_id(member_id)).exists()


def validate_leave(data: LeaveInput, overlapping: Overlap = _overlapping_leave,
                   exists: Callable[[int], bool] = _member_exists) -> dict[str, Any]:
    """The values of a leave to store, or `MemberInvalid`; `overlapping(member, start, end)` finds a leave
    of the member already registered in that time, `exists(member)` whether the member is there."""
    errors: list[FieldError] = []
    start = _optional_date(data.from_date, "leave_from", QT_TRANSLATE_NOOP("Messages", "开始日期"), errors)
    end = _optional_date(data.to_date, "leave_to", QT_TRANSLATE_NOOP("Messages", "结束日期"), errors)
    if start is None and not errors:
        errors.append(FieldError("leave_from", QT_TRANSLATE_NOOP("Messages", "请填写开始日期")))
    if end is None and not errors:
        errors.append(FieldError("leave_to", QT_TRANSLATE_NOOP("Messages", "请填写结束日期")))
    if start and end and end < start:
        errors.append(FieldError("leave_to", QT_TRANSLATE_NOOP("Messages", "结束日期不能早于开始日期")))
    reason = text_value(data.reason, "leave_reason", QT_TRANSLATE_NOOP("Messages", "事由"), None, errors)
    if len(reason) > 200:
        errors.append(FieldError("leave_reason", QT_TRANSLATE_NOOP("Messages", "事由不能超过200个字")))
    if not exists(data.member_id):
        errors.append(FieldError("member", QT_TRANSLATE_NOOP("Messages", "队员不存在")))
    if start and end and not errors:
        found = overlapping(data.member_id, start, end)
        if found:
            errors.append(FieldError("leave_from",
                Message(QT_TRANSLATE_NOOP("Messages", "与已登记的请假（{from_date}至{to_date}）重叠"),
                        from_date=found[0], to_date=found[1])))
    if errors:
        raise MemberInvalid(errors)
    return {"member": data.member_id, "from_date": start, "to_date": end, "reason": reason}


@requires(EDIT)
def add_leave(member_id: int, from_date: str | date, to_date: str | date, reason: str = "") -> Leave:
    values = validate_leave(LeaveInput(member_id, from_date, to_date, reason))
    with db.atomic():
        leave = Leave.create(**values)
        audit.record("新增", "leave", leave.uuid, "登记请假")
    return leave


@requires(EDIT)
def add_leaves(entries: Sequence[LeaveInput]) -> int:
    """Register many leaves in one transaction, each checked by `validate_leave` as `add_leave` checks one
    (a leave overlapping another of the same batch is refused too); the first refused one raises
    `MemberInvalid` with its `item` and nothing is stored. One audit entry for the batch."""
    with db.atomic():
        members = {e.member_id for e in entries}
        known = {mid for (mid,) in Member.select(Member.id).tuples()}
        taken: dict[int, list[tuple[date, date]]] = {}
        for mid, start, end in Leave.select(Leave.member, Leave.from_date, Leave.to_date).tuples():
            if mid in members:
                taken.setdefault(mid, []).append((start, end))

        def overlapping(member_id: int, start: date, end: date) -> tuple[date, date] | None:
            return next(((a, b) for a, b in taken.get(member_id, ()) if a <= end and b >= start), None)

        rows = []
        for index, data in enumerate(entries):
            if data.member_id not in known:
                raise MemberInvalid([FieldError("member", QT_TRANSLATE_NOOP("Messages", "队员不存在"))], item=index)
            try:
                values = validate_leave(data, overlapping, known.__contains__)
            except MemberInvalid as exc:
                raise MemberInvalid(exc.errors, item=index) from None
            taken.setdefault(data.member_id, []).append((values["from_date"], values["to_date"]))
            rows.append((values["member"], values["from_date"], values["to_date"], values["reason"]))
        insert_rows(Leave, ("member", "from_date", "to_date", "reason"), rows)
        if rows:
            audit.record("新增", "leave", "", f"批量登记请假 {len(rows)} 条")
    return len(rows)


def list_leaves(member_id: int) -> list[LeaveEntry]:
    rows = Leave.select().where(Leave.member == member_id).order_by(Leave.from_date.desc())
    return [LeaveEntry(r.id, r.from_date, r.to_date, r.reason) for r in rows]


@requires(DELETE)
def delete_leave(leave_id: int) -> None:
    with db.atomic():
        leave = Leave.get_by_id(leave_id)
        audit.record("删除", "leave", leave.uuid, "删除请假")
        leave.delete_instance()

