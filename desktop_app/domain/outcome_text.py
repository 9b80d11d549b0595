"""Reading the figures out of an office's own words (the 成效 column of a 工作台账): "劝导交通违法行为35起",
"劝导电动车闯红灯12起、行人横穿马路8起" (two counts of one figure add up), "救助被困车辆３辆", "送证上门4件，服务群众4人".

Each count is a whole number with a unit; the unit narrows the figures it can be (辆 is only 救助被困车辆), the
words before it choose among them, then the figure named just before with the same unit, then the kind's own
figures. A bare number counts toward the kind's main figure. A range ("3-4辆"), an approximate or vague
amount ("1200余起", "若干") or a count that fits no figure refuses the whole text, with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .activity_figures import BY_NAME, FIGURES, KIND_BY_NAME, Figure
from .i18n import QT_TRANSLATE_NOOP, Message
from .text_folding import fold_fullwidth

_UNITS = sorted({unit for figure in FIGURES for unit in figure.units} | {"份", "张", "户", "号", "元", "天", "小时"},
                key=len, reverse=True)
_COUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(" + "|".join(_UNITS) + r")?")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_RANGE = re.compile(r"\d+\s*(?:-|~|～|—|–|至|到)\s*\d+")
_VAGUE = re.compile(r"若干|数十|数百|数千|几十|几百|一些|部分|多[起名辆件人次处条场项]|\d+\s*余|\d+\s*多[起名辆件人次处条场项]")
_CLAUSES = re.compile(r"[，,、；;。！!\s]+")
_BARE = re.compile(r"\d+")


@dataclass
class Outcome:
    figures: dict[str, int] = field(default_factory=dict)  # figure name → count, counted figures included
    notes: list[str] = field(default_factory=list)
    refusal: str = ""  # why the text cannot be read; "" when it could

    def entered(self) -> dict[str, int]:
        """The figures a work record stores (调解纠纷 and 护学岗执勤 are counted elsewhere)."""
        return {name: value for name, value in self.figures.items() if BY_NAME[name].entered}


def read_outcome(text: object, kind: str | None) -> Outcome:
    """The figures in a 成效 cell for a record of `kind` (see the module's note)."""
    outcome = Outcome()
    if text is None:
        return outcome
    if isinstance(text, int | float) and not isinstance(text, bool):
        raw = f"{text:g}" if isinstance(text, float) else str(text)
    else:
        raw = str(text)
    clean = _THOUSANDS.sub("", fold_fullwidth(raw)).strip()
    if not clean:
        return outcome
    vague = _VAGUE.search(clean)
    if vague:
        outcome.refusal = Message(QT_TRANSLATE_NOOP("Messages", "成效“{text}”中的“{words}”不是确切数字，请写明数字"),
                                  text=raw.strip(), words=vague.group(0))
        return outcome
    found = _RANGE.search(clean)
    if found:
        outcome.refusal = Message(QT_TRANSLATE_NOOP("Messages", "成效“{text}”中的“{words}”是一个范围，请写明确切数字"),
                                  text=raw.strip(), words=found.group(0))
        return outcome
    if _BARE.fullmatch(clean):
        main = KIND_BY_NAME[kind].main if kind in KIND_BY_NAME else None
        if main is None:
            outcome.refusal = Message(QT_TRANSLATE_NOOP(
                "Messages", "成效只写了数字“{text}”，“{kind}”没有默认的成效指标，请写明，如“发现安全隐患3处”"),
                text=clean, kind=kind or "")
            return outcome
        _add(outcome, BY_NAME[main], int(clean))
        return outcome
    previous: dict[str, Figure] = {}  # unit → the figure last counted with it
    for clause in _CLAUSES.split(clean):
        start = 0
        for match in _COUNT.finditer(clause):
            number, unit = match.group(1), match.group(2)
            context = clause[start:match.start()]
            start = match.end()
            phrase = clause[:match.end()]
            if unit is None and match.end() < len(clause):
                outcome.refusal = Message(QT_TRANSLATE_NOOP("Messages", "成效中“{phrase}”的数字没有单位，请写明，如“35起”"),
                                          phrase=clause)
                return outcome
            if "." in number:
                outcome.refusal = Message(QT_TRANSLATE_NOOP("Messages", "成效中“{phrase}”应为整数"), phrase=phrase)
                return outcome
            figure = _which(context, unit, previous, kind)
            if figure is None:
                outcome.refusal = Message(QT_TRANSLATE_NOOP(
                    "Messages", "成效中“{phrase}”不能归入任何一项成效指标（如劝导交通违法行为 起、服务群众 人次）"),
                    phrase=phrase)
                return outcome
            if unit:
                previous[unit] = figure
            _add(outcome, figure, int(number))
    for name in outcome.figures:
        if not BY_NAME[name].entered:
            outcome.notes.append(Message(QT_TRANSLATE_NOOP(
                "Messages", "“{figure}”由{source}统计，此处不重复计入"), figure=name,
                source=QT_TRANSLATE_NOOP("Messages", "排班到岗记录") if name == "护学岗执勤"
                else QT_TRANSLATE_NOOP("Messages", "案件登记")))
    return outcome


def _add(outcome: Outcome, figure: Figure, value: int) -> None:
    outcome.figures[figure.name] = outcome.figures.get(figure.name, 0) + value


def _which(context: str, unit: str | None, previous: dict[str, Figure], kind: str | None) -> Figure | None:
    candidates = [figure for figure in FIGURES if unit is None or unit in figure.units]
    if not candidates:
        return None
    scores = {figure.name: sum(len(word) for word in figure.keywords if word in context) for figure in candidates}
    best = max(scores.values())
    if best > 0:
        top = [figure for figure in candidates if scores[figure.name] == best]
        if len(top) == 1:
            return top[0]
        candidates = top
    if unit is not None and unit in previous and previous[unit] in candidates:
        return previous[unit]
    own = KIND_BY_NAME.get(kind or "")
    if own is not None:
        fitting = [figure for figure in candidates if figure.name in own.figures]
        if len(fitting) == 1:
            return fitting[0]
        if own.main and BY_NAME[own.main] in (fitting or candidates):
            return BY_NAME[own.main]
    if len(candidates) == 1:
        return candidates[0]
    main_by_unit = [figure for figure in candidates if figure.unit == unit]
    return main_by_unit[0] if len(main_by_unit) == 1 else None
