"""The 证书打印 tab through its real widgets: issue a 荣誉证书 and a 志愿服务证明 (read back from the PDF
handed to the preview), a refusal at the form, a preview that stores nothing, void from the register and
verify (有效 / 已作废 / 不存在), the register's actions, a batch for a team (and a cancelled one), templates."""

from __future__ import annotations

import io
import re
from datetime import date, time

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from desktop_app.db.models import (
    Activity,
    ActivityParticipant,
    Assignment,
    Certificate,
    CertificateEvent,
    Counter,
    DutyPost,
    Shift,
    Team,
)
from desktop_app.domain.id_numbers import build_id_number
from desktop_app.services.certificates import issuing as certs
from desktop_app.services.certificates import register as cert_register
from desktop_app.services.certificates import templates as cert_templates
from desktop_app.services.roster.members import MemberInput, save_member
from desktop_app.ui import print_preview
from desktop_app.ui.certificates import batch_dialog
from desktop_app.ui.certificates.certificates_tab import CertificatesTab
from desktop_app.ui.certificates.common import to_qdate
from desktop_app.ui.ops import TaskRunner

ISSUED = date(2024, 4, 13)
ID_NUR = build_id_number("653129", date(1980, 5, 6), 31)
LEFT = Qt.MouseButton.LeftButton
SERIAL = re.compile(r"夏派义(聘|荣|服|证)〔\d{4}〕第\d{4}号")


