"""The user guide (docs/用户手册.md) as a PDF: the few Markdown forms the guide uses — "#" title, "##" and
"###" headings, paragraphs, "- " and "1. " list items — laid out with the documents' own styles and fonts."""

from __future__ import annotations

import re

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from .fonts import HEI, font
from .layout import PageSpec, build_pdf, doc_styles, escape, para

TITLE = "使用手册"
_NUMBERED = re.compile(r"(\d+)[.、]\s*(.*)")


def _styles() -> dict[str, ParagraphStyle]:
    body = doc_styles().body
    return {
        "title": ParagraphStyle("guide-title", parent=body, fontName=font(HEI), fontSize=18, leading=26,
                                alignment=1, spaceAfter=6 * mm),
        "h2": ParagraphStyle("guide-h2", parent=body, fontName=font(HEI), fontSize=14, leading=22,
                             spaceBefore=4 * mm, spaceAfter=2 * mm, keepWithNext=1),
        "h3": ParagraphStyle("guide-h3", parent=body, fontName=font(HEI), fontSize=12, leading=19,
                             spaceBefore=2 * mm, spaceAfter=1 * mm, keepWithNext=1),
        "body": ParagraphStyle("guide-body", parent=body, fontSize=11, leading=18, spaceAfter=1.5 * mm),
        "item": ParagraphStyle("guide-item", parent=body, fontSize=11, leading=18, leftIndent=8 * mm,
                               bulletIndent=3 * mm, bulletFontName=font(HEI), spaceAfter=1 * mm),
    }


def guide_title(markdown: str) -> str:
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return TITLE


def build_user_guide_pdf(markdown: str, unit_name: str = "") -> bytes:
    """The guide's Markdown text as PDF bytes."""
    styles = _styles()
    story: list[Flowable] = []
    for raw in markdown.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("### "):
            story.append(para(line[4:], styles["h3"]))
        elif line.startswith("## "):
            story.append(para(line[3:], styles["h2"]))
        elif line.startswith("# "):
            story.append(para(line[2:], styles["title"]))
        elif line.startswith(("- ", "* ")):
            story.append(para(f"<bullet>•</bullet>{escape(line[2:])}", styles["item"], markup=True))
        elif numbered := _NUMBERED.fullmatch(line):
            story.append(para(f"<bullet>{numbered.group(1)}.</bullet>{escape(numbered.group(2))}", styles["item"],
                              markup=True))
        else:
            story.append(para(line, styles["body"]))
    story.append(Spacer(1, 2 * mm))
    title = guide_title(markdown)
    return build_pdf(story, PageSpec(title=title, unit_name=unit_name, header_right=TITLE))
