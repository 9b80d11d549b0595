"""The program's icon on the application and the window, and 帮助 → 关于: version, build date (the
bundle's stamp, or 源代码运行 from source) and the data folder."""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app import build_info
from desktop_app.app import make_application
from desktop_app.config import APP_VERSION
from desktop_app.ui.app_icon import ICON_SIZES
from desktop_app.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def _window(qtbot, data_paths) -> MainWindow:
    window = MainWindow(data_paths)
    qtbot.addWidget(window)
    return window


def test_the_version_is_the_one_in_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert APP_VERSION == project["version"] == build_info.version()


def test_application_and_window_carry_the_icon_in_every_size(qtbot, data_paths, office):
    make_application()
    window = _window(qtbot, data_paths)
    for icon in (QApplication.windowIcon(), window.windowIcon()):
        assert not icon.isNull()
        sizes = {size.width() for size in icon.availableSizes()}
        assert sizes == set(ICON_SIZES)
    image = window.windowIcon().pixmap(64, 64).toImage()
    star, shield = image.pixelColor(32, 34), image.pixelColor(32, 52)
    assert star.red() > star.blue() and shield.blue() > shield.red()  # a gold star on a blue shield


def test_about_from_source_says_so_and_shows_the_data_folder(qtbot, data_paths, office, monkeypatch):
    window = _window(qtbot, data_paths)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    window.about_action.trigger()
    assert len(shown) == 1
    text = shown[0]
    assert f"版本 {APP_VERSION}" in text and "构建日期：源代码运行" in text
    assert str(data_paths.root) in text


def test_about_in_a_bundle_shows_its_build_date(qtbot, data_paths, office, monkeypatch, tmp_path):
    (tmp_path / "build_info.json").write_text(
        json.dumps({"version": "9.8.7", "built_at": "2026-12-01T13:50:00+00:00"}), encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    import time

    time.tzset()
    try:
        assert build_info.build_date_text() == "2026年12月1日 21:50"
        text = _window(qtbot, data_paths).about_text()
    finally:
        monkeypatch.undo()
        time.tzset()
    assert "版本 9.8.7" in text and "构建日期：2026年12月1日 21:50" in text


def test_a_bundle_with_an_unreadable_stamp_still_opens_about(monkeypatch, tmp_path):
    (tmp_path / "build_info.json").write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert build_info.build_date_text() == build_info.FROM_SOURCE
    assert build_info.version() == APP_VERSION