def text_of(pdf: bytes) -> str:
    return "".join("".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def people(office):
    team = Team.create(name="夏普吐勒义警一中队")
    other = Team.create(name="团结路义警二中队")
    nur = save_member(MemberInput(name="努尔买买提·西热甫", id_number=ID_NUR, team_id=team.id,
                                  join_date="2020-03-01"), today=ISSUED).id
    wang = save_member(MemberInput(name="王小明", team_id=team.id), today=ISSUED).id
    li = save_member(MemberInput(name="李娜", team_id=team.id), today=ISSUED).id
    gu = save_member(MemberInput(name="古丽娜尔·艾山", team_id=other.id), today=ISSUED).id
    patrol = DutyPost.create(name="中山路商圈巡逻", kind="巡逻")
    for day in range(1, 11):  # 10 × 4 h in January, 已到
        shift = Shift.create(post=patrol, date=date(2024, 1, day), start=time(19), end=time(23))
        Assignment.create(shift=shift, member=nur, status="已到", hours=4)
    absent = Shift.create(post=patrol, date=date(2024, 2, 1), start=time(19), end=time(23))
    Assignment.create(shift=absent, member=nur, status="缺勤", hours=4)  # does not count
    delivery = Activity.create(date=date(2024, 3, 5), kind="送证上门")
    ActivityParticipant.create(activity=delivery, member=nur, hours=6)
    ActivityParticipant.create(activity=delivery, member=li, hours=3)
    return {"nur": nur, "wang": wang, "li": li, "gu": gu, "team": team.id}




class Shown:
    def __init__(self, pdf: bytes, title: str, name: str) -> None:
        self.pdf, self.title, self.name = pdf, title, name


@pytest.fixture
def previews(monkeypatch):
    """What would have been shown in the preview-and-print dialog."""
    shown: list[Shown] = []

    def capture(_parent, pdf, title, name):
        shown.append(Shown(pdf, title, name))
        return shown[-1]

    monkeypatch.setattr(print_preview, "preview_pdf", capture)
    return shown


@pytest.fixture
def tab(qtbot, people, messages, previews):
    widget = CertificatesTab()
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    return widget


def choose(tab: CertificatesTab, type_text, name: str, cert_type: str) -> None:
    panel = tab.issue_panel
    panel.picker.search.clear()
    type_text(panel.picker.search, name)
    assert panel.picker.member() is not None and panel.picker.member().name == name
    panel.set_type(cert_type)
    panel.issued_on.setDate(to_qdate(ISSUED))


def test_issue_an_honour_certificate(qtbot, tab, previews, type_text):
    panel = tab.issue_panel
    choose(tab, type_text, "努尔买买提·西热甫", "荣誉证书")
    assert panel.title.isVisible() and not panel.date_from.isVisible() and not panel.service.isVisible()
    panel.title.clearEditText()
    type_text(panel.title.lineEdit(), "金牌调解员")
    type_text(panel.reason, "2024年度矛盾纠纷调解工作")
    qtbot.mouseClick(panel.issue_button, LEFT)

    row = Certificate.get()
    assert (row.type, row.title, row.member_id) == ("荣誉证书", "金牌调解员", tab.issue_panel.picker.member_id())
    shown = previews[-1]
    text = text_of(shown.pdf)
    for expected in ("荣誉证书", "努尔买买提·西热甫同志", "在2024年度矛盾纠纷调解工作中表现突出，被评为“金牌调解员”",
                     row.serial, "二〇二四年四月十三日", "伽师县公安局夏普吐勒派出所", row.verification_code):
        assert expected in text, expected
    assert row.serial == "夏派义荣〔2024〕第0001号" and row.serial in shown.name
    assert row.serial in panel.message.text() and panel.message.isVisible()
    # The register shows it, selected.
    register = tab.register
    assert register.model.rowCount() == 1 and register.selected()[0].serial == row.serial
    assert register.model.data(register.model.index(0, 4)) == "金牌调解员"


def test_honour_without_a_title_is_refused_at_the_field(qtbot, tab, previews, type_text):
    panel = tab.issue_panel
    choose(tab, type_text, "王小明", "荣誉证书")
    panel.title.clearEditText()
    qtbot.mouseClick(panel.issue_button, LEFT)
    assert "请填写荣誉称号" in panel.fields.messages["title"].text()
    assert panel.fields.messages["title"].isVisible()
    assert Certificate.select().count() == 0 and previews == []


def test_issue_a_service_certificate_with_the_recorded_hours(qtbot, tab, previews, type_text):
    panel = tab.issue_panel
    choose(tab, type_text, "努尔买买提·西热甫", "志愿服务证明")
    assert panel.service.isVisible() and panel.handler.isVisible() and not panel.title.isVisible()
    # The period defaults to first recorded service .. issue date, and the hours follow the period.
    assert panel.date_from.date() == to_qdate(date(2024, 1, 1)) and panel.date_to.date() == to_qdate(ISSUED)
    assert "累计 46 小时" in panel.service.text() and "巡逻执勤40小时" in panel.service.text()
    panel.date_from.setDate(to_qdate(date(2024, 2, 1)))
    assert "累计 6 小时" in panel.service.text() and "巡逻" not in panel.service.text()
    panel.date_from.setDate(to_qdate(date(2024, 1, 1)))
    type_text(panel.handler, "李警官")
    qtbot.mouseClick(panel.issue_button, LEFT)

    row = Certificate.get()
    assert row.hours_snapshot == 46
    text = text_of(previews[-1].pdf)
    for expected in ("志愿服务证明", "努尔买买提·西热甫", "653129********", "46小时", "巡逻执勤40小时", "送证上门6小时",
                     "二〇二四年一月一日至二〇二四年四月十三日", "出具日期：二〇二四年四月十三日", "经办人：李警官",
                     f"编号：{row.serial}"):
        assert expected in text, expected
    assert ID_NUR not in text
    assert SERIAL.fullmatch(row.serial)


def test_service_certificate_refused_without_recorded_hours(qtbot, tab, previews, type_text):
    panel = tab.issue_panel
    choose(tab, type_text, "王小明", "志愿服务证明")
    assert "没有登记的服务时长" in panel.service.text()
    qtbot.mouseClick(panel.issue_button, LEFT)
    assert panel.message.is_error() and "没有登记的服务时长" in panel.message.text()
    qtbot.mouseClick(panel.preview_button, LEFT)
    assert previews == []
    assert Certificate.select().count() == 0


def test_a_member_must_be_chosen(qtbot, tab, previews):
    qtbot.mouseClick(tab.issue_panel.issue_button, LEFT)
    assert "请先查找并选择一名队员" in tab.issue_panel.fields.messages["member"].text()
    assert Certificate.select().count() == 0


def test_preview_stores_nothing(qtbot, tab, previews, type_text):
    panel = tab.issue_panel
    choose(tab, type_text, "努尔买买提·西热甫", "聘书")
    assert panel.fields.labels["period"].text() == "聘期"
    qtbot.mouseClick(panel.preview_button, LEFT)
    assert len(previews) == 1 and "未签发" in previews[0].title
    text = text_of(previews[0].pdf)
    assert "兹聘请努尔买买提·西热甫同志" in text and "（签发时生成）" in text
    assert "聘期自二〇二四年四月十三日起至二〇二七年四月十二日止" in text
    assert Certificate.select().count() == 0
    assert not Counter.select().where(Counter.name.startswith("证书")).exists()
    assert tab.register.model.rowCount() == 0


def test_void_from_the_register_and_verify(qtbot, tab, people, monkeypatch, messages):
    valid = certs.issue_certificate(people["nur"], "荣誉证书", title="优秀义警", issued_on=ISSUED)
    doomed = certs.issue_certificate(people["wang"], "聘书", issued_on=ISSUED)
    tab.refresh()
    register = tab.register
    register.select_certificate(doomed.id)
    assert register.void_button.isEnabled()

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("   ", True))
    qtbot.mouseClick(register.void_button, LEFT)
    assert messages[-1][0] == "warning" and "作废原因" in messages[-1][1]
    assert Certificate.get_by_id(doomed.id).status == "有效"

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("姓名有误，重新签发", True))
    qtbot.mouseClick(register.void_button, LEFT)
    row = Certificate.get_by_id(doomed.id)
    assert (row.status, row.void_reason) == ("作废", "姓名有误，重新签发")
    assert register.selected()[0].status == "作废" and not register.void_button.isEnabled()
    assert not register.reprint_button.isEnabled()

    box = tab.verify_box
    qtbot.keyClicks(box.code, doomed.verification_code.lower())
    qtbot.mouseClick(box.verify_button, LEFT)
    assert box.result.status == "已作废"
    answer = box.answer.text()
    assert "已作废" in answer and "姓名有误，重新签发" in answer and doomed.serial in answer and "王*明" in answer

    box.code.clear()
    qtbot.keyClicks(box.code, f"{valid.verification_code[:4]}-{valid.verification_code[4:]}")
    qtbot.keyClick(box.code, Qt.Key.Key_Return)
    assert box.result.status == "有效" and "有效" in box.answer.text() and valid.serial in box.answer.text()
    assert "#1e7e34" in box.answer.text()

    box.code.clear()
    qtbot.keyClicks(box.code, "ZZZZ2222")
    qtbot.mouseClick(box.verify_button, LEFT)
    assert box.result.status == "不存在" and "不存在" in box.answer.text()


