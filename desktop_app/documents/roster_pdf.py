"""The printed roster (队员花名册): A4, portrait when the columns fit, landscape otherwise.

Takes plain data only; ID numbers and phones arrive already masked (or not) as the caller decided.
Wide columns (name, team, skills) wrap inside their cell, the others are sized to their widest value,
so nothing is ever cut.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus.flowables import Flowable

from ..domain.dates import format_date
from .fonts import HEI, font

TITLE = "队员花名册"
ALL_TEAMS = "全部队伍"
COLUMNS = ("序号", "姓名", "性别", "民族", "队伍", "身份证号", "联系电话", "状态", "技能", "入队日期")
# Columns that wrap, with the width (in characters of the body font) they would like at most.
_WRAPPING = {"姓名": 7, "民族": 4, "队伍": 7, "技能": 10}
_MIN_CHARS = {"姓名": 4, "民族": 2, "队伍": 4, "技能": 4}

BODY_SIZE = 9
HEADER_SIZE = 9.5
PADDING = 3
MARGIN_X = 12 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 16 * mm


@dataclass(frozen=True)
class RosterPdfRow:
    name: str
    gender: str = ""
    ethnic: str = ""
    team: str = ""
    id_number: str = ""  # masked unless the caller chose the full form
    phone: str = ""
    status: str = ""
    skills: str = ""
    join_date: str = ""  # already written out, e.g. 2023年9月1日

    def cells(self, serial: int) -> list[str]:
        return [str(serial), self.name, self.gender, self.ethnic, self.team, self.id_number, self.phone,
                self.status, self.skills, self.join_date]


@dataclass(frozen=True)
class RosterPdfData:
    unit_name: str
    printed_on: date
    rows: Sequence[RosterPdfRow]
    team_name: str = ALL_TEAMS
    title: str = TITLE


def _layout(rows: list[list[str]]) -> tuple[tuple[float, float], list[float]]:
    """Page size and column widths: portrait if every column gets the width it would like there."""
    body, head = font(HEI), font(HEI)
    char = stringWidth("国", body, BODY_SIZE)
    natural = []
    for index, header in enumerate(COLUMNS):
        widest = max([stringWidth(r[index], body, BODY_SIZE) for r in rows] or [0])
        natural.append(max(widest, stringWidth(header, head, HEADER_SIZE)) + 2 * PADDING + 1)
    wished = [
        min(width, _WRAPPING[name] * char + 2 * PADDING) if name in _WRAPPING else width
        for name, width in zip(COLUMNS, natural, strict=True)
    ]
    portrait_room = A4[0] - 2 * MARGIN_X
    page = A4 if sum(wished) <= portrait_room else landscape(A4)
    room = page[0] - 2 * MARGIN_X
    widths = list(wished)
    wrapping = [i for i, name in enumerate(COLUMNS) if name in _WRAPPING]
    if sum(widths) > room:  # even landscape is too narrow for the wished widths: shrink the wrapping ones
        for i in wrapping:
            widths[i] = max(_MIN_CHARS[COLUMNS[i]] * char + 2 * PADDING, widths[i] * 0.7)
    spare = room - sum(widths)
    hungry = {i: natural[i] - widths[i] for i in wrapping if natural[i] > widths[i]}
    wanted = sum(hungry.values())
    if spare > 0 and wanted > 0:
        share = min(1.0, spare / wanted)
        for i, more in hungry.items():
            widths[i] += more * share
        spare = room - sum(widths)
    if spare > 0:
        widths[COLUMNS.index("技能")] += spare
    return page, widths


class _NumberedCanvas(Canvas):
    """Keeps each page until the end, so that "共 M 页" can be written on every one of them.

    Each page is let go of as soon as it is written: a prefecture's roster keeps 2,300 pages of drawing
    (3.6 million strings) until then, and freed at once — or, when a kept page still referred to the list of
    pages, by the garbage collector's next pass — they held the GIL, and so the window, for 0.2–0.4 s."""

    footer_font = HEI

    def __init__(self, *args, on_page: Callable[[int], None] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._on_page = on_page
        self._saved_pages: list[dict] = []

    def showPage(self) -> None:
        self._saved_pages.append({key: value for key, value in self.__dict__.items() if key != "_saved_pages"})
        self._startPage()
        if self._on_page is not None:
            self._on_page(len(self._saved_pages))

    def save(self) -> None:
        pages = self._saved_pages
        total = len(pages)
        for number in range(1, total + 1):
            state, pages[number - 1] = pages[number - 1], {}
            self.__dict__.update(state)
            del state  # the page's drawing (a list of thousands of strings) freed once written, page by page
            width = self._pagesize[0]
            self.setFont(font(self.footer_font), 9)
            self.drawCentredString(width / 2, MARGIN_BOTTOM - 9 * mm, f"第 {number} 页 共 {total} 页")
            super().showPage()
        super().save()
        # the PDF's objects (thousands of pages, each a few objects referring to each other) are let go of
        # one at a time: left whole, they were a cycle for the garbage collector to find and free in one pass
        let_go(self._doc.idToObject)
        let_go(self._doc.__dict__)
        let_go(self.__dict__)


def let_go(container: dict | list) -> None:
    """Empty `container` an item at a time, so that what it held is freed in many small steps (each a point
    where another thread may take the GIL), not in one long one."""
    if isinstance(container, dict):
        while container:
            container.popitem()
    else:
        while container:
            del container[-_STEP:]


_STEP = 500


class _Heading(Flowable):
    """Title and the line under it (unit, team, date, headcount) at the top of the first page."""

    def __init__(self, data: RosterPdfData) -> None:
        super().__init__()
        self.data = data

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, 17 * mm

    def draw(self) -> None:
        canvas, data = self.canv, self.data
        canvas.setFont(font(HEI), 18)
        canvas.drawCentredString(self.width / 2, 10 * mm, data.title)
        unit = f"单位：{data.unit_name}    " if data.unit_name else ""
        left = f"{unit}队伍：{data.team_name}"
        right = f"共 {len(data.rows)} 人    打印日期：{format_date(data.printed_on)}"
        canvas.setFont(font(HEI), _fitting_size(left, right, self.width, 10))
        canvas.drawString(0, 2 * mm, left)
        canvas.drawRightString(self.width, 2 * mm, right)


class _RowsInPages(Flowable):
    """The roster's table, handed to reportlab a page at a time: a table of `_CHUNK` rows is made from the
    rows not yet placed, reportlab splits it where the page ends, and what did not fit goes on with the
    rest to the next page. One table of all the rows had its heights worked out again, whole, at each
    page's split, each time in time growing with the square of its rows: a prefecture's 100,000 members
    did not come to a first page in twenty minutes. The pages are those one table gives (the header row on
    every page, its stripes starting white)."""

    def __init__(self, table_of: Callable[[int, int], LongTable], count: int, first: int = 0) -> None:
        super().__init__()
        self._table_of, self._count, self._first = table_of, count, first
        self._table: LongTable | None = None

    def _chunk(self) -> LongTable:
        if self._table is None:
            self._table = self._table_of(self._first, min(self._count, self._first + _CHUNK))
        return self._table

    def _more(self) -> bool:
        return self._first + _CHUNK < self._count

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        width, height = self._chunk().wrap(available_width, available_height)
        self.width, self.height = width, height
        if self._more():  # more rows than a page holds: the frame is to split it here
            self.height = max(height, available_height + 1)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        table = self._chunk()
        parts = table.split(available_width, available_height)
        if not parts:
            return []  # not a row fits here: the next page
        placed = len(parts[0]._cellvalues) - 1 if len(parts) > 1 else min(self._count, self._first + _CHUNK) \
            - self._first  # the body rows of the part that stays on this page
        rest = _RowsInPages(self._table_of, self._count, self._first + placed)
        return [parts[0], rest] if rest._first < self._count else [parts[0]]

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        self._chunk().drawOn(canvas, x, y, _sW)


_CHUNK = 60  # rows in the table made for a page: more than a page holds (at most 45 one-line rows)


def build_roster_pdf(data: RosterPdfData, path: str | Path | None = None,
                     progress: Callable[[int, int, str], None] | None = None) -> bytes:
    """Draw the roster and return the PDF bytes; also write them to `path` when given. `progress` hears
    (pages laid out, pages expected, "") after each page; what it raises stops the build."""
    rows = [row.cells(serial) for serial, row in enumerate(data.rows, start=1)]
    page, widths = _layout(rows)
    cell = ParagraphStyle("cell", fontName=font(HEI), fontSize=BODY_SIZE, leading=BODY_SIZE + 2.5,
                          wordWrap="CJK")
    centred = ParagraphStyle("centred", parent=cell, alignment=TA_CENTER)
    wrapping = {COLUMNS.index(name) for name in _WRAPPING}
    short = {COLUMNS.index(name) for name in ("序号", "性别", "民族", "状态")}

    def style() -> TableStyle:
        return TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), font(HEI)),
            ("FONTSIZE", (0, 0), (-1, 0), HEADER_SIZE),
            ("FONTSIZE", (0, 1), (-1, -1), BODY_SIZE),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9E2F3")),
            ("ALIGN", (0, 0), (-1, 0), "CENTER"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#555555")),
            ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            # white first on every page, as reportlab's split of one long table began each page
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F4F6FA")]),
            *[("ALIGN", (i, 1), (i, -1), "CENTER") for i in sorted(short)],
        ])

    bodies: dict[int, list[object]] = {}  # row index → its cells, made once (a page's table holds more rows)

    def table_of(first: int, last: int) -> LongTable:
        for index in [k for k in bodies if k < first]:
            del bodies[index]  # on an earlier page
        cells = []
        for index in range(first, last):
            if index not in bodies:
                bodies[index] = [Paragraph(_escape(text), centred if i in short else cell) if i in wrapping else text
                                 for i, text in enumerate(rows[index])]
            cells.append(bodies[index])
        return LongTable([list(COLUMNS), *cells], colWidths=widths, repeatRows=1, style=style())

    table = _RowsInPages(table_of, len(rows))

    def on_page(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        top = page[1] - MARGIN_TOP + 5 * mm
        left, right = f"{data.unit_name}  {data.title}".strip(), f"队伍：{data.team_name}"
        canvas.setFont(font(HEI), _fitting_size(left, right, page[0] - 2 * MARGIN_X, 8.5))
        canvas.drawString(MARGIN_X, top, left)
        canvas.drawRightString(page[0] - MARGIN_X, top, right)
        canvas.setFont(font(HEI), 8.5)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, top - 1.5 * mm, page[0] - MARGIN_X, top - 1.5 * mm)
        canvas.drawRightString(page[0] - MARGIN_X, MARGIN_BOTTOM - 9 * mm,
                               f"打印日期：{format_date(data.printed_on)}")
        canvas.restoreState()

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=page, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=f"{data.title}（{data.team_name}）", author=data.unit_name,
        subject=data.title, creator="义警服务队管理系统",
    )
    doc.build([_Heading(data), Spacer(1, 2 * mm), table], onFirstPage=on_page, onLaterPages=on_page,
              canvasmaker=partial(_NumberedCanvas, on_page=_page_progress(progress, len(rows), page)))
    pdf = buffer.getvalue()
    let_go(bodies)
    let_go(rows)  # 100,000 rows of ten strings, freed at the return in one step, held the GIL ~50 ms
    if path is not None:
        Path(path).write_bytes(pdf)
    return pdf


def _page_progress(progress: Callable[[int, int, str], None] | None, rows: int,
                   page: tuple[float, float]) -> Callable[[int], None] | None:
    if progress is None:
        return None
    one_line = BODY_SIZE + 2.5 + 2 + 3  # leading and paddings: the lowest a row can be
    expected = max(1, math.ceil(rows / int((page[1] - MARGIN_TOP - MARGIN_BOTTOM) // one_line)))

    def on_page(pages: int) -> None:
        progress(min(pages, expected - 1), expected, "")

    return on_page


def _fitting_size(left: str, right: str, width: float, size: float) -> float:
    """The largest font size up to `size` at which `left` and `right` fit on one line side by side."""
    while size > 5 and stringWidth(left + right, font(HEI), size) + 6 * mm > width:
        size -= 0.5
    return size


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
