"""The wording of the documents' fixed clauses: every document renders from the default templates with every
clause in it, the office's own wording prints instead, a wrong placeholder is refused, 恢复默认 restores."""

from __future__ import annotations

import io
import re
import string
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from desktop_app.db.models import AuditLog
from desktop_app.documents import case_wording
from desktop_app.documents.dossier import build_dossier
from desktop_app.services.cases.document_data import case_document_data, render_document
from desktop_app.services.cases.fields import CaseInvalid
from desktop_app.services.cases.wording import office_wording, reset_wording, save_wording, wording_entries

TODAY = date(2026, 5, 20)


def text_of(pdf: bytes) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))


def literal_parts(template: str) -> list[str]:
    """The fixed pieces of a clause between its placeholders, those long enough to look for."""
    pieces = [re.sub(r"\s+", "", text) for text, _n, _s, _c in string.Formatter().parse(template)]
    return [p for p in pieces if len(p) >= 4]


def test_the_shipped_wording_is_valid():
    keys = case_wording.clause_keys()
    assert len(keys) == len(set(keys)) > 20
    for key in keys:
        assert case_wording.wording_problems(key, case_wording.default_text(key)) == [], key
    assert set(case_wording.placeholders()) >= {p for k in keys for p in case_wording.clause_info(k)["placeholders"]}


def test_every_document_renders_every_clause_from_the_default_templates(mediation_cases):
    rendered = ""
    for kind_key in ("peoples", "security"):
        data = case_document_data(mediation_cases[kind_key], masked=False, today=TODAY)
        assert data.wording == {}
        rendered += text_of(build_dossier(data))
        if kind_key == "peoples":
            from desktop_app.documents.agreement import build_oral_agreement

            rendered += text_of(build_oral_agreement(replace(data, oral_agreement=True)))
        else:  # not yet closed: its 结案报告表 as it will be; an agreement of 2025 under the old law
            from desktop_app.documents.agreement import build_agreement
            from desktop_app.documents.closing_report import build_closing_report

            rendered += text_of(build_agreement(replace(data, agreement_date=date(2025, 12, 1))))
            rendered += text_of(build_closing_report(replace(data, closed_on=TODAY)))
    assert "{" not in rendered and "}" not in rendered
    for key in case_wording.clause_keys():
        for piece in literal_parts(case_wording.default_text(key)):
            assert piece in rendered, (key, piece)


def test_the_office_rewords_a_clause_and_restores_it(mediation_cases):
    case_id = mediation_cases["peoples"]
    key = "agreement.copies"
    entry = save_wording(key, "本协议书一式{copies}份，由各方当事人和{body}分别保存。")
    assert entry.changed and office_wording() == {key: entry.text}
    agreement = text_of(render_document(case_id, "调解协议书", today=TODAY))
    assert "本协议书一式三份，由各方当事人和夏普吐勒镇人民调解委员会分别保存。" in agreement
    assert "当事人、人民调解委员会各持一份" not in agreement
    with pytest.raises(CaseInvalid) as info:
        save_wording(key, "一式{份数}份")
    assert "{份数}" in info.value.by_field()["wording"] and "{copies}" in info.value.by_field()["wording"]
    with pytest.raises(CaseInvalid, match="花括号不成对"):
        save_wording(key, "一式{copies份")
    with pytest.raises(CaseInvalid, match="不能为空"):
        save_wording(key, "  ")
    reset_wording(key)
    assert office_wording() == {}
    assert "当事人、人民调解委员会各持一份" in text_of(render_document(case_id, "调解协议书", today=TODAY))
    save_wording("rights.acknowledgement", "我已知悉上述权利义务。")
    reset_wording()
    assert not any(e.changed for e in wording_entries())
    summaries = [a.summary for a in AuditLog.select().where(AuditLog.summary.contains("调解文书措辞"))]
    assert summaries[0] == "调解文书措辞：人民调解协议书·份数" and summaries[-1].endswith("全部")


def test_entries_say_what_each_clause_may_use():
    entry = next(e for e in wording_entries() if e.key == "back.statement")
    assert entry.document == "封底" and set(entry.placeholders) == {"documents", "pages"}
    assert not entry.changed and entry.text == entry.default
