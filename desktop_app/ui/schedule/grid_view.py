"""The week grid's view: a delegate that draws each cell's lines (times in dark blue, a gap in red, the
带班 in bold, notes muted) and knows which line lies under a point, and a table view that drags the person
under the mouse rather than the whole cell."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Protocol, cast

from PySide6.QtCore import QModelIndex, QPoint, QRect, QSize, Qt
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


@dataclass(frozen=True)
class CellPicture:
    """A cell's lines as one rich text, laid out once per grid."""

    text: QStaticText
    size: QSize
    line_height: float
    lines: tuple[CellLine, ...]


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
        self._metrics = self._bold_metrics = QFontMetrics(QFont())
        self._space = 0
        self._line_height = 16.0
        self._advances: dict[tuple[str, bool], int] = {}  # a week of 600 posts has 30,000 lines, many alike

    def clear(self) -> None:
        self._pictures.clear()

    def picture(self, option: QStyleOptionViewItem, index: Index) -> CellPicture:
        font = _fields(option).font
        font_key = font.key()
        if font_key != self._font_key:
            self._set_font(font)
        key = (index.row(), index.column())
        picture = self._pictures.get(key)
        if picture is None:
            picture = self._pictures[key] = self._draw(tuple(_model_data(index, LINES_ROLE) or ()), option)
        return picture

    def _set_font(self, font: QFont) -> None:
        """Measures of the font, once: a rich-text line's height is found by laying out two lines."""
        self._font_key = font.key()
        self._metrics = QFontMetrics(font)
        bold = QFont(font)
        bold.setBold(True)
        self._bold_metrics = QFontMetrics(bold)
        self._space = self._metrics.horizontalAdvance("\u00a0")
        probe = QStaticText(f'<div style="{NO_WRAP}"><b>测</b><br>测</div>')
        probe.prepare(QTransform(), font)
        self._line_height = probe.size().height() / 2
        self._pictures.clear()
        self._advances.clear()

    def _advance(self, text: str, bold: bool = False) -> int:
        found = self._advances.get((text, bold))
        if found is None:
            found = self._advances[(text, bold)] = (self._bold_metrics if bold else self._metrics).horizontalAdvance(text)
        return found

    def _draw(self, lines: tuple[CellLine, ...], option: QStyleOptionViewItem) -> CellPicture:
        """The cell's rich text and its size, measured line by line (laying out the rich text itself
        for every cell of a 60-post week would cost tens of milliseconds)."""
        fields = _fields(option)
        palette = fields.widget.palette() if fields.widget is not None else fields.palette
        text_colour = palette.color(QPalette.ColorRole.Text)
        html, width = [], 0
        for line in lines:
            colour = {TIME: TIME_COLOUR, AWAY: MUTED_COLOUR}.get(line.kind, text_colour)
            strong = line.kind in (TIME, LEADER)
            name = line.text
            if self._advance(name) > MAX_NAME_WIDTH:  # what elidedText leaves alone needs no call
                name = self._metrics.elidedText(name, Qt.TextElideMode.ElideRight, MAX_NAME_WIDTH)
            parts = [_span(name, colour, bold=strong)]
            used = self._advance(name, strong)
            if line.note:
                parts.append(_span(line.note, MUTED_COLOUR))
                used += self._space + self._advance(line.note)
            if line.alert:
                parts.append(_span(line.alert, GAP_COLOUR, bold=True))
                used += self._space + self._advance(line.alert, True)
            html.append("&nbsp;".join(parts))
            width = max(width, used)
        body = "<br>".join(html)
        text = QStaticText(f'<div style="{NO_WRAP}">{body}</div>') if lines else QStaticText()
        height = 2 * PAD + max(len(lines), 2) * self._line_height
        width = min(MAX_WIDTH, max(MIN_WIDTH, width + 2 * PAD + 6))
        return CellPicture(text, QSize(int(width), int(height + 0.999)), self._line_height, lines)

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
            painter.drawStaticText(rect.left() + PAD, rect.top() + PAD, picture.text)

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

    def fit_cells(self) -> None:
        """Each column as wide as its longest line (within limits), each day row as tall as its fullest
        cell: sizes from the cells' lines, all rows counted (Qt's own resizing only measures visible rows)."""
        model = self.model()
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        rows, columns = model.rowCount(), model.columnCount()
        heights = [0] * rows
        header = self.horizontalHeader()
        for column in range(columns):
            width = header.sectionSizeHint(column)
            for row in range(rows):
                size = self.delegate.sizeHint(option, model.index(row, column))
                width = max(width, size.width())
                heights[row] = max(heights[row], size.height())
            header.resizeSection(column, min(MAX_WIDTH, max(MIN_WIDTH, width)))
        vertical = self.verticalHeader()
        for row, height in enumerate(heights):
            vertical.resizeSection(row, max(height, vertical.sectionSizeHint(row)))

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
