"""花名册搜索: the service side of one keystroke in the roster's search box — `search_ids` for what was
typed, then `fetch_rows` for the first 100 ids (the page the table shows first).

Baseline: the one plain query the search needs (SELECT id FROM member WHERE … LIKE … ORDER BY
pinyin_full), run on the same connection with sqlite3 directly — the floor for a search done in SQL.

The warm-up run leaves the roster's order kept by the service, as it is while someone types; a search
right after an edit has to sort again, which `roster_after_edit` measures (an UPDATE, untimed, before
each run).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from harness import Benchmark, Context

from desktop_app.db.database import db
from desktop_app.db.models import Member, Team
from desktop_app.services.roster.search import RosterFilter, fetch_rows, search_ids

PAGE = 100
KEYSTROKE_BUDGET_S = 0.1
REFRESH_BUDGET_S = 0.3  # the tab-open budget of the issue: a full refresh after an edit must fit in it

LIVE = "deleted_at IS NULL"
BY_NAME = " ORDER BY pinyin_full, name, id"


def _first_team(ctx: Context) -> int:
    ctx.store()
    return Team.select(Team.id).order_by(Team.id).scalar()


def _keystroke(make_filter: Callable[[Context], RosterFilter]) -> Callable[[Context], float]:
    def run(ctx: Context) -> float:
        ctx.store()
        flt = make_filter(ctx)
        started = time.perf_counter()
        ids = search_ids(flt, today=ctx.today)
        fetch_rows(ids[:PAGE], today=ctx.today)
        return time.perf_counter() - started

    return run


def _plain_sql(where: str, params: Callable[[Context], tuple] = lambda ctx: ()) -> Callable[[Context], float]:
    def baseline(ctx: Context) -> float:
        ctx.store()
        values = params(ctx)
        connection = db.connection()
        started = time.perf_counter()
        connection.execute(f"SELECT id FROM member WHERE {where}{BY_NAME}", values).fetchall()
        return time.perf_counter() - started

    return baseline


def _like_text(text: str) -> tuple[str, Callable[[Context], tuple]]:
    where = f"{LIVE} AND (name LIKE ? OR pinyin_full LIKE ? OR pinyin_initials LIKE ?)"
    return where, lambda ctx: (f"%{text}%",) * 3


def _after_edit(ctx: Context) -> float:
    ctx.store()
    member_id = Member.select(Member.id).order_by(Member.id).scalar()
    Member.update(notes=f"基准测试 {time.perf_counter()}").where(Member.id == member_id).execute()
    started = time.perf_counter()
    ids = search_ids(RosterFilter(), today=ctx.today)
    fetch_rows(ids[:PAGE], today=ctx.today)
    return time.perf_counter() - started


def _typed(name: str, text: str, what: str) -> Benchmark:
    where, params = _like_text(text)
    return Benchmark(
        name=name,
        what=f"花名册搜索“{text}”+ 首页100行 / search_ids + fetch_rows({PAGE}) for {what}",
        run=_keystroke(lambda ctx: RosterFilter(text=text)),
        baseline=_plain_sql(where, params),
        baseline_name="one SELECT id … LIKE … ORDER BY pinyin_full (sqlite3)",
        budget_s=KEYSTROKE_BUDGET_S,
    )


BENCHMARKS = [
    Benchmark(
        name="roster_all",
        what=f"花名册全部（清空搜索框）+ 首页100行 / search_ids + fetch_rows({PAGE}), empty box",
        run=_keystroke(lambda ctx: RosterFilter()),
        baseline=_plain_sql(LIVE),
        baseline_name="one SELECT id … ORDER BY pinyin_full (sqlite3)",
        budget_s=KEYSTROKE_BUDGET_S,
    ),
    _typed("roster_a", "a", "one letter (most members match)"),
    _typed("roster_ay", "ay", "two letters"),
    _typed("roster_nemm", "nemm", "pinyin initials of 努尔买买提"),
    _typed("roster_nuer", "nuer", "full pinyin"),
    _typed("roster_surname", "王", "a Chinese surname"),
    Benchmark(
        name="roster_phone",
        what=f"花名册搜索“5678”（手机/身份证尾号）+ 首页100行 / search_ids + fetch_rows({PAGE}), phone tail",
        run=_keystroke(lambda ctx: RosterFilter(text="5678")),
        baseline=_plain_sql(f"{LIVE} AND (phone LIKE '%5678' OR id_number LIKE '%5678')"),
        baseline_name="one SELECT id … LIKE '%5678' ORDER BY pinyin_full (sqlite3)",
        budget_s=KEYSTROKE_BUDGET_S,
    ),
    Benchmark(
        name="roster_team_status",
        what=f"花名册按队伍+状态筛选 + 首页100行 / search_ids + fetch_rows({PAGE}), team and status filter",
        run=_keystroke(lambda ctx: RosterFilter(team_id=_first_team(ctx), status="在队")),
        baseline=_plain_sql(f"{LIVE} AND team_id = ? AND status = '在队'", lambda ctx: (_first_team(ctx),)),
        baseline_name="one SELECT id … WHERE team_id, status ORDER BY pinyin_full (sqlite3)",
        budget_s=KEYSTROKE_BUDGET_S,
    ),
    Benchmark(
        name="roster_after_edit",
        what=f"修改一名队员后刷新花名册 + 首页100行 / search_ids + fetch_rows({PAGE}) after a write",
        run=_after_edit,
        baseline=_plain_sql(LIVE),
        baseline_name="one SELECT id … ORDER BY pinyin_full (sqlite3)",
        budget_s=REFRESH_BUDGET_S,
    ),
]
