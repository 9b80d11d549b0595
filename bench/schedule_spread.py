"""How fair the auto-scheduler's roster is, to compare two versions of it on the same data: auto-schedule
for all teams (a week, or a month) on a fresh copy of a generated database, then the spread of the duty
over the members as `fairness()` reports it, and a digest of the plan (member per shift) — two versions
that make the same plan print the same digest.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/schedule_spread.py --scale county [--days 7] [--json FILE]

Printed: the slots filled and missing, and for the members on duty and for all active members the
standard deviation, the range and the 10th/90th percentiles of the rolling four-week hours, and the most
shifts a member got in the period. A developer's tool, not a benchmark.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
for entry in (str(BENCH.parent), str(BENCH)):
    if entry not in sys.path:
        sys.path.insert(0, entry)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from generate import ensure_database  # noqa: E402
from harness import Context  # noqa: E402

from desktop_app.db.models import Assignment, Shift  # noqa: E402
from desktop_app.demo.generator import FUTURE_DAYS  # noqa: E402
from desktop_app.services.schedule.auto_scheduler import auto_schedule, fairness  # noqa: E402
from desktop_app.services.storage.data_folder import close_store, open_store  # noqa: E402


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))] if ordered else 0.0


def _spread(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    return {"members": len(values), "stdev": round(statistics.pstdev(values), 2),
            "min": min(values), "max": max(values), "p10": _percentile(values, 0.1),
            "p90": _percentile(values, 0.9)}


def measure(scale: str, days: int) -> dict[str, object]:
    database = ensure_database(scale)
    ctx = Context(database)
    try:
        paths = ctx.fresh_data_dir()
        open_store(paths, check=False)
        try:
            last_planned = ctx.today + timedelta(days=FUTURE_DAYS)
            start = last_planned + timedelta(days=7 - last_planned.weekday())
            end = start + timedelta(days=days - 1)
            started = time.perf_counter()
            result = auto_schedule(start, end, now=datetime.combine(ctx.today, datetime.min.time()))
            seconds = time.perf_counter() - started
            rows = fairness(start, end)
            plan = sorted((str(d), str(s), p, m) for d, s, p, m in
                          Assignment.select(Shift.date, Shift.start, Shift.post, Assignment.member)
                          .join(Shift).where(Shift.date.between(start, end)).tuples())
        finally:
            close_store()
    finally:
        ctx.close()
    digest = hashlib.sha256(json.dumps(plan).encode()).hexdigest()[:16]
    on_duty = [r for r in rows if r.shifts]
    return {
        "scale": scale, "days": days, "seconds": round(seconds, 2),
        "slots_filled": result.slots_filled, "slots_missing": result.slots_missing,
        "plan_digest": digest,
        "hours_4w_on_duty": _spread([r.hours_4w for r in on_duty]),
        "hours_4w_all": _spread([r.hours_4w for r in rows]),
        "period_hours_on_duty": _spread([r.hours for r in on_duty]),
        "most_shifts": max((r.shifts for r in rows), default=0),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", default="county")
    parser.add_argument("--days", type=int, default=7)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    figures = measure(args.scale, args.days)
    text = json.dumps(figures, ensure_ascii=False, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
