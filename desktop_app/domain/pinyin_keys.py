"""Pinyin search keys for names: full pinyin and initials, so "nuer" and "nemm" find 努尔买买提.

A surname character with several readings (曾 zeng/ceng, 单 shan/dan, 解 xie/jie) gets every reading,
the variants separated by "|"; dots and spaces are left out so a search may run across them.
"""

from __future__ import annotations

from functools import lru_cache

_MAX_SURNAME_READINGS = 3
_DROP = str.maketrans("", "", "·• .-")


def _syllables(text: str) -> list[str]:
    from pypinyin import lazy_pinyin  # its dictionaries take ~0.1 s to load: not at start-up

    # pypinyin documents that an `errors` callback may return a list; its stubs allow only a str
    return [s.lower().translate(_DROP) for s in lazy_pinyin(text, errors=_each_char)]  # type: ignore[arg-type]


def _each_char(chars: str) -> list[str]:
    """Characters without pinyin (letters, digits) are kept, one item each."""
    return list(chars)


@lru_cache(maxsize=65_536)  # names repeat (a roster import or the demo data has thousands of 买买提)
def pinyin_keys(name: str) -> tuple[str, str]:
    """Return (full, initials) for the roster's search columns."""
    name = name.strip()
    if not name:
        return "", ""
    from pypinyin import Style, pinyin

    rest = _syllables(name[1:])
    first_readings = [r.lower() for r in pinyin(name[0], style=Style.NORMAL, heteronym=True)[0]]
    readings = list(dict.fromkeys(first_readings))[:_MAX_SURNAME_READINGS] or [name[0].lower()]
    fulls, initials = [], []
    for reading in readings:
        syllables = [reading.translate(_DROP), *rest]
        fulls.append("".join(syllables))
        initials.append("".join(s[0] for s in syllables if s))
    return "|".join(dict.fromkeys(fulls)), "|".join(dict.fromkeys(initials))


def search_term(text: str) -> str:
    """The typed search text as it is compared with the keys."""
    return text.strip().lower().translate(_DROP)
