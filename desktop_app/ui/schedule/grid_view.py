"""The week grid's view: a delegate that draws each cell's lines (times in dark blue, a gap in red, the
带班 in bold, notes muted) and knows which line lies under a point, and a table view that drags the person
under the mouse rather than the whole cell."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Protocol, cast

from PySide6.QtCore import QModelIndex, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import (
    QBrush,
    QColor,
    QDrag,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPixmap,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ..id_table_model import Index
from .common import GAP_COLOUR, MUTED_COLOUR, TIME_COLOUR
from .week_grid_model import AWAY, LEADER, LINES_ROLE, TIME, CellLine, WeekGridModel

PAD = 4
COLUMN_WIDTH = 150
MIN_WIDTH, MAX_WIDTH = 110, 260
MAX_NAME_WIDTH = 170  # a longer name is elided
LAID_OUT_PER_PAINT = 16  # new cells' texts laid out in one turn of the event loop (see CellDelegate.paint)
NO_WRAP = "white-space:nowrap"  # Chinese may break anywhere: a line of a cell stays one line
SELECTED_FILL = QColor("#cfe2f3")
GRID_LINE = QColor("#b0b7c3")


class _OptionFields(Protocol):
    """The members of a QStyleOptionViewItem read here, which PySide6's stubs leave out."""

    rect: QRect
    state: QStyle.StateFlag
    palette: QPalette
    font: QFont
    widget: QWidget | None


def _fields(option: QStyleOptionViewItem) -> _OptionFields:
    return cast(_OptionFields, option)  # the stubs lack QStyleOption's public members


def _model_data(index: Index, role: int):
    """Ask the (Python) model directly rather than through `QModelIndex.data()` (see `CellDelegate`)."""
    model = index.model()
    return model.data(index, role) if index.isValid() and model is not None else None


def _span(text: str, colour: QColor, bold: bool = False) -> str:
    body = f"<b>{escape(text)}</b>" if bold else escape(text)
    return f'<span style="color:{colour.name()}">{body}</span>'


@dataclass
class CellPicture:
    """A cell's lines as one rich text and its size. The size is measured line by line (laying out rich text
    for every cell of a 600-post week would take seconds); the text is laid out when first painted."""

    html: str
    size: QSize
    line_height: float
    lines: tuple[CellLine, ...]
    text: QStaticText | None = None

    def static_text(self) -> QStaticText:
        if self.text is None:
            self.text = QStaticText(f'<div style="{NO_WRAP}">{self.html}</div>') if self.lines else QStaticText()
        return self.text


class CellMeasure:
    """Cells' sizes from their lines and a font, with no widget: a worker may measure a big week while the
    window paints. Each text is measured once (a week of 600 posts has 30,000 lines, many alike).
    `line_height` is a rich-text line's height, found on the GUI thread (`rich_line_height`)."""

    def __init__(self, font: QFont, line_height: float) -> None:
        self.font = QFont(font)
        self.metrics = QFontMetrics(font)
        bold = QFont(font)
        bold.setBold(True)
        self.bold_metrics = QFontMetrics(bold)
        self.space = self.metrics.horizontalAdvance("\u00a0")
        self.line_height = line_height
        self._advances: dict[tuple[str, bool], int] = {}

    def copy(self) -> CellMeasure:
        """A measure of its own for another thread (one QFontMetrics is not for two threads at once)."""
        return CellMeasure(self.font, self.line_height)

    def advance(self, text: str, bold: bool = False) -> int:
        found = self._advances.get((text, bold))
        if found is None:
            found = self._advances[(text, bold)] = (self.bold_metrics if bold else self.metrics).horizontalAdvance(text)
        return found

    def name(self, line: CellLine) -> str:
        """The line's text, elided when too long."""
        if self.advance(line.text) > MAX_NAME_WIDTH:  # what elidedText leaves alone needs no call
            return self.metrics.elidedText(line.text, Qt.TextElideMode.ElideRight, MAX_NAME_WIDTH)
        return line.text

    def size(self, lines: Sequence[CellLine]) -> tuple[int, int]:
        width = 0
        for line in lines:
            used = self.advance(self.name(line), line.kind in (TIME, LEADER))
            if line.note:
                used += self.space + self.advance(line.note)
            if line.alert:
                used += self.space + self.advance(line.alert, True)
            width = max(width, used)
        height = 2 * PAD + max(len(lines), 2) * self.line_height
        return min(MAX_WIDTH, max(MIN_WIDTH, width + 2 * PAD + 6)), int(height + 0.999)

    def grid_sizes(self, lines: Sequence[Sequence[Sequence[CellLine]]]) -> CellSizes:
        """The widest cell of each column and the tallest of each row, from a model's `cell_lines`."""
        widths = [0] * (len(lines[0]) if lines else 0)
        heights = [0] * len(lines)
        for row, cells in enumerate(lines):
            for column, cell in enumerate(cells):
                width, height = self.size(cell)
                widths[column] = max(widths[column], width)
                heights[row] = max(heights[row], height)
        return CellSizes(widths, heights)


