"""Run the benchmarks and put their table into docs/performance.md.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/run.py [--scale county|prefecture] [--only NAME[,NAME]]
                                                           [--repeat N] [--no-docs] [--no-ladder] [--list]

A run at a scale of the ladder village → county → prefecture also runs each benchmark at the smaller
side by side with the exponent of its growth against the members (1 = linear); `--no-ladder` runs only the
scale asked for.

Benchmarks live in `bench/bench_*.py` (each exposes `BENCHMARKS`); their databases are generated once
into bench/data/ by bench/generate.py and reused. Exit status 1 when a benchmark misses its budget.
"""

from __future__ import annotations

import argparse
import importlib.util
import math
import os
import platform
import re
import sqlite3
import sys
import traceback
from datetime import datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for entry in (str(ROOT), str(BENCH)):
    if entry not in sys.path:
        sys.path.insert(0, entry)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from generate import BenchDatabase, default_path, ensure_database, recorded_settings  # noqa: E402
from harness import DEFAULT_REPEAT, Benchmark, Context, Result, measure, spread  # noqa: E402

from desktop_app.demo.generator import SCALES  # noqa: E402

DOCS = ROOT / "docs" / "performance.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
HEADER = "| what | scale | median | spread (min–max) | baseline | ratio | budget | pass |"
RULE = "|---|---|---:|---|---|---:|---|---|"


BROKEN_MODULES: list[str] = []


