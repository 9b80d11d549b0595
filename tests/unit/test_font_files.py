"""The bundled fonts read from a checkout (plain .ttc) or from a packaged build (gzip-compressed .ttc.gz)."""

from __future__ import annotations

import gzip
import io

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from desktop_app import font_files
from desktop_app.config import fonts_dir

UI_FONT = "wqy-microhei.ttc"


@pytest.fixture
def packed_only(tmp_path, monkeypatch):
    """A fonts folder as a packaged build carries it: the UI font compressed, no plain copy."""
    original = (fonts_dir() / UI_FONT).read_bytes()
    (tmp_path / f"{UI_FONT}.gz").write_bytes(gzip.compress(original, mtime=0))
    monkeypatch.setattr(font_files, "fonts_dir", lambda: tmp_path)
    return original


def test_a_checkout_reads_the_plain_file():
    assert font_files.font_path(UI_FONT) == fonts_dir() / UI_FONT
    assert font_files.read_font(UI_FONT) == (fonts_dir() / UI_FONT).read_bytes()


def test_a_build_reads_the_compressed_copy(packed_only, tmp_path):
    assert font_files.font_path(UI_FONT) == tmp_path / f"{UI_FONT}.gz"
    assert font_files.read_font(UI_FONT) == packed_only


def test_a_missing_font_names_the_plain_file(tmp_path, monkeypatch):
    monkeypatch.setattr(font_files, "fonts_dir", lambda: tmp_path)
    with pytest.raises(FileNotFoundError) as error:
        font_files.font_path(UI_FONT)
    assert error.value.filename == str(tmp_path / UI_FONT)


def test_a_pdf_from_the_compressed_font_embeds_it_and_reads_back(packed_only):
    pdfmetrics.registerFont(TTFont("HeiFromGz", io.BytesIO(font_files.read_font(UI_FONT)), subfontIndex=0))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont("HeiFromGz", 14)
    page.drawString(72, 720, "努尔买买提·西热甫 叁仟伍佰元整")
    page.save()
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    assert "努尔买买提·西热甫 叁仟伍佰元整" in reader.pages[0].extract_text()
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert any("/FontFile2" in f.get_object()["/FontDescriptor"] for f in fonts.values()
               if "/FontDescriptor" in f.get_object())


def test_the_window_font_loads_from_the_compressed_copy(qapp, packed_only, monkeypatch):
    from desktop_app.ui import fonts as ui_fonts

    assert ui_fonts.install_application_font(qapp) == "WenQuanYi Micro Hei"


def test_a_document_font_packed_with_xz_reads_back(tmp_path, monkeypatch):
    import lzma

    original = (fonts_dir() / "ukai.ttc").read_bytes()
    (tmp_path / "ukai.ttc.xz").write_bytes(lzma.compress(original, preset=1))
    monkeypatch.setattr(font_files, "fonts_dir", lambda: tmp_path)
    assert font_files.font_path("ukai.ttc") == tmp_path / "ukai.ttc.xz"
    assert font_files.read_font("ukai.ttc") == original
