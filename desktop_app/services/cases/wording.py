"""The wording of the case documents' fixed clauses: the shipped defaults (documents/case_wording.py reads
resources/templates/case_documents.json) and the office's own, kept as one setting ("document.clause" →
text). Placeholders are checked on saving, as for the certificate templates; 恢复默认 puts the shipped text
back (one clause or all). Every change is audit-logged."""

from __future__ import annotations

from dataclasses import dataclass

from ...db.database import db
from ...documents import case_wording
from ...domain.errors import FieldError
from ...domain.i18n import QT_TRANSLATE_NOOP, Joined, Message
from ...domain.text_hygiene import clean_text
from .. import audit
from ..accounts.roles import SETTINGS, requires
from ..office.settings import get_setting, set_setting
from .fields import CaseInvalid

WORDING_KEY = "cases.document_wording"
MAX_CLAUSE = 4000


@dataclass(frozen=True)
class WordingEntry:
    key: str  # "document.clause"
    document: str  # the document's name, e.g. 人民调解协议书
    label: str  # the clause's name, e.g. 份数
    text: str  # the wording in force
    default: str
    placeholders: dict[str, str]  # the ones this clause may use → what they stand for

    @property
    def changed(self) -> bool:
        return self.text != self.default


def office_wording() -> dict[str, str]:
    """The office's own clauses (only those it changed)."""
    value = get_setting(WORDING_KEY, {})
    known = set(case_wording.clause_keys())
    return {k: str(v) for k, v in value.items() if k in known} if isinstance(value, dict) else {}


def wording_entries() -> list[WordingEntry]:
    own = office_wording()
    labels = case_wording.placeholders()
    entries = []
    for key in case_wording.clause_keys():
        info = case_wording.clause_info(key)
        entries.append(WordingEntry(key, case_wording.document_label(key.split(".")[0]), info["label"],
                                    own.get(key, info["text"]), info["text"],
                                    {p: labels[p] for p in info["placeholders"]}))
    return entries


@requires(SETTINGS)
def save_wording(key: str, text: str) -> WordingEntry:
    """Store the office's wording of one clause; `CaseInvalid` naming what is wrong with it."""
    if key not in case_wording.clause_keys():
        raise CaseInvalid([FieldError("wording", QT_TRANSLATE_NOOP("Messages", "没有这一条款"))])
    try:
        text = clean_text(text, "wording", QT_TRANSLATE_NOOP("Messages", "措辞"), None, multiline=True)
    except FieldError as exc:
        raise CaseInvalid([exc]) from None
    text = "\n".join(line.rstrip() for line in text.splitlines())
    problems = case_wording.wording_problems(key, text)
    if len(text) > MAX_CLAUSE:
        problems.append(Message(QT_TRANSLATE_NOOP("Messages", "措辞不能超过{limit}个字"), limit=MAX_CLAUSE))
    if problems:
        raise CaseInvalid([FieldError("wording", Joined("；", problems))])
    with db.atomic():
        own = office_wording()
        if text == case_wording.default_text(key):
            own.pop(key, None)
        else:
            own[key] = text
        set_setting(WORDING_KEY, own)
        audit.record("修改", "setting", "", f"调解文书措辞：{_name(key)}")
    return next(e for e in wording_entries() if e.key == key)


@requires(SETTINGS)
def reset_wording(key: str | None = None) -> None:
    """恢复默认: the shipped wording of one clause, or of all."""
    with db.atomic():
        own = office_wording()
        if key is None:
            own = {}
        else:
            own.pop(key, None)
        set_setting(WORDING_KEY, own)
        audit.record("修改", "setting", "", f"调解文书措辞恢复默认：{_name(key) if key else '全部'}")


def _name(key: str) -> str:
    return f"{case_wording.document_label(key.split('.')[0])}·{case_wording.clause_info(key)['label']}"


def check_wording(key: str, text: str) -> list[str]:
    """What is wrong with `text` as clause `key` ([] when it can be saved): for the editor, as one types."""
    return case_wording.wording_problems(key, text)
