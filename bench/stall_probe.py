"""Where the GUI thread is while the heartbeat is late: one stall benchmark's action with a sampler.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/stall_probe.py --scale prefecture stall_fairness [...]

A sampler thread looks at the main thread's Python stack every 2 ms while the last heartbeat is more than
`--late` ms old (default 30) and counts the stacks seen; each stall over the threshold is printed with its
length and the innermost frames seen most often during it. A frame in C++ (a model reset, a layout) shows
as the Python line that called it. A developer's tool, not a benchmark.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from collections import Counter
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for entry in (str(ROOT), str(BENCH)):
    if entry not in sys.path:
        sys.path.insert(0, entry)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import bench_gui_stall  # noqa: E402
from generate import ensure_database  # noqa: E402
from harness import Context  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402


def _frames(frame, depth: int) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    out = []
    while frame is not None and len(out) < depth:
        code = frame.f_code
        out.append(f"{Path(code.co_filename).name}:{frame.f_lineno} {code.co_name}")
        frame = frame.f_back
    return tuple(out)


class Sampler:
    def __init__(self, late_ms: float, depth: int) -> None:
        self.late_ns = late_ms * 1e6
        self.depth = depth
        self.last = time.perf_counter_ns()
        self.main = threading.main_thread().ident
        self.episodes: list[tuple[float, Counter[tuple[str, ...]]]] = []
        self._current: Counter[tuple[str, ...]] | None = None
        self._start = 0
        self._stop = False
        self.thread = threading.Thread(target=self._run, daemon=True)

    def beat(self) -> None:
        now = time.perf_counter_ns()
        if self._current is not None:
            self.episodes.append(((now - self._start) / 1e6, self._current))
            self._current = None
        self.last = now

    def _run(self) -> None:
        while not self._stop:
            time.sleep(0.002)
            now = time.perf_counter_ns()
            if now - self.last > self.late_ns:
                frame = sys._current_frames().get(self.main)  # noqa: SLF001
                if self._current is None:
                    self._current = Counter()
                    self._start = self.last
                self._current[_frames(frame, self.depth)] += 1

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self._stop = True


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("names", nargs="+")
    parser.add_argument("--scale", default="county")
    parser.add_argument("--late", type=float, default=30)
    parser.add_argument("--depth", type=int, default=14)
    parser.add_argument("--top", type=int, default=4)
    parser.add_argument("--min", type=float, default=60, help="print stalls longer than this (ms)")
    args = parser.parse_args()
    actions = {name: run for name, _what, run in bench_gui_stall.ACTIONS}
    ctx = Context(ensure_database(args.scale))
    bench_gui_stall._app()  # noqa: SLF001
    sampler = Sampler(args.late, args.depth)
    heart = QTimer()
    heart.setInterval(2)
    heart.timeout.connect(sampler.beat)
    heart.start()
    sampler.start()
    try:
        for name in args.names:
            sampler.episodes.clear()
            t0 = time.perf_counter()
            stall = actions[name](ctx)
            print(f"== {name}: longest stall {stall * 1000:.0f} ms, {time.perf_counter() - t0:.1f} s in all")
            for length, stacks in sampler.episodes:
                if length < args.min:
                    continue
                print(f"-- stall {length:.0f} ms, {sum(stacks.values())} samples")
                for stack, count in stacks.most_common(args.top):
                    print(f"   {count}×")
                    for line in stack:
                        print(f"      {line}")
    finally:
        sampler.stop()
        heart.stop()
        ctx.close()


if __name__ == "__main__":
    main()
