"""Star levels of volunteers by recorded service hours."""

from collections.abc import Sequence
from decimal import Decimal

from .i18n import QT_TRANSLATE_NOOP

DEFAULT_STAR_THRESHOLDS: tuple[int, ...] = (100, 300, 600, 1000, 1500)
STAR_LABELS = (QT_TRANSLATE_NOOP("Vocabulary", "未评星"), QT_TRANSLATE_NOOP("Vocabulary", "一星"),
               QT_TRANSLATE_NOOP("Vocabulary", "二星"), QT_TRANSLATE_NOOP("Vocabulary", "三星"),
               QT_TRANSLATE_NOOP("Vocabulary", "四星"), QT_TRANSLATE_NOOP("Vocabulary", "五星"))


def star_level(hours: float | Decimal, thresholds: Sequence[float] = DEFAULT_STAR_THRESHOLDS) -> int:
    """How many thresholds the hours have reached: 0 (none) to 5."""
    if len(thresholds) > len(STAR_LABELS) - 1:
        raise ValueError("at most five star thresholds")
    if any(low >= high for low, high in zip(thresholds, thresholds[1:], strict=False)):
        raise ValueError("star thresholds must be strictly increasing")
    return sum(1 for threshold in thresholds if hours >= threshold)


def star_label(level: int) -> str:
    if not 0 <= level < len(STAR_LABELS):
        raise ValueError(f"star level out of range: {level}")
    return STAR_LABELS[level]
