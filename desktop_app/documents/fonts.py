"""The bundled CJK fonts for reportlab, each registered once per process, on first use or ahead of it in a
background thread (`preload_fonts_in_background`, called as the window starts: registering takes about a
second, which the first print of a session would otherwise spend with the window frozen)."""

from __future__ import annotations

import io
import threading

from reportlab.lib import textsplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import paragraph

from ..font_files import read_font

HEI = "Hei"  # WenQuanYi Micro Hei: tables, forms
SONG = "Song"  # AR PL UMing: body text of documents
KAI = "Kai"  # AR PL UKai: certificates, headings

FONT_FILES = {HEI: "wqy-microhei.ttc", SONG: "uming.ttc", KAI: "ukai.ttc"}


# Chinese punctuation must not start a line (reportlab's list is the Japanese one and lacks the
# full-width comma, colon, semicolon …). Every document gets its fonts from here, so this is set once
# for all of them; the case documents break their lines by the stricter rules of line_breaks.py.
_CANNOT_START = "，：；！？、。》）」』】〕”’·%"
CANNOT_START = paragraph.ALL_CANNOT_START = textsplit.ALL_CANNOT_START = "".join(
    dict.fromkeys(textsplit.ALL_CANNOT_START + _CANNOT_START))


_registered: set[str] = set()
_lock = threading.Lock()


def font(name: str) -> str:
    """Register the font `name` (HEI, SONG or KAI) with reportlab if needed and return its name."""
    if name not in _registered:
        with _lock:  # the background preload and a print may ask at once: one registration each
            if name not in _registered:
                pdfmetrics.registerFont(TTFont(name, io.BytesIO(read_font(FONT_FILES[name])), subfontIndex=0))
                _registered.add(name)
    return name


def fonts_ready() -> bool:
    return _registered >= set(FONT_FILES)


def preload_fonts_in_background() -> threading.Thread:
    """Register every bundled font in a daemon thread; returns the thread (already started)."""
    def load() -> None:
        for name in FONT_FILES:
            font(name)

    thread = threading.Thread(target=load, name="font-preload", daemon=True)
    thread.start()
    return thread
