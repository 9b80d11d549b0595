"""Fits and remembers (issue 17 part 2): the window on a 1366×768 and a 1280×720 screen shows its status bar,
and the window's size, splitters, column widths and sort order come back at the next start."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt

from desktop_app.db.models import Team
from desktop_app.services.roster.members import MemberInput, save_member
from desktop_app.ui import view_state
from desktop_app.ui.certificates.certificates_tab import CertificatesTab
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.roster.roster_tab import RosterTab


def _window(qtbot, data_paths) -> MainWindow:
    window = MainWindow(data_paths)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("screen", [(1366, 768), (1280, 720)])
def test_the_window_fits_a_small_screen_with_its_status_bar(qtbot, data_paths, office, screen):
    window = _window(qtbot, data_paths)
    free = QRect(0, 0, screen[0], screen[1] - 40)  # a task bar at the bottom
    view_state.fit_to_screen(window, free=free)
    assert window.width() <= free.width() and window.height() <= free.height()
    for index in range(window.tabs.count()):  # every tab built, the busiest one decides the minimum
        window.tabs.setCurrentIndex(index)
        qtbot.wait(5)
        hint = window.minimumSizeHint()
        assert hint.width() <= free.width() and hint.height() <= free.height() - 30
    status = window.statusBar()
    assert status.isVisible() and status.geometry().bottom() < window.height()
    assert status.geometry().top() > window.tabs.geometry().top()
    assert window.data_label.isVisible()


def test_the_window_comes_back_where_it_was_closed(qtbot, data_paths, office):
    window = _window(qtbot, data_paths)
    window.setGeometry(40, 50, 760, 660)
    window.close()
    again = _window(qtbot, data_paths)
    assert (again.width(), again.height()) == (760, 660)
    assert view_state.settings().fileName().endswith("window-layout.ini")
    assert str(data_paths.root) in view_state.settings().fileName()


def test_column_widths_and_sort_order_come_back(qtbot, office):
    team = Team.create(name="石榴大妈义警队").id
    for name in ("王建国", "李秀英", "阿依古丽·买买提"):
        save_member(MemberInput(name=name, team_id=team))
    roster = RosterTab()
    qtbot.addWidget(roster)
    roster.show()
    roster.refresh()
    header = roster.table.horizontalHeader()
    assert header.sectionSize(0) < 200  # sized to the names, not the 150 px guess or the spare width
    header.resizeSection(0, 222)
    header.setSortIndicator(3, Qt.SortOrder.DescendingOrder)
    qtbot.wait(400)  # widths are saved a moment after the last drag
    roster.close()

    again = RosterTab()
    qtbot.addWidget(again)
    again.show()
    again.refresh()
    header = again.table.horizontalHeader()
    assert header.sectionSize(0) == 222
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (3, Qt.SortOrder.DescendingOrder)


def test_a_splitter_comes_back(qtbot, office, messages):
    tab = CertificatesTab()
    qtbot.addWidget(tab)
    tab.resize(1300, 700)
    tab.show()
    qtbot.waitExposed(tab)
    tab.splitter.setSizes([400, 880])
    tab.splitter.splitterMoved.emit(400, 1)
    chosen = tab.splitter.sizes()
    again = CertificatesTab()
    qtbot.addWidget(again)
    again.resize(1300, 700)
    again.show()
    qtbot.waitExposed(again)
    assert again.splitter.sizes() == chosen
