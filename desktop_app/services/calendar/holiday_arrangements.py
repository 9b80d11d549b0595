"""Entering a year's arrangement into the holiday table: the State Council's notice (national), the
自治区's notice of 肉孜节/古尔邦节 (xinjiang), or the office's own days (local).

A notice is read first (`read_notice`: the days it names for the layer, the holidays left out, the sentences
it could not read); only a notice read completely may be applied, and applying replaces that layer's
arrangement for the year in one transaction. Afterwards the open cases whose deadlines count working days
are recomputed, since a deadline counted over an estimate may move.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from ...db.database import db
from ...db.models import Holiday
from ...domain.holiday_days import (
    KINDS,
    LAYER_NAMES,
    LAYERS,
    LOCAL,
    MAX_NAME_LENGTH,
    NATIONAL,
    REST,
    WORK,
    ArrangedDay,
    is_weekend,
    layer_source,
)
from ...domain.holiday_notice import days_for_layer, parse_notice
from ...domain.i18n import QT_TRANSLATE_NOOP, Message
from .. import audit
from ..accounts.roles import SETTINGS, requires
from . import working_days

YEAR_RANGE = (1950, 2100)


class ArrangementRefused(ValueError):
    """An arrangement that may not be stored; `problems` says why, in Chinese, one line each."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("；".join(problems))
        self.problems = tuple(problems)
        self.message = "；".join(problems)

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class NoticeReading:
    layer: str
    year: int | None
    days: tuple[ArrangedDay, ...]
    skipped: tuple[str, ...]  # holidays of the text that belong to another layer
    problems: tuple[str, ...]  # "无法读取：“…”（…）", one per sentence

    @property
    def complete(self) -> bool:
        return self.year is not None and bool(self.days) and not self.problems


@dataclass(frozen=True)
class SaveResult:
    layer: str
    year: int
    rest_days: int
    work_days: int
    deadlines_moved: int

    @property
    def summary(self) -> str:
        text = f"{LAYER_NAMES[self.layer]}：{self.year}年已保存，休 {self.rest_days} 天，班 {self.work_days} 天"
        if self.deadlines_moved:
            text += f"；{self.deadlines_moved} 件案件的办理期限已按新安排重算"
        return text


def read_notice(text: str, layer: str = NATIONAL, default_year: int | None = None) -> NoticeReading:
    """What the pasted text of a notice gives for `layer` (nothing is stored)."""
    parsed = parse_notice(text, default_year)
    days, skipped = days_for_layer(parsed, layer)
    problems = [p.text for p in parsed.problems]
    if parsed.year is not None and not parsed.problems and not days:
        problems.append(
            Message(QT_TRANSLATE_NOOP("Messages", "通知中没有属于“{layer_names_layer}”的放假日期"),
                    layer_names_layer=LAYER_NAMES[layer]))
    return NoticeReading(layer, parsed.year, days, skipped, tuple(problems))


def arrangement(layer: str, year: int) -> tuple[list[ArrangedDay], bool]:
    """The layer's days for the year and whether they are an estimate (nothing entered yet)."""
    stored = [ArrangedDay(d, kind, name) for d, kind, name in Holiday.select(Holiday.date, Holiday.kind, Holiday.name)
              .where(Holiday.layer == layer, Holiday.year == year).order_by(Holiday.date).tuples()]
    if stored or layer == LOCAL:
        return stored, False
    return working_days.current().layer_days(layer, year), True


