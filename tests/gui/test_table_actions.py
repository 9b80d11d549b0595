"""Tables like a spreadsheet (issue 17 part 3): Ctrl+C of selected rows gives tab-separated lines under a
header, the right-click menu opens, copies, prints and deletes, a roster file dropped on the roster opens the
import, and Ctrl+S saves a form."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop_app.db.models import Member, Team
from desktop_app.services.roster.members import MemberInput, save_member
from desktop_app.ui.cases.widgets import plain_table
from desktop_app.ui.roster.import_dialog import ImportDialog
from desktop_app.ui.roster.member_dialog import MemberDialog
from desktop_app.ui.roster.roster_tab import RosterTab
from desktop_app.ui.widgets.table_actions import table_actions

NAMES = ("阿依古丽·买买提", "李秀英", "王建国", "张伟")


@pytest.fixture
def roster(qtbot, office, messages):
    team = Team.create(name="石榴大妈义警队").id
    for name in NAMES:
        save_member(MemberInput(name=name, team_id=team, phone="13812345678"))
    tab = RosterTab()
    qtbot.addWidget(tab)
    tab.resize(1300, 700)
    tab.show()
    tab.refresh()
    return tab


def test_ctrl_c_copies_three_rows_as_tab_separated_lines_with_a_header(qtbot, roster):
    table = roster.table
    table.setFocus()
    selection = table.selectionModel()
    for row in (0, 1, 3):
        selection.select(roster.model.index(row, 0), selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert len(lines) == 4
    header = lines[0].split("\t")
    assert header[:3] == ["姓名", "性别", "民族"] and len(header) == roster.model.columnCount()
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(cells) == len(header) for cells in rows)
    shown = [roster.model.data(roster.model.index(r, 0)) for r in (0, 1, 3)]
    assert [cells[0] for cells in rows] == shown
    assert all(cells[header.index("联系电话")] == "138****5678" for cells in rows)  # as shown: masked


def test_the_right_click_menu_opens_copies_prints_and_deletes(qtbot, roster, messages):
    helper = table_actions(roster.table)
    roster.table.selectRow(2)
    menu = helper.build_menu()
    assert [a.text() for a in menu.actions() if a.text()] == ["打开", "复制", "打印…", "删除…"]
    doomed = roster.model.data(roster.model.index(2, 0))
    next(a for a in menu.actions() if a.text() == "删除…").trigger()  # 是 to the question
    assert Member.get(Member.name == doomed).deleted_at is not None
    assert roster.model.rowCount() == len(NAMES) - 1
    assert "回收站" in messages[-1][1]

    roster.table.selectRow(0)
    helper.show_menu(roster.table.visualRect(roster.model.index(1, 1)).center())
    assert helper.menu.isVisible() and roster.table.selectionModel().selectedRows()[0].row() == 1
    helper.menu.close()
    next(a for a in helper.build_menu().actions() if a.text() == "打开").trigger()
    assert isinstance(roster.dialog, MemberDialog)
    assert roster.dialog.form.name.text() == roster.model.data(roster.model.index(1, 0))
    roster.dialog.close()


def test_a_plain_table_has_the_copy_menu_too(qtbot):
    from desktop_app.ui.id_table_model import Column
    from desktop_app.ui.rows_table_model import RowsTableModel

    row = type("Row", (), {"a": "甲", "b": "乙\t丙"})()
    table = plain_table(RowsTableModel([Column("列一", "a"), Column("列二", "b")], [row]))
    qtbot.addWidget(table)
    table.selectRow(0)
    assert [a.text() for a in table_actions(table).build_menu().actions()] == ["复制"]
    assert table_actions(table).copy() == "列一\t列二\n甲\t乙 丙\n"


def _drop(widget, path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(QPoint(10, 10), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPoint(10, 10), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)


def test_dropping_a_sheet_on_the_roster_opens_the_import_with_it(qtbot, roster, tmp_path):
    sheet = tmp_path / "花名册.csv"
    sheet.write_text("姓名,联系电话\n古丽娜尔·艾山,13912345678\n", encoding="utf-8")
    _drop(roster, sheet)
    assert isinstance(roster.dialog, ImportDialog)
    assert roster.dialog.path == sheet
    roster.dialog.close()

    other = tmp_path / "照片.png"
    other.write_bytes(b"\x89PNG")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    enter.ignore()
    QApplication.sendEvent(roster, enter)
    assert not enter.isAccepted()


def test_ctrl_s_saves_the_member_form(qtbot, office, type_text, messages):
    dialog = MemberDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    type_text(dialog.form.name, "古丽娜尔·艾山")
    qtbot.keyClick(dialog.form.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert Member.get(Member.name == "古丽娜尔·艾山").id == dialog.member_id
    assert "已保存" in dialog.saved_note.text()