def test_register_preview_reprint_events_filters_and_publicity(qtbot, tab, people, previews, type_text):
    first = certs.issue_certificate(people["nur"], "荣誉证书", title="优秀义警", issued_on=ISSUED)
    certs.issue_certificate(people["li"], "志愿服务证明", issued_on=ISSUED)
    tab.refresh()
    register = tab.register
    assert register.model.rowCount() == 2 and "共 2 份" in register.count_label.text()

    register.select_certificate(first.id)
    qtbot.mouseClick(register.preview_button, LEFT)
    assert first.serial in text_of(previews[-1].pdf)
    assert CertificateEvent.select().where(CertificateEvent.action == "补打").count() == 0
    qtbot.mouseClick(register.reprint_button, LEFT)
    assert first.serial in text_of(previews[-1].pdf) and "补打" in previews[-1].title
    assert [e.action for e in cert_register.events(first.id)] == ["签发", "补打"]
    qtbot.mouseClick(register.events_button, LEFT)
    events = register.dialog
    assert [events.model.record(r).action for r in range(events.model.rowCount())] == ["签发", "补打"]
    events.reject()

    register.type_filter.setCurrentIndex(register.type_filter.findData("志愿服务证明"))
    assert [line.name for line in register.model.rows()] == ["李娜"]
    assert register.model.rows()[0].detail == "3小时"
    register.type_filter.setCurrentIndex(0)
    type_text(register.search, "nemm")  # pinyin initials of 努尔买买提
    assert [line.id for line in register.model.rows()] == [first.id]
    register.search.clear()
    register.period.setChecked(True)
    register.date_from.setDate(to_qdate(date(2025, 1, 1)))
    register.date_to.setDate(to_qdate(date(2025, 12, 31)))
    assert register.model.rowCount() == 0
    register.period.setChecked(False)

    dialog = register.publicity()
    dialog.date_from.setDate(to_qdate(date(2024, 4, 1)))
    dialog.date_to.setDate(to_qdate(date(2024, 4, 30)))
    dialog.posted_on.setDate(to_qdate(date(2024, 5, 6)))
    assert dialog.make()
    text = text_of(previews[-1].pdf)
    assert "义警证书颁发公示" in text and first.serial in text and "公示期七天" in text


