"""Pinyin search keys for names: full pinyin and initials, so "nuer" and "nemm" find 努尔买买提.
`preload()` loads pypinyin's dictionaries ahead of need (a worker thread at start-up).

A surname character with several readings (曾 zeng/ceng, 单 shan/dan, 解 xie/jie) gets every reading,
the variants separated by "|"; dots and spaces are left out so a search may run across them.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import threading
import types
from functools import lru_cache
from pathlib import Path

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
    return _fit(fulls, FULL_LENGTH), _fit(initials, INITIALS_LENGTH)


FULL_LENGTH, INITIALS_LENGTH = 300, 60  # the columns' sizes (db/models.py; PostgreSQL refuses a longer value)


def _fit(variants: list[str], limit: int) -> str:
    """The variants joined by "|", as many as fit in `limit` characters (the first cut to fit when alone
    it is longer): a long name with a surname of three readings keeps the readings that fit."""
    kept: list[str] = []
    for variant in dict.fromkeys(variants):
        if len("|".join([*kept, variant])) > limit:
            break
        kept.append(variant)
    return "|".join(kept) if kept else variants[0][:limit]


def search_term(text: str) -> str:
    """The typed search text as it is compared with the keys."""
    return text.strip().lower().translate(_DROP)


_preloaded = threading.Event()


def preload() -> None:
    """Load pypinyin's dictionaries now (on a worker thread, at start-up), so the first name sorted or saved
    does not wait a second for them on the GUI thread. Its two JSON files (2.5 MB of phrases, 0.8 MB of
    characters) are parsed a few hundred entries at a time: one json.loads of a whole file holds the GIL
    for up to half a second and would stall the window even from another thread."""
    if _preloaded.is_set():
        return
    try:
        if "pypinyin" not in sys.modules:
            spec = importlib.util.find_spec("pypinyin")  # a top-level name: found, not imported
            folders = list(spec.submodule_search_locations or []) if spec is not None else []
            if folders:
                folder = Path(folders[0])
                characters = _json_in_steps(folder / "pinyin_dict.json")
                if characters is not None:
                    _install("pypinyin.pinyin_dict", "pinyin_dict", {int(k): v for k, v in characters.items()})
                phrases = _json_in_steps(folder / "phrases_dict.json")
                if phrases is not None:
                    _install("pypinyin.phrases_dict", "phrases_dict", phrases)
        pinyin_keys("预载")
    finally:
        _preloaded.set()


def _install(name: str, attribute: str, value: dict) -> None:
    """A module of pypinyin's, already loaded: its import finds it in sys.modules."""
    module = types.ModuleType(name)
    setattr(module, attribute, value)
    sys.modules.setdefault(name, module)


def _json_in_steps(path: Path, step: int = 400) -> dict | None:
    """The JSON object of `path` parsed `step` entries at a time; None when it is not laid out as pypinyin
    ships it (each entry starting on a line of its own with its key: `"词语": [`, `"19968": "yī"`), and
    pypinyin then reads it itself."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    if len(lines) < 2 or lines[0] != "{" or lines[-1] != "}":
        return None
    starts = [i for i in range(1, len(lines) - 1) if lines[i].startswith('"') and '": ' in lines[i]]
    if not starts or starts[0] != 1:
        return None
    starts.append(len(lines) - 1)
    found: dict = {}
    try:
        for k in range(0, len(starts) - 1, step):
            chunk = "\n".join(lines[starts[k]:starts[min(k + step, len(starts) - 1)]]).rstrip().rstrip(",")
            found.update(json.loads("{" + chunk + "}"))
    except ValueError:
        return None
    return found
