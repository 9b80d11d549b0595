"""The points rules (积分规则): what a member earns from recorded work only (DESIGN.md §3 "Points") — each
hour on duty, each activity by its kind (points per hour taken part, plus a fixed amount for the kind), each
training attended — and what an absence without leave (缺勤; 请假 costs nothing) takes away. No points for
anything else. The administrator edits them; the ledger is recomputed from the records with them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .errors import FieldError
from .i18n import QT_TRANSLATE_NOOP, Message
from .vocabulary import ACTIVITY_KINDS, CATCHING, CLUE_REPORT, HAZARD_REPORT, RESCUE, SEARCH

MAX_RULE = 1000.0
DEFAULT_KIND_POINTS: dict[str, float] = {CATCHING: 5.0, RESCUE: 3.0, SEARCH: 3.0, CLUE_REPORT: 2.0,
                                         HAZARD_REPORT: 1.0}


@dataclass(frozen=True)
class PointsRules:
    per_duty_hour: float = 1.0  # each hour on duty (已到 / 迟到)
    per_activity_hour: float = 1.0  # each hour taking part in a work record
    per_kind: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_KIND_POINTS))  # + per record
    per_training: float = 2.0  # each training attended
    per_training_hour: float = 0.0
    absence_cost: float = 2.0  # taken away for each 缺勤 (absent without leave)

    def kind_points(self, kind: str) -> float:
        return float(self.per_kind.get(kind, 0.0))

    def duty(self, hours: float) -> float:
        return round(hours * self.per_duty_hour, 2)

    def activity(self, kind: str, hours: float) -> float:
        return round(hours * self.per_activity_hour + self.kind_points(kind), 2)

    def training(self, hours: float) -> float:
        return round(self.per_training + hours * self.per_training_hour, 2)

    def absence(self) -> float:
        return -round(self.absence_cost, 2)

    def to_dict(self) -> dict[str, Any]:
        return {"per_duty_hour": self.per_duty_hour, "per_activity_hour": self.per_activity_hour,
                "per_kind": {kind: value for kind, value in self.per_kind.items() if value},
                "per_training": self.per_training, "per_training_hour": self.per_training_hour,
                "absence_cost": self.absence_cost}


_NUMBERS = {
    "per_duty_hour": QT_TRANSLATE_NOOP("Messages", "每小时值班积分"),
    "per_activity_hour": QT_TRANSLATE_NOOP("Messages", "每小时工作记录积分"),
    "per_training": QT_TRANSLATE_NOOP("Messages", "每次培训积分"),
    "per_training_hour": QT_TRANSLATE_NOOP("Messages", "每学时培训积分"),
    "absence_cost": QT_TRANSLATE_NOOP("Messages", "无故缺勤扣分"),
}


def _number(value: Any, name: str, label: str, errors: list[FieldError]) -> float:
    try:
        number = float(str(value).strip()) if not isinstance(value, int | float) else float(value)
    except ValueError:
        errors.append(FieldError(name, Message(QT_TRANSLATE_NOOP("Messages", "{label}应为数字"), label=label)))
        return 0.0
    if not 0 <= number <= MAX_RULE:
        errors.append(FieldError(name, Message(QT_TRANSLATE_NOOP("Messages", "{label}应在0至{limit}之间"), label=label,
                                               limit=f"{MAX_RULE:g}")))
    return round(number, 2)


def rules_from_dict(values: Mapping[str, Any]) -> PointsRules:
    """The rules from stored or typed values (missing ones take the defaults); FieldError lists each wrong one
    (the first raised, all in `errors` of the ValidationFailed the service raises)."""
    errors: list[FieldError] = []
    defaults = PointsRules()
    numbers = {key: _number(values.get(key, getattr(defaults, key)), key, label, errors)
               for key, label in _NUMBERS.items()}
    kinds: dict[str, float] = {}
    for kind, value in dict(values.get("per_kind", defaults.per_kind)).items():
        if kind not in ACTIVITY_KINDS:
            errors.append(FieldError("per_kind", Message(QT_TRANSLATE_NOOP("Messages", "没有“{kind}”这一工作类别"),
                                                         kind=kind)))
            continue
        points = _number(value, "per_kind", Message(QT_TRANSLATE_NOOP("Messages", "“{kind}”每次积分"), kind=kind),
                         errors)
        if points:
            kinds[kind] = points
    if errors:
        raise RulesInvalid(errors)
    return PointsRules(per_kind=kinds, **numbers)


class RulesInvalid(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("；".join(e.message for e in errors))
        self.errors = errors
