"""The one masking rule for personal data shown outside a record's own edit form (DESIGN §5)."""

import re

from desktop_app.domain.phones import MOBILE_PATTERN, normalize_phone, split_landline
from desktop_app.domain.text_folding import fold_fullwidth

ADDRESS_LEVEL_MARKERS = ("村", "镇", "乡", "街道", "社区")
ADDRESS_FALLBACK_LENGTH = 6
HIDDEN = "****"


def mask_id(number: str) -> str:
    """650102199001011235 -> 650102********1235; other lengths show at most half."""
    text = (number or "").strip()
    if len(text) == 18:
        return text[:6] + "*" * 8 + text[-4:]
    return _mask_middle(text, len(text) // 2)


def mask_phone(phone: str) -> str:
    """13812345678 -> 138****5678; landline 0998-1234567 -> 0998-****567."""
    text = (phone or "").strip()
    if not text:
        return ""
    number = normalize_phone(text)
    if MOBILE_PATTERN.fullmatch(number):
        return number[:3] + HIDDEN + number[-4:]
    landline = split_landline(number)
    if landline is not None:
        area, local = landline
        shown = max(2, min(4, len(local) // 2))
        return f"{area}-{'*' * (len(local) - shown)}{local[-shown:]}"
    return _mask_middle(number, len(number) // 2)


def mask_address(address: str) -> str:
    """Keep the address up to its village, township, street or community, then ****."""
    text = (address or "").strip()
    if not text:
        return ""
    ends = [
        position + len(marker)
        for marker in ADDRESS_LEVEL_MARKERS
        # A marker at the very start is part of a place name (镇江市, 乡宁县), not a level.
        if (position := text.find(marker, 1)) > 0
    ]
    keep = min(ends) if ends else min(ADDRESS_FALLBACK_LENGTH, len(text) // 2)
    return text[:keep] + HIDDEN


def _mask_middle(text: str, shown: int) -> str:
    head = (shown + 1) // 2
    tail = shown - head
    return text[:head] + "*" * (len(text) - shown) + (text[-tail:] if tail else "")


# --- numbers inside free text (备注, case facts, records) and log lines --------------------------------

_SEP = r"[ \-‐‑‒–—―﹣]?"
_ID18 = rf"(?:\d{_SEP}){{17}}[\dXx]"
_ID15 = rf"(?:\d{_SEP}){{14}}\d"
_MOBILE = rf"(?:(?:\+|00)?86{_SEP})?1{_SEP}[3-9](?:{_SEP}\d){{9}}"
_LANDLINE = r"0\d{2,3}[\-‐‑‒–—―﹣][1-9]\d{6,7}"
# Matched on the text with full-width characters folded (same length), so spans fit the original text.
PERSONAL_NUMBER = re.compile(
    rf"(?<![0-9])(?:(?P<id>{_ID18})|(?P<mobile>{_MOBILE})|(?P<old_id>{_ID15})|(?P<landline>{_LANDLINE}))"
    r"(?![0-9])", re.ASCII)
_NOT_DIGIT = re.compile(r"[^0-9X]")


def _personal_numbers(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, digits) of each ID or phone number in `text`."""
    folded = fold_fullwidth(text).replace("\u3000", " ")
    return [(m.start(), m.end(), m.lastgroup or "", _NOT_DIGIT.sub("", m.group().upper()))
            for m in PERSONAL_NUMBER.finditer(folded)]


def _replace(text: str, shown) -> str:
    out, last = [], 0
    for start, end, kind, digits in _personal_numbers(text):
        out.append(text[last:start])
        out.append(shown(kind, digits, text[start:end]))
        last = end
    out.append(text[last:])
    return "".join(out)


def mask_free_text(text: str) -> str:
    """Free text with every ID number and phone number in it masked as `mask_id` / `mask_phone` would:
    18- and 15-digit IDs, also written with spaces or dashes; mobiles as 13812345678, 138-1234-5678,
    138 1234 5678, +86 138 1234 5678, 0086…, in full-width digits too; landlines with an area code
    (0998-1234567)."""
    if not text:
        return text or ""

    def shown(kind: str, digits: str, original: str) -> str:
        if kind in ("id", "old_id"):
            return mask_id(digits)
        if kind == "mobile":
            return mask_phone(digits[-11:])
        return mask_phone(fold_fullwidth(original))

    return _replace(text, shown)


def redact_numbers(text: str, replacement: str) -> str:
    """Every ID number and phone number in `text` replaced by `replacement` (for log lines)."""
    return _replace(text, lambda _kind, _digits, _original: replacement) if text else text or ""
