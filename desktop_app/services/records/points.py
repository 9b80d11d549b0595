"""Points and stars: the points rules the administrator keeps (domain/points.py), the ledger (积分明细) made
from the records with them, the star levels from service hours (thresholds kept as a setting), and the
rankings of members by team and period.

The ledger is a pure function of the records and the rules: `ledger_rows` gives one entry per attended
shift, absence without leave, activity taken part in and training attended, in one fixed order, and
`recompute_ledger` replaces the stored `PointEntry` rows with exactly those, so recomputing at any time gives
the same ledger. Rankings and reports add up the same rows, so they never wait for a recomputation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from peewee import JOIN

from ...db import dialect
from ...db.database import db
from ...db.models import Member, PointEntry, Team
from ...domain.i18n import QT_TRANSLATE_NOOP
from ...domain.points import PointsRules, RulesInvalid, rules_from_dict
from ...domain.service_levels import DEFAULT_STAR_THRESHOLDS, star_level
from ...domain.vocabulary import ABSENT, ATTENDED_STATUSES
from .. import audit
from ..accounts.roles import EDIT, SETTINGS, requires
from ..office.settings import get_setting, set_setting
from ..progress import Progress, report
from .service_hours import hours_by_member

RULES_KEY = "points_rules"
STARS_KEY = "star_thresholds"
ABSENCE_REASON = "缺勤（未请假）"
_IN_CHUNK = 200  # members per query (each part of the ledger lists them)


# --- the rules and the thresholds ----------------------------------------------------------------


def points_rules() -> PointsRules:
    stored = get_setting(RULES_KEY)
    if not stored:
        return PointsRules()
    try:
        return rules_from_dict(stored)
    except RulesInvalid:
        return PointsRules()


@requires(SETTINGS)
def save_points_rules(values: dict[str, Any], progress: Progress | None = None) -> PointsRules:
    """Check and keep the rules (`RulesInvalid` lists each wrong value); the ledger follows at once, in the
    same transaction (`Cancelled` from `progress` keeps neither)."""
    rules = rules_from_dict(values)
    with db.atomic():
        set_setting(RULES_KEY, rules.to_dict())
        audit.record("修改", "setting", "", "修改积分规则")
        recompute_ledger(rules, progress)
    return rules


def star_thresholds() -> tuple[int, ...]:
    stored = get_setting(STARS_KEY)
    try:
        thresholds = tuple(int(v) for v in stored) if stored else DEFAULT_STAR_THRESHOLDS
        star_level(0, thresholds)
    except (TypeError, ValueError):
        return DEFAULT_STAR_THRESHOLDS
    return thresholds


class ThresholdsInvalid(ValueError):
    pass


@requires(SETTINGS)
def save_star_thresholds(values: Iterable[int | str]) -> tuple[int, ...]:
    try:
        thresholds = tuple(int(str(v).strip()) for v in values)
    except ValueError:
        raise ThresholdsInvalid(QT_TRANSLATE_NOOP("Messages", "星级时长应为整数（小时）")) from None
    if len(thresholds) != 5 or thresholds[0] <= 0:
        raise ThresholdsInvalid(QT_TRANSLATE_NOOP("Messages", "应填写一星至五星共5个时长，均大于0"))
    try:
        star_level(0, thresholds)
    except ValueError:
        raise ThresholdsInvalid(QT_TRANSLATE_NOOP("Messages", "星级时长应逐级增加")) from None
    with db.atomic():
        set_setting(STARS_KEY, list(thresholds))
        audit.record("修改", "setting", "", "修改星级评定时长")
    return thresholds


# --- the ledger ----------------------------------------------------------------------------------


def round2(expression: str) -> str:
    """ROUND(x, 2) of a float; PostgreSQL rounds only NUMERIC to places."""
    if dialect.is_postgres():
        return f"CAST(ROUND(CAST({expression} AS NUMERIC), 2) AS DOUBLE PRECISION)"
    return f"ROUND({expression}, 2)"


def _ledger_sql(rules: PointsRules, member_ids: list[int] | None = None, date_from: date | None = None,
                date_to: date | None = None) -> tuple[str, list[Any]]:
    """One SELECT of (member, date, points, reason, source table, source uuid) over every record; the members
    and period, when given, are applied inside each part, where SQLite can use the indexes."""
    def where(member: str, day: str) -> tuple[str, list[Any]]:
        conditions: list[str] = []
        values: list[Any] = []
        if member_ids is not None:
            conditions.append(f"{member} IN ({', '.join('?' for _ in member_ids)})")
            values += member_ids
        if date_from is not None:
            conditions.append(f"{day} >= ?")
            values.append(date_from.isoformat())
        if date_to is not None:
            conditions.append(f"{day} <= ?")
            values.append(date_to.isoformat())
        return "".join(f" AND {c}" for c in conditions), values

    duty_where, duty_values = where("a.member_id", "s.date")
    activity_where, activity_values = where("ap.member_id", "act.date")
    training_where, training_values = where("ta.member_id", "t.date")
    attended = ", ".join("?" for _ in ATTENDED_STATUSES)
    kinds = sorted(rules.per_kind.items())
    kind_case = ("CASE act.kind " + " ".join("WHEN ? THEN ?" for _ in kinds) + " ELSE 0 END") if kinds else "0"
    parts: list[tuple[str, list[Any]]] = [
        (f"SELECT a.member_id, s.date, {round2('a.hours * ?')} AS points, '值班：' || p.kind AS reason, "
         "'assignment' AS source_table, a.uuid AS source_uuid FROM assignment a JOIN shift s ON a.shift_id = s.id "
         f"JOIN duty_post p ON s.post_id = p.id WHERE a.status IN ({attended}) AND a.hours > 0{duty_where}",
         [rules.per_duty_hour, *ATTENDED_STATUSES, *duty_values]),
        ("SELECT a.member_id, s.date, ?, ?, 'assignment', a.uuid FROM assignment a "
         f"JOIN shift s ON a.shift_id = s.id WHERE a.status = ?{duty_where}",
         [rules.absence(), ABSENCE_REASON, ABSENT, *duty_values]),
        (f"SELECT ap.member_id, act.date, {round2(f'ap.hours * ? + {kind_case}')}, '工作记录：' || act.kind, "
         "'activity_participant', ap.uuid FROM activity_participant ap JOIN activity act ON ap.activity_id = act.id "
         f"WHERE act.deleted_at IS NULL{activity_where}",
         [rules.per_activity_hour, *[v for pair in kinds for v in pair], *activity_values]),
        (f"SELECT ta.member_id, t.date, {round2('? + ta.hours * ?')}, '培训：' || t.title, 'training_attendee', ta.uuid "
         f"FROM training_attendee ta JOIN training t ON ta.training_id = t.id WHERE t.deleted_at IS NULL{training_where}",
         [rules.per_training, rules.per_training_hour, *training_values]),
    ]
    sql = " UNION ALL ".join(part for part, _ in parts)
    params = [value for _, values in parts for value in values]
    return f"SELECT * FROM ({sql}) AS parts WHERE points != 0", params


@dataclass(frozen=True)
class LedgerRow:
    member_id: int
    date: date
    points: float
    reason: str
    source_table: str
    source_uuid: str


def ledger_rows(rules: PointsRules | None = None, member_id: int | None = None) -> list[LedgerRow]:
    """The ledger the records give with `rules` (default: the kept ones), in a fixed order."""
    sql, params = _ledger_sql(rules or points_rules())
    if member_id is not None:
        sql, params = f"SELECT * FROM ({sql}) AS ledger WHERE member_id = ?", [*params, member_id]
    sql += " ORDER BY 2, 5, 6"
    return [LedgerRow(mid, _as_date(day), float(points), reason, table, source)
            for mid, day, points, reason, table, source in db.execute_sql(dialect.sql(sql), params)]


@requires(EDIT)
def recompute_ledger(rules: PointsRules | None = None, progress: Progress | None = None) -> int:
    """Replace the stored ledger with the one the records give now; returns the number of entries.

    In one transaction, a month of records at a time (a prefecture's ledger takes seconds), `progress`
    told after each: `Cancelled` raised from it rolls the whole recomputation back, the ledger as it was.
    The months in order, each in the ledger's order, give the rows in the same order as one statement."""
    rules = rules or points_rules()
    now: Any = datetime.now() if dialect.is_postgres() else datetime.now().isoformat(sep=" ")
    report(progress, 0, 1, QT_TRANSLATE_NOOP("Messages", "正在重算积分"))
    with db.atomic():
        spans = _month_spans()
        db.execute_sql('DELETE FROM "point_entry"')
        for index, (first, last) in enumerate(spans):
            sql, params = _ledger_sql(rules, None, first, last)
            db.execute_sql(dialect.sql(
                'INSERT INTO "point_entry" ("uuid", "created_at", "updated_at", "member_id", "date", "points", '
                f'"reason", "source_table", "source_uuid") SELECT {dialect.random_hex_sql()}, ?, ?, member_id, date, '
                f"points, reason, source_table, source_uuid FROM ({sql}) AS ledger ORDER BY 5, 8, 9"),  # date, source
                [now, now, *params])
            report(progress, index + 1, len(spans) + 1, QT_TRANSLATE_NOOP("Messages", "正在重算积分"))
        count = PointEntry.select().count()
        audit.record("重算", "point_entry", "", f"按积分规则重算积分明细 {count} 条")
        report(progress, 1, 1, QT_TRANSLATE_NOOP("Messages", "积分已重算"))  # the last moment to cancel
    return count


def _month_spans() -> list[tuple[date | None, date | None]]:
    """The months from the first record's to the last one's, as (first day, last day); the first span open
    at its start and the last at its end, so that no record falls outside. One open span when there are none."""
    firsts = [_as_date(day) for (day,) in db.execute_sql(
        "SELECT MIN(date) FROM shift UNION ALL SELECT MIN(date) FROM activity UNION ALL SELECT MIN(date) FROM training")
        if day is not None]
    lasts = [_as_date(day) for (day,) in db.execute_sql(
        "SELECT MAX(date) FROM shift UNION ALL SELECT MAX(date) FROM activity UNION ALL SELECT MAX(date) FROM training")
        if day is not None]
    if not firsts or not lasts:
        return [(None, None)]
    month, end = date(min(firsts).year, min(firsts).month, 1), max(lasts)
    spans: list[tuple[date | None, date | None]] = []
    while month <= end:
        following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
        spans.append((month, date.fromordinal(following.toordinal() - 1)))
        month = following
    spans[0] = (None, spans[0][1])
    spans[-1] = (spans[-1][0], None)
    return spans


def points_by_member(date_from: date | None = None, date_to: date | None = None,
                     rules: PointsRules | None = None, member_ids: Iterable[int] | None = None) -> dict[int, float]:
    """Points per member in the period, from the records (members with none left out); `member_ids`: only
    those members."""
    rules = rules or points_rules()
    if member_ids is None:
        chunks: list[list[int] | None] = [None]
    else:
        ids = list(dict.fromkeys(int(i) for i in member_ids))
        chunks = [ids[start:start + _IN_CHUNK] for start in range(0, len(ids), _IN_CHUNK)]
    out: dict[int, float] = {}
    for chunk in chunks:
        sql, params = _ledger_sql(rules, chunk, date_from, date_to)
        for mid, total in db.execute_sql(dialect.sql(
                f"SELECT member_id, SUM(points) FROM ({sql}) AS ledger GROUP BY member_id"), params):
            if round(total or 0, 2) != 0:
                out[mid] = round(total, 2)
    return out


# --- stars and rankings --------------------------------------------------------------------------


def star_levels(member_ids: Iterable[int] | None = None, as_of: date | None = None) -> dict[int, int]:
    """Each member's star level from all their service hours (duty and activities, not training) up to `as_of`."""
    thresholds = star_thresholds()
    hours = hours_by_member(member_ids, None, as_of, training=False)
    return {mid: star_level(total, thresholds) for mid, total in hours.items()}


@dataclass(frozen=True)
class RankRow:
    rank: int
    member_id: int
    name: str
    team: str
    points: float
    hours: float  # service hours in the period
    stars: int  # from all service hours up to the period's end


def ranking(date_from: date | None, date_to: date | None, team_id: int | None = None, by: str = "points",
            limit: int | None = None, hours: dict[int, float] | None = None,
            stars: dict[int, int] | None = None) -> list[RankRow]:
    """Members on the roster ranked by points (or by service hours, `by="hours"`) in the period; ties share
    a rank and are ordered by name. `hours` (service hours in the period) and `stars` (`star_levels` up to
    its end) may be given when the caller has them already."""
    members = Member.select(Member.id, Member.name, Team.name).join(Team, JOIN.LEFT_OUTER).where(
        Member.deleted_at.is_null())
    if team_id is not None:
        members = members.where(Member.team == team_id)
    known = {mid: (name, team or "") for mid, name, team in db.execute_sql(*members.sql())}
    if hours is None:
        hours = hours_by_member(None if team_id is None else list(known), date_from, date_to, training=False)
    points = points_by_member(date_from, date_to, member_ids=_points_wanted(known, hours, by, limit))
    if stars is None:
        stars = star_levels(list(known) if team_id is not None else None, date_to)
    scored = [(mid, points.get(mid, 0.0), hours.get(mid, 0.0)) for mid in known
              if points.get(mid) or hours.get(mid)]
    index = 1 if by == "points" else 2
    scored.sort(key=lambda row: (-row[index], known[row[0]][0], row[0]))
    rows: list[RankRow] = []
    previous, rank = None, 0
    for position, (mid, score_points, score_hours) in enumerate(scored, start=1):
        value = score_points if by == "points" else score_hours
        if value != previous:
            rank, previous = position, value
        rows.append(RankRow(rank, mid, known[mid][0], known[mid][1], score_points, score_hours, stars.get(mid, 0)))
        if limit is not None and len(rows) >= limit:
            break
    return rows


def _points_wanted(known: dict[int, tuple[str, str]], hours: dict[int, float], by: str,
                   limit: int | None) -> list[int] | None:
    """The members whose points a ranking needs: by hours with a limit, the first `limit` members with hours
    (those with points only come after every member with hours); otherwise all (None)."""
    if by == "points" or limit is None:
        return None
    with_hours = sorted((mid for mid in known if hours.get(mid)), key=lambda mid: (-hours[mid], known[mid][0], mid))
    return with_hours[:limit] if len(with_hours) >= limit else None


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
