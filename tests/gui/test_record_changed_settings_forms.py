"""Another PC saved the certificate template, 调委会 or 单位信息 the dialog has open (issue 19, migration 11):
the save is refused, what was typed stays, a red line says who changed it and when, and a second 保存 is
the deliberate overwrite."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.db.models import CertificateTemplate, MediatingBody, OfficeSettings
from desktop_app.domain.vocabulary import ADMIN, HONOUR
from desktop_app.services.accounts import roles
from desktop_app.services.cases.bodies import list_bodies, save_body
from desktop_app.services.certificates import templates as cert_templates
from desktop_app.services.office.details import get_office, save_office
from desktop_app.ui.cases.bodies_dialog import BodiesDialog
from desktop_app.ui.certificates.templates_dialog import TemplatesDialog
from desktop_app.ui.office_dialog import OfficeDialog

LEFT = Qt.MouseButton.LeftButton
REFUSED = re.compile(r"此记录已被 张警官 于 \d\d:\d\d 修改")


def as_zhang():
    return roles.acting_as(roles.Account("zhang", ADMIN, display_name="张警官"))


def test_templates_dialog_keeps_the_input_on_a_refusal(qtbot, data_paths, office, type_text, messages):
    dialog = TemplatesDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.cert_type.setCurrentIndex(dialog.cert_type.findData(HONOUR))
    template_id = dialog.editing_id
    dialog.name.clear()
    type_text(dialog.name, "我的模板")
    with as_zhang():
        theirs = cert_templates.get_template(template_id)
        cert_templates.save_template(template_id, HONOUR, "他的模板", theirs.wording, theirs.border_style,
                                     version=theirs.version)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.changed_banner.isVisible() and REFUSED.search(dialog.changed_banner.text())
    assert dialog.name.text() == "我的模板" and CertificateTemplate.get_by_id(template_id).name == "他的模板"
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.changed_banner.isVisible() and CertificateTemplate.get_by_id(template_id).name == "我的模板"
    assert not messages


def test_bodies_dialog_keeps_the_input_on_a_refusal(qtbot, data_paths, office, type_text, messages):
    dialog = BodiesDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.table.selectRow(0)
    body_id = dialog.editing.id
    dialog.name.clear()
    type_text(dialog.name, "夏普吐勒镇第二人民调解委员会")
    with as_zhang():
        theirs = list_bodies()[0]
        save_body(body_id, theirs.name, theirs.number_prefix, is_default=True, active=False, version=theirs.version)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.changed_banner.isVisible() and REFUSED.search(dialog.changed_banner.text())
    assert dialog.name.text() == "夏普吐勒镇第二人民调解委员会"
    assert (MediatingBody.get_by_id(body_id).name, MediatingBody.get_by_id(body_id).active) == (
        "夏普吐勒镇人民调解委员会", False)
    assert not messages
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.changed_banner.isVisible()
    assert MediatingBody.get_by_id(body_id).name == "夏普吐勒镇第二人民调解委员会"


def test_office_dialog_keeps_the_input_on_a_refusal(qtbot, data_paths, office, type_text):
    dialog = OfficeDialog(get_office())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.leader_name.clear()
    type_text(dialog.leader_name, "李所长")
    with as_zhang():
        save_office(replace(get_office(), address="夏普吐勒镇团结路1号"))
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(save, LEFT)
    assert dialog.isVisible() and REFUSED.search(dialog.changed_banner.text())
    assert dialog.leader_name.text() == "李所长" and OfficeSettings.select().get().leader_name != "李所长"
    qtbot.mouseClick(save, LEFT)
    assert not dialog.isVisible()
    row = OfficeSettings.select().get()
    assert (row.leader_name, row.address) == ("李所长", "")
