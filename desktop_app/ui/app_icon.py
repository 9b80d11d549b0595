"""The program's icon (a blue shield with a gold star, resources/icons/) in every rendered size."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from ..config import resources_dir

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


@cache
def application_icon() -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        path = resources_dir() / "icons" / f"yijing-{size}.png"
        if path.is_file():
            icon.addFile(str(path))
    return icon
