"""The one preview-and-print dialog every document of the program uses: the PDF exactly as it will
print (QtPdf), then the system print dialog (QPrinter), or save as PDF (through the verified writer)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..services.files.writer import FileWriteError, write_verified
from .i18n import shown

PRINT_DPI = 300


class PrintPreviewDialog(QDialog):
    """Shows `pdf` (bytes). `printed` / `saved_to` tell the caller what the user did."""

    def __init__(self, pdf: bytes, title: str, suggested_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 1000)
        self.pdf = pdf
        self.suggested_name = suggested_name
        self.printed = False
        self.saved_to: Path | None = None
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        self.pages_label = QLabel(self.tr("共 {0} 页").format(self.document.pageCount()))
        self.zoom_in = QPushButton(self.tr("放大"))
        self.zoom_out = QPushButton(self.tr("缩小"))
        self.fit_width = QPushButton(self.tr("适合宽度"))
        self.print_button = QPushButton(self.tr("打印…"))
        self.print_button.setDefault(True)
        self.save_button = QPushButton(self.tr("另存为PDF…"))
        self.close_button = QPushButton(self.tr("关闭"))
        self.zoom_in.clicked.connect(lambda: self._zoom(1.25))
        self.zoom_out.clicked.connect(lambda: self._zoom(0.8))
        self.fit_width.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(lambda: self.save_pdf())  # not save_pdf(checked)
        self.close_button.clicked.connect(self.accept)

        bar = QHBoxLayout()
        for widget in (self.pages_label, self.zoom_out, self.zoom_in, self.fit_width):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.save_button, self.print_button, self.close_button):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)

    def page_count(self) -> int:
        return self.document.pageCount()

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.2, min(5.0, self.view.zoomFactor() * factor)))

    def _first_page_layout(self) -> QPageLayout:
        size = self.document.pagePointSize(0)
        orientation = (QPageLayout.Orientation.Landscape if size.width() > size.height()
                       else QPageLayout.Orientation.Portrait)
        return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF())

    def make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setResolution(PRINT_DPI)
        printer.setPageLayout(self._first_page_layout())
        printer.setFullPage(True)
        printer.setDocName(self.suggested_name)
        return printer

    def print_document(self) -> None:
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Render every page at the printer's resolution, scaled to the paper, and send it."""
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.tr("打印"), self.tr("无法开始打印，请检查打印机。"))
            return
        try:
            first, last = printer.fromPage(), printer.toPage()
            pages = range(self.document.pageCount())
            if first and last:
                pages = range(first - 1, min(last, self.document.pageCount()))
            for n, page in enumerate(pages):
                if n:
                    printer.newPage()
                target = painter.viewport()
                points = self.document.pagePointSize(page)
                scale = min(target.width() / points.width(), target.height() / points.height())
                size = QSize(int(points.width() * scale), int(points.height() * scale))
                image = self.document.render(page, size)
                painter.drawImage(QRect(QPointF(0, 0).toPoint(), size), image)
        finally:
            painter.end()
        self.printed = True

    def save_pdf(self, path: Path | None = None) -> bool:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("另存为PDF"), self.suggested_name,
                                                    self.tr("PDF 文件 (*.pdf)"))
            if not chosen:
                return False
            path = Path(chosen)
        try:
            write_verified(path, self.pdf)
        except FileWriteError as exc:
            QMessageBox.warning(self, self.tr("另存为PDF"), shown(exc.message))
            return False
        self.saved_to = path
        return True


def preview_pdf(parent: QWidget, pdf: bytes, title: str, suggested_name: str) -> PrintPreviewDialog:
    dialog = PrintPreviewDialog(pdf, title, suggested_name, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