def discover() -> list[Benchmark]:
    """Every `BENCHMARKS` of bench/bench_*.py; a module that fails to import is reported, not fatal."""
    found: list[Benchmark] = []
    for path in sorted(BENCH.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
        except Exception as exc:
            BROKEN_MODULES.append(path.name)
            print(f"⚠ {path.name} could not be loaded: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        found.extend(getattr(module, "BENCHMARKS", []))
    names = [b.name for b in found]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise SystemExit(f"duplicate benchmark names: {', '.join(duplicates)}")
    return found


def machine() -> str:
    memory = ""
    cpu = platform.processor() or platform.machine()
    try:
        meminfo = Path("/proc/meminfo").read_text()
        kib = int(re.search(r"MemTotal:\s+(\d+)", meminfo).group(1))  # type: ignore[union-attr]
        memory = f", {kib / 1024 / 1024:.1f} GiB RAM"
        model = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        cpu = model.group(1).strip() if model else cpu
    except (OSError, AttributeError):
        pass
    try:
        import PySide6
        from PySide6.QtCore import qVersion

        qt = f"PySide6 {PySide6.__version__} (Qt {qVersion()})"
    except ImportError:
        qt = "PySide6 not installed"
    return (f"{os.cpu_count()} CPUs ({cpu}){memory}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}; {qt}; SQLite {sqlite3.sqlite_version}; "
            f"QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', '')}")


def row(result: Result) -> str:
    b = result.benchmark
    what = f"`{b.name}` {b.what}"
    if result.error:
        return f"| {what} | {result.scale} | — | — | — | — | {result.budget_text} | error: {result.error} |"
    base = result.baseline_median
    baseline = f"{b.format(base)} ({b.baseline_name})" if base is not None else "—"
    ratio = f"{result.ratio:.1f}×" if result.ratio is not None else "—"
    verdict = {True: "pass", False: "**FAIL**", None: "—"}[result.passed]
    return (f"| {what} | {result.scale} | {b.format(result.median)} | {spread(result.samples, b.format)} "
            f"| {baseline} | {ratio} | {result.budget_text} | {verdict} |")


def _row_key(line: str) -> tuple[str, str] | None:
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    match = re.match(r"`([^`]+)`", cells[0]) if cells else None
    return (match.group(1), cells[1]) if match and len(cells) > 1 else None


def _describe_data(scales: list[str]) -> str:
    parts = []
    for scale in scales:
        path = default_path(scale)
        recorded = recorded_settings(path) if path.exists() else {}
        if recorded.get("bench_scale") == scale:
            parts.append(f"{scale}: {path.stat().st_size / 1e6:.0f} MB, seed {recorded.get('bench_seed')}, "
                         f"reference date {recorded.get('bench_today')}")
    return "; ".join(parts)


def write_docs(results: list[Result]) -> None:
    """Replace the table between the markers; rows of benchmarks not run this time are kept."""
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else f"# Performance\n\n{START}\n{END}\n"
    if START not in text or END not in text:
        text = text.rstrip("\n") + f"\n\n{START}\n{END}\n"
    before, rest = text.split(START, 1)
    old_block, after = rest.split(END, 1)
    new_rows = {(r.benchmark.name, r.scale): row(r) for r in results}
    rows: list[str] = []
    for line in old_block.splitlines():
        key = _row_key(line) if line.startswith("| `") else None
        if key is not None:
            rows.append(new_rows.pop(key, line))
    rows.extend(new_rows.values())
    order = {scale: i for i, scale in enumerate(SCALES)}
    keyed = sorted(((_row_key(line) or ("", "")), line) for line in rows)
    keyed.sort(key=lambda item: (item[0][0], order.get(item[0][1], len(order))))
    rows = [line for _, line in keyed]
    scales = sorted({key[1] for key, _ in keyed}, key=lambda scale: order.get(scale, len(order)))
    block = "\n".join([
        "",
        f"Last run: {datetime.now():%Y-%m-%d %H:%M} — `bench/run.py {' '.join(sys.argv[1:])}`".rstrip(),
        "",
        f"Machine: {machine()}.",
        "",
        f"Data: {_describe_data(scales)}.",
        "",
        "Rows of benchmarks not run last time keep their earlier figures.",
        "",
        HEADER,
        RULE,
        *rows,
        "",
    ])
    DOCS.parent.mkdir(parents=True, exist_ok=True)
    DOCS.write_text(write_growth(before + START + block + END + after), encoding="utf-8")


# --- the growth table ----------------------------------------------------------------------------

LADDER = ("village", "county", "prefecture")  # a run at one of these also runs the smaller ones
GROWTH_START, GROWTH_END = "<!-- growth:start -->", "<!-- growth:end -->"
_UNITS = {"µs": 1e-6, "ms": 1e-3, "s": 1.0, "MB": 1.0}


def ladder_up_to(scale: str) -> list[str]:
    """The scales a run at `scale` measures: the smaller ones of the ladder too (for the growth table)."""
    return list(LADDER[:LADDER.index(scale) + 1]) if scale in LADDER else [scale]


def _value(text: str) -> float | None:
    match = re.fullmatch(r"([0-9.]+) (µs|ms|s|MB)", text.strip())
    return float(match.group(1)) * _UNITS[match.group(2)] if match else None


def growth_table(lines: list[str]) -> str:
    """Each benchmark's median at village, county and prefecture side by side (from the results table,
    this run's and earlier ones'), and how the time grew against the members: the exponent k of
    time ∝ members^k between two scales (1 = in step with the data, 2 = with its square)."""
    medians: dict[str, dict[str, tuple[str, float | None]]] = {}
    for line in lines:
        key = _row_key(line) if line.startswith("| `") else None
        if key is None or key[1] not in LADDER:
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        medians.setdefault(key[0], {})[key[1]] = (cells[2], _value(cells[2]))
    members = {scale: SCALES[scale].members for scale in LADDER}
    out = ["| benchmark | village | county | prefecture | village → county | county → prefecture |",
           "|---|---:|---:|---:|---:|---:|"]

    def growth(low: str, high: str, figures: dict[str, tuple[str, float | None]]) -> str:
        a, b = figures.get(low, ("", None))[1], figures.get(high, ("", None))[1]
        if not a or not b:
            return "—"
        data = members[high] / members[low]
        return f"{b / a:.1f}× for {data:.0f}× the members (k = {math.log(b / a) / math.log(data):.2f})"

    for name in sorted(medians):
        figures = medians[name]
        if len(figures) < 2:
            continue
        cells = [figures.get(scale, ("—", None))[0] for scale in LADDER]
        out.append(f"| `{name}` | {' | '.join(cells)} | {growth('village', 'county', figures)} | "
                   f"{growth('county', 'prefecture', figures)} |")
    members_text = ", ".join(f"{scale} {count:,}" for scale, count in members.items())
    return "\n".join(["", f"Members: {members_text}. k = log(time ratio) / log(members ratio).", "", *out, ""])


def write_growth(text: str) -> str:
    block_lines = text.split(START, 1)[1].split(END, 1)[0].splitlines()
    table = growth_table(block_lines)
    if GROWTH_START not in text or GROWTH_END not in text:
        return text.replace(START, f"{GROWTH_START}\n{GROWTH_END}\n\n{START}", 1).replace(
            f"{GROWTH_START}\n{GROWTH_END}", f"{GROWTH_START}{table}{GROWTH_END}", 1)
    before, rest = text.split(GROWTH_START, 1)
    _, after = rest.split(GROWTH_END, 1)
    return before + GROWTH_START + table + GROWTH_END + after


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="run the benchmarks (bench/bench_*.py)")
    parser.add_argument("--scale", default="county", help="data scale: county (default) or prefecture")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--only", help="comma-separated benchmark names")
    parser.add_argument("--repeat", type=int, help=f"timed runs per side (default {DEFAULT_REPEAT}, fewer for slow ones)")
    parser.add_argument("--no-docs", action="store_true", help="do not update docs/performance.md")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    parser.add_argument("--no-ladder", action="store_true",
                        help="only the scale asked for, not the smaller ones of the ladder too")
    args = parser.parse_args(argv)

    benchmarks = discover()
    if args.list:
        for b in benchmarks:
            print(f"{b.name:20} scales {','.join(b.scales):30} {b.what}")
        return 0
    if args.only:
        wanted = {n.strip() for n in args.only.split(",") if n.strip()}
        unknown = wanted - {b.name for b in benchmarks}
        if unknown:
            raise SystemExit(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
        benchmarks = [b for b in benchmarks if b.name in wanted]
    else:
        ladder = ladder_up_to(args.scale)
        benchmarks = [b for b in benchmarks if any(scale in b.scales for scale in ladder)]
    if not benchmarks:
        raise SystemExit(f"no benchmark runs at scale {args.scale}")

    results: list[Result] = []
    databases: dict[str, BenchDatabase] = {}
    ladder = [args.scale] if args.no_ladder else ladder_up_to(args.scale)
    for b in benchmarks:
        for data_scale in ([b.data_scale] if b.data_scale else [s for s in ladder if s in b.scales] or [args.scale]):
            if data_scale not in databases:
                databases[data_scale] = ensure_database(data_scale, args.seed)
            repeat = args.repeat or b.repeat_for(data_scale) or DEFAULT_REPEAT
            print(f"▶ {b.name} ({data_scale}, {repeat}×) …", flush=True)
            ctx = Context(databases[data_scale])
            try:
                result = measure(b, ctx, repeat)
            except Exception as exc:  # one broken benchmark must not hide the others' figures
                traceback.print_exc()
                result = Result(b, data_scale, [], error=f"{type(exc).__name__}: {exc}".splitlines()[0][:120])
            finally:
                ctx.close()
            results.append(result)
            print("  " + row(result), flush=True)

    print()
    print(HEADER)
    print(RULE)
    for result in results:
        print(row(result))
    if not args.no_docs:
        write_docs(results)
        print(f"\nwritten to {DOCS.relative_to(ROOT)}")
    if BROKEN_MODULES:
        print(f"not run (module failed to load): {', '.join(BROKEN_MODULES)}", file=sys.stderr)
    return 1 if BROKEN_MODULES or any(r.passed is False for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