@dataclass(frozen=True)
class CellSizes:
    widths: list[int]  # per column
    heights: list[int]  # per row


def rich_line_height(font: QFont) -> float:
    """A line's height in the cells' rich text, found by laying out two lines (GUI thread)."""
    probe = QStaticText(f'<div style="{NO_WRAP}"><b>测</b><br>测</div>')
    probe.prepare(QTransform(), font)
    return probe.size().height() / 2


class CellDelegate(QStyledItemDelegate):
    """Draws a cell as one prepared rich text (times dark blue, the gap red, the 带班 bold, notes muted).

    Few calls into Qt per paint, on purpose: with PySide6 6.12 on Python 3.11 every call of a C++ method
    that returns nothing (setPen, setFont, save …) and every empty `QModelIndex.data()` drops a reference
    to None, and a grid painted many times over would bring the interpreter down. A paint here makes one
    such call (two on a tinted or selected cell)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pictures: dict[tuple[int, int], CellPicture] = {}
        self._font_key = ""
        self.measure = CellMeasure(QFont(), 16.0)
        self._laid_out = 0  # cells' texts laid out in this turn of the event loop
        self._waiting: QWidget | None = None  # a view with cells left undrawn, to paint again next turn

    def clear(self) -> None:
        self._pictures.clear()

    def use_font(self, font: QFont) -> CellMeasure:
        """The measure for `font` (made again when the font changed)."""
        if font.key() != self._font_key:
            self._font_key = font.key()
            self.measure = CellMeasure(font, rich_line_height(font))
            self._pictures.clear()
        return self.measure

    def picture(self, option: QStyleOptionViewItem, index: Index) -> CellPicture:
        self.use_font(_fields(option).font)
        key = (index.row(), index.column())
        picture = self._pictures.get(key)
        lines = tuple(_model_data(index, LINES_ROLE) or ())
        if picture is None or picture.lines != lines:  # new, or its cell was replaced (`dataChanged`)
            picture = self._pictures[key] = self._draw(lines, option)
        return picture

    def _draw(self, lines: tuple[CellLine, ...], option: QStyleOptionViewItem) -> CellPicture:
        """The cell's rich text and its size."""
        fields = _fields(option)
        palette = fields.widget.palette() if fields.widget is not None else fields.palette
        text_colour = palette.color(QPalette.ColorRole.Text)
        measure = self.measure
        html = []
        for line in lines:
            colour = {TIME: TIME_COLOUR, AWAY: MUTED_COLOUR}.get(line.kind, text_colour)
            parts = [_span(measure.name(line), colour, bold=line.kind in (TIME, LEADER))]
            if line.note:
                parts.append(_span(line.note, MUTED_COLOUR))
            if line.alert:
                parts.append(_span(line.alert, GAP_COLOUR, bold=True))
            html.append("&nbsp;".join(parts))
        width, height = measure.size(lines)
        return CellPicture("<br>".join(html), QSize(width, height), measure.line_height, lines)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        picture = self.picture(option, index)
        fields = _fields(option)
        rect = fields.rect
        if fields.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, SELECTED_FILL)
        else:
            background = _model_data(index, Qt.ItemDataRole.BackgroundRole)
            if isinstance(background, QBrush):
                painter.fillRect(rect, background)
        if picture.lines:
            if picture.text is None and not self._may_lay_out(fields.widget):
                return  # drawn in a later turn of the event loop (see `LAID_OUT_PER_PAINT`)
            painter.drawStaticText(rect.left() + PAD, rect.top() + PAD, picture.static_text())

    def _may_lay_out(self, view: QWidget | None) -> bool:
        """Whether one more cell's rich text may be laid out in this turn of the event loop. After that
        many the rest wait for the next turn, the view being asked to paint again then: each new cell's
        first draw lays its text out (~0.5 ms, more on a loaded machine), and a screenful of cells all
        new at once (after auto-schedule) held the GUI thread for 20–80 ms in one paint."""
        if self._laid_out < LAID_OUT_PER_PAINT:
            self._laid_out += 1
            if self._laid_out == 1:
                QTimer.singleShot(0, self, self._next_turn)
            return True
        self._waiting = view
        return False

    def _next_turn(self) -> None:
        self._laid_out = 0
        view, self._waiting = self._waiting, None
        if view is not None:
            target = view.viewport() if isinstance(view, QAbstractItemView) else view
            target.update()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        return self.picture(option, index).size

    def line_at(self, option: QStyleOptionViewItem, index: Index, point: QPoint) -> CellLine | None:
        picture = self.picture(option, index)
        offset = point.y() - _fields(option).rect.top() - PAD
        number = int(offset // picture.line_height) if offset >= 0 else -1
        return picture.lines[number] if 0 <= number < len(picture.lines) else None


class GridView(QTableView):
    """Days down, posts across. Drag a person's name onto another cell to move them there."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delegate = CellDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(True)
        self.setWordWrap(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setStyleSheet(f"QTableView {{ gridline-color: {GRID_LINE.name()}; }}")
        self.horizontalHeader().setDefaultSectionSize(COLUMN_WIDTH)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pressed_line: CellLine | None = None
        self._header_hints: dict[tuple[bool, str, str], int] = {}

    def setModel(self, model) -> None:  # noqa: N802 - Qt API
        super().setModel(model)
        model.modelReset.connect(self.delegate.clear)

    def line_at(self, point: QPoint) -> tuple[QModelIndex, CellLine | None]:
        """The cell and the line (a shift's times or one person) under a viewport point."""
        index = self.indexAt(point)
        if not index.isValid():
            return index, None
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        _fields(option).rect = self.visualRect(index)
        return index, self.delegate.line_at(option, index, point)

    def cell_measure(self) -> CellMeasure:
        """The measure of this view's font (GUI thread); a worker sizing a big week takes a `copy()`."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        return self.delegate.use_font(_fields(option).font)

    def fit_cells(self, sizes: CellSizes | None = None) -> None:
        """Each column as wide as its longest line (within limits), each day row as tall as its fullest
        cell: sizes from the cells' lines, all rows counted (Qt's own resizing only measures visible rows).
        `sizes`: measured already (by `cell_measure().grid_sizes` in a worker). Only the sections whose
        size changes are resized, and a header's own size is asked of Qt once per text (`header_hint`): 600
        `sectionSizeHint` calls took 12–17 ms of the GUI thread each time the week was shown again."""
        model = self.model()
        if sizes is None:
            lines = [[model.data(model.index(row, column), LINES_ROLE) or () for column in range(model.columnCount())]
                     for row in range(model.rowCount())]
            sizes = self.cell_measure().grid_sizes(lines)
        header = self.horizontalHeader()
        for column, width in enumerate(sizes.widths):
            wanted = min(MAX_WIDTH, max(MIN_WIDTH, width, self.header_hint(Qt.Orientation.Horizontal, column)))
            if header.sectionSize(column) != wanted:
                header.resizeSection(column, wanted)
        vertical = self.verticalHeader()
        for row, height in enumerate(sizes.heights):
            wanted = max(height, self.header_hint(Qt.Orientation.Vertical, row))
            if vertical.sectionSize(row) != wanted:
                vertical.resizeSection(row, wanted)

    def header_hint(self, orientation: Qt.Orientation, section: int) -> int:
        """Qt's size hint of a header section (its width across, its height down), kept per text and font:
        the same post's header is measured once, not at every showing of the week."""
        header = self.horizontalHeader() if orientation == Qt.Orientation.Horizontal else self.verticalHeader()
        model = self.model()
        text = model.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
        key = (orientation == Qt.Orientation.Horizontal, str(text), header.font().key())
        hint = self._header_hints.get(key)
        if hint is None:
            hint = self._header_hints[key] = header.sectionSizeHint(section)
        return hint

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        _, self.pressed_line = self.line_at(event.position().toPoint())
        super().mousePressEvent(event)

    def startDrag(self, supported: Qt.DropAction) -> None:  # noqa: N802 - Qt API
        line = self.pressed_line
        if line is None or line.assignment_id is None:
            return
        drag = QDrag(self)
        drag.setMimeData(WeekGridModel.assignment_mime(line.assignment_id))
        metrics = QFontMetrics(self.font())
        pixmap = QPixmap(metrics.horizontalAdvance(line.text) + 2 * PAD, metrics.height() + 2 * PAD)
        pixmap.fill(SELECTED_FILL)
        painter = QPainter(pixmap)
        painter.setFont(self.font())
        painter.drawText(pixmap.rect(), int(Qt.AlignmentFlag.AlignCenter), line.text)
        painter.end()
        drag.setPixmap(pixmap)
        drag.exec(Qt.DropAction.MoveAction, Qt.DropAction.MoveAction)
