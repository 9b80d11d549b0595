"""Personal names: Han names, and Uyghur/Kazakh names in Chinese characters joined by a middle dot."""

import re
import unicodedata

from desktop_app.domain.errors import FieldError
from desktop_app.domain.i18n import QT_TRANSLATE_NOOP, Message
from desktop_app.domain.text_hygiene import clean_text

FIELD = "name"
MAX_NAME_LENGTH = 50
MIDDLE_DOT = "\u00b7"
LOOKALIKE_DOTS = "\u2022\u30fb\uff0e\u2027\uff65\u2219\u22c5\u2024\u0387\uff61.。"

_DOTS_TO_MIDDLE_DOT = str.maketrans({dot: MIDDLE_DOT for dot in LOOKALIKE_DOTS})
_FULLWIDTH_LATIN_TO_ASCII = {code: code - 0xFEE0 for code in [*range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
_DOT_WITH_SPACES = re.compile(rf"\s*{MIDDLE_DOT}[\s{MIDDLE_DOT}]*")
# Spaces between two Chinese characters are padding ("张  三" to line up with three-character names).
_HAN = "[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]"
_SPACE_BETWEEN_HAN = re.compile(f"(?<={_HAN}) (?={_HAN})")


def normalize_name(raw: str) -> str:
    text = (raw or "").translate(_INVISIBLE).translate(_FULLWIDTH_LATIN_TO_ASCII)
    text = re.sub(r"\s+", " ", text.translate(_DOTS_TO_MIDDLE_DOT))
    text = _DOT_WITH_SPACES.sub(MIDDLE_DOT, text).strip(f" {MIDDLE_DOT}")
    return _SPACE_BETWEEN_HAN.sub("", text)


def validate_name(raw: str) -> str:
    """The normalised name, or FieldError("name", …) saying what is wrong with it."""
    name = normalize_name(clean_text(raw, FIELD, QT_TRANSLATE_NOOP("Messages", "姓名"), None))
    if not name:
        raise FieldError(FIELD, QT_TRANSLATE_NOOP("Messages", "请填写姓名"))
    if len(name) > MAX_NAME_LENGTH:
        raise FieldError(FIELD,
            Message(QT_TRANSLATE_NOOP("Messages", "姓名不能超过{max_name_length}个字（现在是{name_count}个）"),
                    max_name_length=MAX_NAME_LENGTH, name_count=len(name)))
    if any(_is_digit(ch) for ch in name):
        raise FieldError(FIELD, QT_TRANSLATE_NOOP("Messages", "姓名中不能有数字"))
    for index, ch in enumerate(name):
        if ch == " ":
            if _is_han(name[index - 1]) or _is_han(name[index + 1]):
                raise FieldError(FIELD, QT_TRANSLATE_NOOP("Messages", "中文姓名中间不能有空格，各部分之间请用“·”隔开"))
        elif ch != MIDDLE_DOT and not _is_letter(ch, first=index == 0):
            raise FieldError(FIELD,
                Message(QT_TRANSLATE_NOOP("Messages", "姓名中不能有“{ch}”，只能用文字和间隔号“·”"), ch=ch))
    return name


def _is_digit(ch: str) -> bool:
    return ch != "〇" and unicodedata.category(ch) in ("Nd", "Nl", "No")


def _is_letter(ch: str, first: bool) -> bool:
    category = unicodedata.category(ch)
    # Co: GB 18030 maps some rare characters (生僻字) to the Private Use Area.
    return (
        category.startswith("L") or category == "Co" or ch == "〇" or (category.startswith("M") and not first)
    )


def _is_han(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("CJK ") or unicodedata.category(ch) == "Co"
