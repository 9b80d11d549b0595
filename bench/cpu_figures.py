"""The issue's timed budgets once each, with the CPU time beside the wall time: on a machine shared with other
work the wall time holds the waits for a CPU, the process's CPU time (all its threads, `time.process_time`)
does not. The same actions as bench_growth.py's benchmarks, on the same data.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/cpu_figures.py --scale prefecture [--only fairness_all,…]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
for entry in (str(BENCH.parent), str(BENCH)):
    if entry not in sys.path:
        sys.path.insert(0, entry)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import bench_growth  # noqa: E402
from generate import ensure_database  # noqa: E402
from harness import Context  # noqa: E402

ACTIONS = {b.name: b.run for b in bench_growth.BENCHMARKS}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", default="county")
    parser.add_argument("--only", default=",".join(ACTIONS))
    args = parser.parse_args()
    database = ensure_database(args.scale)
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    for name in args.only.split(","):
        ctx = Context(database)
        try:
            wall = ACTIONS[name](ctx)
        finally:
            ctx.close()
        print(f"{name}: {wall:.2f} s wall, {bench_growth.LAST_CPU[0]:.2f} s CPU (load {os.getloadavg()[0]:.1f})",
              flush=True)


if __name__ == "__main__":
    main()
