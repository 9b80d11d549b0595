"""What the case documents share: their titles by kind, the page (issued in the name of the case's
调委会 or 派出所), the names kept on one line, the parties in a table or a line, the clauses, copies in
Chinese numerals, and `DocumentPart` — one document's page and flowables, printed alone or inside the 卷宗.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from ..domain.dates import format_date
from .case_data import CaseData, PartyData
from .case_wording import clause
from .layout import (
    PageSpec,
    build_pdf,
    chinese_number,
    column_width,
    data_table,
)
from .line_breaks import keeping

GUARDIAN = "监护人"
APPLICANT, RESPONDENT = "申请人", "被申请人"
OFFENDER, VICTIM = "违法行为人", "被侵害人"
UNASSIGNED = "____________人民调解委员会"

# "key": (人民调解 title, 治安调解 title); "" where the kind has no such document
TITLES: dict[str, tuple[str, str]] = {
    "application": ("人民调解申请书", ""),
    "acceptance": ("人民调解受理登记表", "治安调解受理登记表"),
    "rights": ("人民调解当事人权利义务告知书", "治安调解当事人权利义务告知书"),
    "investigation": ("人民调解调查记录", "治安调解调查记录"),
    "session": ("人民调解记录", "治安调解记录"),
    "agreement": ("人民调解协议书", "治安调解协议书"),
    "oral": ("人民调解口头协议登记表", ""),
    "follow_up": ("人民调解回访记录", "治安调解回访记录"),
    "closing": ("人民调解结案报告表", "治安调解结案报告表"),
    "cover": ("调解卷宗", "治安调解卷宗"),
    "contents": ("卷内目录", "卷内目录"),
    "back": ("封底", "封底"),
}


def title_of(case: CaseData, key: str) -> str:
    peoples, security = TITLES[key]
    return security if case.is_security else peoples


@dataclass
class DocumentPart:
    """One document of a case: its page and its flowables (printed alone or inside the 卷宗)."""

    key: str
    title: str
    spec: PageSpec
    story: list[Flowable]


def issuer(case: CaseData) -> str:
    """The name the documents are issued in: the 调委会 (a blank line while unassigned) or the 派出所."""
    return case.issuer or (case.unit_name if case.is_security else UNASSIGNED)


def spec(case: CaseData, title: str, **kwargs) -> PageSpec:
    return PageSpec(title=title, unit_name=case.issuer, header_right=f"{title}  {case.number}".strip(),
                    subject=f"{title} {case.number}".strip(), **kwargs)


def case_names(case: CaseData) -> list[str]:
    """Every name a document of the case may print: kept on one line."""
    names = [p.name for p in case.parties] + list(case.mediators) + [case.recorder, case.host_officer,
                                                                     case.filed_by, case.unit_name, case.body_name]
    names += [f.visitor for f in case.follow_ups] + [i.subject for i in case.investigations]
    names += [person.split("，")[0] for person in case.others_present]
    return [n for n in names if n]


@contextmanager
def keeping_names(case: CaseData) -> Iterator[None]:
    with keeping(case_names(case)):
        yield


def render(case: CaseData, make: Callable[[CaseData], DocumentPart]) -> bytes:
    """One document as PDF bytes, its names kept on one line."""
    with keeping_names(case):
        part = make(case)
        return build_pdf(part.story, part.spec)


def text(case: CaseData, key: str, **values: object) -> str:
    """Clause `key` ("document.clause") in the office's wording, with the case's values filled in."""
    filled: dict[str, object] = {"body": issuer(case), "unit": case.unit_name, "number": case.number,
              "parties": parties_names(case), "category": case.category, "offence": case.offence or "____",
              "received_on": format_date(case.received_at.date()),
              "agreed_on": format_date(case.agreement_date) if case.agreement_date else "____年___月___日",
              "copies": copies_text(case)}
    filled.update(values)
    return clause(case.wording, key, **filled)


def principal_parties(case: CaseData) -> list[PartyData]:
    """The parties themselves (guardians left out)."""
    return [p for p in case.parties if p.role != GUARDIAN and p.name]


def parties_names(case: CaseData) -> str:
    """"艾力·买买提、王建国" — the parties, guardians left out; a blank to fill in when there are none."""
    names = [p.name for p in principal_parties(case)]
    return "、".join(names) if names else "________"


def parties_text(parties: list[PartyData], separator: str = "；") -> str:
    """"申请人 努尔买买提·西热甫；被申请人 阿依古丽·买买提"."""
    return separator.join(f"{p.role} {p.name}".strip() for p in parties if p.name)


def copies_for(security: bool, roles: list[str]) -> int:
    """一式N份: 治安调解 三 (规范 Art. 11); 人民调解 one for each party (guardians sign, the parties hold the
    copies) and one for the 调委会 (人民调解法 Art. 29: "调解协议书由当事人各执一份，人民调解委员会留存一份")."""
    if security:
        return 3
    return max(sum(1 for role in roles if role != GUARDIAN), 2) + 1


def copies(case: CaseData) -> int:
    return copies_for(case.is_security, [p.role for p in case.parties if p.name])


def copies_text(case: CaseData) -> str:
    return chinese_number(copies(case))


def age_at(party: PartyData, when: date) -> str:
    if party.age is not None:
        return str(party.age)
    if party.birth_date:
        b = party.birth_date
        return str(when.year - b.year - ((when.month, when.day) < (b.month, b.day)))
    return ""


def parties_table(case: CaseData, width: float) -> Flowable:
    """The parties with their identity, one row each (two blank rows when none is registered)."""
    when = case.received_at.date()
    header = ["身份", "姓名", "性别", "民族", "年龄", "身份证号码", "联系电话", "住址"]
    rows = [[p.role, p.name, p.gender, p.ethnic, age_at(p, when), p.id_number, p.phone, p.address]
            for p in case.parties] or [[""] * len(header) for _ in range(2)]
    widths = [
        column_width(["违法行为人" if case.is_security else "被申请人", *[r[0] for r in rows]]),
        min(max(column_width([r[1] for r in rows]), 20 * mm), 32 * mm), 9 * mm, 15 * mm, 9 * mm,
        column_width(["653123198503140311", *[r[5] for r in rows]]),
        column_width(["13812345678", *[r[6] for r in rows]]),
    ]
    widths.append(max(24 * mm, width - sum(widths)))
    if sum(widths) > width:  # long IDs or phones: the name column gives way
        widths[1] -= sum(widths) - width
    table_rows = [row if any(row) else [" "] * len(header) for row in rows]
    return data_table(header, table_rows, widths, centred=(0, 2, 3, 4))


def signature_labels(case: CaseData, suffix: str = "签名") -> list[str]:
    """"申请人（艾力·买买提）签名" for each party, guardians included; two blanks when none."""
    return [f"{p.role}（{p.name}）{suffix}" for p in case.parties if p.name] or [f"当事人{suffix}", f"当事人{suffix}"]


def mediator_word(case: CaseData) -> str:
    return "主持人" if case.is_security else "人民调解员"