def check_arrangement(layer: str, year: int, days: Sequence[ArrangedDay]) -> list[str]:
    """What is wrong with an arrangement (empty when it may be stored)."""
    problems: list[str] = []
    if layer not in LAYERS:
        problems.append(Message(QT_TRANSLATE_NOOP("Messages", "未知的节假日类别“{layer}”"), layer=layer))
    if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
        problems.append(
            Message(QT_TRANSLATE_NOOP("Messages", "年份{year}超出范围（{first_year}–{last_year}）"),
                    year=year, first_year=YEAR_RANGE[0], last_year=YEAR_RANGE[1]))
    if layer != LOCAL and not any(day.kind == REST for day in days):
        problems.append(Message(QT_TRANSLATE_NOOP("Messages", "{year}年的安排中没有放假日期"), year=year))
    seen: set[date] = set()
    for day in days:
        label = Message(QT_TRANSLATE_NOOP("Messages", "{month}月{day}日"), month=day.date.month,
                        day=day.date.day)
        if day.date in seen:
            problems.append(Message(QT_TRANSLATE_NOOP("Messages", "{label}出现了两次"), label=label))
        seen.add(day.date)
        if abs(day.date.year - year) > 1:
            problems.append(
                Message(QT_TRANSLATE_NOOP("Messages", "{year}年{label}不属于{year_}年的安排"),
                        year=day.date.year, label=label, year_=year))
        if day.kind not in KINDS:
            problems.append(Message(QT_TRANSLATE_NOOP("Messages", "{label}只能是“休”或“班”"), label=label))
        elif day.kind == WORK and not is_weekend(day.date):
            problems.append(Message(QT_TRANSLATE_NOOP("Messages", "{label}本是工作日，不能标为调休上班"), label=label))
        if len(day.name) > MAX_NAME_LENGTH:
            problems.append(
                Message(QT_TRANSLATE_NOOP("Messages", "{label}的节日名称不能超过{max_name_length}个字"),
                        label=label, max_name_length=MAX_NAME_LENGTH))
        if any(ord(ch) < 32 or 0xD800 <= ord(ch) <= 0xDFFF for ch in day.name):
            problems.append(Message(QT_TRANSLATE_NOOP("Messages", "{label}的节日名称含有无法保存的字符"), label=label))
    return problems


@requires(SETTINGS)
def save_arrangement(layer: str, year: int, days: Sequence[ArrangedDay], confirmed: bool = True,
                     source: str | None = None) -> SaveResult:
    """Store `days` as `layer`'s arrangement for `year`, replacing what was there, in one transaction;
    raise `ArrangementRefused` (storing nothing) when `check_arrangement` finds a problem."""
    days = sorted(days, key=lambda d: d.date)
    problems = check_arrangement(layer, year, days)
    if problems:
        raise ArrangementRefused(problems)
    source = source or layer_source(layer, year)
    new_dates = {d.date for d in days}
    with db.atomic():
        old = Holiday.select(Holiday.id, Holiday.date).where(
            (Holiday.layer == layer) & ((Holiday.year == year) | Holiday.date.in_(list(new_dates) or [date.min])))
        old_rows = list(old.tuples())
        Holiday.delete().where(Holiday.id.in_([row_id for row_id, _ in old_rows] or [0])).execute()
        now = datetime.now()
        if days:
            Holiday.insert_many([
                {"date": d.date, "kind": d.kind, "name": d.name.strip(), "layer": layer, "year": year,
                 "source": source, "confirmed": confirmed, "created_at": now, "updated_at": now,
                 "uuid": uuid.uuid4().hex} for d in days
            ]).execute()
        rest = sum(1 for d in days if d.kind == REST)
        audit.record("修改", "holiday", "", f"节假日安排：{LAYER_NAMES[layer]} {year}年，休 {rest} 天，"
                                           f"班 {len(days) - rest} 天" + ("" if confirmed else "（未确认）"))
    working_days.invalidate()
    old_dates = [d if isinstance(d, date) else date.fromisoformat(str(d)) for _, d in old_rows]
    changed_from = min([*old_dates, *new_dates, date(year, 1, 1)])
    from ..cases.workflow import recompute_deadlines  # cases depend on the calendar, not the other way

    moved = recompute_deadlines(changed_from)
    return SaveResult(layer, year, rest, len(days) - rest, moved)


@requires(SETTINGS)
def apply_notice(text: str, layer: str = NATIONAL, default_year: int | None = None) -> SaveResult:
    """Read the notice and store what it names as the confirmed arrangement of its year; a notice not read
    completely raises `ArrangementRefused` naming each sentence, and changes nothing."""
    reading = read_notice(text, layer, default_year)
    if not reading.complete or reading.year is None:
        raise ArrangementRefused(reading.problems or (QT_TRANSLATE_NOOP("Messages", "通知中没有找到放假日期"),))
    return save_arrangement(layer, reading.year, reading.days)