def test_batch_issue_for_a_team(qtbot, tab, people, tmp_path, messages):
    dialog = tab.batch()
    dialog.team.setCurrentIndex(dialog.team.findData(people["team"]))
    qtbot.mouseClick(dialog.find_button, LEFT)
    names = [dialog.model.record(r).name for r in range(dialog.model.rowCount())]
    assert sorted(names) == sorted(["努尔买买提·西热甫", "王小明", "李娜"])
    assert "共 3 人，已选 3 人" in dialog.count_label.text()
    dialog.model.set_checked(names.index("李娜"), False)
    assert "已选 2 人" in dialog.count_label.text()
    assert dialog.type_() == "荣誉证书"
    dialog.title.setEditText("优秀义警")
    dialog.reason.setText("2024年度巡逻防控工作")
    dialog.issued_on.setDate(to_qdate(ISSUED))
    out = tmp_path / "荣誉证书.pdf"
    dialog.set_target(out)
    qtbot.mouseClick(dialog.start_button, LEFT)
    qtbot.waitUntil(lambda: dialog.batch_result is not None, timeout=15000)

    assert len(dialog.batch_result.issued) == 2 and not dialog.batch_result.skipped
    reader = PdfReader(str(out))
    assert len(reader.pages) == 2
    text = text_of(out.read_bytes())
    assert "努尔买买提·西热甫" in text and "王小明" in text and "李娜" not in text
    assert "在2024年度巡逻防控工作中表现突出" in text
    assert "已签发 2 份" in dialog.message.text() and messages[-1][0] == "information"
    assert tab.register.model.rowCount() == 2

    # 志愿服务证明 for the whole team, one file each: 王小明 has no hours and is skipped, with the reason.
    qtbot.mouseClick(dialog.all_button, LEFT)
    dialog.cert_type.setCurrentIndex(dialog.cert_type.findData("志愿服务证明"))
    dialog.per_member.setChecked(True)
    folder = tmp_path / "每人一份"
    folder.mkdir()
    dialog.set_target(folder)
    qtbot.mouseClick(dialog.start_button, LEFT)
    qtbot.waitUntil(lambda: dialog.runner is None and dialog.batch_result is not None
                    and dialog.batch_result.issued[0].type == "志愿服务证明", timeout=15000)
    assert sorted(i.name for i in dialog.batch_result.issued) == sorted(["努尔买买提·西热甫", "李娜"])
    assert len(list(folder.glob("*.pdf"))) == 2
    assert dialog.report.isVisible() and "王小明" in dialog.report.toPlainText()
    assert "没有登记的服务时长" in dialog.report.toPlainText()
    dialog.reject()


