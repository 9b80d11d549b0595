"""Reading the text of a holiday notice as published: the 国务院办公厅's yearly 部分节假日安排 and the
自治区人民政府's, which adds 肉孜节 and 古尔邦节.

A notice has one numbered section per holiday ("二、春节：…" or "（三）肉孜节：…"); each section's sentences
say which days are off ("2月10日至17日放假调休，共8天", "1月1日（周三）放假1天", "1月1日放假，与周末连休",
"1月2日（星期一）补休") and which weekend days are worked ("2月4日（星期日）、2月18日（星期日）上班").
Every day of a 放假 range is 休, weekends inside it included; each 上班 day is 班. Everything outside the
holiday sections (the preamble, the closing words, the 作息时间 of a 自治区 notice) is not read.

A sentence inside a holiday section that names a date but says nothing this parser knows is reported by
`ParsedNotice.problems`, so that a notice read only in part is never applied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .holiday_days import (
    LOCAL,
    REST,
    WORK,
    XINJIANG,
    XINJIANG_HOLIDAYS,
    ArrangedDay,
    canonical_name,
    is_weekend,
)
from .i18n import QT_TRANSLATE_NOOP, Message

_DIGITS = {ord(ch): ord("0") + i for i, ch in enumerate("０１２３４５６７８９")}
_PUNCTUATION = str.maketrans({"(": "（", ")": "）", ":": "：", ",": "，", ";": "；", "﹕": "："})
_SPACES = re.compile(r"[ \t\u3000\u00a0\u200b]+")

_NUMERAL = "一二三四五六七八九十"
_HEADING = re.compile(
    rf"^(?:[{_NUMERAL}]+[、.．]|（[{_NUMERAL}\d]+）|\d+[、.．])?(?P<name>[^：。，；、]{{1,12}}(?:、[^：。，；、]{{1,12}})*)："
    r"(?P<body>.*)$")
_NUMBERED = re.compile(rf"^(?:[{_NUMERAL}]+[、.．]|（[{_NUMERAL}\d]+）|\d+[、.．])")
_SECTION_START = re.compile(rf"(?<=[。；])(?=[{_NUMERAL}]+、|（[{_NUMERAL}]+）)")

_DATE = r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日"
_ANY_DATE = re.compile(r"\d{1,2}月\d{1,2}日")
_FULL_DATE = re.compile(r"^\D{0,20}\d{4}年\d{1,2}月\d{1,2}日$")
_PARENTHESES = re.compile(r"（[^（）]*）")
_RANGE_OFF = re.compile(rf"^{_DATE}至(?:{_DATE}|(\d{{1,2}})日)(?:放假调休|调休放假|放假|休息|休假)(?:共?(\d+)天)?$")
_DAYS_OFF = re.compile(rf"^{_DATE}((?:、(?:\d{{1,2}}月)?\d{{1,2}}日)*)(?:放假调休|调休放假|放假|补休|休息|休假|调休)"
                       r"(?:共?(\d+)天)?$")
_DAYS_WORKED = re.compile(rf"^{_DATE}((?:、(?:\d{{1,2}}月)?\d{{1,2}}日)*)(?:照常)?上班$")
_LIST_ITEM = re.compile(r"(?:(\d{1,2})月)?(\d{1,2})日")
_COUNT = re.compile(r"^共(\d+)天$")
_JOIN_WEEKEND = re.compile(r"^与周[末六日]连休$")
_INFO = re.compile(rf"^{_DATE}(?:为|是).*节.*$")
_ACTIONS = ("放假", "上班", "休", "调休")
_YEAR_PATTERNS = (re.compile(r"关于(\d{4})年"), re.compile(r"现将(?:我区|本区|我省)?(\d{4})年"),
                  re.compile(r"(\d{4})年(?:元旦|春节|部分节假日|节假日)"))
_ADVICE = ("鼓励", "建议", "倡导", "提倡")


@dataclass(frozen=True)
class NoticeProblem:
    sentence: str
    reason: str

    @property
    def text(self) -> str:
        return Message(QT_TRANSLATE_NOOP("Messages", "无法读取：“{sentence}”（{reason}）"), sentence=self.sentence,
                       reason=self.reason)


@dataclass(frozen=True)
class ParsedNotice:
    year: int | None
    days: tuple[ArrangedDay, ...]
    problems: tuple[NoticeProblem, ...]
    holidays: tuple[str, ...] = ()  # the names of the sections read, in the notice's order

    @property
    def complete(self) -> bool:
        """Every holiday sentence was read and at least one day found: only then may it be applied."""
        return self.year is not None and bool(self.days) and not self.problems

    def lines(self) -> list[str]:
        return [day.line for day in self.days]


class _SentenceError(ValueError):
    pass


def _normalise(text: str) -> list[str]:
    text = (text or "").translate(_DIGITS).translate(_PUNCTUATION).replace("\r\n", "\n").replace("\r", "\n")
    lines: list[str] = []
    for raw in text.split("\n"):
        line = _SPACES.sub("", raw)
        lines.extend(part for part in _SECTION_START.split(line) if part)
    return lines


def notice_year(text: str) -> int | None:
    """The year the notice arranges ("关于2026年部分节假日安排", "现将2026年元旦…"), or None."""
    folded = _SPACES.sub("", (text or "").translate(_DIGITS))
    for pattern in _YEAR_PATTERNS:
        match = pattern.search(folded)
        if match:
            return int(match.group(1))
    return None


def is_holiday_heading(name: str) -> bool:
    parts = name.split("、")
    return all(part == "元旦" or (part.endswith("节") and len(part) <= 8) for part in parts)


def _sections(lines: list[str]) -> list[tuple[str, str]]:
    """(holiday name, body) of each holiday section; a body runs on over wrapped lines until a sentence ends."""
    sections: list[tuple[str, str]] = []
    current: list[str] | None = None
    name = ""
    for line in lines:
        heading = _HEADING.match(line)
        if heading or _NUMBERED.match(line):
            if current is not None:
                sections.append((name, "".join(current)))
            current = None
            if heading and is_holiday_heading(heading.group("name")):
                name, current = heading.group("name"), [heading.group("body")]
            continue
        if current is not None:
            if "".join(current).endswith("。"):
                sections.append((name, "".join(current)))
                current = None
            else:
                current.append(line)
    if current is not None:
        sections.append((name, "".join(current)))
    return sections


def _make_date(year_text: str | None, month: int, day: int, year: int, name: str) -> date:
    if year_text:
        year = int(year_text)
    elif month == 12 and "元旦" in name:
        year -= 1  # a 元旦 arrangement may start in the last days of the year before
    try:
        return date(year, month, day)
    except ValueError:
        raise _SentenceError(
            Message(QT_TRANSLATE_NOOP("Messages", "{month}月{day}日不存在"), month=month, day=day)) from None


def _span(first: date, last: date) -> list[date]:
    if last < first:
        raise _SentenceError(QT_TRANSLATE_NOOP("Messages", "结束日期早于开始日期"))
    if (last - first).days > 40:
        raise _SentenceError(QT_TRANSLATE_NOOP("Messages", "放假时间超过40天"))
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _listed(first: date, rest: str, year: int, name: str) -> list[date]:
    days, month = [first], first.month
    for month_text, day_text in _LIST_ITEM.findall(rest):
        month = int(month_text) if month_text else month
        days.append(_make_date(None, month, int(day_text), year, name))
    return days


def _check_count(count: str | None, days: list[date]) -> None:
    if count and int(count) != len(days):
        raise _SentenceError(
            Message(QT_TRANSLATE_NOOP("Messages", "共{count}天与所列日期（{days_count}天）不符"),
                    count=count, days_count=len(days)))


def _read_sentence(sentence: str, year: int, name: str, off: list[date], worked: list[date]) -> None:
    """Add the days one sentence names to `off` and `worked`; raise `_SentenceError` if it cannot be read."""
    clauses = [c for c in re.split(r"[，；]", _PARENTHESES.sub("", sentence)) if c]
    last_off: list[date] = []
    for clause in clauses:
        if m := _RANGE_OFF.match(clause):
            first = _make_date(m.group(1), int(m.group(2)), int(m.group(3)), year, name)
            if m.group(7):
                last = _make_date(None, first.month, int(m.group(7)), first.year, "")
            else:
                last = _make_date(m.group(4), int(m.group(5)), int(m.group(6)), first.year, "")
                if last < first and not m.group(4):
                    last = last.replace(year=last.year + 1)  # "12月30日至1月1日"
            last_off = _span(first, last)
            _check_count(m.group(8), last_off)
            off.extend(last_off)
        elif m := _DAYS_OFF.match(clause):
            first = _make_date(m.group(1), int(m.group(2)), int(m.group(3)), year, name)
            last_off = _listed(first, m.group(4), first.year, "")
            _check_count(m.group(5), last_off)
            off.extend(last_off)
        elif m := _DAYS_WORKED.match(clause):
            first = _make_date(m.group(1), int(m.group(2)), int(m.group(3)), year, name)
            worked.extend(_listed(first, m.group(4), first.year, ""))
        elif m := _COUNT.match(clause):
            if not last_off:
                raise _SentenceError(
                    Message(QT_TRANSLATE_NOOP("Messages", "“{clause}”前没有放假日期"), clause=clause))
            _check_count(m.group(1), last_off)
        elif _JOIN_WEEKEND.match(clause):
            if not last_off:
                raise _SentenceError(
                    Message(QT_TRANSLATE_NOOP("Messages", "“{clause}”前没有放假日期"), clause=clause))
            off.extend(_adjacent_weekend(last_off))
        elif _ANY_DATE.search(clause):
            if _INFO.match(clause) or _FULL_DATE.match(clause):
                continue  # "3月31日是肉孜节" (the day itself; the days off follow), a date of signature
            if not any(action in clause for action in _ACTIONS):
                raise _SentenceError(QT_TRANSLATE_NOOP("Messages", "没有说明放假还是上班"))
            raise _SentenceError(QT_TRANSLATE_NOOP("Messages", "句式无法识别"))


def _adjacent_weekend(days: list[date]) -> list[date]:
    extra = []
    before, after = min(days) - timedelta(days=1), max(days) + timedelta(days=1)
    while is_weekend(before):
        extra.append(before)
        before -= timedelta(days=1)
    while is_weekend(after):
        extra.append(after)
        after += timedelta(days=1)
    return extra


def _fill_weekend_gaps(off: set[date], worked: set[date]) -> set[date]:
    """Weekend days between two days off of one holiday ("4月5日放假，4月7日补休") are off as well."""
    filled = set(off)
    ordered = sorted(off)
    for a, b in zip(ordered, ordered[1:], strict=False):
        gap = [a + timedelta(days=n) for n in range(1, (b - a).days)]
        if gap and len(gap) <= 2 and all(is_weekend(d) and d not in worked for d in gap):
            filled.update(gap)
    return filled


def parse_notice(text: str, default_year: int | None = None) -> ParsedNotice:
    """The days a notice names, sorted, and the sentences it could not read. The year comes from the
    notice ("关于2027年部分节假日安排…"), else `default_year`."""
    year = notice_year(text) or default_year
    lines = _normalise(text)
    sections = _sections(lines)
    problems: list[NoticeProblem] = []
    if year is None:
        problems.append(NoticeProblem((lines or [""])[0][:40],
            QT_TRANSLATE_NOOP("Messages", "无法确定是哪一年的安排，请保留通知标题")))
        return ParsedNotice(None, (), tuple(problems))
    if not sections:
        problems.append(NoticeProblem((lines or [""])[0][:40],
            QT_TRANSLATE_NOOP("Messages", "没有找到“一、元旦：……”这样的节日条目")))
        return ParsedNotice(year, (), tuple(problems))
    entries: dict[date, ArrangedDay] = {}
    names: list[str] = []
    for heading, body in sections:
        name = canonical_name(heading)
        names.append(name)
        off: list[date] = []
        worked: list[date] = []
        sentences = [s for s in body.split("。") if s]
        for sentence in sentences:
            if any(sentence.startswith(word) or f"，{word}" in sentence for word in _ADVICE):
                continue  # "鼓励各单位……安排职工在除夕（2月9日）休息": advice, not an arrangement
            try:
                _read_sentence(sentence, year, heading, off, worked)
            except _SentenceError as exc:
                quoted = Message(QT_TRANSLATE_NOOP("Messages", "{heading}：{sentence}"), heading=heading,
                                 sentence=sentence)
                problems.append(NoticeProblem(quoted, exc.args[0]))
        quoted = Message(QT_TRANSLATE_NOOP("Messages", "{heading}：{body}"), heading=heading, body=body)
        if not off and not worked and not any(p.sentence.startswith(f"{heading}：") for p in problems):
            problems.append(NoticeProblem(quoted, QT_TRANSLATE_NOOP("Messages", "没有找到放假日期")))
        for kind, dates in ((REST, _fill_weekend_gaps(set(off), set(worked))), (WORK, set(worked))):
            for d in sorted(dates):
                known = entries.get(d)
                if known and known.kind != kind:
                    problems.append(NoticeProblem(quoted, Message(
                        QT_TRANSLATE_NOOP("Messages", "{month}月{day}日既放假又上班"), month=d.month, day=d.day)))
                    continue
                if kind == WORK and not is_weekend(d):
                    problems.append(NoticeProblem(quoted, Message(
                        QT_TRANSLATE_NOOP("Messages", "{month}月{day}日本是工作日，不必调休上班"),
                        month=d.month, day=d.day)))
                    continue
                if known is None:
                    entries[d] = ArrangedDay(d, kind, name)
    days = tuple(entries[d] for d in sorted(entries))
    return ParsedNotice(year, days, tuple(problems), tuple(names))


def days_for_layer(parsed: ParsedNotice, layer: str) -> tuple[tuple[ArrangedDay, ...], tuple[str, ...]]:
    """The days of a parsed notice that belong to `layer`, and the holidays left out: the 自治区's notice
    repeats the national holidays, which come from the State Council's notice; a national notice names no
    肉孜节 or 古尔邦节. The office's own days (本单位) keep everything."""
    if layer == LOCAL:
        return parsed.days, ()
    wanted = (lambda name: name in XINJIANG_HOLIDAYS) if layer == XINJIANG else \
        (lambda name: name not in XINJIANG_HOLIDAYS)
    kept = tuple(day for day in parsed.days if wanted(day.name))
    skipped = tuple(name for name in parsed.holidays if not wanted(name))
    return kept, skipped
