"""Plain data the case documents are built from (DESIGN.md §4). The cases service fills these from the
database; the document builders know nothing of peewee. ID numbers, phones and addresses arrive
already masked or full, as the caller decided (`masked`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal


@dataclass(frozen=True)
class PartyData:
    role: str  # 申请人 / 被申请人 / 其他当事人 / 监护人
    name: str
    gender: str = ""
    ethnic: str = ""  # the group's name, e.g. 维吾尔族
    age: int | None = None
    birth_date: date | None = None
    id_number: str = ""
    phone: str = ""
    address: str = ""
    occupation: str = ""
    guardian_of: str = ""  # for a 监护人: the minor's name


@dataclass(frozen=True)
class SessionData:
    held_at: datetime
    place: str = ""
    present: str = ""
    record: str = ""
    result: str = ""


@dataclass(frozen=True)
class FollowUpData:
    date: date
    performed: str = ""  # 已履行 / 部分履行 / 未履行
    satisfaction: str = ""
    escalation_signs: str = ""
    visitor: str = ""
    notes: str = ""


@dataclass(frozen=True)
class CaseData:
    unit_name: str
    number: str
    kind: str  # 人民调解 / 治安调解
    category: str
    source: str
    received_at: datetime
    status: str
    parent_unit: str = ""
    place: str = ""
    summary: str = ""
    facts: str = ""  # 主要事实、争议事项
    responsibilities: str = ""
    deadline: date | None = None
    outcome: str = ""
    agreement_terms: str = ""  # numbered terms, one per line
    agreement_amount: Decimal | None = None
    performance_way: str = ""
    performance_place: str = ""
    performance_deadline: date | None = None
    copies: int = 3
    oral_agreement: bool = False
    agreement_date: date | None = None
    mediating_authority: str = ""  # 治安调解
    host_officer: str = ""
    incident_at: datetime | None = None
    incident_place: str = ""
    incident_cause: str = ""
    incident_course: str = ""
    incident_result: str = ""
    closed_on: date | None = None
    mediators: list[str] = field(default_factory=list)  # names, officers and volunteers
    recorder: str = ""
    parties: list[PartyData] = field(default_factory=list)
    sessions: list[SessionData] = field(default_factory=list)
    follow_ups: list[FollowUpData] = field(default_factory=list)
    masked: bool = True
    printed_on: date | None = None


@dataclass(frozen=True)
class RegisterRow:
    number: str
    received_on: date
    kind: str
    category: str
    parties: str  # "申请人 X；被申请人 Y"
    mediators: str
    status: str
    deadline: date | None
    outcome: str = ""
    overdue: bool = False


@dataclass(frozen=True)
class RegisterData:
    unit_name: str
    period_from: date
    period_to: date
    rows: list[RegisterRow]
    printed_on: date
