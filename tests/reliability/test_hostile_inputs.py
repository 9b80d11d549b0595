"""Hostile text, numbers and dates through every service entry point that stores what a user typed or an
import carried: each input ends in a saved record that reads back equal to what was meant to be stored,
or in a refusal at a field; never an exception, never another record changed.

`make test` runs a few examples per entry point; `make soak` (YIJING_SOAK_INPUTS) runs 100,000 in all.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from desktop_app.db.database import db
from desktop_app.db.models import Case, DutyPost, Leave, MediationSession, Member, OfficeSettings, Party, Team
from desktop_app.domain.errors import FieldError, ValidationFailed
from desktop_app.services.cases.case_form import CaseInput, register_case, validate_case
from desktop_app.services.cases.parties import PartyInput, add_party, validate_party
from desktop_app.services.cases.sessions import SessionInput, add_session, validate_session
from desktop_app.services.cases.workflow import CaseRefused, change_status
from desktop_app.services.certificates.errors import CertificateRefused
from desktop_app.services.office.details import OfficeInfo, save_office
from desktop_app.services.roster.members import MemberInput, add_leave, save_member, validate_member
from desktop_app.services.roster.teams import TeamInput, save_team, validate_team
from desktop_app.services.schedule.posts import PostInput, save_post, validate_post

REFUSALS = (ValidationFailed, FieldError, CaseRefused, CertificateRefused)
ENTRY_POINTS = 9
SOAK_INPUTS = int(os.environ.get("YIJING_SOAK_INPUTS", "0"))
EXAMPLES = -(-SOAK_INPUTS // ENTRY_POINTS) if SOAK_INPUTS else 25
COUNTS: dict[str, dict[str, int]] = {}
HOSTILE = settings(max_examples=EXAMPLES, deadline=None, database=None,
                   suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                          HealthCheck.data_too_large, HealthCheck.large_base_example])

REFUSED_FRAGMENTS = ["\x00", "\ud800", "\udfff", "\ud83d"]  # NUL and unpaired surrogates: refused at the field
FRAGMENTS = [
    "", " ", "\x0b", "\x0c", "\r\n", "\r", "\t", "\x1b[31m", "\x7f", "\x85", "\u2028", "\ufeff", "\u202e",
    "\u200f", "\u200b", "\ufffe", "\uffff", "😀", "👨‍👩‍👧", "𠮷", "\ue000", "'; DROP TABLE member; --",
    "\" OR 1=1 --", "<b>&amp;</b>", "{name}", "%s%n", "..\\..\\", "王建国", "努尔买买提·西热甫",
    "11010519491231002X", "13812345678", "2024-04-13", "٣٤٥", "ﾃｽﾄ", "\u0645\u0631\u062d\u0628\u0627",
]
_CLEANABLE_CHARS = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=("Cs",),
                                 blacklist_characters="\x00")
cleanable = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(_CLEANABLE_CHARS, max_size=8)), max_size=12).map("".join),
    st.builds(lambda ch, n: ch * n, st.sampled_from(["字", "a", "\x0b", "😀"]), st.integers(150, 12_000)),
)
hostile_text = st.one_of(
    cleanable, st.sampled_from(REFUSED_FRAGMENTS),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS + REFUSED_FRAGMENTS), st.text(max_size=8),
                       st.characters(min_codepoint=0, max_codepoint=0x10FFFF).map(str)), max_size=12).map("".join))
hostile_number = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70), st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["1" * 30, "1e400", "NaN", "-0", "３５００", "3,500.50元", "0x10", "", "一千"]), hostile_text)
hostile_date = st.one_of(
    st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)),
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
    st.sampled_from(["2024-04-13", "270-01-01", "1800-01-01", "2024-02-30", "99999", "45000", "2024年4月13日"]),
    hostile_text, st.integers(-10**6, 10**6), st.floats(allow_nan=True))
hostile_id = st.one_of(st.none(), st.integers(min_value=-(2**70), max_value=2**70), st.sampled_from([1, 2, 2**63]))


def mostly(usual, hostile, one_in: int = 6):
    """`usual` most of the time, `hostile` one time in `one_in`: each example breaks a field or two, so
    that whole records get saved too and are read back."""
    return st.integers(1, one_in).flatmap(lambda n: hostile if n == 1 else usual)


free_text = mostly(cleanable, hostile_text, 5)
names = mostly(st.sampled_from(["王建国", "努尔买买提·西热甫", "阿依古丽·买买提", "李娜", "𠮷野", "叶尔兰"]).flatmap(
    lambda name: st.sampled_from([name, f" {name} ", name.replace("·", "\u2022"), f"{name}\x0b"])), hostile_text)
optional_dates = mostly(st.one_of(st.none(), st.dates(date(2000, 1, 1), date(2023, 12, 31))), hostile_date)
past_times = mostly(st.datetimes(datetime(2023, 1, 1), datetime(2024, 4, 12)), hostile_date)


def choice(*values):
    return mostly(st.sampled_from(values), hostile_text)


@pytest.fixture(scope="module", autouse=True)
def figures():
    """How many inputs each entry point got and how they ended (build/reliability/ under `make soak`)."""
    yield COUNTS
    if SOAK_INPUTS:
        import json
        from pathlib import Path

        out = Path(__file__).resolve().parents[2] / "build" / "reliability"
        out.mkdir(parents=True, exist_ok=True)
        (out / "hostile_inputs.json").write_text(json.dumps(COUNTS, ensure_ascii=False, indent=2), encoding="utf-8")


def _count(outcome: str) -> None:
    import inspect

    caller = next(f.function for f in inspect.stack()[1:] if f.function.startswith("test_"))
    entry = COUNTS.setdefault(caller, {"inputs": 0, "saved": 0, "refused": 0})
    entry["inputs"] += 1
    entry[outcome] += 1
    event(outcome)


def _row(model, record_id: int) -> tuple:
    return model.select().where(model.id == record_id).tuples().first()


@pytest.fixture
def world(data_paths, office):
    """A few records that no example may change: a team, a member, a case, a post."""
    team = save_team(TeamInput(name="红旗义警队"))
    member = save_member(MemberInput(name="阿依古丽·买买提", team_id=team))
    case = register_case(CaseInput(category="邻里", received_at=datetime(2024, 4, 13, 9, 0), summary="邻里纠纷"))
    post = save_post(PostInput(name="中山路商圈巡逻"))
    add_party(case.id, PartyInput(role="申请人", name="努尔买买提·西热甫"))  # so that 调解中 can be reached
    sentinels = [(Team, team), (Member, member.id), (Case, case.id), (DutyPost, post.id)]
    return {"team": team, "member": member.id, "case": case.id,
            "rows": {(m.__name__, i): _row(m, i) for m, i in sentinels}, "sentinels": sentinels}


def _unchanged(world) -> None:
    for model, record_id in world["sentinels"]:
        assert _row(model, record_id) == world["rows"][(model.__name__, record_id)], model.__name__


def _stored(model, record_id: int, values: dict) -> None:
    """The stored row reads back equal to what validation said would be stored."""
    row = model.get_by_id(record_id)
    for key, expected in values.items():
        if key in ("photo",):
            continue
        actual = getattr(row, f"{key}_id" if isinstance(getattr(type(row), key, None), object)
                         and hasattr(row, f"{key}_id") else key)
        if isinstance(expected, Decimal):
            assert Decimal(str(actual)) == expected, key
        else:
            assert actual == expected, (key, actual, expected)


def _attempt(world, validate, save, model):
    """validate → the values meant; save → the record; both refuse alike or neither does."""
    before = model.select().count()
    try:
        values = validate()
    except REFUSALS:
        values = None
    try:
        record_id = save()
    except REFUSALS:
        _count("refused")
        assert model.select().count() == before
        _unchanged(world)
        return
    _count("saved")
    assert values is not None, "saved what validation refused"
    assert model.select().count() == before + 1
    _stored(model, record_id, values)
    _unchanged(world)


@HOSTILE
@given(name=names, gender=choice("男", "女", ""), ethnic=choice("汉", "维吾尔", "05", ""),
       id_number=choice("", "", "11010519491231002X"), phone=choice("13812345678", "", "138 1234 5678"),
       address=free_text, notes=free_text, skills=free_text, occupation=free_text,
       team_id=mostly(st.none(), hostile_id), join_date=optional_dates, birth_date=optional_dates,
       status=choice("在队", "暂停", "退出"))
def test_members(world, name, gender, ethnic, id_number, phone, address, notes, skills, occupation, team_id,
                 join_date, birth_date, status):
    data = MemberInput(name=name, gender=gender, ethnic=ethnic, id_number=id_number, phone=phone, address=address,
                       notes=notes, skills=skills, occupation=occupation, team_id=team_id, join_date=join_date,
                       birth_date=birth_date, status=status)
    _attempt(world, lambda: validate_member(data), lambda: save_member(data).id, Member)


@HOSTILE
@given(name=mostly(st.text(_CLEANABLE_CHARS, min_size=1, max_size=30), hostile_text), station=free_text,
       area=free_text, notes=free_text, founded=optional_dates, leader=mostly(st.none(), hostile_id))
def test_teams(world, name, station, area, notes, founded, leader):
    data = TeamInput(name=name, station=station, service_area=area, notes=notes, founded_on=founded,
                     leader_id=leader)
    _attempt(world, lambda: validate_team(data), lambda: save_team(data), Team)


@HOSTILE
@given(start=optional_dates, end=optional_dates, reason=free_text, member=mostly(st.none(), hostile_id))
def test_leave(world, start, end, reason, member):
    member_id = world["member"] if member is None else member
    before = Leave.select().count()
    try:
        leave = add_leave(member_id, start, end, reason)
    except REFUSALS:
        _count("refused")
        assert Leave.select().count() == before
    else:
        _count("saved")
        stored = Leave.get_by_id(leave.id)
        assert (stored.from_date, stored.to_date, stored.reason) == (leave.from_date, leave.to_date, leave.reason)
        assert "\x00" not in stored.reason and "\x0b" not in stored.reason
        stored.delete_instance()  # leave periods may not overlap: keep room for the next example
    _unchanged(world)


@HOSTILE
@given(received=past_times, summary=free_text, facts=free_text, place=free_text,
       amount=mostly(st.one_of(st.none(), st.decimals(0, 10**9, places=2)), hostile_number),
       copies=mostly(st.integers(1, 20), hostile_number), host=mostly(st.just(""), names),
       category=choice("邻里", "婚姻家庭"), agreed=mostly(st.none(), hostile_date))
def test_cases(world, received, summary, facts, place, amount, copies, host, category, agreed):
    data = CaseInput(category=category, received_at=received, summary=summary, facts=facts, place=place,
                     agreement_amount=amount, copies=copies, host_officer=host, agreement_date=agreed)
    _attempt(world, lambda: validate_case(data), lambda: register_case(data).id, Case)


@HOSTILE
@given(name=names, age=mostly(st.one_of(st.none(), st.integers(18, 90)), hostile_number), birth=optional_dates,
       address=free_text, phone=choice("13812345678", ""), id_number=choice("", ""),
       guardian=mostly(st.none(), hostile_id), role=choice("申请人", "被申请人"))
def test_parties(world, name, age, birth, address, phone, id_number, guardian, role):
    data = PartyInput(role=role, name=name, age=age, birth_date=birth, address=address, phone=phone,
                      id_number=id_number, guardian_of_id=guardian)
    _attempt(world, lambda: validate_party(data, world["case"]), lambda: add_party(world["case"], data).id, Party)


@HOSTILE
@given(held=mostly(st.datetimes(datetime(2024, 4, 13, 10), datetime(2024, 4, 30)), hostile_date), place=free_text,
       present=free_text, record=free_text, result=free_text)
def test_sessions(world, held, place, present, record, result):
    data = SessionInput(held_at=held, place=place, present=present, record=record, result=result)
    case = Case.get_by_id(world["case"])
    _attempt(world, lambda: validate_session(data, case), lambda: add_session(world["case"], data).id,
             MediationSession)


@HOSTILE
@given(name=mostly(st.text(_CLEANABLE_CHARS, min_size=1, max_size=30), hostile_text), place=free_text,
       notes=free_text, headcount=mostly(st.integers(1, 5), hostile_number), skill=mostly(st.just(""), hostile_text),
       team=mostly(st.none(), hostile_id), start=mostly(st.sampled_from(["", "07:30"]), hostile_text),
       kind=choice("巡逻", "护学岗"))
def test_posts(world, name, place, notes, headcount, skill, team, start, kind):
    data = PostInput(name=name, kind=kind, place=place, notes=notes, headcount=headcount, required_skill=skill,
                     team_id=team, default_start=start, default_end=start)
    _attempt(world, lambda: validate_post(data), lambda: save_post(data).id, DutyPost)


@HOSTILE
@given(unit=mostly(st.just("伽师县公安局夏普吐勒派出所"), hostile_text), parent=free_text, leader=free_text,
       prefix=choice("夏派调", "伽派调"), address=free_text, phone=free_text)
def test_office(world, unit, parent, leader, prefix, address, phone):
    info = OfficeInfo(unit_name=unit, parent_unit=parent, leader_name=leader, case_prefix=prefix, address=address,
                      contact_phone=phone)
    before = _row(OfficeSettings, OfficeSettings.select().first().id)
    try:
        save_office(info)
    except REFUSALS:
        _count("refused")
        assert _row(OfficeSettings, OfficeSettings.select().first().id) == before
    else:
        _count("saved")
        stored = OfficeSettings.select().first()
        for value in (stored.unit_name, stored.parent_unit, stored.address):
            assert "\x00" not in value and "\x0b" not in value and value == value.strip()
    _unchanged(world)


@HOSTILE
@given(note=free_text, status=choice("调解中", "终止", "受理"), case=mostly(st.none(), hostile_id))
def test_case_status_notes(world, note, status, case):
    case_id = world["case"] if case is None else case
    rows = {m.__name__: m.select().count() for m in (Case, Party)}
    try:
        with db.atomic() as transaction:
            change_status(case_id, status, note)
            transaction.rollback()  # the sentinel case must stay as it was for the next example
    except REFUSALS:
        _count("refused")
    else:
        _count("saved")
    assert {m.__name__: m.select().count() for m in (Case, Party)} == rows
    _unchanged(world)
