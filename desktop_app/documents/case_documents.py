"""The documents of a dispute case (DESIGN.md §4), after 司法部's 人民调解文书格式 (2010) and 《公安机关治安调解
工作规范》: here the 受理登记表, 调解记录 and 回访记录 of both kinds, a one-page case summary and the register
of cases for a period; the others are one module each (application, rights_notice, investigation_record,
agreement with the 口头协议登记表, closing_report) and the 卷宗 that binds them (dossier).

Plain data in (`case_data`), PDF bytes out. Every document of a 人民调解 case is issued and sealed in the
name of its 调委会, of a 治安调解 case in the 派出所's; the summary and the register are the office's own
working papers. ID numbers, phones and addresses print as they arrive: the caller has masked them or, for a
legal original, not (`CaseData.masked`). Fixed clauses come from case_wording (the office may reword them).
"""

from __future__ import annotations

import re

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from ..domain.dates import format_date
from ..domain.vocabulary import FAILED, PUBLIC_SECURITY_MEDIATION
from .agreement import amount_line, build_agreement, build_oral_agreement
from .case_common import (
    DocumentPart,
    age_at,
    case_names,
    issuer,
    mediator_word,
    parties_table,
    parties_text,
    render,
    signature_labels,
    spec,
    text,
    title_of,
)
from .case_data import CaseData, FollowUpData, RegisterData, SessionData
from .layout import (
    MARK_TEXT,
    Cell,
    PageSpec,
    SignatureLines,
    build_pdf,
    column_width,
    data_table,
    doc_styles,
    format_datetime,
    info_table,
    join_clauses,
    keep,
    numbered_items,
    para,
    shorten,
    side_by_side,
    title_block,
    unit_and_date,
)
from .line_breaks import keeping

__all__ = [
    "REGISTER_TITLE", "SUMMARY_TITLE", "acceptance_part", "build_acceptance_form", "build_agreement",
    "build_case_register", "build_case_summary", "build_follow_up_record", "build_oral_agreement",
    "build_session_record", "follow_up_part", "parties_text", "session_part",
]

SUMMARY_TITLE = "纠纷案件摘要"
REGISTER_TITLE = "纠纷案件登记簿"
OVERDUE_MARK = "超期"
FOLLOW_UP_LABEL = 26 * mm
CHECKED, UNCHECKED = "√", "□"


def _printed_on(case: CaseData) -> str:
    return f"打印日期：{format_date(case.printed_on)}" if case.printed_on else ""


def _issuer_block(case: CaseData, when, note: str = "（印章）") -> Flowable:
    return unit_and_date(issuer(case), when, seal_note=note, seal_png=case.seal_png)


def _deadline_cell(case: CaseData, at_acceptance: bool = False) -> str:
    deadline = (case.first_deadline or case.deadline) if at_acceptance else case.deadline
    if deadline:
        return format_date(deadline)
    return f"待{case.appraisal}文书出具后3个工作日内" if case.appraisal else ""


# --- 受理登记表 -----------------------------------------------------------------------------------------


