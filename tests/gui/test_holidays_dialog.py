"""设置 → 节假日安排 through its real widgets: paste a notice, see it on the year calendar, correct one day by
clicking it, confirm; a notice read only in part changes nothing; the 首页 banner and the 预估 marks."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.db.models import Holiday
from desktop_app.domain.holiday_days import REST, WORK
from desktop_app.services.calendar import working_days
from desktop_app.ui.dashboard.dashboard_tab import DashboardTab
from desktop_app.ui.holidays.holidays_dialog import HolidaysDialog, default_year
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.schedule.week_grid_model import day_header

# Not a published notice (the 2027 notice could not be found): a made-up text in the published form.
NOTICE_2027 = """国务院办公厅关于2027年部分节假日安排的通知（测试用文本）
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历除夕、周五）至12日（农历正月初七、周五）放假调休，共8天。2月20日（周六）上班。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
国务院办公厅
2026年11月10日
"""


def open_dialog(qtbot, year=2027) -> HolidaysDialog:
    dialog = HolidaysDialog(None, year)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def paste(qtbot, dialog: HolidaysDialog, text: str) -> None:
    QApplication.clipboard().setText(text)
    dialog.text.setFocus()
    qtbot.keyClick(dialog.text, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(dialog.read_button, Qt.MouseButton.LeftButton)


def click_day(qtbot, dialog: HolidaysDialog, day: date) -> None:
    qtbot.mouseClick(dialog.calendar, Qt.MouseButton.LeftButton, pos=dialog.calendar.cell_rect(day).center())


def test_paste_see_correct_one_day_and_confirm(qtbot, office, messages, type_text):
    dialog = open_dialog(qtbot)
    assert dialog.size().width() <= 1366 and dialog.size().height() <= 768
    assert "尚未录入" in dialog.status.text()
    assert dialog.calendar.infos[date(2027, 2, 9)].estimated  # the estimate's 补假, before the notice

    paste(qtbot, dialog, NOTICE_2027)
    assert dialog.text.toPlainText().startswith("国务院办公厅关于2027年")
    assert "已读取 2027年：休 18 天，班 3 天" in dialog.result_label.text()
    infos = dialog.calendar.infos
    assert infos[date(2027, 2, 20)].kind == WORK and not infos[date(2027, 2, 20)].estimated
    assert infos[date(2027, 2, 12)].kind == REST and infos[date(2027, 2, 12)].name == "春节"
    assert Holiday.select().where(Holiday.year == 2027).count() == 0  # nothing stored yet

    click_day(qtbot, dialog, date(2027, 10, 9))  # the notice's 班 Saturday: correct it to a day off
    assert dialog.selected == date(2027, 10, 9) and dialog.kind_buttons[WORK].isChecked()
    qtbot.mouseClick(dialog.kind_buttons[REST], Qt.MouseButton.LeftButton)
    dialog.name.clear()
    type_text(dialog.name, "国庆节")
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    assert dialog.calendar.infos[date(2027, 10, 9)].kind == REST
    assert date(2027, 10, 9) in dialog.calendar.changed
    assert "尚未保存" in dialog.status.text()

    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert messages[0][0] == "question" and "2027年" in messages[0][1]
    assert messages[-1][0] == "information" and "休 19 天，班 2 天" in messages[-1][1]
    stored = {d: (k, n) for d, k, n in Holiday.select(Holiday.date, Holiday.kind, Holiday.name)
              .where(Holiday.year == 2027).tuples()}
    assert stored[date(2027, 10, 9)] == (REST, "国庆节") and stored[date(2027, 9, 26)][0] == WORK
    assert len(stored) == 21
    assert "已录入并确认" in dialog.status.text()
    assert not working_days.day_info(date(2027, 3, 2)).estimated


def test_a_partly_unreadable_notice_changes_nothing(qtbot, office, messages):
    dialog = open_dialog(qtbot)
    paste(qtbot, dialog, NOTICE_2027.replace("2月20日（周六）上班", "2月20日（周六）另行安排"))
    assert "未作任何修改" in dialog.result_label.text() and "2月20日（周六）另行安排" in dialog.result_label.text()
    assert not dialog.dirty and dialog.calendar.infos[date(2027, 2, 9)].estimated
    assert dialog.calendar.infos[date(2027, 2, 20)].kind == ""  # not half-applied: the 班 day is not shown
    assert Holiday.select().where(Holiday.year == 2027).count() == 0 and messages == []


def test_a_workday_weekday_cannot_be_marked_as_tiaoxiu(qtbot, office, messages):
    dialog = open_dialog(qtbot)
    click_day(qtbot, dialog, date(2027, 3, 3))  # a Wednesday
    qtbot.mouseClick(dialog.kind_buttons[WORK], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    assert "本是工作日" in dialog.day_message.text()
    assert not dialog.dirty


def test_the_xinjiang_notice_tab_shows_the_estimated_guerbang(qtbot, office, messages):
    dialog = open_dialog(qtbot, 2026)
    dialog.layer_box.setCurrentIndex(dialog.layer_box.findText("自治区通知（肉孜节、古尔邦节）"))
    assert dialog.calendar.infos[date(2026, 5, 27)].name == "古尔邦节"
    assert dialog.calendar.infos[date(2026, 5, 27)].estimated
    assert date(2026, 5, 27) in {d for d in dialog.draft}


def test_dashboard_banner_from_november_and_the_menu(qtbot, data_paths, office, monkeypatch):
    tab = DashboardTab()
    qtbot.addWidget(tab)
    tab.refresh(date(2026, 12, 1))
    assert tab.banner.isVisibleTo(tab) and "2027年放假安排尚未录入" in tab.banner.text()
    tab.refresh(date(2026, 10, 31))
    assert not tab.banner.isVisibleTo(tab)
    assert default_year(date(2026, 12, 1)) == 2027 and default_year(date(2026, 6, 1)) == 2026

    opened = []
    monkeypatch.setattr(HolidaysDialog, "exec", lambda self: opened.append(self.year) or 0)
    window = MainWindow(data_paths)
    qtbot.addWidget(window)
    assert [a.text() for a in window.settings_menu.actions()] == ["节假日安排…"]
    window.holidays_action.trigger()
    window.dashboard.holidays_requested.emit(2027)
    assert opened[-1] == 2027 and len(opened) == 2


def test_week_grid_and_month_view_mark_estimated_days(data_paths):
    from desktop_app.services.schedule.month_overview import month_overview
    from desktop_app.services.schedule.week_grid import week_grid
    from desktop_app.ui.schedule.month_view import MonthModel

    grid = week_grid(date(2027, 1, 1))
    new_year = next(d for d in grid.days if d.date == date(2027, 1, 1))
    assert new_year.estimated and day_header(new_year).endswith("元旦（预估）")
    assert day_header(next(d for d in grid.days if d.date == date(2026, 12, 28))).count("预估") == 0
    overview = month_overview(2027, 1)
    assert "预估" in MonthModel.day_text(overview.days[3])
    assert "预估" not in MonthModel.day_text(month_overview(2026, 12).days[3])
    assert week_grid(date(2026, 12, 28) + timedelta(days=7)).days[0].estimated


def test_office_dialog_switch_follows_the_place_until_set_by_hand(qtbot, data_paths, type_text):
    from desktop_app.services.office.details import counts_xinjiang_holidays, xinjiang_holidays_choice
    from desktop_app.ui.office_dialog import OfficeDialog

    dialog = OfficeDialog(None, first_run=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.xinjiang.isChecked()
    type_text(dialog.unit_name, "伽师县公安局夏普吐勒派出所")
    assert dialog.xinjiang.isChecked()  # 伽师县 is in 新疆
    type_text(dialog.case_prefix, "夏派调")
    qtbot.mouseClick(dialog.xinjiang, Qt.MouseButton.LeftButton)  # the office decides otherwise
    assert not dialog.xinjiang.isChecked()
    dialog.accept()
    assert xinjiang_holidays_choice() is False and not counts_xinjiang_holidays()


def test_school_vacations_are_kept_and_shown_on_the_year_calendar(qtbot, office):
    from PySide6.QtCore import QDate

    from desktop_app.services.schedule.settings import school_vacations

    dialog = open_dialog(qtbot, 2027)
    dialog.side.setCurrentWidget(dialog.vacations)
    panel = dialog.vacations
    panel.start.setDate(QDate(2027, 7, 10))
    panel.end.setDate(QDate(2027, 7, 1))
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert "结束日期不能早于开始日期" in panel.message.text() and school_vacations() == []
    panel.end.setDate(QDate(2027, 8, 31))
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert school_vacations() == [(date(2027, 7, 10), date(2027, 8, 31))]
    assert panel.list.count() == 1 and dialog.calendar.in_vacation(date(2027, 7, 20))
    assert "学校放假" in dialog.calendar.describe(date(2027, 7, 20))
    panel.list.setCurrentRow(0)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert school_vacations() == [] and not dialog.calendar.in_vacation(date(2027, 7, 20))
