"""Realistic made-up data for demonstrations, tests and benchmarks (no real person's data).

`generate(SCALES["demo"])` fills the open database: office, teams, members with valid made-up ID numbers,
posts, shift patterns and the shifts they make, the duty roster with attendance, leave, trainings,
qualifications, work records, dispute cases with parties, sessions and follow-ups, and a few certificates.

Every record goes through the services, as a user's would: the single-item functions where there are few
(office, teams, posts) and the services' batch entry points, which check each item with the same function,
where there are many. So the demo data keeps every rule the services keep. The same seed and reference
date give the same content, uuids included (`db.models.uuids_from`); not the timestamps (the records are
made now) nor the certificates' verification codes and fingerprints (random by design).
Everything is one transaction: a cancel from `progress` leaves the database as it was.

Speed (a prefecture in under a minute): the cyclic garbage collector waits while the generator runs (it
keeps millions of objects until the transaction ends, and each full pass would walk them all), and on
SQLite the one big transaction goes through the rollback journal rather than the WAL (`_rollback_journal`:
every page would otherwise be written twice, into the WAL and then back into the file).
"""

from __future__ import annotations

import logging
import random
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import date

from peewee import Model

from ..db.database import db
from ..db.dialect import is_postgres
from ..db.models import (
    Activity,
    ActivityParticipant,
    Assignment,
    Case,
    CaseEvent,
    CaseMediator,
    Certificate,
    DutyPost,
    FollowUp,
    Investigation,
    Leave,
    MediationSession,
    Member,
    Party,
    Qualification,
    Shift,
    ShiftPattern,
    Team,
    Training,
    TrainingAttendee,
    uuids_from,
)
from ..services import audit
from ..services.progress import Progress as ProgressCallback
from ..services.progress import collector_paused
from ..services.storage.bulk import deferred_indexes
from . import cases, certificates, records, roster, schedule
from .context import Demo, DemoRandom, GenerationCancelled, Progress
from .people import People
from .scales import FUTURE_DAYS, SCALES, Scale

__all__ = ["FUTURE_DAYS", "GENERATOR_VERSION", "SCALES", "GenerateSummary", "GenerationCancelled", "Scale",
           "generate"]

log = logging.getLogger(__name__)
GENERATOR_VERSION = 4  # bump when the content changes, so cached benchmark databases are regenerated
OPERATOR = "admin"  # whom the records are made by when nobody is logged in
COUNTED: tuple[type[Model], ...] = (
    Team, Member, Training, TrainingAttendee, Qualification, Leave, DutyPost, ShiftPattern, Shift, Assignment,
    Activity, ActivityParticipant, Case, Party, CaseMediator, MediationSession, FollowUp, CaseEvent, Certificate,
)


@dataclass(frozen=True)
class GenerateSummary:
    scale: str
    seed: int
    today: date
    counts: dict[str, int]
    seconds: float

    def __str__(self) -> str:
        parts = "，".join(f"{table} {count:,}" for table, count in self.counts.items())
        return f"规模 {self.scale}（种子 {self.seed}，基准日 {self.today:%Y-%m-%d}）用时 {self.seconds:.1f} 秒：{parts}"


class _Uuids:
    """The seeded uuids, 32 hex digits each, one after the other: the same as f"{rng.getrandbits(128):032x}"
    asked for one at a time (getrandbits fills a long number from its lowest 32 bits up), made 4,096 at once
    (a prefecture takes about 2.5 million)."""

    BLOCK = 4096

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(f"uuids {seed}")
        self.ready: list[str] = []

    def __call__(self) -> str:
        if not self.ready:
            digits = self.rng.getrandbits(128 * self.BLOCK).to_bytes(16 * self.BLOCK, "big").hex()
            self.ready = [digits[k:k + 32] for k in range(0, len(digits), 32)]  # the last made first
        return self.ready.pop()


