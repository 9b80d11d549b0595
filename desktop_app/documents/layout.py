"""Shared layout of the printed documents: page frame (A4 portrait or landscape) with a header (unit,
title) and a footer ("第 N 页 共 M 页"), paragraph styles, the title, label/value form tables, data tables,
signature and fingerprint boxes, signature lines and the unit-and-date block (with the seal image over
the unit's name when there is one).

Several documents can share one PDF (the 卷宗): a `PageMark` at the start of each switches the header and
footer to that document's `PageSpec` and numbers the pages on through the file.

Plain reportlab (platypus) only: no Qt, no database. Text from the user is escaped here (`escape`),
breaks into lines by the rules of line_breaks.py (no line starts with closing punctuation; dates, numbers
and the names given to `build_pdf` stay on one line) and never reads "None": empty fields print as
blanks to fill by hand.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, partial
from typing import Any, TypeAlias

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    LongTable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..domain.dates import format_date
from .fonts import HEI, KAI, SONG, font
from .line_breaks import CJKParagraph, keeping
from .seal import draw_seal

CREATOR = "义警服务队管理系统"
BODY_SIZE = 12
BODY_LEADING = 19
CELL_SIZE = 10
CELL_LEADING = 14.5
LINE_COLOR = colors.HexColor("#333333")
FAINT = colors.HexColor("#777777")
HEADER_FILL = colors.HexColor("#E4E8F0")
MARK_FILL = colors.HexColor("#FBE3E3")
MARK_TEXT = colors.HexColor("#B00000")
BLANK = "_"

# --- page frame --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageSpec:
    """The page of a document: size, margins, header and footer.

    The header shows `unit_name` on the left and `header_right` (default: the title) on the right of a
    thin rule; the footer shows `footer_left`, "第 N 页 共 M 页" in the middle, and `footer_right`.
    """

    title: str
    unit_name: str = ""
    landscape: bool = False
    header_right: str | None = None
    footer_left: str = ""
    footer_right: str = ""
    show_header: bool = True
    show_page_numbers: bool = True
    subject: str = ""
    margin_top: float = 24 * mm
    margin_bottom: float = 20 * mm
    margin_left: float = 25 * mm
    margin_right: float = 20 * mm

    @property
    def pagesize(self) -> tuple[float, float]:
        return landscape(A4) if self.landscape else A4

    @property
    def frame_width(self) -> float:
        return self.pagesize[0] - self.margin_left - self.margin_right

    @property
    def frame_height(self) -> float:
        return self.pagesize[1] - self.margin_top - self.margin_bottom


class _FramedCanvas(Canvas):
    """Keeps every page until the end, then draws header and footer with the page count on each. A page
    after a `PageMark` uses the mark's spec and, when it numbers on (`number_from`), "第 N 页" counted from
    the mark's first numbered page."""

    def __init__(self, *args: Any, spec: PageSpec, on_page: PageCallback | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._spec = spec
        self._on_page = on_page
        self._saved_pages: list[dict] = []

    def showPage(self) -> None:
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()
        if self._on_page is not None:
            self._on_page(len(self._saved_pages))

    def save(self) -> None:
        total = len(self._saved_pages)
        for number, state in enumerate(self._saved_pages, start=1):
            self.__dict__.update(state)
            self._draw_frame(number, total, state.get("_yj_spec") or self._spec, state.get("_yj_number_from"))
            super().showPage()
        super().save()

    def _draw_frame(self, number: int, total: int, spec: PageSpec, number_from: int | None = None) -> None:
        width, height = spec.pagesize
        left, right = spec.margin_left, width - spec.margin_right
        self.saveState()
        self.setFillColor(FAINT)
        self.setStrokeColor(FAINT)
        if spec.show_header:
            top = height - spec.margin_top + 7 * mm
            right_text = spec.title if spec.header_right is None else spec.header_right
            size = fitting_size([spec.unit_name, right_text], right - left - 8 * mm, font(HEI), 8.5)
            self.setFont(font(HEI), size)
            self.drawString(left, top, spec.unit_name)
            self.drawRightString(right, top, right_text)
            self.setLineWidth(0.5)
            self.line(left, top - 1.8 * mm, right, top - 1.8 * mm)
        bottom = spec.margin_bottom - 10 * mm
        self.setFont(font(HEI), 8.5)
        if spec.show_page_numbers:
            label = f"第 {number} 页 共 {total} 页" if number_from is None else f"第 {number - number_from + 1} 页"
            self.drawCentredString(width / 2, bottom, label)
        if spec.footer_left:
            self.drawString(left, bottom, spec.footer_left)
        if spec.footer_right:
            self.drawRightString(right, bottom, spec.footer_right)
        self.restoreState()


class PageMark(Flowable):
    """Put first in a document inside a larger PDF (after a PageBreak): from its page on, the pages use
    `spec`; with `numbered` they are numbered on from the first numbered mark of the file. The page it
    landed on is written to `pages[key]` (for a table of contents)."""

    def __init__(self, spec: PageSpec, key: str = "", pages: dict[str, int] | None = None, *,
                 numbered: bool = True, starts_numbering: bool = False) -> None:
        super().__init__()
        self.spec, self.key, self.pages = spec, key, pages
        self.numbered, self.starts_numbering = numbered, starts_numbering
        self.width = self.height = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canvas = self.canv
        page = canvas.getPageNumber()
        canvas._yj_spec = self.spec
        if self.starts_numbering:
            canvas._yj_first_numbered = page
        canvas._yj_number_from = getattr(canvas, "_yj_first_numbered", page) if self.numbered else None
        if self.pages is not None and self.key:
            self.pages[self.key] = page


PageCallback = Callable[[int], None]  # called with the number of pages laid out so far; may raise to stop


def build_pdf(story: Iterable[Flowable], spec: PageSpec, keep: Iterable[str] = (),
              on_page: PageCallback | None = None) -> bytes:
    """Lay the flowables out on A4 pages framed by `spec` and return the PDF bytes (fonts embedded); each
    of `keep` (names) stays on one line (paragraphs made before the call keep the names they were made
    with: make the story inside `line_breaks.keeping` too). `on_page` hears of each page laid out (a long
    document's progress; what it raises stops the build)."""
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=spec.pagesize, leftMargin=spec.margin_left, rightMargin=spec.margin_right,
        topMargin=spec.margin_top, bottomMargin=spec.margin_bottom, title=spec.title,
        author=spec.unit_name, subject=spec.subject or spec.title, creator=CREATOR, pageCompression=1,
    )
    # No frame padding: the frame is exactly the area inside the margins (`spec.frame_width`).
    frame = Frame(spec.margin_left, spec.margin_bottom, spec.frame_width, spec.frame_height, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], pagesize=spec.pagesize)])
    with keeping(keep):
        doc.build(list(story), canvasmaker=partial(_FramedCanvas, spec=spec, on_page=on_page))
    return buffer.getvalue()


