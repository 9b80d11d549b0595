"""The one hygiene step every typed or imported text passes before it is stored (DESIGN.md §6).

What a record may hold afterwards is exactly what every writer (SQLite, .xlsx, PDF, the screen) copes
with: printable characters of any script (RTL marks, emoji and 生僻字 in the Private Use Area included),
tab, and — in fields of several lines — the line break.

- Line breaks of every kind (\\r\\n, \\r, the vertical tab a Word/WPS soft line break pastes as, form
  feed, U+2028/U+2029, NEL) become "\\n" in a multi-line field and a space in a one-line field.
- Other control characters (C0, DEL, C1) and the non-characters U+FFFE/U+FFFF are removed.
- NUL and unpaired surrogates are refused with a message at the field: they mean the text came from a
  broken source, and silently dropping them could change the meaning of what was pasted.
- Leading and trailing whitespace is trimmed; the length is bounded.
"""

from __future__ import annotations

import re
from typing import Any

from .errors import FieldError
from .i18n import QT_TRANSLATE_NOOP, Message

MAX_FIELD_TEXT = 10_000  # the longest free text any form takes (facts of a case, notes)

_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_REMOVED = re.compile("[\x01-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_ONE_LINE_SPACES = re.compile("[\t\n]")
# any character one of the steps below would look at: a text without one only needs trimming
_ANY_SPECIAL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def clean_text(value: Any, field: str, label: str, limit: int | None = MAX_FIELD_TEXT, *,
               multiline: bool = False) -> str:
    """The text as it may be stored, or `FieldError(field, …)` saying why it cannot be."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if _ANY_SPECIAL.search(text) is not None:  # most texts have none of these: one pass, then trimming
        if "\x00" in text:
            raise FieldError(field, Message(QT_TRANSLATE_NOOP(
                "Messages", "{label}中有无法保存的空字符（NUL），请删除后重新输入或粘贴"), label=label))
        if _SURROGATE.search(text):
            raise FieldError(field, Message(QT_TRANSLATE_NOOP(
                "Messages", "{label}中有无法识别的字符（可能是复制时损坏的表情或生僻字），请删除后重新输入"), label=label))
        text = _LINE_BREAKS.sub("\n", text)
        text = _REMOVED.sub("", text)
        if not multiline:
            text = _ONE_LINE_SPACES.sub(" ", text)
    text = text.strip()
    if limit is not None and len(text) > limit:
        raise FieldError(field, Message(QT_TRANSLATE_NOOP("Messages", "{label}不能超过{limit}个字"),
                                        label=label, limit=limit))
    return text


def text_value(value: Any, field: str, label: str, limit: int | None, errors: list[FieldError], *,
               multiline: bool = False) -> str:
    """`clean_text` for a form checked as a whole: a refusal goes into `errors` and gives ""."""
    try:
        return clean_text(value, field, label, limit, multiline=multiline)
    except FieldError as exc:
        errors.append(exc)
        return ""


def storable(text: str, multiline: bool = True) -> str:
    """What a writer may put in a file for any text, even one stored before this step existed: the same
    cleaning, with NUL removed and unpaired surrogates replaced instead of refused."""
    text = _SURROGATE.sub("\ufffd", text.replace("\x00", ""))
    text = _REMOVED.sub("", _LINE_BREAKS.sub("\n", text))
    return text if multiline else _ONE_LINE_SPACES.sub(" ", text)


def needs_cleaning(text: str) -> bool:
    """True when `storable` would change the text (for the migration that cleans stored rows)."""
    return bool(_LINE_BREAKS.search(text) or _REMOVED.search(text) or "\x00" in text
                or _SURROGATE.search(text))


def writable(value: Any) -> Any:
    """A cell value for a writer (.xlsx): texts through `storable`, anything else as it is."""
    return storable(value) if isinstance(value, str) else value
