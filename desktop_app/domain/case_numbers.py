"""Case numbers such as （2024）夏派调字第012号: year, office prefix, sequence within the year."""

import re
import unicodedata

from desktop_app.domain.errors import FieldError
from desktop_app.domain.i18n import QT_TRANSLATE_NOOP, Message
from desktop_app.domain.text_folding import fold_fullwidth

MAX_PREFIX_LENGTH = 20
_CASE_NUMBER = re.compile(r"[(\[〔【]\s*(\d{4})\s*[)\]〕】]\s*(.+?)字第\s*(\d+)\s*号")


def format_case_number(year: int, prefix: str, seq: int) -> str:
    """(2024, "夏派调", 12) -> "（2024）夏派调字第012号"; a prefix already ending in 字 gets no second 字."""
    prefix = _checked_prefix(prefix)
    if not 1000 <= year <= 9999:
        raise ValueError(f"year out of range: {year}")
    if seq < 1:
        raise ValueError(f"sequence must be positive: {seq}")
    return f"（{year}）{prefix}字第{seq:03d}号"


def parse_case_number(text: str) -> tuple[int, str, int]:
    """ "（2024）夏派调字第012号" -> (2024, "夏派调", 12); also with half-width or 〔〕 brackets."""
    match = _CASE_NUMBER.fullmatch(fold_fullwidth(text or "").strip())
    if not match:
        raise ValueError(Message(QT_TRANSLATE_NOOP("Messages", "不是有效的案件编号：“{text}”"), text=text))
    year, prefix, seq = int(match.group(1)), match.group(2).strip(), int(match.group(3))
    if seq < 1:
        raise ValueError(Message(QT_TRANSLATE_NOOP("Messages", "不是有效的案件编号：“{text}”"), text=text))
    return year, prefix, seq


def _checked_prefix(prefix: str) -> str:
    value = (prefix or "").strip().removesuffix("字")
    if not value:
        raise FieldError("case_prefix", QT_TRANSLATE_NOOP("Messages", "请填写案件编号前缀，如“夏派调”"))
    if len(value) > MAX_PREFIX_LENGTH:
        raise FieldError("case_prefix",
            Message(QT_TRANSLATE_NOOP("Messages", "案件编号前缀不能超过{max_prefix_length}个字"),
                    max_prefix_length=MAX_PREFIX_LENGTH))
    if not all(unicodedata.category(ch).startswith("L") for ch in value) or "字第" in value:
        raise FieldError("case_prefix", QT_TRANSLATE_NOOP("Messages", "案件编号前缀只能由文字组成，如“夏派调”"))
    return value
