"""Estimated days off for a year whose notice has not been entered yet.

National: the statutory holidays of 《全国年节及纪念日放假办法》 (as revised in 2024: 春节 from 除夕, four days;
劳动节 two days; 元旦, 清明, 端午, 中秋 one day; 国庆 three days), with a holiday that falls on a weekend made
up on the next working day (the 办法's 补假), and no 调休 — the State Council decides those each November.
The dates (lunar festivals, 清明) come from the `holidays` package.

新疆: 肉孜节 on 1 Shawwal and 古尔邦节 on 10 Dhu al-Hijjah of the Umm al-Qura calendar (the `hijridate`
package); the 自治区 gives 肉孜节 one day and 古尔邦节 three, a day falling on a weekend or another
holiday moved to the next working day (2025: 肉孜节 3月29日–31日, 古尔邦节 6月6日–10日, each with its weekend).
The 自治区 announces the dates by sighting of the moon, so they may differ by a day: an estimate only.

Each estimated holiday is widened over the weekend next to it, the way a notice names "4月4日至6日".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import lru_cache

import holidays
from hijridate import Gregorian, Hijri

from .holiday_days import RAMADAN_EID, REST, SACRIFICE_EID, ArrangedDay, canonical_name, is_weekend

XINJIANG_DAYS_OFF = {RAMADAN_EID: 1, SACRIFICE_EID: 3}
_HIJRI_DATES = {RAMADAN_EID: (10, 1), SACRIFICE_EID: (12, 10)}
NATIONAL_SOURCE = "按《全国年节及纪念日放假办法》预估（未含调休）"
XINJIANG_SOURCE = "按伊斯兰历（乌姆库拉历）预估"


@lru_cache(maxsize=64)
def national_estimate(year: int) -> tuple[ArrangedDay, ...]:
    """The year's statutory days off with their 补假, and the weekends next to them, sorted."""
    try:
        found = holidays.country_holidays("CN", years=year, language="zh_CN", observed=True)
    except (NotImplementedError, ValueError, KeyError):
        return ()
    by_name: dict[str, set[date]] = {}
    for day, label in sorted(found.items()):
        names = [part for part in str(label).split("; ") if "调休" not in part]  # the library's known 调休
        if not names:
            continue
        name = canonical_name("、".join(n.replace("（补假）", "").replace("（补假，推定）", "")
                                        .replace("（推定）", "") for n in names))
        by_name.setdefault(name, set()).add(day)
    return _blocks(by_name, year)


def _blocks(by_name: dict[str, set[date]], year: int) -> tuple[ArrangedDay, ...]:
    taken: dict[date, ArrangedDay] = {}
    for name, days in sorted(by_name.items(), key=lambda item: min(item[1])):
        first, last = min(days), max(days)
        block = {first + timedelta(days=n) for n in range((last - first).days + 1)
                 if first + timedelta(days=n) in days or is_weekend(first + timedelta(days=n))}
        before, after = first - timedelta(days=1), last + timedelta(days=1)
        while is_weekend(before):
            block.add(before)
            before -= timedelta(days=1)
        while is_weekend(after):
            block.add(after)
            after += timedelta(days=1)
        for d in block:
            if d.year == year and d not in taken:
                taken[d] = ArrangedDay(d, REST, name)
    return tuple(taken[d] for d in sorted(taken))


def islamic_holiday_dates(year: int) -> list[tuple[str, date]]:
    """(name, day) of 肉孜节 and 古尔邦节 falling in `year` by the Umm al-Qura calendar; [] outside its
    range (1924–2077)."""
    found = []
    try:
        hijri_year = Gregorian(year, 1, 1).to_hijri().year
    except (OverflowError, ValueError):
        return []
    for h in (hijri_year - 1, hijri_year, hijri_year + 1):
        for name, (month, day) in _HIJRI_DATES.items():
            try:
                g = Hijri(h, month, day).to_gregorian()
            except (OverflowError, ValueError):
                continue
            if g.year == year:
                found.append((name, date(g.year, g.month, g.day)))
    return sorted(found, key=lambda item: item[1])


def xinjiang_estimate(year: int, is_day_off: Callable[[date], bool]) -> tuple[ArrangedDay, ...]:
    """The estimated 肉孜节 and 古尔邦节 days of `year`; `is_day_off` says which days are off already
    (weekends, national holidays), so that the holiday's own days move past them."""
    by_name: dict[str, set[date]] = {}
    for name, first in islamic_holiday_dates(year):
        days: set[date] = set()
        d = first
        while len(days) < XINJIANG_DAYS_OFF[name]:
            if not is_day_off(d):
                days.add(d)
            d += timedelta(days=1)
        if is_weekend(first):
            days.add(first)  # the block then takes in the weekend it fell on
        by_name.setdefault(f"{name}#{first.isoformat()}", set()).update(days)
    estimated: dict[date, ArrangedDay] = {}
    for key, days in by_name.items():
        name = key.split("#")[0]
        for day in _blocks({name: days}, year):
            estimated.setdefault(day.date, day)
    return tuple(estimated[d] for d in sorted(estimated))
