"""Amounts in agreements: figures with thousands separators, and uppercase Chinese (大写金额)."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .i18n import QT_TRANSLATE_NOOP, Message

CENT = Decimal("0.01")
UPPER_LIMIT = Decimal(10) ** 12
_MAX_DIGITS = 15  # far above UPPER_LIMIT, far below the 28 digits of Decimal's default context
_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_PLACES = ("", "拾", "佰", "仟")
_GROUPS = ("", "万", "亿")


def to_amount(amount: Decimal | int | float | str) -> Decimal:
    """The amount as a Decimal rounded to the fen; ValueError for anything that is not a number."""
    try:
        value = Decimal(str(amount).strip().replace(",", ""))
    except InvalidOperation:
        raise ValueError(
            Message(QT_TRANSLATE_NOOP("Messages", "不是有效的金额：“{amount}”"), amount=amount)) from None
    if not value.is_finite():
        raise ValueError(Message(QT_TRANSLATE_NOOP("Messages", "不是有效的金额：“{amount}”"), amount=amount))
    if value.adjusted() >= _MAX_DIGITS:  # quantize would raise InvalidOperation past 28 digits
        raise ValueError(QT_TRANSLATE_NOOP("Messages", "金额过大，请核对"))
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def format_amount(amount: Decimal | int | float | str) -> str:
    """3500 -> "3,500.00"."""
    return f"{to_amount(amount):,.2f}"


def amount_to_chinese_upper(amount: Decimal | int | float | str) -> str:
    """3500 -> 叁仟伍佰元整, 1005.5 -> 壹仟零伍元伍角整, 1005.05 -> 壹仟零伍元零伍分.

    整 follows 元 or 角, never 分 (the convention of the 支付结算办法 for bills and vouchers).
    """
    value = to_amount(amount)
    if value < 0:
        raise ValueError(QT_TRANSLATE_NOOP("Messages", "金额不能为负数"))
    if value >= UPPER_LIMIT:
        raise ValueError(QT_TRANSLATE_NOOP("Messages", "金额不能达到一万亿元"))
    cents = int(value * 100)
    yuan, rest = divmod(cents, 100)
    jiao, fen = divmod(rest, 10)
    if cents == 0:
        return "零元整"
    text = _integer_upper(yuan) + "元" if yuan else ""
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif fen and yuan:
        text += "零"
    if fen:
        return text + _DIGITS[fen] + "分"
    return text + "整"


def _integer_upper(number: int) -> str:
    groups: list[int] = []
    while number:
        number, group = divmod(number, 10000)
        groups.append(group)
    text = ""
    for index in reversed(range(len(groups))):
        group = groups[index]
        if not group:
            continue
        # Zeros between this group and the last digit written read as one 零.
        if text and (group < 1000 or not groups[index + 1]):
            text += "零"
        text += _group_upper(group) + _GROUPS[index]
    return text


def _group_upper(group: int) -> str:
    """A group of up to four digits; inner runs of zeros read as one 零, trailing zeros not at all."""
    digits = f"{group:04d}".lstrip("0")
    text = ""
    pending_zero = False
    for position, digit in enumerate(digits):
        place = len(digits) - 1 - position
        if digit == "0":
            pending_zero = True
            continue
        if pending_zero:
            text += "零"
            pending_zero = False
        text += _DIGITS[int(digit)] + _PLACES[place]
    return text
