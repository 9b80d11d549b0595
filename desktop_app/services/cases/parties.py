"""A case's parties (当事人, with guardians for minors) and its mediators (a volunteer from the roster or
an officer by name): their typed input, checks, changes and lists. Every change is one transaction with
an audit record.

The parties' roles follow the kind: 申请人 / 被申请人 in 人民调解, 违法行为人 / 被侵害人 in 治安调解 (both with
其他当事人 and 监护人). A 治安调解 is hosted by the police (治安调解工作规范 Art. 2: "在公安机关的主持下"), so a
volunteer is never its 主持人."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from peewee import JOIN, fn
from peewee import Case as SqlCase

from ...db.database import db
from ...db.models import Case, CaseMediator, Member, Party, Team
from ...domain.errors import FieldError, check_optional
from ...domain.ethnic_groups import ETHNIC_GROUPS, code_of
from ...domain.genders import parse_gender
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.id_numbers import check_consistency, parse_id_number
from ...domain.names import validate_name
from ...domain.phones import validate_phone
from ...domain.pinyin_keys import pinyin_keys
from ...domain.text_folding import fold_fullwidth
from ...domain.vocabulary import (
    APPLICANT,
    HOST,
    MEDIATOR,
    PEOPLES_PARTY_ROLES,
    PUBLIC_SECURITY_MEDIATION,
    SECURITY_PARTY_ROLES,
)
from ...domain.vocabulary import GUARDIAN as GUARDIAN
from ...domain.vocabulary import MEDIATOR_ROLES as MEDIATOR_ROLES
from .. import audit
from ..accounts.roles import DELETE, EDIT, requires
from ..clients.versions import check_version, save_checked
from .fields import CaseInvalid, choice_field, date_field, live_case, text_field
from .sensitive import HIDDEN_MINOR, as_seen, is_under_fourteen, may_see_sensitive
from .workflow import CaseRefused, age_on, is_minor

PARTY_ROLES = PEOPLES_PARTY_ROLES  # 人民调解's; the register orders the roles of both kinds
ALL_PARTY_ROLES = (*PEOPLES_PARTY_ROLES[:2], *SECURITY_PARTY_ROLES[:2], *PEOPLES_PARTY_ROLES[2:])  # register order
MAX_AGE = 150


def party_roles(kind: str) -> tuple[str, ...]:
    """The roles a party of a case of `kind` may have."""
    return SECURITY_PARTY_ROLES if kind == PUBLIC_SECURITY_MEDIATION else PEOPLES_PARTY_ROLES


@dataclass
class PartyInput:
    role: str = APPLICANT
    name: str = ""
    gender: str = ""
    ethnic: str = ""  # code or name
    age: str | int | None = None
    birth_date: str | date | None = None
    id_number: str = ""
    phone: str = ""
    address: str = ""
    occupation: str = ""
    guardian_of_id: int | None = None  # for a 监护人: the party they act for
    version: int | None = field(default=None, compare=False)  # the stored record's, as the form loaded it


@dataclass(frozen=True)
class PartyEntry:
    """One party in full (the case's own form); `is_minor` at today."""

    id: int
    role: str
    name: str
    gender: str
    ethnic_code: str
    ethnic: str
    age: int | None
    birth_date: date | None
    id_number: str
    phone: str
    address: str
    occupation: str
    guardian_of_id: int | None
    guardian_of_name: str
    position: int
    is_minor: bool
    sensitive: bool = False  # under 14 (services/cases/sensitive.py)
    version: int = 1

    def to_input(self) -> PartyInput:
        return PartyInput(role=self.role, name=self.name, gender=self.gender, ethnic=self.ethnic_code,
                          age=self.age, birth_date=self.birth_date, id_number=self.id_number,
                          phone=self.phone, address=self.address, occupation=self.occupation,
                          guardian_of_id=self.guardian_of_id, version=self.version)


@dataclass(frozen=True)
class MediatorEntry:
    id: int
    name: str
    role: str  # 主持人 / 调解员 / 记录人
    member_id: int | None  # a volunteer from the roster; None for an officer
    team: str = ""

    @property
    def is_volunteer(self) -> bool:
        return self.member_id is not None


# --- parties -------------------------------------------------------------------------------------


class PartyLookups:
    """What `validate_party` asks the database; a batch of new cases answers from what it holds."""

    def twin(self, case_id: int, number: str, party_id: int | None) -> str | None:
        """The name of another party of the case with this ID number, None if there is none."""
        twin = Party.get_or_none(Party.case == case_id, Party.id_number == number, Party.id != (party_id or 0))
        return None if twin is None else twin.name

    def case_of(self, case_id: int) -> tuple[str, date] | None:
        """(kind, day received) of the case, None if there is no such case."""
        case = Case.get_or_none(Case.id == case_id)
        return None if case is None else (case.kind, case.received_at.date())

    def ward(self, party_id: int) -> tuple[int, int, str] | None:
        """(id, case id, role) of the party a guardian would act for."""
        ward = Party.get_or_none(Party.id == party_id)
        return None if ward is None else (ward.id, ward.case_id, ward.role)

    def guardians_of(self, party_id: int) -> int:
        """How many parties are registered as this party's guardian."""
        return Party.select().where(Party.guardian_of == party_id).count()

    def guards_someone(self, party_id: int) -> bool:
        """Whether this party is registered as another party's guardian."""
        return Party.select().where(Party.id == party_id, Party.guardian_of.is_null(False)).exists()


_DATABASE_LOOKUPS = PartyLookups()


def validate_party(data: PartyInput, case_id: int, party_id: int | None = None,
                   today: date | None = None, lookups: PartyLookups | None = None) -> dict[str, Any]:
    today = today or date.today()
    lookups = lookups or _DATABASE_LOOKUPS
    errors: list[FieldError] = []
    owner = lookups.case_of(case_id)
    roles = party_roles(owner[0] if owner is not None else "")
    label = (Message(QT_TRANSLATE_NOOP("Messages", "{kind}当事人的身份"), kind=owner[0]) if owner is not None
             else QT_TRANSLATE_NOOP("Messages", "当事人身份"))
    values: dict[str, Any] = {"role": choice_field(data.role, "role", label, roles, errors)}
    try:
        values["name"] = validate_name(data.name)
    except FieldError as exc:
        errors.append(exc)

    gender = check_optional(parse_gender, data.gender, errors)
    values["gender"] = gender
    birth = date_field(data.birth_date, "birth_date", QT_TRANSLATE_NOOP("Messages", "出生日期"), errors)
    if birth and birth > today:
        errors.append(FieldError("birth_date", QT_TRANSLATE_NOOP("Messages", "出生日期不能晚于今天")))

    values["id_number"] = ""
    if (data.id_number or "").strip():
        try:
            info = parse_id_number(data.id_number, today=today)
        except FieldError as exc:
            errors.append(exc)
        else:
            errors.extend(check_consistency(info, birth, gender or None))
            values["id_number"], birth, values["gender"] = info.number, info.birth_date, info.gender
            twin = lookups.twin(case_id, info.number, party_id)
            if twin is not None:
                errors.append(FieldError("id_number",
                    Message(QT_TRANSLATE_NOOP("Messages", "该身份证号码已登记为本案当事人“{twin_name}”"),
                            twin_name=twin)))
    values["birth_date"] = birth

    age: int | None = None
    raw_age = data.age
    if raw_age is not None and str(raw_age).strip():
        try:
            age = int(fold_fullwidth(str(raw_age)).strip().removesuffix("岁"))
        except ValueError:
            errors.append(FieldError("age", QT_TRANSLATE_NOOP("Messages", "年龄应为整数")))
        else:
            if not 0 <= age <= MAX_AGE:
                errors.append(FieldError("age", QT_TRANSLATE_NOOP("Messages", "年龄不合理，请核对")))
    if birth is not None:
        on = owner[1] if owner is not None else today
        derived = age_on(birth, max(on, birth))
        if age is not None and abs(age - derived) > 1:
            errors.append(FieldError("age",
                Message(QT_TRANSLATE_NOOP("Messages", "年龄与出生日期不符（应为{derived}岁）"), derived=derived)))
        age = derived
    values["age"] = age

    values["ethnic_code"] = check_optional(code_of, data.ethnic, errors)
    values["phone"] = check_optional(validate_phone, data.phone, errors)
    values["address"] = text_field(data.address, "address", QT_TRANSLATE_NOOP("Messages", "住址"), 200, errors)
    values["occupation"] = text_field(data.occupation, "occupation",
        QT_TRANSLATE_NOOP("Messages", "职业"), 50, errors)

    values["guardian_of"] = None
    if values["role"] == GUARDIAN:
        ward = lookups.ward(data.guardian_of_id) if data.guardian_of_id else None
        if ward is None or ward[1] != case_id:
            errors.append(FieldError("guardian_of", QT_TRANSLATE_NOOP("Messages", "请选择由其监护的本案当事人")))
        elif ward[0] == party_id:
            errors.append(FieldError("guardian_of", QT_TRANSLATE_NOOP("Messages", "监护人不能监护自己")))
        elif ward[2] == GUARDIAN:
            errors.append(FieldError("guardian_of", QT_TRANSLATE_NOOP("Messages", "被监护人不能是另一名监护人")))
        else:
            values["guardian_of"] = ward[0]
        if is_minor(birth, age, today):
            errors.append(FieldError("age", QT_TRANSLATE_NOOP("Messages", "监护人应年满18周岁")))
        if party_id is not None and lookups.guardians_of(party_id):
            errors.append(FieldError("role", QT_TRANSLATE_NOOP("Messages", "此人本身登记有监护人，不能再作为监护人")))
    elif party_id is not None and lookups.guards_someone(party_id):
        errors.append(FieldError("role",
            QT_TRANSLATE_NOOP("Messages", "此人是本案其他当事人的监护人，不能改为其他身份；请先修改被监护关系")))

    if errors:
        raise CaseInvalid(errors)
    values["pinyin_full"], values["pinyin_initials"] = pinyin_keys(values["name"])
    return values


@requires(EDIT)
def add_party(case_id: int, data: PartyInput, today: date | None = None) -> Party:
    """Add one party; a minor without a 监护人 is allowed here (see `case_warnings`) but not at 调解成功."""
    with db.atomic():
        case = live_case(case_id)
        values = validate_party(data, case_id, None, today)
        position = (Party.select(fn.MAX(Party.position)).where(Party.case == case_id).scalar() or 0) + 1
        party = Party.create(case=case_id, position=position, **values)
        audit.record("新增", "party", party.uuid, f"案件 {case.number} 新增{values['role']}")
    return party


@requires(EDIT)
def update_party(party_id: int, data: PartyInput, today: date | None = None) -> Party:
    with db.atomic():
        party = Party.get_by_id(party_id)
        case = live_case(party.case_id)
        check_version(party, data.version)
        values = validate_party(data, party.case_id, party_id, today)
        for key, value in values.items():
            setattr(party, key, value)
        save_checked(party, data.version)
        audit.record("修改", "party", party.uuid, f"案件 {case.number} 修改当事人信息")
    return party


@requires(DELETE)
def delete_party(party_id: int) -> None:
    with db.atomic():
        party = Party.get_by_id(party_id)
        case = live_case(party.case_id)
        guardian = Party.get_or_none(Party.guardian_of == party_id)
        if guardian is not None:
            raise CaseRefused(
                Message(QT_TRANSLATE_NOOP("Messages", "请先删除或修改其监护人“{guardian_name}”"),
                        guardian_name=guardian.name))
        audit.record("删除", "party", party.uuid, f"案件 {case.number} 删除{party.role}")
        party.delete_instance()


@requires(EDIT)
def reorder_parties(case_id: int, party_ids: Sequence[int]) -> None:
    """The order of the parties on the documents."""
    with db.atomic():
        case = live_case(case_id)
        own = {p for (p,) in Party.select(Party.id).where(Party.case == case_id).tuples()}
        if set(party_ids) != own:
            raise CaseRefused(QT_TRANSLATE_NOOP("Messages", "当事人列表已变化，请刷新后重试"))
        for position, party_id in enumerate(party_ids, start=1):
            Party.update(position=position, updated_at=datetime.now()).where(Party.id == party_id).execute()
        audit.record("修改", "party", case.uuid, f"案件 {case.number} 调整当事人顺序")


def list_parties(case_id: int, today: date | None = None) -> list[PartyEntry]:
    """The case's parties as the acting account may see them: in full for the case's own form (READ_FULL),
    masked otherwise; a party under 14 hidden from roles without SENSITIVE (services/cases/sensitive.py)."""
    today = today or date.today()
    rows = list(Party.select().where(Party.case == case_id).order_by(Party.position, Party.id))
    entries = [PartyEntry(
        id=p.id, role=p.role, name=p.name, gender=p.gender, ethnic_code=p.ethnic_code,
        ethnic=ETHNIC_GROUPS.get(p.ethnic_code, p.ethnic_code), age=p.age, birth_date=p.birth_date,
        id_number=p.id_number, phone=p.phone, address=p.address, occupation=p.occupation,
        guardian_of_id=p.guardian_of_id, guardian_of_name="",
        position=p.position, is_minor=is_minor(p.birth_date, p.age, today),
        sensitive=is_under_fourteen(p.birth_date, p.age, today), version=p.version,
    ) for p in rows]
    names = {e.id: HIDDEN_MINOR if e.sensitive and not may_see_sensitive() else e.name for e in entries}
    return [as_seen(e, names) for e in entries]


# --- mediators -----------------------------------------------------------------------------------


VOLUNTEER_NEVER_HOSTS = QT_TRANSLATE_NOOP("Messages", "治安调解在公安机关的主持下进行（《公安机关治安调解工作规范》第二条），"
                                                     "主持人须为民警，义警队员不能担任；可作为调解员协助")


class MediatorLookups:
    """What `validate_mediator` asks the database."""

    def case_kind(self, case_id: int) -> str:
        """The kind of the case ("" if there is no such case)."""
        kind = Case.select(Case.kind).where(Case.id == case_id).scalar()
        return kind or ""

    def member(self, member_id: int) -> tuple[str, bool] | None:
        """(name, deleted) of the member, None if there is no such member."""
        member = Member.get_or_none(Member.id == member_id)
        return None if member is None else (member.name, member.deleted_at is not None)

    def taken(self, case_id: int, member_id: int | None, officer: str, role: str) -> bool:
        """Whether the volunteer (member_id) or officer already has this role in the case."""
        query = CaseMediator.select().where(CaseMediator.case == case_id, CaseMediator.role == role)
        if member_id is not None:
            return query.where(CaseMediator.member == member_id).exists()
        return query.where(CaseMediator.member.is_null(), CaseMediator.officer_name == officer).exists()


_MEDIATOR_LOOKUPS = MediatorLookups()


def check_host(kind: str, member_id: int | None, role: str, field: str = "mediator") -> None:
    """`CaseInvalid` when a volunteer would host a 治安调解."""
    if member_id is not None and role == HOST and kind == PUBLIC_SECURITY_MEDIATION:
        raise CaseInvalid([FieldError(field, VOLUNTEER_NEVER_HOSTS)])


def validate_mediator(case_id: int, member_id: int | None = None, officer_name: str = "", role: str = MEDIATOR,
                      lookups: MediatorLookups | None = None) -> dict[str, Any]:
    """The values of a mediator to store, or `CaseInvalid`. A volunteer never hosts a 治安调解."""
    lookups = lookups or _MEDIATOR_LOOKUPS
    errors: list[FieldError] = []
    role = choice_field(role, "mediator_role", QT_TRANSLATE_NOOP("Messages", "调解员角色"), MEDIATOR_ROLES, errors)
    check_host(lookups.case_kind(case_id), member_id, role)
    officer = ""
    if (member_id is None) == (not (officer_name or "").strip()):
        errors.append(FieldError("mediator", QT_TRANSLATE_NOOP("Messages", "请选择一名义警队员，或填写民警姓名（二者选一）")))
    elif member_id is not None:
        member = lookups.member(member_id)
        if member is None or member[1]:
            errors.append(FieldError("mediator", QT_TRANSLATE_NOOP("Messages", "所选队员不存在或已删除")))
        elif lookups.taken(case_id, member_id, "", role):
            errors.append(FieldError("mediator",
                Message(QT_TRANSLATE_NOOP("Messages", "“{member_name}”已是本案的{role}"),
                        member_name=member[0], role=role)))
    else:
        try:
            officer = validate_name(officer_name)
        except FieldError as exc:
            errors.append(FieldError("mediator", exc.message))
        else:
            if lookups.taken(case_id, None, officer, role):
                errors.append(FieldError("mediator",
                    Message(QT_TRANSLATE_NOOP("Messages", "“{officer}”已是本案的{role}"), officer=officer, role=role)))
    if errors:
        raise CaseInvalid(errors)
    return {"member": member_id, "officer_name": officer, "role": role}


@requires(EDIT)
def add_mediator(case_id: int, member_id: int | None = None, officer_name: str = "",
                 role: str = MEDIATOR) -> CaseMediator:
    """A volunteer from the roster (member_id) or an officer by name; the case then shows on the
    volunteer's page. A volunteer never hosts a 治安调解."""
    with db.atomic():
        case = live_case(case_id)
        values = validate_mediator(case_id, member_id, officer_name, role)
        mediator = CaseMediator.create(case=case_id, **values)
        who = "义警队员" if member_id is not None else "民警"
        audit.record("新增", "case_mediator", mediator.uuid, f"案件 {case.number} 新增{values['role']}（{who}）")
    return mediator


@requires(EDIT)
def update_mediator_role(mediator_id: int, role: str) -> None:
    errors: list[FieldError] = []
    role = choice_field(role, "mediator_role", QT_TRANSLATE_NOOP("Messages", "调解员角色"), MEDIATOR_ROLES, errors)
    if errors:
        raise CaseInvalid(errors)
    with db.atomic():
        mediator = CaseMediator.get_by_id(mediator_id)
        case = live_case(mediator.case_id)
        check_host(case.kind, mediator.member_id, role, "mediator_role")
        mediator.role = role
        mediator.save()
        audit.record("修改", "case_mediator", mediator.uuid, f"案件 {case.number} 调解员改为{role}")


@requires(DELETE)
def delete_mediator(mediator_id: int) -> None:
    with db.atomic():
        mediator = CaseMediator.get_by_id(mediator_id)
        case = live_case(mediator.case_id)
        audit.record("删除", "case_mediator", mediator.uuid, f"案件 {case.number} 删除{mediator.role}")
        mediator.delete_instance()


def list_mediators(case_id: int) -> list[MediatorEntry]:
    rank = SqlCase(CaseMediator.role, [(r, i) for i, r in enumerate(MEDIATOR_ROLES)], len(MEDIATOR_ROLES))
    query = (CaseMediator.select(CaseMediator.id, CaseMediator.member, CaseMediator.officer_name,
                                 CaseMediator.role, Member.name, Team.name)
             .join(Member, JOIN.LEFT_OUTER, on=(CaseMediator.member == Member.id))
             .join(Team, JOIN.LEFT_OUTER, on=(Member.team == Team.id))
             .where(CaseMediator.case == case_id).order_by(rank, CaseMediator.id).tuples())
    return [MediatorEntry(id=i, name=member_name or officer, role=role, member_id=member_id, team=team or "")
            for i, member_id, officer, role, member_name, team in query]
