"""The case form's 调委会 choice when the office has none in use."""

from PySide6.QtWidgets import QWidget

from desktop_app.services.cases.bodies import list_bodies, save_body
from desktop_app.ui.cases.case_form import CaseForm


def test_new_case_without_an_active_body_asks_to_register_one(qtbot, office):
    body = list_bodies(active_only=True)[0]
    save_body(body.id, body.name, body.number_prefix, is_default=False, active=False)
    host = QWidget()
    qtbot.addWidget(host)
    form = CaseForm(host)
    form.load_new()
    assert form.body.currentData() is None
    assert "请先在 纠纷调解 → 调解组织与民警 中登记" in form.body.currentText()
