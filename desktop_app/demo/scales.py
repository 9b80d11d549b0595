"""The sizes of demo and benchmark data (docs/performance.md says what each one holds)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    name: str
    members: int
    posts: int
    days: int  # of duty, up to FUTURE_DAYS after the reference date
    activities: int
    cases: int
    teams: int


SCALES: dict[str, Scale] = {
    "demo": Scale("demo", 300, 8, 31, 120, 40, 5),
    "village": Scale("village", 120, 6, 365, 400, 60, 3),
    "county": Scale("county", 5_000, 60, 365, 5_000, 1_000, 20),
    "startup10k": Scale("startup10k", 10_000, 120, 365, 10_000, 2_000, 40),
    "prefecture": Scale("prefecture", 100_000, 600, 365, 100_000, 20_000, 200),
}

FUTURE_DAYS = 7  # shifts are planned one week ahead of the reference date
