"""The figures of the teams' work and the kinds of work record (工作记录), one vocabulary for entry, import,
the 首页 and the reports (DESIGN.md §3 "Activity figures").

Each figure has its name as the offices write it, its unit, and where it comes from: nine are entered on a
work record (each a column of `Activity`); 调解纠纷 (起) is counted from the case register and 护学岗执勤
(场次) from the schedule's attendance, so neither is ever entered twice. Each kind of work record names the
figures that fit it, its main figure first (a bare number in a 台账's 成效 column counts toward it); a kind
without a main figure takes no bare number.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import QT_TRANSLATE_NOOP
from .vocabulary import (
    CARE,
    CATCHING,
    CLUE_REPORT,
    CONSUMER_RIGHTS,
    HAZARD_REPORT,
    ID_DELIVERY,
    LAW_PUBLICITY,
    MEDIATION,
    OTHER_WORK,
    PATROL,
    RESCUE,
    SCHOOL_GATE,
    SEARCH,
    TRAFFIC_PERSUASION,
    WOMEN_RIGHTS,
)


@dataclass(frozen=True)
class Figure:
    name: str  # 劝导交通违法行为
    unit: str  # 起
    column: str | None  # the Activity column it is entered in; None: counted from other records
    units: tuple[str, ...]  # the units it is written with (the first is `unit`)
    keywords: tuple[str, ...]  # words in an office's sentence that name it

    @property
    def entered(self) -> bool:
        return self.column is not None

    @property
    def label(self) -> str:
        """劝导交通违法行为（起）"""
        return f"{self.name}（{self.unit}）"


PERSUADED = QT_TRANSLATE_NOOP("Vocabulary", "劝导交通违法行为")
CAUGHT = QT_TRANSLATE_NOOP("Vocabulary", "协助抓获犯罪嫌疑人")
VEHICLES = QT_TRANSLATE_NOOP("Vocabulary", "救助被困车辆")
MATTERS = QT_TRANSLATE_NOOP("Vocabulary", "帮助群众办理事项")
SERVED = QT_TRANSLATE_NOOP("Vocabulary", "服务群众")
FOUND = QT_TRANSLATE_NOOP("Vocabulary", "寻回走失人员")
CLUES = QT_TRANSLATE_NOOP("Vocabulary", "报告可疑线索")
HAZARDS = QT_TRANSLATE_NOOP("Vocabulary", "发现安全隐患")
PUBLICITY = QT_TRANSLATE_NOOP("Vocabulary", "普法宣传覆盖群众")
MEDIATED = QT_TRANSLATE_NOOP("Vocabulary", "调解纠纷")
SCHOOL_GATE_DUTY = QT_TRANSLATE_NOOP("Vocabulary", "护学岗执勤")

FIGURES: tuple[Figure, ...] = (
    Figure(PERSUADED, "起", "people_persuaded", ("起", "人次", "次", "人"),
           ("劝导", "交通违法", "闯红灯", "头盔", "逆行", "违停", "违规载人", "横穿")),
    Figure(CAUGHT, "名", "suspects_caught", ("名", "人"), ("抓获", "嫌疑人", "抓捕")),
    Figure(VEHICLES, "辆", "vehicles_helped", ("辆", "台"), ("车辆", "被困车", "救助车", "救援车", "拖车")),
    Figure(MATTERS, "件", "matters_handled", ("件", "次", "项"),
           ("办理", "事项", "送证", "代办", "维权", "帮办")),
    Figure(SERVED, "人次", "people_served", ("人次", "人", "名"), ("服务群众", "服务", "帮扶", "群众")),
    Figure(FOUND, "人", "people_found", ("人", "名"), ("寻回", "走失", "找回", "寻找")),
    Figure(CLUES, "条", "clues_reported", ("条", "起", "个"), ("线索", "可疑")),
    Figure(HAZARDS, "处", "hazards_found", ("处", "个", "起", "条"), ("隐患",)),
    Figure(PUBLICITY, "人次", "publicity_reach", ("人次", "人", "名"),
           ("普法", "宣传", "覆盖", "发放")),
    Figure(MEDIATED, "起", None, ("起", "件"), ("调解", "纠纷")),
    Figure(SCHOOL_GATE_DUTY, "场次", None, ("场次", "场", "次"), ("护学",)),
)
BY_NAME: dict[str, Figure] = {figure.name: figure for figure in FIGURES}
ENTERED: tuple[Figure, ...] = tuple(figure for figure in FIGURES if figure.entered)
COUNTED: tuple[Figure, ...] = tuple(figure for figure in FIGURES if not figure.entered)
FIGURE_COLUMNS: tuple[str, ...] = tuple(figure.column for figure in ENTERED if figure.column)
BY_COLUMN: dict[str, Figure] = {figure.column: figure for figure in ENTERED if figure.column}
MAX_FIGURE = 1_000_000


@dataclass(frozen=True)
class ActivityKind:
    name: str
    figures: tuple[str, ...]  # the figures that fit it, names from FIGURES
    main: str | None  # the figure a bare number counts toward
    aliases: tuple[str, ...] = ()  # how a 台账 may write it


KINDS: tuple[ActivityKind, ...] = (
    ActivityKind(PATROL, (HAZARDS, CLUES, PERSUADED, SERVED), None, ("治安巡逻", "巡逻防控", "巡防")),
    ActivityKind(SCHOOL_GATE, (PERSUADED, SERVED), None, ("护学", "护学岗执勤", "爱心护学")),
    ActivityKind(TRAFFIC_PERSUASION, (PERSUADED, SERVED), PERSUADED, ("劝导", "交通秩序劝导", "文明交通劝导")),
    ActivityKind(CATCHING, (CAUGHT, CLUES), CAUGHT, ("抓获", "协助抓捕", "协助抓获嫌疑人")),
    ActivityKind(CLUE_REPORT, (CLUES,), CLUES, ("线索报告", "报告线索", "可疑线索", "提供线索")),
    ActivityKind(HAZARD_REPORT, (HAZARDS,), HAZARDS, ("隐患排查", "安全隐患排查", "报告隐患", "隐患")),
    ActivityKind(RESCUE, (VEHICLES, SERVED), VEHICLES, ("救助", "应急救援", "道路救援", "救援帮助")),
    ActivityKind(SEARCH, (FOUND, SERVED), FOUND, ("寻人", "寻物", "寻找走失人员")),
    ActivityKind(ID_DELIVERY, (MATTERS, SERVED), MATTERS, ("送证", "上门送证", "送证到家")),
    ActivityKind(LAW_PUBLICITY, (PUBLICITY,), PUBLICITY, ("普法", "法治宣传", "宣传", "反诈宣传", "禁毒宣传")),
    ActivityKind(MEDIATION, (SERVED,), None, ("调解", "矛盾纠纷调解", "纠纷调解")),
    ActivityKind(CONSUMER_RIGHTS, (MATTERS, SERVED), MATTERS, ("维权",)),
    ActivityKind(WOMEN_RIGHTS, (MATTERS, SERVED), MATTERS, ("妇女维权",)),
    ActivityKind(CARE, (SERVED, MATTERS), SERVED, ("帮扶", "爱心帮扶活动", "志愿帮扶")),
    ActivityKind(OTHER_WORK, tuple(f.name for f in ENTERED), None, ()),
)
KIND_NAMES: tuple[str, ...] = tuple(kind.name for kind in KINDS)
KIND_BY_NAME: dict[str, ActivityKind] = {kind.name: kind for kind in KINDS}


def kind_figures(kind: str) -> tuple[Figure, ...]:
    """The entered figures that fit a kind (every entered figure for a kind not known)."""
    found = KIND_BY_NAME.get(kind)
    names = found.figures if found else tuple(f.name for f in ENTERED)
    return tuple(BY_NAME[name] for name in names if BY_NAME[name].entered)


def kind_from_text(text: str) -> str | None:
    """The kind a 台账 names ("护学", "治安巡逻", "爱心帮扶"), or None when none fits."""
    text = text.strip()
    if text in KIND_BY_NAME:
        return text
    for kind in KINDS:
        if text in kind.aliases:
            return kind.name
    return None


def format_count(value: int | float) -> str:
    """1214 -> "1,214", as the offices' reports write figures."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.1f}"


def figure_text(name: str, value: int | float) -> str:
    """"劝导交通违法行为1,214起"."""
    return f"{name}{format_count(value)}{BY_NAME[name].unit}"
