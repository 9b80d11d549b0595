"""Drawing pieces shared by the certificates: border styles, QR codes, the seal, text that must fit."""

from __future__ import annotations

import io
import itertools
from functools import lru_cache

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from .seal import draw_seal as draw_seal  # the certificates draw the seal with the other pieces

BORDER_STYLES = ("classic", "red", "simple")
RED = colors.HexColor("#B8232F")
GOLD = colors.HexColor("#8A6A1E")
INK = colors.HexColor("#1A1A1A")
GREY = colors.HexColor("#777777")

def border_colour(style: str) -> colors.Color:
    return {"red": RED, "classic": GOLD}.get(style, INK)


def draw_border(canvas: Canvas, style: str, width: float, height: float, margin: float = 10 * mm) -> None:
    """The page frame: classic = double line, red = red double line with corner ornaments, simple = one
    line."""
    canvas.saveState()
    colour = border_colour(style)
    canvas.setStrokeColor(colour)
    x0, y0, x1, y1 = margin, margin, width - margin, height - margin
    if style == "simple":
        canvas.setLineWidth(0.8)
        canvas.rect(x0, y0, x1 - x0, y1 - y0)
    else:
        canvas.setLineWidth(2.4)
        canvas.rect(x0, y0, x1 - x0, y1 - y0)
        gap = 2.6 * mm
        canvas.setLineWidth(0.7)
        canvas.rect(x0 + gap, y0 + gap, x1 - x0 - 2 * gap, y1 - y0 - 2 * gap)
        if style == "red":
            inset = x0 + gap + 2.2 * mm
            for cx, cy, sx, sy in ((inset, y0 + gap + 2.2 * mm, 1, 1),
                                   (width - inset, y0 + gap + 2.2 * mm, -1, 1),
                                   (inset, height - (y0 + gap + 2.2 * mm), 1, -1),
                                   (width - inset, height - (y0 + gap + 2.2 * mm), -1, -1)):
                _corner_ornament(canvas, cx, cy, sx, sy, colour)
    canvas.restoreState()


def _corner_ornament(canvas: Canvas, x: float, y: float, sx: int, sy: int, colour: colors.Color) -> None:
    """A 回纹-like corner: two nested brackets and a small diamond, opening towards the page centre."""
    canvas.setStrokeColor(colour)
    canvas.setFillColor(colour)
    for length, offset, line in ((16 * mm, 0, 1.4), (11 * mm, 2.2 * mm, 0.7)):
        path = canvas.beginPath()
        path.moveTo(x + sx * (offset + length), y + sy * offset)
        path.lineTo(x + sx * offset, y + sy * offset)
        path.lineTo(x + sx * offset, y + sy * (offset + length))
        canvas.setLineWidth(line)
        canvas.drawPath(path, stroke=1, fill=0)
    hook = canvas.beginPath()
    a, b = 4.4 * mm, 7.5 * mm
    hook.moveTo(x + sx * b, y + sy * a)
    hook.lineTo(x + sx * a, y + sy * a)
    hook.lineTo(x + sx * a, y + sy * b)
    canvas.setLineWidth(0.7)
    canvas.drawPath(hook, stroke=1, fill=0)
    d, cx, cy = 1.5 * mm, x + sx * 6.6 * mm, y + sy * 6.6 * mm
    diamond = canvas.beginPath()
    diamond.moveTo(cx, cy + d)
    diamond.lineTo(cx + d, cy)
    diamond.lineTo(cx, cy - d)
    diamond.lineTo(cx - d, cy)
    diamond.close()
    canvas.drawPath(diamond, stroke=0, fill=1)


@lru_cache(maxsize=4096)
def qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code's dark modules, row by row (reportlab's encoder, error correction level M)."""
    widget = QrCodeWidget(payload, barLevel="M")
    widget.qr.make()
    return tuple(tuple(bool(cell) for cell in row) for row in widget.qr.modules)


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """The code as one filled path, `size` square with its lower left corner at (x, y); the caller keeps
    a white quiet zone around it."""
    modules = qr_modules(payload)
    box = size / len(modules)
    path = canvas.beginPath()
    for row_index, row in enumerate(modules):
        column = 0
        for dark, run in itertools.groupby(row):
            count = len(list(run))
            if dark:
                path.rect(x + column * box, y + size - (row_index + 1) * box, count * box, box)
            column += count
    canvas.saveState()
    canvas.setFillColor(colors.black)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def draw_placeholder_box(canvas: Canvas, x: float, y: float, w: float, h: float, text: str, font_name: str,
                         size: float) -> None:
    canvas.saveState()
    canvas.setStrokeColor(GREY)
    canvas.setFillColor(GREY)
    canvas.setLineWidth(0.5)
    canvas.setDash(2, 2)
    canvas.rect(x, y, w, h)
    canvas.setFont(font_name, size)
    lines = text.split("\n")
    for index, line in enumerate(lines):
        canvas.drawCentredString(x + w / 2, y + h / 2 + (len(lines) / 2 - index - 0.8) * size * 1.2, line)
    canvas.restoreState()


def draw_photo(canvas: Canvas, photo: bytes | None, x: float, y: float, w: float, h: float,
               font_name: str) -> None:
    """The member's photo filling the box (cropped to it, centred), or a box saying 照片."""
    if not photo:
        draw_placeholder_box(canvas, x, y, w, h, "照片", font_name, 8)
        return
    try:
        reader = ImageReader(io.BytesIO(photo))
        iw, ih = reader.getSize()
    except Exception:  # noqa: BLE001 - an unreadable photo must not stop the card
        draw_placeholder_box(canvas, x, y, w, h, "照片", font_name, 8)
        return
    scale = max(w / iw, h / ih)
    dw, dh = iw * scale, ih * scale
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(x, y, w, h)
    canvas.clipPath(clip, stroke=0, fill=0)
    canvas.drawImage(reader, x + (w - dw) / 2, y + (h - dh) / 2, dw, dh, mask="auto")
    canvas.restoreState()
    canvas.saveState()
    canvas.setStrokeColor(GREY)
    canvas.setLineWidth(0.4)
    canvas.rect(x, y, w, h)
    canvas.restoreState()


def fit_size(text: str, font_name: str, size: float, max_width: float, min_size: float = 5) -> float:
    """The largest size up to `size` at which `text` fits in `max_width`."""
    width = stringWidth(text, font_name, size)
    if width <= max_width:
        return size
    return max(min_size, size * max_width / width)


def draw_spaced_centred(canvas: Canvas, text: str, cx: float, y: float, font_name: str, size: float,
                        spacing: float) -> None:
    """A title with extra room between its characters (聘　书), kept as one run of text for extraction."""
    width = stringWidth(text, font_name, size) + spacing * (len(text) - 1)
    obj = canvas.beginText(cx - width / 2, y)
    obj.setFont(font_name, size)
    obj.setCharSpace(spacing)
    obj.textOut(text)
    obj.setCharSpace(0)  # the text state outlives the text object: later text must not inherit it
    canvas.drawText(obj)


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
