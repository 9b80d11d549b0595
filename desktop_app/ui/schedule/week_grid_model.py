"""The week grid as a table model: rows are the seven days, columns the posts, each cell the lines of its
shifts (times, a gap in red, one line per person: 带班 and 锁 marked). Everything comes from one
`week_grid` call; the lines of every cell are made once, when the grid is set.

Drag and drop: a person's line is dragged as the assignment id (`MIME_TYPE`); a drop on a cell emits
`move_requested(assignment_id, row, column)` and the tab does the move (with its questions)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush

from ...domain.vocabulary import ABSENT, ON_LEAVE, PLANNED, PRESENT
from ...services.schedule.week_grid import GridDay, GridMember, GridPost, GridShift, WeekGrid
from ..i18n import vocab
from ..id_table_model import Index
from ..weekdays import weekday_name
from .common import GAP_COLOUR, HOLIDAY_FILL, WEEKEND_FILL, short_date

MIME_TYPE = "application/x-yijing-assignment"
LINES_ROLE = Qt.ItemDataRole.UserRole + 20

TIME, MEMBER, LEADER, AWAY = "time", "member", "leader", "away"


@dataclass(frozen=True)
class CellLine:
    """One line of a cell: a shift's times (with `alert`, e.g. 缺 1 人) or one person on it."""

    kind: str  # TIME, MEMBER, LEADER (the 带班), AWAY (请假 / 缺勤 …: not counted)
    text: str
    shift_id: int
    assignment_id: int | None = None
    member_id: int | None = None
    alert: str = ""  # drawn in red after the text
    note: str = ""  # drawn muted after the text: （锁）, （已到）

    @property
    def full_text(self) -> str:
        return " ".join(part for part in (self.text, self.note, self.alert) if part)


def member_line(shift: GridShift, member: GridMember) -> CellLine:
    notes = []
    if member.is_leader:
        notes.append(QCoreApplication.translate("Schedule", "带班"))
    if member.locked and member.status == PLANNED:  # once attendance is recorded the lock no longer matters
        notes.append(QCoreApplication.translate("Schedule", "锁"))
    if member.status not in (PLANNED, PRESENT):
        notes.append(vocab(member.status))
    kind = LEADER if member.is_leader else (AWAY if member.status in (ON_LEAVE, ABSENT) else MEMBER)
    return CellLine(kind, member.name, shift.id, member.assignment_id, member.member_id, note="·".join(notes))


def shift_lines(shift: GridShift) -> list[CellLine]:
    alert = QCoreApplication.translate("Schedule", "缺 {0} 人").format(shift.missing) if shift.gap else ""
    note = QCoreApplication.translate("Schedule", "夜") if shift.night else ""
    lines = [CellLine(TIME, shift.time_text, shift.id, alert=alert, note=note)]
    lines.extend(member_line(shift, m) for m in shift.members)
    return lines


def estimate_tip(year: int) -> str:
    return QCoreApplication.translate(
        "Schedule", "{0}年的放假安排尚未录入，这一天的休/班是预估的（设置 → 节假日安排）").format(year)


def day_header(day: GridDay) -> str:
    text = f"{weekday_name(day.date)}\n{short_date(day.date)}"
    if day.holiday:
        text += "\n" + day.holiday
    elif day.is_workday and day.date.isoweekday() > 5:
        text += "\n" + QCoreApplication.translate("Schedule", "调休上班")
    if day.estimated:
        estimated = QCoreApplication.translate("Schedule", "预估")
        text += (QCoreApplication.translate("Schedule", "（{0}）").format(estimated) if day.holiday
                 else "\n" + estimated)
    return text


