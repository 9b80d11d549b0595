"""The fixed clauses of the case documents: the shipped defaults (resources/templates/case_documents.json)
or the office's own wording (`CaseData.wording`, "document.clause" → text, kept by the cases service), with
their placeholders filled in. Plain data only: the documents read their clauses from here."""

from __future__ import annotations

import json
import string
from collections.abc import Mapping
from functools import cache
from typing import Any

from ..config import resources_dir
from ..domain.i18n import QT_TRANSLATE_NOOP, Message

WORDING_FILE = "case_documents.json"


@cache
def defaults() -> dict[str, Any]:
    with open(resources_dir() / "templates" / WORDING_FILE, encoding="utf-8") as handle:
        return json.load(handle)


def placeholders() -> dict[str, str]:
    """Placeholder → what it is filled with."""
    return dict(defaults()["placeholders"])


def clause_keys() -> list[str]:
    """Every clause as "document.clause", in the file's order."""
    return [f"{doc}.{key}" for doc, entry in defaults()["documents"].items() for key in entry["clauses"]]


def clause_info(key: str) -> dict[str, Any]:
    """{"label", "placeholders", "text"} of "document.clause"; KeyError if there is none."""
    doc, name = key.split(".", 1)
    return defaults()["documents"][doc]["clauses"][name]


def document_label(doc: str) -> str:
    return defaults()["documents"][doc]["label"]


def default_text(key: str) -> str:
    return clause_info(key)["text"]


def used_placeholders(text: str) -> list[str]:
    """The placeholder names in `text`; ValueError when the braces do not pair."""
    return [name for _text, name, _spec, _conv in string.Formatter().parse(text) if name is not None]


def wording_problems(key: str, text: str) -> list[str]:
    """What is wrong with `text` as the wording of clause `key` ([] when it can be used), as messages for the
    wording editor (marked for translation; the printed clause itself stays Chinese)."""
    if not text.strip():
        return [QT_TRANSLATE_NOOP("Messages", "措辞不能为空")]
    try:
        names = used_placeholders(text)
    except ValueError:
        return [QT_TRANSLATE_NOOP("Messages", "花括号不成对：占位符应写成 {body} 这样的形式")]
    allowed = clause_info(key)["placeholders"]
    labels = placeholders()
    problems: list[str] = []
    for name in dict.fromkeys(names):
        if name not in allowed:
            usable = "、".join(f"{{{p}}}（{labels[p]}）" for p in allowed) or QT_TRANSLATE_NOOP(
                "Messages", "（本条不使用占位符）")
            problems.append(Message(QT_TRANSLATE_NOOP("Messages", "此处不能使用占位符 {{{name}}}，可用：{usable}"),
                                    name=name, usable=usable))
    return problems


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def clause(wording: Mapping[str, str], key: str, **values: object) -> str:
    """The office's wording of `key` (or the default), placeholders filled from `values`."""
    text = wording.get(key) or default_text(key)
    if wording_problems(key, text):
        text = default_text(key)  # stored wording gone wrong: the shipped text, never a broken document
    return text.format_map(_Blank({name: "" if value is None else str(value) for name, value in values.items()}))
