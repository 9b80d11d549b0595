"""Translatable texts outside the Qt layer: the marker for constants, and the message a service raises.

`QT_TRANSLATE_NOOP(context, text)` returns `text` unchanged; pyside6-lupdate recognises calls by that name
in Python source and extracts `text` under `context`, so a constant defined with it can be translated
where it is shown (`QCoreApplication.translate(context, text)`) while the stored value stays `text`.

A message the user reads (a field error, a refusal) is marked under `MESSAGES`:
- without parameters, as the marked text itself: `QT_TRANSLATE_NOOP("Messages", "请填写姓名")`;
- with parameters, as a `Message`: `Message(QT_TRANSLATE_NOOP("Messages", "第{row}行：{reason}"), row=3,
  reason=…)`. Its `str()` is the Chinese text (the CLI, the logs and comparisons see exactly what they saw
  before); the ui looks the template up under "Messages" and fills in the parameters, each translated
  the same way when it is itself a marked text or a `Message` (or a `Joined` list of them).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

MESSAGES = "Messages"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text


class Message(str):
    """A Chinese text made from a marked template and its parameters."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, /, **params: Any) -> Message:
        message = super().__new__(cls, template.format(**params))
        message.template = template
        message.params = params
        return message


class Joined(str):
    """Several messages joined by `separator` (one parameter of a `Message`): the ui shows each translated."""

    separator: str
    parts: tuple[str, ...]

    def __new__(cls, separator: str, parts: Iterable[str]) -> Joined:
        parts = tuple(parts)
        joined = super().__new__(cls, separator.join(parts))
        joined.separator = separator
        joined.parts = parts
        return joined
