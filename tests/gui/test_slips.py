"""The slips a new user tripped on in a working day (issue 17, part 6), one test each, through the real
widgets where the slip was on screen."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app import app as app_module
from desktop_app.db.models import Assignment, DutyPost, Shift, Team
from desktop_app.documents import fonts
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.services.certificates import issuing as certs
from desktop_app.services.roster.members import MemberInput, save_member
from desktop_app.services.schedule.assignments import assign
from desktop_app.services.schedule.duty_sheet import duty_sheet_data
from desktop_app.services.schedule.settings import set_leader_phones_in_full
from desktop_app.services.schedule.shift_times import week_monday
from desktop_app.ui.certificates.batch_dialog import BatchDialog
from desktop_app.ui.certificates.templates_dialog import TemplatesDialog
from desktop_app.ui.certificates.verify_box import VerifyBox
from desktop_app.ui.office_dialog import OfficeDialog
from desktop_app.ui.roster.member_dialog import MemberDialog
from desktop_app.ui.schedule.attendance_dialog import AttendanceDialog
from desktop_app.ui.schedule.auto_schedule_dialog import AutoScheduleDialog

LEFT = Qt.MouseButton.LeftButton
THIS_WEEK = week_monday(date.today())
INSURED = date.today() + timedelta(days=400)
ID_NUR = build_id_number("653129", date(1980, 5, 6), 31)


def test_the_auto_schedule_dialog_calls_next_week_next_week(qtbot, office):
    dialog = AutoScheduleDialog(THIS_WEEK + timedelta(days=7), None)
    qtbot.addWidget(dialog)
    assert dialog.period.week.text().startswith("下周")
    this_week = AutoScheduleDialog(THIS_WEEK, None)
    qtbot.addWidget(this_week)
    assert this_week.period.week.text().startswith("本周")


def test_no_stray_to_label_in_batch_issue_for_an_honour(qtbot, office, messages):
    dialog = BatchDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.cert_type.setCurrentIndex(dialog.cert_type.findData("荣誉证书"))
    assert not dialog.date_from.isVisible() and not dialog.to_label.isVisible()
    dialog.cert_type.setCurrentIndex(dialog.cert_type.findData("聘书"))
    assert dialog.date_from.isVisible() and dialog.to_label.isVisible()


def test_the_template_editor_reads_placeholders_in_chinese_and_inserts_them(qtbot, office):
    dialog = TemplatesDialog()
    qtbot.addWidget(dialog)
    dialog.cert_type.setCurrentIndex(dialog.cert_type.findData("聘书"))
    readable = dialog.readable.text()
    assert "〔起始日期〕" in readable and "period_from" not in readable and "〔姓名〕" in readable
    dialog.wording.setPlainText("兹聘请")
    dialog.wording.moveCursor(dialog.wording.textCursor().MoveOperation.End)
    dialog.insert_placeholder.activated.emit(dialog.insert_placeholder.findText("姓名"))
    assert dialog.wording.toPlainText() == "兹聘请{name}" and dialog.readable.text().endswith("兹聘请〔姓名〕")


def test_the_program_name_is_not_added_to_window_titles_again(monkeypatch):
    calls: list[str] = []
    monkeypatch.setattr(QApplication, "setApplicationDisplayName", lambda name: calls.append(name))
    app_module.make_application()
    assert calls == []  # Qt appends a display name to every title; the main window's title holds it already


def test_first_run_errors_go_once_the_field_is_edited(qtbot, data_paths, type_text):
    dialog = OfficeDialog(None, first_run=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.buttons.buttons()[0], LEFT)
    assert dialog.messages["unit_name"].isVisible()
    type_text(dialog.unit_name, "伽师县公安局夏普吐勒派出所")
    assert dialog.messages["unit_name"].isHidden()
    assert dialog.messages["case_prefix"].isVisible()  # not touched yet: still says what is missing


def test_the_stick_export_says_done_once(qtbot, office, tmp_path, messages):
    from desktop_app.ui.cases.usb_export_dialog import UsbExportDialog

    dialog = UsbExportDialog([], (date.today() - timedelta(days=30), date.today()))
    qtbot.addWidget(dialog)
    dialog.show()
    result = type("Result", (), {"folder": tmp_path, "masked": True, "case_count": 0, "files": [],
                              "without_dossier": []})()
    dialog._done(result)
    assert not dialog.isVisible()  # the dialog closes: what it did is said once, in the box
    assert [kind for kind, text in messages if "导出完成" in text] == ["information"]


def test_saving_a_member_says_so_and_the_join_date_is_today(qtbot, office, type_text, messages):
    dialog = MemberDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.form.join_date.text() == date.today().isoformat()
    type_text(dialog.form.name, "王建国")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert "已保存“王建国”" in dialog.saved_note.text()


def test_the_join_date_typed_replaces_today(qtbot, office, type_text, messages):
    dialog = MemberDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.form.name, "李秀英")
    type_text(dialog.form.join_date, "2020-05-01")
    assert dialog.form.join_date.text() == "2020-05-01"


def test_attendance_hours_follow_the_times_typed(qtbot, office, messages):
    team = Team.create(name="石榴大妈义警队").id
    member = save_member(MemberInput(name="王建国", team_id=team, insurance_expires_on=INSURED)).id
    post = DutyPost.create(name="中山路商圈巡逻", kind="巡逻").id
    shift = Shift.create(post=post, date=THIS_WEEK - timedelta(days=7), start=time(19), end=time(22), headcount=1)
    assign(shift.id, member, force_warnings=True)
    dialog = AttendanceDialog(shift.id, "巡逻")
    qtbot.addWidget(dialog)
    line = dialog.line_for(member)
    dialog.set_status(member, "迟到", "19:30", "22:00")
    assert line.hours.text() == "2.5 小时"
    line.end.setText("23:00")
    assert line.hours.text() == "3.5 小时"
    dialog.set_status(member, "缺勤")
    assert line.hours.text() == "0 小时"
    assert Assignment.get().hours == 0  # nothing saved by looking


@pytest.fixture
def issued(office):
    team = Team.create(name="夏普吐勒义警一中队")
    nur = save_member(MemberInput(name="努尔买买提·西热甫", id_number=ID_NUR, team_id=team.id)).id
    return certs.issue_certificate(nur, "荣誉证书", title="优秀义警", issued_on=date(2024, 4, 13))


def test_the_verify_box_takes_a_serial_and_shows_the_full_name(qtbot, issued):
    box = VerifyBox()
    qtbot.addWidget(box)
    serial = issued.serial.replace("〔", "[").replace("〕", "]").replace("第0001号", "第1号")
    qtbot.keyClicks(box.code, "")
    box.code.setText(serial)
    qtbot.mouseClick(box.verify_button, LEFT)
    assert box.result.status == "有效" and box.result.serial == issued.serial
    answer = box.answer.text()
    assert "努尔买买提·西热甫" in answer and f"{ID_NUR[:6]}********{ID_NUR[-4:]}" in answer
    assert ID_NUR not in answer


def test_the_duty_sheet_can_show_the_leaders_phones_in_full(office):
    team = Team.create(name="石榴大妈义警队").id
    leader = save_member(MemberInput(name="王建国", team_id=team, phone="13812345678", insurance_expires_on=INSURED)).id
    other = save_member(MemberInput(name="李秀英", team_id=team, phone="13912345678", insurance_expires_on=INSURED)).id
    post = DutyPost.create(name="中山路商圈巡逻", kind="巡逻", team=team).id
    shift = Shift.create(post=post, date=THIS_WEEK, start=time(19), end=time(22), headcount=2, leader=leader)
    for member in (leader, other):
        assign(shift.id, member, force_warnings=True)
    year, week, _ = THIS_WEEK.isocalendar()

    def phones() -> list[str]:
        cells = [s for day in duty_sheet_data(year, week).days for cell in day for s in cell]
        return list(cells[0].phones)

    assert phones() == ["138****5678", "139****5678"]
    set_leader_phones_in_full(True)
    assert phones() == ["13812345678", "139****5678"]


def test_fonts_load_in_a_background_thread():
    thread = fonts.preload_fonts_in_background()
    assert thread.daemon and thread.name == "font-preload"
    thread.join(timeout=30)
    assert fonts.fonts_ready()
    assert app_module.FONT_PRELOAD_DELAY_MS > 0
