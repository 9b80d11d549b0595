"""人民调解申请书 (司法部 2010 format): each 申请人 and 被申请人 with 姓名, 性别, 民族, 年龄, 职业或职务, 联系方式,
单位或住址; 纠纷简要情况陈述; 当事人申请事项; the declaration that the 调委会 told the applicant the rules and
that he applies of his own will; the applicant's signature (seal or fingerprint) and the date."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from .case_common import APPLICANT, RESPONDENT, DocumentPart, age_at, render, spec, text, title_of
from .case_data import CaseData, PartyData
from .layout import (
    SignatureBoxes,
    SignatureEntry,
    date_or_blank,
    doc_styles,
    info_table,
    keep,
    numbered_items,
    para,
    title_block,
)


def application_part(case: CaseData) -> DocumentPart:
    title = title_of(case, "application")
    page = spec(case, title)
    width, styles = page.frame_width, doc_styles()
    story: list[Flowable] = title_block(title, number=case.number)
    applicants = [p for p in case.parties if p.role == APPLICANT] or [PartyData(APPLICANT, "")]
    respondents = [p for p in case.parties if p.role == RESPONDENT] or [PartyData(RESPONDENT, "")]
    for party in applicants + respondents:
        story.append(_person(case, party, width))
        story.append(Spacer(1, 2 * mm))
    requests = numbered_items(case.requests, style="arabic") or ["1. ", "2. ", "3. "]
    story.append(info_table([
        [("纠纷简要情况陈述", case.facts or case.summary)],
        [("当事人申请事项", "\n".join(requests))],
    ], width, label_width=30 * mm, min_heights={0: 40 * mm, 1: 24 * mm}))
    story.append(Spacer(1, 5 * mm))
    entries = [SignatureEntry(APPLICANT, p.name) for p in applicants]
    story.append(keep(
        para(text(case, "application.declaration"), styles.body_indent),
        Spacer(1, 3 * mm),
        para("申请人（签名盖章或按指印）：", styles.label),
        SignatureBoxes(entries, caption="签名盖章"),
        para(date_or_blank(case.received_at.date()), styles.right),
    ))
    return DocumentPart("application", title, page, story)


def _person(case: CaseData, party: PartyData, width: float) -> Flowable:
    when = case.received_at.date()
    age = age_at(party, when)
    return info_table([
        [(f"{party.role}姓名", party.name), ("性别", party.gender)],
        [("民族", party.ethnic), ("年龄", age)],
        [("职业或职务", party.occupation), ("联系方式", party.phone)],
        [("单位或住址", party.address)],
    ], width, label_width=24 * mm)


def build_application(case: CaseData) -> bytes:
    return render(case, application_part)
