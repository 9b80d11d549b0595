"""Report periods: a month ("2026-11"), a quarter ("2026-Q4") or a year ("2026"), with their first and last
day and the way a report names them (2026年11月, 2026年第四季度, 2026年)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from .errors import FieldError
from .i18n import QT_TRANSLATE_NOOP, Message
from .text_folding import fold_fullwidth

MONTH, QUARTER, YEAR = "month", "quarter", "year"
_QUARTER_NAMES = ("一", "二", "三", "四")
_MONTH_TEXT = re.compile(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?")
_QUARTER_TEXT = re.compile(r"(\d{4})\s*-?\s*Q\s*([1-4])", re.IGNORECASE)
_YEAR_TEXT = re.compile(r"(\d{4})\s*年?")


@dataclass(frozen=True)
class Period:
    kind: str  # month / quarter / year
    year: int
    number: int  # the month (1–12) or the quarter (1–4); 0 for a year

    @property
    def start(self) -> date:
        if self.kind == MONTH:
            return date(self.year, self.number, 1)
        if self.kind == QUARTER:
            return date(self.year, 3 * self.number - 2, 1)
        return date(self.year, 1, 1)

    @property
    def end(self) -> date:
        last_month = {MONTH: self.number, QUARTER: 3 * self.number, YEAR: 12}[self.kind]
        return date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])

    @property
    def label(self) -> str:
        """2026年11月, 2026年第四季度, 2026年"""
        if self.kind == MONTH:
            return f"{self.year}年{self.number}月"
        if self.kind == QUARTER:
            return f"{self.year}年第{_QUARTER_NAMES[self.number - 1]}季度"
        return f"{self.year}年"

    @property
    def code(self) -> str:
        """2026-11, 2026-Q4, 2026"""
        if self.kind == MONTH:
            return f"{self.year}-{self.number:02d}"
        if self.kind == QUARTER:
            return f"{self.year}-Q{self.number}"
        return str(self.year)

    @property
    def report_name(self) -> str:
        """月报 / 季报 / 年报"""
        return {MONTH: "月报", QUARTER: "季报", YEAR: "年报"}[self.kind]

    def months(self) -> list[tuple[int, int]]:
        first = self.start.month
        return [(self.year, month) for month in range(first, self.end.month + 1)]


def month_of(day: date) -> Period:
    return Period(MONTH, day.year, day.month)


def parse_period(text: str) -> Period:
    """"2026-11", "2026年11月", "2026-Q4", "2026" → the Period; FieldError otherwise."""
    folded = fold_fullwidth(text or "").strip()
    for pattern, kind in ((_QUARTER_TEXT, QUARTER), (_MONTH_TEXT, MONTH), (_YEAR_TEXT, YEAR)):
        match = pattern.fullmatch(folded)
        if match:
            year = int(match.group(1))
            number = int(match.group(2)) if kind != YEAR else 0
            if not 1900 <= year <= 2100 or (kind == MONTH and not 1 <= number <= 12):
                break
            return Period(kind, year, number)
    raise FieldError("period", Message(QT_TRANSLATE_NOOP(
        "Messages", "无法识别的期间“{text}”，请写成 2026-11（月）、2026-Q4（季度）或 2026（年）"), text=text))
