"""One client of tests/unit/services/test_concurrency.py: a separate process on the PostgreSQL server, as
one more PC of the office. Run as `python tests/pg_concurrency_worker.py URL NUMBER START_FILE edits COUNT
CASES IDS…`; says it is ready (START_FILE.readyNUMBER), waits until START_FILE exists (all the clients start
together), then does its saves and prints one JSON line of what happened.

COUNT form saves, round the records IDS ("member:3 team:1 duty_post:2"): each loads the record with its
version, changes it and saves it through the service; a refusal (RecordChanged) is counted with what it
said, every other failure ends the run with it. Then CASES new 人民调解 cases registered.
"""

from __future__ import annotations

import json
import sys
import time
import traceback
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(url: str, number: int, start_file: str, job: str, count: int, ids: list[str], cases: int = 0) -> dict:
    from desktop_app.db.database import close_database, open_server
    from desktop_app.domain.vocabulary import CLERK
    from desktop_app.services.accounts import roles
    from desktop_app.services.cases.case_form import CaseInput, register_case
    from desktop_app.services.clients.versions import RecordChanged
    from desktop_app.services.roster.members import load_member_input, save_member
    from desktop_app.services.roster.teams import TeamInput, get_team, save_team
    from desktop_app.services.schedule.posts import post_input, save_post

    open_server(url)
    roles.set_logged_in(roles.Account(f"client{number}", CLERK, display_name=f"第{number}台"))
    accepted: Counter[str] = Counter()
    refused: Counter[str] = Counter()
    said: Counter[str] = Counter()
    numbers: list[str] = []
    Path(f"{start_file}.ready{number}").touch()
    while not Path(start_file).exists():
        time.sleep(0.01)
    started = time.perf_counter()
    for n in range(count if job == "edits" else 0):
        record = ids[n % len(ids)]
        table, record_id = record.split(":")[0], int(record.split(":")[1])
        mark = f"{number}-{n}"
        try:
            if table == "member":
                data = load_member_input(record_id)
                save_member(replace(data, notes=mark), record_id)
            elif table == "team":
                row = get_team(record_id)
                save_team(TeamInput(name=row.name, notes=mark, version=row.version), record_id)
            else:
                data = post_input(record_id)
                save_post(replace(data, notes=mark), record_id)
        except RecordChanged as exc:
            refused[record] += 1
            said[str(exc).split(" 于 ")[0]] += 1  # "此记录已被 第N台"
        else:
            accepted[record] += 1
    edits_done = time.perf_counter()
    for n in range(count if job == "cases" else cases):
        case = register_case(CaseInput(kind="人民调解", category="邻里", source="当事人申请",
                                       received_at="2024-10-08 09:30", summary=f"第{number}台第{n}件"))
        numbers.append(case.number)
    close_database()
    return {"accepted": accepted, "refused": refused, "said": said, "numbers": numbers,
            "edits_seconds": round(edits_done - started, 2),
            "cases_seconds": round(time.perf_counter() - edits_done, 2)}


if __name__ == "__main__":
    url, number, start_file, job, count, cases, *ids = sys.argv[1:]
    try:
        result = main(url, int(number), start_file, job, int(count), ids, int(cases))
    except Exception:  # noqa: BLE001 - reported to the test, which fails with it
        print(json.dumps({"error": traceback.format_exc()}))
        sys.exit(1)
    print(json.dumps(result, ensure_ascii=False))