# --- text --------------------------------------------------------------------------------------------


def escape(text: str) -> str:
    """User text as paragraph markup: &, <, > escaped; line breaks kept."""
    text = (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("\r\n", "\n").replace("\n", "<br/>")


def blank(value: object = "", width: int = 12) -> str:
    """`value` as text, or a blank line of `width` underscores to fill in by hand; never "None"."""
    text = "" if value is None else str(value).strip()
    return text or BLANK * width


def lines_of(text: str) -> list[str]:
    """The non-empty lines of `text`, stripped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def date_or_blank(value: date | None) -> str:
    """2024年4月13日, or "____年___月___日" to fill in."""
    return format_date(value) if value else "____年___月___日"


def format_datetime(value: datetime | None) -> str:
    """2024年4月10日 21时30分 (the time only when it is not midnight), or a blank."""
    if value is None:
        return "____年___月___日___时___分"
    if isinstance(value, datetime) and (value.hour or value.minute):
        return f"{format_date(value.date())} {value.hour}时{value.minute:02d}分"
    return format_date(value.date() if isinstance(value, datetime) else value)


_NUMERALS = "〇一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 99 -> 九十九 (ordinals of terms and sections)."""
    if not 0 < n < 100:
        return str(n)
    tens, units = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _NUMERALS[tens] + "十")
    return head + (_NUMERALS[units] if units else "")


