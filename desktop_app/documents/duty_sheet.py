"""The printed weekly duty sheet (义警值班表, DESIGN.md §4): A4 landscape, rows by day, columns by post.

Takes plain data only; phones arrive already masked. Every day row ends with a blank 签到 column for the
带班 leader's signature and a blank 备注 column. When there are more posts than fit across one page, the
posts are split over several pages (each with the same day rows, its own 签到 and 备注, and the heading
repeated), so that no cell is ever narrower than a name and a phone number. Text wraps inside its cell.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, ClassVar

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.textsplit import ALL_CANNOT_START
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    LayoutError,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from ..domain.dates import format_date
from .fonts import HEI, font
from .layout import PageSpec, Title, build_pdf, escape, fitting_size

TITLE = "义警值班表"
ALL_TEAMS = "全部队伍"
WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
SIGN_HEADER = "签到"
REMARKS_HEADER = "备注"
DAY_HEADER = "日期"
NO_SHIFT = "—"

PAGE = landscape(A4)
MARGIN_X = 8 * mm  # plus the frame's 6 pt padding
MARGIN_TOP = 14 * mm  # the shared page header (unit, team, week) lives in here, on every page
MARGIN_BOTTOM = 17 * mm  # the footer: 制表人, 制表时间, the page number
FRAME_PADDING = 6  # SimpleDocTemplate's frame padding, used by layout.build_pdf
TITLE_SIZE = 17
DAY_WIDTH = 19 * mm
SIGN_WIDTH = 24 * mm
REMARKS_WIDTH = 24 * mm
MIN_ROW_HEIGHT = 12 * mm
MAX_FILLED_ROW_HEIGHT = 30 * mm  # a quiet week's rows grow to fill the page, up to this
MIN_POST_WIDTH = 40 * mm  # a name, a masked phone and "（缺 1 人）" side by side, more or less
MAX_POST_WIDTH = 75 * mm
PADDING = 3
TOP_PADDING, BOTTOM_PADDING = 2.5, 3.5
LEADING = 1.25  # line height over font size
RULE_SPACE = 0.35  # the dotted rule between two shifts of a cell: twice this times the size
# The largest body size at which a group's whole week fits on one page is used; below the last one,
# the day rows simply continue on the next page (the header row is repeated there).
BODY_SIZES = (9.0, 8.5, 8.0, 7.5, 7.0)
FLOWING_SIZE = 8.5  # when even the smallest does not fit: readable text over more pages

HEADER_FILL = colors.HexColor("#D9E2F3")
WEEKEND_FILL = colors.HexColor("#F4F6FA")
GRID = colors.HexColor("#555555")
TIME_COLOUR = "#1F3864"
GAP_COLOUR = "#C00000"
MUTED_COLOUR = "#666666"


@dataclass(frozen=True)
class DutyPostColumn:
    """One post (岗位) = one column of the grid."""

    name: str
    place: str = ""
    kind: str = ""
    team: str = ""  # shown under the post's name on an all-teams sheet


@dataclass(frozen=True)
class DutyShift:
    """One shift inside a cell: its times, who is on it (phones masked, one per name) and its 带班."""

    start: str  # "07:30"
    end: str  # "08:10"; earlier than start for a shift that ends the next day
    names: Sequence[str] = ()
    phones: Sequence[str] = ()  # masked, parallel to `names` ("" when unknown)
    leader: str = ""  # 带班
    leader_phone: str = ""  # masked; printed only when the leader is not among `names`
    needed: int = 1
    notes: str = ""

    def __post_init__(self) -> None:
        if self.phones and len(self.phones) != len(self.names):
            raise ValueError("phones must be parallel to names")

    @property
    def filled(self) -> int:
        return len(self.names)

    @property
    def missing(self) -> int:
        return max(0, self.needed - self.filled)

    @property
    def times(self) -> str:
        overnight = bool(self.start and self.end and self.end <= self.start)
        return f"{self.start}–{'次日' if overnight else ''}{self.end}"

    def people(self) -> list[tuple[str, str]]:
        phones = list(self.phones) or [""] * len(self.names)
        return list(zip(self.names, phones, strict=True))


Cell = Sequence[DutyShift]


@dataclass(frozen=True)
class DutySheetData:
    unit_name: str
    team_name: str  # ALL_TEAMS for every team
    week_label: str  # "2024年第15周"
    dates: Sequence[date]  # Monday … Sunday
    posts: Sequence[DutyPostColumn]
    days: Sequence[Sequence[Cell]]  # days[i][j]: the shifts of posts[j] on dates[i]
    made_by: str = ""
    made_at: datetime = field(default_factory=datetime.now)
    title: str = TITLE

    def __post_init__(self) -> None:
        if len(self.days) != len(self.dates):
            raise ValueError("one row of cells per date")
        for row in self.days:
            if len(row) != len(self.posts):
                raise ValueError("one cell per post in every day row")

    @property
    def missing(self) -> int:
        """People still missing over the whole week."""
        return sum(shift.missing for row in self.days for cell in row for shift in cell)


def date_range_label(dates: Sequence[date]) -> str:
    """2024年4月8日—4月14日; the year or month is repeated only when it changes."""
    if not dates:
        return ""
    first, last = dates[0], dates[-1]
    if first == last:
        return format_date(first)
    if first.year != last.year:
        return f"{format_date(first)}—{format_date(last)}"
    return f"{format_date(first)}—{last.month}月{last.day}日"


def day_label(d: date) -> tuple[str, str]:
    return WEEKDAYS[d.weekday()], f"{d.month}月{d.day}日"


def shift_lines(shift: DutyShift) -> list[str]:
    """The shift as plain lines (for spreadsheets and screens): times and 带班, people, gap, notes."""
    first = shift.times
    if shift.leader:
        leader_phone = shift.leader_phone if shift.leader not in shift.names else ""
        first += f"  带班：{shift.leader} {leader_phone}".rstrip()
    lines = [first, *(f"{name} {phone}".strip() for name, phone in shift.people())]
    if shift.missing:
        lines.append(f"（缺 {shift.missing} 人）")
    if shift.notes:
        lines.append(shift.notes)
    return lines


def cell_text(cell: Cell) -> str:
    """A whole cell as text, shifts separated by an empty line; "—" when the post has no shift."""
    return "\n\n".join("\n".join(shift_lines(shift)) for shift in cell) if cell else NO_SHIFT


# --- layout ----------------------------------------------------------------------------------------


def _frame_size() -> tuple[float, float]:
    """The room inside the page frame (platypus frames keep FRAME_PADDING on each side)."""
    return (PAGE[0] - 2 * MARGIN_X - 2 * FRAME_PADDING,
            PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM - 2 * FRAME_PADDING)


def post_groups(count: int) -> list[range]:
    """The posts on each page: as few pages as keep every post column at least MIN_POST_WIDTH wide,
    with the posts shared out evenly (13 posts at 5 a page at most: 5 + 4 + 4)."""
    room = _frame_size()[0] - DAY_WIDTH - SIGN_WIDTH - REMARKS_WIDTH
    per_page = max(1, int(room // MIN_POST_WIDTH))
    if count == 0:
        return [range(0)]
    pages = math.ceil(count / per_page)
    base, extra = divmod(count, pages)
    groups, start = [], 0
    for index in range(pages):
        size = base + (1 if index < extra else 0)
        groups.append(range(start, start + size))
        start += size
    return groups


def _column_widths(posts: int) -> list[float]:
    width = _frame_size()[0]
    room = width - DAY_WIDTH - SIGN_WIDTH - REMARKS_WIDTH
    post_width = min(MAX_POST_WIDTH, room / posts) if posts else 0
    spare = room - post_width * posts
    return [DAY_WIDTH, *[post_width] * posts, SIGN_WIDTH + spare / 2, REMARKS_WIDTH + spare / 2]


class _Styles:
    def __init__(self, size: float) -> None:
        name = font(HEI)
        self.size = size
        self.body = ParagraphStyle("duty-body", fontName=name, fontSize=size, leading=size * LEADING,
                                   wordWrap="CJK")
        self.gap = ParagraphStyle("duty-gap", parent=self.body, textColor=colors.HexColor(GAP_COLOUR))
        self.muted = ParagraphStyle("duty-muted", parent=self.body, textColor=colors.HexColor(MUTED_COLOUR),
                                    fontSize=size - 0.5, leading=(size - 0.5) * LEADING)
        self.centred = ParagraphStyle("duty-centred", parent=self.body, alignment=TA_CENTER)
        self.none = ParagraphStyle("duty-none", parent=self.muted, alignment=TA_CENTER)
        self.head = ParagraphStyle("duty-head", parent=self.body, fontSize=size + 0.5,
                                   leading=(size + 0.5) * LEADING, alignment=TA_CENTER)
        self.head_small = ParagraphStyle("duty-head-small", parent=self.muted, alignment=TA_CENTER)


Segment = tuple[str, Any]  # a piece of a line and its colour (None: the style's)
_SPACES = re.compile(r"[ \t\r\n\f\v]+")  # what the parser collapses; a no-break space stays


class _Text(Flowable):
    """Lines of plain text in one style, laid out and drawn the way reportlab's Paragraph does plain CJK
    text — a break between any two characters but none before closing punctuation, `leading` a line, the
    first baseline `fontSize` below the top, left or centred, one text object — without its markup
    parser and fragment machinery: a prefecture's all-teams week has some 40,000 of these in its cells,
    each measured to size the tables, measured again when a table is split and drawn."""

    _widths: ClassVar[dict[tuple[str, float], dict[str, float]]] = {}

    def __init__(self, lines: Sequence[Sequence[Segment]], style: ParagraphStyle) -> None:
        super().__init__()
        self.lines = [[(_SPACES.sub(" ", text).strip(" "), colour) for text, colour in line] for line in lines]
        self.style = style
        self._laid_out: tuple[float, list[tuple[float, list[Segment]]]] | None = None

    @classmethod
    def of(cls, text: str, style: ParagraphStyle, colour: Any = None) -> _Text:
        """`text` with its line breaks kept."""
        return cls([[(line, colour)] for line in text.split("\n")] or [[("", colour)]], style)

    def _char_widths(self) -> dict[str, float]:
        key = (self.style.fontName, self.style.fontSize)
        found = self._widths.get(key)
        if found is None:
            found = self._widths[key] = {}
        return found

    def _layout(self, width: float) -> list[tuple[float, list[Segment]]]:
        if self._laid_out is not None and self._laid_out[0] == width:
            return self._laid_out[1]
        name, size = self.style.fontName, self.style.fontSize
        out: list[tuple[float, list[Segment]]] = []
        for line in self.lines:
            whole = sum(stringWidth(text, name, size) for text, _colour in line)
            if whole <= width + 1e-8:
                out.append((whole, line))
            else:
                out += self._broken(line, width)
        self._laid_out = (width, out)
        return out

    def _broken(self, line: Sequence[Segment], width: float) -> list[tuple[float, list[Segment]]]:
        """A line too long for the cell, broken between characters (never before closing punctuation)."""
        widths = self._char_widths()
        name, size = self.style.fontName, self.style.fontSize
        chars = [(char, colour) for text, colour in line for char in text]
        out: list[tuple[float, list[Segment]]] = []
        start, used = 0, 0.0
        for index, (char, _colour) in enumerate(chars):
            w = widths.get(char)
            if w is None:
                w = widths[char] = stringWidth(char, name, size)
            if used + w > width + 1e-8 and index > start:
                cut = index
                while cut - 1 > start and chars[cut][0] in ALL_CANNOT_START:
                    cut -= 1  # the punctuation goes down with the character before it
                out.append(self._pieces(chars[start:cut]))
                start, used = cut, sum(widths[c] for c, _ in chars[cut:index])
            used += w
        out.append(self._pieces(chars[start:]))
        return [(w, [(text.strip(" "), colour) for text, colour in pieces]) for w, pieces in out]

    def _pieces(self, chars: Sequence[tuple[str, Any]]) -> tuple[float, list[Segment]]:
        pieces: list[Segment] = []
        for char, colour in chars:
            if pieces and pieces[-1][1] is colour:
                pieces[-1] = (pieces[-1][0] + char, colour)
            else:
                pieces.append((char, colour))
        name, size = self.style.fontName, self.style.fontSize
        return sum(stringWidth(text.strip(" "), name, size) for text, _colour in pieces), pieces

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 - reportlab API
        self.width = availWidth
        self.height = len(self._layout(availWidth)) * self.style.leading
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 - reportlab API
        laid_out = self._layout(availWidth)
        fit = int((availHeight + 1e-8) // self.style.leading)
        if fit >= len(laid_out):
            return [self]
        if fit <= 0:
            return []
        return [_Text([pieces for _w, pieces in laid_out[:fit]], self.style),
                _Text([pieces for _w, pieces in laid_out[fit:]], self.style)]

    def draw(self) -> None:
        style, canvas = self.style, self.canv
        laid_out = self._layout(self.width)
        canvas.saveState()
        text = canvas.beginText()
        text.setFont(style.fontName, style.fontSize, style.leading)
        y = self.height - style.fontSize
        centred = style.alignment == TA_CENTER
        for width, pieces in laid_out:
            text.setTextOrigin((self.width - width) / 2 if centred else 0, y)
            for piece, colour in pieces:
                text.setFillColor(style.textColor if colour is None else colour)
                text.textOut(piece)
            y -= style.leading
        canvas.drawText(text)
        canvas.restoreState()


def _fits(text: str, styles: _Styles, inner: float) -> bool:
    return stringWidth(text, styles.body.fontName, styles.size) <= inner - 1


def _person(name: str, phone: str, styles: _Styles, inner: float) -> list[list[Segment]]:
    """`name phone` on one line when it fits; otherwise the phone on a line of its own, so that a phone
    number is never broken in the middle."""
    line = f"{name} {phone}".strip()
    if not phone or _fits(line, styles, inner):
        return [[(line, None)]]
    return [[(name, None)], [(phone, None)]]


_TIME = colors.HexColor(TIME_COLOUR)
_GAP = colors.HexColor(GAP_COLOUR)
_NBSP2 = "\u00a0\u00a0"


def _shift_flowables(shift: DutyShift, styles: _Styles, width: float) -> list[Flowable]:
    """The times, then 带班 and any gap on the same line when they fit there, then one line a person; the
    notes below in their own smaller text."""
    inner = width - 2 * PADDING
    leader = f"带班：{shift.leader}" if shift.leader else ""
    leader_phone = shift.leader_phone if shift.leader and shift.leader not in shift.names else ""
    gap = f"（缺 {shift.missing} 人）" if shift.missing else ""

    first: list[Segment] = [(shift.times, _TIME)]
    width_used = shift.times
    leader_inline = gap_inline = False
    if leader and _fits(f"{width_used}  {leader} {leader_phone}".strip(), styles, inner):
        first.append((_NBSP2 + f"{leader} {leader_phone}".strip(), None))
        width_used = f"{width_used}  {leader} {leader_phone}".strip()
        leader_inline = True
    if gap and _fits(f"{width_used}  {gap}", styles, inner):
        first += [(_NBSP2, None), (gap, _GAP)]
        gap_inline = True
    lines: list[list[Segment]] = [first]
    for name, phone in shift.people():
        lines += _person(name, phone, styles, inner)
    if leader and not leader_inline:
        lines += _person(leader, leader_phone, styles, inner)
    parts: list[Flowable] = [_Text(lines, styles.body)]
    if gap and not gap_inline:
        parts.append(_Text.of(gap, styles.gap))
    if shift.notes:
        parts.append(_Text.of(shift.notes, styles.muted))
    return parts


def _cell(cell: Cell, styles: _Styles, width: float) -> list[Flowable]:
    if not cell:
        return [_Text.of(NO_SHIFT, styles.none)]
    flowables: list[Flowable] = []
    for index, shift in enumerate(cell):
        if index:
            flowables.append(_Rule(width - 2 * PADDING, styles.size * RULE_SPACE))
        flowables += _shift_flowables(shift, styles, width)
    return flowables


class _Rule(Flowable):
    """A thin dotted line between two shifts in one cell."""

    def __init__(self, width: float, space: float) -> None:
        super().__init__()
        self.width, self.space = width, space

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, 2 * self.space

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(colors.HexColor("#999999"))
        self.canv.setLineWidth(0.4)
        self.canv.setDash(1, 1.5)
        self.canv.line(0, self.space, self.width, self.space)
        self.canv.restoreState()


def _post_header(post: DutyPostColumn, styles: _Styles, show_team: bool) -> list[Flowable]:
    parts: list[Flowable] = [_Text.of(post.name, styles.head)]
    detail = " · ".join(text for text in (post.kind, post.place) if text)
    if detail:
        parts.append(_Text.of(detail, styles.head_small))
    if show_team and post.team:
        parts.append(_Text.of(post.team, styles.head_small))
    return parts


def _group_table(data: DutySheetData, group: range, size: float, split_in_row: bool = False,
                 min_heights: Sequence[float] | None = None) -> Table:
    styles = _Styles(size)
    widths = _column_widths(len(group))
    show_team = data.team_name == ALL_TEAMS
    header: list[object] = [_Text.of(DAY_HEADER, styles.head)]
    header += [_post_header(data.posts[j], styles, show_team) for j in group]
    header += [_Text.of(SIGN_HEADER, styles.head), _Text.of(REMARKS_HEADER, styles.head)]
    rows: list[list[object]] = [header]
    for d, cells in zip(data.dates, data.days, strict=True):
        weekday, month_day = day_label(d)
        row: list[object] = [_Text([[(weekday, None)], [(month_day, None)]], styles.centred)]
        row += [_cell(cells[j], styles, widths[1 + k]) for k, j in enumerate(group)]
        row += ["", ""]
        rows.append(row)
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), font(HEI)),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("VALIGN", (0, 1), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BOX", (0, 0), (-1, -1), 1, GRID),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), TOP_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), BOTTOM_PADDING),
    ]
    for i, d in enumerate(data.dates, start=1):
        if d.weekday() >= 5:
            commands.append(("BACKGROUND", (0, i), (0, i), WEEKEND_FILL))
    if min_heights is None:  # room to sign: at least about 12 mm a day row, even on a quiet day
        min_heights = [0.0] + [MIN_ROW_HEIGHT] * len(data.dates)
    return Table(rows, colWidths=widths, repeatRows=1, style=TableStyle(commands),
                 minRowHeights=min_heights, splitInRow=1 if split_in_row else 0)


def _table_fits(table: Table, room: float) -> bool:
    return table.wrap(_frame_size()[0], room)[1] <= room


def _height_floor(data: DutySheetData, group: range, size: float) -> float:
    """A height the group's table at `size` cannot be lower than, counted without laying anything out: one
    line for each paragraph a cell holds at least (times, each person, notes), the rules between shifts,
    the paddings and the rows' minimum height. Above the page, the table cannot fit there at that size."""
    body, muted = size * LEADING, (size - 0.5) * LEADING
    padding = TOP_PADDING + BOTTOM_PADDING
    total = (size + 0.5) * LEADING + padding  # the header row: a post's name at least
    for cells in data.days:
        tallest = 2 * body  # the weekday and the date
        for j in group:
            cell = cells[j]
            if not cell:
                height = muted
            else:
                height = 2 * size * RULE_SPACE * (len(cell) - 1)
                for shift in cell:
                    people = sum(1 for name, phone in shift.people() if f"{name} {phone}".strip())
                    height += body * (1 + people) + (muted if shift.notes else 0)
            tallest = max(tallest, height)
        total += max(MIN_ROW_HEIGHT, tallest + padding)
    return total