def acceptance_part(case: CaseData) -> DocumentPart:
    """人民调解受理登记表 ("经当事人同意", 纠纷类型, 案件来源, 纠纷简要情况, 当事人签名, 登记人, 调委会印章) or
    治安调解受理登记表 (案由, 情节, 鉴定/认定, 双方同意 with their signatures, the 派出所's seal)."""
    title = title_of(case, "acceptance")
    page = spec(case, title)
    width, styles = page.frame_width, doc_styles()
    story: list[Flowable] = title_block(title, number=case.number)
    opening = "acceptance.security_opening" if case.is_security else "acceptance.peoples_opening"
    story.append(para(text(case, opening), styles.body_indent))
    story.append(Spacer(1, 2 * mm))
    if case.is_security:
        rows = [
            [("受理时间", format_datetime(case.received_at)), ("案件来源", case.source)],
            [("案由", case.offence), ("纠纷类别", case.category)],
            [("案发时间", format_datetime(case.incident_at) if case.incident_at else ""),
             ("案发地点", case.incident_place or case.place)],
            [("鉴定/认定", case.appraisal or "不需要"), ("办理期限", _deadline_cell(case, at_acceptance=True))],
            [("主持人", case.host_officer), ("记录人", case.recorder)],
        ]
    else:
        rows = [
            [("受理时间", format_datetime(case.received_at)), ("案件来源", case.source)],
            [("纠纷类型", case.category), ("发生地点", case.place)],
            [("人民调解员", "、".join(case.mediators)), ("办理期限", _deadline_cell(case, at_acceptance=True))],
        ]
    story.append(info_table(rows, width))
    story += [Spacer(1, 4 * mm), para("当事人基本情况", styles.label), Spacer(1, 1 * mm), parties_table(case, width),
              Spacer(1, 4 * mm)]
    brief: list[tuple[str, Cell]] = [("纠纷简要情况" if not case.is_security else "简要案情",
                                      case.summary or case.facts or case.incident_course)]
    heights = {0: (30 if case.is_security else 45) * mm}
    if case.is_security:
        brief.append(("情节", case.circumstances))
        brief.append(("双方同意", f"{CHECKED if case.parties_consent else UNCHECKED}双方当事人同意治安调解"))
        heights[1] = 14 * mm
    story.append(info_table([[pair] for pair in brief], width, min_heights=heights))
    story.append(Spacer(1, 6 * mm))
    remark = "acceptance.security_remark" if case.is_security else "acceptance.peoples_remark"
    signers = signature_labels(case)
    officials = ["受理人（签名）", "登记人（签名）"] if not case.is_security else ["受理民警（签名）", "登记人（签名）"]
    story.append(keep(
        para("当事人（签名）：", styles.label), SignatureLines(signers, columns=2),
        Spacer(1, 2 * mm),
        side_by_side(SignatureLines(officials, columns=1), _issuer_block(case, case.received_at.date())),
        Spacer(1, 3 * mm), para(f"备注：{text(case, remark)}", styles.small),
    ))
    return DocumentPart("acceptance", title, page, story)


def build_acceptance_form(case: CaseData) -> bytes:
    return render(case, acceptance_part)


# --- 调解记录 -------------------------------------------------------------------------------------------


def session_part(case: CaseData, session_index: int | None = None) -> DocumentPart:
    """调解记录 of one session (`session_index`, from 0) or of all, each on its own page: 时间, 地点, 事由,
    当事人, 参加人 (the others invited), 调解员 (主持人), 记录人, "已告知当事人权利义务", what was said and the
    result, and the signatures of the parties, 参加人, mediators and recorder."""
    if session_index is not None and not 0 <= session_index < len(case.sessions):
        raise IndexError(f"本案只有{len(case.sessions)}次调解记录")
    title = title_of(case, "session")
    page = spec(case, title)
    chosen: list[tuple[int, SessionData | None]]
    if session_index is not None:
        chosen = [(session_index, case.sessions[session_index])]
    else:
        chosen = list(enumerate(case.sessions)) or [(0, None)]
    story: list[Flowable] = []
    for position, (index, session) in enumerate(chosen):
        if position:
            story.append(PageBreak())
        story += _session_page(case, title, index, session, page.frame_width)
    return DocumentPart("session", title, page, story)


def build_session_record(case: CaseData, session_index: int | None = None) -> bytes:
    return render(case, lambda c: session_part(c, session_index))


