"""The bundled Chinese font as the application font, so the screen matches the printouts."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..config import fonts_dir

log = logging.getLogger(__name__)

UI_FONT_FILE = "wqy-microhei.ttc"
UI_POINT_SIZE = 10


def install_application_font(app: QApplication) -> str:
    """Load the UI font into Qt and make it the application font; return its family name."""
    font_id = QFontDatabase.addApplicationFont(str(fonts_dir() / UI_FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.error("无法加载界面字体 %s", UI_FONT_FILE)
        return app.font().family()
    font = QFont(families[0], UI_POINT_SIZE)
    app.setFont(font)
    return families[0]
