"""Every PDF writer copes with any text a record can hold after the hygiene step: tabs and line breaks,
emoji, right-to-left marks, private-use 生僻字, markup-like text, and the longest free text allowed."""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from pypdf import PdfReader

from desktop_app.documents.case_data import CaseData, FollowUpData, PartyData, SessionData
from desktop_app.documents.case_documents import (
    build_acceptance_form,
    build_agreement,
    build_case_summary,
    build_follow_up_record,
    build_session_record,
)
from desktop_app.documents.roster_pdf import RosterPdfData, RosterPdfRow, build_roster_pdf
from desktop_app.domain.text_hygiene import MAX_FIELD_TEXT, clean_text

ODD = "甲\t乙\n丙 😀👨‍👩‍👧 \u202eRTL\u202c \u200f\u0645\u0631\u062d\u0628\u0627 \ue000𠮷 <b>&amp;</b> {name} %s ' OR 1=1; --"
LONG_WORD = "A" * 3000  # no place to break a line
LONGEST = ("纠纷事实" * (MAX_FIELD_TEXT // 4))[:MAX_FIELD_TEXT]


def _case(text: str, long_text: str) -> CaseData:
    party = PartyData(role="申请人", name="努尔买买提·西热甫", gender="男", ethnic="维吾尔族", age=38,
                      id_number="", phone="", address=text, occupation=text)
    return CaseData(
        unit_name="伽师县公安局夏普吐勒派出所", number="（2024）夏派调字第012号", kind="人民调解", category="邻里",
        source="当事人申请", received_at=datetime(2024, 4, 8, 10, 30), status="调解成功", place=text,
        summary=text, facts=long_text, responsibilities=text, deadline=date(2024, 5, 8), outcome=text,
        agreement_terms=long_text, agreement_amount=Decimal("3500"), performance_way=text,
        performance_place=text, performance_deadline=date(2024, 4, 20), copies=3, agreement_date=date(2024, 4, 13),
        mediators=[text], recorder=text, parties=[party],
        sessions=[SessionData(datetime(2024, 4, 10, 15, 0), text, text, long_text, text)],
        follow_ups=[FollowUpData(date(2024, 4, 25), "已履行", "满意", text, text, long_text)],
        masked=True, printed_on=date(2024, 4, 26))


@pytest.mark.parametrize("build", [build_case_summary, build_agreement, build_acceptance_form,
                                   build_session_record, build_follow_up_record])
@pytest.mark.parametrize("long_text", [LONGEST, LONG_WORD + ODD], ids=["longest", "unbreakable"])
def test_case_documents_print_any_storable_text(build, long_text):
    text = clean_text(ODD, "x", "备注", multiline=True)
    pdf = build(_case(text, long_text))
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert pdf.startswith(b"%PDF") and len(pages) >= 1
    assert "努尔买买提" in "".join(page.extract_text() for page in pages)


def test_the_roster_prints_any_storable_text():
    """The roster's longest cells: a team name of 100 characters, skills of 500 (what validation allows)."""
    rows = [RosterPdfRow(name="努尔买买提·西热甫" + "A" * 40, team="B" * 100, skills=("交通劝导、" * 100)[:500],
                         status="在队") for _ in range(3)]
    rows.append(RosterPdfRow(name="王建国", team=ODD[:100], skills=ODD, status="在队"))
    pdf = build_roster_pdf(RosterPdfData(unit_name=ODD, printed_on=date(2024, 4, 13), rows=rows))
    assert "努尔买买提" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
