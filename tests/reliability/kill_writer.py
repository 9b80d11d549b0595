"""The child of the SIGKILL loop (test_kill_loop.py): writes through the services as fast as it can, each
action one transaction, and after each commit appends what it committed to a log (flushed and fsynced),
until it is killed. Run as: python kill_writer.py DATA_DIR LOG SEED"""

from __future__ import annotations

import os
import random
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from desktop_app.config import DataPaths  # noqa: E402
from desktop_app.domain.pinyin_keys import pinyin_keys  # noqa: E402
from desktop_app.domain.vocabulary import ADMIN  # noqa: E402
from desktop_app.services.accounts import roles  # noqa: E402
from desktop_app.services.cases.case_form import CaseInput, register_case  # noqa: E402
from desktop_app.services.roster.members import MemberInput, add_leave, save_member  # noqa: E402
from desktop_app.services.roster.teams import TeamInput, save_team  # noqa: E402
from desktop_app.services.storage.data_folder import open_store  # noqa: E402


def main(data_dir: str, log_path: str, seed: str) -> None:
    rng = random.Random(int(seed))
    open_store(DataPaths(Path(data_dir)))
    roles.set_logged_in(roles.Account("admin", ADMIN))  # the services check roles; this writer is a stand-in
    pinyin_keys("王建国")  # pypinyin loads on first use (0.4 s): before "ready", so the kills land in writes
    log = open(log_path, "a", encoding="utf-8")  # noqa: SIM115 - kept open until the kill

    def done(kind: str, record_id: int, text: str) -> None:
        log.write(f"{kind}\t{record_id}\t{text}\n")
        log.flush()
        os.fsync(log.fileno())

    done("ready", os.getpid(), "")
    n = 0
    while True:
        n += 1
        tag = f"{seed}-{n}"
        action = rng.random()
        if action < 0.6:
            member = save_member(MemberInput(name="王建国", notes=f"批次{tag}\n" + "备注" * rng.randint(0, 200)))
            done("member", member.id, member.notes.split("\n", 1)[0])
        elif action < 0.75:
            team = save_team(TeamInput(name=f"队伍{tag}", notes="x" * rng.randint(0, 2000)))
            done("team", team, f"队伍{tag}")
        elif action < 0.9:
            start = date(2024, 1, 1) + timedelta(days=n % 300)
            member = save_member(MemberInput(name="李娜", notes=f"批次{tag}"))
            leave = add_leave(member.id, start, start, f"事由{tag}")
            done("leave", leave.id, f"事由{tag}")
        else:
            case = register_case(CaseInput(category="邻里", received_at=datetime(2024, 4, 13, 9, 0),
                                           summary=f"案情{tag}"))
            done("case", case.id, f"案情{tag}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