def _filled_table(data: DutySheetData, group: range, size: float, room: float) -> Table:
    """The group's table with its day rows grown evenly to fill the page (more room to sign and for
    remarks), when the week fits on one page; as it is otherwise."""
    table = _group_table(data, group, size)
    if _height_floor(data, group, size) > room:
        return table
    used = table.wrap(_frame_size()[0], room)[1]
    heights = list(getattr(table, "_rowHeights", None) or [])  # measured by wrap()
    if used > room or not data.dates or len(heights) != len(data.dates) + 1:
        return table
    extra = (room - used) / len(data.dates)
    grown = [heights[0]] + [max(h, min(h + extra, MAX_FILLED_ROW_HEIGHT)) for h in heights[1:]]
    return _group_table(data, group, size, min_heights=grown)


# --- pages -----------------------------------------------------------------------------------------


def _page_spec(data: DutySheetData) -> PageSpec:
    """The shared page frame: unit and week in the header of every page (also of a page the day rows
    continue on), 制表人 and 制表时间 with the page number in the footer."""
    made_by = data.made_by or "__________"
    return PageSpec(
        title=f"{data.title}（{data.team_name}，{data.week_label}）", subject=data.title,
        unit_name=data.unit_name, landscape=True,
        header_right=f"队伍：{data.team_name}    {data.week_label}（{date_range_label(data.dates)}）",
        footer_left=f"制表人：{made_by}    制表时间：{format_date(data.made_at.date())} {data.made_at:%H:%M}",
        footer_right="带班人员请在“签到”栏签名",
        margin_top=MARGIN_TOP, margin_bottom=MARGIN_BOTTOM, margin_left=MARGIN_X, margin_right=MARGIN_X,
    )


