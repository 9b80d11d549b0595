"""The marker for translatable constants outside the Qt layer.

`QT_TRANSLATE_NOOP(context, text)` returns `text` unchanged; pyside6-lupdate recognises calls by that name
in Python source and extracts `text` under `context`, so a constant defined with it can be translated
where it is shown (`QCoreApplication.translate(context, text)`) while the stored value stays `text`.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text
