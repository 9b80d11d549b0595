"""Folding of full-width ASCII look-alikes, as typed with a Chinese input method."""

_FULLWIDTH_TO_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH_TO_ASCII[0x3000] = ord(" ")


def fold_fullwidth(text: str) -> str:
    """Turn full-width letters, digits, punctuation and the ideographic space into ASCII."""
    return text.translate(_FULLWIDTH_TO_ASCII)
