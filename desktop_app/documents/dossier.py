"""The 卷宗 of a case as one PDF for the archive (司法部 人民调解文书格式 2010 and its 卷宗 guidance; a 治安调解
case is filed the same way in the 派出所's name): 卷宗封面 (卷名, 卷号, 人民调解员, 调解日期, 立卷人, 立卷日期,
保管期限, 备注), 卷内目录 with the page numbers, the case's documents in the official order — 申请书, 受理登记表,
权利义务告知书, (当事人身份证明, filed by hand), 调查记录, 调解记录, 协议书 or 口头协议登记表, 回访记录,
结案报告表 — and the 封底 (卷内备考).

The documents' pages are numbered on through the file from the first document (cover, 目录 and 封底 are
not numbered, as the archive counts them); the 目录 is laid out twice so that its page numbers are the
ones printed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from ..domain.dates import format_date
from .agreement import agreement_part, oral_agreement_part
from .application import application_part
from .case_common import (
    DocumentPart,
    issuer,
    keeping_names,
    principal_parties,
    text,
    title_of,
)
from .case_data import CaseData
from .case_documents import acceptance_part, follow_up_part, session_part
from .closing_report import closing_part
from .fonts import HEI, KAI, SONG, font
from .investigation_record import investigation_part
from .layout import (
    LINE_COLOR,
    PageMark,
    PageSpec,
    Title,
    build_pdf,
    data_table,
    date_or_blank,
    doc_styles,
    para,
    title_block,
)
from .line_breaks import keeping
from .rights_notice import rights_part

IDENTITY_PAPERS = "当事人身份证明"
APPLIED = "当事人申请"


@dataclass(frozen=True)
class DossierEntry:
    """One line of the 卷内目录: a document of the PDF (`key`) or a paper filed by hand (`key` "")."""

    key: str
    title: str
    note: str  # 必须 / 按需 / 另附


def reached_parts(case: CaseData) -> list[tuple[str, Callable[[CaseData], DocumentPart]]]:
    """The documents the case has reached, in the 卷宗's order, as (key, builder)."""
    parts: list[tuple[str, Callable[[CaseData], DocumentPart]]] = []
    if not case.is_security and case.source == APPLIED:
        parts.append(("application", application_part))
    parts += [("acceptance", acceptance_part), ("rights", rights_part)]
    if case.investigations:
        parts.append(("investigation", investigation_part))
    if case.sessions:
        parts.append(("session", session_part))
    if case.agreement_terms.strip():
        parts.append(("oral", oral_agreement_part) if case.oral_agreement and not case.is_security
                     else ("agreement", agreement_part))
    if case.follow_ups:
        parts.append(("follow_up", follow_up_part))
    if case.closed_on is not None:
        parts.append(("closing", closing_part))
    return parts


REQUIRED = {"application", "acceptance", "rights", "session", "agreement", "oral"}


def contents_entries(case: CaseData, parts: list[DocumentPart]) -> list[DossierEntry]:
    entries = [DossierEntry(p.key, p.title, "必须" if p.key in REQUIRED else "按需") for p in parts]
    position = next((i + 1 for i, e in enumerate(entries) if e.key == "rights"), len(entries))
    entries.insert(position, DossierEntry("", IDENTITY_PAPERS, "另附"))
    return entries


def build_dossier(case: CaseData, progress: Callable[[int, int, str], None] | None = None) -> bytes:
    """The whole 卷宗 as PDF bytes; `progress(done, total, text)` (the services' protocol) after each pass."""
    def step(done: int, text: str) -> None:
        if progress is not None:
            progress(done, 3, text)

    with keeping_names(case):
        pages: dict[str, int] = {}
        step(0, "排版卷宗")
        parts = [make(case) for _key, make in reached_parts(case)]
        build_pdf(_story(case, parts, pages, None), _bare(case, "卷宗"))
        numbered = dict(pages)
        step(1, "编排卷内目录页号")
        parts = [make(case) for _key, make in reached_parts(case)]  # flowables are used up by a build
        pdf = build_pdf(_story(case, parts, pages, numbered), _bare(case, "卷宗"))
        step(3, "")
        return pdf


def _bare(case: CaseData, title: str) -> PageSpec:
    return PageSpec(title=f"{title} {case.number}".strip(), unit_name=issuer(case), show_header=False,
                    show_page_numbers=False, subject=f"{title_of(case, 'cover')} {case.number}")


def _story(case: CaseData, parts: list[DocumentPart], pages: dict[str, int],
           numbered: dict[str, int] | None) -> list[Flowable]:
    story: list[Flowable] = [PageMark(_bare(case, "封面"), numbered=False)]
    story += _cover(case, parts)
    story += [PageBreak(), PageMark(_bare(case, "卷内目录"), numbered=False)]
    story += _contents(case, parts, numbered)
    for index, part in enumerate(parts):
        story += [PageBreak(), PageMark(part.spec, part.key, pages, starts_numbering=index == 0), *part.story]
    story += [PageBreak(), PageMark(_bare(case, "封底"), "back", pages, numbered=False)]
    story += _back(case, parts, numbered)
    return story


