"""文件 → 回收站: a member deleted in the roster and a case deleted in the cases tab are listed with who and
when, and 恢复 brings each back with its assignments and parties."""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtCore import Qt

from desktop_app.db.models import Assignment, Case, DutyPost, Member, Party, Shift, Team
from desktop_app.services.cases.case_form import CaseInput, delete_case, register_case
from desktop_app.services.cases.parties import PartyInput, add_party
from desktop_app.services.roster.members import MemberInput, save_member
from desktop_app.services.schedule.assignments import assign
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.roster.member_dialog import MemberDialog

LEFT = Qt.MouseButton.LeftButton
INSURED = date.today() + timedelta(days=400)


def test_delete_see_and_restore_with_everything_attached(qtbot, data_paths, office, messages):
    team = Team.create(name="石榴大妈义警队").id
    member = save_member(MemberInput(name="王建国", team_id=team, insurance_expires_on=INSURED)).id
    post = DutyPost.create(name="中山路商圈巡逻", kind="巡逻").id
    shift = Shift.create(post=post, date=date.today() - timedelta(days=2), start=time(19), end=time(22),
                         headcount=1).id
    assign(shift, member, force_warnings=True)
    case = register_case(CaseInput(category="邻里", received_at=f"{date.today():%Y-%m-%d} 09:00"))
    add_party(case.id, PartyInput(name="艾力·买买提"))
    add_party(case.id, PartyInput(name="李秀英"))

    window = MainWindow(data_paths)
    qtbot.addWidget(window)
    window.show()
    dialog = MemberDialog(member, window)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.delete_button, LEFT)  # 是 to the question (messages fixture)
    assert Member.get_by_id(member).deleted_at is not None
    delete_case(case.id, "重复登记")

    assert "回收站…" in [a.text() for a in window.file_menu.actions()]
    window.recycle_bin_action.trigger()
    bin_dialog = window.recycle_bin
    qtbot.waitExposed(bin_dialog)
    rows = [(r.kind, r.label) for r in bin_dialog.model.rows()]
    assert rows == [("案件", case.number), ("队员", "王建国")]
    assert bin_dialog.model.data(bin_dialog.model.index(1, 2)).startswith(f"{date.today():%Y-%m-%d}")
    assert not bin_dialog.restore_button.isEnabled()

    bin_dialog.kind.setCurrentIndex(bin_dialog.kind.findData("队员"))
    assert [r.label for r in bin_dialog.model.rows()] == ["王建国"]
    bin_dialog.table.selectRow(0)
    qtbot.mouseClick(bin_dialog.restore_button, LEFT)
    assert Member.get_by_id(member).deleted_at is None
    assert Assignment.select().where(Assignment.member == member).count() == 1
    assert messages[-1][0] == "information" and "王建国" in messages[-1][1]
    assert bin_dialog.model.rowCount() == 0

    bin_dialog.kind.setCurrentIndex(0)
    bin_dialog.select_record("案件", case.id)
    qtbot.mouseClick(bin_dialog.restore_button, LEFT)
    assert Case.get_by_id(case.id).deleted_at is None
    assert Party.select().where(Party.case == case.id).count() == 2
    assert bin_dialog.model.rowCount() == 0
    roster = window.roster
    roster.refresh()
    cells = {str(roster.model.data(roster.model.index(r, c)))
             for r in range(roster.model.rowCount()) for c in range(roster.model.columnCount())}
    assert "王建国" in cells  # back on the roster


def test_purge_from_the_dialog_asks_and_says_what_it_kept(qtbot, data_paths, office, messages, monkeypatch):
    from datetime import datetime

    from desktop_app.services import recycle_bin
    from desktop_app.services.roster.members import delete_member
    from desktop_app.ui.recycle_bin_dialog import RecycleBinDialog

    lone = save_member(MemberInput(name="李秀英")).id
    delete_member(lone)
    dialog = RecycleBinDialog()
    qtbot.addWidget(dialog)
    assert dialog.purge_button.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.purge_button, LEFT)
    assert Member.get_by_id(lone).deleted_at is not None  # within the retention period: nothing removed
    assert "已永久清除 0 条" in messages[-1][1]
    later = datetime.now() + timedelta(days=recycle_bin.RETENTION_DAYS + 1)
    monkeypatch.setattr(recycle_bin, "purge_expired", lambda f=recycle_bin.purge_expired: f(now=later))
    qtbot.mouseClick(dialog.purge_button, LEFT)
    assert Member.get_or_none(Member.id == lone) is None
    assert "已永久清除 1 条" in messages[-1][1] and dialog.model.rowCount() == 0
