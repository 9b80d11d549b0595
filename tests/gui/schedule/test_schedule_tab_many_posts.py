"""A week grid of a prefecture (hundreds of posts) is not laid out on opening: the tab opens on the first
team's posts, and 全部队伍 is still one choice away. In so big an office every week is read, and its cells
measured, off the GUI thread."""

from __future__ import annotations

from desktop_app.db.models import Team
from desktop_app.services.schedule.posts import PostInput, save_post
from desktop_app.ui.schedule.schedule_tab import GRID_POSTS_AT_ONCE, ScheduleTab


def test_many_posts_open_on_the_first_team(qtbot, office):
    teams = [Team.create(name=f"第{k}分队").id for k in range(1, 4)]
    for k in range(GRID_POSTS_AT_ONCE + 1):
        save_post(PostInput(name=f"岗位{k:03d}", kind="巡逻", team_id=teams[k % 3]))
    tab = ScheduleTab()
    qtbot.addWidget(tab)
    tab.show()
    tab.refresh()
    assert tab.team_filter.currentData() == tab.team_filter.itemData(1) is not None
    assert len(tab.model.grid.posts) < GRID_POSTS_AT_ONCE
    tab.team_filter.setCurrentIndex(0)
    assert len(tab.model.grid.posts) == GRID_POSTS_AT_ONCE + 1
    tab.refresh()  # later refreshes keep what was chosen
    assert tab.team_filter.currentData() is None


def test_the_weeks_of_a_big_office_are_read_off_the_gui_thread(qtbot, office, monkeypatch):
    import threading

    from desktop_app.ui.schedule import schedule_tab

    teams = [Team.create(name=f"第{k}分队").id for k in range(1, 3)]
    for k in range(GRID_POSTS_AT_ONCE + 1):
        save_post(PostInput(name=f"岗位{k:03d}", kind="巡逻", team_id=teams[k % 2]))
    read_on: list[str] = []
    real = schedule_tab.week_grid

    def recorded(monday, team_id=None):
        read_on.append(threading.current_thread().name)
        return real(monday, team_id)

    monkeypatch.setattr(schedule_tab, "week_grid", recorded)
    tab = ScheduleTab()
    qtbot.addWidget(tab)
    tab.show()
    tab.refresh()
    assert read_on and threading.main_thread().name not in read_on  # one team's week too
    read_on.clear()
    tab.team_filter.setCurrentIndex(0)
    assert len(read_on) == 1 and read_on[0] != threading.main_thread().name
    assert len(tab.model.grid.posts) == GRID_POSTS_AT_ONCE + 1
    assert tab.model.lines_at(0, 0) == []  # no shifts generated: empty cells, made in the worker too
    header = tab.view.horizontalHeader()
    assert all(header.sectionSize(c) >= header.sectionSizeHint(c) for c in range(GRID_POSTS_AT_ONCE + 1))


def test_the_weeks_figures_of_a_big_office_are_counted_off_the_gui_thread(qtbot, office, monkeypatch):
    """Counting a prefecture's week (shifts, places needed and missing) held the GUI thread for ~90 ms."""
    import threading
    from datetime import time

    from desktop_app.db.models import Shift
    from desktop_app.services.schedule import week_grid

    team = Team.create(name="第1分队").id
    posts = [save_post(PostInput(name=f"岗位{k:03d}", kind="巡逻", team_id=team)).id
             for k in range(GRID_POSTS_AT_ONCE + 1)]
    tab = ScheduleTab()
    qtbot.addWidget(tab)
    Shift.create(post=posts[0], date=tab.monday, start=time(9), end=time(12), headcount=2)
    counted_on: list[str] = []
    real = week_grid.GridShift.missing

    def missing(shift: week_grid.GridShift) -> int:
        counted_on.append(threading.current_thread().name)
        return real.fget(shift)

    monkeypatch.setattr(week_grid.GridShift, "missing", property(missing))
    tab.show()
    tab.refresh()
    assert counted_on and threading.main_thread().name not in counted_on
    assert "班次 1 个，需 2 人次，缺 2 人次" in tab.summary_label.text()