_NUMBERING = re.compile(
    r"^\s*(?:第[一二三四五六七八九十\d]+[条项]|[（(][一二三四五六七八九十\d]+[）)]|"
    r"[一二三四五六七八九十]+[、.．]|\d+\s*[、)）]|\d+\s*[.．](?!\d))\s*"
)


def numbered_items(text: str, style: str = "chinese") -> list[str]:
    """One item a line, renumbered: 一、二、三、 (style "chinese") or 1. 2. 3. (style "arabic").

    Numbers the user typed at the start of a line (1. / 1、 / 一、 / （一） / 第一条) are replaced, not doubled.
    """
    items = [_NUMBERING.sub("", line, count=1).strip() for line in lines_of(text)]
    items = [item for item in items if item]
    if style == "arabic":
        return [f"{i}. {item}" for i, item in enumerate(items, start=1)]
    return [f"{chinese_number(i)}、{item}" for i, item in enumerate(items, start=1)]


def shorten(text: str, limit: int) -> str:
    """`text` on one line, cut to `limit` characters with "……" when longer."""
    flat = join_clauses(lines_of(text))
    return flat if len(flat) <= limit else flat[: max(0, limit - 2)] + "……"


def join_clauses(parts: Iterable[str], separator: str = "；") -> str:
    """The parts on one line, `separator` between them unless a part already ends in punctuation."""
    text = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if text and text[-1] not in "。；，！？：、":
            text += separator
        text += part
    return text


def fitting_size(texts: Sequence[str], width: float, font_name: str, size: float, minimum: float = 5) -> float:
    """The largest size up to `size` at which the texts, side by side, fit in `width`."""
    while size > minimum and sum(stringWidth(t, font_name, size) for t in texts) > width:
        size -= 0.5
    return size


# --- styles ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocStyles:
    body: ParagraphStyle  # SONG 12, no indent
    body_indent: ParagraphStyle  # SONG 12, first line indented two characters
    label: ParagraphStyle  # HEI 12: section labels ("纠纷主要事实、争议事项：")
    heading: ParagraphStyle  # KAI 13.5: sub-headings ("第1次调解")
    subtitle: ParagraphStyle  # SONG 11, centred: the line under a title
    right: ParagraphStyle  # SONG 12, right aligned ("编号：…")
    cell: ParagraphStyle  # SONG 10: values in form tables
    cell_label: ParagraphStyle  # HEI 10, centred: labels in form tables
    table: ParagraphStyle  # HEI 9: data tables
    table_centre: ParagraphStyle
    table_head: ParagraphStyle
    small: ParagraphStyle  # HEI 9, grey: notes


@cache
def doc_styles() -> DocStyles:
    """The paragraph styles of every document (fonts registered on first call)."""
    body = ParagraphStyle("body", fontName=font(SONG), fontSize=BODY_SIZE, leading=BODY_LEADING,
                          wordWrap="CJK", alignment=TA_LEFT)
    table = ParagraphStyle("table", fontName=font(HEI), fontSize=9, leading=12.5, wordWrap="CJK")
    cell = ParagraphStyle("cell", parent=body, fontSize=CELL_SIZE + 0.5, leading=CELL_LEADING + 1)
    return DocStyles(
        body=body,
        body_indent=ParagraphStyle("body_indent", parent=body, firstLineIndent=2 * BODY_SIZE),
        label=ParagraphStyle("label", parent=body, fontName=font(HEI), spaceBefore=3, spaceAfter=1, keepWithNext=1),
        heading=ParagraphStyle("heading", parent=body, fontName=font(KAI), fontSize=13.5, leading=20,
                               spaceBefore=4, spaceAfter=3, keepWithNext=1),
        subtitle=ParagraphStyle("subtitle", parent=body, fontSize=11, leading=16, alignment=TA_CENTER),
        right=ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
        cell=cell,
        cell_label=ParagraphStyle("cell_label", parent=cell, fontName=font(HEI), fontSize=CELL_SIZE,
                                  alignment=TA_CENTER),
        table=table,
        table_centre=ParagraphStyle("table_centre", parent=table, alignment=TA_CENTER),
        table_head=ParagraphStyle("table_head", parent=table, alignment=TA_CENTER, fontSize=9.5),
        small=ParagraphStyle("small", parent=table, textColor=FAINT),
    )


