"""调查记录 (人民调解调查记录, 司法部 2010 format): 时间, 地点, 被调查人, 调查人, 记录人, 在场人, then what was
asked and answered; the signatures of the person asked, the investigators and the recorder. One page a
record (each starts on its own page); a blank form when there is none."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from .case_common import DocumentPart, render, spec, text, title_of
from .case_data import CaseData, InvestigationData
from .layout import SignatureLines, doc_styles, format_datetime, info_table, keep, para, title_block


def investigation_part(case: CaseData) -> DocumentPart:
    title = title_of(case, "investigation")
    page = spec(case, title)
    records: list[InvestigationData | None] = list(case.investigations) or [None]
    story: list[Flowable] = []
    for index, record in enumerate(records):
        if index:
            story.append(PageBreak())
        subtitle = f"（第{index + 1}次调查）" if len(records) > 1 else ""
        story += title_block(title, number=case.number, subtitle=subtitle)
        story.append(info_table([
            [("调查时间", format_datetime(record.held_at) if record else ""), ("调查地点", record.place if record else "")],
            [("被调查人", record.subject if record else "")],
            [("调查人", record.investigators if record else ""), ("记录人", record.recorder if record else "")],
            [("在场人", record.present if record else "")],
            [("调查记录", record.record if record else "")],
        ], page.frame_width, min_heights={4: 120 * mm}))
        story.append(Spacer(1, 6 * mm))
        story.append(keep(para(text(case, "investigation.confirm"), doc_styles().body), Spacer(1, 3 * mm),
                          SignatureLines(["被调查人签名", "调查人签名", "记录人签名"], columns=2)))
    return DocumentPart("investigation", title, page, story)


def build_investigation_record(case: CaseData) -> bytes:
    return render(case, investigation_part)
