"""The case documents through the shared preview dialog (协议书 in full only after an administrator
confirms), the printed register, and the export to a USB stick through its dialog."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from desktop_app.db.models import AuditLog
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.services.cases.case_form import CaseInput, register_case
from desktop_app.services.cases.parties import PartyInput, add_party
from desktop_app.services.cases.sessions import FollowUpInput, SessionInput, add_follow_up, add_session
from desktop_app.services.cases.workflow import change_status
from desktop_app.services.files.usb_export import MANIFEST_NAME, verify_export
from desktop_app.ui import drive_picker, print_preview
from desktop_app.ui.cases import documents_panel, usb_export_dialog
from desktop_app.ui.cases.cases_tab import CasesTab
from desktop_app.ui.cases.usb_export_dialog import UsbExportDialog, looks_removable

ID_AILI = build_id_number("653129", date(1980, 5, 6), 31)
LEFT = Qt.MouseButton.LeftButton




@pytest.fixture
def agreed_case(office):
    """A case at 回访 with two parties, a session, an agreement and a follow-up."""
    received = datetime.now().replace(second=0, microsecond=0) - timedelta(days=3)
    case = register_case(CaseInput(kind="人民调解", category="邻里", source="当事人申请", received_at=received,
                                       place="夏普吐勒镇3村", summary="排水沟堵塞", agreement_terms="赔偿申请人3500元",
                                       agreement_amount="3500"))
    add_party(case.id, PartyInput(role="申请人", name="艾力·买买提", id_number=ID_AILI, phone="13912345678"))
    add_party(case.id, PartyInput(role="被申请人", name="古丽娜尔·艾山", age="40"))
    change_status(case.id, "调解中")
    add_session(case.id, SessionInput(held_at=received + timedelta(days=1), place="调解室", record="双方同意"))
    change_status(case.id, "调解成功")
    change_status(case.id, "回访")
    add_follow_up(case.id, FollowUpInput(date=date.today(), performed="已履行", visitor="王建国"))
    return case


@pytest.fixture
def tab(qtbot, office, messages):
    widget = CasesTab()
    qtbot.addWidget(widget)
    widget.show()
    widget.refresh()
    return widget


@pytest.fixture
def previews(monkeypatch):
    shown: list[dict] = []
    monkeypatch.setattr(print_preview, "preview_pdf", lambda parent, pdf, title, name: shown.append(
        dict(pdf=pdf, title=title, name=name, text="".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))))
    return shown


def test_every_document_opens_the_preview(qtbot, tab, agreed_case, previews, messages):
    dialog = tab.open_case(agreed_case.id)
    panel = dialog.documents
    reached = [k for k in panel.buttons if not panel.reasons[k].text().startswith("尚不能打印")]
    # the documents this case has not reached (no inquiry, a written agreement, not yet closed) say why
    assert set(panel.buttons) - set(reached) == {"调查记录", "口头协议登记表", "结案报告表"}
    for kind, button in panel.buttons.items():
        before = len(previews)
        qtbot.mouseClick(button, LEFT)
        if kind not in reached:
            assert len(previews) == before and messages[-1][0] == "information", kind
            continue
        qtbot.waitUntil(lambda n=before + 1: len(previews) == n)  # the 卷宗 is laid out in the background
        shown = previews[-1]
        assert shown["name"] == f"{agreed_case.number}-{kind}.pdf"
        assert agreed_case.number in shown["text"], kind
        assert "艾力·买买提" in shown["text"] or kind == "回访记录", kind
    assert len(previews) == len(reached)
    agreement = next(p for p in previews if p["name"].endswith("调解协议书.pdf"))
    assert ID_AILI not in agreement["text"] and ID_AILI[-4:] in agreement["text"]  # masked by default
    assert "古丽娜尔·艾山" in agreement["text"] and "叁仟伍佰元整" in agreement["text"]


def test_full_agreement_needs_an_administrator(qtbot, tab, agreed_case, previews, monkeypatch):
    dialog = tab.open_case(agreed_case.id)
    panel = dialog.documents
    panel.full_identity.setChecked(True)
    monkeypatch.setattr(documents_panel, "confirm_administrator", lambda parent, purpose: None)
    qtbot.mouseClick(panel.buttons["调解协议书"], LEFT)
    assert previews == []
    monkeypatch.setattr(documents_panel, "confirm_administrator", lambda parent, purpose: "admin")
    qtbot.mouseClick(panel.buttons["调解协议书"], LEFT)
    assert ID_AILI in previews[-1]["text"] and "13912345678" in previews[-1]["text"]
    entry = AuditLog.select().where(AuditLog.action == "打印").order_by(AuditLog.id.desc()).first()
    assert entry.username == "admin" and "完整身份信息" in entry.summary


def test_a_document_that_cannot_exist_yet_is_explained(qtbot, tab, previews, messages):
    case = register_case(CaseInput(kind="人民调解", category="债务", received_at=datetime.now()))
    dialog = tab.open_case(case.id)
    qtbot.mouseClick(dialog.documents.buttons["调解协议书"], LEFT)
    assert previews == [] and "协议内容" in messages[-1][1]


def test_print_register_of_the_filtered_cases(qtbot, tab, agreed_case, previews):
    tab.refresh()
    qtbot.mouseClick(tab.print_button, LEFT)
    text = previews[-1]["text"]
    assert agreed_case.number in text and "艾力·买买提" in text
    assert previews[-1]["name"].startswith("纠纷案件登记表-")


def test_removable_drive_heuristics():
    assert looks_removable("/media/user/KINGSTON", True, False, "linux")
    assert looks_removable("/run/media/user/U盘", True, False, "linux")
    assert not looks_removable("/", True, False, "linux")
    assert not looks_removable("/home", True, False, "linux")
    assert not looks_removable("/media/user/CDROM", True, True, "linux")
    assert looks_removable("E:\\", True, False, "win32", system_root="C:")
    assert not looks_removable("C:\\", True, False, "win32", system_root="C:")
    assert not looks_removable("F:\\", False, False, "win32", system_root="C:")


def test_export_the_selected_cases_to_a_stick(qtbot, tab, agreed_case, tmp_path, monkeypatch, messages):
    stick = tmp_path / "stick"
    stick.mkdir()
    tab.refresh()
    tab.table.selectRow(tab.model.row_of(agreed_case.id))
    dialog = tab.export_to_stick()
    assert isinstance(dialog, UsbExportDialog) and dialog.by_selection.isChecked()
    monkeypatch.setattr(drive_picker.QFileDialog, "getExistingDirectory", lambda *a, **k: str(stick))
    qtbot.mouseClick(dialog.folder_button, LEFT)
    assert dialog.folder == stick and dialog.export_button.isEnabled()
    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(lambda: dialog.export_result is not None, timeout=15000)
    folder = dialog.export_result.folder
    assert folder.parent == stick and (folder / MANIFEST_NAME).exists()
    assert verify_export(folder) == []
    assert sorted(p.name for p in folder.iterdir()) == sorted([f"{agreed_case.number}.pdf", "案件登记表.xlsx",
                                                               MANIFEST_NAME])
    assert "清单已校验" in dialog.status.text() and str(folder) in dialog.status.text()
    assert messages[-1][0] == "information"
    entry = AuditLog.select().where(AuditLog.action == "导出").get()
    assert "脱敏" in entry.summary


@pytest.mark.full_form_output
def test_export_a_period_in_full_with_an_administrator(qtbot, tab, agreed_case, tmp_path, monkeypatch):
    dialog = tab.export_to_stick()
    assert not dialog.by_selection.isEnabled() and dialog.by_period.isChecked()
    today = date.today()
    dialog.date_from.setDate(today - timedelta(days=10))
    dialog.date_to.setDate(today)
    dialog.set_folder(tmp_path)
    dialog.full.setChecked(True)
    monkeypatch.setattr(usb_export_dialog, "confirm_administrator", lambda parent, purpose: "admin")
    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(lambda: dialog.export_result is not None, timeout=15000)
    assert not dialog.export_result.masked and dialog.export_result.case_count == 1
    assert "完整（经管理员确认）" in (dialog.export_result.folder / MANIFEST_NAME).read_text(encoding="utf-8")
    assert AuditLog.select().where(AuditLog.action == "导出").get().username == "admin"


def test_export_failure_shows_the_service_message(qtbot, tab, agreed_case, tmp_path, messages):
    tab.refresh()
    tab.table.selectRow(0)
    dialog = tab.export_to_stick()
    dialog.set_folder(tmp_path / "pulled-out")  # the stick is gone
    qtbot.mouseClick(dialog.export_button, LEFT)
    qtbot.waitUntil(lambda: dialog.runner is None, timeout=15000)
    assert dialog.export_result is None
    assert "导出位置不存在" in dialog.status.text() and messages[-1][0] == "warning"
    assert "清单已校验" not in dialog.status.text()


def test_main_window_builds_the_cases_tab_on_first_visit(qtbot, data_paths, office):
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(data_paths)
    qtbot.addWidget(window)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    window.tabs.setCurrentIndex(titles.index("纠纷调解"))
    assert isinstance(window.cases_page.content, CasesTab)
