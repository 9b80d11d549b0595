"""The self-test's list of checks and the loop that runs them: each check gets the shared context and
returns a line saying what it proved; any exception fails it with the name of what is missing."""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import DataPaths
from .missing import EarlierCheckFailed, describe_failure


@dataclass
class SelfTestContext:
    """What the checks share: the throwaway data folder, the folder documents are written to, and what
    earlier checks made (the sample office's ids, the QApplication)."""

    paths: DataPaths
    out_dir: Path
    made: dict[str, Any] = field(default_factory=dict)

    def document(self, name: str) -> Path:
        return self.out_dir / name


@dataclass(frozen=True)
class Check:
    label: str
    run: Callable[[SelfTestContext], str]


CHECKS: list[Check] = []


def check(label: str) -> Callable[[Callable[[SelfTestContext], str]], Callable[[SelfTestContext], str]]:
    """Add the decorated function to the self-test, after the checks already listed."""

    def register(function: Callable[[SelfTestContext], str]) -> Callable[[SelfTestContext], str]:
        CHECKS.append(Check(label, function))
        return function

    return register


def run_self_test(out: Callable[[str], None] = print, keep_dir: Path | None = None) -> int:
    """Run every check; 0 when all pass, 1 otherwise. `keep_dir` keeps the documents for a look."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    try:
        from . import checks  # noqa: F401 - registers the checks
    except Exception as exc:  # noqa: BLE001 - a build without the checks' modules fails with their names
        out(f"[失败] 自检程序: {describe_failure(exc)}")
        traceback.print_exc(file=sys.stderr)
        out("自检失败: 1 项")
        return 1
    failures = 0
    with tempfile.TemporaryDirectory(prefix="yijing-selftest-") as tmp:
        out_dir = keep_dir or Path(tmp) / "文书"
        out_dir.mkdir(parents=True, exist_ok=True)
        context = SelfTestContext(DataPaths(Path(tmp) / "data").ensure(), out_dir)
        _act_as_administrator(True)
        try:
            for item in CHECKS:
                try:
                    out(f"[通过] {item.label}: {item.run(context)}")
                except Exception as exc:  # noqa: BLE001 - every failure is reported, the exit code says it
                    failures += 1
                    out(f"[失败] {item.label}: {describe_failure(exc)}")
                    if not isinstance(exc, EarlierCheckFailed):
                        traceback.print_exc(file=sys.stderr)
        finally:
            _act_as_administrator(False)
            _close_store()
    seconds = time.perf_counter() - started
    out(f"自检通过（{len(CHECKS)} 项，{seconds:.1f} 秒）" if not failures
        else f"自检失败: {failures} 项（共 {len(CHECKS)} 项）")
    return 0 if not failures else 1


def _act_as_administrator(on: bool) -> None:
    """The checks act as an administrator of their throwaway folder (window and worker threads alike)."""
    try:
        from ..domain.vocabulary import ADMIN
        from ..services.accounts import roles
        from .sample_data import SELF_TEST_USER
    except ImportError:
        return
    roles.set_logged_in(roles.Account(SELF_TEST_USER, ADMIN) if on else None)


def _close_store() -> None:
    try:
        from ..services.storage.data_folder import close_store
    except ImportError:
        return
    close_store()