def _session_page(case: CaseData, title: str, index: int, session: SessionData | None,
                  width: float) -> list[Flowable]:
    subtitle = f"（第{index + 1}次调解）" if len(case.sessions) > 1 or index else ""
    story = title_block(title, number=case.number, subtitle=subtitle)
    notice = text(case, "session.security_notice" if case.is_security else "session.peoples_notice")
    notified = session is not None and session.rights_notified
    notice_cell = f"{CHECKED}{notice}" if notified else f"{UNCHECKED}{notice}"
    matter = f"{case.offence}（{case.category}纠纷）" if case.is_security and case.offence else f"{case.category}纠纷"
    story.append(info_table([
        [("调解时间", format_datetime(session.held_at) if session else ""), ("调解地点", session.place if session else "")],
        [("事由", matter)],
        [("当事人", parties_text(case.parties))],
        [("参加人", session.present if session else "")],
        [(mediator_word(case), case.host_officer if case.is_security else "、".join(case.mediators)),
         ("记录人", case.recorder)],
        [("告知情况", notice_cell)],
        [("调解情况", session.record if session else "")],
        [("调解结果", session.result if session else "")],
    ], width, min_heights={3: 12 * mm, 6: 85 * mm, 7: 20 * mm}))
    story.append(Spacer(1, 6 * mm))
    officials = ["主持人签名", "记录人签名"] if case.is_security else ["调解员签名", "记录人签名"]
    signers = signature_labels(case) + (["参加人签名"] if session is None or session.present.strip() else [])
    story.append(keep(
        para(text(case, "session.confirm"), doc_styles().body),
        Spacer(1, 3 * mm),
        SignatureLines(signers, columns=2),
        SignatureLines(officials),
    ))
    return story


# --- 调解协议书: see agreement.py ----------------------------------------------------------------------

# --- 回访记录 -------------------------------------------------------------------------------------------


def follow_up_part(case: CaseData) -> DocumentPart:
    """回访记录: 当事人, 调解协议编号, then each visit (回访时间, 回访人, 回访事由, 履行情况, 满意程度, 激化迹象,
    采取的措施) with signature lines; a blank form when there was no visit yet."""
    title = title_of(case, "follow_up")
    page = spec(case, title)
    width, styles = page.frame_width, doc_styles()
    story: list[Flowable] = title_block(title, number=case.number)
    story.append(info_table([
        [("当事人", parties_text(case.parties))],
        [("调解协议编号", case.number), ("协议日期", format_date(case.agreement_date) if case.agreement_date else "")],
        [("协议内容", "\n".join(numbered_items(case.agreement_terms)) + _amount_suffix(case))],
        [("履行期限", format_date(case.performance_deadline) if case.performance_deadline else ""),
         ("纠纷类别", case.category)],
    ], width, label_width=FOLLOW_UP_LABEL))
    visits: list[FollowUpData | None] = list(case.follow_ups) or [None]
    for number, visit in enumerate(visits, start=1):
        block: list[Flowable] = [Spacer(1, 5 * mm)]
        if len(visits) > 1:
            block.append(para(f"第{number}次回访", styles.heading))
        reason = (visit.reason if visit else "") or f"{case.category}纠纷调解协议履行情况"
        block.append(info_table([
            [("回访时间", format_date(visit.date) if visit else ""), ("回访人", visit.visitor if visit else "")],
            [("回访事由", reason)],
            [("履行情况", visit.performed if visit else ""), ("满意程度", visit.satisfaction if visit else "")],
            [("激化迹象", visit.escalation_signs if visit else "")],
            [("回访情况", visit.notes if visit else "")],
            [("采取的措施", visit.measures if visit else "")],
        ], width, label_width=FOLLOW_UP_LABEL, min_heights={3: 12 * mm, 4: 16 * mm, 5: 14 * mm}))
        story.append(keep(block))
    last = case.follow_ups[-1].date if case.follow_ups else None
    story.append(Spacer(1, 4 * mm))
    story.append(para(text(case, "follow_up.note"), styles.small))
    story.append(Spacer(1, 4 * mm))
    story.append(keep(side_by_side(SignatureLines(["回访人签名", "被回访人签名"], columns=1),
                                   _issuer_block(case, last))))
    return DocumentPart("follow_up", title, page, story)


def build_follow_up_record(case: CaseData) -> bytes:
    return render(case, follow_up_part)


def _amount_suffix(case: CaseData) -> str:
    line = amount_line(case)
    return f"\n{line}" if line else ""


# --- 案件摘要 -------------------------------------------------------------------------------------------


