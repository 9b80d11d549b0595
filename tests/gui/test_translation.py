"""A translation really reaches the screen: a catalogue made here with pyside6-lrelease (one window text,
one vocabulary word) is installed the way the program installs the chosen language at start, and the
real widgets show the translated texts while what is stored stays Chinese."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.db.models import Member, Team
from desktop_app.domain.vocabulary import ACTIVE
from desktop_app.ui import i18n
from desktop_app.ui.main_window import MainWindow

TRANSLATIONS = {("MainWindow", "首页"): "باش بەت", ("RosterTab", "状态"): "ھالىتى", ("Vocabulary", ACTIVE): "سەپتە"}


def make_catalogue(folder: Path, code: str, translations: dict[tuple[str, str], str]) -> Path:
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
    contexts: dict[str, list[str]] = {}
    for (context, source), text in translations.items():
        contexts.setdefault(context, []).append(
            f"<message><source>{escape(source)}</source><translation>{escape(text)}</translation></message>")
    ts = folder / f"yijing_{code}.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="ug">'
                  + "".join(f"<context><name>{name}</name>{''.join(messages)}</context>"
                            for name, messages in contexts.items()) + "</TS>", encoding="utf-8")
    qm = folder / f"yijing_{code}.qm"
    subprocess.run([lrelease, "-silent", str(ts), "-qm", str(qm)], check=True, timeout=60)
    return qm


@pytest.fixture
def catalogues(tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    return tmp_path


@pytest.fixture
def uyghur(qapp, catalogues):
    make_catalogue(catalogues, "ug", TRANSLATIONS)
    translator = i18n.install_language(qapp, "ug")
    assert translator is not None
    yield translator
    QApplication.removeTranslator(translator)


def test_the_chosen_language_shows_on_the_window(qtbot, data_paths, office, uyghur):
    team = Team.create(name="石榴大妈义警队")
    Member.create(team=team, name="阿依古丽·买买提", status=ACTIVE)
    window = MainWindow(data_paths)
    qtbot.addWidget(window)
    assert window.tabs.tabText(0) == "باش بەت"
    assert window.tabs.tabText(1) == "队员花名册"  # no translation yet: the Chinese text itself
    window.tabs.setCurrentIndex(1)
    roster = window.roster
    model = roster.model
    status_column = next(i for i, c in enumerate(model.columns) if c.attr == "status")
    assert model.headerData(status_column, Qt.Orientation.Horizontal) == "ھالىتى"
    assert model.index(0, status_column).data() == "سەپتە"
    assert Member.get(Member.name == "阿依古丽·买买提").status == "在队"  # stored as it was


def test_the_status_filter_shows_the_word_translated_and_filters_by_the_stored_word(qtbot, data_paths, office,
                                                                                   uyghur):
    team = Team.create(name="石榴大妈义警队")
    Member.create(team=team, name="阿依古丽·买买提", status=ACTIVE)
    Member.create(team=team, name="王建国", status="退出")
    window = MainWindow(data_paths)
    qtbot.addWidget(window)
    window.tabs.setCurrentIndex(1)
    roster = window.roster
    index = roster.status_filter.findText("سەپتە")
    assert index > 0
    roster.status_filter.setCurrentIndex(index)
    assert roster.model.rowCount() == 1


def test_without_the_catalogue_the_texts_stay_chinese(qtbot, data_paths, office, catalogues, qapp):
    assert i18n.install_language(qapp, "ug") is None  # no yijing_ug.qm in the folder
    window = MainWindow(data_paths)
    qtbot.addWidget(window)
    assert window.tabs.tabText(0) == "首页"


def test_a_language_is_offered_once_its_catalogue_holds_translations(qtbot, data_paths, catalogues):
    assert [lang.code for lang in i18n.available_languages()] == ["zh_CN"]
    make_catalogue(catalogues, "ug", {})  # what lrelease makes of a .ts nobody has translated yet
    assert [lang.code for lang in i18n.available_languages()] == ["zh_CN"]
    make_catalogue(catalogues, "ug", TRANSLATIONS)
    assert [lang.code for lang in i18n.available_languages()] == ["zh_CN", "ug"]


def language_entries(window: MainWindow) -> list[tuple[str, bool, bool]]:
    return [(a.text(), a.isEnabled(), a.isChecked()) for a in window.language_menu.actions()]


def test_the_language_menu_keeps_the_choice_for_the_next_start(qtbot, data_paths, office, catalogues, messages):
    make_catalogue(catalogues, "ug", TRANSLATIONS)
    window = MainWindow(data_paths)
    qtbot.addWidget(window)
    assert language_entries(window) == [("简体中文", True, True), ("维吾尔语", True, False)]
    window.language_menu.actions()[1].trigger()
    assert i18n.chosen_language() == "ug"
    assert messages and "重新启动" in messages[-1][1]
    assert window.tabs.tabText(0) == "首页"  # the open window keeps its texts until the next start
    again = MainWindow(data_paths)
    qtbot.addWidget(again)
    assert language_entries(again) == [("简体中文", True, False), ("维吾尔语", True, True)]


def test_a_language_without_translations_cannot_be_chosen(qtbot, data_paths, office, catalogues):
    make_catalogue(catalogues, "ug", {})
    window = MainWindow(data_paths)
    qtbot.addWidget(window)
    assert language_entries(window) == [("简体中文", True, True), ("维吾尔语（尚无译文）", False, False)]


def test_the_shipped_catalogue_is_found_where_the_program_looks(qapp):
    """resources/translations/yijing_ug.qm beside the code (and under sys._MEIPASS in a bundle)."""
    path = i18n.catalogue("ug")
    assert path.is_file()
    assert path.parent == i18n.resources_dir() / "translations"


def test_the_program_starts_in_the_language_kept_in_the_data_file(qtbot, tmp_path, catalogues, monkeypatch):
    from desktop_app import app as app_module
    from desktop_app.config import DataPaths
    from desktop_app.services.office.settings import set_setting
    from desktop_app.services.storage.data_folder import close_store, open_store
    from desktop_app.ui import office_dialog

    make_catalogue(catalogues, "ug", {("OfficeDialog", "单位信息"): "ئورۇن ئۇچۇرى"})
    paths = DataPaths(tmp_path / "data").ensure()
    open_store(paths)
    set_setting(i18n.LANGUAGE_SETTING, "ug")
    close_store()
    installed = []
    monkeypatch.setattr(app_module, "install_language",
                        lambda app, code: installed.append(i18n.install_language(app, code)) or installed[-1])
    titles = []
    monkeypatch.setattr(office_dialog.OfficeDialog, "exec", lambda self: titles.append(self.windowTitle()) or 0)
    try:
        assert app_module.run_gui(paths) == 0
    finally:
        for translator in installed:
            if translator is not None:
                QApplication.removeTranslator(translator)
    assert titles == ["ئورۇن ئۇچۇرى"]  # the first-run dialog already speaks the chosen language


MESSAGES = {
    ("Messages", "手机号码应为1开头的11位数字"): "UG: telefon nomuri 11 xanilik bolsun",
    ("Messages", "该身份证号码已登记为队员“{holder_name}”{where}"): "UG: kimlik {holder_name} ge tizimlangan{where}",
    ("Messages", "{label}：{message}"): "{label} — {message}",
    ("Messages", "入队日期"): "UG: qoshulghan waqit",
    ("Messages", "无法识别的日期“{text}”，请写成 2024-04-13 或 2024年4月13日"): "UG: chüshinilmeydighan chislan “{text}”",
}


def test_service_messages_show_translated_at_their_fields(qtbot, data_paths, office, catalogues, qapp,
                                                          type_text):
    """The member service's messages (one plain, one with a parameter, one built of a label and another
    message) reach the form translated; what the service says in Chinese is unchanged."""
    from desktop_app.domain.id_numbers import build_id_number
    from desktop_app.services.roster.members import MemberInput, MemberInvalid, save_member, validate_member
    from desktop_app.ui.roster.member_dialog import MemberDialog

    number = build_id_number("653101", date(1988, 3, 14), 31)
    save_member(MemberInput(name="阿依古丽·买买提", id_number=number))
    bad = MemberInput(name="古丽娜尔·艾山", id_number=number, phone="12345", join_date="去年春天")
    with pytest.raises(MemberInvalid) as refused:
        validate_member(bad)
    chinese = refused.value.by_field()
    assert chinese["phone"] == "手机号码应为1开头的11位数字"
    assert chinese["id_number"] == "该身份证号码已登记为队员“阿依古丽·买买提”"
    assert chinese["join_date"].startswith("入队日期：无法识别的日期“去年春天”")

    make_catalogue(catalogues, "ug", MESSAGES)
    translator = i18n.install_language(qapp, "ug")
    try:
        dialog = MemberDialog(None)
        qtbot.addWidget(dialog)
        form = dialog.form
        type_text(form.name, "古丽娜尔·艾山")
        qtbot.keyClicks(form.id_number, number)
        qtbot.keyClicks(form.phone, "12345")
        type_text(form.join_date, "去年春天")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert form.messages["phone"].text() == "UG: telefon nomuri 11 xanilik bolsun"
        assert form.messages["id_number"].text() == "UG: kimlik 阿依古丽·买买提 ge tizimlangan"
        assert form.messages["join_date"].text() == ("UG: qoshulghan waqit — "
                                                     "UG: chüshinilmeydighan chislan “去年春天”")
    finally:
        QApplication.removeTranslator(translator)


def test_a_refusal_in_a_message_box_is_translated(qtbot, data_paths, office, catalogues, qapp, messages):
    """A refusal raised by a service and shown by a message box (the schedule's assignment path)."""
    from desktop_app.domain.i18n import QT_TRANSLATE_NOOP
    from desktop_app.services.schedule.errors import ScheduleError
    from desktop_app.ui.schedule.common import attempt

    text = QT_TRANSLATE_NOOP("Messages", "该队员已删除")
    make_catalogue(catalogues, "ug", {("Messages", text): "UG: bu eza öchürülgen"})
    translator = i18n.install_language(qapp, "ug")
    try:
        def refuse(_force: bool) -> None:
            raise ScheduleError(text)

        assert attempt(None, "排班", refuse) is None
    finally:
        QApplication.removeTranslator(translator)
    assert messages == [("warning", "UG: bu eza öchürülgen")]
