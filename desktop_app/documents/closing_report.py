"""结案报告表: 卷号, 承办单位, 承办人 (the mediators of the cover), 受案时间, 结案时间, the parties with address
and phone, 案件来源, 纠纷类型 (治安调解: 案由), 纠纷简要事实, 调解结果, 协议履行情况 (from the last visit),
司法确认 (人民调解), the body's opinion, the responsible person's signature and the seal."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from ..domain.dates import format_date
from .agreement import amount_line
from .case_common import DocumentPart, issuer, principal_parties, render, spec, text, title_of
from .case_data import CaseData
from .layout import (
    SignatureLines,
    date_or_blank,
    format_datetime,
    info_table,
    keep,
    numbered_items,
    side_by_side,
    title_block,
    unit_and_date,
)


def closing_part(case: CaseData) -> DocumentPart:
    title = title_of(case, "closing")
    page = spec(case, title)
    width = page.frame_width
    story: list[Flowable] = title_block(title, number=case.number, number_label="卷号：")
    parties = "\n".join(f"{p.role}：{p.name}　住址：{p.address or '—'}　联系电话：{p.phone or '—'}"
                        for p in principal_parties(case))
    outcome = case.outcome_status or case.status
    result = [case.outcome or outcome] + numbered_items(case.agreement_terms)
    if amount_line(case):
        result.append(amount_line(case))
    if case.is_security and outcome == "调解成功":
        result.append("达成协议并履行的，不予处罚。")
    last = case.follow_ups[-1] if case.follow_ups else None
    performed = "，".join(x for x in ((f"{format_date(last.date)}回访：{last.performed}" if last else ""),
                                       last.satisfaction if last else "") if x)
    rows = [
        [("承办单位", issuer(case)), ("填表时间", date_or_blank(case.filed_on))],
        [("承办人", case.host_officer if case.is_security else "、".join(case.mediators)),
         ("案件来源", case.source)],
        [("受案时间", format_datetime(case.received_at)),
         ("结案时间", format_date(case.closed_on) if case.closed_on else "")],
        [("案由" if case.is_security else "纠纷类型", case.offence if case.is_security else case.category),
         ("调解次数", f"{len(case.sessions)}次")],
        [("当事人", parties)],
        [("纠纷简要事实", case.facts or case.summary)],
        [("调解结果", "\n".join(result))],
        [("协议履行情况", performed)],
    ]
    if not case.is_security:
        confirmation = ""
        if case.confirmation_applied_on:
            confirmation = (f"{format_date(case.confirmation_applied_on)}共同向{case.confirmation_court}申请司法确认"
                            f"{'，' + case.confirmation_result if case.confirmation_result else ''}")
        rows.append([("司法确认", confirmation or "未申请")])
    opinion = text(case, "closing.security_opinion" if case.is_security else "closing.peoples_opinion")
    rows.append([("审核意见" if case.is_security else "调委会意见", opinion)])
    story.append(info_table(rows, width, label_width=26 * mm, min_heights={5: 30 * mm, 6: 24 * mm}))
    story.append(Spacer(1, 8 * mm))
    story.append(keep(side_by_side(SignatureLines(["承办人签名", "负责人签名"], columns=1),
                                   unit_and_date(issuer(case), case.closed_on, seal_note="（印章）",
                                                 seal_png=case.seal_png))))
    return DocumentPart("closing", title, page, story)


def build_closing_report(case: CaseData) -> bytes:
    return render(case, closing_part)