def _heading(data: DutySheetData, group: range) -> list[Flowable]:
    """Title, then unit, team, week and dates (and which posts, when they are split over pages)."""
    parts = [f"单位：{data.unit_name}"] if data.unit_name else []
    parts += [f"队伍：{data.team_name}", data.week_label, date_range_label(data.dates)]
    if 0 < len(group) < len(data.posts):
        parts.append(f"岗位 {group.start + 1}–{group.stop}（共 {len(data.posts)} 个）")
    gap = "    "
    size = fitting_size([gap.join(parts)], _frame_size()[0], font(HEI), 10.5)
    style = ParagraphStyle("duty-heading", fontName=font(HEI), fontSize=size, leading=size * 1.3,
                           alignment=TA_CENTER, wordWrap="CJK")
    line = "&nbsp;" * len(gap)
    return [Title(data.title, size=TITLE_SIZE, space_after=1 * mm),
            Paragraph(line.join(escape(part) for part in parts), style), Spacer(1, 2 * mm)]


def _heading_height(data: DutySheetData) -> float:
    width = _frame_size()[0]
    groups = post_groups(len(data.posts))
    return max(sum(f.wrap(width, 1000)[1] for f in _heading(data, group)) for group in groups)


def _body_size(data: DutySheetData, group: range, room: float) -> float:
    """The largest body size at which the group's whole week fits on one page (else FLOWING_SIZE)."""
    for size in BODY_SIZES:
        if _height_floor(data, group, size) <= room and _table_fits(_group_table(data, group, size), room):
            return size
    return FLOWING_SIZE


