"""The committed icon files: the SVG source, a PNG of each size the desktop entry and the window use, and
the Windows .ico with the same sizes (packaging/render_icons.py renders them)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[3]
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def test_svg_source_is_a_square_drawing():
    svg = ET.parse(ICONS / "yijing.svg").getroot()
    assert svg.tag.endswith("svg") and svg.get("viewBox") == "0 0 256 256"


def test_each_png_has_its_size_and_a_transparent_corner():
    for size in SIZES:
        with Image.open(ICONS / f"yijing-{size}.png") as image:
            assert image.size == (size, size)
            rgba = image.convert("RGBA")
            assert rgba.getpixel((0, 0))[3] == 0
            red, green, blue, alpha = rgba.getpixel((size // 2, size * 3 // 4))
            assert alpha == 255 and blue > red  # the blue shield below the star


def test_ico_holds_every_size():
    with Image.open(ICONS / "yijing.ico") as ico:
        assert set(ico.info["sizes"]) == {(s, s) for s in SIZES}
