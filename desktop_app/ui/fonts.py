"""The bundled Chinese font as the application font, so the screen matches the printouts."""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..font_files import font_path, read_font

log = logging.getLogger(__name__)

UI_FONT_FILE = "wqy-microhei.ttc"
UI_POINT_SIZE = 10


def install_application_font(app: QApplication) -> str:
    """Load the UI font into Qt and make it the application font; return its family name."""
    try:
        path = font_path(UI_FONT_FILE)
    except FileNotFoundError:
        log.error("找不到界面字体 %s", UI_FONT_FILE)
        return app.font().family()
    if path.name == UI_FONT_FILE:
        font_id = QFontDatabase.addApplicationFont(str(path))
    else:
        font_id = QFontDatabase.addApplicationFontFromData(QByteArray(read_font(UI_FONT_FILE)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.error("无法加载界面字体 %s", UI_FONT_FILE)
        return app.font().family()
    font = QFont(families[0], UI_POINT_SIZE)
    app.setFont(font)
    return families[0]
