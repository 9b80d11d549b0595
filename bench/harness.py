"""What a benchmark is, the context it runs in, and how its figures are summarised.

A benchmark module `bench/bench_NAME.py` exposes `BENCHMARKS = [Benchmark(...), ...]`. `run` and
`baseline` take a `Context` and return the seconds of the part they time (set-up excluded), so each
measures exactly what it means to. `bench/run.py` finds the modules, runs them and writes the table.
"""

from __future__ import annotations

import shutil
import statistics
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generate import BenchDatabase

from desktop_app.config import DataPaths
from desktop_app.services.storage.data_folder import close_store, open_store

DEFAULT_REPEAT = 5


@dataclass(frozen=True)
class Benchmark:
    name: str  # short, unique: `--only NAME`
    what: str  # one line for the table, Chinese and/or English
    run: Callable[[Context], float]
    baseline: Callable[[Context], float] | None = None
    baseline_name: str = ""
    budget_s: float | Mapping[str, float] | None = None  # absolute, or per scale
    budget_ratio: float | None = None  # median ≤ ratio × baseline median
    scales: tuple[str, ...] = ("village", "county", "prefecture")  # the scales it runs at
    data_scale: str | None = None  # always use this generated database (e.g. "startup10k")
    repeat: int | Mapping[str, int] | None = None  # runs per side; default --repeat (5)
    warmup: int = 1  # untimed runs per side first (page cache, imports)
    unit: str = "s"  # what run() returns: seconds, or "MB" for a memory figure

    def format(self, value: float) -> str:
        return f"{value:.0f} MB" if self.unit == "MB" else format_seconds(value)

    def budget_for(self, scale: str) -> float | None:
        if isinstance(self.budget_s, Mapping):
            return self.budget_s.get(scale)
        return self.budget_s

    def repeat_for(self, scale: str) -> int | None:
        if isinstance(self.repeat, Mapping):
            return self.repeat.get(scale)
        return self.repeat


class Context:
    """The generated database for the run, and private copies of it for benchmarks that write."""

    def __init__(self, database: BenchDatabase) -> None:
        self.database = database
        self.scale = database.scale
        self.seed = database.seed
        self.today: date = database.today  # the data's reference date: "this week" has shifts
        self.workdir = Path(tempfile.mkdtemp(prefix=f"yijing-bench-{database.scale}-"))
        self._data_dir: DataPaths | None = None
        self._opened = False
        self._copies = 0

    def fresh_data_dir(self) -> DataPaths:
        """A new data folder holding a copy of the generated database."""
        self._copies += 1
        paths = DataPaths(self.workdir / f"data{self._copies}").ensure()
        shutil.copyfile(self.database.path, paths.database)
        return paths

    def data_dir(self) -> DataPaths:
        """This benchmark's own copy (made on first use, then the same one)."""
        if self._data_dir is None:
            self._data_dir = self.fresh_data_dir()
        return self._data_dir

    def store(self) -> DataPaths:
        """`data_dir()` opened as the program opens it (the peewee proxy bound to it)."""
        paths = self.data_dir()
        if not self._opened:
            open_store(paths)
            self._opened = True
        return paths

    def scratch(self, name: str) -> Path:
        return self.workdir / name

    def close(self) -> None:
        if self._opened:
            close_store()
            self._opened = False
        shutil.rmtree(self.workdir, ignore_errors=True)


@dataclass
class Result:
    benchmark: Benchmark
    scale: str  # the data the benchmark ran on
    samples: list[float]
    baseline_samples: list[float] = field(default_factory=list)
    error: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def baseline_median(self) -> float | None:
        return statistics.median(self.baseline_samples) if self.baseline_samples else None

    @property
    def ratio(self) -> float | None:
        base = self.baseline_median
        return self.median / base if base else None

    @property
    def budget_text(self) -> str:
        b = self.benchmark
        parts = []
        absolute = b.budget_for(self.scale)
        if absolute is not None:
            parts.append(f"≤ {b.format(absolute)}")
        if b.budget_ratio is not None:
            parts.append(f"≤ {b.budget_ratio:g}× baseline")
        return ", ".join(parts) or "—"

    @property
    def passed(self) -> bool | None:
        """None when the benchmark has no budget."""
        if self.error:
            return False
        b = self.benchmark
        checks = []
        absolute = b.budget_for(self.scale)
        if absolute is not None:
            checks.append(self.median <= absolute)
        if b.budget_ratio is not None and self.ratio is not None:
            checks.append(self.ratio <= b.budget_ratio)
        return all(checks) if checks else None


def format_seconds(seconds: float) -> str:
    if seconds < 0.001:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.3g} ms"
    return f"{seconds:.3g} s"


def spread(samples: list[float], fmt: Callable[[float], str] = format_seconds) -> str:
    return f"{fmt(min(samples))}–{fmt(max(samples))}"


def measure(benchmark: Benchmark, ctx: Context, repeat: int) -> Result:
    """Warm-up, then `repeat` alternating runs of the baseline and the benchmark."""
    result = Result(benchmark, ctx.scale, [])
    for _ in range(benchmark.warmup):
        if benchmark.baseline is not None:
            benchmark.baseline(ctx)
        benchmark.run(ctx)
    for _ in range(repeat):
        if benchmark.baseline is not None:
            result.baseline_samples.append(benchmark.baseline(ctx))
        result.samples.append(benchmark.run(ctx))
    return result