def para(text: str, style: ParagraphStyle | None = None, *, markup: bool = False) -> Paragraph:
    """A paragraph of user text (escaped unless `markup`), broken into lines by line_breaks.py."""
    return CJKParagraph(text if markup else escape(text), style or doc_styles().body)


def paragraphs(text: str, style: ParagraphStyle | None = None, *, blank_lines: int = 0) -> list[Flowable]:
    """One paragraph a line of `text`; when it is empty, `blank_lines` ruled lines to write on."""
    style = style or doc_styles().body_indent
    items = lines_of(text)
    if items:
        return [para(line, style) for line in items]
    return [BlankLines(blank_lines, style.leading)] if blank_lines else []


def section(label: str, text: str, *, blank_lines: int = 2, style: ParagraphStyle | None = None) -> list[Flowable]:
    """A label ("各方责任：") and its text, or ruled lines when there is no text."""
    return [para(label, doc_styles().label), *paragraphs(text, style, blank_lines=blank_lines)]


def label_value(label: str, value: str, *, width: int = 16) -> Paragraph:
    """"调解机关：伽师县公安局夏普吐勒派出所" with the label in HEI; a blank line when the value is empty."""
    return para(f'<font name="{font(HEI)}">{escape(label)}：</font>{escape(blank(value, width))}',
                doc_styles().body, markup=True)


# --- flowables ---------------------------------------------------------------------------------------


class Title(Flowable):
    """A document title, centred, in SONG drawn a little bold (fill and stroke), letter-spaced."""

    def __init__(self, text: str, size: float = 21, font_name: str = SONG, space_after: float = 2 * mm) -> None:
        super().__init__()
        self.text, self.size, self.font_name, self.space_after = text, size, font_name, space_after

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        name = font(self.font_name)
        self._char_space = self.size * (0.3 if len(self.text) <= 6 else 0.12)
        natural = stringWidth(self.text, name, self.size) + self._char_space * (len(self.text) - 1)
        while natural > available_width and self.size > 10:
            self.size -= 1
            self._char_space = 0
            natural = stringWidth(self.text, name, self.size)
        self._text_width = natural
        self.height = self.size * 1.5 + self.space_after
        return available_width, self.height

    def draw(self) -> None:
        canvas = self.canv
        text = canvas.beginText((self.width - self._text_width) / 2, self.space_after + self.size * 0.35)
        text.setFont(font(self.font_name), self.size)
        text.setCharSpace(self._char_space)
        text.setTextRenderMode(2)
        canvas.setLineWidth(self.size * 0.025)
        text.textOut(self.text)
        canvas.drawText(text)


def title_block(title: str, *, number: str = "", subtitle: str = "", number_label: str = "编号：") -> list[Flowable]:
    """The title, an optional centred subtitle line and the number ("编号：（2024）夏派调字第012号") top right."""
    styles = doc_styles()
    story: list[Flowable] = [Title(title)]
    if subtitle:
        story.append(para(subtitle, styles.subtitle))
    if number:
        story.append(para(f"{number_label}{number}", styles.right))
    story.append(Spacer(1, 1 * mm))
    return story


class BlankLines(Flowable):
    """`count` ruled lines across the width, to write on by hand."""

    def __init__(self, count: int, leading: float = BODY_LEADING) -> None:
        super().__init__()
        self.count, self.leading = count, leading

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.count * self.leading

    def draw(self) -> None:
        self.canv.setStrokeColor(FAINT)
        self.canv.setLineWidth(0.5)
        for i in range(self.count):
            y = (self.count - i - 1) * self.leading + 3
            self.canv.line(0, y, self.width, y)


Cell: TypeAlias = str | Flowable | list[Flowable]


def _cell(value: Cell, style: ParagraphStyle) -> Flowable | list[Flowable] | str:
    if isinstance(value, str):
        items = lines_of(value)
        if not items:
            return ""
        return [para(line, style) for line in items] if len(items) > 1 else para(items[0], style)
    return value


