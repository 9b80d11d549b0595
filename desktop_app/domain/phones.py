"""Phone numbers: mainland mobiles and landlines with an area code."""

import re

from desktop_app.domain.errors import FieldError
from desktop_app.domain.i18n import QT_TRANSLATE_NOOP
from desktop_app.domain.text_folding import fold_fullwidth

FIELD = "phone"
MOBILE_PATTERN = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"(0\d{2,3})-?([1-9]\d{6,7})")
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―﹣()]+")


def normalize_phone(raw: str) -> str:
    """Digits only, without spaces, dashes, brackets or a +86/0086 prefix before a mobile number."""
    text = _SEPARATORS.sub("", fold_fullwidth(raw or "").strip())
    for prefix in ("+86", "0086", "86"):
        if text.startswith(prefix) and len(text) - len(prefix) == 11 and text[len(prefix)] == "1":
            return text[len(prefix) :]
    return text


def validate_mobile(raw: str) -> str:
    number = normalize_phone(raw)
    if not number:
        raise FieldError(FIELD, QT_TRANSLATE_NOOP("Messages", "请填写手机号码"))
    if not MOBILE_PATTERN.fullmatch(number):
        raise FieldError(FIELD, QT_TRANSLATE_NOOP("Messages", "手机号码应为1开头的11位数字"))
    return number


def validate_phone(raw: str) -> str:
    """A mobile ("13812345678") or a landline, returned as "0998-1234567"."""
    number = normalize_phone(raw)
    if not number:
        raise FieldError(FIELD, QT_TRANSLATE_NOOP("Messages", "请填写电话号码"))
    if MOBILE_PATTERN.fullmatch(number):
        return number
    landline = split_landline(_typed_landline(raw) or number)
    if landline is None:
        raise FieldError(FIELD, QT_TRANSLATE_NOOP("Messages", "电话号码格式不对：手机为1开头的11位数字，固定电话如 0998-1234567"))
    return "-".join(landline)


def split_landline(text: str) -> tuple[str, str] | None:
    """(area code, local number); without a dash, 010 and 02x are the 3-digit area codes."""
    if "-" in text:
        match = _LANDLINE.fullmatch(text)
        return (match.group(1), match.group(2)) if match else None
    area_length = 3 if text[:2] in ("01", "02") else 4
    match = _LANDLINE.fullmatch(f"{text[:area_length]}-{text[area_length:]}")
    return (match.group(1), match.group(2)) if match else None


def _typed_landline(raw: str) -> str | None:
    """Keep the user's own split when area code and number were separated by a dash, space or bracket."""
    parts = [part for part in re.split(r"[\s\-‐‑‒–—―﹣()]+", fold_fullwidth(raw or "").strip()) if part]
    if len(parts) == 2 and parts[0].startswith("0"):
        return "-".join(parts)
    return None
