"""Registering many cases with their history at once (an office's existing register taken in, the demo
data): each case as the forms would build it, step by step, with the same checks.

A `CaseRecord` is a case as it stands (the case form's values), its parties and mediators registered at
受理, and what happened since: mediation sessions, status changes and follow-up visits. `register_cases`
replays each record in time order — sessions at their time, status changes at theirs, a follow-up from
the start of its day — checking every piece with the function the single-item path uses
(`validate_case`, `validate_party`, `validate_mediator`, `validate_session`, `validate_follow_up`,
`check_transition` and `transition_problems` against the state at that moment, the follow-up rule of
`add_follow_up`), numbers the cases by the rule of `next_sequence`, sets the deadlines by
`compute_deadlines`, and writes everything in one transaction with one audit entry. The first record
refused raises `CaseInvalid` or `CaseRefused` naming it, and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from typing import Any

from ...db.database import db
from ...db.models import Case, CaseEvent, CaseMediator, FollowUp, MediationSession, Member, Party
from ...domain.case_numbers import format_case_number
from ...domain.errors import FieldError
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from .. import audit
from ..bulk import insert_rows, next_id, update_rows
from ..session import EDIT, requires
from .case_form import CaseInput, validate_case
from .fields import CaseInvalid, parse_datetime
from .parties import GUARDIAN, MediatorLookups, PartyInput, PartyLookups, validate_mediator, validate_party
from .sessions import FollowUpInput, SessionInput, validate_follow_up, validate_session
from .workflow import (
    ACCEPTED,
    AFTER_MEDIATION_STATUSES,
    CLOSED,
    SUCCEEDED,
    CaseLookups,
    CaseRefused,
    PartyRow,
    case_prefix,
    check_note,
    check_transition,
    compute_deadlines,
    next_sequences,
    transition_problems,
    unguarded_children,
    unguarded_minors,
)


@dataclass(frozen=True)
class MediatorInput:
    member_id: int | None = None  # a volunteer from the roster, or
    officer_name: str = ""  # an officer by name
    role: str = "调解员"


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


@dataclass
class _State:
    """One case while it is replayed: what `transition_problems` and the party checks ask about."""

    id: int
    status: str
    agreement_terms: str
    oral_agreement: bool
    received: date
    parties: list[tuple[PartyRow, str]] = field(default_factory=list)  # with the ID number
    follow_ups: int = 0


class _Lookups(CaseLookups, PartyLookups, MediatorLookups):
    """The answers of the single-item lookups, from the case being replayed and the roster read once."""

    def __init__(self, members: dict[int, tuple[str, bool]]) -> None:
        self.members = members
        self.state = _State(0, ACCEPTED, "", False, date.min)
        self.mediators: set[tuple[int | None, str, str]] = set()
        self._deadlines: dict[tuple[str, date, date | None], tuple[date, date | None]] = {}

    def deadlines(self, kind: str, received: date, first_session: date | None) -> tuple[date, date | None]:
        """`compute_deadlines`, each answer kept for the batch: its cases share their days, and counting
        working days is not cheap."""
        key = (kind, received, first_session)
        found = self._deadlines.get(key)
        if found is None:
            found = self._deadlines[key] = compute_deadlines(kind, received, first_session)
        return found

    def start(self, state: _State) -> None:
        self.state, self.mediators = state, set()

    def has_parties(self, case_id: int) -> bool:
        return bool(self.state.parties)

    def unguarded_minors(self, case_id: int, today: date | None) -> list[str]:
        return unguarded_minors((row for row, _number in self.state.parties), today or date.today())

    def unguarded_children(self, case_id: int, today: date | None) -> list[str]:
        return unguarded_children((row for row, _number in self.state.parties), today or date.today())

    def has_follow_ups(self, case_id: int) -> bool:
        return self.state.follow_ups > 0

    def twin(self, case_id: int, number: str, party_id: int | None) -> str | None:
        return next((row[2] for row, other in self.state.parties if other == number and row[0] != party_id), None)

    def received_on(self, case_id: int) -> date | None:
        return self.state.received

    def ward(self, party_id: int) -> tuple[int, int, str] | None:
        return next(((row[0], self.state.id, row[1]) for row, _n in self.state.parties if row[0] == party_id), None)

    def guardians_of(self, party_id: int) -> int:
        return sum(1 for row, _n in self.state.parties if row[5] == party_id)

    def guards_someone(self, party_id: int) -> bool:
        return any(row[0] == party_id and row[5] is not None for row, _n in self.state.parties)

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
        try:
            prefix = case_prefix() if records else ""
        except CaseRefused as exc:
            raise CaseInvalid([FieldError("number", exc.message)]) from None
        lookups = _Lookups({mid: (name, deleted is not None) for mid, name, deleted in
                            Member.select(Member.id, Member.name, Member.deleted_at).tuples()})
        user = audit.current_user()
        first_case, first_party = next_id(Case), next_id(Party)
        cases: list[dict[str, Any]] = []
        parties: list[tuple[Any, ...]] = []
        guardians: list[tuple[int, int]] = []
        mediators: list[tuple[Any, ...]] = []
        sessions: list[tuple[Any, ...]] = []
        follow_ups: list[tuple[Any, ...]] = []
        events: list[tuple[Any, ...]] = []
        for index, record in enumerate(records):
            case_id = first_case + index
            try:
                values, party_rows, ward_links, more = _replay(record, case_id, first_party + len(parties),
                                                               today, lookups)
            except (CaseInvalid, CaseRefused) as exc:
                raise _refused(index, exc) from None
            cases.append(values)
            parties += party_rows
            guardians += ward_links
            mediators += [(case_id, *row) for row in more["mediators"]]
            sessions += [(case_id, *row) for row in more["sessions"]]
            follow_ups += [(case_id, *row) for row in more["follow_ups"]]
            events += [(case_id, at, old, new, user, note) for at, old, new, note in more["events"]]
        by_year: dict[int, list[dict[str, Any]]] = {}
        for values in cases:
            by_year.setdefault(values["received_at"].year, []).append(values)
        for year, items in sorted(by_year.items()):
            for values, sequence in zip(items, next_sequences(year, len(items)), strict=True):
                values.update(year=year, sequence=sequence, number=format_case_number(year, prefix, sequence))
        columns = tuple(cases[0]) if cases else ()
        ids = insert_rows(Case, columns, (tuple(v[c] for c in columns) for v in cases), first_case)
        insert_rows(Party, _PARTY_FIELDS, parties, first_party)
        update_rows(Party, ("guardian_of",), guardians)
        insert_rows(CaseMediator, ("case", "member", "officer_name", "role"), mediators)
        insert_rows(MediationSession, ("case", "held_at", "place", "present", "record", "result"), sessions)
        insert_rows(FollowUp, ("case", "date", "performed", "satisfaction", "escalation_signs", "visitor", "notes"),
                    follow_ups)
        insert_rows(CaseEvent, ("case", "at", "from_status", "to_status", "username", "note"), events)
        if ids:
            audit.record("新增", "case", "", f"批量登记案件 {len(ids)} 件（含当事人 {len(parties)} 人、"
                                              f"调解记录 {len(sessions)} 次、回访 {len(follow_ups)} 次）")
    return ids


_PARTY_FIELDS = ("case", "position", "role", "name", "gender", "ethnic_code", "age", "birth_date", "id_number",
                 "phone", "address", "occupation", "guardian_of", "pinyin_full", "pinyin_initials")


def _replay(record: CaseRecord, case_id: int, first_party: int, today: date, lookups: _Lookups):
    values = validate_case(record.case, today)
    received: datetime = values["received_at"]
    state = _State(case_id, ACCEPTED, values["agreement_terms"], values["oral_agreement"], received.date())
    lookups.start(state)
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
        state.parties.append(((party_id, checked["role"], checked["name"], checked["birth_date"], checked["age"],
                               checked["guardian_of"]), checked["id_number"]))
    mediator_rows = []
    for data in record.mediators:
        checked = validate_mediator(case_id, data.member_id, data.officer_name, data.role, lookups)
        lookups.mediators.add((checked["member"], checked["officer_name"], checked["role"]))
        mediator_rows.append((checked["member"], checked["officer_name"], checked["role"]))

    events = [(received, "", ACCEPTED, "受理登记")]
    timeline: list[tuple[datetime, int, int, object]] = []
    for k, session in enumerate(record.sessions):
        timeline.append((_moment(session.held_at, received), 0, k, session))
    for k, step in enumerate(record.steps):
        timeline.append((step.at, 1, k, step))
    for k, visit in enumerate(record.follow_ups):
        timeline.append((_moment(visit.date, received), 2, k, visit))
    timeline.sort(key=lambda item: item[:3])
    probe = Case(id=case_id, kind=values["kind"], received_at=received)
    session_rows, follow_up_rows = [], []
    first_session: date | None = None
    agreement_date, closed_on = values["agreement_date"], None
    for moment, kind, _k, item in timeline:
        # each piece's own check first, then its place in the history
        checked = validate_session(item, probe, today) if kind == 0 else \
            validate_follow_up(item, probe, today) if kind == 2 else None
        if moment < received:
            raise CaseRefused(QT_TRANSLATE_NOOP("Messages", "办理记录的时间不能早于受理时间"))
        if moment.date() > today:
            raise CaseRefused(QT_TRANSLATE_NOOP("Messages", "办理记录的时间不能晚于今天"))
        if kind == 0:
            session_rows.append(tuple(checked[c] for c in ("held_at", "place", "present", "record", "result")))
            held = checked["held_at"].date()
            first_session = held if first_session is None else min(first_session, held)
        elif kind == 1:
            note = check_note(item.note)
            check_transition(state.status, item.to_status)
            problems = transition_problems(state, item.to_status, note, item.at.date(), lookups)
            if problems:
                raise CaseRefused("；".join(problems))
            if item.to_status == SUCCEEDED and agreement_date is None:
                agreement_date = item.at.date()
            if item.to_status == CLOSED:
                closed_on = item.at.date()
            events.append((item.at, state.status, item.to_status, note))
            state.status = item.to_status
        else:
            if state.status not in AFTER_MEDIATION_STATUSES:
                raise CaseRefused(Message(QT_TRANSLATE_NOOP("Messages", "案件尚在“{status}”阶段，调解结束后才能登记回访"),
                                          status=state.status))
            follow_up_rows.append(tuple(checked[c] for c in ("date", "performed", "satisfaction", "escalation_signs",
                                                            "visitor", "notes")))
            state.follow_ups += 1
    deadline, second = lookups.deadlines(values["kind"], received.date(), first_session)
    values.update(status=state.status, deadline=deadline, second_session_deadline=second,
                  agreement_date=agreement_date, closed_on=closed_on)
    rows, links = [], []
    for k in range(len(record.parties)):
        checked = checked_parties[k]
        rows.append((case_id, k + 1, *(checked[c] for c in _PARTY_FIELDS[2:12]), None, checked["pinyin_full"],
                     checked["pinyin_initials"]))
        if checked["guardian_of"] is not None:
            links.append((checked["guardian_of"], first_party + k))
    return values, rows, links, {"mediators": mediator_rows, "sessions": session_rows,
                                 "follow_ups": follow_up_rows, "events": events}


def _moment(value: Any, received: datetime) -> datetime:
    """When a session or a visit happened, for the replay's order (a visit: the start of its day)."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime.combine(value, time())
    try:
        return parse_datetime(value)
    except (FieldError, TypeError):
        return received  # unreadable: the check of the item itself reports it
