"""当事人权利义务告知书 (必须 in the 人民调解 卷宗): the nature of the mediating body, the principles, the
parties' rights and duties and the effect of an agreement — 人民调解法 Arts. 3, 4, 23 ("当事人在人民调解活动中
享有下列权利：（一）选择或者接受人民调解员；（二）接受调解、拒绝调解或者要求终止调解；（三）要求调解公开进行或者
不公开进行；（四）自主表达意愿、自愿达成调解协议"), 24, 31 and 33; for 治安调解 the 治安管理处罚法 Art. 9 and
the 治安调解工作规范 Arts. 3, 6, 7. Then each party's signature that they were told, and the issuer's seal."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from .case_common import DocumentPart, issuer, render, signature_labels, spec, text, title_of
from .case_data import CaseData
from .layout import SignatureLines, doc_styles, keep, lines_of, para, side_by_side, title_block, unit_and_date


def rights_part(case: CaseData) -> DocumentPart:
    title = title_of(case, "rights")
    page = spec(case, title)
    styles = doc_styles()
    story: list[Flowable] = title_block(title, number=case.number)
    body = text(case, "rights.security" if case.is_security else "rights.peoples")
    lines = lines_of(body)
    for index, line in enumerate(lines):
        story.append(para(line, styles.body if index == 0 else styles.body_indent))
    story.append(Spacer(1, 6 * mm))
    story.append(keep(
        para(text(case, "rights.acknowledgement"), styles.body_indent),
        Spacer(1, 3 * mm),
        SignatureLines(signature_labels(case), columns=2),
        Spacer(1, 3 * mm),
        side_by_side(SignatureLines(["告知人签名"], columns=1),
                     unit_and_date(issuer(case), case.received_at.date(), seal_note="（印章）",
                                   seal_png=case.seal_png)),
    ))
    return DocumentPart("rights", title, page, story)


def build_rights_notice(case: CaseData) -> bytes:
    return render(case, rights_part)
