"""SIGKILL while writing: a child writes through the services and is killed at a random moment; after
each kill the file passes `PRAGMA integrity_check`, every commit the child logged as done is there, and
no action is half-written (each record has the audit entry written in its transaction).

`make test` kills a few times; `make soak` (YIJING_SOAK_KILLS=1000) a thousand times and writes the
figures to build/reliability/kill_loop.json.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.config import DataPaths
from desktop_app.services.office.details import OfficeInfo, save_office
from desktop_app.services.storage.data_folder import close_store, open_store

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("kill_writer.py")
KILLS = int(os.environ.get("YIJING_SOAK_KILLS", "4"))
TABLES = {"member": ("member", "notes"), "team": ("team", "name"), "leave": ("leave", "reason"),
          "case": ("case", "summary")}

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is a POSIX signal")


def _logged(log: Path) -> list[tuple[str, int, str]]:
    rows = []
    for line in log.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[0] in TABLES:  # a line cut by the kill has fewer parts
            rows.append((parts[0], int(parts[1]), parts[2]))
    return rows


def _check(database: Path, logged: list[tuple[str, int, str]]) -> tuple[list[str], int]:
    """(problems, commits missing among `logged`)."""
    con = sqlite3.connect(database)
    try:
        problems = [r[0] for r in con.execute("PRAGMA integrity_check")]
        problems = [] if problems == ["ok"] else problems
        missing = 0
        for kind, record_id, text in logged:
            table, column = TABLES[kind]
            row = con.execute(f'SELECT "{column}" FROM "{table}" WHERE id = ?', (record_id,)).fetchone()
            if row is None or not row[0].startswith(text):
                missing += 1
        orphans = con.execute(
            'SELECT COUNT(*) FROM member WHERE uuid NOT IN (SELECT record_uuid FROM audit_log)').fetchone()[0]
        if orphans:
            problems.append(f"{orphans} members without the audit entry of their transaction")
    finally:
        con.close()
    return problems, missing


def test_sigkill_during_writes_loses_no_commit_and_leaves_a_sound_file(tmp_path):
    paths = DataPaths(tmp_path / "data")
    open_store(paths)
    save_office(OfficeInfo(unit_name="伽师县公安局夏普吐勒派出所", case_prefix="夏派调"))
    close_store()
    log = tmp_path / "done.log"
    rng = random.Random(2024)
    figures = {"kills": 0, "commits_logged": 0, "commits_lost": 0, "integrity_failures": 0,
               "half_written": 0, "opened_after_kill": 0}
    started = time.monotonic()
    for kill in range(KILLS):
        child = subprocess.Popen([sys.executable, str(CHILD), str(paths.root), str(log), str(kill)], cwd=ROOT,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while (not log.exists() or f"ready\t{child.pid}\t" not in log.read_text(encoding="utf-8")) \
                and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert child.poll() is None, child.stderr.read().decode(errors="replace")
        time.sleep(rng.uniform(0.0, 0.4))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stderr.close()
        figures["kills"] += 1
        logged = _logged(log)
        fresh, earlier = logged[figures["commits_logged"]:], logged[:figures["commits_logged"]]
        problems, missing = _check(paths.database, fresh + rng.sample(earlier, min(200, len(earlier))))
        figures["commits_logged"] = len(logged)
        figures["commits_lost"] += missing
        figures["integrity_failures"] += bool([p for p in problems if "audit" not in p])
        figures["half_written"] += bool([p for p in problems if "audit" in p])
        assert not problems and not missing, (kill, problems, missing)
        open_store(paths)  # the program starts again on what the kill left
        close_store()
        figures["opened_after_kill"] += 1
    problems, missing = _check(paths.database, _logged(log))  # every commit ever logged, at the end
    assert not problems and not missing
    figures["seconds"] = round(time.monotonic() - started, 1)
    assert figures["commits_logged"] > 0
    if os.environ.get("YIJING_SOAK_KILLS"):
        out = ROOT / "build" / "reliability"
        out.mkdir(parents=True, exist_ok=True)
        (out / "kill_loop.json").write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    print(json.dumps(figures, ensure_ascii=False))
