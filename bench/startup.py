"""Time from process start to the first paint of a window, measured from the parent process.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/startup.py --data-dir DIR   # the program
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/startup.py --bare           # a bare PySide6 window

The child prints `FIRST_PAINT <time.monotonic()>` at its first paint and exits; the result is that value
minus `time.monotonic()` taken just before `subprocess.Popen` (the clock is system-wide on Linux and
Windows, so the two processes' readings compare).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAIN = ROOT / "main.py"
BARE = Path(__file__).resolve().parent / "bare_window.py"
TIMEOUT_S = 120


class StartupFailed(RuntimeError):
    pass


def time_to_first_paint(command: list[str], cwd: Path = ROOT) -> float:
    """Seconds from just before starting `command` to the FIRST_PAINT it prints."""
    t0 = time.monotonic()
    proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = proc.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise StartupFailed(f"no first paint within {TIMEOUT_S} s: {' '.join(command)}") from None
    painted = [line for line in out.splitlines() if line.startswith("FIRST_PAINT ")]
    if proc.returncode != 0 or not painted:
        raise StartupFailed(f"{' '.join(command)} exited {proc.returncode} without FIRST_PAINT\n{err[-2000:]}")
    return float(painted[0].split()[1]) - t0


def program_startup(data_dir: Path) -> float:
    return time_to_first_paint([sys.executable, str(MAIN), "--data-dir", str(data_dir), "--exit-after-first-paint"])


def bare_window_startup() -> float:
    return time_to_first_paint([sys.executable, str(BARE)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="time to the first paint of the main window")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--data-dir", type=Path, help="data folder the program opens")
    group.add_argument("--bare", action="store_true", help="a bare PySide6 window instead")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    for _ in range(args.repeat):
        seconds = bare_window_startup() if args.bare else program_startup(args.data_dir)
        print(f"{seconds:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