def info_table(rows: Sequence[Sequence[tuple[str, Cell]]], width: float, *, label_width: float = 24 * mm,
               min_heights: dict[int, float] | None = None) -> Table:
    """A ruled form of label/value pairs: each row a list of (label, value) pairs; a row with fewer pairs
    than the widest one lets its last value span the rest. Values are text (wrapped), flowables or ""
    (an empty box to fill in). `min_heights` gives rows (by index) room to write in by hand.

    A long text in a full-width row is cut into pieces, one table row each without rules between them,
    so that the form breaks across pages between pieces and never cuts a line of text."""
    styles = doc_styles()
    pairs = max(len(row) for row in rows)
    value_width = (width - pairs * label_width) / pairs
    widths = [label_width, value_width] * pairs
    pad = 4
    data: list[list[Any]] = []
    commands: list[tuple] = [
        ("BOX", (0, 0), (-1, -1), 1.0, LINE_COLOR),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), pad),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad + 1),
    ]
    for index, row in enumerate(rows):
        n = len(row)
        last_width = width - sum(widths[: 2 * n - 1]) - 2 * pad
        values = [_cell(value, styles.cell) for _label, value in row]
        pieces = _pieces(values[-1], last_width) if n == 1 else [values[-1]]
        height = (min_heights or {}).get(index)
        if height:
            target = height - 2 * pad - 1
            if n == 1:
                pieces[-1] = _at_least(pieces[-1], last_width, target - _height(pieces[:-1], last_width))
            else:
                values = [_at_least(v, value_width - 2 * pad, target) for v in values[:-1]] + [
                    _at_least(values[-1], last_width, target)]
                pieces = [values[-1]]
        first = len(data)
        for k, piece in enumerate(pieces):
            r = len(data)
            cells: list[Any] = []
            for i, (label, _value) in enumerate(row):
                shown = piece if i == n - 1 else values[i]
                cells += [para(label, styles.cell_label) if k == 0 else "", shown]
            data.append(cells + [""] * (2 * pairs - len(cells)))
            for c in range(0, 2 * n, 2):
                commands.append(("BACKGROUND", (c, r), (c, r), HEADER_FILL))
            for c in range(1, 2 * n):
                commands.append(("LINEBEFORE", (c, r), (c, r), 0.6, LINE_COLOR))
            if n < pairs:
                commands.append(("SPAN", (2 * n - 1, r), (-1, r)))
            if k:
                commands.append(("TOPPADDING", (0, r), (-1, r), 0))
            if k < len(pieces) - 1:
                commands.append(("BOTTOMPADDING", (0, r), (-1, r), 0))
            if height or len(pieces) > 1:
                commands.append(("VALIGN", (1, r), (-1, r), "TOP"))
        if first:
            commands.append(("LINEABOVE", (0, first), (-1, first), 0.6, LINE_COLOR))
    return Table(data, colWidths=widths, style=TableStyle(commands))


PIECE_HEIGHT = 30 * mm


def _pieces(cell: Any, width: float) -> list[Any]:
    """The cell's flowables, paragraphs taller than PIECE_HEIGHT split into pieces (one table row each)."""
    if isinstance(cell, str):
        return [cell]
    out: list[Any] = []
    for item in cell if isinstance(cell, list) else [cell]:
        rest = item
        while True:
            _, height = rest.wrap(width, 1_000_000)
            parts = rest.split(width, PIECE_HEIGHT) if height > PIECE_HEIGHT else []
            if len(parts) < 2:
                out.append(rest)
                break
            out.append(parts[0])
            rest = parts[1]
    return out


def _height(cells: Sequence[Any], width: float) -> float:
    total = 0.0
    for cell in cells:
        for item in [] if isinstance(cell, str) else (cell if isinstance(cell, list) else [cell]):
            total += item.wrap(width, 1_000_000)[1]
    return total


def _at_least(cell: Any, width: float, height: float) -> list[Flowable]:
    """The cell's flowables followed by a spacer, so that together they are at least `height` tall."""
    items: list[Flowable] = [] if cell == "" else (list(cell) if isinstance(cell, list) else [cell])
    used = _height(items, width)
    if used < height:
        items.append(Spacer(1, height - used))
    return items


