"""The bundled fonts reach the PDF embedded, and the Chinese text reads back exactly."""

from __future__ import annotations

import io

from pypdf import PdfReader

from desktop_app.config import fonts_dir
from desktop_app.documents.font_check import build_font_check_pdf
from desktop_app.documents.fonts import FONT_FILES

NAME = "努尔买买提·西热甫"


def test_font_files_and_licences_are_bundled():
    for file_name in FONT_FILES.values():
        assert (fonts_dir() / file_name).stat().st_size > 1_000_000
    licences = {p.name for p in (fonts_dir() / "licenses").iterdir()}
    assert {"wqy-microhei.copyright", "arphic-ukai.copyright", "arphic-uming.copyright",
            "ARPHICPL.TXT"} <= licences


def test_uyghur_name_with_middle_dot_reads_back_from_the_pdf():
    pdf = build_font_check_pdf([NAME, "（2024）夏派调字第012号"], "伽师县公安局夏普吐勒派出所")
    reader = PdfReader(io.BytesIO(pdf))
    text = reader.pages[0].extract_text()
    assert text.count(NAME) == 3  # once per bundled font
    assert "（2024）夏派调字第012号" in text
    assert "伽师县公安局夏普吐勒派出所" in text


def test_every_cjk_font_is_embedded():
    reader = PdfReader(io.BytesIO(build_font_check_pdf([NAME])))
    embedded = set()
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        if "/FontDescriptor" in font and "/FontFile2" in font["/FontDescriptor"].get_object():
            embedded.add(str(font["/BaseFont"]).split("+")[-1])
    assert embedded == {"WenQuanYiMicroHei-0", "UMingCN-0", "UKaiCN-0"}
