"""How every .xlsx the program writes prints from Excel, WPS or LibreOffice: A4, the orientation asked for,
fit to the page width (or to a given number of pages across), the title and header rows repeated on every
page, the print area, narrow margins and "第 N 页，共 M 页" in the footer. One call per sheet, after its rows
are in (the print area is taken from what the sheet holds)."""

from __future__ import annotations

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet


def set_page(sheet: Worksheet, *, landscape: bool = True, title_rows: str | None = None,
             title_columns: str | None = None, pages_across: int = 1, last_row: int | None = None,
             last_column: int | None = None) -> None:
    """Page setup for `sheet`. `title_rows` ("1:3") repeat at the top of every page, `title_columns`
    ("A:A") at the left; `pages_across` pages side by side hold the width (the height runs on as needed);
    the print area is A1 to the last cell with anything in it (or `last_row` / `last_column`)."""
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = max(1, pages_across)
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6, header=0.2, footer=0.3)
    if title_rows:
        sheet.print_title_rows = title_rows
    if title_columns:
        sheet.print_title_cols = title_columns
    rows = last_row or sheet.max_row
    columns = last_column or sheet.max_column
    sheet.print_area = f"A1:{get_column_letter(max(1, columns))}{max(1, rows)}"
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