def data_table(header: Sequence[str], rows: Sequence[Sequence[Cell]], widths: Sequence[float], *,
               centred: Iterable[int] = (), marked_rows: Iterable[int] = (), font_size: float = 9,
               repeat_header: bool = True) -> LongTable:
    """A ruled table with a shaded header row repeated on each page; text wraps inside its cell.
    `centred` are column indexes; `marked_rows` (indexes into `rows`) get a light red background."""
    styles = doc_styles()
    body = ParagraphStyle("data", parent=styles.table, fontSize=font_size, leading=font_size * 1.38)
    centre = ParagraphStyle("data_centre", parent=body, alignment=TA_CENTER)
    head = ParagraphStyle("data_head", parent=styles.table_head, fontSize=font_size + 0.5,
                          leading=(font_size + 0.5) * 1.35)
    centred = set(centred)
    data: list[list[Any]] = [[para(h, head) for h in header]]
    for row in rows:
        data.append([_cell(value, centre if i in centred else body) for i, value in enumerate(row)])
    commands: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.5, LINE_COLOR),
        ("BOX", (0, 0), (-1, -1), 0.9, LINE_COLOR),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    for r in marked_rows:
        commands.append(("BACKGROUND", (0, r + 1), (-1, r + 1), MARK_FILL))
    return LongTable(data, colWidths=list(widths), repeatRows=1 if repeat_header else 0,
                     style=TableStyle(commands))


def column_width(texts: Iterable[str], font_size: float = 9, padding: float = 6.5, font_name: str = HEI) -> float:
    """The width a column needs to show its widest text on one line (HEI by default)."""
    return max((stringWidth(t, font(font_name), font_size) for t in texts), default=0) + padding


@dataclass(frozen=True)
class SignatureEntry:
    """Who signs: the printed label ("申请人") and name; the box itself stays blank."""

    label: str
    name: str = ""


