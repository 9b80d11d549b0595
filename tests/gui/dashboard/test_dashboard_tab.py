"""The 首页 through the main window: a number clicked opens the records behind it (the 工作记录 tab filtered,
or a list), the count it shows equal to the records listed; a new office is shown its first steps, each a
button; the trend chart renders."""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import Qt

from desktop_app.db.models import DutyPost, Member, Shift, Team
from desktop_app.services.records.activities import ActivityInput, ParticipantInput, save_activity
from desktop_app.services.roster.members import MemberInput, save_member
from desktop_app.services.roster.teams import TeamInput, save_team
from desktop_app.ui.dashboard import dashboard_tab
from desktop_app.ui.main_window import MainWindow


def _window(qtbot, data_paths) -> MainWindow:
    window = MainWindow(data_paths)
    qtbot.addWidget(window)
    window.resize(1300, 900)
    window.show()
    qtbot.waitExposed(window)
    return window


def _wait_for_the_list(qtbot, dashboard) -> None:
    """A number's list is read off the GUI thread: wait until it has been read (and opened)."""
    assert dashboard.drilldown_runner is not None
    qtbot.waitUntil(lambda: dashboard.drilldown_runner is None, timeout=10000)


def test_a_number_clicked_opens_its_records(qtbot, data_paths, office):
    team = save_team(TeamInput(name="石榴大妈义警队"))
    zhang = save_member(MemberInput(name="张鹏", team_id=team, join_date="2020-01-01")).id
    today = date.today()
    for persuaded in (35, 20, 0):
        save_activity(ActivityInput(date=today, kind="交通劝导" if persuaded else "巡逻", team_id=team,
                                    people_persuaded=persuaded, participants=[ParticipantInput(zhang, 2)]))
    save_member(MemberInput(name="李娜", team_id=team, insurance_expires_on=today - timedelta(days=2)))
    window = _window(qtbot, data_paths)
    dashboard = window.dashboard
    button = dashboard.figure_buttons["劝导交通违法行为"]
    assert button.text() == "55 起"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.records_page
    page = window.records_page.content.activities
    assert page.model.rowCount() == 2  # the two records with the figure, not the patrol
    assert "劝导交通违法行为 55起" in page.summary.text()

    window.tabs.setCurrentWidget(dashboard)
    qtbot.mouseClick(dashboard.kind_buttons["巡逻"], Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 1 and page.kind.currentData() == "巡逻"

    window.tabs.setCurrentWidget(dashboard)
    card = dashboard.cards["activities"]
    assert card.value.text() == "3"
    qtbot.mouseClick(card.value, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 3

    window.tabs.setCurrentWidget(dashboard)
    expired = dashboard.cards["insurance_expired"]
    assert expired.value.text() == "1" and expired.value.property("level") == "alert"
    qtbot.mouseClick(expired.value, Qt.MouseButton.LeftButton)
    _wait_for_the_list(qtbot, dashboard)
    assert dashboard.dialog is not None and dashboard.dialog.model.rowCount() == 1
    assert dashboard.dialog.model.rows()[0].c0 == "李娜"
    dashboard.dialog.reject()
    dashboard.dialog = None
    for nothing in (dashboard.cards["cases"].value, dashboard.figure_buttons["救助被困车辆"]):
        assert nothing.text().startswith("0") and not nothing.isEnabled()  # a zero is not a link
        qtbot.mouseClick(nothing, Qt.MouseButton.LeftButton)
    assert dashboard.dialog is None and window.tabs.currentWidget() is dashboard
    qtbot.waitUntil(lambda: bool(dashboard.chart.series()))  # drawn after the page's first paint
    assert dashboard.chart.series() and len(dashboard.chart.series()[0].points()) == 12


def test_a_big_offices_figures_are_read_off_the_gui_thread(qtbot, data_paths, office, monkeypatch):
    team = save_team(TeamInput(name="石榴大妈义警队"))
    zhang = save_member(MemberInput(name="张鹏", team_id=team, join_date="2020-01-01")).id
    save_member(MemberInput(name="李娜", team_id=team, join_date="2020-01-01"))
    save_activity(ActivityInput(date=date.today(), kind="交通劝导", team_id=team, people_persuaded=35,
                                participants=[ParticipantInput(zhang, 2)]))
    window = _window(qtbot, data_paths)
    dashboard = window.dashboard
    qtbot.waitUntil(lambda: bool(dashboard.chart.series()))
    at_once = {name: card.value.text() for name, card in dashboard.cards.items()}
    assert at_once["members"] == "2" and dashboard.figure_buttons["劝导交通违法行为"].text() == "35 起"
    monkeypatch.setattr(dashboard_tab.ops, "ROSTER_SEARCH_AT_ONCE", 1)  # two members: "big"
    save_activity(ActivityInput(date=date.today(), kind="交通劝导", team_id=team, people_persuaded=20,
                                participants=[ParticipantInput(zhang, 1)]))
    dashboard.chart.removeAllSeries()
    dashboard.refresh()
    assert dashboard.figures_lookup.pending and dashboard.trends_lookup.pending
    assert dashboard.figure_buttons["劝导交通违法行为"].text() == "35 起"  # the figures it had, meanwhile
    qtbot.waitUntil(lambda: not dashboard.figures_lookup.pending and not dashboard.trends_lookup.pending,
                    timeout=10000)
    assert dashboard.figure_buttons["劝导交通违法行为"].text() == "55 起"
    assert {name: card.value.text() for name, card in dashboard.cards.items()} == {**at_once, "activities": "2", "hours": "3"}
    assert len(dashboard.chart.series()[0].points()) == 12


def test_a_new_office_is_shown_its_first_steps(qtbot, data_paths, office):
    window = _window(qtbot, data_paths)
    dashboard = window.dashboard
    assert dashboard.steps.isVisible()
    assert [b.text() for b in dashboard.step_buttons.values()] == ["1 建队伍", "2 录入队员", "3 设岗位", "4 排班"]
    assert dashboard.cards["shifts"].detail.text() == "请先设岗位并排班"  # not "人手均已排满" with no shifts
    qtbot.mouseClick(dashboard.step_buttons["teams"], Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.roster_page
    dialog = window.roster_page.content.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
    Team.create(name="花城义警队")
    Member.create(name="王芳")
    window.tabs.setCurrentWidget(dashboard)
    assert dashboard.step_buttons["teams"].text().startswith("✓") and dashboard.steps.isVisible()
    qtbot.mouseClick(dashboard.step_buttons["posts"], Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is window.schedule_page


def test_the_hours_and_the_weeks_shifts_open_what_they_count(qtbot, data_paths, office):
    team = save_team(TeamInput(name="石榴大妈义警队"))
    zhang = save_member(MemberInput(name="张鹏", team_id=team, join_date="2020-01-01")).id
    li = save_member(MemberInput(name="李娜", team_id=team, join_date="2020-01-01")).id
    save_activity(ActivityInput(date=date.today(), kind="巡逻", team_id=team,
                                participants=[ParticipantInput(zhang, 2.5), ParticipantInput(li, 1)]))
    post = DutyPost.create(name="第一小学护学岗", kind="护学岗", headcount=2)
    for day in {date.today(), date.today() - timedelta(days=date.today().weekday())}:
        Shift.create(post=post, date=day, start=time(7, 30), end=time(8, 10), headcount=2)
    window = _window(qtbot, data_paths)
    dashboard = window.dashboard
    hours = dashboard.cards["hours"]
    assert hours.value.text() == "3.5"
    qtbot.mouseClick(hours.value, Qt.MouseButton.LeftButton)
    _wait_for_the_list(qtbot, dashboard)
    rows = dashboard.dialog.model.rows()
    assert [(r.c0, r.c4) for r in rows] == [("张鹏", "2.5"), ("李娜", "1")]
    dashboard.dialog.reject()
    shifts = dashboard.cards["shifts"]
    qtbot.mouseClick(shifts.value, Qt.MouseButton.LeftButton)
    _wait_for_the_list(qtbot, dashboard)
    week = len({date.today(), date.today() - timedelta(days=date.today().weekday())})
    assert dashboard.dialog.model.rowCount() == int(shifts.value.text()) == week
    dashboard.dialog.reject()


def test_the_lines_by_team_are_made_a_batch_each_turn_and_kept(qtbot, data_paths, office, monkeypatch):
    monkeypatch.setattr(dashboard_tab._GroupLines, "LINES_AT_ONCE", 1)
    teams = [save_team(TeamInput(name=name)) for name in ("石榴大妈义警队", "红柳义警队")]
    members = [save_member(MemberInput(name=name, team_id=team, join_date="2020-01-01")).id
               for name, team in zip(("张鹏", "李娜"), teams, strict=True)]
    for count, team, member in ((2, teams[0], members[0]), (1, teams[1], members[1])):
        for _ in range(count):
            save_activity(ActivityInput(date=date.today(), kind="巡逻", team_id=team,
                                        participants=[ParticipantInput(member, 1)]))
    window = _window(qtbot, data_paths)
    dashboard = window.dashboard
    qtbot.waitUntil(lambda: dashboard.team_lines.complete)
    assert [dashboard.team_buttons[team].text() for team in teams] == ["2 条", "1 条"]
    first = dashboard.team_buttons[teams[0]]
    save_activity(ActivityInput(date=date.today(), kind="巡逻", team_id=teams[1],
                                participants=[ParticipantInput(members[1], 1)]))
    dashboard.refresh()
    assert dashboard.team_lines.complete  # two lines made already: changed in place
    assert [dashboard.team_buttons[team].text() for team in teams] == ["2 条", "2 条"]
    assert dashboard.team_buttons[teams[0]] is first
    with qtbot.waitSignal(dashboard.records_requested) as asked:
        qtbot.mouseClick(dashboard.team_buttons[teams[1]], Qt.MouseButton.LeftButton)
    assert asked.args[0].team_id == teams[1]


def test_a_long_list_by_team_shows_its_first_lines_and_the_rest_when_asked(qtbot, data_paths, office,
                                                                          monkeypatch):
    monkeypatch.setattr(dashboard_tab, "TEAM_LINES_AT_FIRST", 2)
    teams = [save_team(TeamInput(name=name)) for name in ("石榴大妈义警队", "红柳义警队", "胡杨义警队")]
    for records, team, name in zip((3, 2, 1), teams, ("张鹏", "李娜", "王五"), strict=True):
        member = save_member(MemberInput(name=name, team_id=team, join_date="2020-01-01")).id
        for _ in range(records):
            save_activity(ActivityInput(date=date.today(), kind="巡逻", team_id=team,
                                        participants=[ParticipantInput(member, 1)]))
    window = _window(qtbot, data_paths)
    dashboard = window.dashboard
    lines = dashboard.team_lines
    assert lines.complete and list(dashboard.team_buttons) == teams[:2]  # the two with the most records
    assert lines.more_button.isVisible() and lines.more_button.text() == "显示其余 1 项…"
    qtbot.mouseClick(lines.more_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lines.complete)
    assert [dashboard.team_buttons[team].text() for team in teams] == ["3 条", "2 条", "1 条"]
    assert not lines.more_button.isVisible()


def test_a_numbers_list_is_read_off_the_gui_thread_and_cancelling_opens_none(qtbot, data_paths, office,
                                                                           monkeypatch):
    import threading

    from desktop_app.services.dashboard import drilldown

    team = save_team(TeamInput(name="石榴大妈义警队"))
    save_member(MemberInput(name="李娜", team_id=team, insurance_expires_on=date.today() - timedelta(days=2)))
    window = _window(qtbot, data_paths)
    dashboard = window.dashboard
    real = drilldown.drilldown
    seen: list[threading.Thread] = []
    reached, go_on = threading.Event(), threading.Event()

    def watched(key, today):
        seen.append(threading.current_thread())
        if len(seen) == 2:  # the second time: held until 取消 has been pressed
            reached.set()
            go_on.wait(10)
        return real(key, today)

    monkeypatch.setattr(drilldown, "drilldown", watched)
    expired = dashboard.cards["insurance_expired"].value
    qtbot.mouseClick(expired, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(expired, Qt.MouseButton.LeftButton)  # while it is read: one list, not two
    _wait_for_the_list(qtbot, dashboard)
    assert seen == [seen[0]] and seen[0] is not threading.main_thread()
    assert dashboard.dialog is not None and [r.c0 for r in dashboard.dialog.model.rows()] == ["李娜"]
    dashboard.dialog.reject()
    dashboard.dialog = None
    qtbot.mouseClick(expired, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(reached.is_set, timeout=10000)
    dashboard.drilldown_runner.cancel()
    go_on.set()
    qtbot.waitUntil(lambda: dashboard.drilldown_runner is None, timeout=10000)
    assert dashboard.dialog is None and len(seen) == 2


def test_a_big_offices_trends_wait_for_the_lines_and_are_read_once(qtbot, data_paths, office, monkeypatch):
    teams = [save_team(TeamInput(name=name)) for name in ("石榴大妈义警队", "红柳义警队", "胡杨义警队")]
    for team, name in zip(teams, ("张鹏", "李娜", "王五"), strict=True):
        member = save_member(MemberInput(name=name, team_id=team, join_date="2020-01-01")).id
        save_activity(ActivityInput(date=date.today(), kind="巡逻", team_id=team,
                                    participants=[ParticipantInput(member, 1)]))
    monkeypatch.setattr(dashboard_tab.ops, "ROSTER_SEARCH_AT_ONCE", 1)  # three members: "big"
    monkeypatch.setattr(dashboard_tab._GroupLines, "LINES_AT_ONCE", 1)
    read = []
    real_trends = dashboard_tab.trends

    def trends(today):
        read.append((today, len(window.dashboard.team_lines._lines)))
        return real_trends(today)

    monkeypatch.setattr(dashboard_tab, "trends", trends)
    window = _window(qtbot, data_paths)  # its first show asks for the figures and the trends
    dashboard = window.dashboard
    dashboard.refresh()  # asked over before the first came back: those trends are not read
    qtbot.waitUntil(lambda: not dashboard.figures_lookup.pending and not dashboard.trends_lookup.pending,
                    timeout=10000)
    assert read == [(date.today(), 3)]  # once, after the three lines by team were made (one a turn)
    assert dashboard.team_lines.complete and len(dashboard.team_buttons) == 3
    assert dashboard.cards["members"].value.text() == "3"
    assert len(dashboard.chart.series()[0].points()) == 12
