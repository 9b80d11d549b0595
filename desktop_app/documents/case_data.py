"""Plain data the case documents are built from (DESIGN.md §4). The cases service fills these from the
database; the document builders know nothing of peewee. ID numbers, phones and addresses arrive
already masked or full, as the caller decided (`masked`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal


@dataclass(frozen=True)
class PartyData:
    role: str  # 申请人 / 被申请人 (人民调解), 违法行为人 / 被侵害人 (治安调解), 其他当事人, 监护人
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
    present: str = ""  # 参加人: the others invited, not the parties, mediators or recorder
    record: str = ""
    result: str = ""
    rights_notified: bool = True  # 已告知当事人权利义务


@dataclass(frozen=True)
class InvestigationData:
    held_at: datetime
    place: str = ""
    subject: str = ""  # 被调查人
    investigators: str = ""  # 调查人
    recorder: str = ""
    present: str = ""  # 在场人
    record: str = ""


@dataclass(frozen=True)
class FollowUpData:
    date: date
    performed: str = ""  # 已履行 / 部分履行 / 未履行
    satisfaction: str = ""
    escalation_signs: str = ""
    visitor: str = ""
    notes: str = ""
    reason: str = ""  # 回访事由
    measures: str = ""  # 采取的措施


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
    # who issues the documents: the 调委会 of a 人民调解 case ("" while unassigned), the 派出所 (unit_name)
    # of a 治安调解 case; its seal image (transparent PNG) when the office keeps one
    body_name: str = ""
    seal_png: bytes | None = None
    outcome_status: str = ""  # 调解成功 / 调解不成功 / 终止, "" while open
    first_deadline: date | None = None  # the deadline as set at acceptance (the 受理登记表 prints it)
    requests: str = ""  # 当事人申请事项, one a line
    extension_agreed_on: date | None = None
    extended_deadline: date | None = None
    confirmation_applied_on: date | None = None
    confirmation_court: str = ""
    confirmation_result: str = ""
    offence: str = ""  # 治安调解: 案由
    circumstances: str = ""  # 情节
    parties_consent: bool = False
    appraisal: str = ""  # 伤情鉴定 / 价值认定 needed
    appraisal_issued_on: date | None = None
    others_present: list[str] = field(default_factory=list)  # "姓名，单位或身份", one each
    investigations: list[InvestigationData] = field(default_factory=list)
    filed_by: str = ""  # the 卷宗: 立卷人, 立卷日期, 保管期限
    filed_on: date | None = None
    retention: str = ""
    wording: dict[str, str] = field(default_factory=dict)  # the office's own clauses: "document.clause" → text

    @property
    def is_security(self) -> bool:
        return self.kind == "治安调解"

    @property
    def issuer(self) -> str:
        """The name every document of the case is issued and sealed in."""
        return self.unit_name if self.is_security else self.body_name


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
    note: str = ""  # 待伤情鉴定, 可申请司法确认至…


@dataclass(frozen=True)
class RegisterData:
    unit_name: str
    period_from: date
    period_to: date
    rows: list[RegisterRow]
    printed_on: date