class SignatureBoxes(Flowable):
    """For each entry: "申请人：姓名" printed, a ruled signature box and (by default) a fingerprint box
    with a dashed circle. Entries are laid out `columns` to a row; the whole is never split."""

    def __init__(self, entries: Sequence[SignatureEntry], *, columns: int = 2, fingerprint: bool = True,
                 box_height: float = 15 * mm, caption: str = "签名（盖章）") -> None:
        super().__init__()
        self.entries = list(entries) or [SignatureEntry("当事人")]
        self.columns, self.fingerprint, self.box_height, self.caption = columns, fingerprint, box_height, caption
        self.label_height = 6.5 * mm
        self.gap = 6 * mm

    @property
    def row_height(self) -> float:
        return self.label_height + self.box_height + self.gap

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        rows = -(-len(self.entries) // self.columns)
        self.height = rows * self.row_height - self.gap + 1 * mm
        return available_width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        canvas = self.canv
        cell_width = self.width / self.columns
        for index, entry in enumerate(self.entries):
            row, column = divmod(index, self.columns)
            x = column * cell_width
            top = self.height - row * self.row_height
            self._draw_one(canvas, entry, x, top, cell_width - 6 * mm)

    def _draw_one(self, canvas: Canvas, entry: SignatureEntry, x: float, top: float, width: float) -> None:
        label = f"{entry.label}：{entry.name}" if entry.name else f"{entry.label}："
        size = fitting_size([label], width, font(KAI), 12, minimum=7)
        canvas.setFillColor(colors.black)
        canvas.setFont(font(KAI), size)
        canvas.drawString(x, top - 5 * mm, label)
        box_top = top - self.label_height
        bottom = box_top - self.box_height
        print_width = self.box_height if self.fingerprint else 0
        sign_width = width - print_width - (3 * mm if self.fingerprint else 0)
        canvas.setStrokeColor(LINE_COLOR)
        canvas.setLineWidth(0.7)
        canvas.rect(x, bottom, sign_width, self.box_height)
        canvas.setFillColor(FAINT)
        canvas.setFont(font(HEI), 7)
        canvas.drawString(x + 1.5 * mm, box_top - 3.5 * mm, self.caption)
        if self.fingerprint:
            px = x + sign_width + 3 * mm
            canvas.rect(px, bottom, print_width, self.box_height)
            canvas.saveState()
            canvas.setDash(2, 2)
            canvas.setLineWidth(0.5)
            canvas.setStrokeColor(FAINT)
            canvas.circle(px + print_width / 2, bottom + self.box_height / 2 + 1.8 * mm, print_width * 0.27)
            canvas.restoreState()
            canvas.drawCentredString(px + print_width / 2, bottom + 1.5 * mm, "指印")


class SignatureLines(Flowable):
    """"人民调解员签名：__________" lines, as many to a row as fit (at most `columns`)."""

    def __init__(self, labels: Sequence[str], *, columns: int = 2, line_width: float = 38 * mm,
                 size: float = 12, row_height: float = 10 * mm) -> None:
        super().__init__()
        self.labels = [label for label in labels if label]
        self.columns, self.line_width, self.size, self.row_height = columns, line_width, size, row_height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        widest = max((stringWidth(f"{t}：", font(KAI), self.size) for t in self.labels), default=0)
        fit = max(1, int(available_width // (widest + self.line_width + 6 * mm)))
        self._columns = max(1, min(self.columns, fit, len(self.labels) or 1))
        self._label_width = widest
        self._line = min(self.line_width, available_width / self._columns - widest - 6 * mm)
        self._line = max(self._line, 20 * mm)
        rows = -(-len(self.labels) // self._columns)
        self.height = rows * self.row_height
        return available_width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        canvas = self.canv
        cell = self.width / self._columns
        canvas.setFont(font(KAI), self.size)
        canvas.setStrokeColor(LINE_COLOR)
        canvas.setLineWidth(0.6)
        for index, label in enumerate(self.labels):
            row, column = divmod(index, self._columns)
            x = column * cell
            y = self.height - (row + 1) * self.row_height + 3 * mm
            text = f"{label}："
            canvas.drawString(x, y, text)
            start = x + self._label_width + 1 * mm
            canvas.line(start, y - 1, start + self._line, y - 1)


def unit_and_date(unit: str, when: date | None, *, seal_note: str = "（盖章）", label: str = "",
                  seal_png: bytes | None = None) -> Flowable:
    """The block at the bottom right: the unit (with an optional label such as "调解组织："), a seal note
    and the date (a blank date to fill in when `when` is None), centred on each other; the seal image,
    when given, over the unit's name as a stamp would be."""
    style = ParagraphStyle("unit_date", parent=doc_styles().body, fontName=font(SONG), alignment=TA_CENTER,
                           leading=19)
    unit_text = f"{label}{blank(unit, 24)}"
    lines = [unit_text] + ([seal_note] if seal_note else []) + [date_or_blank(when)]
    width = column_width(lines, BODY_SIZE, padding=8 * mm, font_name=SONG)
    table = Table([[para(line, style)] for line in lines], colWidths=[width], hAlign="RIGHT",
                  style=TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                    ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return Sealed(table, seal_png, width) if seal_png else table


class Sealed(Flowable):
    """A right-aligned block with the seal image centred over its middle."""

    SEAL = 38 * mm

    def __init__(self, inner: Flowable, png: bytes, inner_width: float) -> None:
        super().__init__()
        self.inner, self.png, self.inner_width = inner, png, inner_width
        self.hAlign = "RIGHT"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self.inner.wrap(available_width, available_height)
        return self.width, self.height

    def draw(self) -> None:
        self.inner.drawOn(self.canv, 0, 0)
        draw_seal(self.canv, self.png, self.width / 2, self.height / 2, self.SEAL)


def side_by_side(left: Flowable | list[Flowable], right: Flowable | list[Flowable], *,
                 left_share: float = 0.5, valign: str = "BOTTOM") -> Table:
    """Two blocks next to each other across the frame (e.g. signature lines left, unit and date right)."""
    table = Table([[left, right]], colWidths=[f"{left_share * 100:.0f}%", f"{(1 - left_share) * 100:.0f}%"],
                  style=TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                    ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                                    ("VALIGN", (0, 0), (-1, -1), valign)]))
    return table


def keep(*items: Flowable | list[Flowable]) -> KeepTogether:
    """The flowables (or lists of them) kept on one page."""
    flat: list[Flowable] = []
    for item in items:
        flat.extend(item if isinstance(item, list) else [item])
    return KeepTogether(flat)
