"""The working-day calendar: stored arrangements first, estimates for the years not entered yet.

For a day it looks, in order, at the office's own days (本单位), the 自治区's 肉孜节/古尔邦节 (for an office that
counts them), then the State Council's arrangement. A layer whose year has no stored arrangement is
estimated (`holiday_estimates`), and every answer resting on an estimate says so (`DayInfo.estimated`): for
the national layer that is every day of such a year, since any weekend may become a 调休 working day.

The rows come from `load_year(year)`: the stored days whose date falls in that year or that belong to that
year's arrangement; each year is loaded once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from .dates import add_working_days
from .holiday_days import LOCAL, NATIONAL, REST, WORK, XINJIANG, ArrangedDay, DayInfo, HolidayRow, is_weekend
from .holiday_estimates import NATIONAL_SOURCE, XINJIANG_SOURCE, national_estimate, xinjiang_estimate


@dataclass(frozen=True)
class YearStatus:
    """Whether a year's arrangements are entered: None = not entered (estimated), False = entered but not
    confirmed, True = confirmed. `xinjiang` is None too for an office that does not count those holidays."""

    year: int
    national: bool | None
    xinjiang: bool | None
    counts_xinjiang: bool

    @property
    def national_missing(self) -> bool:
        return self.national is not True

    @property
    def xinjiang_missing(self) -> bool:
        return self.counts_xinjiang and self.xinjiang is not True


@dataclass
class _Year:
    rows: dict[str, dict[date, HolidayRow]]
    arranged: dict[str, bool]  # layer → every stored day of that year's arrangement confirmed
    national_estimate: dict[date, ArrangedDay] | None = None
    xinjiang_estimate: dict[date, ArrangedDay] | None = None
    info: dict[date, DayInfo] = field(default_factory=dict)


class HolidayCalendar:
    def __init__(self, load_year: Callable[[int], Iterable[HolidayRow]], counts_xinjiang: bool = False) -> None:
        self._load_year = load_year
        self.counts_xinjiang = counts_xinjiang
        self._years: dict[int, _Year] = {}

    @classmethod
    def from_rows(cls, rows: Iterable[HolidayRow], counts_xinjiang: bool = False) -> HolidayCalendar:
        """A calendar over rows held in memory (tests, the seed, a preview)."""
        stored = list(rows)
        return cls(lambda year: [r for r in stored if r.date.year == year or r.year == year], counts_xinjiang)

    def counting_xinjiang(self, counts: bool) -> HolidayCalendar:
        """The same stored days, with or without 新疆's holidays (the dialog shows them while they are entered)."""
        return self if counts == self.counts_xinjiang else HolidayCalendar(self._load_year, counts)

    def with_arrangement(self, layer: str, year: int, days: Sequence[ArrangedDay], source: str = "",
                         confirmed: bool = True) -> HolidayCalendar:
        """This calendar as it would be with `days` stored as `layer`'s arrangement for `year` (a preview)."""
        draft = [HolidayRow(d.date, d.kind, d.name, layer, year, source, confirmed) for d in days]
        draft_dates = {d.date for d in days}

        def load(y: int) -> list[HolidayRow]:
            kept = [r for r in self._load_year(y)
                    if not (r.layer == layer and (r.year == year or r.date in draft_dates))]
            return kept + [r for r in draft if r.date.year == y or r.year == y]

        return HolidayCalendar(load, self.counts_xinjiang)

    # --- loading ---------------------------------------------------------------------------------

    def _year(self, year: int) -> _Year:
        known = self._years.get(year)
        if known is None:
            rows: dict[str, dict[date, HolidayRow]] = {NATIONAL: {}, XINJIANG: {}, LOCAL: {}}
            arranged: dict[str, bool] = {}
            for row in self._load_year(year):
                if row.date.year == year:
                    rows.setdefault(row.layer, {})[row.date] = row
                if row.year == year:
                    arranged[row.layer] = arranged.get(row.layer, True) and row.confirmed
            known = self._years[year] = _Year(rows, arranged)
        return known

    def _national_estimate(self, y: _Year, year: int) -> dict[date, ArrangedDay]:
        if y.national_estimate is None:
            y.national_estimate = {d.date: d for d in national_estimate(year)}
        return y.national_estimate

    def _xinjiang_estimate(self, y: _Year, year: int) -> dict[date, ArrangedDay]:
        if y.xinjiang_estimate is None:
            y.xinjiang_estimate = {}
            days = xinjiang_estimate(year, lambda d: not self._national_info(d).is_workday)
            y.xinjiang_estimate = {d.date: d for d in days}
        return y.xinjiang_estimate

    # --- answers ---------------------------------------------------------------------------------

    def _national_info(self, d: date) -> DayInfo:
        y = self._year(d.year)
        row = y.rows[NATIONAL].get(d)
        if row is not None:
            return _from_row(row)
        if NATIONAL in y.arranged:
            return DayInfo(d, not is_weekend(d), estimated=not y.arranged[NATIONAL])
        estimate = self._national_estimate(y, d.year).get(d)
        if estimate is not None:
            return DayInfo(d, False, REST, estimate.name, True, NATIONAL_SOURCE)
        return DayInfo(d, not is_weekend(d), estimated=True, source=NATIONAL_SOURCE)

    def day_info(self, d: date) -> DayInfo:
        y = self._year(d.year)
        info = y.info.get(d)
        if info is not None:
            return info
        info = self._day_info(d, y)
        y.info[d] = info
        return info

    def _day_info(self, d: date, y: _Year) -> DayInfo:
        row = y.rows[LOCAL].get(d)
        if row is not None:
            return _from_row(row)
        if self.counts_xinjiang:
            row = y.rows[XINJIANG].get(d)
            if row is not None:
                return _from_row(row)
            if XINJIANG not in y.arranged:
                estimate = self._xinjiang_estimate(y, d.year).get(d)
                if estimate is not None:
                    return DayInfo(d, False, REST, estimate.name, True, XINJIANG_SOURCE)
        return self._national_info(d)

    def is_workday(self, d: date) -> bool:
        return self.day_info(d).is_workday

    def is_school_day(self, d: date, vacations: Iterable[tuple[date, date]] = ()) -> bool:
        return self.is_workday(d) and not any(start <= d <= end for start, end in vacations)

    def add_working_days(self, start: date, n: int) -> date:
        return add_working_days(start, n, self)

    def estimated_between(self, after: date, until: date) -> bool:
        """Whether any day after `after` up to `until` (inclusive) rests on an estimate."""
        d = after + timedelta(days=1)
        while d <= until:
            if self.day_info(d).estimated:
                return True
            d += timedelta(days=1)
        return False

    def year_days(self, year: int) -> list[DayInfo]:
        first = date(year, 1, 1)
        return [self.day_info(first + timedelta(days=n)) for n in range((date(year, 12, 31) - first).days + 1)]

    def arranged_days(self, year: int) -> list[DayInfo]:
        """The year's 休 and 班 days (not the plain weekends), as `holidays list` prints them."""
        return [info for info in self.year_days(year) if info.kind in (REST, WORK)]

    def year_status(self, year: int) -> YearStatus:
        y = self._year(year)
        return YearStatus(year, y.arranged.get(NATIONAL), y.arranged.get(XINJIANG) if self.counts_xinjiang else None,
                          self.counts_xinjiang)

    def estimated_xinjiang_days(self, year: int) -> list[ArrangedDay]:
        """The estimated 肉孜节/古尔邦节 days of a year not entered yet ([] once entered or when not counted)."""
        y = self._year(year)
        if not self.counts_xinjiang or XINJIANG in y.arranged:
            return []
        return sorted(self._xinjiang_estimate(y, year).values(), key=lambda d: d.date)

    def layer_days(self, layer: str, year: int) -> list[ArrangedDay]:
        """What `layer` says for `year`: its stored days, else (national, 新疆) its estimate."""
        y = self._year(year)
        stored = [ArrangedDay(r.date, r.kind, r.name) for r in self._load_year(year)
                  if r.layer == layer and r.year == year]
        if stored or layer == LOCAL or layer in y.arranged:
            return sorted(stored, key=lambda d: d.date)
        if layer == NATIONAL:
            return sorted(self._national_estimate(y, year).values(), key=lambda d: d.date)
        return sorted(xinjiang_estimate(year, lambda d: not self._national_info(d).is_workday), key=lambda d: d.date)


def _from_row(row: HolidayRow) -> DayInfo:
    return DayInfo(row.date, row.kind == WORK, row.kind, row.name, not row.confirmed, row.source)
