"""Translated texts on screen: the vocabulary words shown translated (stored values stay Chinese), the
messages services raise shown translated, the interface languages the program offers, and the translators
installed at start.

The program's texts are Chinese in the code; a language other than 简体中文 is the catalogue
`resources/translations/yijing_<code>.qm` made by `make i18n` (pyside6-lupdate, then a translator's work
in Qt Linguist, then pyside6-lrelease). A language is offered once its catalogue holds translations.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from ..config import resources_dir
from ..domain.i18n import QT_TRANSLATE_NOOP, Joined, Message
from ..services.office.settings import get_setting, set_setting

log = logging.getLogger(__name__)

CHINESE = "zh_CN"
LANGUAGE_SETTING = "ui_language"
# Qt lays a window out right-to-left when this text, looked up under QGuiApplication, translates to "RTL";
# a Uyghur (Arabic script) translator sets it so.
QT_TRANSLATE_NOOP("QGuiApplication", "QT_LAYOUT_DIRECTION")


@dataclass(frozen=True)
class Language:
    code: str  # the catalogue's suffix: yijing_<code>.qm
    name: str  # as the language list shows it (translated where shown)


LANGUAGES = (
    Language(CHINESE, QT_TRANSLATE_NOOP("Languages", "简体中文")),
    Language("ug", QT_TRANSLATE_NOOP("Languages", "维吾尔语")),
)


def vocab(word: str) -> str:
    """A vocabulary word (domain/vocabulary.py) as shown to the user."""
    return QCoreApplication.translate("Vocabulary", word) if word else word


def shown(text: object) -> str:
    """A message from a service (domain/i18n.py) as the user reads it: a `Message` is its template looked up
    under "Messages" with each parameter shown the same way; a marked text is looked up as it is; any
    other text (a name) comes back unchanged, since nothing translates it. An exception is shown by its
    `message` when it has one."""
    if isinstance(text, Joined):
        return text.separator.join(shown(part) for part in text.parts)
    if isinstance(text, Message):
        template = QCoreApplication.translate("Messages", text.template)
        return template.format(**{key: _shown_part(value) for key, value in text.params.items()})
    if isinstance(text, str):
        return QCoreApplication.translate("Messages", text) if text else text
    message = getattr(text, "message", None) if isinstance(text, BaseException) else None
    if isinstance(message, str):
        return shown(message)
    return str(text)


def _shown_part(value: object) -> object:
    """A parameter: a message or a marked text translated; else vocabulary words (a status, 调解、巡逻)."""
    if not isinstance(value, str):
        return value
    text = shown(value)
    return vocab_list(value) if text == value and not isinstance(value, Message | Joined) else text


def vocab_list(text: str) -> str:
    """Words joined by 、 (as Member.skills keeps them), each shown translated."""
    return "、".join(vocab(word) for word in text.split("、")) if text else text


def language_name(language: Language) -> str:
    return QCoreApplication.translate("Languages", language.name)


def translations_dir() -> Path:
    return resources_dir() / "translations"


def catalogue(code: str) -> Path:
    return translations_dir() / f"yijing_{code}.qm"


def load_catalogue(code: str, parent: QCoreApplication | None = None) -> QTranslator | None:
    """The language's catalogue, or None when there is none or it holds no translation yet."""
    path = catalogue(code)
    translator = QTranslator(parent)
    if not path.is_file() or not translator.load(str(path)) or translator.isEmpty():
        return None
    return translator


def available_languages() -> list[Language]:
    """简体中文 (the texts themselves) and every language whose catalogue holds translations."""
    return [lang for lang in LANGUAGES if lang.code == CHINESE or load_catalogue(lang.code) is not None]


def chosen_language() -> str:
    """The language chosen under 设置 → 界面语言 (kept in the data file), 简体中文 until one is chosen."""
    code = get_setting(LANGUAGE_SETTING, CHINESE)
    return code if any(lang.code == code for lang in LANGUAGES) else CHINESE


def choose_language(code: str) -> None:
    if not any(lang.code == code for lang in LANGUAGES):
        raise ValueError(f"unknown language {code!r}")
    set_setting(LANGUAGE_SETTING, code)


def install_language(app: QCoreApplication, code: str) -> QTranslator | None:
    """Install the program's catalogue for `code` (nothing for 简体中文, the source language). An unknown
    language or a missing or empty catalogue leaves the Chinese texts, and says so in the log."""
    if code == CHINESE:
        return None
    translator = load_catalogue(code, app)
    if translator is None:
        log.warning("界面语言 %s 没有可用的翻译文件，使用简体中文", code)
        return None
    app.installTranslator(translator)
    return translator
