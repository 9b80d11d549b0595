"""The user guide (docs/用户手册.md) as the program prints it: every heading and item read back from the PDF."""

from __future__ import annotations

import io

from pypdf import PdfReader

from desktop_app.documents.user_guide import build_user_guide_pdf
from desktop_app.services.user_guide import guide_text


def _text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "".join(page.extract_text() for page in reader.pages).replace(" ", "").replace("\n", "")


def test_the_guide_covers_first_start_daily_work_backups_and_restore():
    text = guide_text()
    for heading in ("第一次使用", "每天的工作", "备份与恢复", "回收站"):
        assert heading in text
    pdf = build_user_guide_pdf(text, "伽师县公安局夏普吐勒派出所")
    read = _text(pdf)
    assert "义警服务队管理系统使用手册" in read and "伽师县公安局夏普吐勒派出所" in read
    for line in text.splitlines():
        words = line.lstrip("#-*0123456789. ").replace(" ", "")
        if words:
            assert words[:12] in read, line


def test_markdown_forms():
    pdf = build_user_guide_pdf("# 标题\n\n## 一、小节\n\n### 分节\n\n正文。\n\n- 要点\n1. 第一步\n")
    read = _text(pdf)
    assert all(word in read for word in ("标题", "一、小节", "分节", "正文。", "•要点", "1.第一步"))