class WeekGridModel(QAbstractTableModel):
    move_requested = Signal(int, int, int)  # assignment id, target row, target column

    def __init__(self) -> None:
        super().__init__()
        self.grid: WeekGrid | None = None
        self.show_team = True
        self._lines: list[list[list[CellLine]]] = []
        self._retired: list[list[list[list[CellLine]]]] = []  # lines shown before, being let go of

    # --- data --------------------------------------------------------------------------------------
    @staticmethod
    def cell_lines(grid: WeekGrid) -> list[list[list[CellLine]]]:
        """The lines of every cell (no widget involved: a worker thread may make them for a big week)."""
        return [
            [[line for shift in grid.cell(post.id, day.date) for line in shift_lines(shift)]
             for post in grid.posts]
            for day in grid.days
        ]

    def set_grid(self, grid: WeekGrid, lines: list[list[list[CellLine]]] | None = None) -> None:
        """Show `grid`. The same days and posts as shown (the week again after a change, e.g. after
        auto-schedule): the cells are replaced in place (`dataChanged`), the view keeps its headers, sizes,
        scroll position and selection; a reset of 600 columns cost the GUI thread ~15 ms and the headers'
        layout again. Otherwise the model is reset."""
        lines = self.cell_lines(grid) if lines is None else lines
        old, old_lines = self.grid, self._lines
        self._retire(old_lines)
        if old is not None and old.days == grid.days and old.posts == grid.posts \
                and old.team_id == grid.team_id and grid.days and grid.posts:
            self.grid, self._lines = grid, lines
            self.dataChanged.emit(self.index(0, 0), self.index(len(grid.days) - 1, len(grid.posts) - 1))
            return
        self.beginResetModel()
        self.grid = grid
        self.show_team = grid.team_id is None
        self._lines = lines
        self.endResetModel()

    def _retire(self, lines: list[list[list[CellLine]]]) -> None:
        """Let go of the lines shown before a day row at a time, one per turn of the event loop: a
        prefecture's week has 30,000 of them, and freed at once they held the GUI thread ~5 ms."""
        if not lines:
            return
        self._retired.append(lines)
        if len(self._retired) == 1:
            QTimer.singleShot(0, self, self._free_some)

    def _free_some(self) -> None:
        if not self._retired:
            return
        oldest = self._retired[0]
        if oldest:
            oldest.pop()
        if not oldest:
            self._retired.pop(0)
        if self._retired:
            QTimer.singleShot(0, self, self._free_some)

    def _week(self) -> WeekGrid:
        """The week shown; rows and columns (so any cell asked about) exist only once one is set."""
        assert self.grid is not None
        return self.grid

    def day_at(self, row: int) -> date:
        return self._week().days[row].date

    def post_at(self, column: int) -> GridPost:
        return self._week().posts[column]

    def shifts_at(self, row: int, column: int) -> tuple[GridShift, ...]:
        if self.grid is None or not (0 <= row < len(self.grid.days) and 0 <= column < len(self.grid.posts)):
            return ()
        return self.grid.cell(self.grid.posts[column].id, self.grid.days[row].date)

    def lines_at(self, row: int, column: int) -> list[CellLine]:
        return self._lines[row][column]

    def cell_text(self, row: int, column: int) -> str:
        return "\n".join(line.full_text for line in self._lines[row][column])

    def find_shift(self, shift_id: int) -> tuple[int, int, GridShift] | None:
        grid = self.grid
        if grid is None:
            return None
        for (post_id, day), shifts in grid.cells.items():
            for shift in shifts:
                if shift.id == shift_id:
                    row = next(i for i, d in enumerate(grid.days) if d.date == day)
                    column = next(i for i, p in enumerate(grid.posts) if p.id == post_id)
                    return row, column, shift
        return None

    def find_assignment(self, assignment_id: int) -> tuple[GridShift, GridMember] | None:
        for shifts in (self.grid.cells.values() if self.grid else ()):
            for shift in shifts:
                for member in shift.members:
                    if member.assignment_id == assignment_id:
                        return shift, member
        return None

    def all_shifts(self) -> list[GridShift]:
        return self.grid.shifts() if self.grid else []

    # --- Qt API ------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() or self.grid is None else len(self.grid.days)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() or self.grid is None else len(self.grid.posts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.grid is None:
            return None
        row, column = index.row(), index.column()
        if role == LINES_ROLE:
            return self._lines[row][column]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell_text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(GAP_COLOUR) if any(s.gap for s in self.shifts_at(row, column)) else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._day_fill(self.grid.days[row])
        return None

    def _day_fill(self, day: GridDay) -> QBrush | None:
        if day.holiday:
            return QBrush(HOLIDAY_FILL)
        if not day.is_workday:
            return QBrush(WEEKEND_FILL)
        return None

    def _tooltip(self, row: int, column: int) -> str:
        post = self.post_at(column)
        parts = [f"{post.name} {short_date(self.day_at(row))}"]
        for shift in self.shifts_at(row, column):
            parts.append(self.tr("{0}　需 {1} 人，已排 {2} 人").format(
                shift.time_text, shift.headcount, shift.filled))
            parts.extend(f"　{m.name} {m.phone_masked}" + (self.tr("（带班）") if m.is_leader else "")
                         for m in shift.members)
        if len(parts) == 1:
            parts.append(self.tr("当天没有班次"))
        return "\n".join(parts)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if self.grid is None:
            return None
        if orientation == Qt.Orientation.Vertical:
            day = self.grid.days[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return day_header(day)
            if role == Qt.ItemDataRole.ForegroundRole and day.holiday:
                return QBrush(GAP_COLOUR)
            if role == Qt.ItemDataRole.ToolTipRole and day.estimated:
                return estimate_tip(day.date.year)
            return None
        post = self.grid.posts[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{post.name}\n{post.team_name}" if self.show_team and post.team_name else post.name
        if role == Qt.ItemDataRole.ToolTipRole:
            details = [post.name, self.tr("类别：{0}").format(vocab(post.kind))]
            if post.place:
                details.append(self.tr("地点：{0}").format(post.place))
            if post.team_name:
                details.append(self.tr("队伍：{0}").format(post.team_name))
            if post.required_skill:
                details.append(self.tr("所需技能：{0}").format(post.required_skill))
            if post.school_days_only:
                details.append(self.tr("仅上学日"))
            return "\n".join(details)
        return None

    # --- drag and drop -----------------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return base
        return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_TYPE]

    @staticmethod
    def assignment_mime(assignment_id: int) -> QMimeData:
        mime = QMimeData()
        mime.setData(MIME_TYPE, QByteArray(str(assignment_id).encode()))
        return mime

    # Qt's mimeData may return nullptr (no drag); the stubs say QMimeData
    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData | None:  # type: ignore[override]  # noqa: N802
        """The one person of a single-person cell (the view drags the line under the mouse itself)."""
        people = [line.assignment_id for index in indexes for line in self._lines[index.row()][index.column()]
                  if line.assignment_id is not None]
        return self.assignment_mime(people[0]) if len(people) == 1 else None

    @staticmethod
    def assignment_of(mime: QMimeData) -> int | None:
        if mime is None or not mime.hasFormat(MIME_TYPE):
            return None
        try:
            return int(bytes(mime.data(MIME_TYPE).data()).decode())
        except ValueError:
            return None

    def _target(self, row: int, column: int, parent: Index) -> tuple[int, int] | None:
        if parent.isValid():
            return parent.row(), parent.column()
        if 0 <= row < self.rowCount() and 0 <= column < self.columnCount():
            return row, column
        return None

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                        parent: Index) -> bool:
        return self.assignment_of(data) is not None and self._target(row, column, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                     parent: Index) -> bool:
        assignment_id = self.assignment_of(data)
        target = self._target(row, column, parent)
        if assignment_id is None or target is None or action == Qt.DropAction.IgnoreAction:
            return False
        self.move_requested.emit(assignment_id, *target)
        return True
