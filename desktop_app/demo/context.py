"""What the parts of the generator share: the random source, the reference day, progress, and what has
been made so far (teams and members with the facts the later parts choose by)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import TypeVar

from ..services.progress import Cancelled
from ..services.progress import Progress as ProgressCallback
from .people import People, day_between, weighted
from .scales import Scale

T = TypeVar("T")
NOON = time(12, 0)  # the moment of the reference day the data is made at


class DemoRandom(random.Random):
    """random.Random with the same numbers, its `randint` without the checks and calls of `randrange` in
    between (the generator asks for some ten million): `a + _randbelow(b - a + 1)` is what
    `randrange(a, b + 1)` returns for whole numbers a ≤ b."""

    def randint(self, a: int, b: int) -> int:
        if b < a:
            raise ValueError(f"empty range in randint({a}, {b})")
        return a + self._randbelow(b - a + 1)  # type: ignore[attr-defined]


class GenerationCancelled(Cancelled):
    """The generation was stopped from `progress`; nothing was written."""


class Progress:
    """`callback(percent, 100, stage)` over stages, each a share of 0–100; the callback cancels by raising
    `Cancelled` (services/progress.py)."""

    def __init__(self, callback: ProgressCallback | None) -> None:
        self.callback = callback
        self.low, self.high, self.stage = 0, 0, ""
        self.last: tuple[int, str] | None = None

    def stage_between(self, low: int, high: int, stage: str) -> None:
        self.low, self.high, self.stage = low, high, stage
        self.report(0.0)

    def report(self, fraction: float) -> None:
        if self.callback is None:
            return
        percent = self.low + int((self.high - self.low) * min(max(fraction, 0.0), 1.0))
        if (percent, self.stage) == self.last:
            return
        self.last = (percent, self.stage)
        self.callback(percent, 100, self.stage)


@dataclass
class TeamInfo:
    id: int
    name: str
    station: str
    founded: date
    skill_chance: dict[str, float]
    women: float
    birth_years: tuple[int, int]
    places: tuple[str, ...]
    members: list[int] = field(default_factory=list)  # member indexes
    active: list[int] = field(default_factory=list)  # of them, 在队
    leader: int | None = None  # member index


@dataclass
class MemberInfo:
    id: int
    team: int  # team index
    name: str
    join: date
    leave: date | None
    status: str
    skills: tuple[str, ...]
    insurance: date | None


@dataclass
class Demo:
    scale: Scale
    rng: random.Random
    today: date
    progress: Progress
    people: People
    unit_name: str = ""  # the office to make (empty: the usual demo 派出所); then the one made
    teams: list[TeamInfo] = field(default_factory=list)
    members: list[MemberInfo] = field(default_factory=list)
    officers: list[str] = field(default_factory=list)  # 民警 who host and record mediation
    leaves: dict[int, list[tuple[date, date]]] = field(default_factory=dict)  # member index → spans
    served: dict[int, int] = field(default_factory=dict)  # member id → shifts attended

    @property
    def now(self) -> datetime:
        return datetime.combine(self.today, NOON)

    def weighted(self, pairs: Sequence[tuple[T, float]]) -> T:
        return weighted(self.rng, pairs)

    def day_between(self, first: date, last: date) -> date:
        return day_between(self.rng, first, last)

    def on_leave(self, m: int, day: date) -> bool:
        spans = self.leaves.get(m)
        return spans is not None and any(a <= day <= b for a, b in spans)
