"""The demo-data generator: every table filled, valid made-up identities, a consistent duty roster,
proper case numbers, the same content for the same seed, and nothing left behind on cancel."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from stdnum.cn import ric

from desktop_app.config import DataPaths
from desktop_app.db.database import close_database, db
from desktop_app.db.models import (
    Activity,
    ActivityParticipant,
    Assignment,
    Case,
    CaseMediator,
    Counter,
    DutyPost,
    FollowUp,
    Leave,
    MediationSession,
    Member,
    OfficeSettings,
    Party,
    Qualification,
    Shift,
    ShiftPattern,
    Team,
    Training,
    TrainingAttendee,
)
from desktop_app.demo.generator import SCALES, GenerationCancelled, generate
from desktop_app.domain.case_numbers import format_case_number, parse_case_number
from desktop_app.domain.pinyin_keys import pinyin_keys
from desktop_app.domain.vocabulary import CASE_STATUSES as STATUSES
from desktop_app.services.calendar.working_days import is_workday
from desktop_app.services.storage.data_folder import open_store

TODAY = date(2024, 5, 15)
MAIN_TABLES = (Team, Member, DutyPost, ShiftPattern, Shift, Assignment, Leave, Activity, ActivityParticipant,
               Training, TrainingAttendee, Qualification, Case, Party, CaseMediator, MediationSession, FollowUp)


def _generate_into(folder: Path, seed: int = 2024):
    open_store(DataPaths(folder))
    try:
        return generate(SCALES["demo"], seed=seed, today=TODAY)
    finally:
        close_database()


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory) -> tuple[Path, object]:
    folder = tmp_path_factory.mktemp("demo")
    summary = _generate_into(folder)
    return folder, summary


@pytest.fixture
def demo(demo_folder) -> Iterator[object]:
    folder, summary = demo_folder
    open_store(DataPaths(folder))
    yield summary
    close_database()


def test_every_main_table_has_rows(demo):
    for model in MAIN_TABLES:
        count = model.select().count()
        assert count > 0, model.__name__
        assert demo.counts[model._meta.table_name] == count
    assert Member.select().count() == SCALES["demo"].members
    office = OfficeSettings.get()
    assert office.unit_name == "伽师县公安局夏普吐勒派出所" and office.case_prefix == "夏派调"
    assert [t.name for t in Team.select().order_by(Team.id)][:2] == ["石榴大妈义警队", "花城义警队"]
    assert all(Member.get_by_id(t.leader_id).team_id == t.id for t in Team.select())


def test_members_have_valid_made_up_identities(demo):
    members = list(Member.select())
    for m in members:
        number = m.id_number
        assert len(number) == 18 and number[:17].isdigit()
        assert number[17] == ric.calc_check_digit(number), m.name
        assert m.gender == ("男" if int(number[16]) % 2 else "女")
        assert m.birth_date == ric.get_birth_date(number)
        assert date(1960, 1, 1) <= m.birth_date <= date(2004, 12, 31)
        assert len(m.phone) == 11 and m.phone[0] == "1" and m.phone[1] in "3456789"
        assert (m.pinyin_full, m.pinyin_initials) == pinyin_keys(m.name)
        assert m.status in ("在队", "暂停", "退出")
        assert (m.leave_date is not None) == (m.status == "退出")
    dotted = [m for m in members if "·" in m.name]
    assert len(dotted) > len(members) // 3
    assert all(m.ethnic_code in ("05", "17", "29") for m in dotted)
    assert {m.ethnic_code for m in members} >= {"01", "03", "05", "17", "29"}
    assert len({m.id_number for m in members}) == len(members)
    expiries = [m.insurance_expires_on for m in members if m.insurance_expires_on]
    assert any(d < TODAY for d in expiries) and any(TODAY <= d < TODAY + timedelta(days=30) for d in expiries)


def test_no_member_is_on_two_overlapping_shifts(demo):
    rows = (Assignment.select(Assignment.member, Shift.date, Shift.start, Shift.end)
            .join(Shift).tuples())
    spans: dict[int, list[tuple[datetime, datetime]]] = defaultdict(list)
    for member_id, day, start, end in rows:
        begin = datetime.combine(day, start)
        finish = datetime.combine(day, end)
        if finish <= begin:
            finish += timedelta(days=1)
        spans[member_id].append((begin, finish))
    for member_id, intervals in spans.items():
        intervals.sort()
        for (_, end), (next_start, _) in zip(intervals, intervals[1:], strict=False):
            assert end <= next_start, f"member {member_id} has overlapping shifts"


def test_duty_roster_follows_the_posts(demo):
    for shift in Shift.select(Shift, DutyPost).join(DutyPost):
        staffed = shift.assignments.count()
        assert staffed <= shift.headcount
        if shift.post.school_days_only:
            assert is_workday(shift.date)
        if shift.post.required_skill:
            for a in shift.assignments:
                assert shift.post.required_skill in a.member.skills
    past = Assignment.select().join(Shift).where(Shift.date < TODAY)
    statuses = {a.status for a in past}
    assert statuses >= {"已到", "缺勤", "迟到", "请假"}
    assert not past.where(Assignment.status == "已排").exists()
    future = Assignment.select().join(Shift).where(Shift.date > TODAY)
    assert future.exists() and {a.status for a in future} == {"已排"}
    assert all(a.hours > 0 and a.actual_start is not None for a in past.where(Assignment.status == "已到"))


PREFIXES = {"人民调解": "夏人调", "治安调解": "夏派调"}  # the 调委会's series and the office's own


def test_case_numbers_are_unique_well_formed_and_counted(demo):
    cases = list(Case.select())
    numbers = [c.number for c in cases]
    assert len(set(numbers)) == len(numbers)
    highest: dict[tuple[str, int], int] = {}
    for c in cases:
        prefix = PREFIXES[c.kind]
        assert c.number == format_case_number(c.year, prefix, c.sequence)
        assert parse_case_number(c.number) == (c.year, prefix, c.sequence)
        assert c.received_at.year == c.year
        assert c.status in STATUSES
        highest[(prefix, c.year)] = max(highest.get((prefix, c.year), 0), c.sequence)
        roles = {p.role for p in c.parties}
        assert ({"违法行为人", "被侵害人"} if c.kind == "治安调解" else {"申请人", "被申请人"}) <= roles
    for (prefix, year), top in highest.items():
        assert sorted(c.sequence for c in cases if c.year == year and PREFIXES[c.kind] == prefix) == list(
            range(1, top + 1))
        assert Counter.get((Counter.name == f"case:{prefix}") & (Counter.year == year)).value == top
    assert len({c.status for c in cases}) >= 4


def test_demo_mediation_follows_the_law(demo):
    from desktop_app.services.cases.bodies import list_bodies, list_officers

    (body,) = list_bodies()
    assert body.name == "夏普吐勒镇人民调解委员会" and body.is_default
    officers = set(list_officers())
    police = list(Case.select().where(Case.kind == "治安调解"))
    assert police and all(c.offence and c.parties_consent and c.host_officer in officers for c in police)
    assert all(c.body_id is None for c in police)
    assert all(c.body_id == body.id for c in Case.select().where(Case.kind == "人民调解"))
    for session in MediationSession.select():
        minutes = session.held_at.hour * 60 + session.held_at.minute
        assert 10 * 60 <= minutes <= 18 * 60 + 30, session.held_at  # office hours
    for c in police:
        assert len(list(c.sessions)) <= 2


def test_same_seed_gives_the_same_content(tmp_path):
    def content(folder: Path) -> list[tuple]:
        open_store(DataPaths(folder))
        try:
            members = list(Member.select(Member.name, Member.id_number, Member.uuid).order_by(Member.id).tuples())
            cases = list(Case.select(Case.number, Case.summary).order_by(Case.id).tuples())
            return members + cases
        finally:
            close_database()

    _generate_into(tmp_path / "a")
    _generate_into(tmp_path / "b")
    _generate_into(tmp_path / "c", seed=7)
    assert content(tmp_path / "a") == content(tmp_path / "b")
    assert content(tmp_path / "a") != content(tmp_path / "c")


def test_cancel_leaves_nothing_behind(tmp_path):
    open_store(DataPaths(tmp_path))
    seen: list[tuple[int, str]] = []

    def progress(percent: int, _total: int, stage: str) -> None:
        seen.append((percent, stage))
        if percent >= 50:
            raise GenerationCancelled

    try:
        with pytest.raises(GenerationCancelled):
            generate(SCALES["demo"], today=TODAY, progress=progress)
        assert seen[-1][0] >= 50 and len({stage for _, stage in seen}) >= 3
        assert Member.select().count() == 0
        assert Team.select().count() == 0
        assert OfficeSettings.select().count() == 0
        assert not db.in_transaction()
    finally:
        close_database()


def test_a_second_generation_adds_without_clashing(tmp_path):
    open_store(DataPaths(tmp_path))
    try:
        generate(SCALES["demo"], today=TODAY)
        first_top = Counter.get((Counter.name == "case:夏人调") & (Counter.year == 2024)).value
        generate(SCALES["demo"], seed=5, today=TODAY)
        assert Member.select().count() == 2 * SCALES["demo"].members
        assert OfficeSettings.select().count() == 1
        assert Team.select().where(Team.name == "石榴大妈义警队（演示）").exists()
        assert Counter.get((Counter.name == "case:夏人调") & (Counter.year == 2024)).value > first_top
        assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        close_database()


def test_the_generation_writes_through_the_rollback_journal_and_leaves_the_wal_on(tmp_path):
    import gc

    from desktop_app.services.progress import Cancelled

    open_store(DataPaths(tmp_path))
    seen: list[tuple[str, bool]] = []

    def progress(_percent: int, _total: int, _stage: str) -> None:
        seen.append((db.execute_sql("PRAGMA journal_mode").fetchone()[0], gc.isenabled()))

    try:
        generate(SCALES["demo"], today=TODAY, progress=progress)
        assert seen and set(seen) == {("delete", False)}  # the one big transaction, the collector paused
        assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal" and gc.isenabled()

        def cancel(_percent: int, _total: int, _stage: str) -> None:
            raise Cancelled

        with pytest.raises(Cancelled):
            generate(SCALES["demo"], seed=5, today=TODAY, progress=cancel)
        assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal" and gc.isenabled()
        assert Member.select().count() == SCALES["demo"].members
    finally:
        close_database()
