"""Render resources/icons/yijing.svg to the PNG sizes (16–256) and yijing.ico.

    .venv/bin/python packaging/render_icons.py

The rendered files are committed, so a build (Linux or Windows) needs no SVG renderer; run this again
after changing the SVG. The PNGs come from Qt's own SVG renderer (PySide6.QtSvg, in the development
environment), the .ico from Pillow (installed with reportlab).
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_name(size: int) -> str:
    return f"yijing-{size}.png"


def render_png(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication(sys.argv[:1])
    svg = ICONS / "yijing.svg"
    images = {}
    for size in SIZES:
        data = render_png(svg, size)
        (ICONS / png_name(size)).write_bytes(data)
        images[size] = Image.open(io.BytesIO(data)).convert("RGBA")
    # Each size of the .ico from its own rendering (Pillow would otherwise shrink the largest one).
    largest = images[max(SIZES)]
    largest.save(ICONS / "yijing.ico", format="ICO", sizes=[(s, s) for s in SIZES],
                 append_images=[images[s] for s in SIZES if s != max(SIZES)])
    print(f"wrote {len(SIZES)} PNGs and yijing.ico to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
