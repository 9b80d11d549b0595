"""The first-run dialog asks for the office's details and says at the field what is missing."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.services.office.details import get_office
from desktop_app.ui.office_dialog import OfficeDialog


def test_missing_fields_are_named_at_the_field_and_nothing_is_saved(qtbot, data_paths, type_text):
    dialog = OfficeDialog(None, first_run=True)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.leader_name, "李明")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.messages["unit_name"].text() == "请填写单位名称"
    assert "夏派调" in dialog.messages["case_prefix"].text()
    assert get_office() is None

    type_text(dialog.unit_name, "伽师县公安局夏普吐勒派出所")
    type_text(dialog.case_prefix, "（2024）夏派调字")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert dialog.messages["unit_name"].isHidden()
    assert "不含数字" in dialog.messages["case_prefix"].text()

    dialog.case_prefix.clear()
    type_text(dialog.case_prefix, "夏派调")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    office = get_office()
    assert office.unit_name == "伽师县公安局夏普吐勒派出所"
    assert office.case_prefix == "夏派调" and office.leader_name == "李明"
