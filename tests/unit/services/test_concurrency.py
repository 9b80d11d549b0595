"""Five PCs on one PostgreSQL server at once (issue 19): 5 processes × 200 form saves on the same few
records and 5 × 100 new cases, all started together. No update is lost (every save is either stored, one
version up, or refused with who saved it: the versions add up to the accepted saves) and the case numbers
run 1…500 with none twice and none skipped."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

WORKER = Path(__file__).resolve().parents[2] / "pg_concurrency_worker.py"
CLIENTS, EDITS, CASES = 5, 200, 100


def _run_clients(tmp_path: Path, url: str, ids: list[str]) -> list[dict]:
    start = tmp_path / "start"
    clients = [subprocess.Popen([sys.executable, str(WORKER), url, str(n), str(start), "edits", str(EDITS),
                                 str(CASES), *ids], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for n in range(1, CLIENTS + 1)]
    deadline = time.monotonic() + 60
    while len(list(tmp_path.glob("start.ready*"))) < CLIENTS and time.monotonic() < deadline:
        if any(client.poll() is not None for client in clients):
            break  # one ended early: its error is read below
        time.sleep(0.05)
    start.touch()  # all of them at once
    results = []
    for client in clients:
        out, err = client.communicate(timeout=120)
        lines = out.strip().splitlines()
        assert lines, err[-2000:]
        result = json.loads(lines[-1])
        assert "error" not in result, result.get("error")
        results.append(result)
    return results


@pytest.mark.postgres
def test_five_clients_at_once_lose_no_update_and_no_number(pg_test_server, tmp_path):
    from desktop_app.db.database import close_database, open_server
    from desktop_app.db.models import AuditLog, Case, DutyPost, Member, Team
    from desktop_app.db.models import Counter as NumberCounter
    from desktop_app.services.cases.bodies import save_body
    from desktop_app.services.office.details import OfficeInfo, save_office
    from desktop_app.services.roster.members import MemberInput, save_member
    from desktop_app.services.roster.teams import TeamInput, save_team
    from desktop_app.services.schedule.posts import PostInput, save_post

    url = pg_test_server.new_database()
    try:
        open_server(url)
        save_office(OfficeInfo(unit_name="伽师县公安局夏普吐勒派出所", case_prefix="夏派调"))
        save_body(None, "夏普吐勒镇人民调解委员会", "夏人调", is_default=True)
        members = [save_member(MemberInput(name=name)).id for name in ("王小明", "李娜")]
        team = save_team(TeamInput(name="一中队"))
        post = save_post(PostInput(name="中山路商圈巡逻")).id
        ids = [f"member:{members[0]}", f"member:{members[1]}", f"team:{team}", f"duty_post:{post}"]
        close_database()

        edits = cases = _run_clients(tmp_path, url, ids)

        open_server(url)
        accepted = sum((Counter(r["accepted"]) for r in edits), Counter())
        refused = sum((Counter(r["refused"]) for r in edits), Counter())
        said = sum((Counter(r["said"]) for r in edits), Counter())
        assert sum(accepted.values()) + sum(refused.values()) == CLIENTS * EDITS  # each save stored or refused
        assert sum(said.values()) == sum(refused.values())
        assert set(said) <= {f"此记录已被 第{n}台" for n in range(1, CLIENTS + 1)}  # each refusal named who
        versions = {f"member:{m.id}": m.version for m in Member.select()}
        versions[f"team:{team}"] = Team.get_by_id(team).version
        versions[f"duty_post:{post}"] = DutyPost.get_by_id(post).version
        for record in ids:  # created at 1, one up per stored save: not one stored save written over
            assert versions[record] == 1 + accepted[record], (record, versions[record], accepted[record])
        changes = AuditLog.select().where(AuditLog.action == "修改",
                                          AuditLog.table_name.in_(["member", "team", "duty_post"])).count()
        assert changes == sum(accepted.values())
        assert sum(refused.values()) > 0  # the clients did meet (else the test proves nothing)

        numbers = [n for r in cases for n in r["numbers"]]
        stored = sorted(c.sequence for c in Case.select(Case.sequence))
        assert len(numbers) == len(set(numbers)) == CLIENTS * CASES
        assert stored == list(range(1, CLIENTS * CASES + 1))
        assert [c.value for c in NumberCounter.select()] == [CLIENTS * CASES]  # the one series, never past
        print(f"\n5 clients: {sum(accepted.values())} saves stored, {sum(refused.values())} refused; "
              f"edits {max(r['edits_seconds'] for r in edits)} s, cases {max(r['cases_seconds'] for r in cases)} s")
    finally:
        close_database()
        pg_test_server.drop(url)