def _counts() -> dict[str, int]:
    return {model._meta.table_name: model.select().count() for model in COUNTED}


@contextmanager
def _rollback_journal(connection: sqlite3.Connection) -> Iterator[None]:
    """The database in the rollback journal for the block and back in WAL after it. A cancel or a crash
    is as safe (the journal keeps the pages as they were; a hot journal is rolled back at the next open).
    When another connection has the file open the mode cannot change, and the WAL stays."""
    mode = str(connection.execute("PRAGMA journal_mode").fetchone()[0]).lower()
    switched = False
    if mode == "wal":
        try:
            switched = str(connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0]).lower() == "delete"
        except sqlite3.OperationalError as exc:  # another connection reads the file
            log.info("演示数据仍经 WAL 写入: %s", exc)
    try:
        yield
    finally:
        if switched:
            connection.execute("PRAGMA journal_mode = WAL")


def _run(demo: Demo) -> None:
    p = demo.progress
    p.stage_between(0, 2, "单位与队伍")
    roster.office(demo)
    roster.teams(demo)
    p.stage_between(2, 16, "队员")
    with deferred_indexes(Member):  # the big tables are filled first and indexed after (services/storage/bulk.py)
        roster.members(demo)
    roster.leaders(demo)
    p.stage_between(16, 22, "培训与资质")
    with deferred_indexes(Training, TrainingAttendee, Qualification):
        records.trainings_and_qualifications(demo)
    p.stage_between(22, 24, "请假")
    roster.leaves(demo)
    p.stage_between(24, 27, "岗位")
    own_posts = schedule.posts(demo)
    p.stage_between(27, 78, "排班与考勤")
    with deferred_indexes(Shift, Assignment):
        schedule.duty(demo, own_posts)
    p.stage_between(78, 88, "工作记录")
    with deferred_indexes(Activity, ActivityParticipant):
        records.activities(demo)
    p.stage_between(88, 98, "纠纷案件")
    with deferred_indexes(Case, Party, CaseMediator, Investigation, MediationSession, FollowUp, CaseEvent):
        cases.cases(demo)  # register_cases reads what it checks against first and writes at the end
    p.stage_between(98, 99, "证书")
    certificates.certificates(demo)
    p.stage_between(100, 100, "完成")


def generate(
    scale: Scale,
    seed: int = 2024,
    today: date | None = None,
    progress: ProgressCallback | None = None,
    office_name: str = "",
) -> GenerateSummary:
    """Fill the open database with made-up data of `scale`; all or nothing (one transaction).

    `office_name` names the office (several demo offices for a county, `demo-data --office NAME`); the
    usual demo 派出所 when empty. `progress(percent, 100, stage)` is called as the work goes on; raising `Cancelled` (or
    `GenerationCancelled`) from it stops the generation: the transaction is rolled back and the exception
    goes on.
    """
    today = today or date.today()
    started = time.perf_counter()
    rng = DemoRandom(seed)
    sqlite = not is_postgres()
    connection = db.connection()
    if sqlite:
        old_cache = connection.execute("PRAGMA cache_size").fetchone()[0]
        connection.execute("PRAGMA cache_size = -262144")  # 256 MB while writing
    try:
        before = _counts()
        journal = _rollback_journal(connection) if sqlite else nullcontext()
        with collector_paused(), journal, db.atomic(), uuids_from(_Uuids(seed)), \
                audit.acting_as(audit.current_user() or OPERATOR):
            taken = [n for (n,) in Member.select(Member.id_number).where(Member.id_number.is_null(False)).tuples()]
            demo = Demo(scale, rng, today, Progress(progress), People(rng, taken), unit_name=office_name.strip())
            _run(demo)
        after = _counts()
    finally:
        if sqlite:
            connection.execute(f"PRAGMA cache_size = {int(old_cache)}")
    counts = {table: after[table] - before[table] for table in after}
    return GenerateSummary(scale.name, seed, today, counts, time.perf_counter() - started)
