"""Mediation as the law requires, through the real widgets: a 治安调解 registered with its 案由, consent and an
officer as 主持人 (an Art. 4 circumstance refused at its field), its parties' roles, the third session
refused; a 人民调解 in its 调委会 with the copies the parties make; the 调委会 and officers set up; the wording
of a clause changed and restored; the 卷宗 built in the background; the 卷宗 beside the summaries on the
stick; the 司法确认 reminder on 首页."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from desktop_app.db.models import Case, MediationSession, Party
from desktop_app.services.cases.bodies import list_bodies, list_officers, save_officers
from desktop_app.services.cases.wording import office_wording
from desktop_app.ui import print_preview
from desktop_app.ui.cases import wording_dialog
from desktop_app.ui.cases.cases_tab import CasesTab

LEFT = Qt.MouseButton.LeftButton
HOST = "买合木提·吐尔逊"


@pytest.fixture
def tab(qtbot, office, messages):
    save_officers([HOST, "王建军"])
    widget = CasesTab()
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    widget.refresh()
    return widget


@pytest.fixture
def previews(monkeypatch):
    shown: list[dict] = []
    monkeypatch.setattr(print_preview, "preview_pdf", lambda parent, pdf, title, name: shown.append(
        dict(title=title, name=name, text="".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))))
    return shown


def choose(combo, value) -> None:
    combo.setCurrentIndex(combo.findData(value))


def test_register_a_security_mediation_as_its_own_procedure(qtbot, tab, messages, type_text):
    qtbot.mouseClick(tab.add_button, LEFT)
    dialog = tab.dialog
    form = dialog.form
    choose(form.kind, "治安调解")
    assert form.public_security.isVisibleTo(dialog) and not form.peoples.isVisibleTo(dialog)
    sources = [form.source.itemData(i) for i in range(form.source.count())]
    assert "公安机关移交" not in sources and "群众报警" in sources
    assert [form.host_officer.itemData(i) for i in range(form.host_officer.count())] == ["", HOST, "王建军"]
    choose(form.category, "邻里")
    choose(form.offence, "殴打他人")
    form.parties_consent.setChecked(True)
    choose(form.host_officer, HOST)
    form.exclusions["结伙斗殴"].setChecked(True)
    type_text(form.circumstances, "推搡一次")
    qtbot.mouseClick(dialog.save_button, LEFT)
    message = form.incident.messages["exclusions"].text()
    assert "结伙斗殴" in message and "不适用治安调解" in message and "人民调解" in message
    assert Case.select().count() == 0
    form.exclusions["结伙斗殴"].setChecked(False)
    qtbot.mouseClick(dialog.save_button, LEFT)
    case = Case.get()
    assert case.number.endswith("夏派调字第001号") and case.offence == "殴打他人" and case.host_officer == HOST
    assert not form.kind.isEnabled()  # registered separately: the kind is fixed

    parties = dialog.parties
    assert [parties.role.itemData(i) for i in range(parties.role.count())] == ["违法行为人", "被侵害人", "其他当事人",
                                                                               "监护人"]
    type_text(parties.name, "王小明")
    qtbot.keyClicks(parties.age, "30")
    qtbot.mouseClick(parties.save_button, LEFT)
    choose(parties.role, "被侵害人")
    type_text(parties.name, "艾力·买买提")
    qtbot.keyClicks(parties.age, "40")
    qtbot.mouseClick(parties.save_button, LEFT)
    assert {p.role for p in Party.select()} == {"违法行为人", "被侵害人"}

    dialog.workflow.perform("调解中")
    sessions = dialog.sessions
    assert sessions.rights_notified.isChecked()
    received = case.received_at
    for offset in (0, 1, 2):
        sessions.held_at.setText(f"{(received + timedelta(minutes=offset)):%Y-%m-%d %H:%M}")
        type_text(sessions.record, "双方陈述")
        qtbot.mouseClick(sessions.save_button, LEFT)
    assert MediationSession.select().count() == 2
    assert "一般为一次，必要时可以增加一次" in sessions.message.text()
    assert "治安调解" in dialog.header.text()


def test_peoples_mediation_in_its_committee_with_copies_from_the_parties(qtbot, tab, type_text):
    qtbot.mouseClick(tab.add_button, LEFT)
    dialog = tab.dialog
    form = dialog.form
    assert form.body.currentText() == "夏普吐勒镇人民调解委员会" and form.peoples.isVisibleTo(dialog)
    assert "义警发现" not in [form.source.itemData(i) for i in range(form.source.count())]
    choose(form.category, "债务")
    type_text(form.requests, "归还借款")
    qtbot.mouseClick(dialog.save_button, LEFT)
    case = Case.get()
    assert case.number.endswith("夏人调字第001号") and case.body.name == "夏普吐勒镇人民调解委员会"
    assert not form.body.isEnabled() and "夏普吐勒镇人民调解委员会" in dialog.header.text()
    assert form.copies.text().startswith("一式三份")
    for name in ("甲某某", "乙某某", "丙某某"):
        type_text(dialog.parties.name, name)
        qtbot.mouseClick(dialog.parties.save_button, LEFT)
    assert form.copies.text().startswith("一式四份")
    form.extension_agreed_on.setText(case.received_at.date().isoformat())
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert "同时填写" in form.people_fields.messages["extended_deadline"].text()


def test_bodies_and_officers_are_set_up_in_their_dialog(qtbot, tab, messages, type_text):
    Case.create(number="（2023）夏派调字第045号", year=2023, sequence=45, category="邻里", kind="人民调解",
                received_at=datetime(2023, 6, 1, 9), status="结案")
    dialog = tab.edit_bodies()
    assert dialog.model.rowCount() == 1 and dialog.unassigned.isVisibleTo(dialog)
    type_text(dialog.name, "夏普吐勒派出所驻所人民调解室")
    type_text(dialog.prefix, "夏人调")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert "已由另一个调解组织使用" in dialog.fields.messages["number_prefix"].text()
    dialog.prefix.clear()
    type_text(dialog.prefix, "夏驻调")
    assert dialog.sample.text() == "编号如：（2026）夏驻调字第001号"
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert [b.number_prefix for b in list_bodies()] == ["夏人调", "夏驻调"]
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.assign_button, LEFT)
    assert Case.get(Case.number == "（2023）夏派调字第045号").body.name == "夏普吐勒镇人民调解委员会"
    assert not dialog.unassigned.isVisibleTo(dialog)
    dialog.officers.setPlainText("王建军\n张3")
    qtbot.mouseClick(dialog.officers_button, LEFT)
    assert "张3" in dialog.officers_message.text() and list_officers() == [HOST, "王建军"]
    dialog.officers.setPlainText("王建军\n古丽娜尔·艾力")
    qtbot.mouseClick(dialog.officers_button, LEFT)
    assert list_officers() == ["王建军", "古丽娜尔·艾力"]


def test_wording_of_a_clause_changed_and_restored(qtbot, tab, monkeypatch, type_text):
    monkeypatch.setattr(wording_dialog, "confirm_administrator", lambda parent, purpose: "admin")
    dialog = tab.edit_wording()
    dialog.clause.setCurrentIndex(dialog.clause.findData("agreement.copies"))
    assert "{copies}" in dialog.text.toPlainText() and "{copies}" in dialog.placeholders.text()
    dialog.text.setPlainText("一式{份数}份")
    assert "{份数}" in dialog.message.text() and not dialog.save_button.isEnabled()
    dialog.text.setPlainText("本协议书一式{copies}份，各方各执一份。")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert office_wording() == {"agreement.copies": "本协议书一式{copies}份，各方各执一份。"}
    assert "已修改" in dialog.clause.currentText()
    qtbot.mouseClick(dialog.reset_button, LEFT)
    assert office_wording() == {} and "当事人、人民调解委员会各持一份" in dialog.text.toPlainText()
    monkeypatch.setattr(wording_dialog, "confirm_administrator", lambda parent, purpose: None)
    dialog.text.setPlainText("不经管理员确认的措辞")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert office_wording() == {}


def test_the_dossier_is_built_in_the_background(qtbot, tab, previews, mediation_cases):
    dialog = tab.open_case(mediation_cases["peoples"])
    panel = dialog.documents
    assert panel.buttons["卷宗"].text() == "卷宗…" and panel.buttons["申请书"].text() == "人民调解申请书…"
    qtbot.mouseClick(panel.buttons["卷宗"], LEFT)
    qtbot.waitUntil(lambda: bool(previews), timeout=20000)
    text = previews[-1]["text"]
    assert "卷内目录" in text and "封底" in text and previews[-1]["name"].endswith("-卷宗.pdf")
    investigations = dialog.investigations
    assert investigations.model.rowCount() == 1


def test_the_stick_gets_the_dossiers_and_the_dashboard_reminds(qtbot, tab, tmp_path, mediation_cases, monkeypatch):
    from desktop_app.services.cases.case_form import load_case, save_case
    from desktop_app.ui.dashboard.dashboard_tab import DashboardTab

    dialog = tab.export_to_stick()
    dialog.by_period.setChecked(True)
    dialog.date_from.setDate(date(2026, 4, 1))
    dialog.date_to.setDate(date(2026, 5, 31))
    dialog.set_folder(tmp_path)
    dialog.dossiers.setChecked(True)
    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(lambda: dialog.export_result is not None, timeout=30000)
    names = sorted(p.name for p in dialog.export_result.folder.iterdir())
    assert "（2026）夏人调字第001号-卷宗.pdf" in names and "（2026）夏派调字第001号-卷宗.pdf" in names

    data = load_case(mediation_cases["peoples"]).data  # agreed today: the 30 days for 司法确认 run
    data.agreement_date = data.performance_deadline = date.today()
    save_case(data, mediation_cases["peoples"])
    home = DashboardTab()
    qtbot.addWidget(home)
    home.refresh()
    assert home.cards["confirmations"].value.text() == "1"
    tab.refresh()
    row = tab.model.row_of(mediation_cases["peoples"])
    assert tab.model.data(tab.model.index(row, 7)).startswith("可申请司法确认至")


def test_every_title_the_document_buttons_show_is_marked_for_translation():
    """The 文书 buttons show the official titles (documents/case_common.py) looked up under "Vocabulary":
    each must be marked in the panel, else a translator never sees it."""
    from desktop_app.documents.case_common import TITLES
    from desktop_app.ui.cases.documents_panel import DOCUMENT_TITLES

    on_buttons = {title for key, pair in TITLES.items() if key not in ("cover", "contents", "back")
                  for title in pair if title}
    assert on_buttons == set(DOCUMENT_TITLES)
