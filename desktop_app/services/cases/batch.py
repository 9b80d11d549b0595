"""Registering many cases with their history at once (an office's existing register taken in, the demo
data): each case as the forms would build it, step by step, with the same checks.

A `CaseRecord` is a case as it stands (the case form's values), its parties and mediators registered at
受理, and what happened since: 调查记录, mediation sessions, status changes and follow-up visits.
`register_cases` replays each record in time order — sessions and investigations at their time, status
changes at theirs, a follow-up from the start of its day — checking every piece with the function the
single-item path uses: `validate_case` (kind, the kind's sources, 案由, Art. 4, the 主持人 on the officers'
list, the 调委会, consent to continue, 司法确认), `number_prefix` (the 调委会's series or the office's),
`validate_party` (the kind's roles, guardians), `validate_mediator` (no volunteer hosts a 治安调解),
`validate_investigation`, `validate_session` and `check_new_session` (at most two 治安调解 sessions, the
guardian of a party under 16 called), `validate_follow_up` and `check_follow_up_allowed`, `check_note`,
`check_transition` and `transition_problems` (治安调解: 案由, consent, an officer hosting, 违法行为人 and
被侵害人) — each against the state at that moment, the lookups answered from the case being replayed and
from the roster, the officers and the 调委会 read once. The cases are numbered in their series by
`next_sequences` (services/numbering.py), their deadlines set by `deadlines_for`, and everything is
written in one transaction with one audit entry. The first record refused raises `CaseInvalid` or
`CaseRefused` naming it, and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from typing import Any

from ...db.database import db
from ...db.models import (
    Case,
    CaseEvent,
    CaseMediator,
    FollowUp,
    Investigation,
    MediationSession,
    Member,
    Party,
)
from ...domain.case_numbers import format_case_number
from ...domain.errors import FieldError
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from ...domain.vocabulary import HOST, MEDIATOR
from .. import audit
from ..accounts.roles import EDIT, requires
from ..storage.bulk import insert_rows, next_id, update_rows
from .bodies import BodyInfo, default_body, list_bodies, list_officers
from .case_form import CaseFormLookups, CaseInput, number_prefix, validate_case
from .fields import CaseInvalid, parse_datetime
from .investigations import InvestigationInput, validate_investigation
from .parties import GUARDIAN, MediatorLookups, PartyInput, PartyLookups, validate_mediator, validate_party
from .sessions import (
    FollowUpInput,
    SessionInput,
    check_follow_up_allowed,
    check_new_session,
    validate_follow_up,
    validate_session,
)
from .workflow import (
    ACCEPTED,
    ADULT_AGE,
    CLOSED,
    SUCCEEDED,
    CaseLookups,
    CaseRefused,
    PartyRow,
    check_note,
    check_transition,
    deadlines_for,
    next_sequences,
    office_prefix,
    transition_problems,
    unguarded_minors,
)


@dataclass(frozen=True)
class MediatorInput:
    member_id: int | None = None  # a volunteer from the roster, or
    officer_name: str = ""  # an officer by name
    role: str = MEDIATOR


@dataclass(frozen=True)
class StepInput:
    """A status change after 受理, at the moment it was made."""

    to_status: str
    at: datetime
    note: str = ""


@dataclass
class CaseRecord:
    case: CaseInput
    parties: list[PartyInput]
    mediators: list[MediatorInput] = field(default_factory=list)
    sessions: list[SessionInput] = field(default_factory=list)
    steps: list[StepInput] = field(default_factory=list)
    follow_ups: list[FollowUpInput] = field(default_factory=list)
    guardians: dict[int, int] = field(default_factory=dict)  # index of a 监护人 in `parties` → index of the ward
    investigations: list[InvestigationInput] = field(default_factory=list)


@dataclass
class _Replayed:
    """The case being replayed, as far as the checks read it (a peewee `Case` costs more to make)."""

    id: int
    kind: str
    status: str
    received_at: datetime
    agreement_terms: str = ""
    oral_agreement: bool = False
    offence: str = ""
    parties_consent: bool = False
    host_officer: str = ""
    appraisal: str = ""
    appraisal_issued_on: date | None = None
    extended_deadline: date | None = None
    agreement_date: date | None = None
    closed_on: date | None = None

    @classmethod
    def accepted(cls, case_id: int, values: dict[str, Any]) -> _Replayed:
        return cls(case_id, values["kind"], ACCEPTED, values["received_at"], values["agreement_terms"],
                   values["oral_agreement"], values["offence"], values["parties_consent"], values["host_officer"],
                   values["appraisal"], values["appraisal_issued_on"], values["extended_deadline"],
                   values["agreement_date"])


_SESSION, _INVESTIGATION, _STEP, _FOLLOW_UP = range(4)  # the replay's order of pieces at the same moment
_SESSION_FIELDS = ("held_at", "place", "present", "record", "result", "rights_notified")
_INVESTIGATION_FIELDS = ("held_at", "place", "subject", "investigators", "recorder", "present", "record")
_FOLLOW_UP_FIELDS = ("date", "performed", "satisfaction", "escalation_signs", "visitor", "notes", "reason",
                     "measures")
_PARTY_FIELDS = ("case", "position", "role", "name", "gender", "ethnic_code", "age", "birth_date", "id_number",
                 "phone", "address", "occupation", "guardian_of", "pinyin_full", "pinyin_initials")


class _Lookups(CaseFormLookups, CaseLookups, PartyLookups, MediatorLookups):
    """The answers of the single-item lookups, from the case being replayed and from the roster, the
    officers and the 调委会 read once."""

    def __init__(self) -> None:
        self.members = {mid: (name, deleted is not None) for mid, name, deleted in
                        Member.select(Member.id, Member.name, Member.deleted_at).tuples()}
        self._officers = list_officers()
        self._bodies: dict[int, BodyInfo] = {b.id: b for b in list_bodies()}
        self._default = default_body()
        self._office_prefix: str | CaseRefused | None = None
        self._deadlines: dict[tuple[Any, ...], tuple[date | None, date | None]] = {}
        self.case = _Replayed(0, "", ACCEPTED, datetime.min)
        self.parties: list[tuple[PartyRow, str]] = []  # with the ID number
        self.mediators: set[tuple[int | None, str, str]] = set()
        self.follow_ups = 0

    def start(self, case: _Replayed) -> None:
        self.case, self.parties, self.mediators, self.follow_ups = case, [], set(), 0

    def deadlines(self, case: _Replayed, first_session: date | None) -> tuple[date | None, date | None]:
        """`deadlines_for`, each answer kept for the batch: its cases share their days, and counting
        working days is not cheap."""
        key = (case.kind, case.received_at.date(), first_session, case.appraisal, case.appraisal_issued_on,
               case.extended_deadline)
        found = self._deadlines.get(key)
        if found is None:
            found = self._deadlines[key] = deadlines_for(case, first_session)
        return found

    # CaseFormLookups
    def officers(self) -> list[str]:
        return self._officers

    def body(self, body_id: int) -> BodyInfo | None:
        return self._bodies.get(body_id)

    def default_body(self) -> BodyInfo | None:
        return self._default

    def office_prefix(self) -> str:
        if self._office_prefix is None:
            try:
                self._office_prefix = office_prefix()
            except CaseRefused as exc:
                self._office_prefix = exc
        if isinstance(self._office_prefix, CaseRefused):
            raise self._office_prefix
        return self._office_prefix

    # CaseLookups
    def has_parties(self, case_id: int) -> bool:
        return bool(self.parties)

    def unguarded_minors(self, case_id: int, today: date | None, below: int = ADULT_AGE) -> list[str]:
        return unguarded_minors((row for row, _number in self.parties), today or date.today(), below)

    def party_roles(self, case_id: int) -> set[str]:
        return {row[1] for row, _number in self.parties}

    def officer_hosts(self, case_id: int) -> bool:
        return any(member is None and role == HOST for member, _officer, role in self.mediators)

    def has_follow_ups(self, case_id: int) -> bool:
        return self.follow_ups > 0

    # PartyLookups
    def twin(self, case_id: int, number: str, party_id: int | None) -> str | None:
        return next((row[2] for row, other in self.parties if other == number and row[0] != party_id), None)

    def case_of(self, case_id: int) -> tuple[str, date] | None:
        return self.case.kind, self.case.received_at.date()

    def ward(self, party_id: int) -> tuple[int, int, str] | None:
        return next(((row[0], self.case.id, row[1]) for row, _n in self.parties if row[0] == party_id), None)

    def guardians_of(self, party_id: int) -> int:
        return sum(1 for row, _n in self.parties if row[5] == party_id)

    def guards_someone(self, party_id: int) -> bool:
        return any(row[0] == party_id and row[5] is not None for row, _n in self.parties)

    # MediatorLookups
    def case_kind(self, case_id: int) -> str:
        return self.case.kind

    def member(self, member_id: int) -> tuple[str, bool] | None:
        return self.members.get(member_id)

    def taken(self, case_id: int, member_id: int | None, officer: str, role: str) -> bool:
        return (member_id, officer, role) in self.mediators


def _refused(index: int, exc: CaseInvalid | CaseRefused) -> Exception:
    if isinstance(exc, CaseInvalid):
        return CaseInvalid(exc.errors, item=index)
    return CaseRefused(Message(QT_TRANSLATE_NOOP("Messages", "第{item}项：{message}"), item=index + 1,
                               message=exc.message))


@requires(EDIT)
def register_cases(records: Sequence[CaseRecord], today: date | None = None) -> list[int]:
    """Check and store the cases with their history, in one transaction; returns their ids in order."""
    today = today or date.today()
    with db.atomic():
        lookups = _Lookups()
        user = audit.current_user()
        first_case, first_party = next_id(Case), next_id(Party)
        cases: list[dict[str, Any]] = []
        series: dict[tuple[str, int], list[dict[str, Any]]] = {}
        parties: list[tuple[Any, ...]] = []
        guardians: list[tuple[int, int]] = []
        rows: dict[str, list[tuple[Any, ...]]] = {"mediators": [], "sessions": [], "investigations": [],
                                                  "follow_ups": []}
        events: list[tuple[Any, ...]] = []
        for index, record in enumerate(records):
            case_id = first_case + index
            try:
                values, prefix, party_rows, ward_links, more = _replay(record, case_id, first_party + len(parties),
                                                                       today, lookups)
            except (CaseInvalid, CaseRefused) as exc:
                raise _refused(index, exc) from None
            cases.append(values)
            series.setdefault((prefix, values["received_at"].year), []).append(values)
            parties += party_rows
            guardians += ward_links
            for name, found in rows.items():
                found += [(case_id, *row) for row in more[name]]
            events += [(case_id, at, old, new, user, note) for at, old, new, note in more["events"]]
        for (prefix, year), items in sorted(series.items()):
            for values, sequence in zip(items, next_sequences(year, prefix, len(items)), strict=True):
                values.update(year=year, sequence=sequence, number=format_case_number(year, prefix, sequence))
        columns = tuple(cases[0]) if cases else ()
        ids = insert_rows(Case, columns, (tuple(v[c] for c in columns) for v in cases), first_case)
        insert_rows(Party, _PARTY_FIELDS, parties, first_party)
        update_rows(Party, ("guardian_of",), guardians)
        insert_rows(CaseMediator, ("case", "member", "officer_name", "role"), rows["mediators"])
        insert_rows(Investigation, ("case", *_INVESTIGATION_FIELDS), rows["investigations"])
        insert_rows(MediationSession, ("case", *_SESSION_FIELDS), rows["sessions"])
        insert_rows(FollowUp, ("case", *_FOLLOW_UP_FIELDS), rows["follow_ups"])
        insert_rows(CaseEvent, ("case", "at", "from_status", "to_status", "username", "note"), events)
        if ids:
            audit.record("新增", "case", "", f"批量登记案件 {len(ids)} 件（含当事人 {len(parties)} 人、"
                                              f"调查记录 {len(rows['investigations'])} 次、"
                                              f"调解记录 {len(rows['sessions'])} 次、回访 {len(rows['follow_ups'])} 次）")
    return ids


def _replay(record: CaseRecord, case_id: int, first_party: int, today: date, lookups: _Lookups):
    values = validate_case(record.case, today, lookups=lookups)
    try:
        prefix = number_prefix(values, lookups)
    except CaseRefused as exc:
        raise CaseInvalid([FieldError("number", exc.message)]) from None
    received: datetime = values["received_at"]
    case = _Replayed.accepted(case_id, values)
    lookups.start(case)
    checked_parties: dict[int, dict[str, Any]] = {}
    wards = record.guardians
    # everyone else first, so that a guardian is checked against a ward already in, wherever it is listed
    order = sorted(range(len(record.parties)), key=lambda k: k in wards)
    for k in order:
        data, party_id = record.parties[k], first_party + k
        if k in wards:
            ward = wards[k]
            ward_id = first_party + ward if 0 <= ward < len(record.parties) and ward != k else None
            data = replace(data, role=GUARDIAN, guardian_of_id=ward_id)
        checked = validate_party(data, case_id, None, today, lookups)
        checked_parties[k] = checked
        lookups.parties.append(((party_id, checked["role"], checked["name"], checked["birth_date"], checked["age"],
                                 checked["guardian_of"]), checked["id_number"]))
    mediator_rows = []
    for mediator in record.mediators:
        checked = validate_mediator(case_id, mediator.member_id, mediator.officer_name, mediator.role, lookups)
        lookups.mediators.add((checked["member"], checked["officer_name"], checked["role"]))
        mediator_rows.append((checked["member"], checked["officer_name"], checked["role"]))

    events = [(received, "", ACCEPTED, "受理登记")]
    timeline: list[tuple[datetime, int, int, Any]] = []
    timeline += [(_moment(session.held_at, received), _SESSION, k, session)
                 for k, session in enumerate(record.sessions)]
    timeline += [(_moment(investigation.held_at, received), _INVESTIGATION, k, investigation)
                 for k, investigation in enumerate(record.investigations)]
    timeline += [(_moment(visit.date, received), _FOLLOW_UP, k, visit) for k, visit in enumerate(record.follow_ups)]
    timeline += [(step.at, _STEP, k, step) for k, step in enumerate(record.steps)]
    timeline.sort(key=lambda item: item[:3])
    rows: dict[str, list[tuple[Any, ...]]] = {"sessions": [], "investigations": [], "follow_ups": []}
    first_session: date | None = None
    for moment, kind, _k, item in timeline:
        # each piece's own check first, then its place in the history
        checked = (validate_session(item, case, today) if kind == _SESSION else
                   validate_investigation(item, case, today) if kind == _INVESTIGATION else
                   validate_follow_up(item, case, today) if kind == _FOLLOW_UP else {})
        if moment < received:
            raise CaseRefused(QT_TRANSLATE_NOOP("Messages", "办理记录的时间不能早于受理时间"))
        if moment.date() > today:
            raise CaseRefused(QT_TRANSLATE_NOOP("Messages", "办理记录的时间不能晚于今天"))
        if kind == _SESSION:
            check_new_session(case, len(rows["sessions"]), moment.date(), lookups)
            rows["sessions"].append(tuple(checked[c] for c in _SESSION_FIELDS))
            held = checked["held_at"].date()
            first_session = held if first_session is None else min(first_session, held)
        elif kind == _INVESTIGATION:
            rows["investigations"].append(tuple(checked[c] for c in _INVESTIGATION_FIELDS))
        elif kind == _STEP:
            note = check_note(item.note)
            check_transition(case.status, item.to_status)
            problems = transition_problems(case, item.to_status, note, item.at.date(), lookups)
            if problems:
                raise CaseRefused("；".join(problems))
            if item.to_status == SUCCEEDED and case.agreement_date is None:
                case.agreement_date = item.at.date()
            if item.to_status == CLOSED:
                case.closed_on = item.at.date()
            events.append((item.at, case.status, item.to_status, note))
            case.status = item.to_status
        else:
            check_follow_up_allowed(case.status)
            rows["follow_ups"].append(tuple(checked[c] for c in _FOLLOW_UP_FIELDS))
            lookups.follow_ups += 1
    deadline, second = lookups.deadlines(case, first_session)
    values.update(status=case.status, deadline=deadline, second_session_deadline=second,
                  agreement_date=case.agreement_date, closed_on=case.closed_on)
    party_rows, links = [], []
    for k in range(len(record.parties)):
        checked = checked_parties[k]
        party_rows.append((case_id, k + 1, *(checked[c] for c in _PARTY_FIELDS[2:12]), None, checked["pinyin_full"],
                           checked["pinyin_initials"]))
        if checked["guardian_of"] is not None:
            links.append((checked["guardian_of"], first_party + k))
    return values, prefix, party_rows, links, {"mediators": mediator_rows, **rows, "events": events}


def _moment(value: Any, received: datetime) -> datetime:
    """When a piece happened, for the replay's order (a visit: the start of its day)."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time())
    try:
        return parse_datetime(value)
    except (FieldError, TypeError):
        return received  # unreadable: the check of the item itself reports it
