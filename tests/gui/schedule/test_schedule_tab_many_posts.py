"""A week grid of a prefecture (hundreds of posts) is not laid out on opening: the tab opens on the first
team's posts, and 全部队伍 is still one choice away."""

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
