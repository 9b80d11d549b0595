"""The records behind each number on the 首页, as a small table (a title, the column headers, the rows), made
from the very conditions `figures.dashboard_counts` counts with. The work figures open the 工作记录 tab
instead, filtered (`records.activity_list.ActivityFilter`). No ID or phone numbers are listed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from peewee import JOIN, fn

from ...db.models import Activity, Assignment, Case, Certificate, DutyPost, Member, Shift, Team
from ...domain.dates import format_date
from ...domain.i18n import QT_TRANSLATE_NOOP
from ...domain.vocabulary import ON_LEAVE
from ..records import work_figures
from ..records.service_hours import SOURCE_ACTIVITY, SOURCE_DUTY, format_hours, service_hours_by_source
from . import figures as f

INSURANCE_EXPIRED = "insurance_expired"
INSURANCE_EXPIRING = "insurance_expiring"
QUALIFICATIONS_EXPIRED = "qualifications_expired"
QUALIFICATIONS_EXPIRING = "qualifications_expiring"
SHORT_SHIFTS = "short_shifts"
UNFILLED_WEEK = "unfilled_week"
OPEN_CASES = "open_cases"
OVERDUE_CASES = "overdue_cases"
MEMBERS = "members"
TEAMS = "teams"
CERTIFICATES = "certificates"
MEDIATED_MONTH = "mediated_month"  # 调解纠纷 this month
SCHOOL_GATE_MONTH = "school_gate_month"  # 护学岗执勤 this month
WEEK_SHIFTS = "week_shifts"  # every shift of this week
HOURS_MONTH = "hours_month"  # 本月服务时长: who served how long (its 合计 column sums to the number)
CONFIRMATIONS = "confirmations"  # written 人民调解 agreements within their 30 days for 司法确认
KEYS = (INSURANCE_EXPIRED, INSURANCE_EXPIRING, QUALIFICATIONS_EXPIRED, QUALIFICATIONS_EXPIRING, SHORT_SHIFTS,
        UNFILLED_WEEK, OPEN_CASES, OVERDUE_CASES, MEMBERS, TEAMS, CERTIFICATES, MEDIATED_MONTH, SCHOOL_GATE_MONTH,
        WEEK_SHIFTS, HOURS_MONTH, CONFIRMATIONS)


@dataclass(frozen=True)
class DrillDown:
    key: str
    title: str
    headers: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]
    ids: list[int]  # the record behind each row (member, shift, case …)


def _members(key: str, title: str, query, today: date) -> DrillDown:
    rows, ids = [], []
    for mid, name, team, expires in (query.select(Member.id, Member.name, Team.name, Member.insurance_expires_on)
                                     .join(Team, JOIN.LEFT_OUTER, on=(Member.team == Team.id))
                                     .order_by(Member.insurance_expires_on, Member.name).tuples()):
        ids.append(mid)
        rows.append((name, team or "", format_date(expires) if expires else ""))
    return DrillDown(key, title, (QT_TRANSLATE_NOOP("Messages", "姓名"), QT_TRANSLATE_NOOP("Messages", "队伍"),
                                  QT_TRANSLATE_NOOP("Messages", "保险到期")), rows, ids)


def _qualifications(key: str, title: str, query) -> DrillDown:
    held = query.alias("held")
    rows, ids = [], []
    listed = (Member.select(Member.id, Member.name, Team.name, held.c.skill, held.c.until)
              .join(held, on=(Member.id == held.c.member_id))
              .join(Team, JOIN.LEFT_OUTER, on=(Member.team == Team.id), src=Member)
              .order_by(held.c.until, Member.name).tuples())
    for mid, name, team, skill, until in listed:
        ids.append(mid)
        rows.append((name, team or "", skill, format_date(date.fromisoformat(str(until)[:10]))))
    return DrillDown(key, title, (QT_TRANSLATE_NOOP("Messages", "姓名"), QT_TRANSLATE_NOOP("Messages", "队伍"),
                                  QT_TRANSLATE_NOOP("Messages", "资质"), QT_TRANSLATE_NOOP("Messages", "有效期至")),
                     rows, ids)


def _shifts(key: str, title: str, query) -> DrillDown:
    staffed = (Assignment.select(fn.COUNT(Assignment.id)).where(Assignment.shift == Shift.id,
                                                                Assignment.status != ON_LEAVE))
    rows, ids = [], []
    for sid, day, start, end, headcount, post, filled in (
            query.select(Shift.id, Shift.date, Shift.start, Shift.end, Shift.headcount, DutyPost.name,
                         staffed.alias("filled")).order_by(Shift.date, Shift.start, DutyPost.name).tuples()):
        ids.append(sid)
        rows.append((format_date(day), f"{str(start)[:5]}–{str(end)[:5]}", post, str(filled), str(headcount)))
    return DrillDown(key, title, (QT_TRANSLATE_NOOP("Messages", "日期"), QT_TRANSLATE_NOOP("Messages", "时间"),
                                  QT_TRANSLATE_NOOP("Messages", "岗位"), QT_TRANSLATE_NOOP("Messages", "已排"),
                                  QT_TRANSLATE_NOOP("Messages", "需要")), rows, ids)


def _cases(key: str, title: str, query) -> DrillDown:
    rows, ids = [], []
    for cid, number, kind, category, received, status, deadline in (
            query.select(Case.id, Case.number, Case.kind, Case.category, Case.received_at, Case.status,
                         Case.deadline).order_by(Case.deadline, Case.received_at).tuples()):
        ids.append(cid)
        received_day = received.date() if isinstance(received, datetime) else date.fromisoformat(str(received)[:10])
        rows.append((number or "", kind, category, format_date(received_day), status,
                     format_date(deadline) if deadline else ""))
    return DrillDown(key, title, (QT_TRANSLATE_NOOP("Messages", "案件编号"), QT_TRANSLATE_NOOP("Messages", "类型"),
                                  QT_TRANSLATE_NOOP("Messages", "纠纷类别"), QT_TRANSLATE_NOOP("Messages", "受理日期"),
                                  QT_TRANSLATE_NOOP("Messages", "状态"), QT_TRANSLATE_NOOP("Messages", "办理期限")),
                     rows, ids)


def _hours(key: str, today: date) -> DrillDown:
    hours = service_hours_by_source(today.replace(day=1), today)
    names = dict(Member.select(Member.id, Member.name).where(Member.id.in_(list(hours))).tuples()) if hours else {}
    teams = dict(Member.select(Member.id, Team.name).join(Team, on=(Member.team == Team.id))
                 .where(Member.id.in_(list(hours))).tuples()) if hours else {}
    order = sorted(hours, key=lambda mid: (-sum(hours[mid].values()), names.get(mid, "")))
    rows = [(names.get(mid, ""), teams.get(mid) or "", format_hours(hours[mid][SOURCE_DUTY]),
             format_hours(hours[mid][SOURCE_ACTIVITY]), format_hours(sum(hours[mid].values()))) for mid in order]
    return DrillDown(key, QT_TRANSLATE_NOOP("Messages", "本月志愿服务时长（值班与工作记录，不含培训）"),
                     (QT_TRANSLATE_NOOP("Messages", "姓名"), QT_TRANSLATE_NOOP("Messages", "队伍"),
                      QT_TRANSLATE_NOOP("Messages", "值班（小时）"), QT_TRANSLATE_NOOP("Messages", "工作记录（小时）"),
                      QT_TRANSLATE_NOOP("Messages", "合计（小时）")), rows, order)


def drilldown(key: str, today: date | None = None) -> DrillDown:
    """The records behind the 首页 number `key` (one of KEYS)."""
    today = today or date.today()
    if key == INSURANCE_EXPIRED:
        return _members(key, QT_TRANSLATE_NOOP("Messages", "意外保险已过期的在队队员"), f.insurance_expired_query(today),
                        today)
    if key == INSURANCE_EXPIRING:
        return _members(key, QT_TRANSLATE_NOOP("Messages", "意外保险30天内到期的在队队员"),
                        f.insurance_expiring_query(today), today)
    if key == MEMBERS:
        return _members(key, QT_TRANSLATE_NOOP("Messages", "在队队员"), f.active_members(), today)
    if key == QUALIFICATIONS_EXPIRED:
        return _qualifications(key, QT_TRANSLATE_NOOP("Messages", "资质已过期"), f.qualifications_expired_query(today))
    if key == QUALIFICATIONS_EXPIRING:
        return _qualifications(key, QT_TRANSLATE_NOOP("Messages", "资质30天内到期"),
                               f.qualifications_expiring_query(today))
    if key == SHORT_SHIFTS:
        first, last = f.coming_days(today)
        return _shifts(key, QT_TRANSLATE_NOOP("Messages", "未来一周人手不足的班次"), f.short_shifts_query(first, last))
    if key == WEEK_SHIFTS:
        first, last = f.week_of(today)
        return _shifts(key, QT_TRANSLATE_NOOP("Messages", "本周班次"), f.week_shifts_query(first, last))
    if key == HOURS_MONTH:
        return _hours(key, today)
    if key == UNFILLED_WEEK:
        first, last = f.week_of(today)
        return _shifts(key, QT_TRANSLATE_NOOP("Messages", "本周人手不足的班次"), f.short_shifts_query(first, last))
    if key == OPEN_CASES:
        return _cases(key, QT_TRANSLATE_NOOP("Messages", "在办纠纷"), f.open_cases_query())
    if key == CONFIRMATIONS:
        return _cases(key, QT_TRANSLATE_NOOP("Messages", "可申请司法确认的调解协议"), f.confirmations_query(today))
    if key == OVERDUE_CASES:
        return _cases(key, QT_TRANSLATE_NOOP("Messages", "超期纠纷"), f.overdue_cases_query(today))
    if key == MEDIATED_MONTH:
        ids = work_figures.mediated_case_ids(today.replace(day=1), today)
        return _cases(key, QT_TRANSLATE_NOOP("Messages", "本月受理的矛盾纠纷"), Case.select().where(Case.id.in_(ids)))
    if key == SCHOOL_GATE_MONTH:
        shift_ids, activity_ids = work_figures.school_gate_items(today.replace(day=1), today)
        rows, ids = [], []
        for sid, day, start, post in (Shift.select(Shift.id, Shift.date, Shift.start, DutyPost.name).join(DutyPost)
                                      .where(Shift.id.in_(shift_ids)).order_by(Shift.date, Shift.start).tuples()):
            ids.append(sid)
            rows.append((QT_TRANSLATE_NOOP("Messages", "排班到岗"), format_date(day), str(start)[:5], post))
        for aid, day, place in (Activity.select(Activity.id, Activity.date, Activity.place)
                                .where(Activity.id.in_(activity_ids)).order_by(Activity.date).tuples()):
            ids.append(aid)
            rows.append((QT_TRANSLATE_NOOP("Messages", "工作记录"), format_date(day), "", place))
        return DrillDown(key, QT_TRANSLATE_NOOP("Messages", "本月护学岗执勤"),
                         (QT_TRANSLATE_NOOP("Messages", "来源"), QT_TRANSLATE_NOOP("Messages", "日期"),
                          QT_TRANSLATE_NOOP("Messages", "时间"), QT_TRANSLATE_NOOP("Messages", "岗位或地点")), rows, ids)
    if key == TEAMS:
        counts = dict(f.active_members().select(Member.team, fn.COUNT(Member.id)).group_by(Member.team).tuples())
        teams = list(f.live_teams_query().select(Team.id, Team.name, Team.station).order_by(Team.name).tuples())
        return DrillDown(key, QT_TRANSLATE_NOOP("Messages", "队伍"),
                         (QT_TRANSLATE_NOOP("Messages", "队伍"), QT_TRANSLATE_NOOP("Messages", "所属警务站"),
                          QT_TRANSLATE_NOOP("Messages", "在队人数")),
                         [(name, station, str(counts.get(tid, 0))) for tid, name, station in teams],
                         [tid for tid, _name, _station in teams])
    if key == CERTIFICATES:
        rows, ids = [], []
        for cid, serial, kind, name, issued in (f.certificates_query(today).select(
                Certificate.id, Certificate.serial, Certificate.type, Member.name, Certificate.issued_on).join(Member)
                .order_by(Certificate.issued_on, Certificate.serial).tuples()):
            ids.append(cid)
            rows.append((serial, kind, name, format_date(issued)))
        return DrillDown(key, QT_TRANSLATE_NOOP("Messages", "今年发出的证书"),
                         (QT_TRANSLATE_NOOP("Messages", "证书编号"), QT_TRANSLATE_NOOP("Messages", "类型"),
                          QT_TRANSLATE_NOOP("Messages", "姓名"), QT_TRANSLATE_NOOP("Messages", "签发日期")), rows, ids)
    raise KeyError(key)