def test_cancelled_batch_issues_nothing(qtbot, tab, people, tmp_path, monkeypatch):
    class CancelHalfWay(TaskRunner):
        """The user presses 取消 after two members are done."""

        def start(self) -> None:
            worker, calls = self._worker, []
            real = worker.report

            def report(percent: int, text: str) -> None:
                calls.append(percent)
                if len(calls) == 3:
                    worker.cancel_requested = True
                real(percent, text)

            worker.report = report
            super().start()

    monkeypatch.setattr(batch_dialog, "TaskRunner", CancelHalfWay)
    dialog = tab.batch()
    dialog.team.setCurrentIndex(dialog.team.findData(people["team"]))
    dialog.find_candidates()
    dialog.title.setEditText("优秀义警")
    out = tmp_path / "x.pdf"
    dialog.set_target(out)
    qtbot.mouseClick(dialog.start_button, LEFT)
    qtbot.waitUntil(lambda: dialog.was_cancelled, timeout=15000)
    assert Certificate.select().count() == 0 and not out.exists()
    assert "已取消，没有签发任何证书" in dialog.message.text()
    assert dialog.start_button.isEnabled()
    assert certs.issue_certificate(people["nur"], "荣誉证书", title="优秀义警",
                                   issued_on=ISSUED).serial == "夏派义荣〔2024〕第0001号"


def test_batch_needs_members_and_a_place(qtbot, tab):
    dialog = tab.batch()
    qtbot.mouseClick(dialog.start_button, LEFT)
    assert "勾选" in dialog.message.text()
    dialog.find_candidates()
    qtbot.mouseClick(dialog.start_button, LEFT)
    assert "保存位置" in dialog.message.text()
    assert dialog.runner is None and Certificate.select().count() == 0


def test_templates_dialog(qtbot, tab, type_text, previews):
    dialog = tab.templates()
    dialog.cert_type.setCurrentIndex(dialog.cert_type.findData("荣誉证书"))
    assert "{reason}" in dialog.wording.toPlainText() and "{name}" in dialog.placeholder_help.text()
    dialog.wording.moveCursor(dialog.wording.textCursor().MoveOperation.End)
    type_text(dialog.wording, "{姓名}")
    assert "未知的占位符" in dialog.fields.messages["wording"].text()
    assert not dialog.save()

    qtbot.mouseClick(dialog.new_button, LEFT)
    dialog.name.setText("年度表彰")
    dialog.wording.setPlainText("{name}同志：\n在{reason}中成绩显著，荣获“{title}”称号。\n特发此证，以资鼓励。")
    dialog.border.setCurrentIndex(dialog.border.findData("classic"))
    dialog.is_default.setChecked(True)
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert cert_templates.default_template("荣誉证书").name == "年度表彰"
    assert "已保存" in dialog.message.text()

    dialog.choose_png = lambda *_a: b"GIF89a not a png"
    qtbot.mouseClick(dialog.seal_button, LEFT)
    assert "PNG" in dialog.fields.messages["seal"].text()
    qtbot.mouseClick(dialog.reset_button, LEFT)
    assert dialog.wording.toPlainText() == cert_templates.builtin_template("荣誉证书")["wording"]

    panel = tab.issue_panel
    panel.set_type("荣誉证书")
    assert panel.template.currentText().startswith("年度表彰")
    type_text(panel.picker.search, "王小明")
    panel.title.setEditText("优秀义警")
    qtbot.mouseClick(panel.issue_button, LEFT)
    assert "荣获“优秀义警”称号" in text_of(previews[-1].pdf)


def test_main_window_builds_the_certificates_tab_on_first_visit(qtbot, data_paths, office):
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(data_paths)
    qtbot.addWidget(window)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles.index("证书打印") == titles.index("纠纷调解") + 1
    page = window.certificates_page
    assert page._content is None  # nothing built until the tab is shown
    window.tabs.setCurrentWidget(page)
    assert isinstance(page.content, CertificatesTab)
