"""Reading the self-test's documents back: PDF text and a rendered page through QtPdf (the library the
print preview uses), workbook cells through openpyxl."""

from __future__ import annotations

from pathlib import Path

from .missing import ReadBackFailed


def ensure_qt_application() -> None:
    """The one QApplication of the process (QtPdf renders through QtGui); the window check reuses it."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        QApplication(["yijing-self-test"])


def _squeezed(text: str) -> str:
    # Titles are drawn letter-spaced ("调 解 协 议 书") and long lines wrap: compare without white space.
    return "".join(text.split())


def pdf_pages(path: Path) -> list[str]:
    """The text of each page of the PDF at `path`."""
    from PySide6.QtPdf import QPdfDocument

    ensure_qt_application()
    document = QPdfDocument()
    error = document.load(str(path))
    if error != QPdfDocument.Error.None_:
        raise ReadBackFailed(f"无法读取 {path.name}: {error}")
    try:
        return [document.getAllText(page).text() for page in range(document.pageCount())]
    finally:
        document.close()


def pdf_text(path: Path) -> tuple[int, str]:
    """The page count and all the text of the PDF at `path`."""
    pages = pdf_pages(path)
    return len(pages), "\n".join(pages)


def squeezed_pages(path: Path) -> list[str]:
    """Each page's text without white space (as `expect_pdf` compares)."""
    return [_squeezed(page) for page in pdf_pages(path)]


def expect_pdf(path: Path, *words: str) -> str:
    """Check that the PDF exists, has pages and reads back every one of `words`; say what it holds."""
    if not path.is_file() or path.stat().st_size == 0:
        raise ReadBackFailed(f"文件没有写出: {path.name}")
    pages, text = pdf_text(path)
    if pages < 1:
        raise ReadBackFailed(f"{path.name} 没有页面")
    squeezed = _squeezed(text)
    for word in words:
        if _squeezed(word) not in squeezed:
            raise ReadBackFailed(f"{path.name} 中读不回“{word}”")
    return f"{path.name}（{pages} 页，{max(1, path.stat().st_size // 1024)} KB）"


def dark_share_of_first_page(path: Path, width: int = 600) -> float:
    """The share of clearly dark pixels on the first page rendered `width` pixels wide."""
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    ensure_qt_application()
    document = QPdfDocument()
    if document.load(str(path)) != QPdfDocument.Error.None_:
        raise ReadBackFailed(f"无法读取 {path.name}")
    try:
        page = document.pagePointSize(0)
        size = QSize(width, max(1, round(width * page.height() / page.width())))
        image = document.render(0, size)
    finally:
        document.close()
    if image.isNull():
        raise ReadBackFailed(f"{path.name} 的第一页无法绘制")
    step = 3
    dark = total = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            total += 1
            if image.pixelColor(x, y).lightness() < 80:
                dark += 1
    return dark / max(total, 1)


def xlsx_cells(path: Path) -> list[str]:
    """Every non-empty cell of every sheet of the workbook at `path`, as text."""
    from openpyxl import load_workbook

    if not path.is_file() or path.stat().st_size == 0:
        raise ReadBackFailed(f"文件没有写出: {path.name}")
    workbook = load_workbook(path, read_only=True)
    try:
        return [str(value) for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True)
                for value in row if value is not None]
    finally:
        workbook.close()


def expect_xlsx(path: Path, *words: str) -> str:
    cells = xlsx_cells(path)
    joined = "\n".join(cells)
    for word in words:
        if word not in joined:
            raise ReadBackFailed(f"{path.name} 中读不回“{word}”")
    return f"{path.name}（{len(cells)} 个单元格）"
