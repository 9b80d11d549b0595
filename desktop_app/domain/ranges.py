"""Sane ranges for the numbers a form or an import can carry: record ids, counts, hours, ages.

SQLite keeps integers in 64 bits; a larger Python int cannot even be compared with a column (the driver
raises OverflowError), so an id from outside is first made one that can be looked up.
"""

from __future__ import annotations

import math
from typing import Any

from .errors import FieldError
from .i18n import QT_TRANSLATE_NOOP, Message
from .text_folding import fold_fullwidth

MAX_RECORD_ID = 2**63 - 1
_MAX_NUMBER_TEXT = 40


def as_record_id(value: Any) -> int:
    """`value` when it can be a record's id, else 0 (which no record has, so a look-up finds nothing)."""
    if isinstance(value, bool) or not isinstance(value, int):
        return 0
    return value if 1 <= value <= MAX_RECORD_ID else 0


def bounded_number(value: Any, field: str, label: str, low: float, high: float, *,
                   integer: bool = False, unit: str = "") -> float:
    """A number typed or imported (full-width digits folded), within [low, high]; FieldError otherwise.
    Infinite and NaN values are refused like any other non-number."""
    not_a_number = FieldError(field, Message(QT_TRANSLATE_NOOP("Messages", "{label}应为数字"), label=label))
    if isinstance(value, bool):
        raise not_a_number
    if isinstance(value, int | float):
        number = float(value) if not isinstance(value, int) or abs(value) < 2**53 else math.inf
    else:
        text = fold_fullwidth(str(value or "")).strip().removesuffix(unit).strip() if unit else \
            fold_fullwidth(str(value or "")).strip()
        if not text or len(text) > _MAX_NUMBER_TEXT:
            raise not_a_number
        try:
            number = float(text)
        except ValueError:
            raise not_a_number from None
    if not math.isfinite(number) or not low <= number <= high:
        raise FieldError(field, Message(QT_TRANSLATE_NOOP("Messages", "{label}应在{low}–{high}{unit}之间"),
                                        label=label, low=f"{low:g}", high=f"{high:g}", unit=unit))
    if integer and not number.is_integer():
        raise FieldError(field, Message(QT_TRANSLATE_NOOP("Messages", "{label}应为整数"), label=label))
    return number
