"""Logs never hold ID numbers or phones; a missing xcb library gives the exact apt-get line."""

from __future__ import annotations

import logging

from desktop_app.display_check import XCB_LIBRARIES, display_problem, uses_xcb
from desktop_app.logging_setup import REDACTED, redact, setup_logging

MADE_UP_ID = "11010519491231002X"
MADE_UP_PHONE = "13812345678"


def test_redact_hides_id_numbers_and_phones_but_not_other_numbers():
    text = f"队员 {MADE_UP_ID} 电话{MADE_UP_PHONE} 旧证 110105491231002 第2024号 共12345678901234567890位"
    out = redact(text)
    assert MADE_UP_ID not in out and MADE_UP_PHONE not in out and "110105491231002" not in out
    assert out.count(REDACTED) == 3
    assert "第2024号" in out and "12345678901234567890" in out


def test_log_file_has_no_personal_numbers_even_in_tracebacks(tmp_path):
    handler = setup_logging(tmp_path / "logs" / "yijing.log")
    log = logging.getLogger("test.personal")
    log.info("保存队员 %s 的电话 %s", MADE_UP_ID, MADE_UP_PHONE)
    try:
        raise ValueError(f"重复的身份证号 {MADE_UP_ID}")
    except ValueError:
        log.exception("保存失败")
    handler.flush()
    text = (tmp_path / "logs" / "yijing.log").read_text(encoding="utf-8")
    assert "保存失败" in text and "Traceback" in text
    assert MADE_UP_ID not in text and MADE_UP_PHONE not in text
    logging.getLogger().removeHandler(handler)
    handler.close()


def test_missing_xcb_libraries_name_the_packages_to_install():
    env = {"DISPLAY": ":0"}
    missing = {"libxcb-cursor.so.0", "libxkbcommon-x11.so.0"}
    message = display_problem("linux", env, loadable=lambda lib: lib not in missing)
    assert message is not None
    assert "sudo apt-get install libxcb-cursor0 libxkbcommon-x11-0" in message
    assert "缺少" in message and "Install them" in message


def test_no_message_when_everything_is_there_or_not_on_x11():
    assert display_problem("linux", {"DISPLAY": ":0"}, loadable=lambda lib: True) is None
    assert display_problem("win32", {}, loadable=lambda lib: False) is None
    assert display_problem("linux", {"QT_QPA_PLATFORM": "offscreen"}, loadable=lambda lib: False) is None
    assert not uses_xcb("linux", {"WAYLAND_DISPLAY": "wayland-0"})
    assert len(XCB_LIBRARIES) == 9


def test_no_display_at_all_is_said_plainly():
    message = display_problem("linux", {}, loadable=lambda lib: True)
    assert message is not None and "DISPLAY" in message and "没有图形显示" in message


def test_log_lines_hide_phones_written_with_spaces_dashes_and_the_country_code(tmp_path):
    handler = setup_logging(tmp_path / "logs" / "yijing.log")
    logging.getLogger("test.formats").warning("电话 138-1234-5678 / 138 1234 5678 / +86 138 1234 5678")
    handler.flush()
    text = (tmp_path / "logs" / "yijing.log").read_text(encoding="utf-8")
    assert "5678" not in text and text.count(REDACTED) == 3
    logging.getLogger().removeHandler(handler)
    handler.close()


def test_exception_texts_do_not_reach_the_log_but_program_errors_do(tmp_path):
    handler = setup_logging(tmp_path / "logs" / "yijing.log")
    log = logging.getLogger("test.exceptions")
    typed, said = "住址：伽师县夏普吐勒镇团结路12号，事实：双方因宅基地争执", "保存当事人失败"
    try:
        try:
            raise ValueError(typed)
        except ValueError as exc:
            raise RuntimeError(said) from exc
    except RuntimeError:
        log.exception("保存失败")
    try:
        None.missing  # noqa: B018
    except AttributeError:
        log.exception("程序错误")
    handler.flush()
    text = (tmp_path / "logs" / "yijing.log").read_text(encoding="utf-8")
    assert "团结路" not in text and "宅基地" not in text and "保存当事人失败" not in text
    assert "ValueError（消息已隐去" in text and "direct cause" in text and "RuntimeError（消息已隐去" in text
    assert "'NoneType' object has no attribute 'missing'" in text
    logging.getLogger().removeHandler(handler)
    handler.close()
