"""The bundled CJK fonts for reportlab, each registered once per process, on first use."""

from __future__ import annotations

import io
from functools import cache

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


@cache
def font(name: str) -> str:
    """Register the font `name` (HEI, SONG or KAI) with reportlab if needed and return its name."""
    pdfmetrics.registerFont(TTFont(name, io.BytesIO(read_font(FONT_FILES[name])), subfontIndex=0))
    return name
