"""The register of cases (案件登记): the filter, the search in register order and the rows it shows,
a page at a time in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from peewee import JOIN
from peewee import Case as SqlCase

from ...db.database import db
from ...db.dialect import among, contains
from ...db.models import Case, CaseMediator, Member, Party
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.names import normalize_name
from ...domain.pinyin_keys import search_term
from ...domain.text_folding import fold_fullwidth
from ...domain.vocabulary import (
    CASE_CATEGORIES,
    CASE_KINDS,
    CASE_STATUSES,
    OPEN_CASE_STATUSES,
    PEOPLES_MEDIATION,
)
from .parties import ALL_PARTY_ROLES, GUARDIAN
from .sensitive import shown_name
from .workflow import confirmation_until, deadline_is_estimate, is_minor

SORT_KEYS = ("received_at", "number", "kind", "category", "status", "deadline")
_IN_CHUNK = 500
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class CaseFilter:
    text: str = ""  # case number, or a party's name / full pinyin / initials
    status: str | None = None
    category: str | None = None
    kind: str | None = None
    date_from: date | None = None  # received on or after
    date_to: date | None = None  # received on or before
    overdue_only: bool = False
    member_id: int | None = None  # cases a volunteer mediated
    deleted: bool = False  # True: the register of deleted cases instead


@dataclass(frozen=True)
class CaseRow:
    id: int
    number: str
    received_at: datetime
    kind: str
    category: str
    source: str
    parties: str  # "申请人：张三；被申请人：李四"
    mediators: str
    status: str
    deadline: date | None
    overdue: bool
    guardian_missing: bool  # a minor without 监护人 (warning mark)
    deleted: bool = False
    deadline_estimated: bool = False  # counted over days the calendar only estimates (预估)
    deadline_note: str = ""  # no deadline yet: "待伤情鉴定" (治安调解 Art. 9)
    confirmation_until: date | None = None  # 司法确认 may be applied for until this day (人民调解法 Art. 33)
    body_missing: bool = False  # a 人民调解 case not yet given to a 调委会

    @property
    def received_on(self) -> date:
        return self.received_at.date()


def count_cases(deleted: bool = False) -> int:
    return Case.select().where(Case.deleted_at.is_null(not deleted)).count()


def search_case_ids(flt: CaseFilter | None = None, sort_key: str = "received_at", descending: bool = True,
                    today: date | None = None) -> list[int]:
    """The ids of the matching cases in register order (newest received first by default)."""
    if sort_key not in SORT_KEYS:
        raise ValueError(f"unknown sort key: {sort_key}")
    flt = flt or CaseFilter()
    conditions = _conditions(flt, today or date.today())
    if conditions is None:
        return []
    query = Case.select(Case.id).where(*conditions).order_by(*_ordering(sort_key, descending))
    sql, params = query.sql()
    return [row[0] for row in db.execute_sql(sql, params).fetchall()]


def _conditions(flt: CaseFilter, today: date) -> list | None:
    conditions = [Case.deleted_at.is_null(not flt.deleted)]
    if flt.status:
        conditions.append(Case.status == flt.status)
    if flt.category:
        conditions.append(Case.category == flt.category)
    if flt.kind:
        conditions.append(Case.kind == flt.kind)
    if flt.date_from:
        conditions.append(Case.received_at >= datetime.combine(flt.date_from, time()))
    if flt.date_to:
        conditions.append(Case.received_at < datetime.combine(flt.date_to, time()) + _ONE_DAY)
    if flt.overdue_only:
        conditions.extend([Case.status.in_(OPEN_CASE_STATUSES), Case.deadline < today])
    if flt.member_id is not None:
        conditions.append(Case.id.in_(CaseMediator.select(CaseMediator.case)
                                      .where(CaseMediator.member == flt.member_id)))
    if flt.text.strip():
        match = _text_match(flt.text)
        if match is None:
            return None
        conditions.append(match)
    return conditions


def _text_match(text: str):
    raw = text.strip()
    folded = fold_fullwidth(raw).strip()
    as_numbered = folded.translate(_NUMBER_BRACKETS)  # numbers are written with full-width brackets
    number = contains(Case.number, raw)
    if as_numbered != raw:
        number = number | contains(Case.number, as_numbered)
    party_terms = []
    name = normalize_name(raw)
    if name:
        party_terms.append(contains(Party.name, name))
    term = search_term(folded)
    if term and term.isascii() and term.isalpha():
        party_terms.append(contains(Party.pinyin_full, term) | contains(Party.pinyin_initials, term))
    if not party_terms:
        return number
    any_party = party_terms[0]
    for extra in party_terms[1:]:
        any_party = any_party | extra
    return number | Case.id.in_(Party.select(Party.case).where(any_party))


_NUMBER_BRACKETS = str.maketrans({"(": "（", ")": "）", "[": "（", "]": "）", "〔": "（", "〕": "）"})
_RANKS = {"status": (Case.status, CASE_STATUSES), "kind": (Case.kind, CASE_KINDS),
          "category": (Case.category, CASE_CATEGORIES)}


def _ordering(sort_key: str, descending: bool) -> list:
    def direction(column):
        return column.desc() if descending else column.asc()

    received = [direction(Case.received_at), direction(Case.id)]
    if sort_key == "received_at":
        return received
    if sort_key == "number":
        return [direction(Case.year), direction(Case.sequence), direction(Case.id)]
    if sort_key == "deadline":
        return [Case.deadline.is_null(), direction(Case.deadline), *received]
    column, order = _RANKS[sort_key]  # the form's order, not the code points of the words
    return [direction(SqlCase(column, [(v, i) for i, v in enumerate(order)], len(order))), *received]


def fetch_case_rows(ids: Sequence[int], today: date | None = None) -> list[CaseRow]:
    """The register's rows for these ids, in their order; three queries a chunk (cases, parties,
    mediators), whatever the page size."""
    today = today or date.today()
    found: dict[int, CaseRow] = {}
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), _IN_CHUNK):
        chunk = unique[start:start + _IN_CHUNK]
        parties = _party_summaries(chunk, today)
        mediators = _mediator_summaries(chunk)
        query = (Case.select(Case.id, Case.number, Case.received_at, Case.kind, Case.category, Case.source,
                             Case.status, Case.deadline, Case.second_session_deadline, Case.deleted_at,
                             Case.appraisal, Case.oral_agreement, Case.agreement_date, Case.confirmation_applied_on,
                             Case.body)
                 .where(among(Case.id, chunk)).tuples())
        for (case_id, number, received, kind, category, source, status, deadline, second, deleted_at, appraisal,
             oral, agreed, applied, body) in query:
            party_text, guardian_missing = parties.get(case_id, ("", False))
            facts = _Facts(kind, status, bool(oral), agreed, applied)
            found[case_id] = CaseRow(
                id=case_id, number=number or "", received_at=received, kind=kind, category=category,
                source=source, parties=party_text, mediators=mediators.get(case_id, ""), status=status,
                deadline=deadline, guardian_missing=guardian_missing, deleted=deleted_at is not None,
                overdue=deleted_at is None and status in OPEN_CASE_STATUSES and deadline is not None
                and deadline < today,
                deadline_estimated=status in OPEN_CASE_STATUSES and deadline_is_estimate(kind, deadline, second),
                deadline_note=Message(QT_TRANSLATE_NOOP("Messages", "待{appraisal}"), appraisal=appraisal) if appraisal and deadline is None and status in OPEN_CASE_STATUSES
                else "",
                confirmation_until=confirmation_until(facts), body_missing=kind == PEOPLES_MEDIATION and body is None,
            )
    return [found[i] for i in ids if i in found]


@dataclass(frozen=True)
class _Facts:
    """What `confirmation_until` reads of a case."""

    kind: str
    status: str
    oral_agreement: bool
    agreement_date: date | None
    confirmation_applied_on: date | None


def _party_summaries(case_ids: list[int], today: date) -> dict[int, tuple[str, bool]]:
    query = (Party.select(Party.case, Party.id, Party.role, Party.name, Party.birth_date, Party.age,
                          Party.guardian_of)
             .where(among(Party.case, case_ids)).order_by(Party.case, Party.position, Party.id).tuples())
    by_case: dict[int, list[tuple]] = {}
    for row in query:
        by_case.setdefault(row[0], []).append(row[1:])
    out: dict[int, tuple[str, bool]] = {}
    for case_id, rows in by_case.items():
        out[case_id] = (_parties_text([(role, shown_name(name, birth, age, today))
                                       for _i, role, name, birth, age, _g in rows]),
                        _guardian_missing(rows, today))
    return out


def _parties_text(parties: list[tuple[str, str]]) -> str:
    grouped: dict[str, list[str]] = {}
    for role, name in parties:
        grouped.setdefault(role, []).append(name)
    ordered = [role for role in ALL_PARTY_ROLES if role in grouped] + [r for r in grouped if r not in ALL_PARTY_ROLES]
    return "；".join(f"{role}：{'、'.join(grouped[role])}" for role in ordered)


def _guardian_missing(rows: list[tuple], today: date) -> bool:
    guarded = {ward for _i, role, _n, _b, _a, ward in rows if role == GUARDIAN and ward is not None}
    return any(role != GUARDIAN and party_id not in guarded and is_minor(birth, age, today)
               for party_id, role, _n, birth, age, _w in rows)


def _mediator_summaries(case_ids: list[int]) -> dict[int, str]:
    query = (CaseMediator.select(CaseMediator.case, CaseMediator.officer_name, Member.name)
             .join(Member, JOIN.LEFT_OUTER, on=(CaseMediator.member == Member.id))
             .where(among(CaseMediator.case, case_ids)).order_by(CaseMediator.case, CaseMediator.id).tuples())
    names: dict[int, list[str]] = {}
    for case_id, officer, member_name in query:
        name = member_name or officer
        if name and name not in names.setdefault(case_id, []):
            names[case_id].append(name)
    return {case_id: "、".join(items) for case_id, items in names.items()}
