"""The one masking rule for personal data shown outside a record's own edit form (DESIGN §5)."""

from desktop_app.domain.phones import MOBILE_PATTERN, normalize_phone, split_landline

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