DutyProgress = Callable[[int, int, str], None]  # (done, total, ""); what it raises stops the build


def _story(data: DutySheetData, split_in_row: bool, progress: DutyProgress | None = None) -> list[Flowable]:
    room = _frame_size()[1] - _heading_height(data) - 2
    groups = post_groups(len(data.posts))
    sizes = []
    for index, group in enumerate(groups):  # the first half of the work: sizing, the second: the pages
        sizes.append(_body_size(data, group, room))
        if progress is not None:
            progress(index + 1, 2 * len(groups), "")
    size = min(sizes)  # one size on every page
    story: list[Flowable] = []
    for index, group in enumerate(groups):
        if index:
            story.append(PageBreak())
        story += _heading(data, group)
        if not data.posts:
            story += [Paragraph("本周没有岗位。", _Styles(9).body), Spacer(1, 3 * mm)]
        story.append(_group_table(data, group, size, split_in_row=True) if split_in_row
                     else _filled_table(data, group, size, room))
    return story


def build_duty_sheet(data: DutySheetData, path: str | Path | None = None,
                     progress: DutyProgress | None = None) -> bytes:
    """Draw the duty sheet and return the PDF bytes; also write them to `path` when given. `progress`
    hears how far it is (sizing each group of posts, then each page)."""
    spec = _page_spec(data)
    groups = len(post_groups(len(data.posts)))

    def on_page(pages: int) -> None:
        if progress is not None:
            progress(groups + min(pages, groups - 1), 2 * groups, "")

    try:
        pdf = build_pdf(_story(data, split_in_row=False, progress=progress), spec, on_page=on_page)
    except LayoutError:
        # One day row taller than a whole page (dozens of shifts in one cell): split inside that row.
        pdf = build_pdf(_story(data, split_in_row=True, progress=progress), spec, on_page=on_page)
    if path is not None:
        Path(path).write_bytes(pdf)
    return pdf