def build_case_summary(case: CaseData) -> bytes:
    """One page: the case at a glance, facts, steps (sessions in short), outcome and follow-up. Long texts
    are shortened (more each try) until the summary fits on one page. The office's own working paper."""
    page = PageSpec(title=SUMMARY_TITLE, unit_name=case.unit_name,
                    header_right=f"{SUMMARY_TITLE}  {case.number}".strip(),
                    subject=f"{SUMMARY_TITLE} {case.number}".strip(), footer_left=_printed_on(case))
    pdf = b""
    with keeping(case_names(case)):
        for scale in (1.0, 0.6, 0.35, 0.2):
            pdf = build_pdf(_summary_story(case, page.frame_width, scale), page)
            if _page_count(pdf) == 1:
                break
    return pdf


def _page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def _summary_story(case: CaseData, width: float, scale: float) -> list[Flowable]:
    styles = doc_styles()

    def cut(value: str, limit: int) -> str:
        return shorten(value, max(12, int(limit * scale)))

    story: list[Flowable] = title_block(SUMMARY_TITLE, number=case.number)
    shown = max(2, int(6 * scale))
    party_lines = []
    when = case.received_at.date()
    for p in case.parties[:shown]:
        age = age_at(p, when)
        details = "，".join(x for x in (p.gender, p.ethnic, f"{age}岁" if age else "", p.id_number, p.phone) if x)
        party_lines.append(f"{p.role}：{p.name}" + (f"（{details}）" if details else ""))
    if len(case.parties) > shown:
        party_lines.append(f"……共{len(case.parties)}人")
    organisation = case.unit_name if case.is_security else (case.body_name or "（未指定调委会）")
    story.append(info_table([
        [("调解类型", case.kind), ("纠纷类别", case.category)],
        [("调解组织", organisation), ("案由", case.offence) if case.is_security else ("纠纷来源", case.source)],
        [("受理时间", format_datetime(case.received_at)), ("案件状态", case.status)],
        [("办理期限", _deadline_cell(case)), ("结案日期", format_date(case.closed_on) if case.closed_on else "")],
        [("调解人员", "、".join(case.mediators))],
        [("当事人", "\n".join(party_lines))],
    ], width))
    story.append(Spacer(1, 2 * mm))

    story.append(para("一、基本事实", styles.label))
    story.append(para(cut(case.facts or case.summary, 420) or "（未填写）", styles.body_indent))

    story.append(para("二、调解经过", styles.label))
    sessions = case.sessions[: max(2, int(6 * scale))]
    for number, s in enumerate(sessions, start=1):
        what = cut(s.result or s.record, 90) or "（未记录）"
        where = f"，{s.place}" if s.place else ""
        story.append(para(f"{number}. {format_datetime(s.held_at)}{where}：{what}", styles.body_indent))
    if len(case.sessions) > len(sessions):
        story.append(para(f"……共{len(case.sessions)}次调解。", styles.body_indent))
    if not case.sessions:
        story.append(para("尚无调解记录。", styles.body_indent))

    story.append(para("三、调解结果", styles.label))
    outcome = [case.outcome or case.status]
    terms = numbered_items(case.agreement_terms)
    if terms:
        kind = "口头协议" if case.oral_agreement else "书面协议"
        outcome.append(f"{kind}内容：" + cut("\n".join(terms), 260))
    if amount_line(case):
        outcome.append(amount_line(case))
    if case.performance_deadline:
        outcome.append(f"履行期限：{format_date(case.performance_deadline)}前")
    if case.confirmation_applied_on:
        result = f"，{case.confirmation_result}" if case.confirmation_result else "，结果待定"
        outcome.append(f"{format_date(case.confirmation_applied_on)}向{case.confirmation_court}申请司法确认{result}")
    result_text = join_clauses(outcome)
    story.append(para(result_text if result_text.endswith("。") else result_text.rstrip("；，") + "。",
                      styles.body_indent))

    story.append(para("四、回访情况", styles.label))
    visits = case.follow_ups[-max(1, int(4 * scale)):]
    for v in visits:
        details = "，".join(x for x in (v.performed, f"满意程度：{v.satisfaction}" if v.satisfaction else "",
                                        f"激化迹象：{v.escalation_signs}" if v.escalation_signs else "") if x)
        by = f"（回访人：{v.visitor}）" if v.visitor else ""
        story.append(para(f"{format_date(v.date)}{by}：{cut(details, 90) or '已回访'}", styles.body_indent))
    if len(case.follow_ups) > len(visits):
        story.append(para(f"（共回访{len(case.follow_ups)}次，以上为最近{len(visits)}次）", styles.body_indent))
    if not case.follow_ups:
        story.append(para("尚未回访。", styles.body_indent))
    return story


