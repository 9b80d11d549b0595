"""Figures on dispute cases for a period (by received date): by category, kind, status, outcome and
month, the success rate, overdue and agreed amounts. Plain data for the 首页 and the reports.

The outcome is what mediation reached (调解成功 / 调解不成功 / 终止), taken from the workflow history,
so a successful case still counts as successful once it has moved on to 回访 and 结案.
Success rate = 调解成功 / (调解成功 + 调解不成功 + 终止); None when no case has an outcome yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from peewee import Case as SqlCase
from peewee import fn

from ...db.database import db
from ...db.dialect import text_month_of
from ...db.models import Case
from ...domain.vocabulary import (
    CASE_CATEGORIES,
    CASE_KINDS,
    CASE_STATUSES,
    FAILED,
    OPEN_CASE_STATUSES,
    SUCCEEDED,
    TERMINATED,
)
from .workflow import case_outcomes

OPEN_OUTCOME = "未结"  # by_outcome key for cases still open


@dataclass(frozen=True)
class CaseFigures:
    period_from: date
    period_to: date
    total: int
    by_category: dict[str, int]  # every category in CASE_CATEGORIES order, zeros included
    by_kind: dict[str, int]
    by_status: dict[str, int]  # current status
    by_outcome: dict[str, int]  # 调解成功, 调解不成功, 终止, 未结
    by_month: dict[str, int]  # "2024-01" → received that month, every month of the period
    succeeded: int
    failed: int
    terminated: int
    success_rate: float | None  # 0..1
    open_cases: int
    overdue: int  # still open and past the deadline on `as_of`
    agreement_amount_total: Decimal
    as_of: date

    @property
    def success_rate_text(self) -> str:
        return "—" if self.success_rate is None else f"{self.success_rate * 100:.1f}%"


def _months(start: date, end: date) -> list[str]:
    months, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def case_figures(period_from: date, period_to: date, as_of: date | None = None) -> CaseFigures:
    """Figures for the cases received from `period_from` to `period_to` inclusive (deleted ones left out)."""
    if period_to < period_from:
        raise ValueError("period_to before period_from")
    as_of = as_of or date.today()
    in_period = (Case.deleted_at.is_null()
                 & (Case.received_at >= datetime.combine(period_from, time()))
                 & (Case.received_at < datetime.combine(period_to + timedelta(days=1), time())))
    overdue_flag = SqlCase(None, [((Case.status.in_(OPEN_CASE_STATUSES)) & (Case.deadline < as_of), 1)], 0)
    month = text_month_of(Case.received_at)  # stored as "YYYY-MM-DD HH:MM:SS" in SQLite
    groups = (Case.select(Case.category, Case.kind, Case.status, month, fn.COUNT(Case.id), fn.SUM(overdue_flag))
              .where(in_period).group_by(Case.category, Case.kind, Case.status, month))
    by_category = dict.fromkeys(CASE_CATEGORIES, 0)
    by_kind = dict.fromkeys(CASE_KINDS, 0)
    by_status = dict.fromkeys(CASE_STATUSES, 0)
    by_month = dict.fromkeys(_months(period_from, period_to), 0)
    total = overdue = 0
    # aggregated in SQL and read through the raw cursor: a year of a prefecture is 20,000 cases
    for category, kind, status, received_month, count, late in db.execute_sql(*groups.sql()):
        total += count
        overdue += late or 0
        by_category[category] = by_category.get(category, 0) + count
        by_kind[kind] = by_kind.get(kind, 0) + count
        by_status[status] = by_status.get(status, 0) + count
        by_month[received_month] = by_month.get(received_month, 0) + count

    outcomes = case_outcomes(where=in_period)
    by_outcome = dict.fromkeys((SUCCEEDED, FAILED, TERMINATED), 0)
    for outcome in outcomes.values():
        by_outcome[outcome] += 1
    by_outcome[OPEN_OUTCOME] = by_status[OPEN_CASE_STATUSES[0]] + by_status[OPEN_CASE_STATUSES[1]]
    amounts = Case.select(Case.id, Case.agreement_amount).where(in_period, Case.agreement_amount.is_null(False))
    amount = sum((Decimal(str(value)) for case_id, value in db.execute_sql(*amounts.sql())
                  if outcomes.get(case_id) == SUCCEEDED), Decimal("0")).quantize(Decimal("0.01"))

    succeeded, failed, terminated = by_outcome[SUCCEEDED], by_outcome[FAILED], by_outcome[TERMINATED]
    ended = succeeded + failed + terminated
    return CaseFigures(
        period_from=period_from, period_to=period_to, total=total, by_category=by_category,
        by_kind=by_kind, by_status=by_status, by_outcome=by_outcome, by_month=by_month,
        succeeded=succeeded, failed=failed, terminated=terminated,
        success_rate=succeeded / ended if ended else None,
        open_cases=by_outcome[OPEN_OUTCOME], overdue=overdue, agreement_amount_total=amount, as_of=as_of,
    )
