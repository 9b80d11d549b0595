"""How the documents break Chinese text into lines (DESIGN.md §4): no line starts with closing punctuation
(not even the second of two, "）；", which reportlab's own CJK wrapping lets through), no line ends with an
opening bracket or quote, and a date ("2026年12月10日前"), a time, a case number, a figure or an ID number,
a name with a middle dot and every name the document is told about (`keeping`) stays on one line, unless
it is wider than the line itself.

`CJKParagraph` is reportlab's Paragraph with this line breaking; `layout.para` makes every paragraph of the
case documents one. The names to keep are given for a whole document:

    with keeping(["王建国", "艾力·买买提"]):
        story = ...; pdf = build_pdf(story, spec)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine

from .fonts import CANNOT_START

CANNOT_END = "（(《〈“‘「『【〔［[{"
_FUZZ = 1e-6
_PROTECTED = re.compile(
    r"[（(]\d{4}[）)][^\s，。；：、（）]{1,20}?字第\d+号"  # case numbers
    r"|(?:\d{4}|_{2,})年(?:\d{1,2}|_{2,})月(?:\d{1,2}|_{2,})日[前起止]?"  # dates, also the blank ones
    r"|\d{1,2}月\d{1,2}日[前起止]?"
    r"|(?:\d{1,2}|_{2,})时(?:\d{1,2}|_{2,})分"
    r"|[0-9A-Za-z][0-9A-Za-z.,:/%*×\-]*[0-9A-Za-z%*]"  # figures, ID numbers (also masked), phones
)
# A name with a middle dot, found without being told the names. Its ends are a guess (the pattern cannot
# tell "买买提" from the "邻里纠纷" after it), so when such a run does not fit a line it may be broken at
# a place only this guess forbids, before it is broken anywhere.
_DOTTED_NAME = re.compile(r"[\u3400-\u9fff]{1,12}(?:·[\u3400-\u9fff]{1,12})+")
_KEEP: ContextVar[tuple[str, ...]] = ContextVar("keep_on_one_line", default=())


@contextmanager
def keeping(words: Iterable[str]) -> Iterator[None]:
    """Within the block, each of `words` (names) stays on one line wherever it appears."""
    chosen = tuple(sorted({w.strip() for w in words if w and len(w.strip()) > 1}, key=len, reverse=True))
    token = _KEEP.set(tuple(dict.fromkeys(_KEEP.get() + chosen)))
    try:
        yield
    finally:
        _KEEP.reset(token)


def protected_spans(text: str, words: Sequence[str] = (), *, guessed_names: bool = True) -> list[tuple[int, int]]:
    """(start, end) of every run of `text` that must not be broken (`guessed_names`: with the runs that
    look like a name with a middle dot)."""
    spans = [m.span() for m in _PROTECTED.finditer(text)]
    if guessed_names:
        spans += [m.span() for m in _DOTTED_NAME.finditer(text)]
    for word in words:
        start = text.find(word)
        while start >= 0:
            spans.append((start, start + len(word)))
            start = text.find(word, start + 1)
    return spans


def break_allowed(text: str, words: Sequence[str] = (), *, guessed_names: bool = True) -> list[bool]:
    """allowed[i]: a line may begin with text[i] (index 0 always may)."""
    n = len(text)
    allowed = [True] * (n + 1)
    for start, end in protected_spans(text, words, guessed_names=guessed_names):
        for i in range(start + 1, end):
            allowed[i] = False
    for i in range(1, n):
        if text[i] in CANNOT_START or text[i - 1] in CANNOT_END:
            allowed[i] = False
    return allowed


def split_units(units: list[Any], max_widths: Sequence[float], calc_bounds: bool,
                words: Sequence[str] = ()) -> ParaLines:
    """Lay the glyphs out in lines no wider than `max_widths` (one width per line, the last repeated),
    breaking only where `break_allowed` lets; a run that cannot be broken and does not fit is broken where
    it must, still never before closing punctuation."""
    offsets, text = [], ""
    for unit in units:
        offsets.append(len(text))
        text += str(unit)
    allowed_at = break_allowed(text, words)
    loosely_allowed_at: list[bool] | None = None

    def may_start(i: int) -> bool:
        return allowed_at[offsets[i]] if str(units[i]) else True

    def may_start_loosely(i: int) -> bool:
        nonlocal loosely_allowed_at
        if loosely_allowed_at is None:
            loosely_allowed_at = break_allowed(text, words, guessed_names=False)
        return loosely_allowed_at[offsets[i]] if str(units[i]) else True

    lines: list[Any] = []
    n = len(units)
    start = i = 0
    used = 0.0
    max_width = max_widths[0]
    while i < n:
        unit = units[i]
        width = unit.width
        if hasattr(unit.frag, "lineBreak"):
            lines.append(makeCJKParaLine(units[start:i + 1], max_width, used, max_width - used, True, calc_bounds))
            start = i = i + 1
            used = 0.0
            max_width = max_widths[min(len(lines), len(max_widths) - 1)]
            continue
        if used + width > max_width + _FUZZ and i > start:
            cut = i
            while cut > start and not may_start(cut):
                cut -= 1
            if cut == start:  # a guessed name too long for the line: break where only the guess forbids it
                cut = i
                while cut > start and not may_start_loosely(cut):
                    cut -= 1
            if cut == start:  # nothing may break here: break at the edge, hanging closing punctuation
                cut = i
                while cut < n and str(units[cut]) and str(units[cut])[0] in CANNOT_START:
                    cut += 1
            line_width = sum(u.width for u in units[start:cut])
            lines.append(makeCJKParaLine(units[start:cut], max_width, line_width, max_width - line_width, False,
                                         calc_bounds))
            start = i = cut
            used = 0.0
            max_width = max_widths[min(len(lines), len(max_widths) - 1)]
            continue
        used += width
        i += 1
    if start < n:
        lines.append(makeCJKParaLine(units[start:], max_width, used, max_width - used, False, calc_bounds))
    return ParaLines(kind=1, lines=lines)


class CJKParagraph(Paragraph):
    """A Paragraph broken into lines by `split_units`, keeping the names of the enclosing `keeping`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._keep_words = _KEEP.get()
        super().__init__(*args, **kwargs)

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # noqa: N802 - reportlab's name
        if not isinstance(maxWidths, list | tuple):
            maxWidths = [maxWidths]
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara
        style = self.style
        self.height = 0
        frags = self.frags
        if not frags:
            return ParaLines(kind=0, fontSize=style.fontSize, fontName=style.fontName, textColor=style.textColor,
                             lines=[], ascent=style.fontSize, descent=-0.2 * style.fontSize)
        units: list[Any] = []
        for frag in frags:
            text = frag.text.decode("utf8") if isinstance(frag.text, bytes) else frag.text
            units.extend(cjkU(ch, frag, "utf8") for ch in text) if text else units.append(cjkU(text, frag, "utf8"))
        auto_leading = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        return split_units(units, maxWidths, auto_leading not in ("", "off"), getattr(self, "_keep_words", ()))