def _page_ranges(parts: list[DocumentPart], numbered: dict[str, int] | None) -> dict[str, str]:
    if not numbered or not parts:
        return {}
    first = numbered[parts[0].key]
    keys = [p.key for p in parts] + ["back"]
    ranges = {}
    for key, following in zip(keys, keys[1:], strict=False):
        start, end = numbered[key] - first + 1, numbered[following] - first
        ranges[key] = str(start) if end <= start else f"{start}—{end}"
    return ranges


def _total_pages(parts: list[DocumentPart], numbered: dict[str, int] | None) -> int | None:
    if not numbered or not parts:
        return None
    return numbered["back"] - numbered[parts[0].key]


# --- 封面 ------------------------------------------------------------------------------------------


def case_title(case: CaseData) -> str:
    """卷名: "艾力·买买提与王建国邻里纠纷" / "王小明殴打他人治安调解案"."""
    names = "与".join(p.name for p in principal_parties(case)[:3]) or "________"
    return f"{names}{_title_kind(case)}"


def _title_kind(case: CaseData) -> str:
    """The end of the 卷名 after the names ("邻里纠纷", "殴打他人治安调解案"): one line, never broken."""
    return f"{case.offence or ''}治安调解案" if case.is_security else f"{case.category}纠纷"


def mediation_period(case: CaseData) -> str:
    days = [s.held_at.date() for s in case.sessions]
    start = min(days) if days else case.received_at.date()
    ends = [d for d in (case.agreement_date, max(days) if days else None) if d]
    end = max(ends) if ends else None
    return f"{format_date(start)}至{date_or_blank(end)}"


def _cover(case: CaseData, parts: list[DocumentPart]) -> list[Flowable]:
    unit_style = ParagraphStyle("cover_unit", parent=doc_styles().body, fontName=font(KAI), fontSize=20,
                                leading=30, alignment=TA_CENTER)
    heading = text(case, "cover.security_heading" if case.is_security else "cover.peoples_heading")
    mediators = case.host_officer if case.is_security else "、".join(case.mediators)
    rows = [
        ("卷　　名", case_title(case)),
        ("卷　　号", case.number),
        ("主 持 人" if case.is_security else "人民调解员", mediators),
        ("调解日期", mediation_period(case)),
        ("立 卷 人", case.filed_by),
        ("立卷日期", date_or_blank(case.filed_on)),
        ("保管期限", case.retention),
        ("备　　注", ""),
    ]
    label = ParagraphStyle("cover_label", parent=doc_styles().body, fontName=font(HEI), fontSize=14, leading=20)
    value = ParagraphStyle("cover_value", parent=doc_styles().body, fontName=font(SONG), fontSize=14, leading=20)
    with keeping([_title_kind(case)]):
        cells = [[para(a, label), para(b, value)] for a, b in rows]
    table = Table(cells, colWidths=[36 * mm, 100 * mm],
                  style=TableStyle([("LINEBELOW", (1, 0), (1, -1), 0.6, LINE_COLOR),
                                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                    ("TOPPADDING", (0, 0), (-1, -1), 7), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return [Spacer(1, 28 * mm), para(issuer(case), unit_style), Spacer(1, 6 * mm), Title(heading, size=32),
            Spacer(1, 30 * mm), table]


# --- 卷内目录 ----------------------------------------------------------------------------------------


def _contents(case: CaseData, parts: list[DocumentPart], numbered: dict[str, int] | None) -> list[Flowable]:
    ranges = _page_ranges(parts, numbered)
    story: list[Flowable] = title_block("卷内目录", number=case.number, number_label="卷号：")
    entries = contents_entries(case, parts)
    rows = [[str(i), e.title, ranges.get(e.key, ""), e.note] for i, e in enumerate(entries, start=1)]
    story.append(data_table(["序号", "文书名称", "页号", "备注"], rows, [16 * mm, 95 * mm, 26 * mm, 28 * mm],
                            centred=(0, 2, 3), font_size=11))
    story += [Spacer(1, 4 * mm), para(text(case, "contents.note"), doc_styles().small)]
    return story


# --- 封底 ------------------------------------------------------------------------------------------


def _back(case: CaseData, parts: list[DocumentPart], numbered: dict[str, int] | None) -> list[Flowable]:
    styles = doc_styles()
    total = _total_pages(parts, numbered)
    statement = text(case, "back.statement", documents=str(len(parts)), pages=str(total) if total else "____")
    rows = [[para("卷内备考", styles.label)], [para(statement, styles.body_indent)],
            [para(f"立卷人：{case.filed_by or '________'}　　　检查人：________", styles.body)],
            [para(f"立卷日期：{date_or_blank(case.filed_on)}", styles.body)]]
    box = Table(rows, colWidths=[150 * mm], style=TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.9, LINE_COLOR), ("TOPPADDING", (0, 0), (-1, -1), 8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8), ("LEFTPADDING", (0, 0), (-1, -1), 10)]))
    unit = ParagraphStyle("back_unit", parent=styles.body, fontName=font(KAI), fontSize=16, leading=24,
                          alignment=TA_CENTER)
    return [Title("封　底", size=22), Spacer(1, 10 * mm), box, Spacer(1, 120 * mm), para(issuer(case), unit)]
