"""A one-page PDF that shows each bundled font; used by `--self-test` and the font tests."""

from __future__ import annotations

import io
from datetime import datetime

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..domain.dates import format_date
from .fonts import HEI, KAI, SONG, font


def build_font_check_pdf(lines: list[str], unit_name: str = "", when: datetime | None = None) -> bytes:
    """Draw `lines` in each bundled font, one block per font, and return the PDF bytes."""
    when = when or datetime.now()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
    canvas.setTitle("字体检查页")
    width, height = A4
    y = height - 25 * mm
    canvas.setFont(font(HEI), 18)
    canvas.drawCentredString(width / 2, y, "字体检查页")
    y -= 9 * mm
    canvas.setFont(font(HEI), 10)
    canvas.drawCentredString(width / 2, y, f"{unit_name}  {format_date(when.date())} {when:%H:%M}".strip())
    for label, name in (("黑体（文泉驿微米黑）", HEI), ("宋体（文鼎明体）", SONG), ("楷体（文鼎楷体）", KAI)):
        y -= 14 * mm
        canvas.setFont(font(HEI), 11)
        canvas.drawString(20 * mm, y, label)
        canvas.setFont(font(name), 14)
        for line in lines:
            y -= 8 * mm
            canvas.drawString(25 * mm, y, line)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
