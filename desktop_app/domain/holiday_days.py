"""The words of the holiday calendar: 休 and 班 days, the layers an arrangement comes from (the State
Council's notice, the 自治区's notice of 肉孜节/古尔邦节, the office's own days), the holidays' names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .i18n import QT_TRANSLATE_NOOP

# a day off (holiday, 补休, a weekend inside a holiday) / a 调休 working day
REST, WORK = QT_TRANSLATE_NOOP("Vocabulary", "休"), QT_TRANSLATE_NOOP("Vocabulary", "班")
KINDS = (REST, WORK)

NATIONAL, XINJIANG, LOCAL = "national", "xinjiang", "local"
LAYERS = (NATIONAL, XINJIANG, LOCAL)
LAYER_NAMES = {NATIONAL: "国务院办公厅通知", XINJIANG: "自治区通知（肉孜节、古尔邦节）", LOCAL: "本单位"}

RAMADAN_EID, SACRIFICE_EID = "肉孜节", "古尔邦节"
XINJIANG_HOLIDAYS = (RAMADAN_EID, SACRIFICE_EID)

# The short names chinesecalendar gives and the week grid shows (清明 rather than 清明节).
_SHORT_NAMES = {"清明节": "清明", "端午节": "端午", "中秋节": "中秋", "元旦节": "元旦", "五一劳动节": "劳动节",
                "国庆": "国庆节", "农历除夕": "春节", "除夕": "春节"}
MAX_NAME_LENGTH = 40


@dataclass(frozen=True)
class ArrangedDay:
    """One day an arrangement names: 休 or 班, and the holiday it belongs to."""

    date: date
    kind: str
    name: str

    @property
    def line(self) -> str:
        """"2026-02-15 休 春节", the form the command line prints."""
        return f"{self.date.isoformat()} {self.kind} {self.name}".rstrip()


@dataclass(frozen=True)
class HolidayRow:
    """A stored day of the holiday table: which layer and which year's arrangement it belongs to."""

    date: date
    kind: str
    name: str
    layer: str
    year: int
    source: str
    confirmed: bool


@dataclass(frozen=True)
class DayInfo:
    """What the calendar says of one day. `kind` is 休 or 班 for a day an arrangement names and "" for an
    ordinary day (Monday–Friday work, weekend rest); `estimated` when the answer rests on an estimate."""

    date: date
    is_workday: bool
    kind: str = ""
    name: str = ""
    estimated: bool = False
    source: str = ""

    @property
    def holiday_name(self) -> str:
        """The holiday's name when the day is off for it (国庆节 …); "" for working days and plain weekends."""
        return self.name if self.kind == REST else ""

    @property
    def is_makeup_workday(self) -> bool:
        return self.kind == WORK


def is_weekend(d: date) -> bool:
    return d.isoweekday() > 5


def canonical_name(name: str) -> str:
    """One name per holiday whatever the wording: "清明节" → "清明", "国庆节、中秋节" → "国庆节、中秋"."""
    parts = [piece for part in name.replace("，", "、").replace(",", "、").split("、")
             for piece in re.split(r"(?<=节)(?=.)", part.strip()) if piece]
    seen: list[str] = []
    for part in parts:
        short = _SHORT_NAMES.get(part, part)
        if short not in seen:
            seen.append(short)
    return "、".join(seen)[:MAX_NAME_LENGTH]


def layer_source(layer: str, year: int | None = None) -> str:
    """The source written beside a stored day: which notice of which year, or 本单位."""
    if layer == NATIONAL:
        return f"国务院办公厅关于{year}年部分节假日安排的通知" if year else "国务院办公厅通知"
    if layer == XINJIANG:
        return f"自治区人民政府{year}年节假日安排通知" if year else "自治区人民政府通知"
    return "本单位"
