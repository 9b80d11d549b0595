"""Start-up: process start to the main window's first paint, 10,000 members, against a bare window."""

from __future__ import annotations

from harness import Benchmark, Context
from startup import bare_window_startup, program_startup


def _program(ctx: Context) -> float:
    return program_startup(ctx.data_dir().root)


def _bare(ctx: Context) -> float:
    return bare_window_startup()


BENCHMARKS = [
    Benchmark(
        name="startup",
        what="启动到主窗口首次绘制（1万名队员） / process start → first paint of the main window",
        run=_program,
        baseline=_bare,
        baseline_name="bare PySide6 window",
        budget_ratio=3.0,
        scales=("county", "prefecture", "startup10k"),
        data_scale="startup10k",
    ),
]
