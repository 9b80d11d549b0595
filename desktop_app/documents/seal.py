"""The seal image drawn over a document's issuer (certificates, the mediation documents). Apart from the
certificates' pieces, so that the documents that only seal do not import the QR code modules."""

from __future__ import annotations

import io
from functools import lru_cache

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

SEAL_ALPHA = 0.85  # the seal lets the unit's name show through a little, as a real stamp does


@lru_cache(maxsize=8)
def _image_reader(data: bytes) -> ImageReader:
    return ImageReader(io.BytesIO(data))


def draw_seal(canvas: Canvas, png: bytes | None, cx: float, cy: float, diameter: float = 40 * mm) -> None:
    """The seal image centred on (cx, cy), over what is already drawn, its transparency kept."""
    if not png:
        return
    canvas.saveState()
    canvas.setFillAlpha(SEAL_ALPHA)
    canvas.drawImage(_image_reader(png), cx - diameter / 2, cy - diameter / 2, diameter, diameter,
                     mask="auto", preserveAspectRatio=True, anchor="c")
    canvas.restoreState()
