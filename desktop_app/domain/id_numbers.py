"""Resident identity card numbers (GB 11643): checking, parsing and building.

The verdict uses only length, digits, birth date and check digit. stdnum's `is_valid` is not used:
it also rejects numbers whose area code its table lacks for the birth year, and real cards do that.
Messages never repeat the number itself, so they are safe to log.
"""

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from stdnum.cn import ric

from desktop_app.domain.dates import format_date
from desktop_app.domain.errors import FieldError
from desktop_app.domain.i18n import QT_TRANSLATE_NOOP, Message
from desktop_app.domain.text_folding import fold_fullwidth

FIELD = "id_number"
_EARLIEST_BIRTH_YEAR = 1880
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―﹣]+")
_LEADING_QUOTES = "'‘’`"
_PREFECTURE_PLACEHOLDERS = ("市辖区", "县")
_RETYPE_AS_TEXT = QT_TRANSLATE_NOOP("Messages", "请把该列设为“文本”格式后重新填写号码")


@dataclass(frozen=True)
class IdInfo:
    number: str
    birth_date: date
    gender: str
    birth_place: str | None


def normalize_id_number(raw: str) -> str:
    text = fold_fullwidth(raw or "").strip().lstrip(_LEADING_QUOTES)
    return ric.compact(_SEPARATORS.sub("", text))


def parse_id_number(raw: str, today: date | None = None) -> IdInfo:
    number = normalize_id_number(raw)
    if not number:
        raise FieldError(FIELD, QT_TRANSLATE_NOOP("Messages", "请填写身份证号码"))
    if re.fullmatch(r"[0-9]{15}", number):
        raise FieldError(FIELD, QT_TRANSLATE_NOOP("Messages", "这是15位旧身份证号码，请换成18位号码"))
    if len(number) != 18:
        raise FieldError(FIELD,
            Message(QT_TRANSLATE_NOOP("Messages", "身份证号码应为18位，现在是{number_count}位"), number_count=len(number)))
    if not re.fullmatch(r"[0-9]{17}[0-9X]", number):
        raise FieldError(FIELD, QT_TRANSLATE_NOOP("Messages", "身份证号码只能由数字组成，仅最后一位可以是X"))
    try:  # stdnum's get_birth_date, without cleaning the number a second time
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise FieldError(FIELD, QT_TRANSLATE_NOOP("Messages", "号码中的出生日期（第7至14位）不是有效日期")) from None
    if birth.year < _EARLIEST_BIRTH_YEAR:
        raise FieldError(FIELD, QT_TRANSLATE_NOOP("Messages", "号码中的出生年份不合理，请核对号码"))
    if number[17] != ric.calc_check_digit(number):
        raise FieldError(FIELD, QT_TRANSLATE_NOOP("Messages", "校验位错误，请核对号码"))
    if birth > (today or date.today()):
        raise FieldError(FIELD, QT_TRANSLATE_NOOP("Messages", "号码中的出生日期晚于今天，请核对号码"))
    gender = "男" if int(number[16]) % 2 else "女"
    return IdInfo(number=number, birth_date=birth, gender=gender, birth_place=_birth_place(number))


def _birth_place(number: str) -> str | None:
    """The place the area code names, for information only; None when stdnum does not know it."""
    return _place_of(number[:6], number[6:10])


@lru_cache(maxsize=16_384)  # stdnum's table lookup is most of the cost of a check; it depends on these two only
def _place_of(area: str, year: str) -> str | None:
    number = f"{area}{year}0101001"
    try:
        place = ric.get_birth_place(number)
    except Exception:
        return None
    parts = [place.get("province", ""), _prefecture(number), place.get("county", "")]
    unique = [part for i, part in enumerate(parts) if part and part not in parts[:i]]
    return "".join(unique) or None


def _prefecture(number: str) -> str:
    if number[4:6] == "00":
        return ""
    try:
        name = ric.get_birth_place(number[:4] + "00" + number[6:]).get("county", "")
    except Exception:
        return ""
    if name in _PREFECTURE_PLACEHOLDERS or "直辖" in name:
        return ""
    return name


def check_consistency(
    info: IdInfo, typed_birth_date: date | None, typed_gender: str | None
) -> list[FieldError]:
    """Cross-check a birth date and gender typed on a form against the ID number."""
    errors: list[FieldError] = []
    if typed_birth_date is not None and typed_birth_date != info.birth_date:
        errors.append(
            FieldError("birth_date",
                Message(QT_TRANSLATE_NOOP("Messages", "出生日期与身份证号码不符（号码中为{birth_date}）"),
                        birth_date=format_date(info.birth_date)))
        )
    gender = (typed_gender or "").strip().removesuffix("性")
    if gender and gender != info.gender:
        errors.append(FieldError("gender",
            Message(QT_TRANSLATE_NOOP("Messages", "性别与身份证号码不符（号码中为{gender}）"), gender=info.gender)))
    return errors


def build_id_number(area_code: str, birth: date, sequence: int) -> str:
    """A well-formed made-up number for demo and test data; an odd `sequence` makes it a man's."""
    if not re.fullmatch(r"[0-9]{6}", area_code):
        raise ValueError("area_code must be 6 digits")
    if not 0 <= sequence <= 999:
        raise ValueError("sequence must be within 0..999")
    body = f"{area_code}{birth.year:04d}{birth.month:02d}{birth.day:02d}{sequence:03d}"
    return body + ric.calc_check_digit(body + "0")


def looks_like_excel_damage(raw: object) -> str | None:
    """Explain how Excel mangled a number it stored as a number, or None when nothing points to that."""
    if isinstance(raw, float):
        return Message(QT_TRANSLATE_NOOP("Messages", "身份证号码被Excel存成了数字，末几位可能已经丢失；{retype}"),
                       retype=_RETYPE_AS_TEXT)
    text = fold_fullwidth(str(raw or "")).strip()
    if re.fullmatch(r"[0-9](\.[0-9]+)?[eE]\+?[0-9]+", text):
        return Message(QT_TRANSLATE_NOOP("Messages", "身份证号码被Excel显示成了科学计数法（如6.50102E+17），末几位已丢失；"
                                                     "{retype}"), retype=_RETYPE_AS_TEXT)
    if re.fullmatch(r"[0-9]{15,18}\.0*", text):
        return Message(QT_TRANSLATE_NOOP("Messages", "身份证号码被Excel存成了数字（末尾多了“.0”），末几位可能已经丢失；"
                                                     "{retype}"), retype=_RETYPE_AS_TEXT)
    if re.fullmatch(r"[0-9]{15}000", text) and text[17] != ric.calc_check_digit(text):
        return QT_TRANSLATE_NOOP("Messages", "身份证号码末三位为000且校验不通过，多半是Excel把号码存成数字后丢失了末几位；"
                                             "请核对原始号码")
    return None
