"""Another PC changes a member: the roster tab shows it at the next look (ui/change_poll.py), with no
click here."""

from __future__ import annotations

from datetime import datetime

from desktop_app.db.models import Member
from desktop_app.services.roster.members import MemberInput, save_member
from desktop_app.ui import change_poll
from desktop_app.ui.change_poll import ChangePoll
from desktop_app.ui.ops import CASES, MEMBERS, SHIFTS, TEAMS
from desktop_app.ui.roster.roster_tab import RosterTab


def _names(tab: RosterTab) -> set[str]:
    return {tab.model.index(row, 0).data() for row in range(tab.model.rowCount())}


def test_the_roster_shows_what_another_pc_changed(qtbot, data_paths, other_connection):
    member_id = save_member(MemberInput(name="王小明")).id
    tab = RosterTab()
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: "王小明" in _names(tab))
    poll = ChangePoll(tab, interval_ms=60_000)  # looked by hand here
    assert poll.poll() == set()

    with other_connection(data_paths) as (con, mark):  # the other PC's save, as its services write it
        con.execute(f"UPDATE member SET name = {mark}, version = version + 1 WHERE id = {mark}",
                    ("王晓明", member_id))
        con.execute("INSERT INTO audit_log (uuid, created_at, updated_at, at, username, action, table_name, "
                    f"record_uuid, summary) VALUES ({', '.join([mark] * 9)})",
                    ("other1", datetime.now(), datetime.now(), datetime.now(), "zhang", "修改", "member",
                     Member.get_by_id(member_id).uuid, "修改队员信息"))
    assert "王小明" in _names(tab)  # nothing yet: the window has not looked
    assert poll.poll() == {MEMBERS}
    qtbot.waitUntil(lambda: "王晓明" in _names(tab))
    assert "王小明" not in _names(tab)


def test_each_table_names_the_views_it_concerns():
    assert change_poll.TABLE_CHANGES["team"] == {TEAMS, MEMBERS}
    assert change_poll.TABLE_CHANGES["assignment"] == {SHIFTS}
    assert change_poll.TABLE_CHANGES["party"] == {CASES}



def test_the_window_looks_every_five_seconds(qtbot, data_paths):
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(data_paths)
    qtbot.addWidget(window)
    assert window.change_poll.timer.isActive() and window.change_poll.timer.interval() == 5000
