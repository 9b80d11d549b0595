"""The shared preview-and-print dialog shows the PDF's pages and prints them through QPrinter."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from desktop_app.documents.font_check import build_font_check_pdf
from desktop_app.ui.print_preview import PrintPreviewDialog


def test_preview_prints_every_page_and_saves_the_same_bytes(qtbot, tmp_path):
    pdf = build_font_check_pdf(["努尔买买提·西热甫"], "伽师县公安局夏普吐勒派出所")
    dialog = PrintPreviewDialog(pdf, "字体检查页", "字体检查页.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.page_count() == 1
    assert dialog.windowTitle() == "字体检查页"

    printer = dialog.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    dialog.print_to(printer)
    assert dialog.printed
    assert len(PdfReader(out).pages) == 1
    assert out.stat().st_size > 10_000  # the page went out as a rendered image, not blank

    saved = tmp_path / "saved.pdf"
    dialog.save_pdf(saved)
    assert saved.read_bytes() == pdf and dialog.saved_to == saved


def test_landscape_documents_print_landscape(qtbot):
    import io

    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=landscape(A4))
    canvas.drawString(100, 100, "x")
    canvas.showPage()
    canvas.save()
    dialog = PrintPreviewDialog(buffer.getvalue(), "t", "t.pdf")
    qtbot.addWidget(dialog)
    layout = dialog.make_printer().pageLayout()
    assert layout.orientation() == layout.Orientation.Landscape


def test_save_as_pdf_goes_through_the_verified_writer(qtbot, tmp_path, monkeypatch, messages):
    from desktop_app.services.files import writer

    pdf = build_font_check_pdf(["努尔买买提·西热甫"], "伽师县公安局夏普吐勒派出所")
    dialog = PrintPreviewDialog(pdf, "字体检查页", "字体检查页.pdf")
    qtbot.addWidget(dialog)
    read_back = []
    real = writer.sha256_of_file
    monkeypatch.setattr(writer, "sha256_of_file", lambda path: read_back.append(path) or real(path))
    chosen = tmp_path / "另存.pdf"
    monkeypatch.setattr("desktop_app.ui.print_preview.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(chosen), ""))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert chosen.read_bytes() == pdf and dialog.saved_to == chosen
    assert read_back == [chosen]  # read back under its final name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["另存.pdf"]
    assert messages == []


def test_save_as_pdf_on_a_bad_stick_says_so_and_leaves_nothing(qtbot, tmp_path, monkeypatch, messages):
    from desktop_app.services.files import writer

    dialog = PrintPreviewDialog(build_font_check_pdf(["王建国"], "伽师县公安局"), "字体检查页", "字体检查页.pdf")
    qtbot.addWidget(dialog)
    monkeypatch.setattr(writer, "sha256_of_file", lambda path: "0" * 64)
    assert not dialog.save_pdf(tmp_path / "另存.pdf")
    assert dialog.saved_to is None and list(tmp_path.iterdir()) == []
    assert messages[-1][0] == "warning" and "读回的内容与原内容不一致" in messages[-1][1]
    dialog.save_pdf(tmp_path / "没有的文件夹" / "另存.pdf")
    assert "文件夹已不存在" in messages[-1][1] and dialog.saved_to is None