# --- 案件登记簿 -----------------------------------------------------------------------------------------


def build_case_register(register: RegisterData) -> bytes:
    """The register of cases for a period on A4 landscape: one row a case, overdue rows marked
    (shaded, "超期" in the last column), header row repeated, "第 N 页 共 M 页" on each page; no name is
    broken across lines."""
    period = f"{format_date(register.period_from)}至{format_date(register.period_to)}"
    page = PageSpec(title=REGISTER_TITLE, unit_name=register.unit_name, landscape=True,
                    header_right=f"{REGISTER_TITLE}（{period}）", footer_left=f"打印日期：{format_date(register.printed_on)}",
                    subject=f"{REGISTER_TITLE} {period}", margin_left=15 * mm, margin_right=15 * mm,
                    margin_top=22 * mm, margin_bottom=20 * mm)
    names = [name for r in register.rows for part in re.split(r"[；;]", r.parties + "；" + r.mediators)
             for name in re.split(r"[、，,]", part.split("：")[-1].split(" ")[-1]) if name.strip()]
    with keeping(names):
        story = _register_story(register, period, page)
        return build_pdf(story, page)


def _register_story(register: RegisterData, period: str, page: PageSpec) -> list[Flowable]:
    overdue = sum(1 for r in register.rows if r.overdue)
    counts = f"共{len(register.rows)}件" + (f"，其中超期{overdue}件" if overdue else "")
    story: list[Flowable] = title_block(REGISTER_TITLE, subtitle=f"统计期间：{period}    {counts}")
    header = ["序号", "案件编号", "受理日期", "类型", "纠纷类别", "当事人", "调解人员", "状态", "办理期限",
              "调解结果", "超期"]
    mark = para(f'<font color="{MARK_TEXT.hexval().replace("0x", "#")}">{OVERDUE_MARK}</font>',
                doc_styles().table_centre, markup=True)
    rows: list[list[Cell]] = [
        [str(i), r.number, format_date(r.received_on), r.kind, r.category, r.parties, r.mediators, r.status,
         "\n".join(x for x in (format_date(r.deadline) if r.deadline else "", r.note) if x), r.outcome,
         mark if r.overdue else ""]
        for i, r in enumerate(register.rows, start=1)]
    if not rows:
        rows = [["", "本期间无案件", *[""] * (len(header) - 2)]]
    width = page.frame_width

    def fit(*texts: str) -> float:  # a column as wide as its widest text (header slightly larger)
        return column_width(texts, 9.5)

    widths = [
        fit("序号", str(len(rows))),
        min(fit("（2024）夏派调字第012号", *[r.number for r in register.rows]), 52 * mm),
        fit("2024年12月31日"),
        fit(PUBLIC_SECURITY_MEDIATION),
        fit("房屋宅基地"),
        0.0,  # 当事人: the rest, shared with 调解人员 and 调解结果
        0.0,
        fit(FAILED),
        fit("2024年12月31日"),
        0.0,
        fit("超期"),
    ]
    rest = width - sum(widths)
    widths[5], widths[6], widths[9] = rest * 0.42, rest * 0.26, rest * 0.32
    marked = [i for i, r in enumerate(register.rows) if r.overdue]
    story.append(data_table(header, rows, widths, centred=(0, 2, 3, 4, 7, 8, 10), marked_rows=marked))
    return story
