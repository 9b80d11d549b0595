"""The printed roster lets go of what it drew as it goes: no cycle of its pages or PDF objects is left for
the garbage collector (which, for a prefecture's 2,300 pages, froze the window in one pass), and the pages
and their numbering are what they were."""

from __future__ import annotations

import gc
import io
import re
from datetime import date

from pypdf import PdfReader

from desktop_app.documents.roster_pdf import RosterPdfData, RosterPdfRow, build_roster_pdf, let_go


def _rows(count: int) -> list[RosterPdfRow]:
    return [RosterPdfRow(name=f"队员{k:04d}", gender="男", ethnic="汉族", team=f"第{k % 7}分队",
                         id_number="（已脱敏）", phone="（已脱敏）", status="在队", skills="巡逻、急救",
                         join_date="2023年9月1日") for k in range(count)]


def test_a_long_roster_leaves_no_cycles_behind():
    data = RosterPdfData(unit_name="测试单位", printed_on=date(2024, 4, 13), rows=_rows(2000))
    gc.collect()
    was_on = gc.isenabled()
    gc.disable()
    try:
        pdf = build_roster_pdf(data)
        left = gc.collect()
    finally:
        if was_on:
            gc.enable()
    reader = PdfReader(io.BytesIO(pdf))
    pages = len(reader.pages)
    assert pages >= 40
    # a few dozen small objects (reportlab's templates), whatever the pages; their drawings were ~20 a page
    assert left < 100
    texts = [page.extract_text() for page in reader.pages]
    assert all(f"第 {n} 页 共 {pages} 页" in text for n, text in enumerate(texts, start=1))
    assert "队员0000" in texts[0] and "队员1999" in texts[-1]
    shown = [name for text in texts for name in re.findall(r"队员\d{4}", text)]
    assert shown == [f"队员{k:04d}" for k in range(2000)]  # each once, in order


def test_let_go_empties_lists_and_dicts():
    items = list(range(1234))
    table = {k: [k] for k in range(50)}
    let_go(items)
    let_go(table)
    assert items == [] and table == {}
