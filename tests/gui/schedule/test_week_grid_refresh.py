"""The week shown again after a change (auto-schedule, an assignment) with the same days and posts: its
cells are replaced in place rather than the model reset, and what the grid shows and how wide its columns
are stay right — every cell's people as saved, each column as wide as its widest line and its header, the
painted cells those of the new lines. A change of the posts still resets the model."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from desktop_app.db.models import Assignment, Member, Shift, Team
from desktop_app.services.roster.members import MemberInput, save_member
from desktop_app.services.schedule.assignments import assign
from desktop_app.services.schedule.posts import PatternInput, PostInput, save_pattern, save_post
from desktop_app.services.schedule.shift_generation import generate_shifts
from desktop_app.services.schedule.shift_times import week_monday
from desktop_app.ui.schedule.grid_view import MAX_WIDTH
from desktop_app.ui.schedule.schedule_tab import ScheduleTab
from desktop_app.ui.schedule.week_grid_model import LEADER, MEMBER

FUTURE = week_monday(date.today()) + timedelta(days=14)
INSURED = date.today() + timedelta(days=400)
NAMES = ("王建国", "李秀英", "张伟", "刘洋", "陈静", "杨帆")
LONG_NAME = "阿依古丽·买买提江"


@pytest.fixture
def tab(qtbot, office, messages):
    team = Team.create(name="红旗义警队").id
    for i, name in enumerate(NAMES):
        save_member(MemberInput(name=name, team_id=team, skills=["巡逻"], phone=f"1391234{i:04d}",
                                insurance_expires_on=INSURED))
    for k in range(3):
        post = save_post(PostInput(name=f"巡逻岗{k}", kind="巡逻", team_id=team, headcount=2)).id
        save_pattern(post, PatternInput(weekdays="1-7", start=f"{8 + 4 * k:02d}:00", end=f"{11 + 4 * k:02d}:00",
                                        headcount=2))
    generate_shifts(FUTURE, FUTURE + timedelta(days=6))
    widget = ScheduleTab()
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    widget.refresh()
    widget.show_week(FUTURE)
    return widget


def _resets(tab: ScheduleTab) -> list[int]:
    seen: list[int] = []
    tab.model.modelReset.connect(lambda: seen.append(1))
    return seen


def _saved_people(tab: ScheduleTab, row: int, column: int) -> list[str]:
    day = tab.model.day_at(row)
    post = tab.model.post_at(column)
    return sorted(a.member.name for s in Shift.select().where(Shift.post == post.id, Shift.date == day)
                  for a in Assignment.select().join(Member).where(Assignment.shift == s.id))


def _shown_people(tab: ScheduleTab, row: int, column: int) -> list[str]:
    return sorted(line.text for line in tab.model.lines_at(row, column) if line.kind in (MEMBER, LEADER))


def _check_fit(tab: ScheduleTab) -> None:
    """Every column as wide as its widest line (up to the limit) and its header, every row as tall as its
    fullest cell; every painted cell drawn from the lines the model holds now."""
    view, model = tab.view, tab.model
    measure = view.cell_measure()
    header, vertical = view.horizontalHeader(), view.verticalHeader()
    for column in range(model.columnCount()):
        assert header.sectionSize(column) >= header.sectionSizeHint(column)
        for row in range(model.rowCount()):
            width, height = measure.size(model.lines_at(row, column))
            assert header.sectionSize(column) >= min(width, MAX_WIDTH)
            assert vertical.sectionSize(row) >= height
    view.viewport().grab()  # paints every visible cell
    pictures = view.delegate._pictures  # noqa: SLF001 - what was painted
    assert pictures
    for (row, column), picture in pictures.items():
        assert picture.lines == tuple(model.lines_at(row, column))


def test_auto_schedule_replaces_the_cells_in_place_and_they_show_what_was_saved(qtbot, tab):
    _check_fit(tab)  # empty cells painted before the change
    assert all(not _shown_people(tab, r, c) for r in range(7) for c in range(3))
    resets = _resets(tab)
    changed: list[int] = []
    tab.model.dataChanged.connect(lambda *_: changed.append(1))
    columns = tab.model.columnCount()
    auto = tab.open_auto_schedule()
    auto.start()
    qtbot.waitUntil(lambda: auto.schedule_result is not None, timeout=15000)
    assert auto.schedule_result.slots_filled > 0
    assert not resets and changed  # in place
    assert tab.model.columnCount() == columns and tab.model.rowCount() == 7
    filled = 0
    for row in range(7):
        for column in range(columns):
            assert _shown_people(tab, row, column) == _saved_people(tab, row, column)
            filled += len(_shown_people(tab, row, column))
    assert filled == auto.schedule_result.slots_filled
    assert tab.model.grid.slots_missing == auto.schedule_result.slots_missing
    _check_fit(tab)


def test_a_longer_name_widens_its_column_without_a_reset(qtbot, tab):
    post = tab.model.post_at(1)
    before = tab.view.horizontalHeader().sectionSize(1)
    resets = _resets(tab)
    member = save_member(MemberInput(name=LONG_NAME * 2, team_id=post.team_id, skills=["巡逻"],
                                     phone="13912349999", insurance_expires_on=INSURED)).id
    shift = Shift.get(Shift.post == post.id, Shift.date == FUTURE + timedelta(days=2)).id
    assign(shift, member, force_warnings=True)
    tab.load_week()
    assert not resets
    assert _shown_people(tab, 2, 1) == _saved_people(tab, 2, 1)
    assert tab.view.horizontalHeader().sectionSize(1) > before
    _check_fit(tab)


def test_a_new_post_resets_the_grid(qtbot, tab):
    team = tab.model.post_at(0).team_id
    resets = _resets(tab)
    save_post(PostInput(name="新设夜间巡逻岗位", kind="巡逻", team_id=team))
    tab.load_week()
    assert resets and tab.model.columnCount() == 4
    names = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert any(name.startswith("新设夜间巡逻岗位") for name in names)
    _check_fit(tab)


def test_new_cells_are_laid_out_a_few_per_paint_and_all_drawn_soon(qtbot, tab, monkeypatch):
    from desktop_app.ui.schedule import grid_view

    auto = tab.open_auto_schedule()
    auto.start()
    qtbot.waitUntil(lambda: auto.schedule_result is not None, timeout=15000)
    monkeypatch.setattr(grid_view, "LAID_OUT_PER_PAINT", 3)
    delegate = tab.view.delegate
    delegate.clear()
    delegate._laid_out = 0  # noqa: SLF001 - a new turn
    tab.view.viewport().repaint()
    pictures = delegate._pictures  # noqa: SLF001
    drawn = [key for key, picture in pictures.items() if picture.lines and picture.text is not None]
    waiting = [key for key, picture in pictures.items() if picture.lines and picture.text is None]
    assert len(drawn) == 3 and waiting  # the rest in later turns

    def all_drawn() -> bool:
        return all(picture.text is not None for picture in pictures.values() if picture.lines)

    qtbot.waitUntil(all_drawn, timeout=5000)
    assert len(pictures) >= len(drawn) + len(waiting)
